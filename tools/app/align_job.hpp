// The `kealign align` job as a library call: read both texts, split (or take lines), align, write
// TSV.
//
//   kealign::AlignJob job;
//   job.ko = "ko.txt"; job.en = "en.txt"; job.dictionary = "ko-en.tsv";
//   kealign::run_align_job(job);  // writes the aligned TSV atomically to job.output ("-" = stdout)
#pragma once

#include <string>

#include "app/formats/aligned_output.hpp"
#include "kealign/align.hpp"
#include "kealign/analysis.hpp"
#include "kealign/text.hpp"

namespace kealign {

struct AlignJob {
  std::string ko;                     // Korean input path ("-" = standard input)
  std::string en;                     // English input path
  bool presplit = false;              // inputs are one segment per line (segment i = line i)
  std::string calibrate = "auto";     // "auto" (EM on the pair) or "fixed" (calibrated defaults)
  std::string dictionary;             // optional first<TAB>second word list (e.g. ko-en)
  std::string lexicon;                // optional collection lexicon (lexicon.hpp)
  bool flags = true;                  // run the QA checks to fill the flags column
  PairReadOptions read;               // encodings and size limits of the inputs
  bool allow_unrelated = false;       // align a pair that does not look like a translation
  std::size_t max_memory = 0;         // AlignOptions::max_memory; 0 = the machine's physical memory
  std::string output = "-";           // output path; "-" = standard output
  formats::AlignedOutputOptions out;  // form and filters of the output (default: aligned TSV)
};

// The options an AlignJob asks for (parses calibrate, reads the dictionary).
AlignOptions align_options(const AlignJob& job);

// The whole analysis an AlignJob runs (align_options, the checks that fill the flags column), with
// the dictionary and lexicon read once: built before any input is read, so a bad option fails
// first.
AnalysisOptions align_analysis_options(const AlignJob& job);

// Writes an analysis as aligned TSV to path ("-" = standard output), atomically.
void write_aligned(const std::string& path, const Analysis& analysis);

void run_align_job(const AlignJob& job);

}  // namespace kealign
