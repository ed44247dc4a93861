// False-alarm rate of the QA checks on professional translations: every document of the
// LibreOffice help corpus (paragraph k of ko.txt <-> paragraph k of en.txt), each paragraph pair
// one link, all checks run. Prints findings per check and severity and the rate of MAJOR findings
// per 200 links; with --samples N also the first N findings per check with their link's text, to
// tell real problems from false alarms.
//
//   bench_qa_false_alarms [--corpus DIR] [--samples N] [--mode paragraphs|align]
//
// --mode align splits and aligns each document with kealign's own pipeline instead (links then
// are sentence links, and omission/addition findings measure the aligner as much as the checks).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "kealign/analysis.hpp"
#include "kealign/check.hpp"
#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace fs = std::filesystem;
using namespace kealign;

namespace {

constexpr double kLinksPerRate = 200;  // the requirement is stated per 200 links

SegmentedText paragraph_segments(Document doc) {
  SegmentedText t;
  for (Span p : paragraphs(doc)) t.segments.push_back({p, 0, 0});
  t.document = std::move(doc);
  return t;
}

struct Tally {
  std::size_t major = 0, minor = 0, info = 0;
};

struct Sample {
  std::string doc;
  std::string ko, en, message;
};

std::string joined(const SegmentedText& t, const std::vector<std::uint32_t>& ids) {
  std::string out;
  for (auto i : ids) out += (out.empty() ? "" : " | ") + t.display(i);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = std::string(KEALIGN_SHARED_DIR) + "/corpora/libreoffice-help-ko-en";
  std::size_t samples = 0;
  std::string mode = "paragraphs";
  CLI::App app{"False-alarm rate of the QA checks on professional translations"};
  app.add_option("--corpus", corpus, "corpus folder (one folder per document)")
      ->capture_default_str();
  app.add_option("--samples", samples, "findings printed per check with their link's text");
  app.add_option("--mode", mode, "paragraph k <-> paragraph k, or kealign's own split and align")
      ->check(CLI::IsMember({"paragraphs", "align"}))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (!fs::exists(corpus)) {
    std::cout << "skipped: corpus not found at " << corpus << '\n';
    return 0;
  }
  std::vector<fs::path> docs;
  for (const auto& e : fs::directory_iterator(corpus))
    if (fs::exists(e.path() / "ko.txt")) docs.push_back(e.path());
  std::sort(docs.begin(), docs.end());

  const auto start = std::chrono::steady_clock::now();
  std::map<std::string, Tally> tally;
  std::map<std::string, std::vector<Sample>> sampled;
  std::size_t links = 0, skipped = 0;
  AnalysisOptions options;
  options.allow_unrelated = true;  // known translation pairs: count findings, never skip a pair
  for (const fs::path& d : docs) {
    try {
      Document ko = read_document((d / "ko.txt").string());
      Document en = read_document((d / "en.txt").string());
      Analysis a;
      if (mode == "align") {
        a = analyze_documents(std::move(ko), std::move(en), options);
      } else {
        SegmentedText k = paragraph_segments(std::move(ko));
        SegmentedText e = paragraph_segments(std::move(en));
        if (k.size() != e.size()) {
          ++skipped;
          continue;
        }
        Alignment alignment;
        for (std::uint32_t i = 0; i < k.size(); ++i) alignment.push_back({i, i + 1, i, i + 1, 1.0});
        a = analyze_segmented(std::move(k), std::move(e), options, std::move(alignment));
      }
      links += a.alignment.size();
      for (const Finding& f : a.findings) {
        Tally& t = tally[f.check];
        (f.severity == Severity::kMajor   ? t.major
         : f.severity == Severity::kMinor ? t.minor
                                          : t.info)++;
        auto& s = sampled[f.check];
        if (s.size() < samples)
          s.push_back({d.filename().string(), joined(a.ko, f.ko_ids), joined(a.en, f.en_ids),
                       std::string(severity_name(f.severity)) + ": " + f.message});
      }
    } catch (const Error& e) {
      std::cerr << d.filename().string() << ": " << e.what() << '\n';
      ++skipped;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::cout << "corpus: " << corpus << "\nmode: " << mode
            << "\ndocuments: " << docs.size() - skipped << " (skipped " << skipped
            << ")\nlinks: " << links << "\nseconds: " << seconds << "\n\n";
  std::cout << "check\tmajor\tminor\tinfo\tmajor_per_200_links\n";
  Tally total;
  for (const auto& c : all_checks()) {
    const Tally t = tally[std::string(c->id())];
    total.major += t.major;
    total.minor += t.minor;
    total.info += t.info;
    std::cout << c->id() << '\t' << t.major << '\t' << t.minor << '\t' << t.info << '\t'
              << (links ? kLinksPerRate * t.major / links : 0.0) << '\n';
  }
  std::cout << "ALL\t" << total.major << '\t' << total.minor << '\t' << total.info << '\t'
            << (links ? kLinksPerRate * total.major / links : 0.0) << '\n';
  for (const auto& [check, list] : sampled) {
    std::cout << "\n== " << check << '\n';
    for (const Sample& s : list)
      std::cout << "[" << s.doc << "] " << s.message << "\n  KO: " << s.ko << "\n  EN: " << s.en
                << '\n';
  }
  return 0;
}
