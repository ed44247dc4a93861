#include "numbers.hpp"
#include "script.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>

namespace kealign::lang {
namespace {

// Large amounts written with scale words are rounded ("1.23 trillion" for 1조2345억).
constexpr double kRoundingTolerance = 0.02;
constexpr double kRoundedAmountFloor = 1e4;
constexpr double kHalfDay = 12;
constexpr double kFirstYearOfCentury[] = {1900, 2000};
constexpr double kShortYearLimit = 100;
constexpr double kFullYearFloor = 1000;
constexpr std::size_t kYearDigits = 4;
constexpr double kThousand = 1e3;
constexpr double kMillion = 1e6;
constexpr double kLastPlausibleYear = 2100;

// ---------------------------------------------------------------------------------------------
// Code points with their byte offsets, for look-ahead over UTF-8.

struct Cp {
  char32_t c;
  std::size_t at;
};

std::vector<Cp> code_points(std::string_view text) {
  std::vector<Cp> out;
  out.reserve(text.size());  // at most one code point a byte
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    // next_code_point in line: the readers decode every character of every segment.
    const auto b = static_cast<unsigned char>(text[i]);
    char32_t c = b;
    if (b < 0x80) {
      ++i;
    } else {
      const int n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      c = b & (0x7F >> n);
      for (int k = 1; k < n && i + k < text.size(); ++k)
        c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      i += n;
    }
    out.push_back({c, at});
  }
  return out;
}

bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}
bool is_latin(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_syllable(char32_t c) {
  return is_hangul_syllable(c);
}

// Whether cps[k..] spells `word` (UTF-8).
bool starts_with(const std::vector<Cp>& cps, std::size_t k, std::u32string_view word) {
  if (k + word.size() > cps.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (cps[k + i].c != word[i]) return false;
  return true;
}

// A run of digit groups joined by single "," or "." ("1,200.5", "5,25", "1.000.000") read in the
// English convention (commas group thousands, a period marks decimals) and, where that is possible
// too, in the European one that Korean help texts also use (periods group, a comma marks decimals).
struct DigitsValue {
  double value = 0;
  std::optional<double> alternative;  // the other convention's reading, when both are valid
};

constexpr std::size_t kThousandsGroup = 3;

std::optional<double> read_convention(const std::vector<std::string>& groups,
                                      const std::vector<char32_t>& seps, char32_t grouping) {
  std::string digits = groups[0];
  bool decimal = false;
  for (std::size_t i = 0; i < seps.size(); ++i) {
    if (seps[i] == grouping) {
      if (decimal || groups[i + 1].size() != kThousandsGroup) return std::nullopt;
    } else {
      if (decimal) return std::nullopt;
      decimal = true;
      digits += '.';
    }
    digits += groups[i + 1];
  }
  return std::stod(digits);
}

// Reads the run at cps[k] and moves k past it; nullopt (k unchanged) for versions and dotted dates
// (7.4.7, 2023.3.26) that neither convention reads.
// English text reads a run only the European convention accepts ("December 30,1899") as a list:
// then only its first group is read.
std::optional<DigitsValue> read_digits(const std::vector<Cp>& cps, std::size_t& k,
                                       bool european_alone = true) {
  std::vector<std::string> groups(1);
  std::vector<char32_t> seps;
  std::size_t i = k;
  while (i < cps.size()) {
    const char32_t c = cps[i].c;
    if (is_digit(c)) {
      groups.back() += static_cast<char>(c);
      ++i;
    } else if ((c == ',' || c == '.') && i + 1 < cps.size() && is_digit(cps[i + 1].c)) {
      seps.push_back(c);
      groups.emplace_back();
      ++i;
    } else {
      break;
    }
  }
  const auto english = read_convention(groups, seps, ',');
  const auto european = read_convention(groups, seps, '.');
  if (!english && !european) return std::nullopt;
  // A year and a month written with a point (2005.10) is a date, not a decimal.
  if (seps.size() == 1 && seps[0] == '.' && groups[0].size() == kYearDigits &&
      groups[1].size() == 2 && std::stoi(groups[1]) >= 1 && std::stoi(groups[1]) <= 12)
    return std::nullopt;
  if (!english && !european_alone) {
    k += groups[0].size();
    return DigitsValue{std::stod(groups[0]), std::nullopt};
  }
  k = i;
  DigitsValue v;
  v.value = english ? *english : *european;
  if (english && european && *english != *european) v.alternative = european;
  return v;
}

// Skips the rest of a token that is not a number (an identifier or a version).
std::size_t skip_token(const std::vector<Cp>& cps, std::size_t k) {
  while (k < cps.size() && (is_digit(cps[k].c) || is_latin(cps[k].c) || cps[k].c == '.' ||
                            cps[k].c == '-' || cps[k].c == '_' || cps[k].c == ','))
    ++k;
  return k;
}

// Digits right after a Latin letter (A1, MP3), possibly through one joiner (F-35, $A$1).
bool glued_to_latin_before(const std::vector<Cp>& cps, std::size_t k) {
  if (k == 0) return false;
  const char32_t p = cps[k - 1].c;
  if (is_latin(p) || is_digit(p) || p == '.' || p == '_') return true;
  return (p == '-' || p == '$') && k >= 2 && is_latin(cps[k - 2].c);
}

// Unit symbols that may follow digits directly ("5km", "3GB") without making an identifier.
bool is_unit_suffix(std::string_view s) {
  static constexpr std::string_view kUnits[] = {"km",  "kg",  "cm", "mm", "mg",  "ml", "m",  "g",
                                                "kb",  "mb",  "gb", "tb", "kw",  "mw", "hz", "khz",
                                                "mhz", "ghz", "px", "pt", "dpi", "x"};
  return std::find(std::begin(kUnits), std::end(kUnits), s) != std::end(kUnits);
}

std::string lower_latin_run(const std::vector<Cp>& cps, std::size_t& k) {
  std::string s;
  while (k < cps.size() && is_latin(cps[k].c)) {
    s += static_cast<char>(cps[k].c | 0x20);
    ++k;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Korean.

struct Unit {
  char32_t c;
  double value;
  bool big;  // 만, 억, 조 close a section of the number
};
constexpr Unit kKoreanUnits[] = {{U'십', 10, false}, {U'백', 100, false}, {U'천', 1000, false},
                                 {U'만', 1e4, true}, {U'억', 1e8, true},  {U'조', 1e12, true}};

const Unit* korean_unit(char32_t c) {
  for (const Unit& u : kKoreanUnits)
    if (u.c == c) return &u;
  return nullptr;
}

constexpr std::pair<char32_t, int> kSinoDigits[] = {{U'일', 1}, {U'이', 2}, {U'삼', 3},
                                                    {U'사', 4}, {U'오', 5}, {U'육', 6},
                                                    {U'칠', 7}, {U'팔', 8}, {U'구', 9}};

int sino_digit(char32_t c) {
  for (const auto& [d, v] : kSinoDigits)
    if (d == c) return v;
  return 0;
}

// Accumulates a number read as Korean does: digits, small units inside a section, big units that
// close one (1조 2000억 = 1e12 + 2000e8).
struct KoreanNumber {
  double total = 0, section = 0, current = 0;
  bool has_current = false;

  void digits(double v) {
    current = v;
    has_current = true;
  }
  void unit(const Unit& u) {
    if (u.big) {
      // 5천만: the section so far is what the big unit multiplies; a bare 만 means one of it.
      const double n = has_current ? current : 0;
      total += (section + n > 0 ? section + n : 1) * u.value;
      section = 0;
    } else {
      section += (has_current ? current : 1) * u.value;
    }
    current = 0;
    has_current = false;
  }
  double value() const { return total + section + current; }
};

struct Counter {
  std::u32string_view text;
  NumberKind kind;
};

// Counters after digits decide the kind; the longest match wins, so order longer ones first.
constexpr Counter kDigitCounters[] = {
    {U"주년", NumberKind::kOrdinal},   {U"번째", NumberKind::kOrdinal},
    {U"째", NumberKind::kOrdinal},     {U"년대", NumberKind::kYear},
    {U"개월", NumberKind::kCardinal},  {U"년", NumberKind::kYear},
    {U"월", NumberKind::kMonth},       {U"일", NumberKind::kDay},
    {U"시간", NumberKind::kCardinal},  {U"시", NumberKind::kHour},
    {U"%", NumberKind::kPercent},      {U"％", NumberKind::kPercent},
    {U"퍼센트", NumberKind::kPercent}, {U"프로", NumberKind::kPercent},
    {U"위", NumberKind::kOrdinal},     {U"차", NumberKind::kOrdinal},
    {U"등", NumberKind::kOrdinal}};

// Counters that make a Hangul numeral a number, longest first where they share a start: native
// numerals take native counters (세 차례, 두 명; not 한 일 "the work done"), Sino-Korean numerals
// Sino-Korean ones (삼십 년).
constexpr std::u32string_view kNativeCounters[] = {
    U"번째", U"번", U"차례", U"가지", U"개", U"명", U"사람", U"살", U"시간", U"시",
    U"달러", U"달", U"마리", U"권",   U"장", U"대", U"척",   U"곳", U"군데", U"배",
    U"잔",   U"병", U"채",   U"벌",   U"쌍", U"해", U"분",   U"건", U"편"};
// Currencies and counters of things (대 for vehicles and machines, 척 for ships, 채 for houses,
// 마리 for animals, 톤, 평, 배럴) too: "2만엔", "1만2000대", "30평", "290만배럴". Not 곳, 장, 병,
// 표: after 이 or 일 they are as often "this place", "this chapter" as a count.
constexpr std::u32string_view kSinoCounters[] = {
    U"번",   U"개국", U"개월",   U"개",     U"명",   U"주년", U"주일", U"주",   U"년",
    U"월",   U"일",   U"회",     U"차",     U"분",   U"초",   U"시간", U"세기", U"세",
    U"원",   U"달러", U"퍼센트", U"건",     U"층",   U"가구", U"배",   U"위",   U"등",
    U"엔",   U"유로", U"위안",   U"파운드", U"루블", U"페소", U"대",   U"척",   U"채",
    U"마리", U"톤",   U"평",     U"권",     U"편",   U"그루", U"배럴", U"갤런", U"리터"};

// Syllables that may follow a counter inside the same word: particles and endings (명이, 번째로,
// 년간, 개월여). Anything else means the counter was the start of another word (장관, 시장).
constexpr std::u32string_view kAfterCounter =
    U"이가을를은는의에로으와과도만씩째간여쯤정나까부동마내뿐밖였라인보당들께";

// Native numerals: tens, then units (prenominal and free forms).
constexpr std::pair<std::u32string_view, int> kNativeTens[] = {
    {U"열", 10}, {U"스물", 20}, {U"스무", 20}, {U"서른", 30}, {U"마흔", 40},
    {U"쉰", 50}, {U"예순", 60}, {U"일흔", 70}, {U"여든", 80}, {U"아흔", 90}};
constexpr std::pair<std::u32string_view, int> kNativeUnits[] = {
    {U"하나", 1}, {U"한", 1},   {U"둘", 2},   {U"두", 2},   {U"셋", 3},
    {U"세", 3},   {U"석", 3},   {U"넷", 4},   {U"네", 4},   {U"넉", 4},
    {U"다섯", 5}, {U"여섯", 6}, {U"일곱", 7}, {U"여덟", 8}, {U"아홉", 9}};

// Native numerals that are numbers even without a counter after them (두 정상, 다섯 나라).
constexpr std::u32string_view kFreeNative[] = {U"두",   U"세",   U"다섯", U"여섯",
                                               U"일곱", U"여덟", U"아홉", U"스무"};

// Words that count days.
constexpr std::pair<std::u32string_view, int> kDayWords[] = {
    {U"하루", 1}, {U"이틀", 2},   {U"사흘", 3},   {U"나흘", 4},  {U"닷새", 5}, {U"엿새", 6},
    {U"이레", 7}, {U"여드레", 8}, {U"아흐레", 9}, {U"열흘", 10}, {U"보름", 15}};

// Hedges: before the number (약 3억) and right after it or its counter (10여 명, 열흘여, 3년 남짓).
// Bounds (이상 "or more", 미만 "under") are not hedges: English states them with the number.
constexpr std::u32string_view kHedgesBefore[] = {U"약", U"대략", U"거의"};
constexpr std::u32string_view kHedgesAfter[] = {U"여",   U"가량", U"쯤",  U"정도",
                                                U"남짓", U"안팎", U"내외"};

// Length of the counter at cps[k] if it ends a word or continues with a particle, else 0.
template <std::size_t N>
std::size_t counter_at(const std::u32string_view (&counters)[N], const std::vector<Cp>& cps,
                       std::size_t k) {
  for (std::u32string_view c : counters) {
    if (!starts_with(cps, k, c)) continue;
    const std::size_t end = k + c.size();
    if (end >= cps.size() || !is_syllable(cps[end].c) ||
        kAfterCounter.find(cps[end].c) != std::u32string_view::npos)
      return c.size();
  }
  return 0;
}

// A counter attached at k or, after one space, at the start of the next word: its end, or 0.
template <std::size_t N>
std::size_t counter_after(const std::u32string_view (&counters)[N], const std::vector<Cp>& cps,
                          std::size_t k) {
  if (k < cps.size() && is_syllable(cps[k].c)) {
    const std::size_t n = counter_at(counters, cps, k);
    return n ? k + n : 0;
  }
  if (k + 1 < cps.size() && cps[k].c == ' ') {
    const std::size_t n = counter_at(counters, cps, k + 1);
    return n ? k + 1 + n : 0;
  }
  return 0;
}

bool word_start(const std::vector<Cp>& cps, std::size_t k) {
  if (k == 0) return true;
  const char32_t p = cps[k - 1].c;
  return !is_syllable(p) && !is_latin(p) && !is_digit(p);
}

// Hedge after the number: returns the new end when one is attached (or after one space for the
// longer ones), else end.
std::size_t hedge_after(const std::vector<Cp>& cps, std::size_t end, bool& approximate) {
  for (std::u32string_view h : kHedgesAfter) {
    std::size_t at = end;
    if (h.size() > 1 && at < cps.size() && cps[at].c == ' ') ++at;
    if (!starts_with(cps, at, h)) continue;
    const std::size_t after = at + h.size();
    // 여 must stand alone or before a counter/particle: 10여 명, 열흘여 동안, but not 10 여성.
    if (h == U"여" && at != end) continue;
    if (h == U"여" && after < cps.size() && is_syllable(cps[after].c) &&
        !counter_at(kSinoCounters, cps, after) && !counter_at(kNativeCounters, cps, after) &&
        kAfterCounter.find(cps[after].c) == std::u32string_view::npos)
      continue;
    approximate = true;
    return after;
  }
  return end;
}

bool hedge_before(const std::vector<Cp>& cps, std::size_t k) {
  if (k < 2 || cps[k - 1].c != ' ') return false;
  for (std::u32string_view h : kHedgesBefore) {
    if (k < 1 + h.size()) continue;
    const std::size_t at = k - 1 - h.size();
    if (starts_with(cps, at, h) && word_start(cps, at)) return true;
  }
  return false;
}

// Whether a Hangul word starting with syllable c may be a number words_at reads: a day word, a
// native numeral, a Sino-Korean digit or unit. Most words start with none of them.
bool may_start_korean_number(char32_t c) {
  static const std::vector<bool> starts = [] {
    std::vector<bool> out(0xD7A4 - 0xAC00, false);
    const auto mark = [&out](char32_t s) {
      if (is_syllable(s)) out[s - 0xAC00] = true;
    };
    for (const auto& [word, value] : kDayWords) mark(word.front());
    for (const auto& [word, value] : kNativeTens) mark(word.front());
    for (const auto& [word, value] : kNativeUnits) mark(word.front());
    for (const auto& [d, value] : kSinoDigits) mark(d);
    for (const Unit& u : kKoreanUnits) mark(u.c);
    return out;
  }();
  return is_syllable(c) && starts[c - 0xAC00];
}

class KoreanReader {
 public:
  KoreanReader(std::string_view text, std::size_t base)
      : cps_(code_points(text)), size_(text.size()), base_(base) {}

  std::vector<NumberMention> read() {
    std::size_t k = 0;
    while (k < cps_.size()) {
      const std::size_t next = is_digit(cps_[k].c) ? digits_at(k) : words_at(k);
      k = next > k ? next : k + 1;
    }
    return std::move(out_);
  }

 private:
  std::size_t offset(std::size_t k) const { return base_ + (k < cps_.size() ? cps_[k].at : size_); }

  void emit(std::size_t begin, std::size_t end, double value, NumberKind kind, bool spelled,
            bool approximate, std::optional<double> alternative = std::nullopt) {
    NumberMention m;
    m.value = value;
    m.alternative = alternative;
    m.span = {offset(begin), offset(end)};
    m.kind = kind;
    m.spelled = spelled;
    m.approximate = approximate || hedge_before(cps_, begin);
    out_.push_back(m);
  }

  // Digits, Korean units and a counter: 26일, 3억 달러, 1조 2000억 원, 제3차.
  std::size_t digits_at(std::size_t k) {
    if (glued_to_latin_before(cps_, k)) return skip_token(cps_, k);
    const bool ordinal_prefix = k > 0 && cps_[k - 1].c == U'제';
    KoreanNumber n;
    std::size_t i = k;
    bool has_unit = false;
    std::optional<double> alternative;
    while (true) {
      const auto v = read_digits(cps_, i);
      if (!v) return skip_token(cps_, k);
      n.digits(v->value);
      alternative = has_unit ? std::nullopt : v->alternative;
      const std::size_t after = ordinal_prefix ? 0 : units_after(i);
      if (!after) break;
      bool big = false;
      for (std::size_t j = i; j < after; ++j) {
        if (const Unit* u = korean_unit(cps_[j].c)) {
          n.unit(*u);
          big = u->big;
        }
      }
      has_unit = true;
      i = after;
      if (i < cps_.size() && is_digit(cps_[i].c)) continue;
      if (big && i + 1 < cps_.size() && cps_[i].c == ' ' && is_digit(cps_[i + 1].c)) {
        ++i;
        continue;
      }
      break;
    }
    if (has_unit) alternative.reset();
    if (i < cps_.size() && is_latin(cps_[i].c)) {
      std::size_t j = i;
      if (!is_unit_suffix(lower_latin_run(cps_, j))) return skip_token(cps_, k);
      i = j;
    }
    bool approximate = false;
    std::size_t end = hedge_after(cps_, i, approximate);
    NumberKind kind = ordinal_prefix ? NumberKind::kOrdinal : NumberKind::kCardinal;
    std::size_t at = end;
    if (at < cps_.size() && cps_[at].c == ' ' && at + 1 < cps_.size() &&
        (cps_[at + 1].c == '%' || has_unit))
      ++at;
    for (const Counter& c : kDigitCounters) {
      if (!starts_with(cps_, at, c.text)) continue;
      end = at + c.text.size();
      if (!ordinal_prefix) kind = c.kind;
      break;
    }
    const double value = n.value();
    if (kind == NumberKind::kYear && value < kFullYearFloor)
      kind = NumberKind::kCardinal;  // 3년, 300년: a duration (23년 still matches 2023)
    if (kind == NumberKind::kMonth && (value < 1 || value > 12)) kind = NumberKind::kCardinal;
    end = hedge_after(cps_, end, approximate);
    emit(k, end, value, kind, false, approximate, alternative);
    return end;
  }

  // The end of the unit syllables (만, 억, 천만...) after digits at i, attached or as the next word
  // ("100 백만"), when what follows them is not the rest of another word (10만큼, 3천원); else 0.
  std::size_t units_after(std::size_t i) const {
    std::size_t j = i;
    if (j + 1 < cps_.size() && cps_[j].c == ' ' && korean_unit(cps_[j + 1].c)) ++j;
    const std::size_t first = j;
    while (j < cps_.size() && korean_unit(cps_[j].c)) ++j;
    if (j == first) return 0;
    if (j >= cps_.size() || !is_syllable(cps_[j].c) || is_digit(cps_[j].c)) return j;
    if (kAfterCounter.find(cps_[j].c) != std::u32string_view::npos) return j;
    if (counter_at(kSinoCounters, cps_, j) || counter_at(kNativeCounters, cps_, j)) return j;
    for (const Counter& c : kDigitCounters)
      if (starts_with(cps_, j, c.text)) return j;
    return 0;
  }

  // Day words, native numerals with counters, Sino-Korean numerals in Hangul with counters.
  std::size_t words_at(std::size_t k) {
    if (!is_syllable(cps_[k].c) || !word_start(cps_, k)) return k + 1;
    if (!may_start_korean_number(cps_[k].c)) {
      while (k < cps_.size() && is_syllable(cps_[k].c)) ++k;  // not a number: skip the word
      return k;
    }
    for (const auto& [word, value] : kDayWords) {
      if (!starts_with(cps_, k, word)) continue;
      bool approximate = false;
      const std::size_t end = hedge_after(cps_, k + word.size(), approximate);
      emit(k, end, value, NumberKind::kDay, true, approximate);
      return end;
    }
    if (std::size_t end = native_at(k)) return end;
    if (std::size_t end = sino_at(k)) return end;
    while (k < cps_.size() && is_syllable(cps_[k].c)) ++k;  // not a number: skip the word
    return k;
  }

  std::size_t native_at(std::size_t k) {
    int value = 0;
    std::size_t i = k;
    for (const auto& [word, v] : kNativeTens) {
      if (starts_with(cps_, i, word)) {
        value += v;
        i += word.size();
        break;
      }
    }
    for (const auto& [word, v] : kNativeUnits) {
      if (starts_with(cps_, i, word)) {
        value += v;
        i += word.size();
        break;
      }
    }
    if (value == 0) return 0;
    bool approximate = false;
    i = hedge_after(cps_, i, approximate);
    NumberKind kind = NumberKind::kCardinal;
    std::size_t end = counter_after(kNativeCounters, cps_, i);
    if (end && starts_with(cps_, end - 2, U"번째")) kind = NumberKind::kOrdinal;
    if (!end) {
      // Without a counter, only a numeral standing as its own word before another word counts.
      const bool alone =
          i < cps_.size() && cps_[i].c == ' ' && i + 1 < cps_.size() && is_syllable(cps_[i + 1].c);
      bool free = false;
      for (std::u32string_view w : kFreeNative)
        free = free || (i - k == w.size() && starts_with(cps_, k, w));
      const bool combined = value > 10 && value % 10 != 0;  // 열두, 스물다섯
      if (!alone || !(free || combined)) return 0;
      end = i;
    }
    end = hedge_after(cps_, end, approximate);
    emit(k, end, value, kind, true, approximate);
    return end;
  }

  std::size_t sino_at(std::size_t k) {
    KoreanNumber n;
    std::size_t i = k;
    bool has_unit = false, last_digit = false;
    double last_small = 1e9;
    while (i < cps_.size()) {
      const char32_t c = cps_[i].c;
      if (const int d = sino_digit(c)) {
        if (last_digit) return 0;  // two digits in a row (일일, 사이): not a numeral
        n.digits(d);
        last_digit = true;
      } else if (const Unit* u = korean_unit(c)) {
        if (!u->big && u->value >= last_small) return 0;
        last_small = u->big ? 1e9 : u->value;
        n.unit(*u);
        has_unit = true;
        last_digit = false;
      } else {
        break;
      }
      ++i;
    }
    if (!has_unit) return 0;
    if (i - k == 1 && i < cps_.size() && is_syllable(cps_[i].c)) return 0;  // 조건, 만세, 만일
    std::size_t end = counter_after(kSinoCounters, cps_, i);
    if (!end) return 0;
    bool approximate = false;
    end = hedge_after(cps_, end, approximate);
    emit(k, end, n.value(), NumberKind::kCardinal, true, approximate);
    return end;
  }

  std::vector<Cp> cps_;
  std::size_t size_;
  std::size_t base_;
  std::vector<NumberMention> out_;
};

// ---------------------------------------------------------------------------------------------
// English.

struct Token {
  std::string lower;       // letters lowercased; digits without separators
  DigitsValue number;      // for digits
  std::size_t begin, end;  // code-point indices
  bool digits;
  bool capital;
};

constexpr std::pair<std::string_view, int> kEnglishOnes[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90}};
constexpr std::pair<std::string_view, int> kEnglishOrdinals[] = {
    {"first", 1},       {"third", 3},       {"fourth", 4},     {"fifth", 5},
    {"sixth", 6},       {"seventh", 7},     {"eighth", 8},     {"ninth", 9},
    {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},   {"thirteenth", 13},
    {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16}, {"seventeenth", 17},
    {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20}, {"thirtieth", 30},
    {"fortieth", 40},   {"fiftieth", 50},   {"sixtieth", 60},  {"seventieth", 70},
    {"eightieth", 80},  {"ninetieth", 90},  {"hundredth", 100}};
constexpr std::pair<std::string_view, double> kEnglishScales[] = {
    {"hundred", 100},   {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
    {"trillion", 1e12}, {"bn", 1e9},       {"mn", 1e6},      {"tn", 1e12}};
constexpr std::pair<std::string_view, int> kEnglishTimes[] = {
    {"once", 1}, {"twice", 2}, {"thrice", 3}, {"dozen", 12}};
constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
constexpr std::string_view kMonthAbbreviations[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                    "jul", "aug", "sep", "oct", "nov", "dec"};
// Months that are also everyday words count only next to a number (May 5, 5 March).
constexpr std::string_view kAmbiguousMonths[] = {"march", "may", "mar", "jan", "jun", "aug"};
constexpr std::string_view kEnglishHedges[] = {
    "about", "around", "approximately", "roughly", "nearly",   "almost",  "some",  "over",  "than",
    "least", "up to",  "under",         "just",    "close to", "upwards", "circa", "approx"};

template <typename T, std::size_t N>
const T* lookup(const std::pair<std::string_view, T> (&table)[N], std::string_view key) {
  for (const auto& [k, v] : table)
    if (k == key) return &v;
  return nullptr;
}

// Whether a lowercase word is one word_at reads (a number word, an ordinal, a month, "a" before a
// scale) or a scale word: a text without digits and without such a word holds no number.
bool english_number_word(std::string_view w, bool with_article) {
  if (w.empty() || w.size() > 11) return false;  // "seventeenth"
  if (with_article && w == "a") return true;
  // Asked for every word of a text: hashed, behind a mask of the lengths each first letter has.
  struct Table {
    std::unordered_set<std::string_view> words;
    std::uint32_t lengths[26] = {};
  };
  static const Table table = [] {
    Table t;
    const auto add = [&t](std::string_view word) {
      t.words.insert(word);
      t.lengths[word[0] - 'a'] |= 1u << word.size();
    };
    for (const auto& entry : kEnglishOnes) add(entry.first);
    for (const auto& entry : kEnglishOrdinals) add(entry.first);
    for (const auto& entry : kEnglishScales) add(entry.first);
    for (const auto& entry : kEnglishTimes) add(entry.first);
    for (std::string_view m : kMonths) add(m);
    for (std::string_view m : kMonthAbbreviations) add(m);
    add("second");
    return t;
  }();
  if (w[0] < 'a' || w[0] > 'z' || !(table.lengths[w[0] - 'a'] & (1u << w.size()))) return false;
  return table.words.count(w) > 0;
}

// Whether the text may hold an English number: a digit, or a word english_number_word knows ("a"
// reads only before a scale word, which is itself such a word).
bool may_hold_english_number(std::string_view text) {
  char word[12];
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c >= '0' && c <= '9') return true;
    if (!is_latin(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    std::size_t n = 0, j = i;
    for (; j < text.size() && is_latin(static_cast<unsigned char>(text[j])); ++j)
      if (n < sizeof word) word[n++] = static_cast<char>(text[j] | 0x20);
    if (j - i <= 11 && english_number_word(std::string_view(word, j - i), false)) return true;
    i = j;
  }
  return false;
}

class EnglishReader {
 public:
  EnglishReader(std::string_view text, std::size_t base)
      : cps_(code_points(text)), size_(text.size()), base_(base) {
    tokenize();
  }

  std::vector<NumberMention> read() {
    for (std::size_t t = 0; t < tokens_.size();) {
      const std::size_t next = tokens_[t].digits ? digits_at(t) : word_at(t);
      t = next > t ? next : t + 1;
    }
    return std::move(out_);
  }

 private:
  void tokenize() {
    for (std::size_t k = 0; k < cps_.size();) {
      const char32_t c = cps_[k].c;
      if (is_digit(c)) {
        if (glued_to_latin_before(cps_, k)) {
          k = skip_token(cps_, k);
          continue;
        }
        Token t{"", {}, k, k, true, false};
        std::size_t i = k;
        const auto v = read_digits(cps_, i, false);
        if (!v) {
          k = skip_token(cps_, k);
          continue;
        }
        t.number = *v;
        for (std::size_t j = k; j < i; ++j)
          if (is_digit(cps_[j].c) || cps_[j].c == '.') t.lower += static_cast<char>(cps_[j].c);
        t.end = i;
        tokens_.push_back(t);
        k = i;
      } else if (is_latin(c)) {
        Token t{"", {}, k, k, false, c < 'a'};
        std::size_t i = k;
        t.lower = lower_latin_run(cps_, i);
        t.end = i;
        tokens_.push_back(t);
        k = i;
      } else {
        ++k;
      }
    }
  }

  std::size_t offset(std::size_t k) const { return base_ + (k < cps_.size() ? cps_[k].at : size_); }
  bool adjacent(std::size_t t) const {  // token t follows t-1 after a single space or hyphen
    if (t == 0 || t >= tokens_.size()) return false;
    const std::size_t gap = tokens_[t].begin - tokens_[t - 1].end;
    return gap == 1 && (cps_[tokens_[t - 1].end].c == ' ' || cps_[tokens_[t - 1].end].c == '-');
  }
  bool glued(std::size_t t) const {  // token t touches t-1
    return t > 0 && t < tokens_.size() && tokens_[t].begin == tokens_[t - 1].end;
  }

  bool hedged(std::size_t t) const {
    std::string before;
    for (std::size_t i = t >= 3 ? t - 3 : 0; i < t; ++i) before += tokens_[i].lower + ' ';
    for (std::string_view h : kEnglishHedges) {
      const std::string tail = std::string(h) + ' ';
      if (before.size() >= tail.size() &&
          before.compare(before.size() - tail.size(), tail.size(), tail) == 0)
        return true;
    }
    return false;
  }

  // "10 or so", "20-odd", "30 plus" after the number ending at code point `end`.
  bool hedged_after(std::size_t end) const {
    std::size_t t = 0;
    while (t < tokens_.size() && tokens_[t].begin < end) ++t;
    if (t >= tokens_.size()) return false;
    const std::string& w = tokens_[t].lower;
    if (w == "odd" || w == "plus") return tokens_[t].begin <= end + 1;
    return w == "or" && t + 1 < tokens_.size() && tokens_[t + 1].lower == "so";
  }

  void emit(std::size_t first, std::size_t last_end, double value, NumberKind kind, bool spelled,
            std::optional<double> alternative = std::nullopt) {
    NumberMention m;
    m.value = value;
    m.alternative = alternative;
    std::size_t begin = tokens_[first].begin;
    if (begin > 0 && (cps_[begin - 1].c == '$' || cps_[begin - 1].c == U'₩')) --begin;
    m.span = {offset(begin), offset(last_end)};
    m.kind = kind;
    m.spelled = spelled;
    m.approximate = hedged(first) || hedged_after(last_end);
    out_.push_back(m);
  }

  // A scale word after a number (300 million, 1.2 trillion): multiplies; returns the next token.
  std::size_t scale(std::size_t t, double& value) {
    while (t < tokens_.size() && adjacent(t)) {
      const double* s = lookup(kEnglishScales, tokens_[t].lower);
      if (!s) break;
      value *= *s;
      ++t;
    }
    return t;
  }

  std::size_t digits_at(std::size_t t) {
    const std::size_t first = tokens_[t].begin;
    const bool money = first > 0 && (cps_[first - 1].c == '$' || cps_[first - 1].c == U'£' ||
                                     cps_[first - 1].c == U'€');
    double value = tokens_[t].number.value;
    std::optional<double> alternative = tokens_[t].number.alternative;
    NumberKind kind = NumberKind::kCardinal;
    std::size_t end = tokens_[t].end;
    std::size_t next = t + 1;
    if (next < tokens_.size() && glued(next)) {
      const std::string& s = tokens_[next].lower;
      if (s == "st" || s == "nd" || s == "rd" || s == "th") {
        kind = NumberKind::kOrdinal;
      } else if (s == "s" && value >= 1000) {
        kind = NumberKind::kYear;
      } else if (s == "am" || s == "pm") {
        kind = NumberKind::kHour;
      } else if (lookup(kEnglishScales, s)) {
        value *= *lookup(kEnglishScales, s);
      } else if (money && (s == "m" || s == "k")) {
        value *= s == "m" ? kMillion : kThousand;  // $5m, $20k
      } else if (!is_unit_suffix(s)) {
        return next + 1;  // 3D, 4K: an identifier
      }
      end = tokens_[next].end;
      ++next;
    } else {
      const std::size_t after = scale(next, value);
      if (after != next) end = tokens_[after - 1].end;
      next = after;
    }
    if (end < cps_.size() && (cps_[end].c == '%' || cps_[end].c == U'％')) {
      kind = NumberKind::kPercent;
      ++end;
    } else if (next < tokens_.size() && adjacent(next) &&
               (tokens_[next].lower == "percent" || tokens_[next].lower == "per")) {
      kind = NumberKind::kPercent;
      end = tokens_[next].end;
      ++next;
    } else if (next < tokens_.size() && adjacent(next) &&
               (tokens_[next].lower == "pm" || tokens_[next].lower == "am" ||
                tokens_[next].lower == "p" || tokens_[next].lower == "a")) {
      const bool clock = tokens_[next].lower.size() == 2 ||
                         (tokens_[next].end < cps_.size() && cps_[tokens_[next].end].c == '.');
      if (clock) kind = NumberKind::kHour;
    }
    const std::string& digits = tokens_[t].lower;
    const bool plain_four =
        digits.size() == kYearDigits && tokens_[t].end - tokens_[t].begin == kYearDigits;
    if (kind == NumberKind::kCardinal && plain_four && value >= kFullYearFloor &&
        value <= kLastPlausibleYear && tokens_[t].end == end)
      kind = NumberKind::kYear;
    if (value != tokens_[t].number.value) alternative.reset();  // scaled: 3.5 million
    emit(t, end, value, kind, false, alternative);
    return next;
  }

  // Number words ("twenty-five", "a dozen", "three hundred million"), ordinal words, months.
  std::size_t word_at(std::size_t t) {
    const std::string& w = tokens_[t].lower;
    if (!english_number_word(w, true)) return t + 1;
    if (const std::size_t m = month_at(t)) return m;
    if (const int* o = lookup(kEnglishOrdinals, w)) {
      // "a third", "two thirds" are fractions, not ordinals.
      const bool fraction =
          t > 0 && (tokens_[t - 1].lower == "a" || tokens_[t - 1].lower == "one" ||
                    lookup(kEnglishOnes, tokens_[t - 1].lower));
      if (!fraction) emit(t, tokens_[t].end, *o, NumberKind::kOrdinal, true);
      return t + 1;
    }
    if (w == "second" && t > 0 && tokens_[t - 1].lower == "the") {
      emit(t, tokens_[t].end, 2, NumberKind::kOrdinal, true);
      return t + 1;
    }
    if (const int* x = lookup(kEnglishTimes, w)) {
      if (w == "dozen" && !(t > 0 && tokens_[t - 1].lower == "a")) return t + 1;
      emit(w == "dozen" ? t - 1 : t, tokens_[t].end, *x, NumberKind::kCardinal, true);
      return t + 1;
    }
    const bool article = w == "a" && t + 1 < tokens_.size() && adjacent(t + 1) &&
                         (lookup(kEnglishScales, tokens_[t + 1].lower) != nullptr ||
                          tokens_[t + 1].lower == "dozen");
    if (!lookup(kEnglishOnes, w) && !article) return t + 1;
    // Standard reading: ones and tens add up, "hundred" multiplies the group, larger scales close
    // it.
    double total = 0, group = article ? 1 : 0;
    std::size_t i = article ? t + 1 : t;
    std::size_t last = t;
    bool any = article;
    while (i < tokens_.size() && (i == t || adjacent(i) || (i == t + 1 && article))) {
      const std::string& x = tokens_[i].lower;
      if (const int* v = lookup(kEnglishOnes, x)) {
        group += *v;
      } else if (x == "hundred") {
        group = (group ? group : 1) * 100;
      } else if (x == "dozen") {
        group = (group ? group : 1) * 12;
      } else if (const double* s = lookup(kEnglishScales, x)) {
        total += (group ? group : 1) * *s;
        group = 0;
      } else if (const int* o = lookup(kEnglishOrdinals, x); o && any) {
        emit(t, tokens_[i].end, total + group + *o, NumberKind::kOrdinal, true);
        return i + 1;
      } else if (x == "and" && any && i + 1 < tokens_.size() &&
                 lookup(kEnglishOnes, tokens_[i + 1].lower)) {
        ++i;
        continue;
      } else {
        break;
      }
      any = true;
      last = i;
      ++i;
    }
    emit(t, tokens_[last].end, total + group, NumberKind::kCardinal, true);
    return last + 1;
  }

  std::size_t month_at(std::size_t t) {
    const std::string& w = tokens_[t].lower;
    int month = 0;
    for (int m = 0; m < 12; ++m)
      if (w == kMonths[m] || (w == kMonthAbbreviations[m] && t + 1 <= tokens_.size() &&
                              tokens_[t].end < cps_.size() && cps_[tokens_[t].end].c == '.'))
        month = m + 1;
    if (!month || !tokens_[t].capital) return 0;
    const bool ambiguous = std::find(std::begin(kAmbiguousMonths), std::end(kAmbiguousMonths), w) !=
                           std::end(kAmbiguousMonths);
    const bool number_next = t + 1 < tokens_.size() && tokens_[t + 1].digits && adjacent(t + 1);
    const bool number_before = t > 0 && tokens_[t - 1].digits && adjacent(t);
    if (ambiguous && !number_next && !number_before) return 0;
    emit(t, tokens_[t].end, month, NumberKind::kMonth, true);
    return t + 1;
  }

  std::vector<Cp> cps_;
  std::size_t size_;
  std::size_t base_;
  std::vector<Token> tokens_;
  std::vector<NumberMention> out_;
};

bool equal_values(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

bool same_reading(const NumberMention& a, const NumberMention& b) {
  if (equal_values(a.value, b.value)) return true;
  const auto short_year = [](const NumberMention& s, const NumberMention& l) {
    if (s.value >= kShortYearLimit || s.value < 0 || l.kind != NumberKind::kYear) return false;
    for (double century : kFirstYearOfCentury)
      if (equal_values(century + s.value, l.value)) return true;
    return false;
  };
  if (short_year(a, b) || short_year(b, a)) return true;
  if ((a.kind == NumberKind::kHour || b.kind == NumberKind::kHour) &&
      equal_values(std::fabs(a.value - b.value), kHalfDay))
    return true;
  const double big = std::max(std::fabs(a.value), std::fabs(b.value));
  return std::min(std::fabs(a.value), std::fabs(b.value)) >= kRoundedAmountFloor &&
         std::fabs(a.value - b.value) <= kRoundingTolerance * big;
}

}  // namespace

std::string_view number_kind_name(NumberKind kind) {
  switch (kind) {
    case NumberKind::kCardinal:
      return "cardinal";
    case NumberKind::kOrdinal:
      return "ordinal";
    case NumberKind::kYear:
      return "year";
    case NumberKind::kMonth:
      return "month";
    case NumberKind::kDay:
      return "day";
    case NumberKind::kHour:
      return "hour";
    case NumberKind::kPercent:
      return "percent";
  }
  return "cardinal";
}

std::vector<NumberMention> extract_numbers_ko(std::string_view text, std::size_t base) {
  return KoreanReader(text, base).read();
}

std::vector<NumberMention> extract_numbers_en(std::string_view text, std::size_t base) {
  if (!may_hold_english_number(text)) return {};
  return EnglishReader(text, base).read();
}

bool same_quantity(const NumberMention& a, const NumberMention& b) {
  const auto readings = [](const NumberMention& m) {
    std::vector<NumberMention> out{m};
    if (m.alternative) {
      out.push_back(m);
      out.back().value = *m.alternative;
      out.back().alternative.reset();
    }
    return out;
  };
  for (const NumberMention& x : readings(a))
    for (const NumberMention& y : readings(b))
      if (same_reading(x, y)) return true;
  return false;
}

}  // namespace kealign::lang
