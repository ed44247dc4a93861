// The checks on text they were not written against: quotations across segments, menu paths and
// short repeats, periods glued after a function word, sentences without an end, acronyms a Korean
// translation adds, number slips against conversions, scraped-text damage, misspelt names, and the
// confidence every finding carries. Small real-looking pairs (LibreOffice help, wire news).
#include <catch2/catch.hpp>

#include "check_test_support.hpp"

using kealign::Finding;
using kealign::Severity;
using kealign::test::make_pair;
using kealign::test::one_link;

namespace {

std::size_t count_severity(const std::vector<Finding>& f, Severity s) {
  return static_cast<std::size_t>(
      std::count_if(f.begin(), f.end(), [&](const Finding& x) { return x.severity == s; }));
}

}  // namespace

TEST_CASE("quote-balance: a quotation over several segments is one quotation", "[check][quote]") {
  // English news opens a quote in one sentence and closes it two sentences later; the Korean
  // translation closes each sentence's quote.
  const auto p = make_pair(
      {"그는 “우리는 준비가 됐다.", "시간이 걸릴 것이다.", "하지만 이길 것이다”라고 말했다."},
      {"\"We are ready.", "It will take time.", "But we will win,\" he said."});
  CHECK(p.run("quote-balance").empty());
}

TEST_CASE("quote-balance: a quoted paragraph continued by the next is not reported",
          "[check][quote]") {
  const auto p = make_pair({"“첫 문단이다.", "“둘째 문단이다”라고 말했다."},
                           {"\"This is the first paragraph.", "\"This is the second,\" he said."});
  CHECK(p.run("quote-balance").empty());
}

TEST_CASE("quote-balance: a lost closing mark before the attribution is major", "[check][quote]") {
  const auto f = one_link("에르도간은 “테러리즘은 종교를 가리지 않는다”고 말했다.",
                          "\"Terrorism has no religion, people or race, Erdogan said.")
                     .run("quote-balance");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kMajor);
  CHECK(f[0].confidence > 0.8);
}

TEST_CASE("quote-balance: a quotation left open at the end of a paragraph is minor",
          "[check][quote]") {
  // The sentence may continue in a paragraph the pair does not hold.
  const auto p = make_pair({"그는 “이것은 나의 두 번째 인생이다”라고 말했다.", "그녀는 웃었다."},
                           {"He said. \"This is my second life.", "She laughed."});
  const auto f = p.run("quote-balance");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kMinor);
  // Opened inside a sentence of the document's last segment: nothing can continue it. (One that
  // opens a sentence there may go on past the end of an excerpt: minor, as above.)
  const auto g = one_link("그는 “이것은 나의 두 번째 인생이다”라고 말했다.",
                          "He said, \"This is my second life.")
                     .run("quote-balance");
  REQUIRE(g.size() == 1);
  CHECK(g[0].severity == Severity::kMajor);
}

TEST_CASE("duplication: menu steps and short repeats across a comma", "[check][duplication]") {
  const auto menu =
      one_link("서식 - 셀을 선택합니다.", "Choose Format - Format - Cells.").run("duplication");
  REQUIRE(menu.size() == 1);
  CHECK(menu[0].severity == Severity::kMajor);
  const auto rows = one_link("행과 열을 삭제합니다.", "Deletes the rows, the rows and columns.")
                        .run("duplication");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].severity == Severity::kMinor);
  // Ordinary English is left alone.
  CHECK(one_link("아주 아주 좋다.", "It is very, very good.").run("duplication").empty());
  CHECK(one_link("서식 - 셀을 선택합니다.", "Choose Format - Cells - Borders.")
            .run("duplication")
            .empty());
}

TEST_CASE("garbled-sentence: a period glued after a function word", "[check][garbled]") {
  CHECK(one_link("복사할 셀을 선택합니다.", "Select the. cells to copy.")
            .run("garbled-sentence")
            .size() == 1);
  CHECK(one_link("색을 바꿀 수 있습니다.", "You can. change the colour.")
            .run("garbled-sentence")
            .size() == 1);
  // A time with "a.m." written "am." and a sentence ending on "it." before a capital are English.
  CHECK(one_link("오전 8시 10분에 도착했다.", "It arrived at 8:10 am. after a long flight.")
            .run("garbled-sentence")
            .empty());
  CHECK(one_link("그것을 닫습니다. 다음으로 갑니다.", "Close it. Then go on.")
            .run("garbled-sentence")
            .empty());
}

TEST_CASE("truncation: English without an end while the Korean is a statement",
          "[check][truncation]") {
  const auto f = one_link("표를 삽입하려면 다음을 선택합니다.", "To insert a table, you can")
                     .run("truncation");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kMajor);
  const auto g = one_link("원하는 서식을 선택합니다.", "Choose the format that suits the document")
                     .run("truncation");
  REQUIRE(g.size() == 1);
  CHECK(g[0].severity == Severity::kMinor);
  // A heading: the Korean is not a statement.
  CHECK(one_link("표 삽입", "Inserting a table into the document").run("truncation").empty());
}

TEST_CASE("latin-token-mismatch: acronyms a translation adds are minor, digits major",
          "[check][latin]") {
  const auto gloss = one_link("유럽연합(EU)은 규정을 발표했다.", "The European bloc issued rules.")
                         .run("latin-token-mismatch");
  REQUIRE(gloss.size() == 1);
  CHECK(gloss[0].severity == Severity::kMinor);
  CHECK(gloss[0].confidence < 0.5);
  // Expanded by initials: not reported.
  CHECK(one_link("KDI는 성장률을 낮췄다.", "The Korea Development Institute cut its forecast.")
            .run("latin-token-mismatch")
            .empty());
  const auto cell = one_link("B2 셀을 선택합니다.", "Select cell B7.").run("latin-token-mismatch");
  REQUIRE(cell.size() == 1);
  CHECK(cell[0].severity == Severity::kMajor);
}

TEST_CASE("number-mismatch: a one-digit slip is major, a conversion minor", "[check][number]") {
  const auto slip = one_link("수출은 1,200만 달러에 이르렀다.", "Exports reached $17 million.")
                        .run("number-mismatch");
  REQUIRE(slip.size() == 1);
  CHECK(slip[0].severity == Severity::kMajor);
  const auto converted =
      one_link("바그다드에서 북쪽으로 약 240km 떨어진 곳이다.", "It is 150 miles north of Baghdad.")
          .run("number-mismatch");
  CHECK(count_severity(converted, Severity::kMajor) == 0);
}

TEST_CASE("text-damage: entities, tags and mojibake; kept out of the number check",
          "[check][damage]") {
  const auto p = one_link("그는 “좋다”고 말했다.", "It&#8217;s fine, he said.<br>");
  const auto f = p.run("text-damage");
  REQUIRE(f.size() == 1);
  CHECK(f[0].en_spans.size() == 2);
  CHECK(f[0].confidence >= 0.9);
  CHECK(p.run("number-mismatch").empty());  // 8217 is not a number of the text
  CHECK(one_link("그는 좋다고 말했다.", "He said it¡¯s fine.").run("text-damage").size() == 1);
  CHECK(one_link("카페", "The cafÃ© opened.").run("text-damage").size() == 1);
  CHECK(one_link("셀", "Use <Name> and R&D;").run("text-damage").empty());
}

TEST_CASE("spelling-variant: a one-letter slip of a name written elsewhere", "[check][spelling]") {
  const auto p = make_pair({"페더러가 이겼다.", "페더러는 웃었다.", "그는 프랑스 오픈에서 이겼다."},
                           {"Federer won.", "Then Federer smiled.", "He beat Fedreer in Paris."});
  const auto f = p.run("spelling-variant");
  REQUIRE(f.size() == 1);
  CHECK(f[0].en_ids == std::vector<std::uint32_t>{2});
  CHECK(f[0].severity == Severity::kMinor);
  // Inflection is not a slip.
  CHECK(make_pair({"시트", "시트", "시트"}, {"The Sheet tab.", "A Sheet name.", "All Sheets."})
            .run("spelling-variant")
            .empty());
}

TEST_CASE("spelling-variant: a swap at the end, and a form written once elsewhere",
          "[check][spelling]") {
  // "Moed" beside "mode": the last two letters swapped; "Foimat" beside one "format".
  const auto p = make_pair({"직접 커서 모드", "직접 커서 모드를 켭니다.", "서식 지정"},
                           {"Direct Cursor Moed", "Turns on the direct cursor mode.",
                            "Use Foimat to change the format."});
  const auto f = p.run("spelling-variant");
  REQUIRE(f.size() == 2);
  CHECK(f[0].en_ids == std::vector<std::uint32_t>{0});
  CHECK(f[1].en_ids == std::vector<std::uint32_t>{2});
  CHECK(f[0].confidence > f[1].confidence);  // a swap beside a form written once is likelier
  // Two real words written once each, one letter apart at the end, are inflection-like: silent.
  CHECK(make_pair({"시트", "시트"}, {"Open the Sheet tab.", "Close the Sheep dialog."})
            .run("spelling-variant")
            .empty());
}

TEST_CASE("every finding carries a confidence in [0, 1]", "[check][confidence]") {
  const auto p = make_pair({"그는 “좋다”고 말했다.", "셀을 선택합니다."},
                           {"He said it is \"good.", "Select the. cells"});
  const auto all = p.run_all();
  REQUIRE(!all.empty());
  for (const Finding& f : all) {
    INFO(f.check);
    CHECK(f.confidence >= 0.0);
    CHECK(f.confidence <= 1.0);
  }
}

TEST_CASE("mistranslation: a homograph in the sense its context rules out",
          "[check][mistranslation]") {
  // 진화 with an argument (-론) or a fire as its object is 鎭火, "put out", not 進化, "evolve".
  const auto wrong =
      one_link("미국은 한국의 핵무장론을 어느 정도 진화할 수 있을 것으로 보인다.",
               "The US will be able to evolve South Korea’s nuclear armament theory.")
          .run("mistranslation");
  REQUIRE(wrong.size() == 1);
  CHECK(wrong[0].severity == Severity::kMajor);
  CHECK(wrong[0].message.find("鎭火") != std::string::npos);
  CHECK(one_link("소방당국은 산불을 세 시간 만에 진화했다.",
                 "Firefighters put out the wildfire in three hours.")
            .run("mistranslation")
            .empty());
  CHECK(one_link("인류는 수백만 년에 걸쳐 진화했다.", "Humans evolved over millions of years.")
            .run("mistranslation")
            .empty());
  // No cue for either sense: undecided, nothing reported.
  CHECK(one_link("그것은 빠르게 진화했다.", "It evolved quickly.").run("mistranslation").empty());
}

TEST_CASE("mistranslation: a Korean word whose learnt rendering is missing from its link",
          "[check][mistranslation]") {
  // LibreOffice-style help text: 셀 is "cell" in every link but the last, where a wrong word
  // stands in its place.
  const std::vector<std::string> ko = {
      "셀을 선택하고 서식을 지정합니다.",   "셀을 복사하려면 편집 메뉴를 엽니다.",
      "셀을 삭제하면 내용이 사라집니다.",   "셀을 병합하려면 둘 이상을 선택합니다.",
      "셀을 보호하려면 시트를 보호합니다.", "셀을 클릭하여 수식을 입력합니다."};
  std::vector<std::string> en = {
      "Select the cells and format them.",      "To copy cells, open the Edit menu.",
      "Deleting cells removes their contents.", "To merge cells, select two or more.",
      "To protect cells, protect the sheet.",   "Click the cell to enter a formula."};
  CHECK(kealign::test::make_pair(ko, en).run("mistranslation").empty());
  en.back() = "Click the frame to enter a formula.";
  const auto f = kealign::test::make_pair(ko, en).run("mistranslation");
  REQUIRE(f.size() == 1);
  CHECK(f[0].en_ids == std::vector<std::uint32_t>{5});
  CHECK(f[0].severity == Severity::kMinor);
  CHECK(f[0].confidence < 0.5);
  REQUIRE(!f[0].evidence.empty());
  CHECK(f[0].evidence[0].ko == "셀을");
  CHECK(f[0].evidence[0].en == "cell…");
  // Off by parameter.
  kealign::CheckOptions off;
  off.params["mistranslation.words"] = 0;
  CHECK(kealign::test::make_pair(ko, en).run("mistranslation", off).empty());
}

TEST_CASE("negation: a Korean negation with none in the English", "[check][negation]") {
  const auto f = one_link("이 개체에는 이 메서드가 없습니다. 변경할 수 없습니다.",
                          "This object does have this method and you can change it.")
                     .run("negation");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kMinor);
  CHECK(one_link("문서를 저장하지 않고 닫습니다.", "Closes the document without saving it.")
            .run("negation")
            .empty());
  CHECK(one_link("이 기능은 지원되지 않습니다.", "This function is unsupported in this version.")
            .run("negation")
            .empty());
}

TEST_CASE("negation: markers counted on both sides", "[check][negation]") {
  // 없다 is a negation; "included" and "information" are not negative words (in- is not).
  CHECK(one_link("1001 개체에 이 메서드가 없습니다", "1001 Object does have this method")
            .run("negation")
            .size() == 1);
  CHECK(one_link("머리글, 바닥글, 프레임 및 캡션의 텍스트는 포함되지 않습니다.",
                 "Text in headers, footers, frames, and captions is included.")
            .run("negation")
            .size() == 1);
  // Two Korean negations, one English: minor, with a lower confidence than none at all.
  const auto fewer =
      one_link(
          "이 필드를 선택하지 않으면 단어가 인식되지 않을 경우 하이픈을 입력하라는 대화 "
          "상자가 표시됩니다.",
          "If the field is not marked, when a word is recognized you will be presented "
          "with a dialog for entering hyphens.")
          .run("negation");
  REQUIRE(fewer.size() == 1);
  CHECK(fewer[0].severity == Severity::kMinor);
  CHECK(fewer[0].confidence < 0.4);
  // Both negations kept; 뿐만 아니라 is "not only", no negation.
  CHECK(one_link("이 필드를 선택하지 않으면 단어가 인식되지 않을 경우 대화 상자가 표시됩니다.",
                 "If the field is not marked, when a word is not recognized you will see a "
                 "dialog.")
            .run("negation")
            .empty());
  CHECK(one_link("에콰도르 같은 수출국뿐만아니라 다국적 재배업체에게도 이득이 될 것이다.",
                 "The deal would benefit exporting nations such as Ecuador as well as growers.")
            .run("negation")
            .empty());
  // A negative Sino-Korean word (비활성) and a verbal negation against one negative English word.
  CHECK(one_link("비활성화되면, 줄을 정렬하기 위하여 단어 사이 공백을 확장하지 않습니다.",
                 "If disabled, spacing between words will be expanded to justify the lines.")
            .run("negation")
            .size() == 1);
}

TEST_CASE("number-mismatch: a native numeral against a lone \"one\", both ways",
          "[check][number]") {
  const auto two = one_link("수동으로 데이터 블럭을 입력할 때 한 가지 보조 기능이 있습니다.",
                            "There are two features that assist you when you enter data.")
                       .run("number-mismatch");
  REQUIRE(two.size() == 1);
  CHECK(two[0].severity == Severity::kMinor);
  CHECK(one_link("아홉 개의 자리 표시자와 쌍곡선 탄젠트 기호를 삽입합니다.",
                 "Inserts a hyperbolic tangent symbol with one placeholder.")
            .run("number-mismatch")
            .size() == 1);
  CHECK(one_link("두 개의 자리 표시자와 쌍곡선 탄젠트 기호를 삽입합니다.",
                 "Inserts a hyperbolic tangent symbol with two placeholders.")
            .run("number-mismatch")
            .empty());
  // N 이상 (N or more) is "more than N-1"; 중 하나 says the English "one".
  CHECK(one_link("두 명 이상이 문서를 편집한 경우 복사본을 병합할 수 있습니다.",
                 "When a document has been edited by more than one person, you can merge it.")
            .run("number-mismatch")
            .empty());
  CHECK(one_link("세 항목 중 하나를 열어 스크립트 언어를 표시합니다.",
                 "Open any one of them to see the scripting languages.")
            .run("number-mismatch")
            .empty());
}

TEST_CASE("number-mismatch: a currency sign before the number, a unit of another dimension",
          "[check][number]") {
  const auto euro = one_link("29일 만료되는 8월 인도분은 배럴당 127.95달러에 거래됐다.",
                             "The August contract expired Tuesday at €127.95.")
                        .run("number-mismatch");
  REQUIRE(euro.size() == 1);
  CHECK(euro[0].severity == Severity::kMajor);
  const auto degrees = one_link("0%이면 모든 픽셀의 회색 값이 표시됩니다.",
                                "At 0 degrees you see the gray values of all pixels.")
                           .run("number-mismatch");
  REQUIRE(degrees.size() == 1);
  CHECK(degrees[0].severity == Severity::kMinor);
  CHECK(one_link("0%이면 모든 픽셀의 회색 값이 표시됩니다.",
                 "At 0% you see the gray values of all pixels.")
            .run("number-mismatch")
            .empty());
  // Metric against imperial that no conversion explains: reported, never as a slip.
  const auto miles = one_link("북쪽으로 약 240km 떨어진 지역에서 테러가 발생했다.",
                              "About 130 miles north of the capital, a bomber struck.")
                         .run("number-mismatch");
  REQUIRE(miles.size() == 1);
  CHECK(miles[0].severity == Severity::kMinor);
  CHECK(one_link("북쪽으로 약 240km 떨어진 지역에서 테러가 발생했다.",
                 "About 150 miles north of the capital, a bomber struck.")
            .run("number-mismatch")
            .empty());
}

TEST_CASE("number-mismatch: a unit changed and a conversion accepted", "[check][number]") {
  const auto unit = one_link("대만에는 900mm 이상의 비가 내렸다.", "Up to 900 cm of rain fell.")
                        .run("number-mismatch");
  REQUIRE(unit.size() == 1);
  CHECK(unit[0].severity == Severity::kMajor);
  CHECK(one_link("기온은 섭씨 22도였다.", "It was 72 degrees.").run("number-mismatch").empty());
  CHECK(one_link("30평 아파트", "an apartment of about 1,070 square feet")
            .run("number-mismatch")
            .empty());
  // "21:30 hours" is a clock time, not a number of hours.
  CHECK(one_link("21시 30분에 체포됐다.", "He was arrested at 21:30 hours.")
            .run("number-mismatch")
            .empty());
}

TEST_CASE("number-mismatch: Korean numerals with counters and currencies, Korean dates",
          "[check][number]") {
  // 만/억 before a currency or counter word read whole: 2만엔 is 20,000 yen, not 2.
  CHECK(one_link("2만엔을 냈다.", "He paid 20,000 yen.").run("number-mismatch").empty());
  CHECK(one_link("차량 1만2000대가 팔렸다.", "12,000 vehicles were sold.")
            .run("number-mismatch")
            .empty());
  CHECK(one_link("관중 300만명이 모였다.", "3 million people gathered.")
            .run("number-mismatch")
            .empty());
  const auto changed =
      one_link("차량 1만2000대가 팔렸다.", "17,000 vehicles were sold.").run("number-mismatch");
  REQUIRE(changed.size() == 1);
  CHECK(changed[0].severity == Severity::kMajor);
  // Month.day dates.
  CHECK(one_link("3.1절 기념식이 열렸다.", "A ceremony marked March 1.")
            .run("number-mismatch")
            .empty());
  CHECK(one_link("8.15 광복절", "Liberation Day on August 15").run("number-mismatch").empty());
  CHECK(one_link("2023. 3. 27. 발표했다.", "It was announced on March 27, 2023.")
            .run("number-mismatch")
            .empty());
}

TEST_CASE("number-mismatch: a converted range", "[check][number]") {
  CHECK(one_link("22~25도", "72 to 78 degrees.").run("number-mismatch").empty());
  CHECK(one_link("290만배럴 증가했다.", "Stockpiles jumped by 2.9 million barrels.")
            .run("number-mismatch")
            .empty());
}
