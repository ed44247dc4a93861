// The whole job in one pass: split, align and check a pair once, then write the aligned TSV, the
// findings and the quality report side by side.
//
//   kealign::RunJob job;
//   job.ko = "ko.txt"; job.en = "en.txt"; job.out_dir = "seed-out";
//   kealign::run_job(job);  // seed-out/aligned.tsv, seed-out/findings.tsv, seed-out/report.html
//
// Each file is written atomically; the folder is created when missing.
#pragma once

#include <string>

#include "app/pair_input.hpp"

namespace kealign {

// The pair and its analysis (PairInput), plus the folder and title of the outputs.
struct RunJob : PairInput {
  std::string out_dir = "kealign-out";  // receives aligned.tsv, findings.tsv and report.html
  std::string title;                    // report title; "" = named after the inputs
};

void run_job(const RunJob& job);

}  // namespace kealign
