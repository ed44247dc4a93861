// `kealign run` on the bundled seed article: three outputs from one analysis, consistent with each
// other, and nothing written when an input is bad.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>

#include "app/run_job.hpp"
#include "kealign/align.hpp"
#include "kealign/error.hpp"
#include "test_support.hpp"

using namespace kealign;
namespace fs = std::filesystem;

namespace {

std::string seed(const std::string& name) {
  return test::source_dir() + "/corpora/seed-article/" + name;
}

}  // namespace

TEST_CASE("run writes aligned TSV, findings and report for the seed article", "[run]") {
  RunJob job;
  job.ko = seed("ko.txt");
  job.en = seed("en.txt");
  job.out_dir = test::temp_dir() + "/out";
  run_job(job);

  const std::string aligned = test::read_file(job.out_dir + "/aligned.tsv");
  const std::vector<Link> links = parse_links(aligned, "aligned.tsv");
  // Every segment of the gold split (which the splitter reproduces) is in exactly one row.
  const Alignment beads = to_alignment(links, test::read_lines(seed("ko.sents")).size(),
                                       test::read_lines(seed("en.sents")).size(), "aligned.tsv");
  CHECK(beads.size() == links.size());

  // The flags column names the checks the findings file reports on that link.
  std::istringstream rows(aligned);
  std::string row;
  std::getline(rows, row);
  CHECK(row == "ko_ids\ten_ids\tko\ten\tscore\tflags");
  std::set<std::string> flagged;
  while (std::getline(rows, row)) {
    const std::string flags = row.substr(row.rfind('\t') + 1);
    std::istringstream ids(flags);
    for (std::string id; std::getline(ids, id, ',');) flagged.insert(id);
  }
  const std::string findings = test::read_file(job.out_dir + "/findings.tsv");
  CHECK(findings.rfind("ko_ids\ten_ids\tcheck\tseverity\tmessage\n", 0) == 0);
  for (const char* check :
       {"boilerplate", "omission", "duplication", "quote-balance", "truncation"}) {
    INFO(check);
    CHECK(flagged.count(check) == 1);
    CHECK(findings.find(std::string("\t") + check + "\t") != std::string::npos);
  }

  const std::string html = test::read_file(job.out_dir + "/report.html");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("ROK-US chief-level ROK-US") != std::string::npos);
}

TEST_CASE("run on a bad input writes nothing and names the file", "[run]") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/bad.txt", "좋은 문장.\n\xFF\n");
  RunJob job;
  job.ko = dir + "/bad.txt";
  job.en = seed("en.txt");
  job.out_dir = dir + "/out";
  CHECK_THROWS_WITH(run_job(job), Catch::Contains("bad.txt:2: byte 15"));
  CHECK_FALSE(fs::exists(job.out_dir + "/aligned.tsv"));
  CHECK_FALSE(fs::exists(job.out_dir + "/report.html"));
}

TEST_CASE("swapped inputs are refused, other language pairs pass", "[run]") {
  RunJob job;
  job.ko = seed("en.txt");
  job.en = seed("ko.txt");
  job.out_dir = test::temp_dir() + "/out";
  CHECK_THROWS_WITH(run_job(job), Catch::Contains("are KO and EN swapped?"));
  CHECK_FALSE(fs::exists(job.out_dir));
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/de.txt", "Der Berg ist hoch.\nWir steigen auf.\n");
  test::write_file(dir + "/fr.txt", "La montagne est haute.\nNous montons.\n");
  job.ko = dir + "/de.txt";
  job.en = dir + "/fr.txt";
  CHECK_NOTHROW(run_job(job));
}
