// How the aligner links a partial translation: gold pairs with one side cut as bench_related cuts
// them (the first half of the translation kept, the translation without its middle third, the
// first half of the source against the whole translation), aligned, and scored against the gold
// restricted to what was kept.
//   kept links: gold links whose cut side lies wholly in the kept part (ids renumbered); the
//   strict P / R / F1 count predicted links with both sides against them.
//   orphans: segments of the uncut side whose gold counterpart was wholly cut; one that the
//   aligner links to anything is a wrong link into the gap ("orphans linked").
// Gold links straddling the cut count in neither. Pairs with fewer than kLongPair segments on a
// side are skipped (as bench_related's partial pairs).
// Usage: bench_passage [SHARED_DIR] [--passage-odds X] [--restart-ratio X]   (default: the
// configured shared folder)
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "kealign/align.hpp"
#include "kealign/segment.hpp"
#include "kealign/text.hpp"

namespace {

namespace fs = std::filesystem;
using kealign::Link;
using kealign::SegmentedText;

constexpr std::size_t kLongPair = 10;

struct Doc {
  std::string name;
  SegmentedText ko, en;
  std::vector<Link> gold;
};

SegmentedText load(const fs::path& path) {
  return kealign::presplit(kealign::read_document(path.string()));
}

// Every folder of root holding ko.sents, en.sents and gold.tsv, sorted by name.
std::vector<Doc> load_set(const fs::path& root) {
  std::vector<fs::path> folders;
  if (fs::exists(root))
    for (const auto& e : fs::directory_iterator(root))
      if (fs::exists(e.path() / "gold.tsv") && fs::exists(e.path() / "ko.sents"))
        folders.push_back(e.path());
  std::sort(folders.begin(), folders.end());
  std::vector<Doc> docs;
  for (const fs::path& f : folders)
    docs.push_back({f.filename().string(), load(f / "ko.sents"), load(f / "en.sents"),
                    kealign::read_links((f / "gold.tsv").string())});
  return docs;
}

// The text's segments outside [cut_begin, cut_end), one per line.
SegmentedText without(const SegmentedText& t, std::size_t cut_begin, std::size_t cut_end) {
  std::string lines;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (i < cut_begin || i >= cut_end) lines += t.display(i) + '\n';
  return kealign::presplit(kealign::make_document("part", std::move(lines)));
}

struct Cut {
  const char* name;
  bool korean;        // which side is cut
  double begin, end;  // the cut as shares of that side
};

constexpr Cut kCuts[] = {{"translation: first half", false, 0.5, 1.0},
                         {"translation: middle third cut", false, 1.0 / 3, 2.0 / 3},
                         {"source: first half", true, 0.5, 1.0}};

struct Tally {
  std::size_t pairs = 0, gold = 0, predicted = 0, found = 0, orphans = 0, orphans_linked = 0;
  std::size_t passages = 0;  // pairs whose relatedness names a passage of the cut side

  void add(const Tally& t) {
    pairs += t.pairs, gold += t.gold, predicted += t.predicted, found += t.found;
    orphans += t.orphans, orphans_linked += t.orphans_linked, passages += t.passages;
  }
  double f1() const { return gold + predicted == 0 ? 0 : 2.0 * found / double(gold + predicted); }
};

kealign::AlignOptions g_options;

// One pair with one side cut, scored against the restricted gold.
Tally run_cut(const Doc& d, const Cut& c) {
  const SegmentedText& side = c.korean ? d.ko : d.en;
  const std::size_t begin = static_cast<std::size_t>(c.begin * double(side.size()));
  const std::size_t end = static_cast<std::size_t>(c.end * double(side.size()));
  const SegmentedText part = without(side, begin, end);
  const auto renumber = [&](std::uint32_t id) {
    return static_cast<std::uint32_t>(id < begin ? id : id - (end - begin));
  };
  std::set<std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>> gold;
  std::set<std::uint32_t> orphans;  // uncut side, its counterpart wholly cut
  for (const Link& l : d.gold) {
    if (l.ko.empty() || l.en.empty()) continue;
    std::vector<std::uint32_t> cut_ids = c.korean ? l.ko : l.en;
    const std::size_t inside = std::count_if(
        cut_ids.begin(), cut_ids.end(), [&](std::uint32_t x) { return x >= begin && x < end; });
    if (inside == cut_ids.size()) {
      for (std::uint32_t x : c.korean ? l.en : l.ko) orphans.insert(x);
    } else if (inside == 0) {
      for (std::uint32_t& x : cut_ids) x = renumber(x);
      gold.insert(c.korean ? std::pair{cut_ids, l.en} : std::pair{l.ko, cut_ids});
    }
  }
  const kealign::AlignResult r =
      c.korean ? kealign::align(part, d.en, g_options) : kealign::align(d.ko, part, g_options);
  Tally t;
  t.pairs = 1;
  t.gold = gold.size();
  t.orphans = orphans.size();
  t.passages = r.relatedness.missing_gain > 0 && r.relatedness.missing_korean == !c.korean;
  for (const Link& l : kealign::to_links(r.alignment)) {
    if (l.ko.empty() || l.en.empty()) continue;
    ++t.predicted;
    t.found += gold.count({l.ko, l.en});
    for (std::uint32_t x : c.korean ? l.en : l.ko) t.orphans_linked += orphans.count(x);
  }
  return t;
}

void print_row(const std::string& set, const Cut& c, const Tally& t) {
  fmt::print("| {} | {} | {} | {}/{} | {:.4f} | {:.4f} | {:.4f} | {}/{} | {} |\n", set, c.name,
             t.pairs, t.found, t.gold, t.predicted ? double(t.found) / t.predicted : 0.0,
             t.gold ? double(t.found) / t.gold : 0.0, t.f1(), t.orphans_linked, t.orphans,
             t.passages);
}

void run_set(const std::string& set, const std::vector<Doc>& docs) {
  for (const Cut& c : kCuts) {
    Tally all;
    for (const Doc& d : docs)
      if (std::min(d.ko.size(), d.en.size()) >= kLongPair) all.add(run_cut(d, c));
    print_row(set, c, all);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"How the aligner links a translation of only part of the source"};
  std::string shared_dir = KEALIGN_SHARED_DIR;
  app.add_option("shared", shared_dir, "the shared data folder")->capture_default_str();
  app.add_option("--passage-odds", g_options.passage_odds,
                 "odds of a null bead inside a missing passage on the second search (0: none)")
      ->capture_default_str();
  app.add_option("--restart-ratio", g_options.restart_ratio,
                 "length ratio off the calibrated one that searches again from it (0: never)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  const fs::path shared = shared_dir;
  if (!fs::exists(shared / "seed-article" / "gold.tsv")) {
    std::cerr << "bench_passage: no seed article in " << shared << "\n";
    return 77;
  }
  fmt::print(
      "| set | cut | pairs | kept gold links found | strict P | strict R | strict F1 | orphans "
      "linked | passage named |\n|---|---|---|---|---|---|---|---|---|\n");
  // The seed article's folder holds the pair and its gold directly.
  std::vector<Doc> seed;
  const fs::path s = shared / "seed-article";
  seed.push_back({"seed-article", load(s / "ko.sents"), load(s / "en.sents"),
                  kealign::read_links((s / "gold.tsv").string())});
  run_set("seed article", seed);
  run_set("LibreOffice align set", load_set(shared / "corpora" / "libreoffice-help-ko-en-align"));
  return 0;
}
