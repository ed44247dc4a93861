// How well AlignResult::relatedness tells translation pairs from unrelated ones, and what it costs.
//   true pairs: each document of a corpus with its own translation;
//   mismatched pairs: each document's source side with the target side of the other document of
//   the same corpus whose target length is closest (so the lengths fit; news blocks also skip
//   their neighbours, which may continue the same article).
//   partial pairs: each document of at least kLongPair segments a side with only the first half
//   of its translation (a translation left unfinished), only the first half of its source against
//   the whole translation, and its translation without the middle third: these should get
//   omission findings, not a refusal.
// Prints per corpus the false reject rate (true pairs judged unrelated) and the false accept rate
// (mismatched pairs judged related), also for pairs of at least kLongPair segments a side, the
// false reject rates of the partial pairs, the pairs accepted without and with the low-relatedness
// warning (and of those, the ones that cannot tell: Relatedness::uncertain), then the
// CPU time of the measure on the 16,389 x 16,379 concatenated LibreOffice pair.
// Usage: bench_related [SHARED_DIR] [--threshold X] [--restart-ratio X] [--set DIR]... [--dump
// FILE] ...   (default: the configured shared folder). --set adds a folder of presplit documents
// (e.g. the perturbed sets `bench/news_sets.py --keep DIR` writes) as a row of its own;
// --word-stats FILE writes every pair's word test excess and capacity (the test's power).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "align_internal.hpp"
#include "kealign/align.hpp"
#include "kealign/segment.hpp"
#include "kealign/text.hpp"

namespace {

namespace fs = std::filesystem;
using kealign::Language;
using kealign::SegmentedText;

// Pairs with at least this many segments on each side are also counted apart.
constexpr std::size_t kLongPair = 10;

struct Doc {
  std::string name;
  SegmentedText ko, en;
  double en_units = 0;
  std::string series;  // news blocks: "dev" or "test"; neighbours in a series may share an article
  int index = 0;
};

SegmentedText load(const fs::path& path, bool presplit, Language lang) {
  kealign::Document d = kealign::read_document(path.string());
  return presplit ? kealign::presplit(std::move(d)) : kealign::split(std::move(d), {lang});
}

double units(const SegmentedText& t) {
  double sum = 0;
  for (std::size_t i = 0; i < t.size(); ++i) sum += kealign::length_units(t.raw(i));
  return sum;
}

// Every folder of root holding both files, sorted by name.
std::vector<Doc> load_corpus(const fs::path& root, const std::string& ko, const std::string& en,
                             bool presplit) {
  std::vector<std::string> names;
  if (fs::exists(root))
    for (const auto& e : fs::directory_iterator(root))
      if (fs::exists(e.path() / ko) && fs::exists(e.path() / en))
        names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  std::vector<Doc> docs;
  for (const std::string& n : names) {
    Doc d;
    d.name = n;
    d.ko = load(root / n / ko, presplit, Language::kKorean);
    d.en = load(root / n / en, presplit, Language::kEnglish);
    d.en_units = units(d.en);
    d.series = n.substr(0, n.find('_'));
    d.index = static_cast<int>(docs.size());
    docs.push_back(std::move(d));
  }
  return docs;
}

std::FILE* g_dump = nullptr;  // --dump: one line per pair
std::string g_name;           // the corpus and document judged, for --dump

kealign::AlignOptions g_options;  // the settings every pair is aligned and judged with

struct Tally {
  std::size_t pairs = 0, wrong = 0, long_pairs = 0, long_wrong = 0;
  std::size_t related = 0;    // judged related
  std::size_t low = 0;        // related with the warning
  std::size_t uncertain = 0;  // related only because the pair cannot tell
  std::vector<double> scores;
  void add(const kealign::Relatedness& r, bool is_long, bool expect_related) {
    const bool wrong_verdict = r.related != expect_related;
    ++pairs;
    wrong += wrong_verdict;
    long_pairs += is_long;
    long_wrong += is_long && wrong_verdict;
    related += r.related;
    low += r.related && r.low;
    uncertain += r.related && r.uncertain;
    scores.push_back(r.score);
  }
  std::string rate(std::size_t bad, std::size_t all) const {
    return all == 0 ? "-" : fmt::format("{}/{} = {:.3f}", bad, all, double(bad) / all);
  }
  // Pairs accepted, split into those without and with the warning (of those, cannot tell).
  std::string accepted() const {
    return pairs == 0 ? "-" : fmt::format("{} + {} ({})", related - low, low, uncertain);
  }
  double median() {
    if (scores.empty()) return 0;
    std::sort(scores.begin(), scores.end());
    return scores[scores.size() / 2];
  }
};

// The text's segments outside [cut_begin, cut_end), one per line.
SegmentedText without(const SegmentedText& t, std::size_t cut_begin, std::size_t cut_end) {
  std::string lines;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (i < cut_begin || i >= cut_end) lines += t.display(i) + '\n';
  return kealign::presplit(kealign::make_document("part", std::move(lines)));
}

SegmentedText first_half(const SegmentedText& t) {
  return without(t, t.size() / 2, t.size());
}

SegmentedText middle_third_cut(const SegmentedText& t) {
  return without(t, t.size() / 3, 2 * t.size() / 3);
}

// The mismatched partner of docs[i]: closest target length, not itself, not a news neighbour.
std::size_t partner(const std::vector<Doc>& docs, std::size_t i, bool skip_neighbours) {
  std::size_t best = i;
  double best_gap = 0;
  for (std::size_t j = 0; j < docs.size(); ++j) {
    if (j == i) continue;
    if (skip_neighbours && docs[j].series == docs[i].series &&
        std::abs(docs[j].index - docs[i].index) <= 1)
      continue;
    const double gap = std::fabs(std::log1p(docs[j].en_units) - std::log1p(docs[i].en_units));
    if (best == i || gap < best_gap) best = j, best_gap = gap;
  }
  return best;
}

struct Tallies {
  Tally real, mismatched, truncated, ko_truncated, middle_cut;
};

// Aligns and judges one pair, counted in `which` of both tallies (kind names it in --dump).
std::FILE* g_words = nullptr;  // --word-stats: the word test's excess and capacity of every pair

void judge(Tallies& here, Tallies& all, Tally Tallies::*which, const char* kind,
           const SegmentedText& ko, const SegmentedText& en, bool expect_related) {
  const kealign::AlignResult result = kealign::align(ko, en, g_options);
  const kealign::Relatedness& r = result.relatedness;
  if (g_words != nullptr) {
    namespace d = kealign::align_detail;
    d::SideProfile kp, ep;
    d::annotate_basics(ko, kp);
    d::annotate_basics(en, ep);
    fmt::print(g_words, "{}\t{}\t{:.3f}\t{:.3f}\t{}\t{}\n", kind, g_name,
               d::word_association_excess(result.alignment, kp, ep, g_options.relatedness),
               d::word_association_capacity(result.alignment, kp, ep, g_options.relatedness),
               r.related, r.shared_anchors);
  }
  const bool is_long = std::min(ko.size(), en.size()) >= kLongPair;
  (here.*which).add(r, is_long, expect_related);
  (all.*which).add(r, is_long, expect_related);
  if (g_dump != nullptr)
    fmt::print(
        g_dump,
        "{}\t{}\t{}\t{:.2f}\t{:.2f}\t{}\t{}\t{}\t{:.2f}\t{:.2f}\t{}\t{}\t{}\t{}\t{:.3f}\t{}\t{:."
        "3f}\t{}\n",
        kind, ko.size(), en.size(), r.score, r.missing_gain, r.missing_korean ? "ko" : "en",
        r.missing_end - r.missing_begin, r.missing_other, r.matched_anchors, r.shared_anchors,
        r.linked_segments, r.unaligned_segments, r.related, r.low, r.association, g_name,
        r.word_capacity, r.uncertain);
}

void print_row(const std::string& corpus, Tallies& t) {
  fmt::print("| {} | {} | {} | {:.1f} | {} | {} | {:.1f} | {} | {:.1f} | {} | {} | {} | {} |\n",
             corpus, t.real.rate(t.real.wrong, t.real.pairs),
             t.real.rate(t.real.long_wrong, t.real.long_pairs), t.real.median(),
             t.mismatched.rate(t.mismatched.wrong, t.mismatched.pairs),
             t.mismatched.rate(t.mismatched.long_wrong, t.mismatched.long_pairs),
             t.mismatched.median(), t.truncated.rate(t.truncated.wrong, t.truncated.pairs),
             t.truncated.median(), t.ko_truncated.rate(t.ko_truncated.wrong, t.ko_truncated.pairs),
             t.middle_cut.rate(t.middle_cut.wrong, t.middle_cut.pairs), t.real.accepted(),
             t.mismatched.accepted());
}

void run_corpus(const std::string& corpus, const std::vector<Doc>& docs, bool skip_neighbours,
                Tallies& all) {
  if (docs.size() < 2) return;
  Tallies here;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const Doc& other = docs[partner(docs, i, skip_neighbours)];
    g_name = corpus + "/" + docs[i].name;
    judge(here, all, &Tallies::real, "real", docs[i].ko, docs[i].en, true);
    judge(here, all, &Tallies::mismatched, "mismatched", docs[i].ko, other.en, false);
    if (std::min(docs[i].ko.size(), docs[i].en.size()) < kLongPair) continue;
    const SegmentedText half = first_half(docs[i].en);
    const SegmentedText ko_half = first_half(docs[i].ko);
    const SegmentedText middle = middle_third_cut(docs[i].en);
    judge(here, all, &Tallies::truncated, "en_half", docs[i].ko, half, true);
    judge(here, all, &Tallies::ko_truncated, "ko_half", ko_half, docs[i].en, true);
    judge(here, all, &Tallies::middle_cut, "en_middle", docs[i].ko, middle, true);
  }
  print_row(corpus, here);
}

// The seed article against a news block of similar length, both ways (raw text, split).
void run_seed(const fs::path& shared, Tallies& all) {
  const fs::path seed = shared / "seed-article";
  const fs::path news = shared / "corpora" / "kpc-news-ko-en" / "dev_001";
  if (!fs::exists(seed / "ko.txt") || !fs::exists(news / "ko.txt")) return;
  const SegmentedText ko = load(seed / "ko.txt", false, Language::kKorean);
  const SegmentedText en = load(seed / "en.txt", false, Language::kEnglish);
  const SegmentedText news_ko = load(news / "ko.txt", false, Language::kKorean);
  const SegmentedText news_en = load(news / "en.txt", false, Language::kEnglish);
  Tallies here;
  g_name = "seed";
  const SegmentedText half = first_half(en);
  const SegmentedText ko_half = first_half(ko);
  const SegmentedText middle = middle_third_cut(en);
  judge(here, all, &Tallies::real, "real", ko, en, true);
  judge(here, all, &Tallies::mismatched, "mismatched", ko, news_en, false);
  judge(here, all, &Tallies::mismatched, "mismatched", news_ko, en, false);
  judge(here, all, &Tallies::truncated, "en_half", ko, half, true);
  judge(here, all, &Tallies::ko_truncated, "ko_half", ko_half, en, true);
  judge(here, all, &Tallies::middle_cut, "en_middle", ko, middle, true);
  print_row("seed article (raw text) vs a news block", here);
}

// CPU time of measure_relatedness (profiles included) on the concatenated LibreOffice pair.
void run_cost(const fs::path& root) {
  if (!fs::exists(root)) return;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(root))
    if (fs::exists(e.path() / "ko.sents")) names.push_back(e.path().string());
  std::sort(names.begin(), names.end());
  std::string ko, en;
  for (const std::string& n : names) {
    for (auto [file, out] : {std::pair{"/ko.sents", &ko}, std::pair{"/en.sents", &en}}) {
      std::string body(kealign::read_document(n + file).body());
      if (!body.empty() && body.back() != '\n') body += '\n';
      *out += body;
    }
  }
  const SegmentedText kt = kealign::presplit(kealign::make_document("ko", std::move(ko)));
  const SegmentedText et = kealign::presplit(kealign::make_document("en", std::move(en)));
  std::clock_t c0 = std::clock();
  const kealign::AlignResult r = kealign::align(kt, et);
  const double align_cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  // The profiles align() has already built, then the measure itself (what align() adds).
  namespace d = kealign::align_detail;
  c0 = std::clock();
  d::SideProfile kp, ep;
  d::annotate_basics(kt, kp);
  d::annotate_basics(et, ep);
  for (const auto& scorer :
       {d::make_number_scorer(), d::make_token_scorer(), d::make_furniture_scorer()}) {
    scorer->annotate(kt, d::Side::kKorean, kp);
    scorer->annotate(et, d::Side::kEnglish, ep);
  }
  const double profile_cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  c0 = std::clock();
  const kealign::Relatedness again = d::measure_relatedness(r.alignment, kp, ep, {});
  const double measure_cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  // The word test runs only for a pair the rest refuses; timed here on this path all the same.
  c0 = std::clock();
  const double association = d::word_association_excess(r.alignment, kp, ep, {});
  const double association_cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  fmt::print("word test on the same path ({} linked beads at most): {:.3f} s CPU, excess {:.2f}\n",
             kealign::RelatednessOptions{}.association_beads, association_cpu, association);
  fmt::print(
      "\nconcatenated LibreOffice pair {} x {}: align {:.3f} s CPU (measure included); the "
      "measure itself {:.4f} s CPU (profiles, which align() builds anyway: {:.3f} s); score "
      "{:.1f}, related {}\n",
      kt.size(), et.size(), align_cpu, measure_cpu, profile_cpu, again.score, again.related);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"How well the relatedness measure tells translations from unrelated pairs"};
  std::string shared_dir = KEALIGN_SHARED_DIR;
  app.add_option("shared", shared_dir, "the shared data folder")->capture_default_str();
  kealign::RelatednessOptions& r = g_options.relatedness;
  app.add_option("--missing-part-weight", r.missing_part_weight, "evidence for a missing passage")
      ->capture_default_str();
  app.add_option("--missing-other-weight", r.missing_other_weight,
                 "evidence per other-side segment inside a missing passage")
      ->capture_default_str();
  app.add_option("--min-rest-evidence", r.min_rest_evidence,
                 "least evidence of the rest when a passage is missing")
      ->capture_default_str();
  app.add_option("--min-missing-share", r.min_missing_share, "a missing passage's least share")
      ->capture_default_str();
  app.add_option("--threshold", r.threshold, "the relatedness threshold")->capture_default_str();
  app.add_option("--related-association", r.related_association,
                 "word association that makes a pair the rest refuses related")
      ->capture_default_str();
  app.add_option("--min-anchor-evidence", r.min_anchor_evidence,
                 "shared anchor units that let a pair be refused")
      ->capture_default_str();
  app.add_option("--unrelated-matched-share", r.unrelated_matched_share,
                 "share of enough shared anchors linked under which they speak against a pair")
      ->capture_default_str();
  app.add_option("--min-word-capacity", r.min_word_capacity,
                 "word test capacity that lets a pair be refused")
      ->capture_default_str();
  app.add_option("--restart-ratio", g_options.restart_ratio,
                 "length ratio off the calibrated one that searches again from it (0: never)")
      ->capture_default_str();
  std::vector<std::string> extra_sets;
  app.add_option("--set", extra_sets,
                 "also judge the documents of this folder (ko.sents and en.sents, presplit; not "
                 "counted in \"all\")");
  std::string dump;
  app.add_option("--dump", dump,
                 "write one line per pair (kind, sizes, score, missing part, anchors, verdict, "
                 "word association, "
                 "corpus/document) here");
  std::string words;
  app.add_option("--word-stats", words,
                 "write per pair the word test's excess and capacity on its path here");
  CLI11_PARSE(app, argc, argv);
  if (!dump.empty()) g_dump = std::fopen(dump.c_str(), "w");
  if (!words.empty()) g_words = std::fopen(words.c_str(), "w");
  const fs::path shared = shared_dir;
  const fs::path corpora = shared / "corpora";
  if (!fs::exists(corpora)) {
    std::cerr << "bench_related: " << corpora << " not found\n";
    return 77;
  }
  fmt::print(
      "threshold {:.1f}, judged from {} segments a side, missing passage {:.1f} (at least {} "
      "segments and {:.2f} of its side)\n\n",
      r.threshold, r.min_segments, r.missing_part_weight, r.min_missing_segments,
      r.min_missing_share);
  fmt::print(
      "| corpus | false reject | false reject, >= {0} segs a side | median score | false accept "
      "| false accept, >= {0} segs a side | median score | false reject, first half of the "
      "translation | median score | false reject, first half of the source | false reject, middle "
      "third of the translation missing | true pairs accepted: without + with the warning (cannot "
      "tell) | mismatched accepted: without + with the warning (cannot tell) "
      "|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n",
      kLongPair);
  Tallies all;
  run_seed(shared, all);
  run_corpus("kpc news ko-en blocks (presplit)",
             load_corpus(corpora / "kpc-news-ko-en", "ko.sents", "en.sents", true), true, all);
  run_corpus("LibreOffice help ko-en (raw text)",
             load_corpus(corpora / "libreoffice-help-ko-en", "ko.txt", "en.txt", false), false,
             all);
  // The same help pages as above, so left out of "all".
  Tallies same_pages;
  run_corpus("LibreOffice help ko-en align set (presplit, 5% of paragraphs dropped)",
             load_corpus(corpora / "libreoffice-help-ko-en-align", "ko.sents", "en.sents", true),
             false, same_pages);
  run_corpus("GIMP help ko-en (raw text)",
             load_corpus(corpora / "gimp-help-ko-en", "ko.txt", "en.txt", false), false, all);
  run_corpus(
      "Text+Berg de-fr dev, test0-6 (presplit)",
      load_corpus(corpora / "bleualign-textberg-de-fr" / "docs", "src.sents", "tgt.sents", true),
      false, all);
  print_row("all", all);
  for (const std::string& set : extra_sets) {
    Tallies apart;
    run_corpus(set, load_corpus(set, "ko.sents", "en.sents", true), false, apart);
  }
  run_cost(corpora / "libreoffice-help-ko-en-align");
  return 0;
}
