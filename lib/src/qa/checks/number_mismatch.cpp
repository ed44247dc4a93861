// number-mismatch: a link whose two sides hold numbers that do not correspond. Numbers are read as
// Korean and English write them (numbers.hpp: 26일 = "26th", 3억 달러 = "$300 million", 열흘 =
// "ten days", 세 차례 = "three times"); a number with no counterpart is only reported when the
// other side also has one without counterpart, since a lone number is usually rephrased ("한
// 소식통" = "an official", "양 정상" = "the two leaders"). Major when both culprits are written in
// digits, minor when one is written in words. The words for one ("한", "one", "first", "once")
// never trigger a finding on their own: they are articles and idioms as often as numbers.
//
// A hedged Korean number (10여 명, 열흘여, 약 3억, 3년 남짓) rendered as an exact one ("10 people",
// "for 10 days") is a minor finding.
// Parameters: "approximation" (default 1): 0 stops reporting lost hedges.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "checks/checks.hpp"
#include "checks/util.hpp"
#include "numbers.hpp"

namespace kealign {
namespace {

constexpr double kReportApproximation = 1;
constexpr double kWeakSpelledValue = 1;  // spelled numbers up to this never trigger a finding

struct Located {
  lang::NumberMention number;
  std::string_view text;   // the mention as written
  std::string_view after;  // the text that follows it in its segment
};

// Units a translation converts (miles <-> km): numbers measured in them are compared only when the
// other side uses the same system, which a number-by-number match cannot see.
constexpr std::string_view kImperialUnits[] = {
    "mile", "miles", "feet",   "foot",  "ft",    "pounds",  "pound",  "lb",
    "lbs",  "inch",  "inches", "yards", "acres", "gallons", "ounces", "fahrenheit"};
constexpr std::string_view kMetricUnits[] = {"km",   "m",      "kg",   "cm",   "mm",
                                             "㎞",   "㎏",     "㎝",   "킬로", "미터",
                                             "센티", "헥타르", "리터", "℃",    "도"};
// English writes a weekday where Korean writes the day of the month (on Tuesday = 27일).
constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

// Whether the text after a number starts with one of the units (after at most one space).
template <std::size_t N>
bool unit_follows(std::string_view after, const std::string_view (&units)[N]) {
  if (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  const std::string lower = lower_ascii(after.substr(0, 12));
  for (std::string_view u : units) {
    if (lower.compare(0, u.size(), u) != 0) continue;
    const char next = lower.size() > u.size() ? lower[u.size()] : ' ';
    if (!((next >= 'a' && next <= 'z'))) return true;
  }
  return false;
}

// The unit written right after a number, or glued to it ("120km").
template <std::size_t N>
bool measured_in(const Located& x, const std::string_view (&units)[N]) {
  std::size_t i = x.text.size();
  while (i > 0 && ((x.text[i - 1] >= 'a' && x.text[i - 1] <= 'z') ||
                   (x.text[i - 1] >= 'A' && x.text[i - 1] <= 'Z')))
    --i;
  return unit_follows(x.text.substr(i), units) || unit_follows(x.after, units);
}

bool mentions_weekday(const std::vector<qa_detail::Piece>& pieces) {
  for (const qa_detail::Piece& p : pieces) {
    const std::string lower = lower_ascii(p.text);
    for (std::string_view d : kWeekdays)
      if (lower.find(d) != std::string::npos) return true;
  }
  return false;
}

template <typename Extract>
std::vector<Located> numbers_of(const std::vector<qa_detail::Piece>& pieces, Extract extract) {
  std::vector<Located> out;
  for (const qa_detail::Piece& p : pieces)
    for (const lang::NumberMention& m : extract(p.text, p.base))
      out.push_back({m, p.text.substr(m.span.begin - p.base, m.span.size()),
                     p.text.substr(m.span.end - p.base)});
  return out;
}

bool weak(const lang::NumberMention& m) {
  return m.spelled && m.value <= kWeakSpelledValue;
}

bool has_counterpart(const Located& x, const std::vector<Located>& other) {
  for (const Located& y : other)
    if (lang::same_quantity(x.number, y.number)) return true;
  return false;
}

std::string show_value(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::string digits = fmt::format("{:.0f}", std::fabs(v));
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
    return (v < 0 ? "-" : "") + digits;
  }
  return fmt::format("{:g}", v);
}

std::string describe(const std::vector<const Located*>& xs) {
  std::string out;
  for (const Located* x : xs) {
    if (!out.empty()) out += ", ";
    out +=
        fmt::format("{} ({})", qa_detail::quote_excerpt(x->text, 40), show_value(x->number.value));
  }
  return out;
}

class NumberMismatchCheck final : public Check {
 public:
  std::string_view id() const override { return "number-mismatch"; }
  std::string_view description() const override {
    return "numbers that do not correspond across a link (digits, Korean units and numerals)";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"approximation", kReportApproximation,
             "1 reports a hedged Korean number (10여, 약, 남짓) translated as an exact one"}};
  }

  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const bool approximation = options.param(id(), "approximation", kReportApproximation) != 0;
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      const auto ko = numbers_of(
          qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end),
          [](std::string_view t, std::size_t base) { return lang::extract_numbers_ko(t, base); });
      const auto en = numbers_of(
          qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end),
          [](std::string_view t, std::size_t base) { return lang::extract_numbers_en(t, base); });
      const bool weekday = mentions_weekday(qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end));
      mismatch(b, ko, en, weekday, out);
      if (approximation) lost_hedges(b, ko, en, out);
    }
  }

 private:
  void mismatch(const Bead& b, const std::vector<Located>& ko, const std::vector<Located>& en,
                bool weekday, std::vector<Finding>& out) const {
    const bool imperial = std::any_of(
        en.begin(), en.end(), [](const Located& x) { return measured_in(x, kImperialUnits); });
    std::vector<const Located*> lone_ko, lone_en;
    for (const Located& x : ko) {
      if (weak(x.number) || has_counterpart(x, en)) continue;
      if ((imperial && measured_in(x, kMetricUnits)) ||
          (weekday && x.number.kind == lang::NumberKind::kDay))
        continue;
      lone_ko.push_back(&x);
    }
    for (const Located& x : en)
      if (!weak(x.number) && !has_counterpart(x, ko) && !measured_in(x, kImperialUnits))
        lone_en.push_back(&x);
    if (lone_ko.empty() || lone_en.empty()) return;
    const auto digits = [](const Located* x) { return !x->number.spelled; };
    const bool both_digits = std::any_of(lone_ko.begin(), lone_ko.end(), digits) &&
                             std::any_of(lone_en.begin(), lone_en.end(), digits);
    Finding f = qa_detail::bead_finding(id(), both_digits ? Severity::kMajor : Severity::kMinor, b);
    for (const Located* x : lone_ko) f.ko_spans.push_back(x->number.span);
    for (const Located* x : lone_en) f.en_spans.push_back(x->number.span);
    f.message = fmt::format("numbers differ: the Korean has {} and the English has {} instead",
                            describe(lone_ko), describe(lone_en));
    out.push_back(std::move(f));
  }

  void lost_hedges(const Bead& b, const std::vector<Located>& ko, const std::vector<Located>& en,
                   std::vector<Finding>& out) const {
    for (const Located& x : ko) {
      if (!x.number.approximate || weak(x.number)) continue;
      std::vector<const Located*> exact;
      bool hedged = false;
      for (const Located& y : en) {
        if (!lang::same_quantity(x.number, y.number)) continue;
        hedged = hedged || y.number.approximate;
        exact.push_back(&y);
      }
      if (exact.empty() || hedged) continue;
      Finding f = qa_detail::bead_finding(id(), Severity::kMinor, b);
      f.ko_spans.push_back(x.number.span);
      for (const Located* y : exact) f.en_spans.push_back(y->number.span);
      f.message = fmt::format(
          "the Korean {} is approximate (about, more than) but the English {} states it exactly",
          qa_detail::quote_excerpt(x.text, 40), describe(exact));
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_number_mismatch_check() {
  return std::make_unique<NumberMismatchCheck>();
}

}  // namespace kealign
