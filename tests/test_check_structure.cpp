// The checks on the shape of the English: quote-balance, bracket-balance, garbled-sentence,
// duplication, truncation. Each on small real-looking pairs, positive and negative.
#include <catch2/catch.hpp>

#include "check_test_support.hpp"
#include "kealign/error.hpp"

using kealign::Finding;
using kealign::Severity;
using kealign::test::one_link;

namespace {

struct Case {
  const char* ko;
  const char* en;
  std::size_t findings;  // expected number of findings of the check
};

void expect_cases(const char* check, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO(check << ": " << c.en);
    CHECK(one_link(c.ko, c.en).run(check).size() == c.findings);
  }
}

}  // namespace

TEST_CASE("quote-balance: unpaired marks in the English", "[check][quote]") {
  expect_cases(
      "quote-balance",
      {
          // A closing mark with nothing open: the second quotation lost its opening mark.
          {"그는 “첫째다”며 “둘째다”고 말했다.", "He said, “It is the first.” , It is the second?”",
           1},
          {"그는 “핵무기를 포함한 수단이다”며 “집중해야 한다”고 말했다.",
           "He said, “Extended deterrence is the use of all means.” We have to focus on it,” he "
           "said.",
           1},
          // An opening mark never closed.
          {"그는 “준비됐다”고 말했다.", "He said, “We are ready.", 1},
          // Balanced, apostrophes and possessives are not quotes.
          {"한국의 ‘핵우산 강화’ 메시지",
           "South Korea’s message to ‘strengthen the nuclear umbrella’", 0},
          {"미국의 공약에 대한 신뢰", "trust in the U.S.’ pledge and the US’ nuclear power", 0},
          {"“한국은 준비됐다”고 말했다.", "“Korea is ready,” he said.", 0},
          {"\"문서\"를 엽니다.", "Opens the \"document\" that isn't saved.", 0},
          // A wrong-direction mark used to open still pairs.
          {"선택 목록에서 \"날짜\"를 클릭합니다.", "Click ”Date” in the Select list.", 0},
          // An imbalance the Korean shares: a quotation running across links.
          {"그는 “첫째 문장이다.", "He said, “This is the first sentence.", 0},
          // Both balanced but a different number of quotations: minor.
          {"“가”와 “나”를 비교했다.", "He compared “A” with B.", 1},
      });
}

TEST_CASE("quote-balance: severity, evidence and parameters", "[check][quote]") {
  const auto p = one_link("그는 “첫째다”며 “둘째다”고 말했다.",
                          "He said, “It is the first.” , Is it the second?”");
  const auto f = p.run("quote-balance");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kMajor);
  CHECK(kealign::test::first_en_evidence(p, f[0]) == "”");
  CHECK(f[0].en_spans[0].begin > p.en.document.text.find("first"));
  CHECK(f[0].message.find("closing mark with no opening") != std::string::npos);
  CHECK(f[0].ko_ids == std::vector<std::uint32_t>{0});

  const auto count_only = one_link("“가”와 “나”를 비교했다.", "He compared “A” with B.");
  REQUIRE(count_only.run("quote-balance").at(0).severity == Severity::kMinor);
  kealign::CheckOptions off;
  off.params["quote-balance.compare-counts"] = 0;
  CHECK(count_only.run("quote-balance", off).empty());
  // Single quotes unpaired: minor.
  const auto single = one_link("‘끝판왕’ 문안", "an ‘end stage text");
  REQUIRE(single.run("quote-balance").size() == 1);
  CHECK(single.run("quote-balance")[0].severity == Severity::kMinor);
}

TEST_CASE("bracket-balance", "[check][bracket]") {
  expect_cases(
      "bracket-balance",
      {
          {"대륙간탄도미사일(ICBM)처럼", "like intercontinental ballistic missiles (ICBMs", 1},
          {"차관급(외교·국방) 협의체", "vice-ministerial-level (diplomacy/defense)) body", 1},
          {"[서울] 발표", "Seoul] announced", 1},
          {"대륙간탄도미사일(ICBM)처럼", "like intercontinental ballistic missiles (ICBMs)", 0},
          // A Korean gloss may be dropped.
          {"북대서양조약기구(NATO·나토)식 핵공유", "NATO-style nuclear sharing", 0},
          // Enumerators and inflections are not asides.
          {"1) 파일을 엽니다.", "1) Open the file.", 0},
          {"모든 행 삭제", "Delete entire row(s)", 0},
          // Count differences below min-difference are style.
          {"자정 이후 경과한 시간(초 단위)을 구합니다.",
           "Returns the seconds elapsed since midnight.", 0},
          {"값을 구합니다.", "Returns the value (A) and (B) and (C).", 1},
      });
  kealign::CheckOptions one;
  one.params["bracket-balance.min-difference"] = 1;
  CHECK(one_link("자정 이후 경과한 시간(초 단위)을 구합니다.",
                 "Returns the seconds elapsed since midnight.")
            .run("bracket-balance", one)
            .size() == 1);
}

TEST_CASE("garbled-sentence", "[check][garbled]") {
  expect_cases(
      "garbled-sentence",
      {
          {"",
           "Korea will recognize that it is sufficient to go beyond creating an NPG. that,” he "
           "pointed out.",
           1},
          {"", "If you change the tabs later. the position of the text may change.", 1},
          {"", "“I am convinced that it would be unwise.” , Would you want that?”", 1},
          {"", "The plan was, , as expected, delayed.", 1},
          {"", "Bruce Klingner said in a report, “The US may act,” he pointed out.", 1},
          // Abbreviations, code, number formats and ordinary reporting are fine.
          {"", "It is not a provocation aimed at the U.S. mainland like long-range missiles.", 0},
          {"", "Use a separator, e.g. the comma, etc. and so on.", 0},
          {"", "An example is oper %theta x. oper can also be used with limits.", 0},
          {"", "0.0,, \"Million\"", 0},
          {"", "“We are ready,” he said.", 0},
          {"", "He said, “We are ready.”", 0},
          {"", "He told reporters that the talks would resume, officials said.", 0},
      });
  const auto p = one_link("", "an NPG. that,” he pointed out.");
  const auto f = p.run("garbled-sentence");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kMajor);
  CHECK(kealign::test::first_en_evidence(p, f[0]) == ".");
}

TEST_CASE("duplication", "[check][duplication]") {
  expect_cases(
      "duplication",
      {
          {"윤 대통령이 방미를 통해 강조하는 것은",
           "Through President Yoon’s visit to the US, President Yoon’s visit to the U.S. "
           "emphasizes",
           1},
          {"기존 한미 국장급 ‘한미 억제전략위원회(DSC)’",
           "at the existing ROK-US chief-level ROK-US Deterrence Strategy Committee (DSC)", 1},
          {"파일을 엽니다.", "Open the the file.", 1},
          {"파일을 엽니다.", "Select the file file and open it.", 1},
          // Idioms, grammar, lists and ordinary English.
          {"", "Step by step, more and more users came one by one.", 0},
          {"", "He had had enough; I know that that is true.", 0},
          {"", "When you connect lines, lines are drawn between endpoints.", 0},
          {"", "If you delete the text of the comment, the comment itself is deleted.", 0},
          {"", "Select where to place the labels: near axis, near axis (other side).", 0},
          {"", "You can change the line width, line color, fill color, fill style.", 0},
          {"", "ADDRESS returns address strings.", 0},
          // A repetition the Korean shares (a table row flattened) is not the translator's.
          {"오름차순으로 정렬 오름차순으로 정렬", "Sort Ascending Sort Ascending", 0},
      });
  const auto p = one_link(
      "",
      "Through President Yoon’s visit to the US, President Yoon’s visit to the U.S. emphasizes");
  const auto f = p.run("duplication");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kMajor);
  CHECK(kealign::test::first_en_evidence(p, f[0]) ==
        "President Yoon’s visit to the US, President Yoon’s visit to the U.S.");
  const auto token = one_link("", "the ROK-US chief-level ROK-US committee").run("duplication");
  REQUIRE(token.size() == 1);
  CHECK(token[0].severity == Severity::kMinor);
}

TEST_CASE("truncation", "[check][truncation]") {
  expect_cases(
      "truncation",
      {
          {"한미를 축으로 나토의 핵계획그룹과 유사한 협의체를 구성할 수 있다는 가능성도 제기된다.",
           "Experts raise the possibility that a body similar to the NPG could be formed using the "
           "ROK-U.S.",
           1},
          {"필터 조건을 입력합니다.", "Enter the criteria for the filter in the.", 1},
          {"여러 형식을 지원합니다.", "It supports several formats, such as.", 1},
          {"컴퓨터에 보조 모니터를 연결합니다.", "Connect an auxiliary display to your computer,",
           1},
          // Whole sentences, stranded prepositions, names, operators, headings.
          {"신뢰를 높일 수 있다.", "It can increase trust in the U.S.", 0},
          {"서식을 변경할 색인 수준을 선택합니다.",
           "Select the index level that you change the formatting of.", 0},
          {"열에서는 ‘또는’으로 연결됩니다.", "Data in a column is always connected with OR.", 0},
          {"파일 - 다른 이름으로 저장을 선택합니다.", "Choose File - Save As.", 0},
          {"윤석열 대통령이 말했다.", "So said President Yoon Seok-Yeol.", 0},
          {"한미 정상회담", "The summit with the", 0},  // a heading: no Korean sentence end
      });
  const auto f =
      one_link("가능성도 제기된다.", "It could be formed using the ROK-U.S.").run("truncation");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kMajor);
  CHECK(f[0].message.find("ROK-U.S.") != std::string::npos);
  kealign::CheckOptions longer;
  longer.params["truncation.min-words"] = 20;
  CHECK(one_link("가능성도 제기된다.", "It could be formed using the ROK-U.S.")
            .run("truncation", longer)
            .empty());
}
