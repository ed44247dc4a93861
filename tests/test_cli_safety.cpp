// The tool as a careful user meets it: outputs that never destroy what the path names, inputs that
// are never overwritten, interrupts that leave nothing behind, exit statuses as documented, and
// special or malformed inputs refused with a clear message. Real files in temporary folders.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "test_support.hpp"

using namespace kealign;
namespace fs = std::filesystem;

namespace {

const std::string kKo = test::kSampleKo;
const std::string kEn = test::kSampleEn;

std::string q(const std::string& path) {
  return test::shell_quote(path);
}

using Pair = test::SamplePair;

mode_t mode_of(const std::string& path) {
  struct stat st {};
  ::lstat(path.c_str(), &st);
  return st.st_mode;
}

// Names in dir that look like an output in progress.
std::vector<std::string> temporaries(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().filename().string().find(".tmp.") != std::string::npos)
      out.push_back(e.path().string());
  return out;
}

std::string seed(const char* name) {
  return test::read_file(test::source_dir() + "/corpora/seed-article/" + name);
}

// n copies of the seed pair in a row as ko and en: long enough that a signal arrives while the
// outputs are being written.
void write_seed_copies(const std::string& ko, const std::string& en, int n) {
  std::string kt, et;
  for (int i = 0; i < n; ++i) {
    kt += seed("ko.txt") + "\n";
    et += seed("en.txt") + "\n";
  }
  test::write_file(ko, kt);
  test::write_file(en, et);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Outputs

TEST_CASE("-o to a character device or FIFO writes it in place, never replaces it", "[cli]") {
  Pair p;
  // As root a device node can be made in the temporary folder; otherwise /dev/null (which only
  // root could replace) stands in.
  std::string device = p.dir + "/null";
  if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) device = "/dev/null";
  for (const char* cmd : {"split --lang ko ", "align "}) {
    const std::string args = std::string(cmd) + q(p.ko) +
                             (std::string(cmd) == "align " ? " " + q(p.en) : "") + " -o " +
                             q(device);
    INFO("kealign " << args);
    const test::RunResult r = test::run_tool(args);
    CHECK(r.status == 0);
    CHECK(S_ISCHR(mode_of(device)));
  }
  CHECK(temporaries(p.dir).empty());

  const std::string fifo = p.dir + "/pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string got;
  std::thread reader([&] { got = test::read_file(fifo); });
  const test::RunResult r = test::run_tool("split --lang ko " + q(p.ko) + " -o " + q(fifo));
  reader.join();
  CHECK(r.status == 0);
  CHECK(S_ISFIFO(mode_of(fifo)));
  CHECK(got == "서울에서 회담이 열렸다.\n양측은 합의했다.\n다음 달에 다시 만난다.\n");
}

TEST_CASE("-o through a symbolic link replaces its target and keeps the link", "[cli]") {
  Pair p;
  const std::string target = p.dir + "/target.txt";
  const std::string link = p.dir + "/link.txt";
  test::write_file(target, "old\n");
  fs::create_symlink("target.txt", link);
  const test::RunResult r = test::run_tool("split --lang ko " + q(p.ko) + " -o " + q(link));
  CHECK(r.status == 0);
  CHECK(S_ISLNK(mode_of(link)));
  CHECK(test::read_file(target) ==
        "서울에서 회담이 열렸다.\n양측은 합의했다.\n다음 달에 다시 만난다.\n");
  // A dangling link: its target is created.
  const std::string dangling = p.dir + "/dangling.txt";
  fs::create_symlink("made.txt", dangling);
  CHECK(test::run_tool("split --lang en " + q(p.en) + " -o " + q(dangling)).status == 0);
  CHECK(S_ISLNK(mode_of(dangling)));
  CHECK(fs::is_regular_file(p.dir + "/made.txt"));
}

TEST_CASE("an existing output keeps its permissions", "[cli]") {
  Pair p;
  for (const mode_t mode : {mode_t{0600}, mode_t{0640}, mode_t{0664}}) {
    const std::string out = p.dir + "/out.tsv";
    test::write_file(out, "old\n");
    ::chmod(out.c_str(), mode);
    const test::RunResult r = test::run_tool("align " + q(p.ko) + " " + q(p.en) + " -o " + q(out));
    CHECK(r.status == 0);
    CHECK((mode_of(out) & 07777) == mode);
    CHECK(test::read_file(out) != "old\n");
  }
  const std::string dir = p.dir + "/run-out";
  fs::create_directory(dir);
  test::write_file(dir + "/report.html", "old");
  ::chmod((dir + "/report.html").c_str(), 0600);
  CHECK(test::run_tool("run " + q(p.ko) + " " + q(p.en) + " -d " + q(dir)).status == 0);
  CHECK((mode_of(dir + "/report.html") & 07777) == 0600);
}

TEST_CASE("an output that is one of the inputs is refused before anything is read", "[cli]") {
  Pair p;
  const std::string link = p.dir + "/also-ko.txt";
  fs::create_symlink("ko.txt", link);
  const std::string hard = p.dir + "/hard-en.txt";
  fs::create_hard_link(p.en, hard);
  const std::string dict = p.dir + "/dict.tsv";
  test::write_file(dict, "서울\tSeoul\n");
  const std::string run_dir = p.dir + "/run";
  fs::create_directory(run_dir);
  const std::string run_ko = run_dir + "/aligned.tsv";
  test::write_file(run_ko, kKo);
  const struct {
    std::string args;
    std::string victim;
  } table[] = {
      {"align " + q(p.ko) + " " + q(p.en) + " -o " + q(p.ko), p.ko},
      {"align " + q(p.ko) + " " + q(p.en) + " -o " + q(link), p.ko},
      {"align " + q(p.ko) + " " + q(p.en) + " -o " + q(hard), p.en},
      {"align " + q(p.ko) + " " + q(p.en) + " --dict " + q(dict) + " -o " + q(dict), dict},
      {"split --lang ko " + q(p.ko) + " -o " + q(p.ko), p.ko},
      {"check " + q(p.ko) + " " + q(p.en) + " -o " + q(p.en), p.en},
      {"report " + q(p.ko) + " " + q(p.en) + " -o " + q(p.en), p.en},
      {"run " + q(run_ko) + " " + q(p.en) + " -d " + q(run_dir), run_ko},
      {"eval --gold " + q(p.ko) + " " + q(p.en) + " -o " + q(p.ko), p.ko},
  };
  for (const auto& t : table) {
    INFO("kealign " << t.args);
    const std::string before = test::read_file(t.victim);
    const test::RunResult r = test::run_tool(t.args);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("is the input"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(test::read_file(t.victim) == before);
  }
  CHECK(temporaries(p.dir).empty());
}

TEST_CASE("an output that is a directory says so", "[cli]") {
  Pair p;
  const test::RunResult r = test::run_tool("split --lang ko " + q(p.ko) + " -o " + q(p.dir));
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("is a directory"));
}

TEST_CASE("run replaces its three files as a set", "[cli]") {
  Pair p;
  const std::string dir = p.dir + "/out";
  REQUIRE(test::run_tool("run " + q(p.ko) + " " + q(p.en) + " -d " + q(dir)).status == 0);
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  CHECK(names == std::set<std::string>{"aligned.tsv", "findings.tsv", "report.html"});
  // A second run into a folder with a file of the user's: that file stays, the set is replaced,
  // and no temporary folder is left beside it.
  test::write_file(dir + "/notes.txt", "mine");
  test::write_file(dir + "/report.html", "old");
  REQUIRE(test::run_tool("run " + q(p.ko) + " " + q(p.en) + " -d " + q(dir)).status == 0);
  CHECK(test::read_file(dir + "/notes.txt") == "mine");
  CHECK(test::read_file(dir + "/report.html") != "old");
  CHECK(temporaries(p.dir).empty());
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(p.dir)) ++entries;
  CHECK(entries == 3);  // ko.txt, en.txt, out
}

// ---------------------------------------------------------------------------------------------
// Interrupts

namespace {

// Starts the tool with args (no shell), its output discarded.
pid_t spawn_tool(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> argv;
    static std::string tool = KEALIGN_TOOL;
    argv.push_back(tool.data());
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(tool.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

}  // namespace

TEST_CASE("SIGINT, SIGTERM and SIGHUP remove the output in progress and keep the old one",
          "[cli]") {
  const std::string dir = test::temp_dir();
  const std::string big = dir + "/big.txt";
  {
    std::string text;
    const std::string ko = seed("ko.txt");
    while (text.size() < (std::size_t{12} << 20)) text += ko + "\n";
    test::write_file(big, text);
  }
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    INFO("signal " << sig);
    const std::string out = dir + "/out.txt";
    test::write_file(out, "the old output\n");
    bool caught = false;
    for (int attempt = 0; attempt < 5 && !caught; ++attempt) {
      const pid_t pid = spawn_tool({"split", "--lang", "ko", "--format", "tsv", big, "-o", out});
      REQUIRE(pid > 0);
      // Wait until the output is in progress, then interrupt.
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
      int status = 0;
      bool exited = false;
      while (!exited && temporaries(dir).empty() && std::chrono::steady_clock::now() < deadline) {
        exited = ::waitpid(pid, &status, WNOHANG) == pid;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      if (!exited) {
        ::kill(pid, sig);
        ::waitpid(pid, &status, 0);
      }
      if (WIFEXITED(status) && WEXITSTATUS(status) == 128 + sig) {
        caught = true;
        CHECK(test::read_file(out) == "the old output\n");
      }
      CHECK(temporaries(dir).empty());
    }
    CHECK(caught);
  }
}

TEST_CASE("an interrupted run leaves the old set of outputs whole", "[cli]") {
  const std::string dir = test::temp_dir();
  const std::string ko = dir + "/ko.txt", en = dir + "/en.txt";
  write_seed_copies(ko, en, 40);
  const std::string out = dir + "/out";
  fs::create_directory(out);
  for (const char* name : {"aligned.tsv", "findings.tsv", "report.html"})
    test::write_file(out + "/" + name, "old");
  const pid_t pid = spawn_tool({"run", ko, en, "-d", out});
  REQUIRE(pid > 0);
  // Interrupted once the set is being written (not at a fixed delay: an instrumented build takes
  // over a second to reach main, and a signal before then kills it outright).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int status = 0;
  bool exited = false;
  while (!exited && temporaries(dir).empty() && std::chrono::steady_clock::now() < deadline) {
    exited = ::waitpid(pid, &status, WNOHANG) == pid;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!exited) {
    ::kill(pid, SIGTERM);
    ::waitpid(pid, &status, 0);
  }
  REQUIRE(WIFEXITED(status));
  std::size_t old = 0;
  for (const char* name : {"aligned.tsv", "findings.tsv", "report.html"})
    old += test::read_file(out + "/" + name) == "old";
  // Never a mix. 143 with the new set is the signal held back while the set was renamed.
  CHECK((old == 0 || old == 3));
  CHECK((WEXITSTATUS(status) == 143 || WEXITSTATUS(status) == 0));
  CHECK(temporaries(dir).empty());
}

TEST_CASE("Moses output: PREFIX.ko and PREFIX.en are replaced as one set", "[cli]") {
  const std::string dir = test::temp_dir();
  const std::string ko = dir + "/ko.txt", en = dir + "/en.txt";
  write_seed_copies(ko, en, 40);
  const std::string prefix = dir + "/out/corpus";
  fs::create_directory(dir + "/out");
  // A file of the set that cannot be replaced (a folder where PREFIX.en goes) fails the set
  // before the other file moves: PREFIX.ko keeps its old text.
  test::write_file(prefix + ".ko", "old\n");
  fs::create_directory(prefix + ".en");
  test::RunResult r = test::run_tool("align " + q(ko) + " " + q(en) + " -f moses -o " + q(prefix));
  CHECK(r.status != 0);
  CHECK_THAT(r.err, Catch::Contains(prefix + ".en: is a directory"));
  CHECK(test::read_file(prefix + ".ko") == "old\n");
  CHECK(temporaries(dir).empty());
  fs::remove(prefix + ".en");

  // Interrupted at different moments: both files old, or both new, never one of each.
  std::size_t interrupted = 0;
  for (const int delay_ms : {100, 300, 600, 900}) {
    INFO("interrupt after " << delay_ms << " ms");
    test::write_file(prefix + ".ko", "old\n");
    test::write_file(prefix + ".en", "old\n");
    const pid_t pid = spawn_tool({"align", ko, en, "-f", "moses", "-o", prefix});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    // Killed outright when the signal comes before the handlers are installed.
    const bool stopped = WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 143);
    const bool ko_old = test::read_file(prefix + ".ko") == "old\n";
    const bool en_old = test::read_file(prefix + ".en") == "old\n";
    CHECK(ko_old == en_old);
    if (stopped) {
      // A signal that arrives while the set is being renamed is held back until both files are
      // in place: the new set with 143. Before that, both stay old.
      interrupted += ko_old;
    } else {
      CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
      CHECK(test::read_lines(prefix + ".ko").size() == test::read_lines(prefix + ".en").size());
    }
    CHECK(temporaries(dir).empty());
  }
  CHECK(interrupted > 0);
}

// ---------------------------------------------------------------------------------------------
// Exit statuses

TEST_CASE("the README's exit statuses, each produced by a real command line", "[cli]") {
  // The statuses the README's table lists.
  const std::string readme = test::read_file(test::source_dir() + "/README.md");
  const std::size_t table = readme.find("### Exit statuses");
  REQUIRE(table != std::string::npos);
  const std::string section = readme.substr(table, readme.find("\n## ", table) - table);
  std::set<int> documented;
  const std::regex row(R"(\n\| ([0-9, ]+) \|)");
  for (auto it = std::sregex_iterator(section.begin(), section.end(), row);
       it != std::sregex_iterator(); ++it) {
    const std::string cell = (*it)[1];
    const std::regex number("[0-9]+");
    for (auto n = std::sregex_iterator(cell.begin(), cell.end(), number);
         n != std::sregex_iterator(); ++n)
      documented.insert(std::stoi((*n)[0]));
  }

  Pair p;
  const std::string bad = p.dir + "/bad.txt";
  test::write_file(bad, "ab\x80\n");
  const struct {
    int status;
    std::string args;
  } cases[] = {
      {0, "--help"},
      {0, "split --lang ko " + q(p.ko)},
      {1, "split --lang ko " + q(bad)},
      {1, "split --lang ko " + q(p.dir + "/missing.txt")},
      {1, "align " + q(p.ko) + " " + q(bad)},
      {2, "split --lang xx " + q(p.ko)},
      {2, "split --lang ko --format xml " + q(p.ko)},  // a value outside its choices
      {2, "split --lang ko"},                          // a required argument missing
      {2, "split --lang ko " + q(p.ko) + " extra"},    // an unexpected argument
      {2, "split --lang ko --no-such-flag " + q(p.ko)},
      {2, "split --lang ko --max-line-bytes -1 " + q(p.ko)},
      {2, "nonsense"},
      {2, ""},  // no subcommand
      {2, "align " + q(p.ko) + " " + q(p.ko)},
      {2, "align - -"},
      {2, "align " + q(p.ko) + " " + q(p.en) + " -o " + q(p.en)},
      {2, "eval --task nonsense " + q(p.ko)},
  };
  std::set<int> seen;
  for (const auto& c : cases) {
    INFO("kealign " << c.args);
    const test::RunResult r = test::run_tool(c.args);
    CHECK(r.status == c.status);
    if (c.status != 0) CHECK_FALSE(r.err.empty());
    seen.insert(c.status);
  }
  // The interrupt statuses are produced by the signal test above.
  for (const int sig : {SIGHUP, SIGINT, SIGTERM}) seen.insert(128 + sig);
  CHECK(seen == documented);
}

// ---------------------------------------------------------------------------------------------
// Line breaks and invisible characters

namespace {

// The tsv rows of `kealign split` after the header: begin, end and text of each segment.
std::vector<std::string> split_rows(const std::string& args) {
  const test::RunResult r = test::run_tool(args);
  INFO("kealign " << args << "\n" << r.err);
  REQUIRE(r.status == 0);
  std::vector<std::string> rows;
  std::size_t at = r.out.find('\n') + 1;  // past the header
  while (at < r.out.size()) {
    const std::size_t nl = r.out.find('\n', at);
    const std::string row = r.out.substr(at, nl - at);
    rows.push_back(row.substr(row.find('\t') + 1));  // without the index
    at = nl + 1;
  }
  return rows;
}

}  // namespace

TEST_CASE("LF, CRLF, CR, NEL, U+2028 and U+2029 all end a line, offsets intact", "[cli]") {
  const struct {
    const char* name;
    std::string br;
  } breaks[] = {{"LF", "\n"},        {"CRLF", "\r\n"},           {"CR", "\r"},
                {"NEL", "\xC2\x85"}, {"U+2028", "\xE2\x80\xA8"}, {"U+2029", "\xE2\x80\xA9"}};
  const std::string dir = test::temp_dir();
  for (const auto& b : breaks) {
    INFO(b.name);
    // A headline without a full stop, then two sentences: the headline stands alone.
    const std::string head = "Talks in Seoul";
    const std::string body = "Talks were held in Seoul. Both sides agreed.";
    const std::string last = "They meet again next month.";
    const std::string text = head + b.br + body + b.br + b.br + last + b.br;
    const std::string file = dir + "/" + b.name + ".txt";
    test::write_file(file, text);
    const std::size_t body_at = head.size() + b.br.size();
    const std::size_t last_at = body_at + body.size() + 2 * b.br.size();
    CHECK(
        split_rows("split --lang en --format tsv " + q(file)) ==
        std::vector<std::string>{
            "0\t14\tTalks in Seoul",
            std::to_string(body_at) + "\t" + std::to_string(body_at + 25) +
                "\tTalks were held in Seoul.",
            std::to_string(body_at + 26) + "\t" + std::to_string(body_at + body.size()) +
                "\tBoth sides agreed.",
            std::to_string(last_at) + "\t" + std::to_string(last_at + last.size()) + "\t" + last});
    // --presplit: one segment per line, the blank line kept as an empty segment.
    CHECK(
        split_rows("split --lang en --presplit --format tsv " + q(file)) ==
        std::vector<std::string>{
            "0\t14\tTalks in Seoul",
            std::to_string(body_at) + "\t" + std::to_string(body_at + body.size()) + "\t" + body,
            std::to_string(body_at + body.size() + b.br.size()) + "\t" +
                std::to_string(body_at + body.size() + b.br.size()) + "\t",
            std::to_string(last_at) + "\t" + std::to_string(last_at + last.size()) + "\t" + last});
    // An error names the line as the break counts it.
    const std::string bad = dir + "/" + b.name + "-bad.txt";
    test::write_file(bad, head + b.br + "ab\x80\n");
    const test::RunResult r = test::run_tool("split --lang en " + q(bad));
    CHECK_THAT(r.err, Catch::Contains(bad + ":2: byte " + std::to_string(body_at + 2) + ": "));
  }
}

TEST_CASE("zero-width and format characters decide no sentence boundary", "[cli]") {
  const std::string zwsp = "\xE2\x80\x8B", zwnj = "\xE2\x80\x8C", zwj = "\xE2\x80\x8D",
                    wj = "\xE2\x81\xA0", shy = "\xC2\xAD", bom = "\xEF\xBB\xBF";
  // Each text, and the segments it must give (as byte ranges of the text).
  const struct {
    const char* lang;
    std::string text;
    std::vector<std::string> segments;
  } table[] = {
      {"ko", "그것이 문제인 것이다 . 다음 문장이다.", {"그것이 문제인 것이다 .", "다음 문장이다."}},
      {"ko",
       "그것이 문제인 것이다" + zwsp + ". 다음 문장이다.",
       {"그것이 문제인 것이다" + zwsp + ".", "다음 문장이다."}},
      {"ko",
       "그것이 문제인 것이다" + wj + ". 다음 문장이다.",
       {"그것이 문제인 것이다" + wj + ".", "다음 문장이다."}},
      {"ko",
       "회담이 열렸다" + zwj + ". 양측은 합" + zwnj + "의했다.",
       {"회담이 열렸다" + zwj + ".", "양측은 합" + zwnj + "의했다."}},
      {"en",
       "The U." + zwsp + "S. plan was good. The next one.",
       {"The U." + zwsp + "S. plan was good.", "The next one."}},
      {"en", "Dr." + shy + " Kim arrived. He spoke.", {"Dr." + shy + " Kim arrived.", "He spoke."}},
      {"en",
       "It ended" + bom + ". Then" + zwsp + " it began again.",
       {"It ended" + bom + ".", "Then" + zwsp + " it began again."}},
      {"en", "Where was the plan ? Nobody knew.", {"Where was the plan ?", "Nobody knew."}},
      {"en", "...and then it ended. Fine.", {"...and then it ended.", "Fine."}},
  };
  const std::string dir = test::temp_dir();
  int k = 0;
  for (const auto& t : table) {
    INFO(t.text);
    const std::string file = dir + "/" + std::to_string(k++) + ".txt";
    test::write_file(file, t.text + "\n");
    std::vector<std::string> want;
    std::size_t from = 0;
    for (const std::string& s : t.segments) {
      const std::size_t at = t.text.find(s, from);
      REQUIRE(at != std::string::npos);
      want.push_back(std::to_string(at) + "\t" + std::to_string(at + s.size()));
      from = at + s.size();
    }
    std::vector<std::string> got;
    for (const std::string& row :
         split_rows("split --format tsv --lang " + std::string(t.lang) + " " + q(file)))
      got.push_back(row.substr(0, row.rfind('\t')));
    CHECK(got == want);
  }
}

// ---------------------------------------------------------------------------------------------
// eval and special or malformed inputs

TEST_CASE("eval refuses a prediction that is not an alignment, naming the link and line", "[cli]") {
  const std::string dir = test::temp_dir();
  const std::string gold = dir + "/gold.tsv";
  test::write_file(gold, "ko_ids\ten_ids\n0\t0\n1\t1\n2\t2,3\n");
  const struct {
    const char* what;
    std::string pred;
    std::string says;  // after "pred.tsv:"
  } table[] = {
      {"a duplicated link", "0\t0\n1\t1\n1\t1\n2\t2,3\n", "3: byte 8: link 3: Korean segment 1"},
      {"a segment twice", "0\t0\n1\t1,2\n2\t2,3\n", "3: byte 10: link 3: English segment 2"},
      {"a missing link", "0\t0\n2\t2,3\n", "2: byte 4: Korean segment 1 (gold link 2, line 3)"},
      {"a segment the gold lacks", "0\t0\n1\t1\n2\t2,3\n3\t\n",
       "4: byte 14: link 4: Korean "
       "segment 3 is not in the gold"},
  };
  for (const auto& t : table) {
    INFO(t.what);
    const std::string pred = dir + "/pred.tsv";
    test::write_file(pred, t.pred);
    const test::RunResult r = test::run_tool("eval --gold " + q(gold) + " " + q(pred));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains(pred + ":" + t.says));
  }
  // A valid prediction scores within [0, 1].
  const std::string pred = dir + "/pred.tsv";
  test::write_file(pred, "0,1\t0,1\n2\t2,3\n");
  const test::RunResult r = test::run_tool("eval --gold " + q(gold) + " " + q(pred));
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("strict_recall: 0.3333"));
}

TEST_CASE("special inputs: directories, endless devices, both sides on stdin", "[cli]") {
  Pair p;
  {
    const test::RunResult r = test::run_tool("split --lang ko " + q(p.dir));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains(p.dir + ": is a directory"));
    CHECK_THAT(r.err, !Catch::Contains("9223372036854775807"));
  }
  {
    const test::RunResult r = test::run_tool("align " + q(p.ko) + " " + q(p.dir));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("is a directory"));
  }
  {
    const test::RunResult r = test::run_tool("split --lang ko /dev/zero");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("/dev/zero:1: byte 0: NUL byte"));
  }
  {
    // An endless source without NUL bytes or line breaks is refused at the line limit.
    const test::RunResult r = test::run_tool("split --lang en /dev/stdin < /dev/null");
    CHECK(r.status == 0);
    const std::string fifo = p.dir + "/endless";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const pid_t writer = ::fork();
    if (writer == 0) {
      const int fd = ::open(fifo.c_str(), O_WRONLY);
      const std::string line(4096, 'y');
      while (::write(fd, line.data(), line.size()) > 0) {
      }
      ::_exit(0);
    }
    const test::RunResult endless = test::run_tool("split --lang en " + q(fifo));
    ::kill(writer, SIGKILL);
    ::waitpid(writer, nullptr, 0);
    CHECK(endless.status == 1);
    CHECK_THAT(endless.err, Catch::Contains("more than the limit"));
  }
  {
    const test::RunResult r = test::run_tool("align - -");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("cannot both be standard input"));
  }
  {
    const test::RunResult r = test::run_tool("check " + q(p.en) + " " + q(p.en));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("the same file"));
  }
}

TEST_CASE("the legacy-encoding hint only when the bytes look like CP949", "[cli]") {
  const std::string dir = test::temp_dir();
  const struct {
    const char* what;
    std::string bytes;
    bool hint;
  } table[] = {
      {"UTF-8 Korean with one stray byte", kKo.substr(0, 20) + "\xB0" + kKo.substr(20), false},
      {"UTF-8 Korean with a stray pair of bytes", kKo.substr(0, 20) + "\xB0\xA1" + kKo.substr(20),
       false},
      // "한국어 문장이다. 서울에서 회담이 열렸다." in EUC-KR
      {"EUC-KR Korean",
       "\xC7\xD1\xB1\xB9\xBE\xEE \xB9\xAE\xC0\xE5\xC0\xCC\xB4\xD9. \xBC\xAD\xBF\xEF\xBF\xA1"
       "\xBC\xAD \xC8\xB8\xB4\xE3\xC0\xCC \xBF\xAD\xB7\xC8\xB4\xD9.\n",
       true},
  };
  for (const auto& t : table) {
    INFO(t.what);
    const std::string file = dir + "/in.txt";
    test::write_file(file, t.bytes);
    const test::RunResult r = test::run_tool("split --lang ko " + q(file));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("invalid UTF-8"));
    CHECK((r.err.find("cp949") != std::string::npos) == t.hint);
  }
}

TEST_CASE("swapped inputs and alignment files that do not fit name a line", "[cli]") {
  Pair p;
  {
    const test::RunResult r = test::run_tool("align " + q(p.en) + " " + q(p.ko));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains(p.ko + ":1: byte 0: "));
    CHECK_THAT(r.err, Catch::Contains("swapped"));
  }
  const struct {
    std::string links;
    std::string says;
  } table[] = {
      {"ko_ids\ten_ids\n0\t0\n2\t1\n", ":3: byte 18: link 2: Korean segment 2 where 1"},
      {"0\t0\n1\t1\n2\t2\n3\t3\n", ":4: byte 12: link 4: Korean segment 3 but the text has only 3"},
      {"0\t0\n1\t1\n", ":2: byte 4: the links end here"},
  };
  for (const auto& t : table) {
    INFO(t.links);
    const std::string links = p.dir + "/links.tsv";
    test::write_file(links, t.links);
    const test::RunResult r =
        test::run_tool("check -a " + q(links) + " " + q(p.ko) + " " + q(p.en));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains(links + t.says));
  }
}
