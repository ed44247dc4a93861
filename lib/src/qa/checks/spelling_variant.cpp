// spelling-variant: a capitalised word inside an English sentence, written once, that is a
// one-letter slip of a word the pair writes elsewhere — two neighbouring letters swapped ("Frecnh"
// beside "French", "Moed" beside "mode") or one inner letter changed ("Munabe" beside "Mugabe") —
// in the English (any case) or in Latin letters in the Korean. A name or UI label is written the
// same way throughout a translation, so a form written once beside a near twin is most likely
// misspelt. Minor. Confidence: a swap is rarely another word (0.6 when the other form is written
// at least twice or in the Korean, 0.45 when once), a changed letter sometimes is ("Lines" /
// "Links": 0.4, or 0.25 when the other form is written once). The first letter is never the slip,
// nor is a changed last letter (endings are inflection: "Sheet" / "Sheets"); words shorter than
// "min-letters" (default 5) are left alone, "min-swap-letters" (default 4) for swaps.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "checks/checks.hpp"
#include "checks/util.hpp"
#include "names.hpp"

namespace kealign {
namespace {

constexpr double kMinLetters = 5;
constexpr double kMinSwapLetters = 4;
// Confidence by slip and by how often the other form is written (dev halves: a swap beside a form
// written twice was a planted misspelling in most cases, a changed letter beside a form written
// once about one time in four).
constexpr double kSwapConfidence = 0.6, kSwapOnceConfidence = 0.45;
constexpr double kChangeConfidence = 0.4, kChangeOnceConfidence = 0.25;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

bool ascii_letters(std::string_view s) {
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

enum class Slip { kNone, kSwap, kChange };

// How `a` differs from `b` by one slip: a swap of two neighbouring letters after the first, or a
// change of one inner letter.
Slip slip_between(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a == b || a.front() != b.front()) return Slip::kNone;
  std::size_t first = std::string::npos, count = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) {
      if (first == std::string::npos) first = i;
      ++count;
    }
  if (count == 1 && first + 1 < a.size()) return Slip::kChange;
  if (count == 2 && first + 1 < a.size() && a[first] == b[first + 1] && a[first + 1] == b[first])
    return Slip::kSwap;
  return Slip::kNone;
}

class SpellingVariantCheck final : public Check {
 public:
  std::string_view id() const override { return "spelling-variant"; }
  std::string_view description() const override {
    return "a capitalised English word that is a one-letter slip of a spelling used elsewhere";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"min-letters", kMinLetters, "shorter words are not looked at"},
            {"min-swap-letters", kMinSwapLetters,
             "shorter words are not looked at for two swapped letters"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const auto min_letters =
        static_cast<std::size_t>(options.param(id(), "min-letters", kMinLetters));
    const auto min_swap =
        static_cast<std::size_t>(options.param(id(), "min-swap-letters", kMinSwapLetters));
    const std::size_t shortest = std::min(min_letters, min_swap);
    // Every spelling of the English (case folded) with its count, and the Korean's Latin words.
    std::unordered_map<std::string, std::size_t> count;
    // The words are visited rather than kept (a long document's words take several times its
    // text); only the capitalised ones inside a sentence, which may be slips, are kept (their
    // text and span).
    std::vector<lang::LatinWordRef> capitalised;
    const std::string_view en_text = ctx.en.document.text;
    lang::for_each_latin_word_span(en_text, [&](std::size_t begin, std::size_t end) {
      const std::string_view word = en_text.substr(begin, end - begin);
      if (word.size() < shortest || !ascii_letters(word)) return;
      ++count[lower(word)];
      if (lang::is_capitalized(word) && !lang::starts_sentence(en_text, begin))
        capitalised.push_back({{begin, end}, word, false, false});
    });
    std::unordered_map<std::string, std::size_t> korean;
    const std::string_view ko_text = ctx.ko.document.text;
    lang::for_each_latin_word_span(ko_text, [&](std::size_t begin, std::size_t end) {
      const std::string_view word = ko_text.substr(begin, end - begin);
      if (word.size() >= shortest && ascii_letters(word)) ++korean[lower(word)];
    });
    // Spellings grouped by length and first letter, to keep the comparison small; in each group
    // the English's spellings in order, then the Korean's.
    std::map<std::pair<std::size_t, char>, std::vector<std::string>> buckets;
    const auto bucket_of = [](const std::string& s) { return std::make_pair(s.size(), s.front()); };
    const auto sorted_keys = [](const std::unordered_map<std::string, std::size_t>& m) {
      std::vector<const std::string*> keys;
      keys.reserve(m.size());
      for (const auto& kv : m) keys.push_back(&kv.first);
      std::sort(keys.begin(), keys.end(),
                [](const std::string* a, const std::string* b) { return *a < *b; });
      return keys;
    };
    for (const std::string* s : sorted_keys(count)) buckets[bucket_of(*s)].push_back(*s);
    for (const std::string* s : sorted_keys(korean))
      if (!count.count(*s)) buckets[bucket_of(*s)].push_back(*s);
    const std::vector<std::uint32_t> bead_of = qa_detail::bead_of_en(ctx.alignment, ctx.en.size());
    std::set<std::string> reported;
    for (const lang::LatinWordRef& w : capitalised) {
      const std::string key = lower(w.text);
      if (count[key] != 1 || korean.count(key) || reported.count(key)) continue;
      const std::string* best = nullptr;
      double best_confidence = 0;
      for (const std::string& other : buckets[bucket_of(key)]) {
        const std::size_t n = count.count(other) ? count[other] : 0;
        const Slip slip = slip_between(key, other);
        if (slip == Slip::kNone || key.size() < (slip == Slip::kSwap ? min_swap : min_letters))
          continue;
        const bool often = n >= 2 || korean.count(other);
        const double confidence = slip == Slip::kSwap
                                      ? (often ? kSwapConfidence : kSwapOnceConfidence)
                                      : (often ? kChangeConfidence : kChangeOnceConfidence);
        if (confidence > best_confidence) {
          best = &other;
          best_confidence = confidence;
        }
      }
      if (!best) continue;
      const std::uint32_t segment = segment_at(ctx.en, w.span.begin);
      if (segment >= bead_of.size() || bead_of[segment] >= ctx.alignment.size()) continue;
      reported.insert(key);
      Finding f = qa_detail::bead_finding(id(), Severity::kMinor, ctx.alignment[bead_of[segment]]);
      f.confidence = best_confidence;
      f.en_spans.push_back(w.span);
      f.message = fmt::format(
          "“{}” in English segment {} looks like a misspelling of “{}”, written {} elsewhere",
          w.text, segment, *best,
          korean.count(*best) ? std::string("in the Korean")
          : count[*best] == 1 ? std::string("once in the English")
                              : fmt::format("{} times in the English", count[*best]));
      out.push_back(std::move(f));
    }
  }

 private:
  static std::uint32_t segment_at(const SegmentedText& t, std::size_t offset) {
    std::size_t lo = 0, hi = t.size();
    while (lo < hi) {  // first segment ending after offset
      const std::size_t mid = (lo + hi) / 2;
      if (t.segments[mid].span.end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
    return static_cast<std::uint32_t>(lo);
  }
};

}  // namespace

std::unique_ptr<Check> make_spelling_variant_check() {
  return std::make_unique<SpellingVariantCheck>();
}

}  // namespace kealign
