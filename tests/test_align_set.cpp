#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "app/align_set_job.hpp"
#include "kealign/error.hpp"
#include "kealign/lexicon.hpp"
#include "test_support.hpp"

using namespace kealign;

namespace {

namespace fs = std::filesystem;

std::string seed(const std::string& name) {
  return test::source_dir() + "/corpora/seed-article/" + name;
}

// A set of three pairs: the seed article, its first lines only, and one in EUC-KR bytes.
std::string make_set() {
  const std::string root = test::temp_dir() + "/set";
  for (const char* doc : {"article", "lead", "legacy"}) fs::create_directories(root + "/" + doc);
  fs::copy_file(seed("ko.txt"), root + "/article/ko.txt");
  fs::copy_file(seed("en.txt"), root + "/article/en.txt");
  const std::string ko = test::read_file(seed("ko.txt")), en = test::read_file(seed("en.txt"));
  test::write_file(root + "/lead/ko.txt", ko.substr(0, ko.find("\n\n", 600)));
  test::write_file(root + "/lead/en.txt", en.substr(0, en.find("\n\n", 900)));
  test::write_file(root + "/legacy/ko.txt", "\xb0\xa1\xb3\xaa.\n");  // 가나 in EUC-KR
  test::write_file(root + "/legacy/en.txt", "Ga na.\n");
  return root;
}

}  // namespace

TEST_CASE("kealign align-set writes what kealign align writes for each pair, and names a bad one",
          "[align_set][cli]") {
  const std::string root = make_set(), out = test::temp_dir() + "/out";
  fs::create_directories(out);
  test::write_file(out + "/legacy.tsv", "stale output of an earlier run\n");
  const test::RunResult r = test::run_tool("align-set " + root + " --out-dir " + out);
  CAPTURE(r.err);
  CHECK(r.status == 1);  // one pair failed, the others are written
  CHECK(r.err.find(root + "/legacy/ko.txt:1: byte 0: invalid UTF-8") != std::string::npos);
  CHECK(r.err.find("align-set: 3 documents") != std::string::npos);
  CHECK(r.err.find("1 failed") != std::string::npos);
  CHECK_FALSE(fs::exists(out + "/legacy.tsv"));  // no stale file passes for this run's
  for (const char* doc : {"article", "lead"}) {
    const std::string dir = root + "/" + doc;
    const test::RunResult one = test::run_tool("align " + dir + "/ko.txt " + dir + "/en.txt");
    REQUIRE(one.status == 0);
    CHECK(test::read_file(out + "/" + doc + ".tsv") == one.out);
  }

  // The thread count does not change a byte; --encoding reads the legacy pair.
  const std::string one_thread = test::temp_dir() + "/one";
  CHECK(test::run_tool("align-set --threads 1 " + root + " --out-dir " + one_thread).status == 1);
  for (const char* doc : {"article", "lead"})
    CHECK(test::read_file(one_thread + "/" + doc + ".tsv") ==
          test::read_file(out + "/" + doc + ".tsv"));
  const std::string all = test::temp_dir() + "/all";
  const test::RunResult legacy =
      test::run_tool("align-set --ko-encoding cp949 " + root + " --out-dir " + all);
  CHECK(legacy.status == 1);  // now the seed article's UTF-8 Korean is the bad one
  CHECK(legacy.err.find(root + "/article/ko.txt:1: byte 0") != std::string::npos);
  CHECK(legacy.err.find("the file is UTF-8") != std::string::npos);
  CHECK(fs::exists(all + "/legacy.tsv"));
}

TEST_CASE("kealign align-set: bad sets and options are clear errors", "[align_set][cli]") {
  const std::string root = make_set(), out = test::temp_dir() + "/out";
  fs::remove(root + "/lead/en.txt");
  test::RunResult r = test::run_tool("align-set " + root + " --out-dir " + out);
  CHECK(r.status == 1);  // checked before any pair is aligned
  CHECK(r.err.find(root + "/lead/en.txt: missing") != std::string::npos);
  CHECK_FALSE(fs::exists(out + "/article.tsv"));
  CHECK(test::run_tool("align-set " + root + "/article --out-dir " + out).status == 1);
  CHECK(test::run_tool("align-set " + root + "/none --out-dir " + out).status == 1);
  r = test::run_tool("align-set --learn-lexicon --lexicon x.tsv " + root + " --out-dir " + out);
  CHECK(r.status == 2);
  CHECK(r.err.find("exclude each other") != std::string::npos);
  CHECK(test::run_tool("align-set " + root).status != 0);  // --out-dir is required
  fs::rename(root + "/article", root + "/lexicon");
  fs::remove_all(root + "/lead");
  r = test::run_tool("align-set --learn-lexicon " + root + " --out-dir " + out);
  CHECK(r.status == 1);
  CHECK(r.err.find(root + "/lexicon: a pair named lexicon") != std::string::npos);
}

TEST_CASE("align-set --learn-lexicon: the set's own lexicon, then each pair aligned with it",
          "[align_set][shared]") {
  const std::string docs = test::shared_dir() + "/corpora/bleualign-textberg-de-fr/docs";
  const std::string root = test::temp_dir() + "/textberg", out = test::temp_dir() + "/tb";
  fs::create_directories(root);
  for (const char* doc : {"dev", "test4"})
    fs::create_directory_symlink(docs + "/" + doc, root + "/" + doc);
  AlignSetJob job;
  job.root = root;
  job.names = {"src", "tgt"};
  job.pair.presplit = true;
  job.pair.flags = false;
  job.pair.allow_unrelated = true;
  job.learn_lexicon = true;
  job.out_dir = out;
  job.threads = 2;
  const AlignSetSummary s = run_align_set_job(job);
  CHECK(s.documents == 2);
  CHECK(s.failures.empty());
  REQUIRE(s.lexicon == out + "/lexicon.tsv");
  const test::RunResult learnt = test::run_tool("lexicon --presplit --names src tgt " + root);
  CHECK(test::read_file(s.lexicon) == learnt.out);  // the same as kealign lexicon
  const test::RunResult one =
      test::run_tool("align --presplit --no-flags --allow-unrelated --lexicon " + s.lexicon + " " +
                     root + "/test4/src.sents " + root + "/test4/tgt.sents");
  REQUIRE(one.status == 0);
  CHECK(test::read_file(out + "/test4.tsv") == one.out);
  CHECK(s.links > 0);
}
