// Report rendering cost: time and size of the HTML and Markdown reports for the seed article (gold
// alignment) and for all kpc-news-ko-en blocks joined into one 2,400-link document (its 1-1 silver
// alignment), findings from the registered checks.
//
//   bench_report [SHARED_DIR]
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "kealign/align.hpp"
#include "kealign/check.hpp"
#include "kealign/report.hpp"
#include "kealign/segment.hpp"

namespace {

constexpr int kRuns = 5;  // best of, to damp the noise of a shared machine

double best_ms(const std::function<std::string()>& render, std::size_t& bytes) {
  double best = 1e300;
  for (int i = 0; i < kRuns; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    bytes = render().size();
    const auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  return best;
}

void measure(const std::string& name, const kealign::SegmentedText& ko,
             const kealign::SegmentedText& en, const kealign::Alignment& alignment) {
  // The default length model and no relatedness verdict: the report's speed is measured, not the
  // findings.
  const kealign::AlignResult aligned{alignment, {}, {}};
  const std::vector<kealign::Finding> findings = kealign::run_checks(ko, en, aligned);
  const kealign::ReportInput in{ko, en, alignment, findings};
  std::size_t html = 0, md = 0;
  const double html_ms = best_ms([&] { return kealign::render_html(in, {}); }, html);
  const double md_ms = best_ms([&] { return kealign::render_markdown(in, {}); }, md);
  fmt::print("{}: {} Korean / {} English segments, {} links, {} findings\n", name, ko.size(),
             en.size(), alignment.size(), findings.size());
  fmt::print("  html: {:.1f} KiB in {:.2f} ms\n  md:   {:.1f} KiB in {:.2f} ms\n", html / 1024.0,
             html_ms, md / 1024.0, md_ms);
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  CLI::App app{"Report rendering cost"};
  fs::path shared = KEALIGN_SHARED_DIR;
  app.add_option("shared", shared, "the shared data folder")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    const fs::path seed = shared / "seed-article";
    const auto ko = kealign::presplit(kealign::read_document((seed / "ko.sents").string()));
    const auto en = kealign::presplit(kealign::read_document((seed / "en.sents").string()));
    measure("seed-article", ko, en,
            kealign::to_alignment(kealign::read_links((seed / "gold.tsv").string()), ko.size(),
                                  en.size(), "gold.tsv"));

    std::vector<fs::path> blocks;
    for (const auto& e : fs::directory_iterator(shared / "corpora" / "kpc-news-ko-en"))
      if (e.is_directory()) blocks.push_back(e.path());
    std::sort(blocks.begin(), blocks.end());
    std::string ko_all, en_all;
    for (const fs::path& b : blocks) {
      ko_all += kealign::read_document((b / "ko.sents").string()).text;
      en_all += kealign::read_document((b / "en.sents").string()).text;
    }
    const auto big_ko = kealign::presplit(kealign::make_document("kpc-news ko", ko_all));
    const auto big_en = kealign::presplit(kealign::make_document("kpc-news en", en_all));
    kealign::Alignment identity;
    for (std::uint32_t i = 0; i < std::min(big_ko.size(), big_en.size()); ++i)
      identity.push_back({i, i + 1, i, i + 1, 1.0});
    measure(fmt::format("kpc-news-ko-en ({} blocks joined)", blocks.size()), big_ko, big_en,
            identity);
  } catch (const std::exception& e) {
    fmt::print(stderr, "bench_report: {}\n", e.what());
    return 1;
  }
  return 0;
}
