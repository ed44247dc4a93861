// name-consistency: one Korean person written two ways in one English document — family name first
// in one place and last in another ("Yoon Seok-yeol" / "Seok-Yeol Yoon"), or the given name
// capitalised or hyphenated differently ("Seok-Yeol" / "Seok-yeol" / "Seokyeol"), or spelled in two
// romanisations of the same Hangul name in the linked Korean ("Yoon Suk-yeol" / "Yoon Seok-yeol"
// for 윤석열). Document-wide and minor: one finding per person, on every English segment that
// writes the name (and the Korean segments where its Hangul form was found).
// Names are the Korean shape: a short family name next to a hyphenated given name.
#include <algorithm>
#include <map>

#include "checks/checks.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "names.hpp"
#include "romanize.hpp"

namespace kealign {
namespace {

constexpr std::size_t kMinNameSyllables = 2;
constexpr std::size_t kMaxNameSyllables = 4;

struct Mention {
  lang::PersonName name;
  std::uint32_t en_segment;
  std::vector<std::uint32_t> ko_segments;  // where the Hangul form was found
  std::u32string hangul;                   // the Hangul name, when found in the linked Korean
};

// A mention's spelling as a reader sees it: word order plus the given name as written.
std::string style(const lang::PersonName& n) {
  return (n.surname_first ? "family-first " : "given-first ") + n.surface;
}

// Union-find over mentions.
std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

class NameConsistencyCheck final : public Check {
 public:
  std::string_view id() const override { return "name-consistency"; }
  std::string_view description() const override {
    return "one person's name written two ways in the English document";
  }

  void run(const CheckContext& ctx, const CheckOptions&, std::vector<Finding>& out) const override {
    const qa_detail::SharedView& view = qa_detail::shared_view(ctx);
    std::vector<Mention> mentions;
    std::vector<lang::LatinWordRef> words;
    for (const Bead& b : ctx.alignment) {
      for (const auto& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end)) {
        view.en.latin_word_refs(p.segment, words);
        for (lang::PersonName& n : lang::korean_style_names(words)) {
          Mention m{std::move(n), p.segment, {}, {}};
          find_hangul(m, view.ko, b);
          mentions.push_back(std::move(m));
        }
      }
    }
    report(mentions, out);
  }

 private:
  // The Hangul of the link's Korean side that the name romanises, from the shared view's stems.
  static void find_hangul(Mention& m, const qa_detail::SideView& ko, const Bead& b) {
    const std::string spelled = m.name.surname + m.name.given;
    for (const auto& p : qa_detail::side_pieces(ko.text(), b.ko_begin, b.ko_end)) {
      for (const std::vector<std::u32string>& stems : ko.hangul_stems(p.segment)) {
        for (const std::u32string& stem : stems) {
          if (stem.size() < kMinNameSyllables || stem.size() > kMaxNameSyllables) continue;
          if (!lang::is_romanization(spelled, stem)) continue;
          m.hangul = stem;
          if (std::find(m.ko_segments.begin(), m.ko_segments.end(), p.segment) ==
              m.ko_segments.end())
            m.ko_segments.push_back(p.segment);
        }
      }
    }
  }

  void report(const std::vector<Mention>& mentions, std::vector<Finding>& out) const {
    std::vector<std::size_t> parent(mentions.size());
    for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
    std::map<std::string, std::size_t> by_key;
    std::map<std::u32string, std::size_t> by_hangul;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      const auto join = [&](auto& index, const auto& key) {
        const auto [it, fresh] = index.emplace(key, i);
        if (!fresh) parent[root(parent, i)] = root(parent, it->second);
      };
      join(by_key, mentions[i].name.surname + " " + mentions[i].name.given);
      if (!mentions[i].hangul.empty()) join(by_hangul, mentions[i].hangul);
    }
    std::map<std::size_t, std::vector<const Mention*>> groups;
    for (std::size_t i = 0; i < mentions.size(); ++i)
      groups[root(parent, i)].push_back(&mentions[i]);
    for (const auto& [r, group] : groups) {
      std::map<std::string, std::vector<const Mention*>> styles;
      for (const Mention* m : group) styles[style(m->name)].push_back(m);
      if (styles.size() < 2) continue;
      std::vector<qa_detail::Variant> variants;
      for (const auto& [s, ms] : styles) {
        qa_detail::Variant& v = variants.emplace_back();
        v.shown = "“" + ms.front()->name.surface + "”";
        for (const Mention* m : ms) {
          v.en_ids.insert(m->en_segment);
          v.ko_ids.insert(m->ko_segments.begin(), m->ko_segments.end());
          v.en_spans.push_back(m->name.span);
        }
      }
      out.push_back(qa_detail::variants_finding(id(), variants, "one person is written "));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_name_consistency_check() {
  return std::make_unique<NameConsistencyCheck>();
}

}  // namespace kealign
