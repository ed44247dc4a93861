// Splitting speed on a large Korean and a large English text, next to a bare ICU sentence
// BreakIterator pass over the same text in the same run.
//
//   bench_split [--megabytes N] [--shared DIR]
//
// The text is every libreoffice-help-ko-en/<doc>/ko.txt (resp. en.txt) concatenated and repeated
// to at least N MB (default 50), written to a temporary file and then read back STREAMING,
// paragraph by paragraph: memory stays proportional to one paragraph, not to the file. Prints
// MB/s for kealign::split_paragraph and for ICU, their ratio, segment counts and peak RSS.
#include <sys/resource.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "kealign/segment.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMegabyte = 1024 * 1024;
constexpr std::size_t kDefaultMegabytes = 50;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The corpus file for one language, built once: every document's text, repeated to min_bytes.
fs::path build_corpus(const fs::path& corpus_dir, const std::string& lang, std::size_t min_bytes) {
  std::vector<fs::path> docs;
  for (const auto& d : fs::directory_iterator(corpus_dir)) {
    if (fs::exists(d.path() / (lang + ".txt"))) docs.push_back(d.path() / (lang + ".txt"));
  }
  std::sort(docs.begin(), docs.end());
  std::string base;
  for (const auto& p : docs) base += read_all(p) + "\n";
  const fs::path out = fs::temp_directory_path() / ("kealign_bench_split_" + lang + ".txt");
  std::ofstream f(out, std::ios::binary);
  for (std::size_t written = 0; written < min_bytes && !base.empty(); written += base.size())
    f << base;
  return out;
}

// Calls fn(paragraph, offset) for each blank-line separated paragraph of the file, read line by
// line so that only one paragraph is in memory.
std::size_t for_each_paragraph(const fs::path& file,
                               const std::function<void(const std::string&, std::size_t)>& fn) {
  std::ifstream in(file, std::ios::binary);
  std::string line, paragraph;
  std::size_t offset = 0, start = 0;
  auto flush = [&] {
    if (!paragraph.empty()) fn(paragraph, start);
    paragraph.clear();
  };
  while (std::getline(in, line)) {
    const bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
    if (blank) {
      flush();
    } else {
      if (paragraph.empty()) start = offset;
      if (!paragraph.empty()) paragraph += '\n';
      paragraph += line;
    }
    offset += line.size() + 1;
  }
  flush();
  return offset;
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

struct Pass {
  double seconds = 0;
  std::size_t bytes = 0, segments = 0;
  double mb_per_s() const { return static_cast<double>(bytes) / kMegabyte / seconds; }
};

Pass time_pass(const fs::path& file,
               const std::function<std::size_t(const std::string&, std::size_t)>& split) {
  Pass p;
  const auto t0 = std::chrono::steady_clock::now();
  p.bytes = for_each_paragraph(
      file, [&](const std::string& para, std::size_t at) { p.segments += split(para, at); });
  p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return p;
}

std::size_t icu_sentences(icu::BreakIterator& it, const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  it.setText(ut, status);
  std::size_t n = 0;
  for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next()) ++n;
  utext_close(ut);
  return n > 0 ? n - 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t megabytes = kDefaultMegabytes;
  fs::path shared = KEALIGN_SHARED_DIR;
  CLI::App app{"Splitting speed on large Korean and English texts, next to ICU"};
  app.add_option("--megabytes", megabytes, "text per language, repeated to at least this size")
      ->capture_default_str();
  app.add_option("--shared", shared, "the shared data folder")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  const fs::path corpus = shared / "corpora" / "libreoffice-help-ko-en";
  if (!fs::exists(corpus)) {
    std::cerr << "bench_split: " << corpus << " not found; skipped\n";
    return 0;
  }
  std::printf("%-4s %9s %12s %12s %12s %10s %10s %12s\n", "lang", "MB", "kealign MB/s", "ICU MB/s",
              "ICU/kealign", "segments", "ICU sents", "peak RSS MB");
  for (const auto& [code, lang, locale] : {std::tuple{"ko", kealign::Language::kKorean, "ko"},
                                           std::tuple{"en", kealign::Language::kEnglish, "en"}}) {
    const fs::path file = build_corpus(corpus, code, megabytes * kMegabyte);
    const Pass ours = time_pass(file, [lang = lang](const std::string& p, std::size_t at) {
      return kealign::split_paragraph(p, at, lang).size();
    });
    const long rss_after_ours = peak_rss_kb();
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale(locale), status));
    const Pass icu =
        time_pass(file, [&](const std::string& p, std::size_t) { return icu_sentences(*it, p); });
    std::printf("%-4s %9.1f %12.1f %12.1f %12.2f %10zu %10zu %12.1f\n", code,
                static_cast<double>(ours.bytes) / kMegabyte, ours.mb_per_s(), icu.mb_per_s(),
                icu.mb_per_s() / ours.mb_per_s(), ours.segments, icu.segments,
                static_cast<double>(rss_after_ours) / 1024);
    fs::remove(file);
  }
  return 0;
}
