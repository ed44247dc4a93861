// The QA pipeline behind `kealign check` and `kealign report`: read a Korean-English pair, split it
// (or take it one segment per line), align it (or take an existing alignment), run the checks.
//
//   kealign::AnalysisOptions options;
//   options.presplit = true;                         // ko.sents / en.sents: line i = segment i
//   options.alignment = "gold.tsv";                  // optional: skip the aligner
//   options.checks.disabled = {"length-ratio"};
//   kealign::Analysis a = kealign::analyze("ko.sents", "en.sents", options);
//   for (const kealign::Finding& f : a.findings) std::cout << f.check << ' ' << f.message << '\n';
//
// With an alignment file the length model the length-ratio check uses is fitted to that
// alignment's links (fit_length_model); otherwise it is the model the aligner calibrated. Either
// way a pair whose alignment shows the texts are not translations of each other (two different
// articles) is refused with an InputError naming both files and the score, unless
// allow_unrelated is set.
#pragma once

#include <string>
#include <vector>

#include "kealign/align.hpp"
#include "kealign/check.hpp"
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

// Reads, splits, aligns and checks. Throws IoError/InputError for unreadable or malformed input
// (an alignment that does not fit the texts names the offending link; a pair that is not a
// translation, judged by Relatedness, unless allow_unrelated) and UsageError for unknown checks or
// parameters — before any file is read.
Analysis analyze(const std::string& ko_path, const std::string& en_path,
                 const AnalysisOptions& options);

// The same for documents already in memory.
Analysis analyze(Document ko, Document en, const AnalysisOptions& options);

// Aligns (unless `alignment` is non-empty, then checks it covers both texts) and runs the checks
// on texts already segmented.
Analysis analyze_segmented(SegmentedText ko, SegmentedText en, const AnalysisOptions& options,
                           Alignment alignment = {});

// The length model of a given alignment: c and s^2 estimated from its links with both sides
// non-empty; `fallback` when there are too few such links to estimate them.
LengthModel fit_length_model(const SegmentedText& ko, const SegmentedText& en,
                             const Alignment& alignment, const LengthModel& fallback = {});

}  // namespace kealign
