#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "app/eval.hpp"
#include "app/eval/eval_difflib.hpp"
#include "app/eval_job.hpp"
#include "kealign/error.hpp"
#include "kealign/text.hpp"
#include "test_support.hpp"

using namespace kealign;
using Docs = std::vector<std::vector<std::string>>;

namespace {

// kiwipiepy's baseline_splitter, re.split(r'(?<=[.!?])\s', text): cut at every white-space
// character that follows . ! or ?, dropping that character (empty pieces kept).
std::vector<std::string> baseline_split(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  char32_t prev = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t c = next_code_point(text, i);
    if (is_python_space(c) && (prev == U'.' || prev == U'!' || prev == U'?')) {
      out.emplace_back(text.substr(start, at - start));
      start = i;
    }
    prev = c;
  }
  out.emplace_back(text.substr(start));
  return out;
}

// `name: value` lines of a reference scorer's output.
std::map<std::string, std::string> parse_report(const std::string& text) {
  std::map<std::string, std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(": ");
    if (colon != std::string::npos) out[line.substr(0, colon)] = line.substr(colon + 2);
  }
  return out;
}

// Runs a Python script of the shared folder and returns its standard output.
std::string run_python(const std::string& script_and_args) {
  const std::string out = test::temp_dir() + "/py.out";
  const std::string cmd = "python3 " + script_and_args + " >'" + out + "' 2>&1";
  const int status = std::system(cmd.c_str());
  INFO(cmd << "\n" << test::read_file(out));
  REQUIRE(status == 0);
  return test::read_file(out);
}

std::string score_py() {
  return "'" + test::shared_dir() + "/eval/score.py'";
}

constexpr const char* kCut = "--8<--";

// Calls score.py's functions (name, gold path, pred path[, found_by]) in one Python process, which
// is much quicker than one process each; returns each call's output.
std::vector<std::string> run_score_functions(const std::vector<std::vector<std::string>>& calls) {
  std::string script = "import sys\nsys.path.insert(0, " + std::string("'") + test::shared_dir() +
                       "/eval')\nimport score\n";
  for (const auto& call : calls) {
    script += "score." + call[0] + "(";
    for (std::size_t i = 1; i < call.size(); ++i) script += (i > 1 ? ", '" : "'") + call[i] + "'";
    script += ")\nprint('" + std::string(kCut) + "')\n";
  }
  const std::string path = test::temp_dir() + "/calls.py";
  test::write_file(path, script);
  std::vector<std::string> out(1);
  std::istringstream in(run_python(path));
  for (std::string line; std::getline(in, line);) {
    if (line == kCut) {
      out.emplace_back();
    } else {
      out.back() += line + "\n";
    }
  }
  out.pop_back();
  REQUIRE(out.size() == calls.size());
  return out;
}

std::string write_lines(const std::string& path, const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  test::write_file(path, text);
  return path;
}

std::vector<std::string> flatten(const Docs& docs) {
  std::vector<std::string> out;
  for (const auto& d : docs) out.insert(out.end(), d.begin(), d.end());
  return out;
}

}  // namespace

TEST_CASE("sentence_lines cuts where Python's splitlines does", "[eval]") {
  const struct {
    std::string text;
    std::vector<std::string> lines;
  } table[] = {
      {"", {}},
      {"a", {"a"}},
      {"a\n", {"a"}},
      {"a\n\nb", {"a", "", "b"}},
      {"a\r\nb\rc", {"a", "b", "c"}},
      {"a\x0b"
       "b\x0c"
       "c\x1c"
       "d",
       {"a", "b", "c", "d"}},
      {"가\u2028나\u2029다\u0085라", {"가", "나", "다", "라"}},
      {"tab\tstays", {"tab\tstays"}},
  };
  for (const auto& t : table) {
    INFO(t.text);
    CHECK(sentence_lines(t.text) == t.lines);
  }
}

TEST_CASE("is_python_space follows str.isspace", "[eval]") {
  const struct {
    char32_t c;
    bool space;
  } table[] = {{U' ', true},    {U'\t', true},  {U'\n', true},  {0x1F, true},   {0x85, true},
               {0xA0, true},    {0x2003, true}, {0x3000, true}, {0x202F, true}, {0x200B, false},
               {0xFEFF, false}, {U'a', false},  {U'가', false}, {U'.', false}};
  for (const auto& t : table) {
    INFO(static_cast<std::uint32_t>(t.c));
    CHECK(is_python_space(t.c) == t.space);
  }
}

TEST_CASE("score_split: boundary P/R/F1 on the text without white space", "[eval]") {
  const struct {
    const char* what;
    std::vector<std::string> gold, pred;
    double p, r, f;
    std::size_t gold_n, pred_n;
    bool mismatch;
  } table[] = {
      {"identical", {"A b.", "C d."}, {"A b.", "C d."}, 1, 1, 1, 2, 2, false},
      {"one merge", {"A b.", "C d."}, {"A b. C d."}, 1, 0.5, 2.0 / 3, 2, 1, false},
      {"one extra cut", {"A b.", "C d."}, {"A", "b.", "C d."}, 2.0 / 3, 1, 0.8, 2, 3, false},
      {"white space and blanks ignored",
       {"A b.", "C d."},
       {" Ab. ", "", "\t", "C  d."},
       1,
       1,
       1,
       2,
       2,
       false},
      {"code points, not bytes", {"한국.", "말"}, {"한", "국.말"}, 0.5, 0.5, 0.5, 2, 2, false},
      {"different text", {"abc"}, {"abd", "e"}, 0.5, 1, 2.0 / 3, 1, 2, true},
      {"nothing predicted", {"abc"}, {}, 0.0, 0.0, 0.0, 1, 0, true},
  };
  for (const auto& t : table) {
    INFO(t.what);
    const BoundaryScore s = score_split(t.gold, t.pred);
    CHECK(s.precision == Approx(t.p));
    CHECK(s.recall == Approx(t.r));
    CHECK(s.f1 == Approx(t.f));
    CHECK(s.gold_segments == t.gold_n);
    CHECK(s.pred_segments == t.pred_n);
    CHECK(s.text_mismatch == t.mismatch);
  }
  CHECK(score_split({"한국. 말"}, {}).gold_chars == 4);
}

TEST_CASE("score_split_documents: kiwipiepy EM, F1, normalised F1 and exact documents", "[eval]") {
  const struct {
    const char* what;
    Docs gold, pred;
    double em, f1, nf1;
    std::size_t exact_docs;
  } table[] = {
      {"exact", {{"ab", "cd"}}, {{"ab", "cd"}}, 1, 1, 1, 1},
      {"white space ignored", {{"a b", "c"}}, {{"ab ", " c"}}, 1, 1, 1, 1},
      // one span covers both gold sentences: only the later gold keeps the overlap (2*2/6)
      {"merged", {{"ab", "cd"}}, {{"abcd"}}, 0, 1.0 / 3, 1.0 / 3, 0},
      // gold 0 gets the best of two halves (2*1/3), gold 1 is exact; penalty 2/3
      {"over-split",
       {{"ab", "cd"}},
       {{"a", "b", "cd"}},
       0.5,
       (2.0 / 3 + 1) / 2,
       (2.0 / 3 + 1) / 2 * 2 / 3,
       0},
      {"averaged over gold sentences, not documents",
       {{"ab", "cd"}, {"ef"}},
       {{"abcd"}, {"ef"}},
       1.0 / 3,
       (2.0 / 3 + 1) / 3,
       (2.0 / 3 + 1) / 3,
       1},
      {"nothing predicted", {{"ab"}}, {{}}, 0, 0, 0, 0},
  };
  for (const auto& t : table) {
    INFO(t.what);
    const DocumentSplitScore s = score_split_documents(t.gold, t.pred);
    CHECK(s.exact_match == Approx(t.em));
    CHECK(s.f1 == Approx(t.f1));
    CHECK(s.normalized_f1 == Approx(t.nf1));
    CHECK(s.documents_exact == t.exact_docs);
    CHECK(s.documents == t.gold.size());
  }
  CHECK_THROWS_AS(score_split_documents({{"a"}}, {}), UsageError);
}

TEST_CASE("a prediction that alters the text is placed by difflib's matching", "[eval]") {
  // "abXd" is not in the gold text; difflib lines it up with "abcd" (positions 0..4).
  const DocumentSplitScore s = score_split_documents({{"abcd", "ef"}}, {{"abXd", "ef"}});
  CHECK(s.exact_match == Approx(1.0));
  CHECK(s.f1 == Approx(1.0));
}

TEST_CASE("score_split_set: internal boundaries leave out document ends", "[eval]") {
  const Docs gold = {{"A.", "B."}, {"C.", "D."}};
  const Docs pred = {{"A. B."}, {"C.", "D."}};
  const SplitSetScore s = score_split_set(gold, pred);
  CHECK(s.boundary.recall == Approx(0.75));
  CHECK(s.boundary.precision == Approx(1.0));
  CHECK(s.internal.recall == Approx(0.5));  // 2 internal gold boundaries, 1 found
  CHECK(s.internal.precision == Approx(1.0));
  CHECK(s.documents.documents_exact == 1);
}

// ---- agreement with the references on real files ([shared]: they need ../shared and python3) ----

namespace {

struct PublishedBaseline {
  const char* set;
  std::size_t documents, sentences;
  double em, f1, normalized_f1;
};

// kiwipiepy benchmark/sentence_split/README.md @ dc52ec4, "Baseline" rows (as quoted in each
// set's README): the baseline splitter is defined by the benchmark, so these must come out exactly.
const PublishedBaseline kBaselines[] = {
    {"ko-blogs", 28, 170, 0.53529, 0.66847, 0.59884},
    {"ko-blogs_ko", 38, 346, 0.43642, 0.55724, 0.52607},
    {"ko-etn", 16, 39, 0.46154, 0.59857, 0.59857},
    {"ko-nested", 35, 91, 0.68132, 0.85438, 0.75991},
    {"ko-sample", 1, 43, 0.34884, 0.52431, 0.52431},
    {"ko-tweets", 43, 178, 0.51124, 0.65446, 0.61806},
    {"ko-v_ending", 5, 30, 0.00000, 0.11359, 0.11359},
    {"ko-wikipedia", 18, 326, 0.66258, 0.76664, 0.76379},
};

const char* const kSplitSets[] = {"en-golden-rules", "ko-blogs",    "ko-blogs_ko",
                                  "ko-etn",          "ko-nested",   "ko-sample",
                                  "ko-tweets",       "ko-v_ending", "ko-wikipedia"};

std::string split_gold_dir(const std::string& set) {
  return test::shared_dir() + "/corpora/split-gold/" + set;
}

Docs baseline_split_all(const std::vector<std::string>& documents) {
  Docs out;
  for (const auto& d : documents) out.push_back(baseline_split(d));
  return out;
}

// Rounds as Python's f"{x:.5f}" does for the published figures.
std::string five(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", x);
  return buf;
}

}  // namespace

TEST_CASE("kiwipiepy's published Baseline EM/F1/normalised F1 come out exactly", "[eval][shared]") {
  for (const auto& b : kBaselines) {
    INFO(b.set);
    const SplitGoldSet set = read_split_gold_set(split_gold_dir(b.set));
    REQUIRE(set.documents.size() == b.documents);
    const DocumentSplitScore s = score_split_documents(set.gold, baseline_split_all(set.documents));
    CHECK(s.gold_sentences == b.sentences);
    CHECK(five(s.exact_match) == five(b.em));
    CHECK(five(s.f1) == five(b.f1));
    CHECK(five(s.normalized_f1) == five(b.normalized_f1));
  }
}

TEST_CASE("score_split prints what score.py split prints on every split-gold set",
          "[eval][shared]") {
  std::vector<std::vector<std::string>> calls;
  std::vector<std::string> ours;
  for (const char* name : kSplitSets) {
    const SplitGoldSet set = read_split_gold_set(split_gold_dir(name));
    const Docs pred = baseline_split_all(set.documents);
    const std::string dir = test::temp_dir();
    calls.push_back({"score_split", write_lines(dir + "/gold.sents", flatten(set.gold)),
                     write_lines(dir + "/pred.sents", flatten(pred))});
    ours.push_back(format_split_score(score_split(flatten(set.gold), flatten(pred))));
    CHECK(format_split_score(score_split_set(set.gold, pred).boundary) == ours.back());
  }
  const std::vector<std::string> expected = run_score_functions(calls);
  for (std::size_t i = 0; i < ours.size(); ++i) {
    INFO(kSplitSets[i]);
    CHECK(ours[i] == expected[i]);
  }
}

TEST_CASE("a text-altering prediction gives score.py's mismatch line", "[eval][shared]") {
  const std::string dir = test::temp_dir();
  const std::vector<std::string> gold = {"첫 문장입니다.", "둘째 문장."};
  const std::vector<std::string> pred = {"첫 문장입니다. 둘째", "문장!!"};
  write_lines(dir + "/g", gold);
  write_lines(dir + "/p", pred);
  const std::string expected = run_python(score_py() + " split " + dir + "/g " + dir + "/p");
  CHECK(format_split_score(score_split(gold, pred)) == expected);
  CHECK_THAT(expected, Catch::StartsWith("text_mismatch: "));
}

namespace {

// The seed gold with mistakes of every kind: merges, a split 2-1 link, a dropped link, a shifted
// 1-2 link and a duplicated id.
std::vector<Link> perturb(std::vector<Link> links) {
  std::vector<Link> out;
  for (std::size_t i = 0; i < links.size(); ++i) {
    Link l = links[i];
    if (i == 3 && i + 1 < links.size()) {  // merge with the next link
      l.ko.insert(l.ko.end(), links[i + 1].ko.begin(), links[i + 1].ko.end());
      l.en.insert(l.en.end(), links[i + 1].en.begin(), links[i + 1].en.end());
      ++i;
    } else if (l.ko.size() == 2) {  // split a 2-1 link into 1-1 and 1-0
      out.push_back({{l.ko[0]}, l.en});
      l = {{l.ko[1]}, {}};
    } else if (i == 20) {
      continue;
    } else if (l.en.size() == 2) {
      l.en.pop_back();
    } else if (i == 30) {
      l.ko.push_back(l.ko.empty() ? 0 : l.ko.back() + 1);
    }
    out.push_back(l);
  }
  return out;
}

std::string link_tsv(const std::vector<Link>& links, bool header) {
  const auto cell = [](const std::vector<std::uint32_t>& ids) {
    std::string s;
    for (std::size_t i = 0; i < ids.size(); ++i) s += (i ? "," : "") + std::to_string(ids[i]);
    return s;
  };
  std::string out = header ? "ko_ids\ten_ids\tconfidence\n" : "";
  for (const Link& l : links) out += cell(l.ko) + "\t" + cell(l.en) + (header ? "\t0.5\n" : "\n");
  return out;
}

}  // namespace

TEST_CASE("score_alignment prints what score.py align prints on the seed article",
          "[eval][shared]") {
  const std::string gold_file = test::shared_dir() + "/seed-article/gold.tsv";
  const std::vector<Link> gold = read_links(gold_file);
  REQUIRE(gold.size() == 49);
  const struct {
    const char* what;
    std::vector<Link> pred;
  } table[] = {
      {"gold itself", gold},
      {"perturbed", perturb(gold)},
      {"nothing", {}},
      {"everything in one link", {{{0, 1, 2}, {0, 1, 2, 3}}}},
  };
  std::vector<std::vector<std::string>> calls;
  for (const auto& t : table) {
    const std::string pred_file = test::temp_dir() + "/pred.tsv";
    test::write_file(pred_file, link_tsv(t.pred, true));
    calls.push_back({"score_align", gold_file, pred_file});
  }
  const std::vector<std::string> expected = run_score_functions(calls);
  for (std::size_t i = 0; i < calls.size(); ++i) {
    INFO(table[i].what);
    CHECK(format_alignment_score(score_alignment(gold, read_links(calls[i][2]))) == expected[i]);
  }
  const AlignScore p = score_alignment(gold, perturb(gold));
  CHECK_FALSE(p.conserved);
  CHECK(p.strict_f1 < 1.0);
  CHECK(p.lax_recall > p.strict_recall);
}

TEST_CASE("score_alignment_set prints what run_align_set.py prints", "[eval][shared]") {
  // The "aligner" prints the gold with every fourth line left out.
  const std::string dir = test::temp_dir();
  const std::string script = dir + "/drop4.sh";
  test::write_file(script, "#!/bin/sh\nawk 'NR % 4 != 0' \"$(dirname \"$1\")/gold.tsv\"\n");
  // Every 16th document of the LibreOffice set (one process per document is slow).
  const std::string all = test::shared_dir() + "/corpora/libreoffice-help-ko-en-align";
  const std::string root = dir + "/set";
  std::filesystem::create_directory(root);
  std::vector<std::filesystem::path> docs;
  for (const auto& e : std::filesystem::directory_iterator(all))
    if (std::filesystem::is_regular_file(e.path() / "gold.tsv")) docs.push_back(e.path());
  std::sort(docs.begin(), docs.end());
  for (std::size_t i = 0; i < docs.size(); i += 16)
    std::filesystem::create_directory_symlink(docs[i], root + "/" + docs[i].filename().string());
  const std::string expected = run_python("'" + test::shared_dir() + "/eval/run_align_set.py' '" +
                                          root + "' -- sh " + script);
  std::vector<std::string> folders;
  for (const auto& e : std::filesystem::directory_iterator(root))
    if (std::filesystem::is_regular_file(e.path() / "gold.tsv"))
      folders.push_back(e.path().string());
  std::sort(folders.begin(), folders.end());
  std::vector<AlignTally> tallies;
  for (const std::string& folder : folders) {
    const std::vector<Link> gold = read_links(folder + "/gold.tsv");
    std::vector<Link> pred;
    for (std::size_t i = 0; i < gold.size(); ++i)
      if ((i + 1) % 4 != 0) pred.push_back(gold[i]);
    tallies.push_back(tally_alignment(gold, pred));
  }
  const AlignSetScore s = score_alignment_set(tallies);
  const auto want = parse_report(expected);
  const auto got = parse_report(format_align_set_score(s));
  for (const char* key : {"documents", "failed", "lax_precision", "lax_recall", "lax_f1",
                          "strict_precision", "strict_recall", "strict_f1"}) {
    INFO(key);
    CHECK(got.at(key) == want.at(key));
  }
  CHECK(s.strict_recall < 0.8);
}

namespace {

std::string perturbed_flags(const std::string& gold_text) {
  std::istringstream in(gold_text);
  std::string out, line;
  std::getline(in, line);
  out += line + "\n";
  for (int i = 0; std::getline(in, line); ++i) {
    if (i % 3 == 0) continue;                                                         // missed
    if (i % 5 == 0) line.replace(line.find('\t', line.find('\t') + 1) + 1, 0, "x-");  // wrong check
    out += line + "\n";
  }
  out += "7\t\tquote-balance\tmajor\n";  // unmatched
  out += "\t3,4\tunaligned\tminor\n";
  return out;
}

}  // namespace

TEST_CASE("score_flags prints what score.py flags prints on the seed article", "[eval][shared]") {
  const std::string gold_file = test::shared_dir() + "/seed-article/flags.tsv";
  const std::string pred_file = test::temp_dir() + "/pred_flags.tsv";
  test::write_file(pred_file, perturbed_flags(test::read_file(gold_file)));
  const FlagTable gold = read_flags(gold_file);
  const FlagTable pred = read_flags(pred_file);
  const std::vector<std::string> found_by = {"rules", "lexicon", "semantic"};
  std::vector<std::vector<std::string>> calls;
  for (const std::string& f : found_by) calls.push_back({"score_flags", gold_file, pred_file, f});
  const std::vector<std::string> expected = run_score_functions(calls);
  for (std::size_t i = 0; i < found_by.size(); ++i) {
    INFO(found_by[i]);
    CHECK(format_flags_score(score_flags(gold, pred, found_by[i])) == expected[i]);
  }
  const FlagsScore rules = score_flags(gold, pred);
  CHECK(rules.recall < 1.0);
  CHECK(rules.missed.size() + rules.found == rules.gold);
  CHECK_FALSE(rules.unmatched.empty());
}

TEST_CASE("eval --task split-set: kealign's splitter scored as score.py scores it",
          "[eval][shared]") {
  const std::string dir = split_gold_dir("ko-etn");
  const SplitGoldSet set = read_split_gold_set(dir);
  const Docs pred = split_each(set.documents, Language::kKorean);
  REQUIRE(pred.size() == set.documents.size());
  const std::string tmp = test::temp_dir();
  const std::string expected =
      run_python(score_py() + " split " + write_lines(tmp + "/g", flatten(set.gold)) + " " +
                 write_lines(tmp + "/p", flatten(pred)));
  const test::RunResult r = test::run_tool("eval --task split-set --lang ko '" + dir + "'");
  REQUIRE(r.status == 0);
  const auto want = parse_report(expected);
  const auto got = parse_report(r.out);
  for (const auto& [key, value] : want) {
    INFO(key);
    CHECK(got.at(key) == value);
  }
  CHECK(got.at("documents") == "16");
  for (const char* key : {"internal_f1", "em", "sentence_f1", "normalized_f1", "documents_exact"})
    CHECK(got.count(key) == 1);
}

TEST_CASE("eval --task align-set equals run_align_set.py running kealign align --presplit",
          "[eval][shared]") {
  // The seed article and every 40th LibreOffice document, linked into one set folder.
  const std::string root = test::temp_dir() + "/set";
  std::filesystem::create_directory(root);
  std::filesystem::create_directory_symlink(test::shared_dir() + "/seed-article", root + "/seed");
  std::vector<std::filesystem::path> docs;
  for (const auto& e : std::filesystem::directory_iterator(test::shared_dir() +
                                                           "/corpora/libreoffice-help-ko-en-align"))
    if (std::filesystem::is_regular_file(e.path() / "gold.tsv")) docs.push_back(e.path());
  std::sort(docs.begin(), docs.end());
  for (std::size_t i = 0; i < docs.size(); i += 40)
    std::filesystem::create_directory_symlink(docs[i], root + "/" + docs[i].filename().string());

  const std::string expected = run_python("'" + test::shared_dir() + "/eval/run_align_set.py' '" +
                                          root + "' -- '" + KEALIGN_TOOL + "' align --presplit");
  const test::RunResult r = test::run_tool("eval --task align-set '" + root + "'");
  REQUIRE(r.status == 0);
  const auto want = parse_report(expected);
  const auto got = parse_report(r.out);
  for (const auto& [key, value] : want) {
    if (key == "seconds") continue;
    INFO(key);
    CHECK(got.at(key) == value);
  }
  CHECK(got.at("documents") == std::to_string((docs.size() + 39) / 40 + 1));
}

TEST_CASE("eval --task align-set refuses a folder without documents", "[eval]") {
  // e.g. a root of broken symbolic links: all-zero figures would look like a measurement.
  const std::string root = test::temp_dir() + "/empty-set";
  std::filesystem::create_directory(root);
  std::filesystem::create_directory_symlink(root + "/missing", root + "/doc");
  const test::RunResult r = test::run_tool("eval --task align-set '" + root + "'");
  CHECK(r.status != 0);
  CHECK(r.out.empty());
  CHECK(r.err.find(root) != std::string::npos);
  CHECK(r.err.find("gold.tsv") != std::string::npos);
}

TEST_CASE("eval: align, split and flags tasks print score.py's report", "[eval][shared]") {
  const std::string seed = test::shared_dir() + "/seed-article/";
  const std::string tmp = test::temp_dir();
  const std::string pred_links = tmp + "/pred.tsv";
  test::write_file(pred_links, link_tsv(perturb(read_links(seed + "gold.tsv")), false));
  const std::string pred_flags = tmp + "/pred_flags.tsv";
  test::write_file(pred_flags, perturbed_flags(test::read_file(seed + "flags.tsv")));
  std::vector<std::string> pred_sents = test::read_lines(seed + "en.sents");
  pred_sents[3] += " " + pred_sents[4];
  pred_sents.erase(pred_sents.begin() + 4);
  write_lines(tmp + "/pred.sents", pred_sents);
  const struct {
    std::vector<std::string> call;
    std::string args;
  } table[] = {
      {{"score_align", seed + "gold.tsv", pred_links}, "--gold " + seed + "gold.tsv " + pred_links},
      {{"score_split", seed + "en.sents", tmp + "/pred.sents"},
       "--task split --gold " + seed + "en.sents " + tmp + "/pred.sents"},
      {{"score_flags", seed + "flags.tsv", pred_flags, "rules"},
       "--task flags --gold " + seed + "flags.tsv " + pred_flags},
      {{"score_flags", seed + "flags.tsv", pred_flags, "lexicon"},
       "--task flags --found-by lexicon --gold " + seed + "flags.tsv " + pred_flags},
  };
  std::vector<std::vector<std::string>> calls;
  for (const auto& t : table) calls.push_back(t.call);
  const std::vector<std::string> expected = run_score_functions(calls);
  for (std::size_t i = 0; i < calls.size(); ++i) {
    INFO("kealign eval " << table[i].args);
    const test::RunResult r = test::run_tool("eval " + table[i].args);
    CHECK(r.status == 0);
    CHECK(r.out == expected[i]);
  }
}

TEST_CASE("the difflib port gives Python's opcodes, autojunk included", "[eval][shared]") {
  // Random strings over a small alphabet (many repeats; b up to 300 code points, so difflib's
  // "popular element" rule applies) with Hangul, so code points and bytes differ.
  const std::u32string alphabet = U"ab가나 .";
  std::uint32_t state = 12345;
  const auto next = [&](std::uint32_t n) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % n;
  };
  std::vector<std::pair<std::u32string, std::u32string>> pairs;
  std::string lines;
  for (int k = 0; k < 120; ++k) {
    std::u32string a, b;
    const std::uint32_t la = next(400), lb = next(300);
    for (std::uint32_t i = 0; i < la; ++i)
      a += alphabet[next(static_cast<std::uint32_t>(alphabet.size()))];
    for (std::uint32_t i = 0; i < lb; ++i)
      b += i < la && next(3) > 0 ? a[i]
                                 : alphabet[next(static_cast<std::uint32_t>(alphabet.size()))];
    pairs.emplace_back(a, b);
    std::string sa, sb;
    for (char32_t c : a) append_utf8(sa, c);
    for (char32_t c : b) append_utf8(sb, c);
    lines += sa + "\t" + sb + "\n";
  }
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/pairs.txt", lines);
  test::write_file(
      dir + "/ops.py",
      "import difflib, sys\n"
      "for line in open(sys.argv[1], encoding='utf-8'):\n"
      "    a, b = line.rstrip('\\n').split('\\t')\n"
      "    ops = difflib.SequenceMatcher(a=a, b=b).get_opcodes()\n"
      "    print(' '.join(f'{t[0]}{i1},{i2},{j1},{j2}' for t, i1, i2, j1, j2 in ops))\n");
  std::istringstream expected(run_python(dir + "/ops.py " + dir + "/pairs.txt"));
  for (const auto& [a, b] : pairs) {
    std::string want, got;
    std::getline(expected, want);
    for (const auto& o : eval_detail::diff_opcodes(a, b))
      got += (got.empty() ? "" : " ") + std::string(1, o.tag) + std::to_string(o.a_begin) + "," +
             std::to_string(o.a_end) + "," + std::to_string(o.b_begin) + "," +
             std::to_string(o.b_end);
    CHECK(got == want);
  }
}
