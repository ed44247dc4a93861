// The lexical checks on sentence-aligned news (kpc-news-ko-en, silver 1-1 links from gold.tsv):
// findings per check and severity, major findings per 200 links, and how often a number read in
// the Korean finds an equal quantity in the linked English (the reliability of numbers as anchors
// and the recall of the number reader); with --samples N, the first N findings per check.
//
//   bench_lex_checks [--corpus DIR] [--samples N]
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "kealign/align.hpp"
#include "kealign/check.hpp"
#include "kealign/segment.hpp"
#include "kealign/text.hpp"
#include "numbers.hpp"

namespace fs = std::filesystem;
using namespace kealign;

namespace {

constexpr double kLinksPerRate = 200;
const std::vector<std::string> kLexicalChecks = {"number-mismatch", "latin-token-mismatch",
                                                 "untranslated-term", "name-consistency",
                                                 "term-consistency"};

struct Tally {
  std::size_t major = 0, minor = 0;
  std::vector<std::string> samples;
};

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = std::string(KEALIGN_SHARED_DIR) + "/corpora/kpc-news-ko-en";
  std::size_t samples = 0;
  CLI::App app{"The lexical checks on sentence-aligned news"};
  app.add_option("--corpus", corpus, "corpus folder (one folder per document)")
      ->capture_default_str();
  app.add_option("--samples", samples, "findings printed per check");
  CLI11_PARSE(app, argc, argv);
  if (!fs::is_directory(corpus)) {
    std::cerr << "no corpus at " << corpus << '\n';
    return 77;
  }
  std::vector<fs::path> docs;
  for (const auto& e : fs::directory_iterator(corpus))
    if (fs::exists(e.path() / "gold.tsv")) docs.push_back(e.path());
  std::sort(docs.begin(), docs.end());

  std::map<std::string, Tally> tally;
  std::size_t links = 0, ko_numbers = 0, ko_matched = 0, en_numbers = 0, en_matched = 0;
  CheckOptions options;
  for (const auto& c : all_checks())
    if (std::find(kLexicalChecks.begin(), kLexicalChecks.end(), c->id()) == kLexicalChecks.end())
      options.disabled.insert(std::string(c->id()));
  for (const fs::path& d : docs) {
    SegmentedText ko = presplit(read_document((d / "ko.sents").string()));
    SegmentedText en = presplit(read_document((d / "en.sents").string()));
    const Alignment a =
        to_alignment(read_links((d / "gold.tsv").string()), ko.size(), en.size(), "gold.tsv");
    for (const Bead& b : a) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      ++links;
      std::vector<kealign::lang::NumberMention> k, e;
      for (auto i = b.ko_begin; i < b.ko_end; ++i)
        for (auto& m : kealign::lang::extract_numbers_ko(ko.raw(i))) k.push_back(m);
      for (auto i = b.en_begin; i < b.en_end; ++i)
        for (auto& m : kealign::lang::extract_numbers_en(en.raw(i))) e.push_back(m);
      const auto matched = [](const kealign::lang::NumberMention& x,
                              const std::vector<kealign::lang::NumberMention>& ys) {
        return std::any_of(ys.begin(), ys.end(), [&](const kealign::lang::NumberMention& y) {
          return same_quantity(x, y);
        });
      };
      for (const auto& m : k) ko_matched += matched(m, e);
      for (const auto& m : e) en_matched += matched(m, k);
      ko_numbers += k.size();
      en_numbers += e.size();
    }
    for (const Finding& f : run_checks(CheckContext{ko, en, a, {}}, options)) {
      Tally& t = tally[f.check];
      (f.severity == Severity::kMajor ? t.major : t.minor)++;
      if (t.samples.size() < samples) {
        std::string s = "[" + d.filename().string() + "] " +
                        std::string(severity_name(f.severity)) + ": " + f.message + "\n";
        for (auto i : f.ko_ids) s += "  KO: " + ko.display(i) + "\n";
        for (auto i : f.en_ids) s += "  EN: " + en.display(i) + "\n";
        t.samples.push_back(s);
      }
    }
  }
  std::cout << "corpus: " << corpus << "\ndocuments: " << docs.size() << "\nlinks: " << links
            << "\nko_numbers: " << ko_numbers << "\nko_numbers_with_counterpart: "
            << static_cast<double>(ko_matched) / std::max<std::size_t>(1, ko_numbers)
            << "\nen_numbers: " << en_numbers << "\nen_numbers_with_counterpart: "
            << static_cast<double>(en_matched) / std::max<std::size_t>(1, en_numbers)
            << "\n\ncheck\tmajor\tminor\tmajor_per_200_links\n";
  for (const std::string& id : kLexicalChecks) {
    const Tally& t = tally[id];
    std::cout << id << '\t' << t.major << '\t' << t.minor << '\t'
              << kLinksPerRate * static_cast<double>(t.major) / std::max<std::size_t>(1, links)
              << '\n';
  }
  for (const std::string& id : kLexicalChecks) {
    if (tally[id].samples.empty()) continue;
    std::cout << "\n== " << id << '\n';
    for (const std::string& s : tally[id].samples) std::cout << s;
  }
  return 0;
}
