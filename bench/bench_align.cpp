// Aligner speed, memory and accuracy on long inputs:
//   1. every libreoffice-help-ko-en-align document aligned on its own (strict F1, time);
//   2. all of them concatenated into one pair (~16,400 segments a side): time, peak RSS, strict F1;
//   3. a synthetic pair of 100,000 segments a side (the documents repeated): the same figures.
// For 2 and 3 also the CPU time of runs with fewer passes (a phase = the difference).
// Usage: bench_align [SHARED_DIR]   (default: the configured shared folder)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "kealign/align.hpp"
#include "kealign/text.hpp"

namespace {

namespace fs = std::filesystem;

struct Doc {
  std::string ko, en;  // one segment per line
  std::vector<kealign::Link> gold;
  std::size_t ko_count = 0, en_count = 0;
};

using LinkSet = std::set<std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>>;

std::size_t count_lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

std::string read_all(const std::string& path) {
  kealign::Document d = kealign::read_document(path);
  std::string body(d.body());
  if (!body.empty() && body.back() != '\n') body += '\n';
  return body;
}

struct Tally {
  std::size_t hits = 0, predicted = 0, gold = 0;
  void add(const std::vector<kealign::Link>& gold_links, const kealign::Alignment& a) {
    LinkSet g;
    for (const auto& l : gold_links)
      if (!l.ko.empty() && !l.en.empty()) g.insert({l.ko, l.en});
    gold += g.size();
    for (auto l : kealign::to_links(a)) {
      if (l.ko.empty() || l.en.empty()) continue;
      ++predicted;
      if (g.count({l.ko, l.en})) ++hits;
    }
  }
  double f1() const {
    const double p = predicted ? double(hits) / predicted : 0, r = gold ? double(hits) / gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;  // kilobytes on Linux
}

template <typename F>
double cpu_seconds(F&& f) {
  const std::clock_t c0 = std::clock();
  f();
  return double(std::clock() - c0) / CLOCKS_PER_SEC;
}

// Aligns the documents concatenated as one pair (repeated until min_segments Korean segments, if
// given) and scores against the gold links shifted accordingly.
void run_concatenated(const std::vector<Doc>& docs, std::size_t min_segments, const char* label) {
  std::string ko, en;
  std::vector<kealign::Link> gold;
  std::uint32_t kb = 0, eb = 0;
  while (kb < min_segments || kb == 0) {
    for (const Doc& d : docs) {
      ko += d.ko;
      en += d.en;
      for (const auto& l : d.gold) {
        kealign::Link s;
        for (auto k : l.ko) s.ko.push_back(k + kb);
        for (auto e : l.en) s.en.push_back(e + eb);
        gold.push_back(std::move(s));
      }
      kb += static_cast<std::uint32_t>(d.ko_count);
      eb += static_cast<std::uint32_t>(d.en_count);
      if (min_segments > 0 && kb >= min_segments) break;
    }
    if (min_segments == 0) break;
  }
  const kealign::SegmentedText kt = kealign::presplit(kealign::make_document("ko", std::move(ko)));
  const kealign::SegmentedText et = kealign::presplit(kealign::make_document("en", std::move(en)));
  // Phases, from runs that stop earlier: one pass (profiles, anchor-first path, one search with
  // confidences), then the EM passes; the full run adds the word table and its pass.
  kealign::AlignOptions first_only, with_em;
  first_only.calibration = kealign::Calibration::kFixed;
  first_only.learn_lexicon = false;
  with_em.learn_lexicon = false;
  const double first_cpu = cpu_seconds([&] { kealign::align(kt, et, first_only); });
  const double em_cpu = cpu_seconds([&] { kealign::align(kt, et, with_em); });
  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  const kealign::AlignResult r = kealign::align(kt, et);
  const double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  kealign::check_conservation(r.alignment, kt.size(), et.size());
  Tally t;
  t.add(gold, r.alignment);
  // CPU time beside wall time: on a shared machine the wall clock also counts other processes.
  fmt::print(
      "{}: {} x {} segments, {:.3f} s wall, {:.3f} s CPU, peak RSS {:.0f} MB, strict F1 {:.4f}\n",
      label, kt.size(), et.size(), secs, cpu, peak_rss_mb(), t.f1());
  fmt::print(
      "  CPU of shorter runs: 1 pass (fixed model, no word table) {:.3f} s, 3 passes (EM, no word "
      "table) {:.3f} s; all 4 passes {:.3f} s\n",
      first_cpu, em_cpu, cpu);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Aligner speed, memory and accuracy on long inputs"};
  std::string shared = KEALIGN_SHARED_DIR;
  app.add_option("shared", shared, "the shared data folder")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  const fs::path root = fs::path(shared) / "corpora" / "libreoffice-help-ko-en-align";
  if (!fs::exists(root)) {
    std::cerr << "bench_align: " << root << " not found\n";
    return 77;
  }
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(root))
    if (fs::exists(e.path() / "gold.tsv")) names.push_back(e.path().string());
  std::sort(names.begin(), names.end());
  std::vector<Doc> docs;
  for (const auto& n : names) {
    Doc d;
    d.ko = read_all(n + "/ko.sents");
    d.en = read_all(n + "/en.sents");
    d.ko_count = count_lines(d.ko);
    d.en_count = count_lines(d.en);
    d.gold = kealign::read_links(n + "/gold.tsv");
    docs.push_back(std::move(d));
  }

  Tally each;
  const auto t0 = std::chrono::steady_clock::now();
  for (const Doc& d : docs) {
    const auto kt = kealign::presplit(kealign::make_document("ko", d.ko));
    const auto et = kealign::presplit(kealign::make_document("en", d.en));
    each.add(d.gold, kealign::align(kt, et).alignment);
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print("document by document: {} documents, {:.3f} s, strict F1 {:.4f}\n", docs.size(), secs,
             each.f1());
  run_concatenated(docs, 0, "concatenated");
  run_concatenated(docs, 100000, "synthetic 100k");
  return 0;
}
