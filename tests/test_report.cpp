#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "app/report_job.hpp"
#include "kealign/error.hpp"
#include "kealign/report.hpp"
#include "kealign/text.hpp"
#include "report_test_data.hpp"
#include "test_support.hpp"

using namespace kealign;
using kealign::test::count;
using kealign::test::escaped;
using kealign::test::Hostile;
using kealign::test::lines_of;
using kealign::test::load_seed;
using kealign::test::Seed;

namespace {

// The HTML of one link's table row.
std::string row(const std::string& html, std::size_t link) {
  const std::size_t at = html.find("<tr id=\"link-" + std::to_string(link) + "\"");
  REQUIRE(at != std::string::npos);
  return html.substr(at, html.find("</tr>", at) - at);
}

}  // namespace

TEST_CASE("everything from the input is HTML-escaped", "[report]") {
  Hostile h;
  ReportOptions options;
  options.title = "QA <draft> & \"final\"";
  const std::string html = render_html({h.ko, h.en, h.alignment, h.findings}, options);
  CHECK(html.find("<b>hello") == std::string::npos);
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<Donga>") == std::string::npos);
  CHECK(count(html, "<script>") == 1);  // the page's own filter script
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                                   "&quot;more&quot;"));
  CHECK_THAT(html, Catch::Contains("<title>QA &lt;draft&gt; &amp; &quot;final&quot;</title>"));
  CHECK_THAT(html, Catch::Contains("<code>ko&lt;1&gt;.txt</code>"));
  CHECK_THAT(html, Catch::Contains("<code>en&amp;1.txt</code>"));
  CHECK_THAT(html, Catch::Contains("Source: &lt;Donga&gt;"));
  CHECK_THAT(html, Catch::Contains("&quot;&lt;b&gt;hello&lt;/b&gt;&quot;</mark>"));
  CHECK_NOTHROW(make_document("report.html", html));  // valid UTF-8, no NUL
}

TEST_CASE("the Markdown report escapes what Markdown would interpret", "[report]") {
  Hostile h;
  const std::string md = render_markdown({h.ko, h.en, h.alignment, h.findings}, {});
  CHECK_THAT(md, Catch::Contains("Second \\| sentence."));
  CHECK_THAT(md, Catch::Contains("\\<script\\>alert('x')\\</script\\>"));
  CHECK_THAT(md, Catch::Contains("\n   - **en 0**: \"\\<b\\>hello\\</b\\>\""));
  CHECK(md.find("<b>") == std::string::npos);
  // one table row per link, after the header and its rule
  const std::string links = md.substr(md.find("## Links"));
  CHECK(count(links, "\n| ") == h.alignment.size() + 1);
}

struct Overlap {
  const char* what;
  std::vector<Span> spans;            // one finding per span, on English segment 0
  std::vector<std::string> expected;  // "data-fs|text" of each mark, in order
};

TEST_CASE("overlapping and misaligned evidence is cut into marked pieces", "[report]") {
  const SegmentedText ko = lines_of("ko", "한국어 문장\n");
  const SegmentedText en = lines_of("en", "abcdef ghij\nklmn\n");
  const Alignment alignment{{0, 1, 0, 2, 0.9}};
  const Overlap table[] = {
      {"one span", {{2, 4}}, {"1|cd"}},
      {"overlap", {{0, 4}, {2, 6}}, {"1|ab", "1 2|cd", "2|ef"}},
      {"nested", {{0, 6}, {2, 3}}, {"1|ab", "1 2|c", "1|def"}},
      {"same span twice", {{7, 11}, {7, 11}}, {"1 2|ghij"}},
      {"across two segments", {{9, 14}}, {"1|ij", "1|kl"}},
      {"empty span", {{3, 3}}, {}},
  };
  const std::regex mark(
      R"re(<mark class="sev-[a-z]+" data-fs="([0-9 ]+)" title="[^"]*">([^<]*)</mark>)re");
  for (const Overlap& t : table) {
    INFO(t.what);
    std::vector<Finding> findings;
    for (const Span& s : t.spans) {
      Finding f;
      f.check = "duplication";
      f.en_ids = {0};
      f.en_spans = {s};
      f.message = "repeated";
      findings.push_back(f);
    }
    const std::string html = render_html({ko, en, alignment, findings}, {});
    std::vector<std::string> got;
    for (auto m = std::sregex_iterator(html.begin(), html.end(), mark); m != std::sregex_iterator();
         ++m)
      got.push_back((*m)[1].str() + "|" + (*m)[2].str());
    CHECK(got == t.expected);
  }
}

TEST_CASE("evidence that starts inside a code point is widened to whole characters", "[report]") {
  const SegmentedText ko = lines_of("ko", "한국어 문장\n");
  const SegmentedText en = lines_of("en", "Korean sentence\n");
  Finding f;
  f.check = "untranslated-term";
  f.ko_ids = {0};
  f.ko_spans = {{1, 4}};  // from the middle of 한 to the middle of 국
  f.message = "m";
  const std::string html = render_html({ko, en, {{0, 1, 0, 1, 1.0}}, {f}}, {});
  CHECK_THAT(html, Catch::Contains(">한</mark>"));
  CHECK_NOTHROW(make_document("report.html", html));
}

TEST_CASE("inconsistent input is an InputError, not a broken page", "[report]") {
  const SegmentedText ko = lines_of("ko", "하나\n둘\n");
  const SegmentedText en = lines_of("en", "one\ntwo\n");
  const Alignment good{{0, 1, 0, 1, 1.0}, {1, 2, 1, 2, 1.0}};
  Finding bad_id;
  bad_id.check = "omission";
  bad_id.ko_ids = {2};
  Finding bad_span;
  bad_span.check = "duplication";
  bad_span.en_spans = {{4, 99}};
  CHECK_THROWS_AS(render_html({ko, en, good, {bad_id}}, {}), InputError);
  CHECK_THROWS_WITH(render_markdown({ko, en, good, {bad_span}}, {}),
                    Catch::Contains("finding 1 (duplication)"));
  const Alignment gap{{0, 1, 0, 1, 1.0}};
  CHECK_THROWS_AS(render_html({ko, en, gap, {}}, {}), InputError);
  CHECK_THROWS_AS(summarize({ko, en, gap, {}}), InputError);
}

TEST_CASE("an empty pair still renders a complete page", "[report]") {
  const SegmentedText ko = lines_of("ko", "");
  const SegmentedText en = lines_of("en", "");
  const std::string html = render_html({ko, en, {}, {}}, {});
  CHECK_THAT(html, Catch::Contains("No check reported a problem."));
  CHECK_THAT(html, Catch::EndsWith("</html>\n"));
  CHECK(summarize({ko, en, {}, {}}).ko_coverage == 0.0);
}

TEST_CASE("seed article: summary figures", "[report][shared]") {
  const Seed s = load_seed();
  const ReportSummary sum = summarize({s.ko, s.en, s.alignment, s.findings});
  CHECK(sum.ko_segments == 42);
  CHECK(sum.en_segments == 48);
  CHECK(sum.links == 49);
  CHECK(sum.null_links == 10);
  CHECK(sum.ko_linked == 40);
  CHECK(sum.en_linked == 40);
  CHECK(sum.ko_coverage == Approx(40.0 / 42));
  CHECK(sum.en_coverage == Approx(40.0 / 48));
  CHECK(sum.mean_confidence == Approx(1.0));
  CHECK(sum.by_severity[0] == 10);
  CHECK(sum.by_severity[1] == 8);
  CHECK(sum.by_severity[2] == 3);
  CHECK(sum.by_check.at("mistranslation") == std::array<std::size_t, 3>{3, 3, 0});
  CHECK(sum.by_check.at("boilerplate") == std::array<std::size_t, 3>{0, 0, 3});
}

TEST_CASE("seed article: every segment once, every finding at its links and spans",
          "[report][shared]") {
  const Seed s = load_seed();
  const ReportInput in{s.ko, s.en, s.alignment, s.findings, {{"boilerplate", "web furniture"}}};
  const std::string html = render_html(in, {});
  CHECK_NOTHROW(make_document("report.html", html));
  CHECK(count(html, "id=\"ko-") == s.ko.size());
  CHECK(count(html, "id=\"en-") == s.en.size());
  for (std::size_t i = 0; i < s.ko.size(); ++i)
    CHECK(count(html, "id=\"ko-" + std::to_string(i) + "\"") == 1);
  for (std::size_t i = 0; i < s.en.size(); ++i)
    CHECK(count(html, "id=\"en-" + std::to_string(i) + "\"") == 1);
  CHECK(count(html, "<td class=\"ko\" lang=\"ko\">") == s.alignment.size());
  CHECK(count(html, "<td class=\"en\" lang=\"en\">") == s.alignment.size());

  for (std::size_t fi = 0; fi < s.findings.size(); ++fi) {
    const Finding& f = s.findings[fi];
    const std::string n = std::to_string(fi + 1);
    INFO("finding " << n << " " << f.check);
    CHECK(count(html, "id=\"finding-" + n + "\"") == 1);
    CHECK_THAT(html, Catch::Contains(escaped(f.message)));
    // explained beside every link holding one of its segments
    for (std::size_t l = 0; l < s.alignment.size(); ++l) {
      const Bead& b = s.alignment[l];
      bool touches = false;
      for (auto id : f.ko_ids) touches |= id >= b.ko_begin && id < b.ko_end;
      for (auto id : f.en_ids) touches |= id >= b.en_begin && id < b.en_end;
      CHECK((row(html, l + 1).find("data-f=\"" + n + "\"") != std::string::npos) == touches);
    }
    for (const Span& sp : f.ko_spans)
      CHECK_THAT(html, Catch::Contains(">" + escaped(s.ko.document.view(sp)) + "</mark>"));
    for (const Span& sp : f.en_spans)
      CHECK_THAT(html, Catch::Contains(">" + escaped(s.en.document.view(sp)) + "</mark>"));
  }
  CHECK(count(html, "<mark ") == 14);  // one per evidence span of kSeedEvidence

  // the untranslated sentence, the byline and the web furniture
  CHECK_THAT(row(html, 18), Catch::Contains("class=\"link band-high omission has-major\""));
  CHECK_THAT(row(html, 18), Catch::Contains("no English: omission"));
  CHECK_THAT(row(html, 48), Catch::Contains("omission furniture"));
  CHECK_THAT(row(html, 1), Catch::Contains("<p class=\"seg boilerplate\" id=\"en-0\">"));
  CHECK_THAT(html, Catch::Contains("<div class=\"desc\">web furniture</div>"));
}

TEST_CASE("seed article: the alignment picture has one box per link and a legend",
          "[report][shared]") {
  const Seed s = load_seed();
  Alignment doubtful = s.alignment;
  doubtful[8].confidence = 0.3;  // the 2-1 link
  const ReportInput in{s.ko, s.en, doubtful, s.findings};
  const std::string svg = render_alignment_svg(in, {});
  CHECK(count(svg, "<svg") == 1);
  CHECK(count(svg, "data-link=\"") == s.alignment.size());
  CHECK(count(svg, "fill=\"#cf222e\" data-link") == 1);  // the doubtful link in the low colour
  CHECK_THAT(svg, Catch::Contains("Link confidence"));
  CHECK_THAT(svg, Catch::Contains("link 9 (2-1): Korean 5–6 ↔ English 8, confidence 0.30"));
  const std::string html = render_html(in, {});
  CHECK(count(html, "<svg") == 1);
  CHECK_THAT(html, Catch::Contains(svg));
}

TEST_CASE("seed article: Markdown report", "[report][shared]") {
  const Seed s = load_seed();
  const std::string md = render_markdown({s.ko, s.en, s.alignment, s.findings}, {});
  CHECK_THAT(md, Catch::Contains("| segments | 42 | 48 |"));
  CHECK_THAT(md,
             Catch::Contains("| aligned (in links with both sides) | 40 (95.2%) | 40 (83.3%) |"));
  for (std::size_t fi = 0; fi < s.findings.size(); ++fi)
    CHECK_THAT(md, Catch::Contains("\n" + std::to_string(fi + 1) + ". **" +
                                   std::string(severity_name(s.findings[fi].severity)) + "** `" +
                                   s.findings[fi].check + "`"));
  CHECK_THAT(md,
             Catch::Contains("\n   - **en 28**: President Yoon’s visit to the US, President Yoon’s "
                             "visit to the U.S."));
  // no span: the segment is quoted; finding 13's sub-list is indented past "13. "
  CHECK_THAT(md, Catch::Contains("\n    - **ko 14**: 정부 소식통은"));
  const std::string links = md.substr(md.find("## Links"));
  CHECK(count(links, "\n| ") == s.alignment.size() + 1);
  CHECK_NOTHROW(make_document("report.md", md));
}

TEST_CASE("a report job refuses an unknown format before reading anything", "[report]") {
  ReportJob job;
  job.ko = "/nonexistent/ko.txt";
  job.en = "/nonexistent/en.txt";
  job.format = "pdf";
  CHECK_THROWS_AS(make_report(job), UsageError);
  job.format = "md";
  CHECK_THROWS_AS(make_report(job), IoError);
}

TEST_CASE("seed article: kealign report writes HTML and Markdown, atomically", "[report][shared]") {
  const std::string dir = test::temp_dir();
  const std::string seed = test::shared_dir() + "/seed-article/";
  const std::string pair =
      "--presplit '" + seed + "ko.sents' '" + seed + "en.sents' --alignment '" + seed + "gold.tsv'";
  auto r = test::run_tool("report " + pair + " --format md -o '" + dir + "/r.md'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::string md = test::read_file(dir + "/r.md");
  CHECK_THAT(md, Catch::StartsWith("# Translation QA: ko.sents ↔ en.sents\n"));
  CHECK_THAT(md, Catch::Contains("| segments | 42 | 48 |"));

  r = test::run_tool("report " + pair + " --title 'Dong-A <2023>' -o '" + dir + "/r.html'");
  REQUIRE(r.status == 0);
  const std::string html = test::read_file(dir + "/r.html");
  CHECK_THAT(html, Catch::Contains("<h1>Dong-A &lt;2023&gt;</h1>"));
  // the legend describes every check that reported something
  CHECK(count(html, "<div class=\"desc\">") == count(html, "data-key=\"check:"));

  r = test::run_tool("report --presplit /nonexistent/ko.sents '" + seed + "en.sents' -o '" + dir +
                     "/broken.html'");
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("/nonexistent/ko.sents"));
  CHECK_FALSE(std::ifstream(dir + "/broken.html").good());
}
