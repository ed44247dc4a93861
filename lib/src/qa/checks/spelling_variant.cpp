// spelling-variant: a capitalised word inside an English sentence that is a one-letter slip of a
// word the pair writes elsewhere — two neighbouring letters swapped ("Frecnh" beside "French",
// "Catalgo" beside "Catalog") or one inner letter changed ("Munabe" beside "Mugabe") — where the
// other spelling is written in the English at least twice as often, or in Latin letters in the
// Korean. A name or UI label is written the same way throughout a translation, so the rarer form is
// most likely misspelt. Minor: a swap is rarely another word (confidence 0.6), a changed letter
// sometimes is ("Lines" / "Links", 0.4). The first and last letters are never the slip (endings
// are inflection: "Sheet" / "Sheets"), and words shorter than "min-letters" (default 5) are left
// alone.
#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>

#include "checks/checks.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "names.hpp"

namespace kealign {
namespace {

constexpr double kMinLetters = 5;

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

// How `a` differs from `b` by one inner slip (never the first or last letter).
Slip slip_between(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a == b || a.front() != b.front() || a.back() != b.back())
    return Slip::kNone;
  std::size_t first = std::string::npos, count = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) {
      if (first == std::string::npos) first = i;
      ++count;
    }
  if (count == 1) return Slip::kChange;
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
    return {{"min-letters", kMinLetters, "shorter words are not looked at"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const auto min_letters =
        static_cast<std::size_t>(options.param(id(), "min-letters", kMinLetters));
    // Every spelling of the English (case folded) with its count, and the Korean's Latin words.
    std::map<std::string, std::size_t> count;
    // The words are read twice rather than kept: a long document's words take several times its
    // text.
    lang::visit_latin_words(ctx.en.document.text, 0, [&](const lang::LatinWord& w) {
      if (w.text.size() >= min_letters && ascii_letters(w.text)) ++count[lower(w.text)];
    });
    std::map<std::string, std::size_t> korean;
    lang::visit_latin_words(ctx.ko.document.text, 0, [&](const lang::LatinWord& w) {
      if (w.text.size() >= min_letters && ascii_letters(w.text)) ++korean[lower(w.text)];
    });
    // Spellings grouped by length, first and last letter, to keep the comparison small.
    std::map<std::tuple<std::size_t, char, char>, std::vector<std::string>> buckets;
    const auto bucket_of = [](const std::string& s) {
      return std::make_tuple(s.size(), s.front(), s.back());
    };
    for (const auto& [s, n] : count) buckets[bucket_of(s)].push_back(s);
    for (const auto& [s, n] : korean)
      if (!count.count(s)) buckets[bucket_of(s)].push_back(s);
    const std::vector<std::uint32_t> bead_of = qa_detail::bead_of_en(ctx.alignment, ctx.en.size());
    std::set<std::string> reported;
    lang::visit_latin_words(ctx.en.document.text, 0, [&](const lang::LatinWord& w) {
      if (w.sentence_start || !lang::is_capitalized(w.text) || w.text.size() < min_letters ||
          !ascii_letters(w.text))
        return;
      const std::string key = lower(w.text);
      if (count[key] != 1 || korean.count(key) || reported.count(key)) return;
      const std::string* best = nullptr;
      Slip best_slip = Slip::kNone;
      for (const std::string& other : buckets[bucket_of(key)]) {
        const std::size_t n = count.count(other) ? count[other] : 0;
        if (n < 2 && !korean.count(other)) continue;
        const Slip slip = slip_between(key, other);
        if (slip == Slip::kNone) continue;
        if (!best || slip == Slip::kSwap) {
          best = &other;
          best_slip = slip;
        }
      }
      if (!best) return;
      const std::uint32_t segment = segment_at(ctx.en, w.span.begin);
      if (segment >= bead_of.size() || bead_of[segment] >= ctx.alignment.size()) return;
      reported.insert(key);
      Finding f = qa_detail::bead_finding(id(), Severity::kMinor, ctx.alignment[bead_of[segment]]);
      f.confidence = best_slip == Slip::kSwap ? 0.6 : 0.4;
      f.en_spans.push_back(w.span);
      f.message = fmt::format(
          "“{}” in English segment {} looks like a misspelling of “{}”, written {} elsewhere",
          w.text, segment, *best,
          korean.count(*best) ? "in the Korean"
                              : fmt::format("{} times in the English", count[*best]));
      out.push_back(std::move(f));
    });
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
