// The bilingual dictionary: one parse of `korean<TAB>english` lines giving the aligner's view (word
// forms -> English word ids) and the checks' view (headword -> case-folded gloss words), and the
// pair jobs handing one Dictionary to both.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "app/pair_input.hpp"
#include "kealign/dictionary.hpp"
#include "kealign/error.hpp"
#include "kealign/lexicon.hpp"
#include "test_support.hpp"

using namespace kealign;

namespace {

using Words = std::vector<std::string>;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("aligner view: entries are found through stems and glosses", "[dictionary]") {
  const auto d = Dictionary::parse(
      "충돌하다\tCollide, clash with\n베이징(북경)\tBeijing\n\n미사일\tmissile\n", "dict.tsv");
  REQUIRE(d->lookup("충돌") != nullptr);
  REQUIRE(d->lookup("충돌하다") != nullptr);
  REQUIRE(d->lookup("북경") != nullptr);
  REQUIRE(d->lookup("베이징") != nullptr);
  CHECK(d->lookup("없음") == nullptr);
  CHECK(d->lookup("충돌")->front() == d->english_id("collides"));
  const std::uint32_t missile = d->english_id("missiles");
  REQUIRE(missile != Dictionary::kNoWord);
  CHECK(*d->lookup("미사일") == std::vector<std::uint32_t>{missile});
  CHECK(d->english_id("with") == Dictionary::kNoWord);  // a stop word
  CHECK(d->english_id("rocket") == Dictionary::kNoWord);
}

TEST_CASE("the list's own Model 1 table: learnt once, shared by threads, any language pair",
          "[dictionary]") {
  const auto d = Dictionary::parse(
      "Gipfel\tsommet, cime\nGipfel\tsommet\nHütte\tcabane\n충돌하다\tcollide\n", "dict.tsv");
  CHECK(d->rows().size() == 4);
  // Four threads ask at once: one table is learnt and all get it.
  std::vector<std::shared_ptr<const Lexicon>> got(4);
  std::vector<std::thread> threads;
  for (auto& g : got) threads.emplace_back([&d, &g] { g = d->lexicon(); });
  for (auto& t : threads) t.join();
  REQUIRE(got[0] != nullptr);
  for (const auto& g : got) CHECK(g == got[0]);
  CHECK(d->lexicon() == got[0]);
  const auto t = [&](const std::string& first, const std::string& second) {
    for (const LexiconEntry& e : got[0]->entries())
      if (e.ko == first && e.en == second) return e.en_given_ko;
    return 0.0f;
  };
  CHECK(t("gipfe", "somme") > t("gipfe", "cime"));  // two rows say sommet, one cime
  CHECK(t("gipfe", "cime") > 0);
  CHECK(t("hütte", "caban") > 0.5);
  CHECK(t("충돌", "colli") > 0.5);  // Hangul stems are 2 code points, letters 5
  CHECK(t("hütte", "somme") == 0);
}

TEST_CASE("checks view: gloss words per headword, case-folded, in file order", "[dictionary]") {
  const auto d = Dictionary::parse(
      "중요하다\tto be important, weighty\n"
      "카페\tCafé\n"
      "옹스트롬\tÅNGSTRÖM (unit)\n"
      "서울\tSeoul\n"
      "서울\tthe capital of Korea\n",
      "dict.tsv");
  CHECK(d->gloss_words("중요하다") == Words{"to", "be", "important", "weighty"});
  CHECK(d->gloss_words("카페") == Words{"café"});
  CHECK(d->gloss_words("옹스트롬") == Words{"ångström", "unit"});
  CHECK(d->gloss_words("서울") == Words{"seoul", "the", "capital", "of", "korea"});
  // Exact headwords only: the stems are the aligner's business.
  CHECK(d->gloss_words("중요").empty());
  CHECK(d->gloss_words("부산").empty());
}

TEST_CASE("dictionary files: blank lines, CRLF and BOM; errors name line and byte",
          "[dictionary]") {
  const auto d =
      Dictionary::parse("\xEF\xBB\xBF서울\tSeoul\r\n  \r\n\t \n부산\tBusan\r\n", "d.tsv");
  CHECK(d->gloss_words("서울") == Words{"seoul"});
  CHECK(d->gloss_words("부산") == Words{"busan"});
  CHECK(d->size() == 2);

  struct Bad {
    std::string tsv;
    std::size_t line, byte;
  };
  for (const Bad& bad : std::vector<Bad>{{"서울\tSeoul\nno tab here\n", 2, 13},
                                         {"no tab\n", 1, 0},
                                         {"서울\tSe\xFFoul\n", 1, 9}}) {
    INFO(bad.tsv);
    try {
      Dictionary::parse(bad.tsv, "bad.tsv");
      FAIL("no InputError");
    } catch (const InputError& e) {
      CHECK(e.file() == "bad.tsv");
      CHECK(e.line() == bad.line);
      CHECK(e.byte() == bad.byte);
    }
  }
  CHECK_THROWS_AS(Dictionary::read("/nonexistent/dict.tsv"), IoError);
}

TEST_CASE("read gives what parse gives", "[dictionary]") {
  const std::string path = test::temp_dir() + "/ko-en.tsv";
  const std::string tsv = "확장\texpansion, enlargement\n확장하다\tto expand\n";
  test::write_file(path, tsv);
  const auto read = Dictionary::read(path);
  const auto parsed = Dictionary::parse(tsv, path);
  CHECK(read->size() == parsed->size());
  CHECK(read->gloss_words("확장") == parsed->gloss_words("확장"));
  CHECK(read->english_id("expansion") == parsed->english_id("expansion"));
  CHECK(*read->lookup("확장") == *parsed->lookup("확장"));
}

TEST_CASE("a pair job reads the dictionary once for the aligner and the checks", "[dictionary]") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/dict.tsv", "확장\texpansion, enlargement\n");
  PairInput input;
  CHECK(analysis_options(input).align.dictionary == nullptr);
  CHECK(analysis_options(input).checks.dictionary == nullptr);
  input.dictionary = dir + "/dict.tsv";
  const AnalysisOptions options = analysis_options(input);
  REQUIRE(options.align.dictionary != nullptr);
  CHECK(options.checks.dictionary == options.align.dictionary);
  CHECK(options.checks.dictionary->gloss_words("확장") == Words{"expansion", "enlargement"});
  // Bad check options fail before the dictionary is read.
  input.dictionary = dir + "/missing.tsv";
  input.settings = {"term-consistency.bogus=1"};
  CHECK_THROWS_AS(analysis_options(input), UsageError);
  input.settings = {};
  CHECK_THROWS_AS(analysis_options(input), IoError);
}

TEST_CASE("kealign check/report --dict: glosses reach the checks; bad files are one-line errors",
          "[dictionary][cli]") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/ko.sents", "확장 정책을 논의했다.\n확장 계획이 나왔다.\n");
  test::write_file(dir + "/en.sents",
                   "They discussed the expansion policy.\nAn enlargement plan came out.\n");
  test::write_file(dir + "/links.tsv", "0\t0\n1\t1\n");
  test::write_file(dir + "/dict.tsv", "확장\texpansion, enlargement\n");
  test::write_file(dir + "/bad.tsv", "확장\texpansion\n확장 enlargement\n");
  const std::string pair = "--presplit '" + dir + "/ko.sents' '" + dir +
                           "/en.sents' --alignment '" + dir + "/links.tsv'";

  const auto without = test::run_tool("check " + pair);
  REQUIRE(without.status == 0);
  CHECK_FALSE(contains(without.out, "term-consistency"));
  const auto with = test::run_tool("check " + pair + " --dict '" + dir + "/dict.tsv'");
  REQUIRE(with.status == 0);
  CHECK(contains(with.out, "0,1\t0,1\tterm-consistency\tminor\t"));
  const auto report =
      test::run_tool("report " + pair + " --format md --dict '" + dir + "/dict.tsv'");
  REQUIRE(report.status == 0);
  CHECK(contains(report.out, "term-consistency"));

  const auto bad = test::run_tool("check " + pair + " --dict '" + dir + "/bad.tsv'");
  CHECK(bad.status == 1);
  CHECK(contains(bad.err, "bad.tsv:2: byte 17"));
  CHECK(bad.out.empty());
}
