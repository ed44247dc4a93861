// The `kealign check` job as a library call: analyze a pair (pair_input.hpp, analysis.hpp) and
// write its findings.
//
//   kealign::CheckJob job;
//   job.ko = "ko.sents"; job.en = "en.sents"; job.presplit = true; job.alignment = "gold.tsv";
//   job.settings = {"length-ratio.max-z=5"}; job.disable = {"bracket-balance"};
//   kealign::run_check_job(job);   // findings TSV, atomically, to job.output ("-" = stdout)
//
// Findings TSV: header `ko_ids<TAB>en_ids<TAB>check<TAB>severity<TAB>message`, one row per finding,
// ids comma-separated 0-based segment numbers (as in the aligned TSV; a document-wide finding lists
// every segment involved), message escaped with escape_tsv. JSON: an array of objects with the same
// fields (ids as arrays of numbers) plus "ko_spans"/"en_spans": [{"begin", "end", "text"}], byte
// offsets into the input files (after conversion for legacy encodings).
#pragma once

#include <string>
#include <vector>

#include "app/pair_input.hpp"
#include "kealign/check.hpp"
#include "kealign/text.hpp"

namespace kealign {

// The pair and its analysis (PairInput), plus where and how to write the findings.
struct CheckJob : PairInput {
  std::string format = "tsv";  // "tsv" or "json"
  std::string output = "-";    // output path; "-" = standard output
};

// One line per check: id, description and parameters with their defaults (`kealign check --list`).
std::string describe_checks();

// UsageError for an unknown format or bad check options, before any input is read.
void run_check_job(const CheckJob& job);

}  // namespace kealign
