// The review workflow: stable finding ids, baselines that hide judged findings, MQM categories and
// the penalty score.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "app/project_config.hpp"
#include "app/review.hpp"
#include "kealign/analysis.hpp"
#include "kealign/error.hpp"
#include "test_support.hpp"

using namespace kealign;

namespace {

std::string seed(const std::string& file) {
  return test::source_dir() + "/corpora/seed-article/" + file;
}

std::multiset<std::string> ids_of_check(const Analysis& a, const std::string& check) {
  std::multiset<std::string> out;
  const std::vector<std::string> ids = finding_ids(a);
  for (std::size_t k = 0; k < ids.size(); ++k)
    if (a.findings[k].check == check) out.insert(ids[k]);
  return out;
}

}  // namespace

TEST_CASE("finding ids: from check, texts and evidence, not from segment numbers or run order",
          "[review]") {
  // The seed article, and the same with a paragraph added before it on both sides: segment
  // numbers move, the ids of findings about single links do not.
  const Analysis a = analyze_files(seed("ko.txt"), seed("en.txt"), AnalysisOptions{});
  const std::vector<std::string> ids = finding_ids(a);
  REQUIRE(ids.size() > 10);
  for (const std::string& id : ids) CHECK(id.size() == 12);
  CHECK(finding_ids(analyze_files(seed("ko.txt"), seed("en.txt"), AnalysisOptions{})) == ids);
  const Analysis b =
      analyze_documents(make_document("ko", "머리말을 붙였다.\n\n" + test::read_file(seed("ko.txt"))),
              make_document("en", "We added a preface.\n\n" + test::read_file(seed("en.txt"))),
              AnalysisOptions{});
  for (const char* check : {"duplication", "quote-balance", "boilerplate", "omission"}) {
    INFO(check);
    CHECK(!ids_of_check(a, check).empty());
    CHECK(ids_of_check(a, check) == ids_of_check(b, check));
  }

  // The seed article split by kealign and as the gold segmentation: its web furniture is the same
  // findings under other segment numbers.
  const Analysis split = analyze_files(seed("ko.txt"), seed("en.txt"), AnalysisOptions{});
  AnalysisOptions gold;
  gold.presplit = true;
  gold.alignment = seed("gold.tsv");
  const Analysis presplit = analyze_files(seed("ko.sents"), seed("en.sents"), gold);
  CHECK(ids_of_check(split, "boilerplate").size() > 3);
  CHECK(ids_of_check(split, "boilerplate") == ids_of_check(presplit, "boilerplate"));
}

TEST_CASE("baseline: check --write-baseline, then --baseline hides what was judged", "[review]") {
  const std::string dir = test::temp_dir();
  const std::string pair = "'" + seed("ko.txt") + "' '" + seed("en.txt") + "'";
  const test::RunResult all = test::run_tool("check " + pair + " --write-baseline '" + dir +
                                             "/base.tsv' -o '" + dir + "/all.tsv'");
  REQUIRE(all.status == 0);
  CHECK(test::read_file(dir + "/base.tsv") == test::read_file(dir + "/all.tsv"));
  const std::vector<std::string> rows = test::read_lines(dir + "/all.tsv");
  REQUIRE(rows.size() > 10);
  CHECK(rows[0] == "ko_ids\ten_ids\tcheck\tseverity\tmessage\tid");

  // Everything judged: nothing left, and stderr says how many were hidden.
  test::RunResult r = test::run_tool("check " + pair + " --baseline '" + dir + "/base.tsv'");
  REQUIRE(r.status == 0);
  CHECK(test::read_lines(dir + "/all.tsv").size() > 1);
  CHECK(r.out == rows[0] + "\n");
  CHECK_THAT(r.err, Catch::Contains(std::to_string(rows.size() - 1) + " findings hidden"));

  // A list of ids with a comment, and a JSON findings file, hide the findings with those ids.
  const std::string id = rows[2].substr(rows[2].rfind('\t') + 1);
  test::write_file(dir + "/ids.txt", "# judged\n" + id + "\n");
  r = test::run_tool("check " + pair + " --baseline '" + dir + "/ids.txt'");
  CHECK(r.out.find(id) == std::string::npos);
  std::size_t hidden = 0;
  for (const std::string& row : rows) hidden += row.substr(row.rfind('\t') + 1) == id;
  CHECK_THAT(r.err, Catch::Contains(std::to_string(hidden) + " finding"));

  REQUIRE(test::run_tool("check " + pair + " -f json -o '" + dir + "/all.json'").status == 0);
  const nlohmann::json json = nlohmann::json::parse(test::read_file(dir + "/all.json"));
  CHECK(json[0].contains("id"));
  CHECK(json[0]["mqm"] == "Design and markup/Extraneous content");
  r = test::run_tool("check " + pair + " -f json --baseline '" + dir + "/all.json'");
  CHECK(nlohmann::json::parse(r.out).empty());

  // The report says how many it hid and gives the MQM penalty; each finding shows its id.
  r = test::run_tool("report " + pair + " -f md --baseline '" + dir + "/ids.txt'");
  CHECK_THAT(r.out, Catch::Contains(std::to_string(hidden) + " finding"));
  CHECK_THAT(r.out, Catch::Contains("hidden by the baseline ids.txt"));
  CHECK_THAT(r.out, Catch::Contains("MQM-style penalty: "));
  CHECK_THAT(r.out, Catch::Contains(rows[1].substr(rows[1].rfind('\t') + 1)));

  // Not a baseline: one line naming file and line, exit 1, nothing written.
  test::write_file(dir + "/bad.txt", "0123456789ab\nnot an id\n");
  r = test::run_tool("check " + pair + " --baseline '" + dir + "/bad.txt' -o '" + dir + "/x.tsv'");
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains(dir + "/bad.txt:2: "));
  CHECK(!std::ifstream(dir + "/x.tsv"));
}

TEST_CASE("MQM: every check has a category; the penalty counts major 5, minor 1", "[review]") {
  for (const auto& check : all_checks()) CHECK(mqm_category(check->id()) != "Other");
  CHECK(mqm_category("omission") == "Accuracy/Omission");
  CHECK(mqm_category("number-mismatch") == "Locale convention/Number format");
  const SegmentedText en = presplit(make_document("en", "one two three four\nfive six\n"));
  std::vector<Finding> findings(3);
  findings[0].severity = Severity::kMajor;
  findings[1].severity = Severity::kMinor;
  findings[2].severity = Severity::kInfo;
  CHECK(word_count(en) == 6);
  CHECK(mqm_penalty(findings, en) == Approx(6 * 1000.0 / 6));
}

TEST_CASE("kealign.toml: found upward, checks, severities, parameters, glossary and rules",
          "[review]") {
  const std::string dir = test::temp_dir();
  std::filesystem::create_directories(dir + "/project/deep/er");
  test::write_file(dir + "/project/kealign.toml", R"([languages]
ko = "ko"

[checks]
disable = ["length-ratio", "user-us"]
glossary = "terms.tsv"

[checks.severity]
boilerplate = "minor"

[checks.params]
"truncation.min-words" = 6

[[rules]]
id = "nuclear"
source = '(핵)우산'
target = 'nuclear umbrella'
severity = "major"
message = "핵우산 is the nuclear umbrella"

[[rules]]
id = "us"
source = '美'
forbidden = 'US'

[[rules]]
id = "won"
source = '([0-9]+)억'
target = '\1 (hundred )?million'
)");
  test::write_file(dir + "/project/terms.tsv",
                   "# korean\tenglish\n핵우산\tnuclear umbrella\n\tU.S.\tforbidden\n");
  const std::optional<std::string> found = find_config(dir + "/project/deep/er");
  REQUIRE(found);
  CHECK(std::filesystem::equivalent(*found, dir + "/project/kealign.toml"));
  const ProjectConfig config = read_config(*found);
  CHECK(config.ko_lang == "ko");
  CHECK(config.rules.size() == 3);
  CHECK(config.severity.at("boilerplate") == Severity::kMinor);

  const std::string pair = "'" + seed("ko.txt") + "' '" + seed("en.txt") + "'";
  const test::RunResult r =
      test::run_tool("check " + pair + " --config '" + dir + "/project/kealign.toml'");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("\tlength-ratio\t") == std::string::npos);
  CHECK(r.out.find("\tboilerplate\tinfo\t") == std::string::npos);
  CHECK(r.out.find("\tboilerplate\tminor\t") != std::string::npos);
  CHECK(r.out.find("\tuser-us\t") == std::string::npos);
  CHECK_THAT(r.out, Catch::Contains("\tuser-nuclear\tmajor\t핵우산 is the nuclear umbrella: ‘핵우산’"));
  CHECK_THAT(r.out, Catch::Contains("\tglossary\tminor\tglossary: ‘U.S.’ is a forbidden term"));
  // The seed's "핵우산" rendered "nuclear umbrella" everywhere but one link: one finding each.
  const test::RunResult plain = test::run_tool("check " + pair + " --config none");
  CHECK(plain.out.find("\tglossary\t") == std::string::npos);

  // On a bilingual file the config's findings name the unit too.
  test::write_file(dir + "/units.tsv", "미국이 핵우산을 강화한다.\tThe US strengthens its umbrella.\n");
  const test::RunResult units = test::run_tool("check --bilingual '" + dir + "/units.tsv' --config '" +
                                               dir + "/project/kealign.toml'");
  CHECK(units.status == 0);
  CHECK_THAT(units.out, Catch::Contains("\tglossary\tminor\tunit line 1: glossary: ‘핵우산’"));
  CHECK_THAT(units.out, Catch::Contains("\tuser-nuclear\tmajor\tunit line 1: "));

  // Errors name the file, the line and the key.
  const struct {
    const char* toml;
    const char* says;
  } bad[] = {
      {"[checks]\nfoo = 1\n", ":2: checks.foo: unknown key"},
      {"[checks.severity]\nomission = \"huge\"\n", ":2: checks.severity.omission: 'huge' is not"},
      {"[checks]\ndisable = [\"no-such-check\"]\n", ":2: checks.disable: unknown check"},
      {"\n[checks.params]\n\"truncation.min-words\" = \"six\"\n", ":3: checks.params.truncation.min-words: expected a number"},
      {"[checks.params]\n\"truncation.max-words\" = 3\n", ":2: checks.params.truncation.max-words: "},
      {"[[rules]]\nid = \"x\"\nsource = \"((\"\ntarget = \"a\"\n", ":3: rules[1].source: not a regular expression"},
      {"[[rules]]\nid = \"x\"\nsource = \"a\"\n", ":1: rules[1]: needs a target or a forbidden"},
      {"[languages]\nfr = \"fr\"\n", ":2: languages.fr: unknown key"},
      {"title = 3\n", ":1: title: unknown key"},
      {"[checks\n", ":1: column "},
  };
  for (const auto& t : bad) {
    INFO(t.toml);
    const std::string path = dir + "/bad.toml";
    test::write_file(path, t.toml);
    const test::RunResult e = test::run_tool("check " + pair + " --config '" + path + "'");
    CHECK(e.status == 1);
    CHECK_THAT(e.err, Catch::StartsWith("kealign: " + path + t.says));
    CHECK(std::count(e.err.begin(), e.err.end(), '\n') == 1);
  }
}
