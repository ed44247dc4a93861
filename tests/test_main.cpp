#define CATCH_CONFIG_RUNNER
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "test_support.hpp"

namespace kealign::test {

std::string shared_dir() {
  if (const char* env = std::getenv("KEALIGN_SHARED")) return env;
  return KEALIGN_SHARED_DIR;
}

bool require_shared() {
  const char* env = std::getenv("KEALIGN_REQUIRE_CORPORA");
  if (!env) return false;
  const std::string v = env;
  return !(v.empty() || v == "0" || v == "OFF" || v == "off" || v == "FALSE" || v == "false" ||
           v == "NO" || v == "no");
}

bool have_shared() {
  struct stat st {};
  return ::stat((shared_dir() + "/seed-article/ko.txt").c_str(), &st) == 0;
}

std::string source_dir() {
  return KEALIGN_SOURCE_DIR;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> read_lines(const std::string& path) {
  std::vector<std::string> out;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

namespace {
std::string& temp_root() {
  static std::string root;
  return root;
}
}  // namespace

std::string temp_dir() {
  static int counter = 0;
  if (temp_root().empty()) {
    char tmpl[] = "/tmp/kealign-test-XXXXXX";
    if (!::mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
    temp_root() = tmpl;
  }
  const std::string dir = temp_root() + "/" + std::to_string(counter++);
  ::mkdir(dir.c_str(), 0700);
  return dir;
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

const char* const kSampleKo =
    "서울에서 회담이 열렸다. 양측은 합의했다.\n\n다음 달에 다시 만난다.\n";
const char* const kSampleEn =
    "Talks were held in Seoul. Both sides agreed.\n\nThey meet again next month.\n";

RunResult run_tool(const std::string& args) {
  const std::string dir = temp_dir();
  const std::string cmd = std::string("'") + KEALIGN_TOOL + "' " + args + " >'" + dir +
                          "/out' 2>'" + dir + "/err' </dev/null";
  const int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(dir + "/out");
  r.err = read_file(dir + "/err");
  return r;
}

}  // namespace kealign::test

int main(int argc, char** argv) {
  bool wants_shared = false;
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "[shared]") wants_shared = true;
  if (wants_shared && !kealign::test::have_shared()) {
    if (kealign::test::require_shared()) {
      std::cout << "failed: shared corpora not found at " << kealign::test::shared_dir()
                << " and KEALIGN_REQUIRE_CORPORA is set (set KEALIGN_SHARED to their folder)\n";
      return 1;
    }
    std::cout << "skipped: shared corpora not found at " << kealign::test::shared_dir()
              << " (set KEALIGN_SHARED to their folder)\n";
    return 77;
  }
  const int result = Catch::Session().run(argc, argv);
  if (!kealign::test::temp_root().empty())
    std::system(("rm -rf '" + kealign::test::temp_root() + "'").c_str());
  return result;
}
