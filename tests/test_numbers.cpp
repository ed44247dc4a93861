// Korean and English number reading (lib/src/lang/numbers.hpp): input -> values, kinds, spans.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "numbers.hpp"

using kealign::lang::NumberKind;
using kealign::lang::NumberMention;

namespace {

std::vector<double> values(const std::vector<NumberMention>& ms) {
  std::vector<double> out;
  for (const auto& m : ms) out.push_back(m.value);
  return out;
}

// Values equal up to floating-point rounding (10.2 x 100 x 10000 is not exactly 10.2e6).
bool same_values(const std::vector<double>& got, const std::vector<double>& expected) {
  if (got.size() != expected.size()) return false;
  for (std::size_t i = 0; i < got.size(); ++i)
    if (got[i] != Approx(expected[i])) return false;
  return true;
}

struct Row {
  std::string text;
  std::vector<double> expected;
};

}  // namespace

TEST_CASE("Korean numbers: digits, units, counters, numerals", "[numbers]") {
  const std::vector<Row> rows = {
      {"다음 달 26일 정상회담", {26}},
      {"2013년 한미동맹 60주년을 맞아", {2013, 60}},
      {"3억 달러를 투입", {3e8}},
      {"1조2000억 원 규모", {1.2e12}},
      {"1조 2000억 원 규모", {1.2e12}},
      {"5천만 원", {5e7}},
      {"2만5000명이 모였다", {25000}},
      {"100만 명이", {1e6}},
      {"10.2 백만", {10.2e6}},
      {"물가가 3% 올랐다", {3}},
      {"1,000명과 3.5배", {1000, 3.5}},
      {"세 차례 회의", {3}},
      {"열두 명이 참석", {12}},
      {"스물다섯 살", {25}},
      {"두 번째 열", {2}},
      {"삼십 명", {30}},
      {"이달 12일부터 23일까지 열흘여 동안", {12, 23, 10}},
      {"이틀 만에", {2}},
      {"두 정상이 만나", {2}},
      {"5,25%의 이율", {5.25}},        // European decimal comma of localised help texts
      {"1.000.000 통화 단위", {1e6}},  // European thousands points
      {"제3조에 따라", {3}},           // an article number, not 3 trillion
      // Not numbers: identifiers, versions, dotted dates, words that start like numerals.
      {"A1 셀과 F-35 전투기", {}},
      {"7.4.7 버전과 2023.3.26 발표", {}},
      {"열 너비를 조정", {}},   // 열 = column
      {"한 일은 이 세상", {}},  // 한 = did, 이 = this
      {"10만큼 증가", {10}},    // 만큼 = as much as
      {"조건과 만세, 만일, 천천히, 백악관, 십자가", {}},
      {"사이에 일일이", {}},
  };
  for (const Row& r : rows) {
    INFO(r.text);
    CHECK(same_values(values(kealign::lang::extract_numbers_ko(r.text)), r.expected));
  }
}

TEST_CASE("English numbers: digits, scales, words, ordinals, months", "[numbers]") {
  const std::vector<Row> rows = {
      {"on the 26th of next month", {26}},
      {"in 2013 at the 60th anniversary", {2013, 60}},
      {"$300 million in aid", {3e8}},
      {"1.2 trillion won", {1.2e12}},
      {"a $3bn deal", {3e9}},
      {"about 10% of 1,000 people", {10, 1000}},
      {"twenty-five of them came twice", {25, 2}},
      {"three hundred and five", {305}},
      {"a dozen members", {12}},
      {"For 10 days from the 12th to the 23rd", {10, 12, 23}},
      {"On March 26, 2023", {3, 26, 2023}},
      {"the second meeting, the twenty-first century", {2, 21}},
      {"in the 1990s", {1990}},
      {"3 p.m.", {3}},
      // Not numbers: identifiers, versions, months that are everyday words.
      {"cell A1, F-35 jets, MP3 files, 3D view", {}},
      {"version 7.4.7", {}},
      {"We may march on.", {}},
      // Text without digits is read for number words only, in any case.
      {"Select the cells and press OK.", {}},
      {"TWENTY delegates and A Thousand guests", {20, 1000}},
  };
  for (const Row& r : rows) {
    INFO(r.text);
    CHECK(same_values(values(kealign::lang::extract_numbers_en(r.text)), r.expected));
  }
}

TEST_CASE("number kinds, hedges and spans", "[numbers]") {
  const std::string ko = "북한은 열흘여 동안 약 3억 달러를 2013년에 썼다";
  const auto k = kealign::lang::extract_numbers_ko(ko, 100);
  REQUIRE(k.size() == 3);
  CHECK(k[0].kind == NumberKind::kDay);
  CHECK(k[0].spelled);
  CHECK(k[0].approximate);
  CHECK(ko.substr(k[0].span.begin - 100, k[0].span.size()) == "열흘여");
  CHECK(k[1].approximate);
  CHECK_FALSE(k[1].spelled);
  CHECK(k[2].kind == NumberKind::kYear);
  CHECK_FALSE(k[2].approximate);

  const std::string en = "nearly 300 million people on the 26th, 20-odd times, in 1999";
  const auto e = kealign::lang::extract_numbers_en(en);
  REQUIRE(e.size() == 4);
  CHECK(e[0].approximate);
  CHECK(en.substr(e[0].span.begin, e[0].span.size()) == "300 million");
  CHECK(e[1].kind == NumberKind::kOrdinal);
  CHECK(e[2].approximate);
  CHECK(e[3].kind == NumberKind::kYear);
  CHECK_FALSE(e[3].approximate);
}

TEST_CASE("same_quantity across the two languages", "[numbers]") {
  const auto ko = [](const std::string& t) { return kealign::lang::extract_numbers_ko(t).at(0); };
  const auto en = [](const std::string& t) { return kealign::lang::extract_numbers_en(t).at(0); };
  CHECK(kealign::lang::same_quantity(ko("3억 달러"), en("$300 million")));
  CHECK(kealign::lang::same_quantity(ko("1조2345억 원"), en("1.23 trillion won")));  // rounded
  CHECK(kealign::lang::same_quantity(ko("23년"), en("in 2023")));
  CHECK(kealign::lang::same_quantity(ko("오후 3시"), en("at 15:00")));
  CHECK(kealign::lang::same_quantity(ko("20.000 통화 단위"), en("20,000 currency units")));
  CHECK(kealign::lang::same_quantity(ko("열흘"), en("ten days")));
  CHECK_FALSE(kealign::lang::same_quantity(ko("3억 달러"), en("$3 million")));
  CHECK_FALSE(kealign::lang::same_quantity(ko("26일"), en("the 25th")));
  CHECK_FALSE(kealign::lang::same_quantity(ko("5.3534%"), en("5.3543%")));
}
