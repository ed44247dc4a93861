// The QA pipeline behind `kealign check` and `kealign report`: take a Korean-English pair, split
// it (or take it one segment per line), align it (or take an existing alignment), run the checks.
//
//   kealign::Analysis a = kealign::analyze("서울은 한국의 수도이다.", "Seoul is the capital.");
//   for (const kealign::Finding& f : a.findings) std::cout << f.check << ' ' << f.message << '\n';
//
//   kealign::AnalysisOptions options;
//   options.presplit = true;                         // ko.sents / en.sents: line i = segment i
//   options.alignment = "gold.tsv";                  // optional: skip the aligner
//   options.checks.disabled = {"length-ratio"};
//   kealign::Analysis b = kealign::analyze_files("ko.sents", "en.sents", options);
//
// With an alignment file the length model the length-ratio check uses is fitted to that
// alignment's links (fit_length_model); otherwise it is the model the aligner calibrated. Either
// way a pair whose alignment shows the texts are not translations of each other (two different
// articles) is refused with an InputError naming both files and the score, unless
// allow_unrelated is set.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kealign/align.hpp"
#include "kealign/check.hpp"
#include "kealign/export.hpp"
#include "kealign/segment.hpp"
#include "kealign/text.hpp"

namespace kealign {

struct AnalysisOptions {
  bool presplit = false;  // inputs are one segment per line (segment i = line i)
  std::string alignment;  // existing alignment (aligned TSV or ko_ids<TAB>en_ids); "" = align
  PairReadOptions read;   // encodings and size limits of the inputs
  AlignOptions align;     // aligner settings when no alignment file is given
  CheckOptions checks;    // which checks run, with which parameters
  bool allow_unrelated = false;  // analyse a pair even when it does not look like a translation
};

// Everything the pipeline produced; the texts own the documents the spans point into.
struct Analysis {
  SegmentedText ko;
  SegmentedText en;
  Alignment alignment;
  LengthModel model;
  Relatedness relatedness;  // of the texts under the alignment (relatedness.hpp)
  std::vector<Finding> findings;
};

// Splits, aligns and checks two texts in memory (UTF-8, or the encodings options.read names; the
// documents are named "ko" and "en" in errors). Throws InputError for malformed input (text that
// is not valid UTF-8; an alignment file that does not fit the texts names the offending link; a
// pair that is not a translation, judged by Relatedness, unless allow_unrelated), IoError for an
// unreadable alignment file, and UsageError for unknown checks or parameters, before any work.
KEALIGN_EXPORT Analysis analyze(std::string_view ko, std::string_view en,
                                const AnalysisOptions& options = {});

// The same for two files: reads them (IoError when one cannot be read), then as analyze().
KEALIGN_EXPORT Analysis analyze_files(const std::string& ko_path, const std::string& en_path,
                                      const AnalysisOptions& options = {});

// The same for documents already read (read_document, make_document: text.hpp).
KEALIGN_EXPORT Analysis analyze_documents(Document ko, Document en,
                                          const AnalysisOptions& options = {});

// Aligns (unless `alignment` is non-empty, then checks it covers both texts) and runs the checks
// on texts already segmented.
KEALIGN_EXPORT Analysis analyze_segmented(SegmentedText ko, SegmentedText en,
                                          const AnalysisOptions& options,
                                          Alignment alignment = {});

// The length model of a given alignment: c and s^2 estimated from its links with both sides
// non-empty; `fallback` when there are too few such links to estimate them.
KEALIGN_EXPORT LengthModel fit_length_model(const SegmentedText& ko, const SegmentedText& en,
                                            const Alignment& alignment,
                                            const LengthModel& fallback = {});

}  // namespace kealign
