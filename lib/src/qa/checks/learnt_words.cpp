// A word table learnt from the pair's own 1-1 links (Dice coefficient of co-occurrence, as the
// aligner's lexicon pass learns one; Moore 2002): each Korean stem keeps its best English stem when
// the two are each other's best partner. A link whose Korean holds the word and whose English
// lacks the rendering, while nearly every other link with the word holds it, has lost or replaced
// that word: a partial omission or a substituted word inside a sentence, which no length or
// sentence-level test sees. Weak evidence (a translator may use a synonym or a pronoun), so minor;
// the confidence grows with the number of links the rendering was seen in.
#include "checks/learnt_words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "align_tokens.hpp"
#include "checks/english_words.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "names.hpp"

namespace kealign::qa_detail {
namespace {

// Stems as the aligner compares words: a Hangul word without its particle, its first two
// syllables; an English word of three letters or more, not a function word, its first five
// letters after a plural -s.
constexpr std::size_t kKoreanPrefix = 2;
constexpr std::size_t kEnglishPrefix = 5;
constexpr std::size_t kMinEnglishLetters = 3;
// Confidence: kBaseConfidence with the fewest links, rising towards kTopConfidence as the
// rendering is seen in more of them (dev halves: a rendering seen in four links was missing for a
// real reason about one time in three).
constexpr double kBaseConfidence = 0.3;
constexpr double kTopConfidence = 0.5;
constexpr double kConfidencePerLink = 0.05;

struct Stem {
  std::string key;
  Span span;              // document offsets of the word
  std::string_view word;  // as written
};

std::string utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::vector<Stem> korean_stems(const SideView& view, std::uint32_t begin, std::uint32_t end) {
  std::vector<Stem> out;
  for (const Piece& p : side_pieces(view.text(), begin, end)) {
    const std::vector<lang::HangulWord>& words = view.hangul_words(p.segment);
    const std::vector<std::vector<std::u32string>>& word_stems = view.hangul_stems(p.segment);
    for (std::size_t i = 0; i < words.size(); ++i) {
      const lang::HangulWord& w = words[i];
      const std::vector<std::u32string>& stems = word_stems[i];
      const std::u32string& shortest = stems.back();
      // A bare one-syllable word (수, 것, 등) is a function word as often as a noun.
      if (shortest.size() < 2 && stems.size() < 2) continue;
      out.push_back({utf8(std::u32string_view(shortest).substr(0, kKoreanPrefix)), w.span,
                     p.text.substr(w.span.begin - p.base, w.span.size())});
    }
  }
  return out;
}

std::vector<std::string> english_stems(const SideView& view, std::uint32_t begin,
                                       std::uint32_t end) {
  std::vector<std::string> out;
  for (const Piece& p : side_pieces(view.text(), begin, end))
    for (const Word& w : view.english_words(p.segment)) {
      // "double-clicking" holds "click"; "Bale's" is "bale".
      std::string_view key = w.key;
      for (std::string_view s : {"'s", "’s"})
        if (key.size() > s.size() && key.substr(key.size() - s.size()) == s)
          key.remove_suffix(s.size());
      for (std::size_t from = 0; from <= key.size();) {
        std::size_t to = key.find('-', from);
        if (to == std::string_view::npos) to = key.size();
        const std::string_view part = key.substr(from, to - from);
        from = to + 1;
        if (part.size() < kMinEnglishLetters || is_function_word(part) ||
            !std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
          continue;
        // A plural is its singular ("cells" = "cell"); a 5-letter prefix folds the rest.
        std::string_view stem = part;
        if (stem.size() > 3 && stem.back() == 's' && stem[stem.size() - 2] != 's')
          stem.remove_suffix(1);
        out.emplace_back(stem.substr(0, kEnglishPrefix));
      }
    }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

void learnt_word_findings(const CheckContext& ctx, const LearntWordOptions& options,
                          std::string_view check, std::vector<Finding>& out) {
  // Stems as hashes: the table is read once per link and the maps are the hot part.
  const auto hash = [](std::string_view s) { return std::hash<std::string_view>{}(s); };
  const auto pair_key = [](std::size_t k, std::size_t e) { return k * 0x9E3779B97F4A7C15ull ^ e; };
  const std::size_t n = ctx.alignment.size();
  const SharedView& view = shared_view(ctx);
  std::vector<std::vector<Stem>> ko(n);
  std::vector<std::vector<std::size_t>> ko_keys(n), en(n);
  std::vector<std::vector<std::string>> en_text(n);
  std::unordered_map<std::size_t, std::size_t> ko_count, en_count, joint;
  for (std::size_t i = 0; i < n; ++i) {
    const Bead& b = ctx.alignment[i];
    if (b.ko_size() != 1 || b.en_size() != 1) continue;
    ko[i] = korean_stems(view.ko, b.ko_begin, b.ko_end);
    en_text[i] = english_stems(view.en, b.en_begin, b.en_end);
    for (const std::string& e : en_text[i]) en[i].push_back(hash(e));
    std::sort(en[i].begin(), en[i].end());
    for (const Stem& s : ko[i]) ko_keys[i].push_back(hash(s.key));
    std::vector<std::size_t> keys = ko_keys[i];
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (std::size_t k : keys) {
      ++ko_count[k];
      for (std::size_t e : en[i]) ++joint[pair_key(k, e)];
    }
    for (std::size_t e : en[i]) ++en_count[e];
  }
  // Each Korean stem's best English stem, and each English stem's best Korean one.
  struct Best {
    double dice = 0;
    std::size_t partner = 0;
  };
  std::unordered_map<std::size_t, Best> best_ko, best_en;
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::size_t> keys = ko_keys[i];
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (std::size_t k : keys) {
      const std::size_t ck = ko_count[k];
      if (static_cast<double>(ck) < options.min_links + 1) continue;
      for (std::size_t e : en[i]) {
        const double dice = 2.0 * static_cast<double>(joint[pair_key(k, e)]) /
                            static_cast<double>(ck + en_count[e]);
        if (dice < options.min_dice) continue;
        if (dice > best_ko[k].dice) best_ko[k] = {dice, e};
        if (dice > best_en[e].dice) best_en[e] = {dice, k};
      }
    }
  }
  if (best_ko.empty()) return;
  // Renderings as text, for messages: the first link that holds each.
  const auto text_of = [&](std::size_t e) -> std::string {
    for (std::size_t i = 0; i < n; ++i)
      if (std::binary_search(en[i].begin(), en[i].end(), e))
        for (const std::string& t : en_text[i])
          if (hash(t) == e) return t;
    return {};
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (ko[i].empty() || en[i].size() < 2) continue;
    const Stem* worst = nullptr;
    std::size_t rendering = 0, seen = 0, others = 0;
    for (std::size_t w = 0; w < ko[i].size(); ++w) {
      const std::size_t k = ko_keys[i][w];
      const auto it = best_ko.find(k);
      if (it == best_ko.end() || best_en[it->second.partner].partner != k) continue;
      const std::size_t e = it->second.partner;
      if (std::binary_search(en[i].begin(), en[i].end(), e)) continue;
      // This link lacks e: the other links with the word hold it joint[k, e] times.
      const std::size_t with = joint[pair_key(k, e)];
      const std::size_t other = ko_count[k] - 1;
      if (static_cast<double>(other) < options.min_links ||
          static_cast<double>(with) < options.min_share * static_cast<double>(other))
        continue;
      if (!worst || with > seen) {
        worst = &ko[i][w];
        rendering = e;
        seen = with;
        others = other;
      }
    }
    if (!worst) continue;
    const Bead& b = ctx.alignment[i];
    Finding f = bead_finding(check, Severity::kMinor, b);
    f.confidence = std::min(
        kTopConfidence,
        kBaseConfidence + kConfidencePerLink * (static_cast<double>(seen) - options.min_links));
    f.ko_spans.push_back(worst->span);
    const std::string shown = text_of(rendering);
    f.message = fmt::format(
        "“{}” is rendered with “{}…” in {} of its {} other links, but not here: the word may be "
        "left out or mistranslated",
        worst->word, shown, seen, others);
    f.evidence = {{"word", std::string(worst->word), shown + "…"}};
    out.push_back(std::move(f));
  }
}

}  // namespace kealign::qa_detail
