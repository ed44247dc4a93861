// The translator's formats: what `kealign align --format` writes (aligned TSV, JSON, TMX, Moses,
// bitextor) and what `check --bilingual` reads (TMX, XLIFF 1.2, XLIFF 2.0, two-column TSV), each
// read back after writing and each refused, with file, line and column, when malformed.
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

#include "app/formats.hpp"
#include "app/formats/aligned_output.hpp"
#include "app/formats/bilingual.hpp"
#include "kealign/analysis.hpp"
#include "kealign/error.hpp"
#include "test_support.hpp"

using namespace kealign;
using namespace kealign::formats;

namespace {

std::string seed(const std::string& file) {
  return test::source_dir() + "/corpora/seed-article/" + file;
}

const Analysis& seed_analysis() {
  static const Analysis a = analyze_files(seed("ko.txt"), seed("en.txt"), AnalysisOptions{});
  return a;
}

// Links with text XML 1.0 cannot hold, markup characters, an empty side each way.
std::vector<AlignedLink> awkward_links() {
  std::vector<AlignedLink> links(4);
  links[0].ko = "서울에서 \x01회담이 열렸다\x1F.";
  links[0].en = "Talks <b>&amp;</b> were \"held\" in 'Seoul' \xEF\xBF\xBE\xEF\xBF\xBF.";
  links[1].ko = "다음 달에 다시 만난다.";
  links[2].en = "Share This Post";
  links[3].ko = "U+0001 그대로";  // text that looks like a placeholder's name stays text
  links[3].en = "Tab\tand\nline";
  for (std::size_t k = 0; k < links.size(); ++k) {
    links[k].number = k + 1;
    links[k].score = 0.5;
    if (!links[k].ko.empty()) links[k].ko_ids = {static_cast<std::uint32_t>(k)};
    if (!links[k].en.empty()) links[k].en_ids = {static_cast<std::uint32_t>(k)};
  }
  return links;
}

std::string error_of(const std::string& bytes, const std::string& name = "in.xml",
                     const BilingualOptions& langs = {}) {
  try {
    parse_bilingual(bytes, name, langs);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("aligned TSV through the output filters: unfiltered is the plain aligned TSV",
          "[formats]") {
  const Analysis& a = seed_analysis();
  const std::vector<AlignedLink> all = aligned_links(a, {});
  CHECK(format_links_tsv(all) ==
        format_aligned_tsv(a.ko, a.en, a.alignment, flags_per_bead(a.alignment, a.findings)));

  AlignedOutputOptions only;
  only.only = "1-1";
  only.min_score = 0.9;
  const std::vector<AlignedLink> kept = aligned_links(a, only);
  REQUIRE(!kept.empty());
  CHECK(kept.size() < all.size());
  for (const AlignedLink& l : kept) {
    CHECK(l.ko_ids.size() == 1);
    CHECK(l.en_ids.size() == 1);
    CHECK(l.score >= 0.9);
    CHECK(l.ko == a.ko.display(l.ko_ids[0]));
    CHECK(a.ko.document.view(l.ko_bytes) == a.ko.raw(l.ko_ids[0]));
  }
  std::size_t expected = 0;
  for (const Bead& b : a.alignment)
    expected += b.ko_size() == 1 && b.en_size() == 1 && b.confidence >= 0.9;
  CHECK(kept.size() == expected);

  AlignedOutputOptions bad;
  bad.only = "one-one";
  CHECK_THROWS_AS(validate(bad), UsageError);
  bad = {};
  bad.format = "xml";
  CHECK_THROWS_AS(validate(bad), UsageError);
}

TEST_CASE("aligned TSV round trip: read back as a bilingual TSV, every link intact", "[formats]") {
  const std::vector<AlignedLink> links = awkward_links();
  const BilingualDocument doc = parse_bilingual(format_links_tsv(links), "aligned.tsv");
  CHECK(doc.format == "tsv");
  REQUIRE(doc.units.size() == links.size());
  for (std::size_t k = 0; k < links.size(); ++k) {
    CHECK(doc.units[k].ko == links[k].ko);
    CHECK(doc.units[k].en == links[k].en);
    CHECK(doc.units[k].id == "line " + std::to_string(k + 2));
  }
}

TEST_CASE("TMX: a well-formed TMX 1.4b with every header attribute, read back intact",
          "[formats]") {
  const std::vector<AlignedLink> links = awkward_links();
  AlignedOutputOptions options;
  options.ko_lang = "ko";
  options.en_lang = "en-GB";
  const std::string tmx = format_links_tmx(links, options);

  pugi::xml_document xml;
  REQUIRE(xml.load_string(tmx.c_str()));
  const pugi::xml_node header = xml.child("tmx").child("header");
  CHECK(std::string(xml.child("tmx").attribute("version").value()) == "1.4");
  for (const char* attribute : {"creationtool", "creationtoolversion", "segtype", "o-tmf",
                                "adminlang", "srclang", "datatype"})
    CHECK(std::string(header.attribute(attribute).value()) != "");
  CHECK(std::string(header.attribute("srclang").value()) == "ko");
  CHECK(std::string(header.attribute("segtype").value()) == "sentence");
  std::size_t tus = 0;
  for (pugi::xml_node tu : xml.child("tmx").child("body").children("tu")) {
    ++tus;
    CHECK(std::string(tu.find_child_by_attribute("prop", "type", "x-confidence").child_value()) ==
          "0.5000");
    CHECK(std::string(tu.first_child().next_sibling().attribute("type").value()) == "x-ko-ids");
    CHECK(std::string(tu.child("tuv").attribute("xml:lang").value()) == "ko");
    CHECK(std::string(tu.child("tuv").next_sibling("tuv").attribute("xml:lang").value()) ==
          "en-GB");
  }
  CHECK(tus == links.size());
  CHECK(tmx.find('\x01') == std::string::npos);
  CHECK(tmx.find("\xEF\xBF\xBE") == std::string::npos);

  const BilingualDocument doc = parse_bilingual(tmx, "out.tmx", {"ko", "en"});
  CHECK(doc.format == "tmx");
  REQUIRE(doc.units.size() == links.size());
  for (std::size_t k = 0; k < links.size(); ++k) {
    CHECK(doc.units[k].ko == links[k].ko);
    CHECK(doc.units[k].en == links[k].en);
    CHECK(doc.units[k].id == std::to_string(k + 1));
  }
}

TEST_CASE("XLIFF 1.2 output: units with source, target and note, read back intact", "[formats]") {
  const std::vector<AlignedLink> links = awkward_links();
  AlignedOutputOptions options;
  options.ko_lang = "ko";
  options.en_lang = "en-GB";
  const std::string xlf = format_links_xliff(links, options, "ko.txt");

  pugi::xml_document xml;
  REQUIRE(xml.load_string(xlf.c_str()));
  const pugi::xml_node root = xml.child("xliff");
  CHECK(std::string(root.attribute("version").value()) == "1.2");
  CHECK(std::string(root.attribute("xmlns").value()) == "urn:oasis:names:tc:xliff:document:1.2");
  const pugi::xml_node file = root.child("file");
  CHECK(std::string(file.attribute("original").value()) == "ko.txt");
  CHECK(std::string(file.attribute("source-language").value()) == "ko");
  CHECK(std::string(file.attribute("target-language").value()) == "en-GB");
  CHECK(std::string(file.attribute("datatype").value()) == "plaintext");
  std::size_t units = 0;
  for (pugi::xml_node tu : file.child("body").children("trans-unit")) {
    ++units;
    CHECK(std::string(tu.attribute("id").value()) == std::to_string(units));
    CHECK_THAT(tu.child("note").child_value(), Catch::StartsWith("confidence 0.5000; ko_ids "));
    for (pugi::xml_node ph : tu.child("source").children("ph"))
      CHECK(std::string(ph.attribute("id").value()) != "");
  }
  CHECK(units == links.size());
  CHECK(xlf.find('\x01') == std::string::npos);
  CHECK(xlf.find("\xEF\xBF\xBE") == std::string::npos);

  // kealign's bilingual reader: every text back, forbidden characters included; the links with
  // an empty English side are missing translations to the checks.
  const BilingualDocument doc = parse_bilingual(xlf, "out.xlf", {"ko", "en"});
  CHECK(doc.format == "xliff-1.2");
  REQUIRE(doc.units.size() == links.size());
  for (std::size_t k = 0; k < links.size(); ++k) {
    CHECK(doc.units[k].ko == links[k].ko);
    CHECK(doc.units[k].en == links[k].en);
    CHECK(doc.units[k].id == std::to_string(k + 1));
  }
}

TEST_CASE("Moses: line-aligned files, null links left out unless kept", "[formats]") {
  const std::vector<AlignedLink> links = awkward_links();
  AlignedOutputOptions options;
  MosesFiles files = format_links_moses(links, options);
  CHECK(files.ko == links[0].ko + "\n" + links[3].ko + "\n");
  CHECK(files.en == links[0].en + "\n" + links[3].en + "\n");

  // From the seed article: one line per link on each side, the same count, each line the link.
  const Analysis& a = seed_analysis();
  options.keep_null = true;
  const std::vector<AlignedLink> all = aligned_links(a, options);
  files = format_links_moses(all, options);
  std::istringstream ko(files.ko), en(files.en);
  std::string k, e;
  std::size_t n = 0;
  while (std::getline(ko, k) && std::getline(en, e)) {
    REQUIRE(n < all.size());
    CHECK(k == all[n].ko);
    CHECK(e == all[n].en);
    ++n;
  }
  CHECK(n == all.size());
  CHECK(!std::getline(ko, k));
  CHECK(!std::getline(en, e));
}

TEST_CASE("bitextor TSV: header, URLs, texts, score and ids per link", "[formats]") {
  const std::vector<AlignedLink> links = aligned_links(seed_analysis(), {});
  const std::string tsv = format_links_bitextor(links, "ko.txt", "en.txt");
  std::istringstream in(tsv);
  std::string row;
  std::getline(in, row);
  CHECK(row == "src_url\ttrg_url\tsrc_text\ttrg_text\taligner_score\tko_ids\ten_ids");
  std::size_t n = 0;
  while (std::getline(in, row)) {
    const auto cells = tab_cells(row);
    REQUIRE(cells.size() == 7);
    REQUIRE(n < links.size());
    CHECK(cells[0] == "ko.txt");
    CHECK(cells[1] == "en.txt");
    CHECK(cells[2] == links[n].ko);
    CHECK(cells[3] == links[n].en);
    CHECK(std::abs(std::stod(std::string(cells[4])) - links[n].score) < 5e-5);
    ++n;
  }
  CHECK(n == links.size());
  // And it reads back as a bilingual TSV by its column names.
  const BilingualDocument doc = parse_bilingual(tsv, "bitext.tsv");
  REQUIRE(doc.units.size() == links.size());
  CHECK(doc.units[1].ko == links[1].ko);
  CHECK(doc.units[1].en == links[1].en);
}

TEST_CASE("JSON: one object per link, read back intact", "[formats]") {
  const std::vector<AlignedLink> links = awkward_links();
  const nlohmann::json json = nlohmann::json::parse(format_links_json(links));
  REQUIRE(json.size() == links.size());
  for (std::size_t k = 0; k < links.size(); ++k) {
    CHECK(json[k]["ko"] == links[k].ko);
    CHECK(json[k]["en"] == links[k].en);
    CHECK(json[k]["link"] == links[k].number);
    CHECK(json[k]["ko_ids"].size() == links[k].ko_ids.size());
  }
  CHECK(json[2]["ko_bytes"].is_null());
  CHECK_THROWS(nlohmann::json::parse(format_links_json(links).substr(0, 40)));
}

TEST_CASE("XLIFF 1.2: units, inline codes as placeholders, translate=no, swapped languages",
          "[formats]") {
  const std::string xliff = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="en-US" target-language="ko-KR" datatype="plaintext">
    <body>
      <trans-unit id="t1"><source>Talks <g id="1">were held</g> in <x id="2"/>Seoul.</source>
        <target>서울에서 <g id="1">회담이</g> <x id="2"/>열렸다.</target></trans-unit>
      <group translate="no">
        <trans-unit id="t2"><source>Copyright</source><target>저작권</target></trans-unit>
      </group>
      <trans-unit id="t3" translate="no"><source>Logo</source></trans-unit>
      <trans-unit id="t4"><source>Both sides agreed.</source></trans-unit>
      <trans-unit id="t5"><source>Next month.</source><target/></trans-unit>
      <trans-unit id="t6"><source><bpt id="1">&lt;b&gt;</bpt>Bold<ept id="1">&lt;/b&gt;</ept> &amp; <ph id="3">%s</ph></source><target><bpt id="1">&lt;b&gt;</bpt>굵게<ept id="1">&lt;/b&gt;</ept> &amp; <ph id="3">%s</ph></target></trans-unit>
    </body>
  </file>
</xliff>
)";
  const std::string ph(kPlaceholder);
  const BilingualDocument doc = parse_bilingual(xliff, "a.xlf");
  CHECK(doc.format == "xliff-1.2");
  CHECK(doc.not_translatable == 2);
  REQUIRE(doc.units.size() == 4);
  CHECK(doc.units[0].id == "t1");
  CHECK(doc.units[0].en == "Talks were held in " + ph + "Seoul.");
  CHECK(doc.units[0].ko == "서울에서 회담이 " + ph + "열렸다.");
  CHECK(doc.units[0].line == 5);
  CHECK(doc.units[1].id == "t4");
  CHECK(doc.units[1].ko.empty());
  CHECK(doc.units[3].en == ph + "Bold" + ph + " & " + ph);
  CHECK(doc.units[3].ko == ph + "굵게" + ph + " & " + ph);
}

TEST_CASE("XLIFF 2.0: segments, pc and ph, cp, translate=no inherited", "[formats]") {
  const std::string xliff = R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"
 srcLang="ko" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment id="s1"><source>서울에서 <pc id="1">회담이</pc> 열렸다.</source>
        <target>Talks <pc id="1">were held</pc> in Seoul.</target></segment>
      <ignorable><source> </source></ignorable>
      <segment id="s2"><source>양측은<cp hex="0001"/> 합의했다.</source>
        <target>Both sides<ph id="2"/> agreed.</target></segment>
    </unit>
    <group id="g" translate="no">
      <unit id="u2"><segment><source>로고</source><target>Logo</target></segment></unit>
    </group>
    <unit id="u3"><segment><source>다음 달.</source></segment></unit>
  </file>
</xliff>)";
  const BilingualDocument doc = parse_bilingual(xliff, "b.xlf");
  CHECK(doc.format == "xliff-2.0");
  CHECK(doc.not_translatable == 1);
  REQUIRE(doc.units.size() == 3);
  CHECK(doc.units[0].id == "u1/s1");
  CHECK(doc.units[0].ko == "서울에서 회담이 열렸다.");
  CHECK(doc.units[0].en == "Talks were held in Seoul.");
  CHECK(doc.units[1].id == "u1/s2");
  CHECK(doc.units[1].ko == "양측은\x01 합의했다.");
  CHECK(doc.units[1].en == "Both sides" + std::string(kPlaceholder) + " agreed.");
  CHECK(doc.units[2].id == "u3");
  CHECK(doc.units[2].en.empty());
}

TEST_CASE("bilingual TSV: two columns, or a header naming them", "[formats]") {
  BilingualDocument doc = parse_bilingual("가\tA\n\n나\n다\tC\textra\n", "two.tsv");
  REQUIRE(doc.units.size() == 3);
  CHECK(doc.units[0].ko == "가");
  CHECK(doc.units[1].en.empty());
  CHECK(doc.units[2].id == "line 4");
  doc = parse_bilingual("id\ten-US\tko-KR\nx\tHello\\tworld\t안녕\n", "named.tsv");
  REQUIRE(doc.units.size() == 1);
  CHECK(doc.units[0].ko == "안녕");
  CHECK(doc.units[0].en == "Hello\tworld");
  CHECK_THAT(error_of("id\tko\ten\nx\n", "named.tsv"),
             Catch::StartsWith("named.tsv:2: byte 10: column 2: "));
}

TEST_CASE("malformed bilingual files: file, line and column", "[formats]") {
  const struct {
    const char* what;
    std::string bytes;
    const char* where;
    const char* says;
  } table[] = {
      {"TMX, tags that do not match",
       "<tmx version=\"1.4\"><header/>\n<body><tu><tuv xml:lang=\"ko\"><seg>가</seg></tuv>\n</body>"
       "</tmx>\n",
       "in.xml:3: byte 81: column 3: ", "malformed XML"},
      {"XLIFF 1.2, an unclosed attribute",
       "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file "
       "source-language=\"ko>\n",
       "in.xml:", "malformed XML"},
      {"XLIFF 2.0, text after the root",
       "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"ko\" trgLang=\"en\"/>\n"
       "oops",
       "in.xml:2: byte 81: column 1: ", "text after the root"},
      {"XLIFF, a wrong namespace",
       "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:1.2\"/>",
       "in.xml:2: byte 23: column 2: ", "unknown namespace"},
      {"XLIFF, no namespace", "<xliff version=\"1.2\"><file/></xliff>",
       "in.xml:1: byte 1: ", "without its namespace"},
      {"TMX, a language naming neither side",
       "<tmx version=\"1.4\"><header/><body>\n <tu>\n  <tuv xml:lang=\"ko\"><seg>가</seg></tuv>\n"
       "  <tuv xml:lang=\"ja\"><seg>あ</seg></tuv></tu></body></tmx>",
       "in.xml:4: byte 86: column 4: ", "'ja' names neither side"},
      {"XLIFF 1.2, a source language naming neither side",
       "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n  <file "
       "source-language=\"de\" target-language=\"en\"><body/></file></xliff>",
       "in.xml:2: byte 71: column 4: ", "'de' names neither side"},
      {"XLIFF 2.0, both languages one side",
       "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" trgLang=\"en-GB\"/>",
       "in.xml:1: ", "name the same side"},
      {"an XML root that is neither", "<html><body/></html>",
       "in.xml:1: ", "neither TMX (<tmx>) nor XLIFF"},
  };
  for (const auto& t : table) {
    INFO(t.what);
    const std::string message = error_of(t.bytes);
    CHECK_THAT(message, Catch::StartsWith(t.where));
    CHECK_THAT(message, Catch::Contains("column "));
    CHECK_THAT(message, Catch::Contains(t.says));
    CHECK(message.find('\n') == std::string::npos);
  }
}

TEST_CASE("a bilingual file's analysis: missing translations are findings naming the unit",
          "[formats]") {
  BilingualDocument doc;
  doc.name = "job.tmx";
  const char* ko[] = {"서울에서 한미 정상회담이 열렸다.", "양측은 핵우산 강화에 합의했다.",
                      "다음 달에 다시 만난다.", "정부 소식통은 이렇게 전했다."};
  const char* en[] = {"A Korea-US summit was held in Seoul.",
                      "Both sides agreed to strengthen the nuclear umbrella.", "", ""};
  for (int k = 0; k < 4; ++k) doc.units.push_back({"tu-" + std::to_string(k + 1), ko[k], en[k], 0});
  const BilingualAnalysis b = analyze_bilingual(doc, AnalysisOptions{});
  const Analysis& a = b.analysis;
  CHECK(a.ko.size() == 4);
  CHECK(a.en.size() == 2);
  REQUIRE(a.alignment.size() == 4);
  CHECK(a.alignment[2].ko_size() == 1);
  CHECK(a.alignment[2].en_size() == 0);
  std::vector<std::string> missing;
  for (const Finding& f : a.findings) {
    CHECK(f.check != "omission");
    if (f.check == kMissingTranslation) missing.push_back(f.message);
  }
  REQUIRE(missing.size() == 2);
  CHECK_THAT(missing[0], Catch::StartsWith("unit tu-3: "));
  CHECK_THAT(missing[1], Catch::StartsWith("unit tu-4: "));
  CHECK(b.ko_units[3] == "tu-4");

  const BilingualAnalysis quiet = analyze_bilingual(doc, AnalysisOptions{}, false);
  for (const Finding& f : quiet.analysis.findings) CHECK(f.check != kMissingTranslation);
}

TEST_CASE("kealign check --bilingual: errors are one line, exit 1, nothing written", "[formats]") {
  const std::string dir = test::temp_dir();
  const std::string bad = dir + "/bad.tmx", out = dir + "/out/findings.tsv";
  std::filesystem::create_directory(dir + "/out");
  test::write_file(bad, "<tmx version=\"1.4\">\n<body><tu></body></tmx>\n");
  for (const char* command : {"check", "report"}) {
    const test::RunResult r =
        test::run_tool(std::string(command) + " --bilingual '" + bad + "' -o '" + out + "'");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::StartsWith("kealign: " + bad + ":2: byte "));
    CHECK_THAT(r.err, Catch::Contains("column "));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(std::filesystem::is_empty(dir + "/out"));
  }
  // A file whose language codes are swapped (the English side is Korean): said, not analysed.
  const std::string swapped = dir + "/swapped.tsv";
  test::write_file(swapped, "en\tko\n서울에서 회담이 열렸다.\tTalks were held in Seoul.\n");
  const test::RunResult s = test::run_tool("check --bilingual '" + swapped + "'");
  CHECK(s.status == 1);
  CHECK_THAT(s.err, Catch::Contains("look swapped"));

  // --bilingual with KO EN, or with --presplit, is a usage error.
  test::RunResult r = test::run_tool("check --bilingual '" + bad + "' '" + seed("ko.txt") + "' '" +
                                     seed("en.txt") + "'");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("--bilingual"));
  // Moses writes two files: no prefix, no output.
  r = test::run_tool("align '" + seed("ko.txt") + "' '" + seed("en.txt") + "' --format moses");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("-o PREFIX"));
}

TEST_CASE("kealign align --format tmx | check --bilingual: the seed article's links back",
          "[formats]") {
  const std::string dir = test::temp_dir();
  const std::string tmx = dir + "/seed.tmx", tsv = dir + "/seed.tsv", prefix = dir + "/seed";
  const std::string pair = "'" + seed("ko.txt") + "' '" + seed("en.txt") + "'";
  REQUIRE(test::run_tool("align " + pair + " -o '" + tsv + "'").status == 0);
  REQUIRE(test::run_tool("align " + pair + " --format tmx -o '" + tmx + "'").status == 0);
  REQUIRE(test::run_tool("align " + pair + " -f moses --only 1-1 -o '" + prefix + "'").status == 0);
  const BilingualDocument from_tmx = read_bilingual(tmx);
  const BilingualDocument from_tsv = read_bilingual(tsv);
  REQUIRE(from_tmx.units.size() == from_tsv.units.size());
  for (std::size_t k = 0; k < from_tmx.units.size(); ++k) {
    CHECK(from_tmx.units[k].ko == from_tsv.units[k].ko);
    CHECK(from_tmx.units[k].en == from_tsv.units[k].en);
  }
  const auto ko_lines = test::read_lines(prefix + ".ko");
  const auto en_lines = test::read_lines(prefix + ".en");
  CHECK(ko_lines.size() == en_lines.size());
  CHECK(!ko_lines.empty());
  const test::RunResult r = test::run_tool("check --bilingual '" + tmx + "'");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("\tmissing-translation\tmajor\tunit "));
}

// Interoperability with Translate Toolkit (a real third-party reader and writer of TMX and XLIFF)
// and xmllint. Tagged [shared]: the PO file comes from the seed article's gold alignment.
namespace {

bool runs(const std::string& command) {
  return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// A Python that has Translate Toolkit, or "" (Debian's python3-translate is for /usr/bin/python3).
std::string toolkit_python() {
  for (const char* python : {"/usr/bin/python3", "python3"})
    if (runs(std::string(python) + " -c 'import translate.storage.tmx'")) return python;
  return "";
}

// Skips the test (exit 77, which CTest counts as skipped) when a tool is missing, unless
// KEALIGN_REQUIRE_CORPORA asks that nothing be skipped.
void require_tools() {
  std::string missing;
  if (toolkit_python().empty()) missing += " python3-translate";
  for (const char* tool : {"po2xliff", "po2tmx"})
    if (!runs(std::string("command -v ") + tool)) missing += std::string(" ") + tool;
  if (!runs("command -v xmllint")) missing += " xmllint";
  if (missing.empty()) return;
  const char* require = std::getenv("KEALIGN_REQUIRE_CORPORA");
  if (require && *require) FAIL("missing:" << missing << " (KEALIGN_REQUIRE_CORPORA is set)");
  std::cout << "skipped: the interoperability tests need translate-toolkit, python3-translate "
               "and libxml2-utils; missing:"
            << missing << '\n';
  std::exit(77);
}

std::string output_of(const std::string& command) {
  const std::string dir = test::temp_dir();
  const int status = std::system((command + " >'" + dir + "/out' 2>'" + dir + "/err'").c_str());
  INFO(command << '\n' << test::read_file(dir + "/err"));
  REQUIRE(status == 0);
  return test::read_file(dir + "/out");
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

std::string po_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::vector<std::uint32_t> id_list(std::string_view cell) {
  std::vector<std::uint32_t> out;
  std::size_t start = 0;
  while (start < cell.size()) {
    const std::size_t comma = std::min(cell.find(',', start), cell.size());
    out.push_back(
        static_cast<std::uint32_t>(std::stoul(std::string(cell.substr(start, comma - start)))));
    start = comma + 1;
  }
  return out;
}

// (check, the links or units a finding touches) for every row of a findings TSV; segment ids are
// mapped to link numbers through ko_link / en_link, or taken as unit numbers when those are empty.
using Touch = std::pair<std::string, std::vector<std::size_t>>;
std::vector<Touch> touches(const std::string& findings, const std::vector<std::size_t>& ko_link,
                           const std::vector<std::size_t>& en_link) {
  std::vector<Touch> out;
  std::istringstream in(findings);
  std::string row;
  std::getline(in, row);
  while (std::getline(in, row)) {
    const auto cells = tab_cells(row);
    // The learnt word table learns from 1-1 links; a bilingual file's units are all 1-1 (an n-m
    // link is one unit), so its findings depend on the link shapes the file does not carry.
    if (cells.at(2) == "mistranslation" &&
        cells.at(4).find("other links, but not here") != std::string_view::npos)
      continue;
    Touch t{std::string(cells.at(2)), {}};
    for (std::uint32_t id : id_list(cells.at(0)))
      t.second.push_back(ko_link.empty() ? id : ko_link.at(id));
    for (std::uint32_t id : id_list(cells.at(1)))
      t.second.push_back(en_link.empty() ? id : en_link.at(id));
    std::sort(t.second.begin(), t.second.end());
    t.second.erase(std::unique(t.second.begin(), t.second.end()), t.second.end());
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE(
    "interop: xmllint and Translate Toolkit read kealign's TMX of the seed article, every "
    "link intact",
    "[shared][interop]") {
  require_tools();
  const std::string dir = test::temp_dir();
  const std::string a = test::shared_dir() + "/seed-article/";
  const std::string tmx = dir + "/seed.tmx", json = dir + "/seed.json";
  const std::string pair = "'" + a + "ko.txt' '" + a + "en.txt'";
  REQUIRE(test::run_tool("align " + pair + " -f tmx -o '" + tmx + "'").status == 0);
  REQUIRE(test::run_tool("align " + pair + " -f json -o '" + json + "'").status == 0);
  output_of("xmllint --noout '" + tmx + "'");
  const std::string read =
      output_of(toolkit_python() +
                " -c 'import json, sys; from translate.storage import tmx; "
                "f = tmx.tmxfile.parsefile(sys.argv[1]); "
                "print(json.dumps([[u.getid(), u.source, u.target] for u in f.units]))' '" +
                tmx + "'");
  const nlohmann::json units = nlohmann::json::parse(read);
  const nlohmann::json links = nlohmann::json::parse(test::read_file(json));
  REQUIRE(links.size() > 40);
  REQUIRE(units.size() == links.size());
  for (std::size_t k = 0; k < links.size(); ++k) {
    INFO("link " << k + 1);
    CHECK(units[k][0] == std::to_string(k + 1));
    CHECK(units[k][1] == links[k]["ko"]);
    CHECK(units[k][2] == links[k]["en"]);
  }
}

TEST_CASE(
    "interop: xmllint and Translate Toolkit read kealign's XLIFF 1.2 of the seed article, "
    "every link intact; check --bilingual reads it back",
    "[shared][interop]") {
  require_tools();
  const std::string dir = test::temp_dir();
  const std::string a = test::shared_dir() + "/seed-article/";
  const std::string xlf = dir + "/seed.xlf", json = dir + "/seed.json";
  const std::string pair = "'" + a + "ko.txt' '" + a + "en.txt'";
  REQUIRE(test::run_tool("align " + pair + " -f xliff -o '" + xlf + "'").status == 0);
  REQUIRE(test::run_tool("align " + pair + " -f json -o '" + json + "'").status == 0);
  output_of("xmllint --noout '" + xlf + "'");
  const std::string read =
      output_of(toolkit_python() +
                " -c 'import json, sys; from translate.storage import xliff; "
                "f = xliff.xlifffile.parsefile(sys.argv[1]); "
                "print(json.dumps([f.getsourcelanguage(), f.gettargetlanguage(), "
                "[[u.getid(), u.source, u.target] for u in f.units]]))' '" +
                xlf + "'");
  const nlohmann::json got = nlohmann::json::parse(read);
  CHECK(got[0] == "ko-KR");
  CHECK(got[1] == "en-US");
  const nlohmann::json& units = got[2];
  const nlohmann::json links = nlohmann::json::parse(test::read_file(json));
  REQUIRE(links.size() > 40);
  REQUIRE(units.size() == links.size());
  for (std::size_t k = 0; k < links.size(); ++k) {
    INFO("link " << k + 1);
    // The toolkit's XLIFF unit id is the file's original, U+0004 and the trans-unit id.
    CHECK(units[k][0].get<std::string>() == a + "ko.txt\x04" + std::to_string(k + 1));
    CHECK(units[k][1] == links[k]["ko"]);
    CHECK(units[k][2] == links[k]["en"]);
  }
  // check --bilingual on it: one unit per link with text, the omissions as missing translations.
  const BilingualDocument doc = read_bilingual(xlf);
  std::size_t with_text = 0, korean_only = 0;
  for (const auto& l : links) {
    with_text += !l["ko"].get<std::string>().empty() || !l["en"].get<std::string>().empty();
    korean_only += !l["ko"].get<std::string>().empty() && l["en"].get<std::string>().empty();
  }
  CHECK(doc.units.size() == with_text);
  const test::RunResult r = test::run_tool("check --bilingual '" + xlf + "' --config none");
  REQUIRE(r.status == 0);
  std::size_t missing = 0;
  for (std::size_t at = 0; (at = r.out.find("\tmissing-translation\t", at)) != std::string::npos;
       ++at)
    ++missing;
  CHECK(missing == korean_only);
  CHECK(korean_only > 0);
}

TEST_CASE(
    "interop: kealign checks Translate Toolkit's XLIFF and TMX of the seed gold units, and "
    "an XLIFF 2.0 of them, with the findings of check --alignment gold.tsv",
    "[shared][interop]") {
  require_tools();
  const std::string dir = test::temp_dir();
  const std::string a = test::shared_dir() + "/seed-article/";
  const std::vector<std::string> ko = test::read_lines(a + "ko.sents");
  const std::vector<std::string> en = test::read_lines(a + "en.sents");
  const std::vector<Link> gold = read_links(a + "gold.tsv");

  // The gold links with both sides (what a PO file can hold) as PO entries and XLIFF 2.0 units.
  std::vector<std::size_t> ko_link(ko.size()), en_link(en.size());
  std::vector<std::size_t> unit_of(gold.size(), SIZE_MAX);
  std::string po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";
  std::string xliff2 =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff "
      "xmlns=\"urn:oasis:names:tc:xliff:document:"
      "2.0\" version=\"2.0\" srcLang=\"ko-KR\" trgLang=\"en-US\">\n <file id=\"seed\">\n";
  std::size_t units = 0;
  for (std::size_t n = 0; n < gold.size(); ++n) {
    std::string k, e;
    for (std::uint32_t i : gold[n].ko) k += (k.empty() ? "" : " ") + ko.at(i), ko_link.at(i) = n;
    for (std::uint32_t i : gold[n].en) e += (e.empty() ? "" : " ") + en.at(i), en_link.at(i) = n;
    if (gold[n].ko.empty() || gold[n].en.empty()) continue;
    unit_of[n] = units++;
    po += "#: gold.tsv:" + std::to_string(n + 1) + "\nmsgctxt \"link " + std::to_string(n + 1) +
          "\"\nmsgid " + po_string(k) + "\nmsgstr " + po_string(e) + "\n\n";
    xliff2 += "  <unit id=\"link-" + std::to_string(n + 1) + "\"><segment><source>" +
              xml_escape(k) + "</source><target>" + xml_escape(e) + "</target></segment></unit>\n";
  }
  xliff2 += " </file>\n</xliff>\n";
  REQUIRE(units > 30);
  test::write_file(dir + "/seed.po", po);
  test::write_file(dir + "/seed-2.0.xlf", xliff2);
  const std::string py = toolkit_python();
  output_of("po2xliff '" + dir + "/seed.po' '" + dir + "/po.xlf'");
  // po2xliff labels every source en-US and writes no target language; set both through the
  // toolkit's own XLIFF class, as a translator would.
  output_of(py +
            " -c 'import sys; from translate.storage import xliff; "
            "f = xliff.xlifffile.parsefile(sys.argv[1]); f.setsourcelanguage(\"ko\"); "
            "f.settargetlanguage(\"en\"); f.savefile(sys.argv[2])' '" +
            dir + "/po.xlf' '" + dir + "/seed-1.2.xlf'");
  output_of("po2tmx -l en --source-language ko '" + dir + "/seed.po' '" + dir + "/seed.tmx'");

  // The reference: the gold alignment's findings on links with both sides, by unit number.
  const std::string reference = test::run_tool("check --presplit '" + a + "ko.sents' '" + a +
                                               "en.sents' --alignment '" + a + "gold.tsv'")
                                    .out;
  std::vector<Touch> expected;
  for (Touch t : touches(reference, ko_link, en_link)) {
    bool both = true;
    for (std::size_t& n : t.second) {
      both = both && unit_of[n] != SIZE_MAX;
      if (both) n = unit_of[n];
    }
    if (both) expected.push_back(std::move(t));
  }
  std::sort(expected.begin(), expected.end());
  REQUIRE(expected.size() >= 5);

  for (const char* file : {"seed-1.2.xlf", "seed.tmx", "seed-2.0.xlf"}) {
    INFO(file);
    const std::string path = dir + "/" + file;
    output_of("xmllint --noout '" + path + "'");
    const BilingualDocument doc = read_bilingual(path);
    CHECK(doc.units.size() == units);
    const test::RunResult r = test::run_tool("check --bilingual '" + path + "'");
    REQUIRE(r.status == 0);
    CHECK(touches(r.out, {}, {}) == expected);
    if (std::string(file) == "seed-2.0.xlf") CHECK_THAT(r.out, Catch::Contains("\tunit link-"));
  }
}

TEST_CASE("run and align-set write the alignment in the chosen form", "[formats]") {
  const std::string dir = test::temp_dir();
  const std::string pair = "'" + seed("ko.txt") + "' '" + seed("en.txt") + "'";
  REQUIRE(test::run_tool("run " + pair + " -d '" + dir + "/run' -f tmx --only 1-1").status == 0);
  CHECK(std::filesystem::exists(dir + "/run/aligned.tmx"));
  CHECK(!std::filesystem::exists(dir + "/run/aligned.tsv"));
  CHECK(std::filesystem::exists(dir + "/run/report.html"));
  const BilingualDocument doc = read_bilingual(dir + "/run/aligned.tmx");
  std::size_t one_to_one = 0;
  for (const Bead& b : seed_analysis().alignment)
    one_to_one += b.ko_size() == 1 && b.en_size() == 1;
  CHECK(doc.units.size() == one_to_one);

  // run on a bilingual file: the report is named after it.
  REQUIRE(test::run_tool("run --bilingual '" + dir + "/run/aligned.tmx' -d '" + dir +
                         "/again' -f moses")
              .status == 0);
  CHECK(test::read_lines(dir + "/again/aligned.ko").size() == one_to_one);
  CHECK_THAT(test::read_file(dir + "/again/report.html"), Catch::Contains("aligned.tmx"));

  std::filesystem::create_directories(dir + "/set/seed");
  std::filesystem::copy_file(seed("ko.txt"), dir + "/set/seed/ko.txt");
  std::filesystem::copy_file(seed("en.txt"), dir + "/set/seed/en.txt");
  REQUIRE(test::run_tool("align-set '" + dir + "/set' --out-dir '" + dir + "/out' -f bitextor " +
                         "--threads 1")
              .status == 0);
  CHECK(test::read_lines(dir + "/out/seed.bitextor.tsv").size() ==
        seed_analysis().alignment.size() + 1);
}

TEST_CASE(
    "every --format on align, run and align-set, with --min-score and --only: the same "
    "filtered links",
    "[formats]") {
  const std::string dir = test::temp_dir();
  std::filesystem::create_directories(dir + "/set/seed");
  const std::string ko = dir + "/set/seed/ko.txt", en = dir + "/set/seed/en.txt";
  std::filesystem::copy_file(seed("ko.txt"), ko);
  std::filesystem::copy_file(seed("en.txt"), en);
  const std::string pair = "'" + ko + "' '" + en + "'";

  // The links the filters keep, from the unfiltered JSON.
  REQUIRE(test::run_tool("align " + pair + " -f json -o '" + dir + "/all.json'").status == 0);
  const nlohmann::json all = nlohmann::json::parse(test::read_file(dir + "/all.json"));
  const double min_score = 0.95;
  std::vector<std::pair<std::string, std::string>> kept;  // texts
  for (const auto& l : all)
    if (l["score"].get<double>() >= min_score && l["ko_ids"].size() == 1 && l["en_ids"].size() == 1)
      kept.emplace_back(l["ko"], l["en"]);
  REQUIRE(kept.size() > 20);
  REQUIRE(kept.size() + 5 < all.size());  // the filters leave links out

  const std::string filters = " --min-score 0.95 --only 1-1";
  for (const std::string format : {"tsv", "json", "tmx", "xliff", "moses", "bitextor"}) {
    INFO(format);
    const std::string f = " -f " + format + filters;
    REQUIRE(test::run_tool("align " + pair + f + " -o '" + dir + "/align-" + format + "'").status ==
            0);
    REQUIRE(test::run_tool("run " + pair + f + " -d '" + dir + "/run-" + format + "'").status == 0);
    REQUIRE(test::run_tool("align-set '" + dir + "/set' --threads 1 --out-dir '" + dir + "/set-" +
                           format + "'" + f)
                .status == 0);
    // align writes to -o (Moses: PREFIX.ko, PREFIX.en); run DIR/aligned.*; align-set DIR/seed.*.
    const std::string ext = format == "bitextor" ? ".bitextor.tsv" : "." + format;
    const std::vector<std::string> suffixes =
        format == "moses" ? std::vector<std::string>{".ko", ".en"} : std::vector<std::string>{ext};
    for (const std::string& suffix : suffixes) {
      INFO(suffix);
      const std::string from_align =
          test::read_file(dir + "/align-" + format + (format == "moses" ? suffix : ""));
      CHECK(test::read_file(dir + "/run-" + format + "/aligned" + suffix) == from_align);
      CHECK(test::read_file(dir + "/set-" + format + "/seed" + suffix) == from_align);
    }
    // The kept links, in each form's own terms.
    std::vector<std::pair<std::string, std::string>> got;
    const std::string out = dir + "/align-" + format;
    if (format == "json") {
      for (const auto& l : nlohmann::json::parse(test::read_file(out)))
        got.emplace_back(l["ko"], l["en"]);
    } else if (format == "moses") {
      const std::vector<std::string> k = test::read_lines(out + ".ko"),
                                     e = test::read_lines(out + ".en");
      REQUIRE(k.size() == e.size());
      for (std::size_t i = 0; i < k.size(); ++i) got.emplace_back(k[i], e[i]);
    } else {  // TMX, XLIFF and the two TSVs read back as bilingual files
      for (const BilingualUnit& u : read_bilingual(out).units) got.emplace_back(u.ko, u.en);
    }
    CHECK(got == kept);
  }
}
