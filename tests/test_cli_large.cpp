// The `kealign` tool on a 100 MB single line: a clear error naming the file, line and byte offset,
// a non-zero exit and no output file; a line within --max-line-bytes is accepted. Its own
// executable, labelled slow (it writes 100 MB).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "app/split_job.hpp"
#include "test_support.hpp"

using namespace kealign;
namespace fs = std::filesystem;

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// Each line broken at the first space after every 60 bytes, as wrapped text is: a paragraph of
// several lines, which a part must not end inside.
std::string wrap(const std::string& s) {
  std::string out;
  std::size_t column = 0;
  for (const char c : s) {
    const bool wrap_here = c == ' ' && column >= 60;
    out += wrap_here ? '\n' : c;
    column = wrap_here || c == '\n' ? 0 : column + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("a 100 MB single line is refused with file, line and byte offset", "[cli]") {
  constexpr std::size_t kSize = std::size_t{100} << 20;
  const std::string dir = test::temp_dir();
  const std::string big = dir + "/big.txt";
  const std::string out_file = dir + "/out.txt";
  test::write_file(big, "short first line\n" + std::string(kSize, 'a'));
  const std::string big_en = dir + "/big_en.txt";  // KO and EN must be two files
  test::write_file(big_en, "short first line\n" + std::string(kSize, 'a'));
  for (const char* cmd : {"split --lang en", "align"}) {
    INFO(cmd);
    const std::string args =
        std::string(cmd) == "align" ? "'" + big + "' '" + big_en + "'" : "'" + big + "'";
    const test::RunResult r =
        test::run_tool(std::string(cmd) + " " + args + " -o '" + out_file + "'");
    CHECK(r.status != 0);
    CHECK_THAT(r.err, Catch::Contains(big + ":2: byte 17: line is 104857600 bytes long"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(out_file));
  }
  // The same line is accepted when the limit is raised for it.
  test::write_file(big, std::string(std::size_t{9} << 20, 'a'));
  const test::RunResult ok = test::run_tool("split --lang en --max-line-bytes 10000000 '" + big +
                                            "' -o '" + out_file + "'");
  CHECK(ok.status == 0);
  CHECK(fs::exists(out_file));
  fs::remove(big);
}

// `kealign split` reads a file part by part (memory near one part, not the file): the parts must
// not change a segment, an offset or an error position. The seed article repeated past several
// parts, with the line breaks and marks a part's end could cut wrongly: CRLF, CR alone, U+2029,
// a byte-order mark at the start, U+FEFF right after blank lines, wrapped paragraphs.
TEST_CASE("split by parts gives the whole document's segments and offsets", "[cli]") {
  const std::string seed = test::read_file(test::source_dir() + "/corpora/seed-article/ko.txt");
  std::string text = "\xEF\xBB\xBF";
  for (int copy = 0; text.size() < (std::size_t{14} << 20); ++copy) {
    std::string s = copy % 3 == 0 ? seed : wrap(seed);
    if (copy % 4 == 1) s = replace_all(s, "\n", "\r\n");
    if (copy % 4 == 2) s = replace_all(s, "\n", "\r");
    if (copy % 4 == 3) s = replace_all(s, "\n\n", "\n\n\xEF\xBB\xBF");
    if (copy % 5 == 4) s = replace_all(s, "\n\n", "\xE2\x80\xA9");
    text += s + "\n\n";
  }
  const std::string dir = test::temp_dir();
  const std::string input = dir + "/parts.txt", out = dir + "/out.tsv";
  test::write_file(input, text);
  for (const bool one_per_line : {false, true}) {
    INFO("--presplit " << one_per_line);
    const test::RunResult r =
        test::run_tool(std::string("split --lang ko --format tsv ") +
                       (one_per_line ? "--presplit '" : "'") + input + "' -o '" + out + "'");
    REQUIRE(r.status == 0);
    Document doc = read_document(input);
    const SegmentedText whole =
        one_per_line ? presplit(std::move(doc)) : split(std::move(doc), {Language::kKorean});
    CHECK(whole.size() > 10000);
    const std::string expected = format_segments(whole, "tsv");
    CHECK(test::read_file(out) == expected);
    // Parts of 4 KB: thousands of part ends, each one a place to cut a paragraph wrongly.
    SplitJob job;
    job.input = input;
    job.format = "tsv";
    job.presplit = one_per_line;
    job.output = out;
    job.part_bytes = 4096;
    run_split_job(job);
    CHECK(test::read_file(out) == expected);
  }
  // An invalid byte far into the file is reported at its line and byte in the whole file.
  const std::size_t at = text.find('\n', std::size_t{11} << 20) + 1;
  text.insert(at, "\xFF");
  test::write_file(input, text);
  Document prefix = make_document("prefix", text.substr(0, at));
  const std::size_t line = prefix.line_of(at);
  const test::RunResult bad = test::run_tool("split --lang ko '" + input + "' -o '" + out + "'");
  CHECK(bad.status == 1);
  CHECK_THAT(bad.err, Catch::Contains(input + ":" + std::to_string(line) + ": byte " +
                                      std::to_string(at) + ": invalid UTF-8 byte 0xFF"));
  fs::remove(input);
}
