#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <nlohmann/json.hpp>

#include "kealign/text.hpp"
#include "test_support.hpp"

using namespace kealign;
using Json = nlohmann::json;

namespace {

namespace fs = std::filesystem;

std::string seed(const std::string& name) {
  return test::source_dir() + "/corpora/seed-article/" + name;
}

// Runs a shell command line (the tool is $KEALIGN); returns its exit status.
int shell(const std::string& script) {
  const std::string cmd = "KEALIGN='" + std::string(KEALIGN_TOOL) + "' bash -c '" + script + "'";
  const int raw = std::system(cmd.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

// `kealign stream ARGS < input`: status, standard output, standard error.
test::RunResult stream(const std::string& args, const std::string& input) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/in", input);
  test::RunResult r;
  r.status =
      shell("\"$KEALIGN\" stream " + args + " <" + dir + "/in >" + dir + "/out 2>" + dir + "/err");
  r.out = test::read_file(dir + "/out");
  r.err = test::read_file(dir + "/err");
  return r;
}

std::vector<Json> records(const std::string& out) {
  std::vector<Json> list;
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t end = out.find('\n', start);
    REQUIRE(end != std::string::npos);  // every record ends its line
    list.push_back(Json::parse(out.substr(start, end - start)));
    start = end + 1;
  }
  return list;
}

std::string joined(const Json& ids) {
  std::string out;
  for (const Json& id : ids) out += (out.empty() ? "" : ",") + std::to_string(id.get<int>());
  return out;
}

// The record's links as `kealign align` writes them (aligned TSV).
std::string as_aligned_tsv(const Json& record) {
  std::string out = "ko_ids\ten_ids\tko\ten\tscore\tflags\n";
  for (const Json& link : record.at("links")) {
    std::string flags;
    for (const Json& f : link.at("flags"))
      flags += (flags.empty() ? "" : ",") + f.get<std::string>();
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", link.at("confidence").get<double>());
    out += joined(link.at("ko_ids")) + '\t' + joined(link.at("en_ids")) + '\t' +
           escape_tsv(link.at("ko").get<std::string>()) + '\t' +
           escape_tsv(link.at("en").get<std::string>()) + '\t' + score + '\t' + flags + '\n';
  }
  return out;
}

std::string segments(const std::string& path) {
  Json list = Json::array();
  for (const std::string& line : test::read_lines(path)) list.push_back(line);
  return list.dump();
}

std::string base64(const std::string& bytes) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t k = 0;
  for (; k + 2 < bytes.size(); k += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[k]) << 16) |
                       (static_cast<unsigned char>(bytes[k + 1]) << 8) |
                       static_cast<unsigned char>(bytes[k + 2]);
    for (int s = 18; s >= 0; s -= 6) out += digits[(v >> s) & 63];
  }
  if (k + 1 == bytes.size()) {
    const unsigned v = static_cast<unsigned char>(bytes[k]) << 16;
    out += std::string{digits[(v >> 18) & 63], digits[(v >> 12) & 63]} + "==";
  } else if (k + 2 == bytes.size()) {
    const unsigned v = (static_cast<unsigned char>(bytes[k]) << 16) |
                       (static_cast<unsigned char>(bytes[k + 1]) << 8);
    out += std::string{digits[(v >> 18) & 63], digits[(v >> 12) & 63], digits[(v >> 6) & 63]} + "=";
  }
  return out;
}

// JSON Lines of good and bad records around the seed article.
std::string mixed_input() {
  const std::string ko = test::read_file(seed("ko.txt")), en = test::read_file(seed("en.txt"));
  const std::string lead_ko = ko.substr(0, ko.find("\n\n", 600));
  const std::string lead_en = en.substr(0, en.find("\n\n", 900));
  std::string in;
  in += Json{{"id", "paths"},
             {"ko_path", seed("ko.txt")},
             {"en_path", seed("en.txt")},
             {"source", "seed"}}
            .dump() +
        '\n';
  in += Json{{"id", 2}, {"ko", ko}, {"en", en}}.dump() + '\n';
  in += R"({"id":"sents","ko":)" + segments(seed("ko.sents")) + R"(,"en":)" +
        segments(seed("en.sents")) + "}\n";
  in += Json{{"id", "missing"}, {"ko_path", "/nonexistent/ko.txt"}, {"en_path", seed("en.txt")}}
            .dump() +
        '\n';
  in += "{\"id\": \"broken\", \"ko\": \n";
  in += Json{{"id", "empty"}, {"ko", ""}, {"en", lead_en}}.dump() + '\n';
  in += "\n";
  in += Json{{"id", "lead"}, {"ko", lead_ko}, {"en", lead_en}}.dump() + '\n';
  in +=
      Json{{"ko", "\xea\xb0\x80\xeb\x82\x98.\n"}, {"en", "Ga na.\n"}, {"n", nullptr}}.dump() + '\n';
  return in;
}

}  // namespace

TEST_CASE("kealign stream: one record per input line, in order; bad records name their line",
          "[stream][cli]") {
  const test::RunResult r = stream("--threads 2", mixed_input());
  CAPTURE(r.err);
  CHECK(r.status == 1);  // some records failed, every one is written
  CHECK(r.err.find("4 of 9 records failed") != std::string::npos);
  const std::vector<Json> out = records(r.out);
  REQUIRE(out.size() == 9);
  for (std::size_t k = 0; k < out.size(); ++k) CHECK(out[k].at("line") == k + 1);

  const test::RunResult txt = test::run_tool("align " + seed("ko.txt") + " " + seed("en.txt"));
  const test::RunResult sents =
      test::run_tool("align --presplit " + seed("ko.sents") + " " + seed("en.sents"));
  REQUIRE(txt.status == 0);
  REQUIRE(sents.status == 0);
  CHECK(out[0].at("id") == "paths");
  CHECK(out[0].at("source") == "seed");  // other keys pass through
  CHECK(out[0].at("status") == "ok");
  CHECK(as_aligned_tsv(out[0]) == txt.out);
  CHECK(out[1].at("id") == 2);
  CHECK(as_aligned_tsv(out[1]) == txt.out);  // inline text: the same links
  CHECK(out[2].at("status") == "ok");
  CHECK(as_aligned_tsv(out[2]) == sents.out);  // arrays are segments
  CHECK(out[0].at("relatedness").at("related") == true);
  CHECK(out[0].at("findings").size() > 0);
  // Each finding as `kealign check --format json` gives it: confidence and evidence included.
  const test::RunResult check =
      test::run_tool("check --format json " + seed("ko.txt") + " " + seed("en.txt"));
  REQUIRE(check.status == 0);
  const Json cli = Json::parse(check.out).at("findings");
  const Json& streamed = out[0].at("findings");
  REQUIRE(streamed.size() == cli.size());
  bool any_evidence = false;
  for (std::size_t k = 0; k < cli.size(); ++k) {
    CAPTURE(k);
    for (const char* key : {"check", "severity", "confidence", "message", "evidence"})
      CHECK(streamed[k].at(key) == cli[k].at(key));
    any_evidence = any_evidence || !streamed[k].at("evidence").empty();
  }
  CHECK(any_evidence);

  CHECK(out[3].at("status") == "error");
  CHECK(out[3].at("error").get<std::string>().find("<stdin>:4: /nonexistent/ko.txt") == 0);
  CHECK(out[4].at("error").get<std::string>().find("<stdin>:5: malformed JSON") == 0);
  CHECK(out[5].at("id") == "empty");
  CHECK(out[5].at("error").get<std::string>().find("<stdin>:6: ko: no text") == 0);
  CHECK(out[6].at("error") == "<stdin>:7: empty line");
  CHECK(out[7].at("status") == "ok");
  CHECK(out[8].at("status") == "ok");
  CHECK(out[8].at("n").is_null());
  CHECK(out[8].at("links").size() == 1);

  // One thread writes the same bytes; so does a run without a failure (exit status 0).
  CHECK(stream("--threads 1 --window 1", mixed_input()).out == r.out);
  std::string good = mixed_input();
  good.resize(good.find('\n', good.find('\n', good.find('\n') + 1) + 1) + 1);  // 3 records
  const test::RunResult ok = stream("", good);
  CHECK(ok.status == 0);
  CHECK(ok.err.empty());  // no progress line when standard error is not a terminal
  CHECK(ok.out == r.out.substr(0, ok.out.size()));
}

TEST_CASE("kealign stream: TSV with a header, base64 texts, columns passed through",
          "[stream][cli]") {
  const std::string ko = test::read_file(seed("ko.txt")), en = test::read_file(seed("en.txt"));
  std::string in = "src_url\ttrg_url\tsrc_text\ttrg_text\tbatch\n";
  in += "ko.html\ten.html\t" + base64(ko) + '\t' + base64(en) + "\t7\n";
  in += "bad.ko\tbad.en\t" + base64("\xb0\xa1\xb3\xaa.\n") + '\t' + base64("Ga na.\n") + "\t7\n";
  in += "short\trow\n";
  in += "x\ty\t!!\t" + base64("Ga na.\n") + "\t7\n";
  const test::RunResult r = stream("--base64", in);
  CHECK(r.status == 1);
  const std::vector<Json> out = records(r.out);
  REQUIRE(out.size() == 4);
  CHECK(out[0].at("src_url") == "ko.html");
  CHECK(out[0].at("trg_url") == "en.html");
  CHECK(out[0].at("batch") == "7");
  CHECK(out[0].at("line") == 2);
  CHECK(out[0].count("src_text") == 0);
  const test::RunResult txt = test::run_tool("align " + seed("ko.txt") + " " + seed("en.txt"));
  CHECK(as_aligned_tsv(out[0]) == txt.out);
  CHECK(out[1].at("error").get<std::string>().find("<stdin>:3: ko:1: byte 0: invalid UTF-8") == 0);
  CHECK(out[2].at("error") == "<stdin>:4: 2 cells where the header has 5");
  CHECK(out[3].at("error") == "<stdin>:5: src_text: not base64 at byte 0");

  // Escaped text instead of base64, other column names.
  const test::RunResult plain = stream("--ko-column k --en-column e",
                                       "k\te\n" + escape_tsv(ko) + '\t' + escape_tsv(en) + '\n');
  CHECK(plain.status == 0);
  REQUIRE(records(plain.out).size() == 1);
  CHECK(as_aligned_tsv(records(plain.out)[0]) == txt.out);
  const test::RunResult no_column = stream("", "a\tb\nx\ty\n");
  CHECK(no_column.status == 2);
  CHECK(no_column.err.find("neither a src_text nor a ko_path column") != std::string::npos);
}

TEST_CASE("kealign stream: chunks in separate processes give the bytes of one process",
          "[stream][cli]") {
  const std::string dir = test::temp_dir();
  std::string in;
  for (int k = 0; k < 4; ++k) in += mixed_input();  // 36 records, some bad
  test::write_file(dir + "/in.jsonl", in);
  REQUIRE(shell("\"$KEALIGN\" stream --threads 2 <" + dir + "/in.jsonl >" + dir + "/one") == 1);
  // Chunks of 5 lines, each a process of its own, told its first line; then concatenated.
  REQUIRE(shell("cd " + dir + " && split -l 5 -d in.jsonl chunk. && n=1 && for c in chunk.*; do " +
                "\"$KEALIGN\" stream --threads 1 --first-line $n <$c >>split.out; " +
                "n=$((n+5)); done; true") == 0);
  CHECK(test::read_file(dir + "/split.out") == test::read_file(dir + "/one"));
  if (shell("command -v parallel >/dev/null") == 0) {
    // {#} is the job number: chunk k starts at line 5(k-1)+1.
    test::write_file(dir + "/chunk.sh",
                     "exec \"$KEALIGN\" stream --threads 1 --first-line $(( ($1 - 1) * 5 + 1 ))\n");
    // GNU parallel --pipe -N moves a blank line that would start a chunk to the chunk before, so
    // the line numbers are exact only for input without blank lines.
    REQUIRE(shell("cd " + dir + " && grep -v \"^\\$\" in.jsonl >full.jsonl; " +
                  "\"$KEALIGN\" stream --threads 2 <full.jsonl >full.out; " +
                  "parallel --will-cite --pipe -N 5 -k -j 2 bash chunk.sh {#} " +
                  "<full.jsonl >parallel.out; true") == 0);
    CHECK(test::read_file(dir + "/full.out").size() > 0);
    CHECK(test::read_file(dir + "/parallel.out") == test::read_file(dir + "/full.out"));
  } else {
    WARN("GNU parallel not installed: chunks checked with split only");
  }
}

TEST_CASE("kealign stream over LibreOffice pages: the links of align-set, any thread count",
          "[stream][shared]") {
  const std::string lo = test::shared_dir() + "/corpora/libreoffice-help-ko-en";
  const std::string root = test::temp_dir() + "/lo", aligned = test::temp_dir() + "/aligned";
  fs::create_directories(root);
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(lo))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  names.resize(std::min<std::size_t>(names.size(), 60));
  std::string in;
  for (const std::string& name : names) {
    fs::create_directory_symlink(lo + "/" + name, root + "/" + name);
    in += Json{{"id", name},
               {"ko_path", lo + "/" + name + "/ko.txt"},
               {"en_path", lo + "/" + name + "/en.txt"}}
              .dump() +
          '\n';
  }
  REQUIRE(test::run_tool("align-set " + root + " --out-dir " + aligned).status == 0);
  const test::RunResult two = stream("--threads 2", in);
  REQUIRE(two.status == 0);
  const std::vector<Json> out = records(two.out);
  REQUIRE(out.size() == names.size());
  for (std::size_t k = 0; k < names.size(); ++k) {
    CAPTURE(names[k]);
    CHECK(out[k].at("id") == names[k]);
    CHECK(as_aligned_tsv(out[k]) == test::read_file(aligned + "/" + names[k] + ".tsv"));
  }
  CHECK(stream("--threads 1", in).out == two.out);
}

TEST_CASE("kealign stream: memory is bounded by the records in flight, not the input",
          "[stream][cli]") {
  if (shell("test -x /usr/bin/time") != 0) {
    WARN("/usr/bin/time not installed: peak memory not measured");
    return;
  }
  // 400 records of 128 KB each (51 MB), each failing fast on a missing English file.
  const std::string dir = test::temp_dir();
  std::string text;
  while (text.size() < 128 * 1024) text += "가나다라마바사아자차카타파하. ";
  const std::string record = Json{{"ko", text}, {"en_path", dir + "/missing.txt"}}.dump() + '\n';
  std::string in;
  for (int k = 0; k < 400; ++k) in += record;
  test::write_file(dir + "/big.jsonl", in);
  REQUIRE(shell("/usr/bin/time -f %M -o " + dir + "/rss \"$KEALIGN\" stream --threads 2 <" + dir +
                "/big.jsonl >" + dir + "/out 2>/dev/null; true") == 0);
  // GNU time writes "Command exited with non-zero status 1" first: the figure is the last line.
  const std::size_t peak_kb = std::stoul(test::read_lines(dir + "/rss").back());
  CAPTURE(peak_kb);
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer keeps freed memory in quarantine and adds shadow memory (about 90 MB
  // resident before the first record): the peak measures the instrumentation, not the stream.
  WARN("instrumented build: peak memory " << peak_kb << " KB not checked");
#else
  CHECK(peak_kb < 30 * 1024);  // the whole input would be 51 MB
#endif
  CHECK(test::read_lines(dir + "/out").size() == 400);
}
