// number-mismatch: a link whose two sides hold numbers that do not correspond. Numbers are read as
// Korean and English write them (numbers.hpp: 26일 = "26th", 3억 달러 = "$300 million", 열흘 =
// "ten days", 세 차례 = "three times"); a number with no counterpart is only reported when the
// other side also has one without counterpart, since a lone number is usually rephrased ("한
// 소식통" = "an official", "양 정상" = "the two leaders"). The words for one ("한", "one", "first",
// "once") never trigger a finding on their own: they are articles and idioms as often as numbers.
// Major only when digits stand on both sides and one number is a slip of the other (one digit
// changed, or a power of ten: 만 for 억, million for billion); a wholly different number is as
// often a conversion, a date written another way or a loose translation (minor).
//
// A Korean date written month.day ("3.1절", "8.15") matches an English month and day.
// A number found on both sides but measured in another unit of the same dimension (900mm / "900
// cm", 5달러 / "5 euros", 30분 / "30 hours") is major: a conversion changes the number as well.
//
// A hedged Korean number (10여 명, 열흘여, 약 3억, 3년 남짓) rendered as an exact one ("10 people",
// "for 10 days") is a minor finding.
// Parameters: "approximation" (default 1): 0 stops reporting lost hedges.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "checks/checks.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "numbers.hpp"

namespace kealign {
namespace {

constexpr double kReportApproximation = 1;
constexpr double kWeakSpelledValue = 1;  // spelled numbers up to this never trigger a finding alone
// Confidence of a changed unit of the same dimension (900mm / "900 cm"), and of another
// dimension (30% / "30 degrees"): shares of real errors among such findings on the dev halves.
constexpr double kChangedUnitConfidence = 0.8;
constexpr double kOtherDimensionConfidence = 0.5;
// A lone "one" (한 개, "one", "once") against a lone number of the other side: weak evidence.
constexpr double kWeakPairConfidence = 0.3;

struct Located {
  lang::NumberMention number;
  std::string_view text;    // the mention as written
  std::string_view after;   // the text that follows it in its segment
  std::string_view before;  // the text that precedes it in its segment
};

// Units a translation converts (miles <-> km): numbers measured in them are compared only when the
// other side uses the same system, which a number-by-number match cannot see.
constexpr std::string_view kImperialUnits[] = {
    "mile", "miles", "feet",   "foot",  "ft",    "pounds",  "pound",  "lb",
    "lbs",  "inch",  "inches", "yards", "acres", "gallons", "ounces", "fahrenheit"};
constexpr std::string_view kMetricUnits[] = {"km",   "m",  "kg",   "cm",   "mm",       "㎞",
                                             "㎏",   "㎝", "킬로", "미터", "센티",     "헥타르",
                                             "리터", "℃",  "도",   "평",   "제곱미터", "㎡"};
// Units an English conversion of a metric Korean number is written in (besides kImperialUnits).
constexpr std::string_view kConvertedUnits[] = {
    "mile",   "miles",      "feet",    "foot",   "ft",     "pounds", "pound",
    "lb",     "lbs",        "inch",    "inches", "yards",  "acres",  "gallons",
    "ounces", "fahrenheit", "degrees", "°f",     "square", "sq"};

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
  // A range shares its unit: "22~25도", "10-12 km", "72 to 78 degrees".
  std::string_view after = x.after;
  for (std::string_view joiner : {"~", "-", "–", " to ", " - ", " – "}) {
    if (after.substr(0, joiner.size()) != joiner) continue;
    std::size_t j = joiner.size();
    while (j < after.size() && ((after[j] >= '0' && after[j] <= '9') || after[j] == '.')) ++j;
    if (j > joiner.size()) after.remove_prefix(j);
    break;
  }
  return unit_follows(x.text.substr(i), units) || unit_follows(after, units);
}

bool mentions_weekday(const qa_detail::Pieces& pieces) {
  for (const qa_detail::Piece& p : pieces) {
    const std::string lower = lower_ascii(p.text);
    for (std::string_view d : kWeekdays)
      if (lower.find(d) != std::string::npos) return true;
  }
  return false;
}

std::vector<Located> numbers_of(const qa_detail::Pieces& pieces, const qa_detail::SideView& view) {
  std::vector<Located> out;
  for (const qa_detail::Piece& p : pieces) {
    const std::vector<qa_detail::Damaged>& damaged = view.damaged(p.segment);
    for (const lang::NumberMention& m : view.numbers(p.segment))
      if (!qa_detail::overlaps(damaged, m.span.begin, m.span.end))
        out.push_back({m, p.text.substr(m.span.begin - p.base, m.span.size()),
                       p.text.substr(m.span.end - p.base),
                       p.text.substr(0, m.span.begin - p.base)});
  }
  return out;
}

bool weak(const lang::NumberMention& m) {
  return m.spelled && m.value <= kWeakSpelledValue;
}

// The digits of a value, without grouping or a decimal point: 1,200 -> "1200", 3.5 -> "35".
std::string digits_of(double v) {
  std::string out;
  for (char c : fmt::format("{:.6g}", std::fabs(v)))
    if (c >= '0' && c <= '9') out += c;
  return out;
}

bool one_slip_apart(double a, double b) {
  if (a == b || a <= 0 || b <= 0) return false;
  // A power of ten apart: a scale slip (만 / 억, million / billion, a digit dropped).
  const double ratio = a > b ? a / b : b / a;
  const double exponent = std::log10(ratio);
  if (exponent >= 0.999 && exponent <= 4.001 && std::fabs(exponent - std::round(exponent)) < 1e-9)
    return true;
  const std::string x = digits_of(a), y = digits_of(b);
  if (x.size() < 2) return false;  // any two single digits differ in one digit
  if (x.size() != y.size() || std::floor(std::log10(a)) != std::floor(std::log10(b))) return false;
  std::size_t diff = 0;
  for (std::size_t i = 0; i < x.size(); ++i) diff += x[i] != y[i];
  return diff == 1;
}

// Whether an English number is a translator's conversion of a Korean one, within rounding: length,
// area (평 -> square feet or metres), weight, temperature. Any of these in either direction.
bool converted(double ko, double en) {
  static constexpr double kFactors[] = {0.621371, 1.60934,  3.28084, 0.3048,  0.393701, 2.54,
                                        2.20462,  0.453592, 35.5832, 3.30579, 2.47105,  0.404686};
  const auto close = [](double want, double got) {
    return std::fabs(want - got) <= std::max(1.0, 0.03 * std::fabs(want));
  };
  if (ko <= 0 || en <= 0) return close(ko * 1.8 + 32, en);
  for (double f : kFactors)
    if (close(ko * f, en)) return true;
  return close(ko * 1.8 + 32, en) || close((ko - 32) / 1.8, en);
}

// "N 이상" (N or more) is "more than N-1" in English: 두 명 이상 / "more than one person".
bool inclusive_bound(const Located& ko, const Located& en) {
  std::string_view after = ko.after;
  if (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  if (after.substr(0, 6) != "이상") return false;
  const std::string before =
      lower_ascii(en.before.substr(en.before.size() - std::min<std::size_t>(en.before.size(), 10)));
  return before.size() >= 10 && before.compare(before.size() - 10, 10, "more than ") == 0 &&
         en.number.value == ko.number.value - 1;
}

bool has_counterpart(const Located& x, const std::vector<Located>& other) {
  for (const Located& y : other)
    if (lang::same_quantity(x.number, y.number) || inclusive_bound(x, y) || inclusive_bound(y, x))
      return true;
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

// A unit a number is measured in: a canonical name and its dimension. A number that matches across
// the link but is measured in another unit of the same dimension (900mm / "900 cm", $5 / "5
// euros") is a changed unit; a conversion changes the number too and is left to the rest.
struct Unit {
  std::string_view name, dimension;
};
struct UnitSpelling {
  std::string_view written;
  Unit unit;
};
// Longest spellings first within each family; compared case-sensitively after the number.
constexpr UnitSpelling kUnits[] = {{"millimeters", {"mm", "length"}},
                                   {"millimetres", {"mm", "length"}},
                                   {"centimeters", {"cm", "length"}},
                                   {"centimetres", {"cm", "length"}},
                                   {"kilometers", {"km", "length"}},
                                   {"kilometres", {"km", "length"}},
                                   {"meters", {"m", "length"}},
                                   {"metres", {"m", "length"}},
                                   {"inches", {"inch", "length"}},
                                   {"feet", {"ft", "length"}},
                                   {"miles", {"mile", "length"}},
                                   {"mile", {"mile", "length"}},
                                   {"mm", {"mm", "length"}},
                                   {"cm", {"cm", "length"}},
                                   {"km", {"km", "length"}},
                                   {"m", {"m", "length"}},
                                   {"kilograms", {"kg", "weight"}},
                                   {"grams", {"g", "weight"}},
                                   {"tons", {"t", "weight"}},
                                   {"tonnes", {"t", "weight"}},
                                   {"kg", {"kg", "weight"}},
                                   {"g", {"g", "weight"}},
                                   {"KB", {"KB", "data"}},
                                   {"MB", {"MB", "data"}},
                                   {"GB", {"GB", "data"}},
                                   {"TB", {"TB", "data"}},
                                   {"pt", {"pt", "type"}},
                                   {"px", {"px", "type"}},
                                   {"points", {"pt", "type"}},
                                   {"pixels", {"px", "type"}},
                                   {"seconds", {"s", "time"}},
                                   {"second", {"s", "time"}},
                                   {"minutes", {"min", "time"}},
                                   {"minute", {"min", "time"}},
                                   {"hours", {"h", "time"}},
                                   {"hour", {"h", "time"}},
                                   {"days", {"day", "time"}},
                                   {"day", {"day", "time"}},
                                   {"weeks", {"week", "time"}},
                                   {"week", {"week", "time"}},
                                   {"months", {"month", "time"}},
                                   {"month", {"month", "time"}},
                                   {"years", {"year", "time"}},
                                   {"year", {"year", "time"}},
                                   {"percent", {"%", "ratio"}},
                                   {"per cent", {"%", "ratio"}},
                                   {"%", {"%", "ratio"}},
                                   {"degrees", {"deg", "degree"}},
                                   {"°", {"deg", "degree"}},
                                   {"dollars", {"USD", "money"}},
                                   {"euros", {"EUR", "money"}},
                                   {"won", {"KRW", "money"}},
                                   {"yen", {"JPY", "money"}},
                                   {"밀리미터", {"mm", "length"}},
                                   {"센티미터", {"cm", "length"}},
                                   {"킬로미터", {"km", "length"}},
                                   {"미터", {"m", "length"}},
                                   {"인치", {"inch", "length"}},
                                   {"피트", {"ft", "length"}},
                                   {"마일", {"mile", "length"}},
                                   {"킬로그램", {"kg", "weight"}},
                                   {"그램", {"g", "weight"}},
                                   {"톤", {"t", "weight"}},
                                   {"포인트", {"pt", "type"}},
                                   {"픽셀", {"px", "type"}},
                                   {"초", {"s", "time"}},
                                   {"분", {"min", "time"}},
                                   {"시간", {"h", "time"}},
                                   {"주", {"week", "time"}},
                                   {"개월", {"month", "time"}},
                                   {"일간", {"day", "time"}},
                                   {"년간", {"year", "time"}},
                                   {"퍼센트", {"%", "ratio"}},
                                   {"달러", {"USD", "money"}},
                                   {"유로", {"EUR", "money"}},
                                   {"원", {"KRW", "money"}},
                                   {"엔", {"JPY", "money"}},
                                   {"㎜", {"mm", "length"}},
                                   {"㎝", {"cm", "length"}},
                                   {"㎞", {"km", "length"}},
                                   {"㎏", {"kg", "weight"}}};
constexpr std::pair<std::string_view, Unit> kPrefixes[] = {{"$", {"USD", "money"}},
                                                           {"€", {"EUR", "money"}},
                                                           {"₩", {"KRW", "money"}},
                                                           {"¥", {"JPY", "money"}}};

bool ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The unit after the number's digits (glued or after one space), or before it ($5); none when
// unknown. A Latin unit must end at a word boundary ("5 minutes" but not "5 million").
std::optional<Unit> unit_of(const Located& x) {
  if (!x.before.empty() && (x.before.back() == ':' || x.before.back() == '.'))
    return std::nullopt;  // "21:30 hours": a clock time, not thirty hours
  for (const auto& [p, u] : kPrefixes)
    if (x.text.substr(0, p.size()) == p ||
        (x.before.size() >= p.size() && x.before.substr(x.before.size() - p.size()) == p))
      return u;
  std::size_t digits = x.text.size();
  while (digits > 0 && !(x.text[digits - 1] >= '0' && x.text[digits - 1] <= '9')) --digits;
  std::string rest(x.text.substr(digits));
  rest += x.after.substr(0, 16);
  std::string_view r(rest);
  if (!r.empty() && r.front() == ' ') r.remove_prefix(1);
  // Scale words between the number and the unit: "3 million dollars", "300만 달러".
  for (std::string_view scale : {"million ", "billion ", "trillion ", "thousand "})
    if (r.substr(0, scale.size()) == scale) r.remove_prefix(scale.size());
  for (bool more = true; more;) {
    more = false;
    for (std::string_view skip : {"만", "억", "조", "천", "여", " "})
      if (r.substr(0, skip.size()) == skip) {
        r.remove_prefix(skip.size());
        more = true;
      }
  }
  for (const UnitSpelling& u : kUnits) {
    if (r.substr(0, u.written.size()) != u.written) continue;
    const bool latin = ascii_letter(u.written.front());
    if (latin && r.size() > u.written.size() && ascii_letter(r[u.written.size()])) continue;
    return u.unit;
  }
  return std::nullopt;
}

// The numbers as written and their values, "; "-joined, for Finding::evidence.
std::string written(const std::vector<const Located*>& xs) {
  std::string out;
  for (const Located* x : xs) out += (out.empty() ? "" : "; ") + std::string(x->text);
  return out;
}
std::string values(const std::vector<const Located*>& xs) {
  std::string out;
  for (const Located* x : xs) out += (out.empty() ? "" : "; ") + show_value(x->number.value);
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
    const qa_detail::SharedView& view = qa_detail::shared_view(ctx);
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      const auto ko = numbers_of(qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end), view.ko);
      const auto en_pieces = qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end);
      const auto en = numbers_of(en_pieces, view.en);
      // Asked only where it matters: a Korean day of the month.
      const bool weekday =
          std::any_of(ko.begin(), ko.end(),
                      [](const Located& x) { return x.number.kind == lang::NumberKind::kDay; }) &&
          mentions_weekday(en_pieces);
      mismatch(b, ko, en, weekday, out);
      changed_units(b, ko, en, out);
      if (approximation) lost_hedges(b, ko, en, out);
    }
  }

 private:
  void mismatch(const Bead& b, const std::vector<Located>& ko, const std::vector<Located>& en,
                bool weekday, std::vector<Finding>& out) const {
    const bool imperial = std::any_of(
        en.begin(), en.end(), [](const Located& x) { return measured_in(x, kImperialUnits); });
    // Lone numbers: no counterpart on the other side. The words for one (한 개, "one", "once")
    // are kept apart: they are articles and idioms as often as numbers.
    std::vector<const Located*> lone_ko, lone_en, weak_ko, weak_en;
    for (const Located& x : ko) {
      if (has_counterpart(x, en) || (weekday && x.number.kind == lang::NumberKind::kDay)) continue;
      (weak(x.number) ? weak_ko : lone_ko).push_back(&x);
    }
    for (const Located& x : en)
      if (!has_counterpart(x, ko)) (weak(x.number) ? weak_en : lone_en).push_back(&x);
    // Metric against imperial: the conversion below pairs them; what it leaves is a loose
    // rounding as often as an error, never a slip.
    const bool converting =
        imperial && std::any_of(lone_ko.begin(), lone_ko.end(),
                                [](const Located* x) { return measured_in(*x, kMetricUnits); });
    // A Korean date written month.day ("3.1절", "8.15 광복절") against an English month and day.
    for (std::size_t i = 0; i < lone_ko.size();) {
      const std::string_view t = lone_ko[i]->text;
      const std::size_t dot = t.find('.');
      bool date = false;
      if (dot != std::string_view::npos && dot > 0 && dot <= 2 && t.size() - dot - 1 <= 2) {
        const double month = std::floor(lone_ko[i]->number.value);
        const double day =
            std::round((lone_ko[i]->number.value - month) * (t.size() - dot - 1 == 1 ? 10 : 100));
        const auto has = [&](lang::NumberKind kind, double v) {
          return std::any_of(en.begin(), en.end(), [&](const Located& y) {
            return y.number.value == v &&
                   (kind == lang::NumberKind::kCardinal || y.number.kind == kind);
          });
        };
        date = month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
               has(lang::NumberKind::kMonth, month) && has(lang::NumberKind::kCardinal, day);
      }
      if (!date) {
        ++i;
        continue;
      }
      const double month = std::floor(lone_ko[i]->number.value);
      lone_en.erase(std::remove_if(lone_en.begin(), lone_en.end(),
                                   [&](const Located* y) {
                                     return y->number.kind == lang::NumberKind::kMonth &&
                                            y->number.value == month;
                                   }),
                    lone_en.end());
      const double day =
          std::round((lone_ko[i]->number.value - month) * (t.size() - dot - 1 == 1 ? 10 : 100));
      const auto d = std::find_if(lone_en.begin(), lone_en.end(),
                                  [&](const Located* y) { return y->number.value == day; });
      if (d != lone_en.end()) lone_en.erase(d);
      lone_ko.erase(lone_ko.begin() + static_cast<std::ptrdiff_t>(i));
    }
    // A lone pair that a conversion explains is a pair (100 km / 62 miles, 22도 / 72 degrees).
    for (std::size_t i = 0; i < lone_ko.size();) {
      const auto j = std::find_if(lone_en.begin(), lone_en.end(), [&](const Located* y) {
        return measured_in(*lone_ko[i], kMetricUnits) && measured_in(*y, kConvertedUnits) &&
               converted(lone_ko[i]->number.value, y->number.value);
      });
      if (j == lone_en.end()) {
        ++i;
        continue;
      }
      lone_en.erase(j);
      lone_ko.erase(lone_ko.begin() + static_cast<std::ptrdiff_t>(i));
    }
    if (lone_ko.empty() != lone_en.empty()) weak_pair(b, lone_ko, lone_en, weak_ko, weak_en, out);
    if (lone_ko.empty() || lone_en.empty()) return;
    const auto digits = [](const Located* x) { return !x->number.spelled; };
    const bool both_digits = std::any_of(lone_ko.begin(), lone_ko.end(), digits) &&
                             std::any_of(lone_en.begin(), lone_en.end(), digits);
    // Strong evidence: a lone Korean number and a lone English one that differ in one digit or by
    // a power of ten (만 / 억, million / billion) — a slip, not a rephrasing or a conversion.
    // Only in a link with one lone number on a side: many lone numbers mean a loose rendering.
    // Won and dollars a power of ten apart are an exchange, not a slip.
    bool slip = false;
    for (const Located* x : lone_ko)
      for (const Located* y : lone_en) {
        const auto ux = unit_of(*x), uy = unit_of(*y);
        const bool exchange = ux && uy && ux->dimension == "money" && ux->name != uy->name;
        slip = slip || (!exchange && one_slip_apart(x->number.value, y->number.value));
      }
    slip = slip && !converting && (lone_ko.size() == 1 || lone_en.size() == 1);
    const bool major = both_digits && slip;
    Finding f = qa_detail::bead_finding(id(), major ? Severity::kMajor : Severity::kMinor, b);
    f.confidence = major ? 0.85 : (slip ? 0.6 : (both_digits ? 0.45 : 0.3));
    for (const Located* x : lone_ko) f.ko_spans.push_back(x->number.span);
    for (const Located* x : lone_en) f.en_spans.push_back(x->number.span);
    f.message = fmt::format("numbers differ: the Korean has {} and the English has {} instead",
                            describe(lone_ko), describe(lone_en));
    f.evidence = {{"numbers", written(lone_ko), written(lone_en)},
                  {"values", values(lone_ko), values(lone_en)}};
    out.push_back(std::move(f));
  }

  // A lone count on one side against a lone "one" of the same kind on the other (한 가지 /
  // "two features", 아홉 개 / "one placeholder", 여덟 번 / "once"): a numeral changed on either
  // side. Weak evidence, since "one" is often a pronoun or an article: minor.
  void weak_pair(const Bead& b, const std::vector<const Located*>& lone_ko,
                 const std::vector<const Located*>& lone_en,
                 const std::vector<const Located*>& weak_ko,
                 const std::vector<const Located*>& weak_en, std::vector<Finding>& out) const {
    const auto countable = [](const Located* x) {
      return x->number.kind == lang::NumberKind::kCardinal ||
             x->number.kind == lang::NumberKind::kOrdinal;
    };
    const std::vector<const Located*>& lone = lone_ko.empty() ? lone_en : lone_ko;
    const std::vector<const Located*>& weak_side = lone_ko.empty() ? weak_ko : weak_en;
    if (lone.size() != 1 || !countable(lone[0])) return;
    const auto w = std::find_if(weak_side.begin(), weak_side.end(), [&](const Located* x) {
      return x->number.kind == lone[0]->number.kind;
    });
    if (w == weak_side.end()) return;
    // 하나 ("one of them", 중 하나) is not read as a number but says one.
    if (lone_ko.empty() == false &&
        std::any_of(lone_ko.begin(), lone_ko.end(), [](const Located* x) {
          return x->before.find("하나") != std::string_view::npos ||
                 x->after.find("하나") != std::string_view::npos;
        }))
      return;
    const std::vector<const Located*> ko_side = lone_ko.empty() ? std::vector{*w} : lone_ko;
    const std::vector<const Located*> en_side = lone_ko.empty() ? lone_en : std::vector{*w};
    Finding f = qa_detail::bead_finding(id(), Severity::kMinor, b);
    f.confidence = kWeakPairConfidence;
    for (const Located* x : ko_side) f.ko_spans.push_back(x->number.span);
    for (const Located* x : en_side) f.en_spans.push_back(x->number.span);
    f.message = fmt::format("numbers differ: the Korean has {} and the English has {} instead",
                            describe(ko_side), describe(en_side));
    f.evidence = {{"numbers", written(ko_side), written(en_side)},
                  {"values", values(ko_side), values(en_side)}};
    out.push_back(std::move(f));
  }

  // A number found on both sides, measured in different units of one dimension on each.
  void changed_units(const Bead& b, const std::vector<Located>& ko, const std::vector<Located>& en,
                     std::vector<Finding>& out) const {
    for (const Located& x : ko) {
      const auto ux = unit_of(x);
      if (!ux || weak(x.number)) continue;
      const Located* culprit = nullptr;
      bool agrees = false;
      for (const Located& y : en) {
        if (!lang::same_quantity(x.number, y.number)) continue;
        const auto uy = unit_of(y);
        if (!uy || uy->name == ux->name) {
          agrees = true;
          break;
        }
        // Another unit of the same dimension is the stronger evidence: keep it as the culprit.
        if (!culprit || uy->dimension == ux->dimension) culprit = &y;
      }
      if (agrees || !culprit) continue;
      // Another dimension (3% / "3 degrees") may be a number that only happens to recur.
      const bool same_dimension = unit_of(*culprit)->dimension == ux->dimension;
      Finding f =
          qa_detail::bead_finding(id(), same_dimension ? Severity::kMajor : Severity::kMinor, b);
      f.confidence = same_dimension ? kChangedUnitConfidence : kOtherDimensionConfidence;
      f.ko_spans.push_back(x.number.span);
      f.en_spans.push_back(culprit->number.span);
      f.message = fmt::format("the unit differs: the Korean has {} ({}) and the English {} ({})",
                              qa_detail::quote_excerpt(x.text, 30), ux->name,
                              qa_detail::quote_excerpt(culprit->text, 30), unit_of(*culprit)->name);
      out.push_back(std::move(f));
      return;
    }
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
      f.evidence = {{"approximate-number", std::string(x.text), written(exact)}};
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_number_mismatch_check() {
  return std::make_unique<NumberMismatchCheck>();
}

}  // namespace kealign
