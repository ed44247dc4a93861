// The review workflow: stable finding ids, baselines that hide judged findings, MQM categories and
// the penalty score.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "app/formats/tbx.hpp"
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

std::string tbx(const std::string& file) {
  return test::source_dir() + "/fuzz/corpus/tbx/" + file;
}

// The 1-based line of the first occurrence of text in the file.
std::size_t line_of(const std::string& path, const std::string& text) {
  const std::string content = test::read_file(path);
  const std::size_t at = content.find(text);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<std::size_t>(std::count(
                 content.begin(), content.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// ko_ids, en_ids, check and severity of each glossary finding of a findings TSV.
std::vector<std::string> glossary_rows(const std::string& findings) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < findings.size()) {
    const std::size_t end = std::min(findings.find('\n', start), findings.size());
    const std::string row = findings.substr(start, end - start);
    start = end + 1;
    if (row.find("\tglossary\t") == std::string::npos) continue;
    std::size_t cut = 0;
    for (int tab = 0; tab < 4; ++tab) cut = row.find('\t', cut) + 1;
    out.push_back(row.substr(0, cut));
  }
  return out;
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
  CHECK(json["findings"][0].contains("id"));
  CHECK(json["findings"][0]["mqm"] == "Design and markup/Extraneous content");
  r = test::run_tool("check " + pair + " -f json --baseline '" + dir + "/all.json'");
  CHECK(nlohmann::json::parse(r.out)["findings"].empty());
  CHECK(nlohmann::json::parse(r.out)["hidden_by_baseline"] == json["findings"].size());

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

TEST_CASE("TBX glossary: TBX-Basic (martif) and TBX v3 (conceptEntry, DCA and DCT) read as terms",
          "[review]") {
  // Each concept's Korean terms require one of its English terms, preferred first; deprecated and
  // superseded English terms are forbidden; the German language set is skipped.
  for (const char* file : {"basic-2008.tbx", "v3-basic.tbx"}) {
    INFO(file);
    const std::string path = tbx(file);
    const std::vector<GlossaryTerm> terms = read_glossary(path);
    REQUIRE(terms.size() == 5);
    CHECK(terms[0].ko == "핵우산");
    CHECK(terms[0].en == "nuclear umbrella");
    CHECK(terms[0].also.empty());
    CHECK(!terms[0].forbidden);
    CHECK(terms[0].line == line_of(path, "<term>핵우산"));
    CHECK(terms[1].ko == "핵우산");
    CHECK(terms[1].en == "nuclear shield");
    CHECK(terms[1].forbidden);
    CHECK(terms[1].line == line_of(path, "<term>nuclear shield"));
    CHECK(terms[2].ko == "정상회담");
    CHECK(terms[2].en == "summit meeting");
    CHECK(terms[2].also == std::vector<std::string>{"summit"});
    CHECK(terms[3].en == "U.S.");
    CHECK(!terms[3].forbidden);
    CHECK(terms[4].ko == "미국");
    CHECK(terms[4].en == "United States");
    CHECK(terms[4].forbidden);
  }
  // The language codes choose the sides: Korean-German takes the German term.
  const std::vector<GlossaryTerm> de = read_glossary(tbx("basic-2008.tbx"), "ko", "de-DE");
  REQUIRE(de.size() == 1);
  CHECK(de[0].en == "nuklearer Schutzschirm");
  // Found from the content, whatever the name: a TBX named .tsv is still TBX.
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/terms.tsv", test::read_file(tbx("v3-basic.tbx")));
  CHECK(read_glossary(dir + "/terms.tsv").size() == 5);
}

TEST_CASE(
    "TBX glossary on the seed article: the findings of the same terms as TSV; an admitted "
    "term is accepted",
    "[review]") {
  const std::string dir = test::temp_dir();
  const std::string pair = "'" + seed("ko.txt") + "' '" + seed("en.txt") + "' --config none";
  // The TBX files' terms as TSV rows; "summit" is what both accept for 정상회담 (the preferred
  // "summit meeting" contains it).
  test::write_file(dir + "/terms.tsv",
                   "핵우산\tnuclear umbrella\n핵우산\tnuclear shield\tforbidden\n정상회담\tsummit\n"
                   "미국\tU.S.\n미국\tUnited States\tforbidden\n");
  const test::RunResult tsv =
      test::run_tool("check " + pair + " --glossary '" + dir + "/terms.tsv'");
  REQUIRE(tsv.status == 0);
  const std::vector<std::string> expected = glossary_rows(tsv.out);
  CHECK_THAT(tsv.out, Catch::Contains("glossary: ‘United States’ is a forbidden term for ‘미국’"));
  CHECK_THAT(tsv.out, Catch::Contains("glossary: ‘미국’ should be translated ‘U.S.’"));
  REQUIRE(expected.size() > 5);
  for (const char* file : {"basic-2008.tbx", "v3-basic.tbx"}) {
    INFO(file);
    const test::RunResult r = test::run_tool("check " + pair + " --glossary '" + tbx(file) + "'");
    REQUIRE(r.status == 0);
    CHECK(glossary_rows(r.out) == expected);
    CHECK_THAT(r.out,
               Catch::Contains("(glossary line " +
                               std::to_string(line_of(tbx(file), "<term>United States")) + ")"));
  }
  // With the preferred term alone, the links that say "summit" are findings; the TBX admits it.
  test::write_file(dir + "/preferred.tsv", "정상회담\tsummit meeting\n");
  const test::RunResult preferred =
      test::run_tool("check " + pair + " --glossary '" + dir + "/preferred.tsv'");
  CHECK(glossary_rows(preferred.out).size() >= 2);

  // kealign.toml names a TBX glossary like a TSV one; report and run take --glossary too.
  test::write_file(dir + "/kealign.toml",
                   "[checks]\nglossary = \"" + tbx("basic-2008.tbx") + "\"\n");
  const test::RunResult config =
      test::run_tool("check '" + seed("ko.txt") + "' '" + seed("en.txt") + "' --config '" + dir +
                     "/kealign.toml'");
  CHECK(glossary_rows(config.out) == expected);
  const test::RunResult md =
      test::run_tool("report " + pair + " -f md --glossary '" + tbx("v3-basic.tbx") + "'");
  CHECK(md.status == 0);
  CHECK_THAT(md.out, Catch::Contains("‘United States’ is a forbidden term"));

  // On a bilingual file, the unit is named.
  test::write_file(
      dir + "/units.tsv",
      "미국이 핵우산을 강화한다.\tThe United States strengthens its nuclear umbrella.\n");
  const test::RunResult units =
      test::run_tool("check --bilingual '" + dir + "/units.tsv' --config none --glossary '" +
                     tbx("v3-basic.tbx") + "'");
  CHECK(units.status == 0);
  CHECK_THAT(units.out,
             Catch::Contains("\tglossary\tminor\tunit line 1: glossary: ‘United States’"));
}

TEST_CASE("malformed TBX glossaries: file, line and column, exit 1, nothing written", "[review]") {
  const std::string dir = test::temp_dir();
  const std::string pair = "'" + seed("ko.txt") + "' '" + seed("en.txt") + "' --config none";
  const struct {
    const char* file;
    const char* where;  // after the path
    const char* says;
  } table[] = {
      {"unclosed.tbx", ":2: byte 95: column 3: ", "malformed XML"},
      {"second-root.tbx", ":1: ", "malformed XML: a second root element"},
      {"not-tbx.tbx", ":1: byte 1: column 2: ", "not a TBX termbase"},
      {"no-lang.tbx", ":1: byte 43: column 44: ", "<langSet> without xml:lang"},
      {"unknown-status.tbx", ":2: ", "administrativeStatus 'bogus'"},
      {"empty-term.tbx", ":1: ", "an empty <term>"},
      {"neither-side.tbx", ":1: ", "names either side (the first is 'ja'; --ko-lang ko-KR"},
      // Translate Toolkit's TBX writer labels the source en and the target xx.
      {"toolkit-mislabelled.tbx", ":14: ", "the terms labelled 'en' are Korean"},
  };
  for (const auto& t : table) {
    INFO(t.file);
    const std::string out = dir + "/findings.tsv";
    const test::RunResult r =
        test::run_tool("check " + pair + " --glossary '" + tbx(t.file) + "' -o '" + out + "'");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::StartsWith("kealign: " + tbx(t.file) + t.where));
    CHECK_THAT(r.err, Catch::Contains("column "));
    CHECK_THAT(r.err, Catch::Contains(t.says));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(!std::filesystem::exists(out));
  }
  // The language codes decide what names a side: the same file is fine as Korean-Japanese.
  const test::RunResult ja = test::run_tool("check " + pair + " --glossary '" +
                                            tbx("neither-side.tbx") + "' --en-lang ja");
  CHECK(ja.status == 0);
}

TEST_CASE("MQM score in the JSON findings: words, points, penalty per 1,000 words, categories",
          "[review]") {
  const std::string pair = "'" + seed("ko.txt") + "' '" + seed("en.txt") + "' --config none";
  const test::RunResult r = test::run_tool("check " + pair + " -f json");
  REQUIRE(r.status == 0);
  const nlohmann::json json = nlohmann::json::parse(r.out);
  const nlohmann::json& findings = json.at("findings");
  const nlohmann::json& mqm = json.at("mqm");
  REQUIRE(findings.size() > 10);
  CHECK(json.at("hidden_by_baseline") == 0);
  // The words are the English text's, as the library counts them.
  const Analysis a = analyze_files(seed("ko.txt"), seed("en.txt"), AnalysisOptions{});
  CHECK(mqm.at("words") == word_count(a.en));
  // Points and categories recomputed from the findings listed.
  const nlohmann::json& weights = mqm.at("points_per_finding");
  double points = 0;
  std::map<std::string, std::map<std::string, double>> categories;
  for (const auto& f : findings) {
    const std::string severity = f.at("severity");
    points += weights.at(severity).get<double>();
    auto& c = categories[f.at("mqm").get<std::string>()];
    c[severity] += 1;
    c["points"] += weights.at(severity).get<double>();
  }
  CHECK(weights.at("major") == 5);
  CHECK(weights.at("minor") == 1);
  CHECK(weights.at("info") == 0);
  CHECK(mqm.at("points").get<double>() == Approx(points));
  CHECK(points > 0);
  CHECK(mqm.at("penalty_per_1000_words").get<double>() ==
        Approx(points * 1000 / mqm.at("words").get<double>()).margin(0.005));
  REQUIRE(mqm.at("categories").size() == categories.size());
  for (const auto& [name, c] : categories) {
    INFO(name);
    const nlohmann::json& got = mqm.at("categories").at(name);
    for (const char* severity : {"major", "minor", "info"})
      CHECK(got.at(severity).get<double>() == (c.count(severity) ? c.at(severity) : 0));
    CHECK(got.at("points").get<double>() == Approx(c.at("points")));
  }
  // The report states the same penalty (to one decimal).
  const test::RunResult md = test::run_tool("report " + pair + " -f md");
  char expected[64];
  std::snprintf(expected, sizeof expected, "MQM-style penalty: %.1f per 1,000 English words",
                mqm.at("penalty_per_1000_words").get<double>());
  CHECK_THAT(md.out, Catch::Contains(expected));

  // A baseline hides findings from the score too; run --format json writes findings.json.
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/judged.txt", findings[0].at("id").get<std::string>() + "\n");
  const nlohmann::json fewer = nlohmann::json::parse(
      test::run_tool("check " + pair + " -f json --baseline '" + dir + "/judged.txt'").out);
  CHECK(fewer.at("hidden_by_baseline").get<std::size_t>() >= 1);
  CHECK(fewer.at("findings").size() + fewer.at("hidden_by_baseline").get<std::size_t>() ==
        findings.size());
  CHECK(fewer.at("mqm").at("points").get<double>() <= points);
  REQUIRE(test::run_tool("run " + pair + " -d '" + dir + "/run' -f json").status == 0);
  const nlohmann::json run = nlohmann::json::parse(test::read_file(dir + "/run/findings.json"));
  CHECK(run.at("mqm") == mqm);
  CHECK(run.at("findings").size() == findings.size());
}
