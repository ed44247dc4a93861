// The lexical checks: number-mismatch, latin-token-mismatch, untranslated-term, name-consistency,
// term-consistency, on small real-looking pairs (positive and negative cases).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "check_test_support.hpp"
#include "kealign/dictionary.hpp"
#include "kealign/error.hpp"
#include "test_support.hpp"

using kealign::CheckOptions;
using kealign::Finding;
using kealign::Severity;
using kealign::test::first_en_evidence;
using kealign::test::make_pair;
using kealign::test::one_link;

namespace {

struct Case {
  std::string ko, en;
  std::size_t findings;
};

void run_table(const std::string& check, const std::vector<Case>& cases,
               const CheckOptions& options = {}) {
  for (const Case& c : cases) {
    INFO(check << ": " << c.ko << " | " << c.en);
    const auto f = one_link(c.ko, c.en).run(check, options);
    CHECK(f.size() == c.findings);
  }
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("number-mismatch: numbers that correspond and numbers that do not", "[lexical]") {
  run_table(
      "number-mismatch",
      {
          {"정부는 3억 달러를 지원한다.", "The government will provide $300 million.", 0},
          {"1조2000억 원 규모다.", "It is worth 1.2 trillion won.", 0},
          {"다음 달 26일 정상회담이 열린다.", "The summit is on the 26th of next month.", 0},
          {"2013년 한미동맹 60주년을 맞아", "in 2013, the 60th anniversary of the alliance", 0},
          {"세 차례 회의를 열었다.", "They met three times.", 0},
          {"한 소식통은 말했다.", "An official said.", 0},  // 한 = "an"
          {"양 정상이 두 번 만났다.", "The two leaders met twice.", 0},
          {"정부는 3억 달러를 지원한다.", "The government will provide $3 million.", 1},
          {"다음 달 26일 정상회담", "the summit on the 25th of next month", 1},
          {"세 차례 회의를 열었다.", "They met twice.", 1},
          {"이율은 5.3534%입니다.", "The rate is 5.3543%.", 1},
      });
}

TEST_CASE("number-mismatch: severity, evidence and the lost hedge", "[lexical]") {
  const auto p = one_link("정부는 3억 달러를 지원한다.", "The government will provide $3 million.");
  const auto f = p.run("number-mismatch");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kMajor);
  CHECK(first_en_evidence(p, f[0]) == "$3 million");
  CHECK(contains(f[0].message, "3억"));
  CHECK(contains(f[0].message, "300,000,000"));
  CHECK(contains(f[0].message, "$3 million"));

  const auto words = one_link("세 차례 회의를 열었다.", "They met twice.").run("number-mismatch");
  REQUIRE(words.size() == 1);
  CHECK(words[0].severity == Severity::kMinor);

  const auto hedge =
      one_link("북한은 열흘여 동안 훈련을 벌였다.", "For 10 days, North Korea held drills.");
  const auto h = hedge.run("number-mismatch");
  REQUIRE(h.size() == 1);
  CHECK(h[0].severity == Severity::kMinor);
  CHECK(contains(h[0].message, "approximate"));
  CHECK(one_link("북한은 열흘여 동안 훈련을 벌였다.", "For more than ten days, it held drills.")
            .run("number-mismatch")
            .empty());
  CheckOptions off;
  off.params["number-mismatch.approximation"] = 0;
  CHECK(hedge.run("number-mismatch", off).empty());
}

TEST_CASE("latin-token-mismatch: acronyms kept, lost and spelled in Hangul", "[lexical]") {
  run_table(
      "latin-token-mismatch",
      {
          {"장거리 대륙간탄도미사일(ICBM)처럼", "like long-range ballistic missiles (ICBMs)", 0},
          {"미국의소리(VOA) 대담에서", "at a Voice of America (VOA) roundtable", 0},
          {"나토의 핵계획그룹(NPG)과 유사한", "similar to NATO’s Nuclear Planning Group (NPG)", 0},
          {"Ctrl+C 키를 누릅니다.", "Press Ctrl+C.", 0},
          {"한미 국장급 억제전략위원회(DSC)", "the ROK-US Deterrence Strategy Committee", 0},
          {"세계무역기구(WTO)에 제소했다.", "filed a complaint with the World Trade Organization.",
           0},
          {"한미 국장급 억제전략위원회(DSC)", "the existing bilateral committee", 1},
          {"미국의소리(VOA) 대담에서", "at a Voice of America roundtable", 0},
      });
  // Dropped and not spelled out: a parenthetical acronym is minor at most (a gloss the
  // translation may leave out).
  const auto p = one_link("한미 국장급 억제전략위원회(DSC)", "the existing bilateral committee");
  const auto f = p.run("latin-token-mismatch");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kMinor);
  CHECK(p.ko.document.view(f[0].ko_spans.at(0)) == "DSC");

  CheckOptions english;
  english.params["latin-token-mismatch.english-acronyms"] = 1;
  run_table("latin-token-mismatch",
            {
                {"나토와 유엔이 참여했다.", "NATO and the UN took part.", 0},  // spelled in Hangul
                {"미국과 한국", "the U.S. and the ROK", 0},  // translated abbreviations
                {"국제원자력기구가 밝혔다.", "the IAEA said.", 1},
            },
            english);
}

TEST_CASE("untranslated-term: a romanised common noun, not a name", "[lexical]") {
  run_table("untranslated-term",
            {
                {"조야 인사나 익명의 정부 당국자의 목소리를 통해",
                 "through the voices of Joya and an anonymous government official", 1},
                {"윤 대통령이 방미를 통해", "Through President Yoon’s visit to the US", 0},
                {"윤석열 대통령과 조 바이든 대통령",
                 "President Yoon Seok-yeol and President Joe Biden", 0},
                {"서울에서 열린 회의", "a meeting held in Seoul", 0},  // place name
                {"동아일보 취재를 종합하면", "According to the Dong-A Ilbo coverage", 0},
                {"일본어 가타카나 단어로 입력합니다.", "enter it as a Japanese Katakana word", 0},
                {"조야의 목소리", "Joya voices were heard", 0},  // sentence start
            });
  const auto p =
      one_link("조야 인사나 익명의 당국자", "through the voices of Joya and an official");
  const auto f = p.run("untranslated-term");
  REQUIRE(f.size() == 1);
  // A romanisation is also how a name is written: minor, unless a dictionary knows the word.
  CHECK(f[0].severity == Severity::kMinor);
  CHECK(first_en_evidence(p, f[0]) == "Joya");
  CheckOptions with_dictionary;
  with_dictionary.dictionary =
      kealign::Dictionary::parse("조야\tgovernment and people\n", "test dictionary");
  const auto g = p.run("untranslated-term", with_dictionary);
  REQUIRE(g.size() == 1);
  CHECK(g[0].severity == Severity::kMajor);
  CHECK(p.ko.document.view(f[0].ko_spans.at(0)) == "조야");
  CHECK(contains(f[0].message, "조야"));
}

TEST_CASE("untranslated-term: a romanisation the dictionary gives as the translation",
          "[lexical]") {
  const auto p =
      one_link("조야 인사나 익명의 당국자", "through the voices of Joya and an official");
  CheckOptions options;
  options.dictionary = kealign::Dictionary::parse("조야\tgovernment and people\n", "a.tsv");
  CHECK(p.run("untranslated-term", options).size() == 1);
  options.dictionary = kealign::Dictionary::parse("조야\tJoya (government and people)\n", "b.tsv");
  CHECK(p.run("untranslated-term", options).empty());
}

TEST_CASE("untranslated-term: an English word the document also writes in lowercase", "[lexical]") {
  const auto p = make_pair({"감마 값을 지정합니다.", "최소 감마에서 최대 감마까지"},
                           {"Specifies the gamma value.", "from minimum Gamma to maximum Gamma"});
  CHECK(p.run("untranslated-term").empty());
}

TEST_CASE("name-consistency: one person written two ways", "[lexical]") {
  const auto p = make_pair(
      {"윤석열 대통령과 조 바이든 대통령의 정상회담", "정부는 논의 중이다.",
       "윤석열 대통령도 10일 밝혔다."},
      {"the summit between President Seok-Yeol Yoon and President Joe Biden",
       "The government is discussing it.", "President Yoon Seok-yeol also announced on the 10th."});
  const auto f = p.run("name-consistency");
  REQUIRE(f.size() == 1);
  CHECK(f[0].en_ids == std::vector<std::uint32_t>{0, 2});
  CHECK(f[0].ko_ids == std::vector<std::uint32_t>{0, 2});
  CHECK(f[0].severity == Severity::kMinor);
  CHECK(contains(f[0].message, "Seok-Yeol Yoon"));
  CHECK(contains(f[0].message, "Yoon Seok-yeol"));

  // Two romanisations of one Hangul name, linked through the Korean.
  const auto r = make_pair({"윤석열 대통령이 말했다.", "윤석열 대통령이 덧붙였다."},
                           {"President Yoon Suk-yeol said.", "President Yoon Seok-yeol added."});
  CHECK(r.run("name-consistency").size() == 1);

  // Consistent spelling, and different people, are fine.
  const auto ok = make_pair(
      {"박근혜 대통령", "박근혜 전 대통령과 문재인 대통령"},
      {"President Park Geun-hye", "former President Park Geun-hye and President Moon Jae-in"});
  CHECK(ok.run("name-consistency").empty());
}

TEST_CASE("term-consistency: the same quoted term rendered two ways", "[lexical]") {
  const auto p = make_pair(
      {"한미, ‘핵우산 강화’ 공동 메시지 추진", "북핵 위협", "‘핵우산 강화’ 공동 메시지 추진"},
      {"A joint message to ‘strengthen the nuclear umbrella’", "North Korean threat",
       "Promoting a joint message to ‘reinforce the nuclear umbrella’"});
  const auto f = p.run("term-consistency");
  REQUIRE(f.size() == 1);
  CHECK(f[0].en_ids == std::vector<std::uint32_t>{0, 2});
  CHECK(contains(f[0].message, "strengthen the nuclear umbrella"));
  CHECK(contains(f[0].message, "reinforce the nuclear umbrella"));

  const auto same = make_pair({"‘핵우산 강화’ 추진", "‘핵우산 강화’ 메시지"},
                              {"push to ‘strengthen the nuclear umbrella’",
                               "a message to ‘Strengthen the Nuclear Umbrella’"});
  CHECK(same.run("term-consistency").empty());
}

TEST_CASE("term-consistency: a noun after the same acronym rendered two ways", "[lexical]") {
  const auto p = make_pair(
      {"그는 미국의소리(VOA) 대담에서 말했다.", "그는 VOA 대담에서 덧붙였다."},
      {"He said at a Voice of America (VOA) roundtable.", "He added at the VOA symposium."});
  const auto f = p.run("term-consistency");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "VOA roundtable"));
  CHECK(contains(f[0].message, "VOA symposium"));
  // Singular and plural are one rendering.
  const auto plural = make_pair({"CSV 파일을 엽니다.", "CSV 파일을 저장합니다."},
                                {"Open CSV files.", "Save the CSV file."});
  CHECK(plural.run("term-consistency").empty());
}

TEST_CASE("term-consistency: dictionary glosses used inconsistently", "[lexical]") {
  const std::string dir = kealign::test::temp_dir();
  kealign::test::write_file(dir + "/dict.tsv", "확장\texpansion, enlargement\n");
  CheckOptions options;
  options.dictionary = kealign::Dictionary::read(dir + "/dict.tsv");
  const auto p =
      make_pair({"확장 정책을 논의했다.", "확장 계획이 나왔다."},
                {"They discussed the expansion policy.", "An enlargement plan came out."});
  const auto f = p.run("term-consistency", options);
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "확장"));
  const auto same =
      make_pair({"확장 정책을 논의했다.", "확장 계획이 나왔다."},
                {"They discussed the expansion policy.", "An expansion plan came out."});
  CHECK(same.run("term-consistency", options).empty());

  CheckOptions no_dictionary;
  CHECK(p.run("term-consistency", no_dictionary).empty());
  options.params["term-consistency.dictionary"] = 0;
  CHECK(p.run("term-consistency", options).empty());
}

TEST_CASE("lexical checks on the seed article find the gold rows", "[lexical][shared]") {
  const std::string seed = kealign::test::shared_dir() + "/seed-article";
  const auto r = kealign::test::run_tool("check --presplit " + seed + "/ko.sents " + seed +
                                         "/en.sents --alignment " + seed + "/gold.tsv -o -");
  REQUIRE(r.status == 0);
  const auto has = [&](const std::string& row) { return contains(r.out, row); };
  CHECK(has("4,23\t7,26\tname-consistency\t"));
  CHECK(has("33\t36\tuntranslated-term\t"));
  CHECK(has("0,16\t1,19\tterm-consistency\t"));
  CHECK(has("34,40\t37,43,44\tterm-consistency\t"));
  CHECK(has("26\t29\tnumber-mismatch\t"));
  // Nothing else from these checks: every other lexical finding would be a false alarm.
  std::size_t lexical = 0;
  for (const std::string id : {"number-mismatch", "latin-token-mismatch", "untranslated-term",
                               "name-consistency", "term-consistency"}) {
    for (std::size_t at = r.out.find("\t" + id + "\t"); at != std::string::npos;
         at = r.out.find("\t" + id + "\t", at + 1))
      ++lexical;
  }
  CHECK(lexical == 5);
}
