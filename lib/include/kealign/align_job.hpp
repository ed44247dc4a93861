// The `kealign align` job as a library call: read both texts, split (or take lines), align, write
// TSV.
//
//   kealign::AlignJob job;
//   job.ko = "ko.txt"; job.en = "en.txt"; job.dictionary = "ko-en.tsv";
//   kealign::run_align_job(job);  // writes the aligned TSV atomically to job.output ("-" = stdout)
#pragma once

#include <string>

#include "kealign/align.hpp"
#include "kealign/text.hpp"

namespace kealign {

struct AlignJob {
  std::string ko;                  // Korean input path ("-" = standard input)
  std::string en;                  // English input path
  bool presplit = false;           // inputs are one segment per line (segment i = line i)
  std::string calibrate = "auto";  // "auto" (EM on the pair) or "fixed" (calibrated defaults)
  std::string dictionary;          // optional korean<TAB>english word list
  std::string lexicon;             // optional collection lexicon (lexicon.hpp)
  bool flags = true;               // run the QA checks to fill the flags column
  PairReadOptions read;            // encodings and size limits of the inputs
  bool allow_unrelated = false;    // align a pair that does not look like a translation
  std::string output = "-";        // output path; "-" = standard output
};

// The options an AlignJob asks for (parses calibrate, reads the dictionary).
AlignOptions align_options(const AlignJob& job);

void run_align_job(const AlignJob& job);

}  // namespace kealign
