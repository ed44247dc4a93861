// The HTML report as a real browser sees it: headless Chromium parses the page, runs its script and
// dumps the resulting DOM. Without Chromium (KEALIGN_CHROMIUM or /usr/bin/chromium) every case
// reports "skipped" through exit code 77.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <regex>

#include "app/io.hpp"
#include "kealign/report.hpp"
#include "report_test_data.hpp"
#include "test_support.hpp"

using namespace kealign;
using kealign::test::count;

namespace {

constexpr int kSkipped = 77;
constexpr int kBrowserSeconds = 60;  // a hung browser fails the case instead of the whole run

std::string chromium() {
  const char* env = std::getenv("KEALIGN_CHROMIUM");
  const std::string path = env ? env : "/usr/bin/chromium";
  if (::access(path.c_str(), X_OK) != 0) {
    std::cout << "skipped: no Chromium at " << path << " (set KEALIGN_CHROMIUM)\n";
    std::exit(kSkipped);
  }
  return path;
}

// The DOM after load and scripts, as Chromium serialises it.
std::string dump_dom(const std::string& html) {
  const std::string browser = chromium();
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/report.html", html);
  const std::string cmd =
      "timeout " + std::to_string(kBrowserSeconds) + " '" + browser +
      "' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir='" +
      dir + "/profile' --dump-dom 'file://" + dir + "/report.html' >'" + dir + "/dom.html' 2>'" +
      dir + "/err.txt'";
  const int status = std::system(cmd.c_str());
  INFO(test::read_file(dir + "/err.txt"));
  REQUIRE(status == 0);
  return test::read_file(dir + "/dom.html");
}

std::string shown_text(const std::string& dom) {
  std::smatch m;
  REQUIRE(std::regex_search(dom, m, std::regex(R"(<span id="shown">([^<]*)</span>)")));
  return m[1].str();
}

}  // namespace

TEST_CASE("the browser reads hostile text as text, and the filter script runs", "[report]") {
  test::Hostile h;
  const std::string dom = dump_dom(render_html({h.ko, h.en, h.alignment, h.findings}, {}));
  CHECK_THAT(dom, Catch::Contains("<html lang=\"en\" class=\"\""));  // the script removed no-js
  CHECK(shown_text(dom) == "2 of 2 findings shown");
  CHECK(dom.find("<b>hello") == std::string::npos);
  CHECK(dom.find("<script>alert") == std::string::npos);
  CHECK_THAT(dom, Catch::Contains("&lt;b&gt;hello&lt;/b&gt;"));
  CHECK(count(dom, "<mark ") == 1);
}

TEST_CASE("seed article: the rendered page holds every finding and segment", "[report][shared]") {
  const test::Seed s = test::load_seed();
  const std::string html = render_html({s.ko, s.en, s.alignment, s.findings}, {});
  const std::string dom = dump_dom(html);
  for (std::size_t fi = 1; fi <= s.findings.size(); ++fi)
    CHECK(count(dom, "id=\"finding-" + std::to_string(fi) + "\"") == 1);
  CHECK(count(dom, "<mark ") == 14);
  CHECK(count(dom, "<tr id=\"link-") == s.alignment.size());
  CHECK(count(dom, "id=\"ko-") == s.ko.size());
  CHECK(count(dom, "id=\"en-") == s.en.size());
  // nothing hidden or dimmed until the reader filters
  CHECK_FALSE(std::regex_search(dom, std::regex(R"(class="[^"]*\b(off|dim)\b)")));
  CHECK(shown_text(dom) == "21 of 21 findings shown");

  // A reader switches info findings off, asks for flagged links only, then presses j twice: from
  // the top of the page to the first shown flagged link (2), then the next (8).
  const std::string actions =
      "<script>document.querySelector('input[data-key=\"severity:info\"]').click();"
      "document.getElementById('only-flagged').click();"
      "for(var i=0;i<2;i++)document.dispatchEvent(new KeyboardEvent('keydown',{key:'j'}));"
      "</script></body>";
  std::string filtered = html;
  filtered.replace(filtered.rfind("</body>"), 7, actions);
  const std::string after = dump_dom(filtered);
  CHECK(shown_text(after) == "18 of 21 findings shown");
  const std::regex hidden_row(R"(<tr id="link-[0-9]+" class="[^"]*\boff\b)");
  const auto hidden = std::distance(std::sregex_iterator(after.begin(), after.end(), hidden_row),
                                    std::sregex_iterator());
  // rows without findings, and the nine furniture links whose only findings are boilerplate
  CHECK(hidden == static_cast<long>(count(html, "data-fs=\"\"><th")) + 9);
  CHECK(count(after, "class=\"finding sev-info off\"") == 3);
  std::smatch m;
  const std::regex current(R"re(<tr id="link-([0-9]+)" class="[^"]*\bcurrent\b)re");
  REQUIRE(std::regex_search(after, m, current));
  CHECK(m[1].str() == "8");
}

TEST_CASE("seed article: kealign report writes a page the browser renders", "[report][shared]") {
  const std::string dir = test::temp_dir();
  const std::string seed = test::shared_dir() + "/seed-article/";
  const auto r =
      test::run_tool("report --presplit '" + seed + "ko.sents' '" + seed +
                     "en.sents' --alignment '" + seed + "gold.tsv' -o '" + dir + "/r.html'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::string html = test::read_file(dir + "/r.html");
  // Each finding is an <li value="RANK" id="finding-N">: the list is ordered by confidence.
  const std::size_t findings = count(html, "\" id=\"finding-");
  CHECK(findings >= 10);  // the rule-based gold findings of the seed article, at least
  const std::string dom = dump_dom(html);
  CHECK(shown_text(dom) ==
        std::to_string(findings) + " of " + std::to_string(findings) + " findings shown");
  CHECK(count(dom, "\" id=\"finding-") == findings);
  CHECK(count(dom, "<svg") == 1);
}
