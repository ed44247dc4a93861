// Numbers as Korean and English write them, read into values with byte spans, so two sides of a
// link can be compared (number-mismatch) and numbers can anchor an alignment.
//
//   auto ko = kealign::extract_numbers_ko("1조2000억 원을 열흘여 동안", 0);
//   // ko[0]: 1.2e12 cardinal "1조2000억 원"; ko[1]: 10 days, approximate, spelled "열흘여"
//   auto en = kealign::extract_numbers_en("1.2 trillion won over ten days", 0);
//   bool same = kealign::same_quantity(ko[0], en[0]);  // true
//
// Korean: digits with counters (26일, 2013년, 60주년, 3%), the units 십/백/천/만/억/조 after digits
// (3억, 1조2000억, 2만5000), Sino-Korean numerals in Hangul (삼십 명) and native numerals (세 차례,
// 열두 명, 열흘) when a counter follows, the ordinal markers 제N and N번째. English: digits with
// ordinal suffixes (26th), thousands separators, decimals, scale words (300 million), percent,
// number words ("twenty-five", "a dozen", "twice"), ordinal words and month names next to a day.
// Digits glued to Latin letters (A1, F-35, MP3) are identifiers, not numbers; dotted versions
// (7.4.7) are skipped.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "kealign/text.hpp"

namespace kealign::lang {

enum class NumberKind {
  kCardinal,  // 3명, "three", 300 million
  kOrdinal,   // 60주년, 제3, "26th", "second"
  kYear,      // 2013년, "2013", "1990s"
  kMonth,     // 3월, "March"
  kDay,       // 26일 (a date or a count of days), 열흘
  kHour,      // 3시, "3 p.m."
  kPercent,   // 3%, 3퍼센트, "3 percent"
};
std::string_view number_kind_name(NumberKind kind);

struct NumberMention {
  double value = 0;
  Span span;  // the number with its counter or suffix, in document offsets
  NumberKind kind = NumberKind::kCardinal;
  bool spelled = false;      // written in words (열흘, 세 차례, "ten") rather than digits
  bool approximate = false;  // hedged: 10여, 약, 가량, 남짓, "about", "more than", "nearly"
  std::optional<double> alternative;  // the other reading of "1.234" / "5,25" (European separators)
};

// Numbers in Korean text; spans are base + offsets into text.
std::vector<NumberMention> extract_numbers_ko(std::string_view text, std::size_t base = 0);

// Numbers in English text; spans are base + offsets into text.
std::vector<NumberMention> extract_numbers_en(std::string_view text, std::size_t base = 0);

// Whether two mentions can denote the same quantity: equal values, a two-digit year and its full
// form (23년 / 2023), an hour on the 12- and 24-hour clocks, or large amounts that agree within
// rounding (1조2345억 / "1.23 trillion").
bool same_quantity(const NumberMention& a, const NumberMention& b);

}  // namespace kealign::lang
