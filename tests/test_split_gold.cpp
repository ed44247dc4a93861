// Splitter accuracy on real text: the seed article exactly, and the split-gold sets with the
// published metrics (kiwipiepy's normalised F1, pySBD's golden rules) as floors.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "app/eval.hpp"
#include "kealign/segment.hpp"
#include "kealign/text.hpp"
#include "test_support.hpp"

using namespace kealign;

namespace {

struct GoldSet {
  std::vector<std::string> inputs;             // one document's text each
  std::vector<std::vector<std::string>> gold;  // its gold sentences
};

// input.txt (documents separated by blank lines), gold.sents and docs.tsv of one split-gold set.
GoldSet load_set(const std::string& name) {
  const std::string dir = test::shared_dir() + "/corpora/split-gold/" + name + "/";
  GoldSet set;
  const Document input = make_document("input.txt", test::read_file(dir + "input.txt"));
  for (const Span p : paragraphs(input)) set.inputs.emplace_back(input.view(p));
  const std::vector<std::string> sents = test::read_lines(dir + "gold.sents");
  std::istringstream docs(test::read_file(dir + "docs.tsv"));
  std::string line;
  std::getline(docs, line);  // header
  while (std::getline(docs, line)) {
    std::istringstream row(line);
    std::size_t doc = 0, first = 0, count = 0;
    row >> doc >> first >> count;
    set.gold.emplace_back(sents.begin() + static_cast<std::ptrdiff_t>(first),
                          sents.begin() + static_cast<std::ptrdiff_t>(first + count));
  }
  return set;
}

DocumentSplitScore score_set(const std::string& name, Language lang) {
  const GoldSet set = load_set(name);
  REQUIRE(set.inputs.size() == set.gold.size());
  std::vector<std::vector<std::string>> pred;
  for (const std::string& text : set.inputs) {
    const SegmentedText s = split(make_document(name, text), {lang});
    pred.emplace_back();
    for (std::size_t i = 0; i < s.size(); ++i) pred.back().push_back(s.display(i));
  }
  return score_split_documents(set.gold, pred);
}

}  // namespace

TEST_CASE("kealign split reproduces the seed article's gold segmentation", "[shared]") {
  for (const char* lang : {"ko", "en"}) {
    INFO(lang);
    const std::string dir = test::shared_dir() + "/seed-article/";
    const test::RunResult r =
        test::run_tool(std::string("split --lang ") + lang + " " + dir + lang + ".txt");
    REQUIRE(r.status == 0);
    std::vector<std::string> got;
    std::istringstream out(r.out);
    for (std::string line; std::getline(out, line);) got.push_back(line);
    CHECK(got == test::read_lines(dir + lang + ".sents"));
  }
}

// Floors slightly below the measured figures (docs/decisions/splitter.md; these sets were
// used to develop the rules); the best published normalised F1 per set is in the comment.
TEST_CASE("Korean split-gold sets: normalised F1 floors", "[shared]") {
  struct Floor {
    const char* set;
    double normalized_f1;
  };
  const Floor floors[] = {
      {"ko-blogs", 0.935},         // measured 0.94122; best published 0.88878 (KSS 3.4.2)
      {"ko-blogs_ko", 0.915},      // measured 0.92214; best published 0.88605 (KSS 3.4.2)
      {"ko-etn", 0.975},           // measured 0.98070; best published 0.88102 (Kiwi 0.22.0)
      {"ko-nested", 0.98},         // measured 0.98551; best published 0.92687 (Kiwi 0.14.1)
      {"ko-sample", 0.965},        // measured 0.96925; best published 0.96826 (KSS 4.2.0)
      {"ko-tweets", 0.865},        // measured 0.87352; best published 0.82174 (Kiwi 0.22.0)
      {"ko-v_ending", 0.72},       // measured 0.72696; best published 0.48153 (KSS 3.4.2)
      {"ko-wikipedia", 0.999999},  // measured 1.0; best published 1.0 (KSS 4.2.0 mecab)
  };

  for (const Floor& f : floors) {
    const DocumentSplitScore s = score_set(f.set, Language::kKorean);
    INFO(f.set << ": normalised F1 " << s.normalized_f1 << ", EM " << s.exact_match);
    CHECK(s.normalized_f1 >= f.normalized_f1);
  }
}

TEST_CASE("English golden rules: all 48 exactly right", "[shared]") {
  const DocumentSplitScore s = score_set("en-golden-rules", Language::kEnglish);
  INFO("rules exactly right: " << s.documents_exact << "/" << s.documents);
  CHECK(s.documents == 48);
  CHECK(s.documents_exact == 48);
}

// The English side of the kpc news blocks, each block's en.txt split and scored against its
// en.sents (silver lines) as bench/split_news.py does; dev blocks were tuned on, test blocks not.
TEST_CASE("kpc news English: silver boundary F1 floors on both halves", "[shared]") {
  struct Floor {
    const char* half;
    double f1;
  };
  const Floor floors[] = {
      {"dev_", 0.940},   // measured 0.9432 (0.9392 before the news rules)
      {"test_", 0.935},  // measured 0.9377 (0.9331 before the news rules)
  };
  const std::string root = test::shared_dir() + "/corpora/kpc-news-ko-en";
  for (const Floor& f : floors) {
    std::vector<std::string> blocks;
    for (const auto& e : std::filesystem::directory_iterator(root)) {
      const std::string name = e.path().filename().string();
      if (e.is_directory() && name.rfind(f.half, 0) == 0) blocks.push_back(e.path().string());
    }
    std::sort(blocks.begin(), blocks.end());
    REQUIRE(blocks.size() >= 10);
    std::vector<std::vector<std::string>> gold, pred;
    for (const std::string& dir : blocks) {
      gold.push_back(test::read_lines(dir + "/en.sents"));
      const SegmentedText s =
          split(make_document("en.txt", test::read_file(dir + "/en.txt")), {Language::kEnglish});
      pred.emplace_back();
      for (std::size_t i = 0; i < s.size(); ++i) pred.back().push_back(s.display(i));
    }
    const SplitSetScore score = score_split_set(gold, pred);
    INFO(f.half << ": split F1 " << score.boundary.f1);
    CHECK_FALSE(score.boundary.text_mismatch);
    CHECK(score.boundary.f1 >= f.f1);
  }
}
