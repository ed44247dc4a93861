// mistranslation: a Sino-Korean homograph rendered in the sense its Korean context rules out. One
// Hangul spelling stands for several Hanja words (진화: 鎭火 "put out, quell" and 進化 "evolve";
// 사고: 事故 "accident" and 思考 "thinking"), and a translation engine often picks the wrong one.
// The sense is judged from the link's other Korean words — the words each sense goes with (산불,
// 논란, an argument in -론 for 鎭火; 생물, 인류, 진화론 for 進化) — and the English is read for the
// renderings of each sense. A finding needs all three: a context cue for one sense, an English
// rendering of another, and no rendering of the cued sense; it names the word pair. Major
// (confidence 0.7): a wrong sense inverts or garbles the sentence. The table below is data: each
// entry lists, per sense, its English renderings (word beginnings: "evolv" for evolve, evolves,
// evolving) and its Korean cues (a stem that starts a word of the link, "~X" for a stem ending in
// X, "=X" for the stem X itself).
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>

#include "checks/checks.hpp"
#include "checks/english_words.hpp"
#include "checks/learnt_words.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "names.hpp"

namespace kealign {
namespace {

struct Sense {
  std::string_view hanja;
  std::vector<std::string_view> english;  // renderings, as word beginnings (lowercase)
  std::vector<std::u32string_view> cues;  // Korean stems the sense goes with
};

struct Homograph {
  std::u32string_view hangul;
  std::vector<Sense> senses;
};

const std::vector<Homograph>& homographs() {
  static const std::vector<Homograph> table = {
      {U"진화",
       {{"鎭火 (put out, quell)",
         {"extinguish", "put out", "quell", "douse", "contain", "defus", "tamp", "calm", "suppress",
          "fight", "control", "dampen", "settle", "stem"},
         {U"=불", U"화재", U"산불", U"불길", U"논란", U"의혹", U"파문", U"사태", U"갈등", U"우려",
          U"~론", U"소방"}},
        {"進化 (evolve)",
         {"evolv", "evolution"},
         {U"생물", U"인류", U"진화론", U"다윈", U"생명", U"=종", U"공룡", U"유전", U"화석"}}}},
      {U"사고",
       {{"事故 (accident)",
         {"accident", "crash", "incident", "collision", "mishap", "disaster"},
         {U"교통", U"발생", U"사망", U"부상", U"충돌", U"추락", U"열차", U"차량", U"항공",
          U"안전"}},
        {"思考 (thinking)",
         {"think", "thought", "mindset", "reasoning", "mind"},
         {U"방식", U"능력", U"창의", U"비판", U"논리", U"사고력"}}}},
      {U"의사",
       {{"醫師 (doctor)",
         {"doctor", "physician", "medical", "surgeon"},
         {U"병원", U"환자", U"진료", U"치료", U"간호", U"수술", U"의대"}},
        {"意思 (intention)",
         {"intent", "willing", "wish", "desire", "decision"},
         {U"표시", U"결정", U"전달", U"존중", U"의사소통", U"반하"}}}},
      {U"부정",
       {{"不正 (fraud)",
         {"fraud", "irregular", "corrupt", "rigg", "illicit", "illegal", "cheat", "wrongdoing"},
         {U"선거", U"입시", U"채용", U"비리", U"회계", U"부패", U"수급"}},
        {"否定 (denial)",
         {"deny", "deni", "negat", "reject", "dismiss"},
         {U"긍정", U"부인", U"평가", U"부정적"}}}},
      {U"수상",
       {{"首相 (prime minister)",
         {"prime minister", "premier"},
         {U"내각", U"총리", U"정부", U"관저"}},
        {"受賞 (award)",
         {"award", "prize", "winner", "honor", "honour"},
         {U"영화제", U"시상", U"부문", U"후보", U"수상자", U"트로피"}}}},
  };
  return table;
}

// Each homograph's spelling in UTF-8, in homographs() order.
const std::vector<std::string>& homograph_spellings() {
  static const std::vector<std::string> spellings = [] {
    std::vector<std::string> out;
    for (const Homograph& h : homographs()) out.push_back(to_utf8(h.hangul));
    return out;
  }();
  return spellings;
}

bool cue_matches(std::u32string_view cue, const std::vector<std::u32string>& stems) {
  const bool suffix = !cue.empty() && cue.front() == U'~';
  const bool exact = !cue.empty() && cue.front() == U'=';
  if (suffix || exact) cue.remove_prefix(1);
  for (const std::u32string& s : stems) {
    if (exact) {
      if (s == cue) return true;
      continue;
    }
    if (s.size() < cue.size()) continue;
    if (suffix ? s.compare(s.size() - cue.size(), cue.size(), cue) == 0
               : s.compare(0, cue.size(), cue) == 0)
      return true;
  }
  return false;
}

// The English renderings of a sense found in the lowercased English side, "" when none.
std::string_view rendered(const Sense& sense, const std::string& english,
                          const std::vector<qa_detail::Word>& words) {
  for (std::string_view r : sense.english) {
    if (r.find(' ') != std::string_view::npos) {
      if (english.find(r) != std::string::npos) return r;
      continue;
    }
    for (const qa_detail::Word& w : words)
      if (w.key.compare(0, r.size(), r) == 0) return r;
  }
  return {};
}

class MistranslationCheck final : public Check {
 public:
  std::string_view id() const override { return "mistranslation"; }
  std::string_view description() const override {
    return "a Sino-Korean homograph in the sense its context rules out, or a Korean word whose "
           "usual rendering in the pair is missing from its link";
  }
  std::vector<CheckParameter> parameters() const override {
    const qa_detail::LearntWordOptions d;
    return {{"words", 1, "1: report Korean words whose learnt rendering is missing from the link"},
            {"word-min-links", d.min_links,
             "other links a Korean word must occur in for its rendering to be trusted"},
            {"word-min-share", d.min_share,
             "share of the word's other links that must hold the rendering"},
            {"word-min-dice", d.min_dice,
             "Dice coefficient of the word and its rendering over the pair's 1-1 links"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    if (options.param(id(), "words", 1) != 0) {
      qa_detail::LearntWordOptions o;
      o.min_links = options.param(id(), "word-min-links", o.min_links);
      o.min_share = options.param(id(), "word-min-share", o.min_share);
      o.min_dice = options.param(id(), "word-min-dice", o.min_dice);
      qa_detail::learnt_word_findings(ctx, o, id(), out);
    }
    const qa_detail::SharedView& view = qa_detail::shared_view(ctx);
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      const auto ko_pieces = qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end);
      // The first word spelt like each homograph, found by its bytes in one pass over the words
      // kept (most links have none).
      const std::vector<std::string>& spellings = homograph_spellings();
      std::vector<std::optional<Span>> first(spellings.size());
      bool any = false;
      for (const qa_detail::Piece& p : ko_pieces)
        view.ko.visit_hangul_stems(
            p.segment, [&](std::size_t from, std::size_t to, std::size_t, std::size_t) {
              const std::string_view word = p.text.substr(from, to - from);
              for (std::size_t i = 0; i < spellings.size(); ++i)
                if (!first[i] && word.size() >= spellings[i].size() && word[2] == spellings[i][2] &&
                    word.compare(0, spellings[i].size(), spellings[i]) == 0) {
                  first[i] = Span{p.base + from, p.base + to};
                  any = true;
                }
            });
      if (!any) continue;
      for (std::size_t hi = 0; hi < homographs().size(); ++hi) {
        const Homograph& h = homographs()[hi];
        const std::optional<Span>& at = first[hi];
        if (!at) continue;
        // The context: every other word of the link, as its stems.
        std::vector<std::u32string> stems;
        for (const qa_detail::Piece& p : ko_pieces)
          for (const std::vector<std::u32string>& word_stems : view.ko.hangul_stems(p.segment))
            stems.insert(stems.end(), word_stems.begin(), word_stems.end());
        std::string english;
        std::vector<qa_detail::Word> words;
        for (const qa_detail::Piece& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end)) {
          english += std::string(p.text) + "\n";
          for (const qa_detail::Word& w : qa_detail::shared_view(ctx).en.english_words(p.segment))
            words.push_back(w);
        }
        for (char& c : english)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
        report(b, h, *at, stems, english, words, out);
      }
    }
  }

 private:
  void report(const Bead& b, const Homograph& h, const Span& word,
              const std::vector<std::u32string>& stems, const std::string& english,
              const std::vector<qa_detail::Word>& words, std::vector<Finding>& out) const {
    const Sense* cued = nullptr;
    for (const Sense& s : h.senses) {
      const bool cue = std::any_of(s.cues.begin(), s.cues.end(),
                                   [&](std::u32string_view c) { return cue_matches(c, stems); });
      if (!cue) continue;
      if (cued) return;  // cues for two senses: undecided
      cued = &s;
    }
    if (!cued || !rendered(*cued, english, words).empty()) return;
    for (const Sense& s : h.senses) {
      if (&s == cued) continue;
      const std::string_view wrong = rendered(s, english, words);
      if (wrong.empty()) continue;
      Finding f = qa_detail::bead_finding(id(), Severity::kMajor, b);
      f.confidence = 0.7;
      f.ko_spans.push_back(word);
      f.message =
          fmt::format("{} reads as {} in its context, but the English renders it as {} (\"{}…\")",
                      to_utf8(h.hangul), cued->hanja, s.hanja, wrong);
      out.push_back(std::move(f));
      return;
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_mistranslation_check() {
  return std::make_unique<MistranslationCheck>();
}

}  // namespace kealign
