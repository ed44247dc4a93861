// End-to-end bad-input tests of the `kealign` tool: every subcommand that reads documents must
// refuse bad input with one line on stderr naming file, line and byte, a non-zero exit and no
// output file, and must treat empty, BOM and CRLF input as ordinary text.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>

#include "kealign/version.hpp"
#include "test_support.hpp"

using namespace kealign;
namespace fs = std::filesystem;

namespace {

const std::string kKo = test::kSampleKo;
const std::string kEn = test::kSampleEn;

// True when `kealign --help` lists the subcommand (subcommands land as their owners finish).
bool has_command(const std::string& name) {
  static const std::string help = test::run_tool("--help").out;
  return help.find("\n  " + name + " ") != std::string::npos;
}

std::string sh_quote(const std::string& path) {
  return test::shell_quote(path);
}

// How each document-reading subcommand is called with one input under test: the other input (if
// any) is a good file, the output goes to OUT.
using S = const std::string&;

struct Command {
  const char* name;
  std::function<std::string(const std::string& input, const std::string& good_ko,
                            const std::string& good_en, const std::string& out)>
      args;
};

const Command kCommands[] = {
    {"split",
     [](S in, S, S, S out) { return "split --lang ko " + sh_quote(in) + " -o " + sh_quote(out); }},
    {"align",
     [](S in, S, S en, S out) {
       return "align " + sh_quote(in) + " " + sh_quote(en) + " -o " + sh_quote(out);
     }},
    {"align",
     [](S in, S ko, S, S out) {
       return "align " + sh_quote(ko) + " " + sh_quote(in) + " -o " + sh_quote(out);
     }},
    {"check",
     [](S in, S, S en, S out) {
       return "check " + sh_quote(in) + " " + sh_quote(en) + " -o " + sh_quote(out);
     }},
    {"report",
     [](S in, S ko, S, S out) {
       return "report " + sh_quote(ko) + " " + sh_quote(in) + " -o " + sh_quote(out);
     }},
};

struct Fixture {
  std::string dir = test::temp_dir();
  std::string ko = dir + "/ko.txt";
  std::string en = dir + "/en.txt";
  std::string out_dir = dir + "/out";
  std::string out = out_dir + "/result";
  Fixture() {
    test::write_file(ko, kKo);
    test::write_file(en, kEn);
    fs::create_directory(out_dir);
  }
  bool out_dir_empty() const { return fs::is_empty(out_dir); }
};

std::size_t count_lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("bad input: one-line error naming file, line and byte; no output file", "[cli]") {
  const struct {
    const char* what;
    std::string bytes;
    std::string where;  // expected after the file name in the message
    const char* says;
  } table[] = {
      {"invalid UTF-8",
       "첫 줄.\nab\x80"
       "cd\n",
       ":2: byte 11: ", "invalid UTF-8"},
      {"NUL byte", std::string("abc\n\0def\n", 9), ":2: byte 4: ", "NUL byte"},
      // "한국어 문장" in EUC-KR
      {"EUC-KR without --encoding", "\xC7\xD1\xB1\xB9\xBE\xEE \xB9\xAE\xC0\xE5\n",
       ":1: byte 0: ", "--encoding cp949"},
      {"truncated UTF-8 at the end", "끝\xEB\x82", ":1: byte 3: ", "invalid UTF-8"},
  };
  for (const Command& c : kCommands) {
    if (!has_command(c.name)) continue;
    for (const auto& t : table) {
      Fixture f;
      const std::string bad = f.dir + "/bad input.txt";
      test::write_file(bad, t.bytes);
      const std::string args = c.args(bad, f.ko, f.en, f.out);
      INFO(t.what << ": kealign " << args);
      const test::RunResult r = test::run_tool(args);
      CHECK(r.status != 0);
      CHECK(count_lines(r.err) == 1);
      CHECK_THAT(r.err, Catch::Contains(bad + t.where));
      CHECK_THAT(r.err, Catch::Contains(t.says));
      CHECK(f.out_dir_empty());
    }
  }
}

TEST_CASE("a missing input file is a one-line error naming it", "[cli]") {
  for (const Command& c : kCommands) {
    if (!has_command(c.name)) continue;
    Fixture f;
    const std::string missing = f.dir + "/no such file.txt";
    const std::string args = c.args(missing, f.ko, f.en, f.out);
    INFO("kealign " << args);
    const test::RunResult r = test::run_tool(args);
    CHECK(r.status != 0);
    CHECK(count_lines(r.err) == 1);
    CHECK_THAT(r.err, Catch::Contains(missing));
    CHECK(f.out_dir_empty());
  }
}

TEST_CASE("bad options are one-line usage errors", "[cli]") {
  Fixture f;
  const struct {
    const char* command;
    std::string args;
    const char* says;
  } table[] = {
      {"split", "split --lang xx " + sh_quote(f.ko) + " -o " + sh_quote(f.out),
       "unknown language 'xx'"},
      {"split", "split --lang ko --encoding latin-9 " + sh_quote(f.ko) + " -o " + sh_quote(f.out),
       "latin-9"},
      {"align",
       "align --encoding latin-9 " + sh_quote(f.ko) + " " + sh_quote(f.en) + " -o " +
           sh_quote(f.out),
       "latin-9"},
      {"eval", "eval --task nonsense " + sh_quote(f.ko), "nonsense"},
      {"eval", "eval --task split-set " + sh_quote(f.dir), "--lang"},
      {"eval", "eval " + sh_quote(f.ko), "--gold"},
  };
  for (const auto& t : table) {
    if (!has_command(t.command)) continue;
    INFO("kealign " << t.args);
    const test::RunResult r = test::run_tool(t.args);
    CHECK(r.status != 0);
    CHECK(count_lines(r.err) <= 2);  // CLI11 may add "Run with --help for more information."
    CHECK_THAT(r.err, Catch::Contains(t.says));
    CHECK(f.out_dir_empty());
  }
}

TEST_CASE("empty input: no segments, exit 0", "[cli]") {
  Fixture f;
  const std::string empty = f.dir + "/empty.txt";
  test::write_file(empty, "");
  if (has_command("split")) {
    for (const char* lang : {"ko", "en"}) {
      const test::RunResult r =
          test::run_tool("split --lang " + std::string(lang) + " " + sh_quote(empty));
      CHECK(r.status == 0);
      CHECK(r.out.empty());
      CHECK(r.err.empty());
    }
  }
  if (has_command("align")) {
    const std::string empty_en = f.dir + "/empty-en.txt";  // the same file twice is refused
    test::write_file(empty_en, "");
    const test::RunResult r = test::run_tool("align " + sh_quote(empty) + " " + sh_quote(empty_en));
    CHECK(r.status == 0);
    CHECK(count_lines(r.out) <= 1);  // at most the header row
  }
  if (has_command("eval")) {
    const test::RunResult r =
        test::run_tool("eval --gold " + sh_quote(empty) + " " + sh_quote(empty));
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("strict_f1: 0.0000"));
  }
}

TEST_CASE("one side empty: refused naming the empty file, unless --allow-unrelated", "[cli]") {
  Fixture f;
  const std::string empty = f.dir + "/empty.txt";
  test::write_file(empty, "\n\n");
  for (const std::string cmd : {"align", "check", "report"}) {
    if (!has_command(cmd)) continue;
    INFO(cmd);
    for (const bool ko_empty : {true, false}) {
      const std::string pair = ko_empty ? sh_quote(empty) + " " + sh_quote(f.en)
                                        : sh_quote(f.ko) + " " + sh_quote(empty);
      const test::RunResult refused = test::run_tool(cmd + " " + pair + " -o " + sh_quote(f.out));
      CHECK(refused.status != 0);
      CHECK_THAT(refused.err, Catch::StartsWith("kealign: " + empty + ": no text, while "));
      CHECK(f.out_dir_empty());
    }
  }
  if (has_command("align")) {
    const test::RunResult r =
        test::run_tool("align --allow-unrelated " + sh_quote(empty) + " " + sh_quote(f.en));
    CHECK(r.status == 0);
    CHECK(count_lines(r.out) == 1 + 3);  // the header and the three English segments, unaligned
  }
}

TEST_CASE("BOM and CRLF input give the same segments as plain LF input", "[cli]") {
  const std::string ko_crlf =
      "서울에서 회담이 열렸다. 양측은 합의했다.\r\n\r\n다음 달에 다시 만난다.\r\n";
  const std::string en_crlf =
      "Talks were held in Seoul. Both sides agreed.\r\n\r\nThey meet again next month.\r\n";
  const std::string bom = "\xEF\xBB\xBF";
  const struct {
    const char* what;
    std::string ko, en;
  } table[] = {
      {"BOM", bom + kKo, bom + kEn},
      {"CRLF", ko_crlf, en_crlf},
      {"BOM and CRLF", bom + ko_crlf, bom + en_crlf},
      {"no final newline", kKo.substr(0, kKo.size() - 1), kEn.substr(0, kEn.size() - 1)},
  };
  Fixture f;
  const std::string plain_ko =
      has_command("split") ? test::run_tool("split --lang ko " + sh_quote(f.ko)).out : "";
  const std::string plain_en =
      has_command("split") ? test::run_tool("split --lang en " + sh_quote(f.en)).out : "";
  const std::string plain_align =
      has_command("align") ? test::run_tool("align " + sh_quote(f.ko) + " " + sh_quote(f.en)).out
                           : "";
  CHECK(count_lines(plain_ko) == 3);
  for (const auto& t : table) {
    INFO(t.what);
    const std::string ko = f.dir + "/variant_ko.txt", en = f.dir + "/variant_en.txt";
    test::write_file(ko, t.ko);
    test::write_file(en, t.en);
    if (has_command("split")) {
      CHECK(test::run_tool("split --lang ko " + sh_quote(ko)).out == plain_ko);
      CHECK(test::run_tool("split --lang en " + sh_quote(en)).out == plain_en);
    }
    if (has_command("align"))
      CHECK(test::run_tool("align " + sh_quote(ko) + " " + sh_quote(en)).out == plain_align);
  }
}

TEST_CASE("a legacy-encoded Korean input beside a UTF-8 English one", "[cli]") {
  if (!has_command("align")) return;
  Fixture f;
  const std::string ko_legacy = f.dir + "/ko-euckr.txt", ko_utf8 = f.dir + "/ko-utf8.txt";
  const std::string en = f.dir + "/en-quotes.txt";
  test::write_file(ko_legacy, "\xC7\xD1\xB1\xB9\xBE\xEE \xB9\xAE\xC0\xE5\xC0\xCC\xB4\xD9.\n");
  test::write_file(ko_utf8, "한국어 문장이다.\n");
  test::write_file(en, "It is a \u201CKorean\u201D sentence.\n");  // curly quotes: not EUC-KR
  const std::string utf8_run =
      test::run_tool("align " + sh_quote(ko_utf8) + " " + sh_quote(en)).out;
  REQUIRE(count_lines(utf8_run) == 2);
  for (const char* flags : {"--ko-encoding cp949", "--ko-encoding euc-kr --en-encoding utf-8"}) {
    INFO(flags);
    const test::RunResult r = test::run_tool("align " + std::string(flags) + " " +
                                             sh_quote(ko_legacy) + " " + sh_quote(en));
    CHECK(r.status == 0);
    CHECK(r.out == utf8_run);
  }
  // One encoding for both sides: the English file is refused, and the error says it is UTF-8.
  const test::RunResult both =
      test::run_tool("align --encoding cp949 " + sh_quote(ko_legacy) + " " + sh_quote(en));
  CHECK(both.status != 0);
  CHECK(count_lines(both.err) == 1);
  CHECK_THAT(both.err, Catch::Contains(en + ":1: byte 8: ") && Catch::Contains("UTF-8"));
}

TEST_CASE("kealign eval: bad gold or prediction files are one-line errors", "[cli]") {
  if (!has_command("eval")) return;
  Fixture f;
  const std::string good = f.dir + "/good.tsv";
  test::write_file(good, "0\t0\n1\t1\n");
  const std::string bad_links = f.dir + "/bad.tsv";
  test::write_file(bad_links, "0\t0\nfoo\n");
  const std::string bad_ids = f.dir + "/bad_ids.tsv";
  test::write_file(bad_ids, "0\t0\n1\tx\n");
  const std::string bad_utf8 = f.dir + "/bad.sents";
  test::write_file(bad_utf8, "문장.\n\xFF\n");
  const std::string set = f.dir + "/set";
  fs::create_directory(set);
  test::write_file(set + "/input.txt", "A. B.\n\nC.\n");
  test::write_file(set + "/gold.sents", "A.\nB.\nC.\n");
  test::write_file(set + "/docs.tsv", "doc\tfirst_sent\tn_sents\n0\t0\t3\n");
  const struct {
    std::string args;
    std::string says;
  } table[] = {
      {"eval --gold " + sh_quote(bad_links) + " " + sh_quote(good), bad_links + ":2: byte 4: "},
      {"eval --gold " + sh_quote(good) + " " + sh_quote(bad_ids), bad_ids + ":2: byte 6: "},
      {"eval --task split --gold " + sh_quote(bad_utf8) + " " + sh_quote(bad_utf8),
       bad_utf8 + ":2: byte 8: invalid UTF-8"},
      {"eval --gold " + sh_quote(good) + " " + sh_quote(f.dir + "/missing.tsv"), "missing.tsv"},
      {"eval --task split-set --lang ko " + sh_quote(set), "1 documents listed but 2"},
      {"eval --task align-set " + sh_quote(f.dir + "/no-root"), "no-root"},
  };
  for (const auto& t : table) {
    INFO("kealign " << t.args);
    const test::RunResult r = test::run_tool(t.args + " -o " + sh_quote(f.out));
    CHECK(r.status != 0);
    CHECK(count_lines(r.err) == 1);
    CHECK_THAT(r.err, Catch::Contains(t.says));
    CHECK(f.out_dir_empty());
  }
}

TEST_CASE("kealign --version prints the library's version", "[cli]") {
  const test::RunResult r = test::run_tool("--version");
  CHECK(r.status == 0);
  CHECK(r.out == std::string("kealign ") + kealign::version() + "\n");
  CHECK(std::string(kealign::version()) == KEALIGN_VERSION_STRING);
  CHECK(r.err.empty());
}

// A limit the seed pair stays under. AddressSanitizer's shadow memory and allocator triple the
// resident size (about 90 MB for the seed pair), so an instrumented build needs more.
#if defined(__SANITIZE_ADDRESS__)
constexpr const char* kSmallPairLimit = "200M";
#else
constexpr const char* kSmallPairLimit = "30M";
#endif

TEST_CASE("--max-memory: a pair estimated to need more is refused before aligning", "[cli]") {
  Fixture f;
  const std::string seed = test::source_dir() + "/corpora/seed-article";
  const std::string ko = test::read_file(seed + "/ko.txt"), en = test::read_file(seed + "/en.txt");
  std::string long_ko, long_en;  // the seed pair 40 times: the estimate grows with the segments
  for (int i = 0; i < 40; ++i) long_ko += ko + "\n", long_en += en + "\n";
  const std::string one = sh_quote(seed + "/ko.txt") + " " + sh_quote(seed + "/en.txt");
  test::write_file(f.ko, long_ko);
  test::write_file(f.en, long_en);
  const std::string forty = sh_quote(f.ko) + " " + sh_quote(f.en);
  for (const std::string cmd : {"align", "check"}) {
    INFO(cmd);
    const test::RunResult refused =
        test::run_tool(cmd + " --max-memory 30M " + forty + " -o " + sh_quote(f.out));
    CHECK(refused.status == 1);
    CHECK(count_lines(refused.err) == 1);
    CHECK_THAT(refused.err, Catch::StartsWith("kealign: aligning " + f.ko + " ("));
    CHECK_THAT(refused.err, Catch::Contains("more than the limit of 30 MB (--max-memory)"));
    CHECK(f.out_dir_empty());
    const test::RunResult small = test::run_tool(cmd + " --max-memory " + kSmallPairLimit + " " +
                                                 one + " -o " + sh_quote(f.out));
    CHECK(small.status == 0);
    CHECK(fs::exists(f.out));
    fs::remove(f.out);
  }
  // The default (the machine's memory) and a generous limit let the long pair through.
  CHECK(test::run_tool("align " + forty + " -o " + sh_quote(f.out)).status == 0);
  CHECK(test::run_tool("align --max-memory 2G " + forty + " -o " + sh_quote(f.out)).status == 0);
  const test::RunResult bad = test::run_tool("align --max-memory lots " + one);
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("--max-memory"));
}
