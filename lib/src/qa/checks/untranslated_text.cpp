// untranslated-text: Hangul left in the English — the whole segment copied unchanged from the
// Korean (major), Korean words in the running text (major), or Korean only inside brackets,
// which is usually a deliberate gloss such as "jeonse (전세)" (minor). Parameter "min-syllables"
// (default 1): Hangul runs shorter than this are not reported.
#include <algorithm>
#include <optional>

#include "checks/checks.hpp"
#include "checks/util.hpp"

namespace kealign {
namespace {

constexpr double kMinSyllables = 1;

struct HangulRun {
  std::size_t begin, end;  // offsets in the segment
  std::size_t syllables;
  bool bracketed;  // inside ( ) or [ ]
};

std::vector<HangulRun> hangul_runs(std::string_view s) {
  std::vector<HangulRun> out;
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = next_code_point(s, i);
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
    if (!qa_detail::is_hangul(c)) continue;
    HangulRun r{at, i, 1, depth > 0};
    // A run continues over Hangul and the spaces between Hangul words.
    for (std::size_t j = i; j < s.size();) {
      const char32_t d = next_code_point(s, j);
      if (qa_detail::is_hangul(d)) {
        r.end = j;
        ++r.syllables;
      } else if (d != ' ') {
        break;
      }
    }
    i = r.end;
    out.push_back(r);
  }
  return out;
}

class UntranslatedTextCheck final : public Check {
 public:
  std::string_view id() const override { return "untranslated-text"; }
  std::string_view description() const override {
    return "Hangul left in the English, or a segment copied unchanged";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"min-syllables", kMinSyllables, "shorter Hangul runs are not reported"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const double min_syllables = options.param(id(), "min-syllables", kMinSyllables);
    for (const Bead& b : ctx.alignment) {
      std::optional<std::string> ko_folded;  // made when a piece has Hangul runs
      for (const qa_detail::Piece& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end)) {
        // Hangul letters are three bytes led by E1, E3 or EA..ED: a piece without them has none.
        if (std::none_of(p.text.begin(), p.text.end(), [](char ch) {
              const auto c = static_cast<unsigned char>(ch);
              return c == 0xE1 || c == 0xE3 || (c >= 0xEA && c <= 0xED);
            }))
          continue;
        std::vector<HangulRun> runs;
        for (const HangulRun& r : hangul_runs(p.text))
          if (static_cast<double>(r.syllables) >= min_syllables) runs.push_back(r);
        if (runs.empty()) continue;
        if (!ko_folded) {
          ko_folded.emplace();
          for (const qa_detail::Piece& k : qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end))
            *ko_folded += (ko_folded->empty() ? "" : " ") + fold_space(k.text);
        }
        const std::string& ko_text = *ko_folded;
        Finding f = qa_detail::bead_finding(id(), Severity::kMinor, b);
        const std::string folded = fold_space(p.text);
        if (!ko_text.empty() && ko_text.find(folded) != std::string::npos) {
          f.severity = Severity::kMajor;
          f.en_spans.push_back({p.base, p.base + p.text.size()});
          f.message = "English segment " + std::to_string(p.segment) +
                      " is the Korean copied unchanged: " + qa_detail::quote_excerpt(p.text, 80) +
                      ".";
          out.push_back(std::move(f));
          continue;
        }
        std::string evidence;
        for (const HangulRun& r : runs) {
          if (!r.bracketed) f.severity = Severity::kMajor;
          f.en_spans.push_back({p.base + r.begin, p.base + r.end});
          evidence += (evidence.empty() ? "" : ", ") +
                      qa_detail::quote_excerpt(p.text.substr(r.begin, r.end - r.begin), 30);
        }
        f.message = "Korean left untranslated in English segment " + std::to_string(p.segment) +
                    ": " + evidence +
                    (f.severity == Severity::kMinor ? " (in brackets, perhaps a gloss)." : ".");
        out.push_back(std::move(f));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_untranslated_text_check() {
  return std::make_unique<UntranslatedTextCheck>();
}

}  // namespace kealign
