// The `kealign` tool on a 100 MB single line: a clear error naming the file, line and byte offset,
// a non-zero exit and no output file; a line within --max-line-bytes is accepted. Its own
// executable, labelled slow (it writes 100 MB).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.hpp"

using namespace kealign;
namespace fs = std::filesystem;

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
