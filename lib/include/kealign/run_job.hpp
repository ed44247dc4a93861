// The whole job in one pass: split, align and check a pair once, then write the aligned TSV, the
// findings and the quality report side by side.
//
//   kealign::RunJob job;
//   job.check.ko = "ko.txt"; job.check.en = "en.txt"; job.out_dir = "seed-out";
//   kealign::run_job(job);  // seed-out/aligned.tsv, seed-out/findings.tsv, seed-out/report.html
//
// Each file is written atomically; the folder is created when missing.
#pragma once

#include <string>

#include "kealign/check_job.hpp"

namespace kealign {

struct RunJob {
  CheckJob check;                       // inputs, alignment file and check options (format and
                                        // output are not used: see out_dir)
  std::string out_dir = "kealign-out";  // receives aligned.tsv, findings.tsv and report.html
  std::string title;                    // report title; "" = named after the inputs
};

void run_job(const RunJob& job);

}  // namespace kealign
