// Helpers for kealign's tests: where the shared corpora are, reading files, running the tool.
#pragma once

#include <string>
#include <vector>

namespace kealign::test {

// The shared corpora folder (KEALIGN_SHARED overrides the configured one). Test cases tagged
// [shared] may assume it exists: the test main skips them, with a message, when it does not, and
// fails them when the environment variable KEALIGN_REQUIRE_CORPORA is set (not "0"/"OFF"...; the
// CMake option of that name sets it for the corpus tests).
std::string shared_dir();
bool have_shared();
bool require_shared();
// The project's source folder (corpora/ holds the bundled seed article).
std::string source_dir();

std::string read_file(const std::string& path);
std::vector<std::string> read_lines(const std::string& path);  // without blank trailing line

struct RunResult {
  int status = 0;   // exit status
  std::string out;  // standard output
  std::string err;  // standard error
};
// Runs the kealign tool with the given shell-quoted arguments.
RunResult run_tool(const std::string& args);

// A fresh temporary folder, removed at exit of the test process.
std::string temp_dir();
void write_file(const std::string& path, const std::string& content);

// `text` as one single-quoted shell word (a ' inside becomes '\'').
std::string shell_quote(const std::string& text);

// A two-paragraph Korean article and its English translation, three sentences each.
extern const char* const kSampleKo;
extern const char* const kSampleEn;

// The sample pair written as ko.txt and en.txt in a fresh temporary folder.
struct SamplePair {
  std::string dir = temp_dir();
  std::string ko = dir + "/ko.txt";
  std::string en = dir + "/en.txt";
  SamplePair() {
    write_file(ko, kSampleKo);
    write_file(en, kSampleEn);
  }
};

}  // namespace kealign::test
