// negation: the Korean side of a link negates a verb (않다, 못하다, 수 없다, 아니다) and the
// English side has no negation at all — no "not", "n't", "no", "never", "without", "cannot", no
// negative verb ("fail", "prevent", "avoid", "lack") and no negative affix ("unable", "invalid",
// "disable", "non-", "-less"). Machine translation drops a negation now and then and inverts the
// meaning. English says many negations positively ("없이" = "only with ...", "않는" = "other than",
// "hidden" for 보이지 않는), so the finding is minor (confidence 0.35) and only English segments of
// at least "min-words" words (default 4) are looked at.
#include <fmt/format.h>

#include <algorithm>

#include "checks/checks.hpp"
#include "checks/english_words.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"

namespace kealign {
namespace {

constexpr double kMinWords = 4;

// Korean verbal negation: a long-form negation (-지 않다, -지 못하다), 수 없다, 아니다, and the
// imperative -지 마십시오 / 말고.
constexpr std::string_view kKoreanNegation[] = {"않",   "못",    "수 없", "수없",
                                                "아니", "지 마", "지 말"};

constexpr std::string_view kEnglishNegation[] = {
    "not",        "no",      "never",   "none",     "nothing", "nobody",   "nowhere",  "neither",
    "nor",        "without", "cannot",  "unable",   "fail",    "fails",    "failed",   "lack",
    "lacks",      "absent",  "prevent", "prevents", "avoid",   "refuse",   "refused",  "deny",
    "denied",     "except",  "unless",  "instead",  "only",    "free",     "hardly",   "rarely",
    "prohibit",   "forbid",  "ban",     "stop",     "stops",   "omit",     "omits",    "exclude",
    "excludes",   "ignore",  "ignores", "ignored",  "disable", "disables", "disabled", "hide",
    "hides",      "hidden",  "remove",  "removes",  "neglect", "rather",   "nor",      "barely",
    "impossible", "invalid", "illegal", "lose",     "lost",    "miss",     "missing",  "unless",
    "until",      "before",  "beyond",  "against",  "nothing", "empty",    "blank",    "off"};

bool english_negation(const std::vector<qa_detail::Word>& words, std::string_view text) {
  if (text.find("n't") != std::string_view::npos || text.find("n’t") != std::string_view::npos)
    return true;
  for (const qa_detail::Word& w : words) {
    const std::string& k = w.key;
    if (std::find(std::begin(kEnglishNegation), std::end(kEnglishNegation), k) !=
        std::end(kEnglishNegation))
      return true;
    // Negative affixes: un-, in-/im-/il-/ir- are too common in plain words to count alone, but
    // un-, non-, dis-, mis- and -less rarely start or end a word by accident.
    const auto starts = [&](std::string_view p) {
      return k.size() > p.size() + 2 && k.compare(0, p.size(), p) == 0;
    };
    const auto ends = [&](std::string_view p) {
      return k.size() > p.size() + 2 && k.compare(k.size() - p.size(), p.size(), p) == 0;
    };
    if (starts("un") || starts("non") || starts("dis") || starts("in") || starts("im") ||
        starts("ir") || starts("il") || starts("mis") || ends("less") || ends("-free"))
      return true;
  }
  return false;
}

class NegationCheck final : public Check {
 public:
  std::string_view id() const override { return "negation"; }
  std::string_view description() const override {
    return "a Korean negation with no negation of any kind in the English";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"min-words", kMinWords, "shorter English sides are not looked at"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const auto min_words = static_cast<std::size_t>(options.param(id(), "min-words", kMinWords));
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      std::size_t at = std::string_view::npos;
      std::uint32_t segment = 0;
      std::size_t base = 0;
      for (const qa_detail::Piece& p : qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end))
        for (std::string_view n : kKoreanNegation)
          if (const std::size_t i = p.text.find(n);
              i != std::string_view::npos && at == std::string_view::npos) {
            at = i;
            segment = p.segment;
            base = p.base;
          }
      if (at == std::string_view::npos) continue;
      std::size_t words = 0;
      bool negated = false;
      for (const qa_detail::Piece& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end)) {
        const std::vector<qa_detail::Word>& w =
            qa_detail::shared_view(ctx).en.english_words(p.segment);
        words += w.size();
        negated = negated || english_negation(w, p.text);
      }
      if (negated || words < min_words) continue;
      Finding f = qa_detail::bead_finding(id(), Severity::kMinor, b);
      f.confidence = 0.35;
      const std::string_view ko = ctx.ko.raw(segment);
      f.ko_spans.push_back({base + at, base + at + 3});
      f.message = fmt::format(
          "The Korean negates ({}) but the English has no negation: the meaning may be inverted",
          qa_detail::context_around(ko, at, 15, 10));
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_negation_check() {
  return std::make_unique<NegationCheck>();
}

}  // namespace kealign
