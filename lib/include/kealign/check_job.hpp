// The `kealign check` job as a library call: analyze a pair (analysis.hpp) and write its findings.
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

#include "kealign/analysis.hpp"
#include "kealign/check.hpp"
#include "kealign/text.hpp"

namespace kealign {

struct CheckJob {
  std::string ko;                     // Korean input path ("-" = standard input)
  std::string en;                     // English input path
  bool presplit = false;              // inputs are one segment per line
  std::string alignment;              // existing alignment file; "" = run the aligner
  std::string format = "tsv";         // "tsv" or "json"
  std::vector<std::string> disable;   // check ids to skip (each may itself be comma-separated)
  std::vector<std::string> settings;  // "check-id.param=value"
  std::string dictionary;             // optional korean<TAB>english list for aligner and checks
  ReadOptions read;                   // encoding and size limit of both inputs
  std::string output = "-";           // output path; "-" = standard output
};

// The analysis options a job asks for; UsageError for a malformed setting, an unknown check or
// parameter, or an unknown format.
AnalysisOptions analysis_options(const CheckJob& job);

// Parses "check-id.param=value" into options.params (UsageError when malformed).
void apply_check_setting(const std::string& setting, CheckOptions& options);

std::string format_findings_tsv(const std::vector<Finding>& findings);
std::string format_findings_json(const std::vector<Finding>& findings, const Document& ko,
                                 const Document& en);

// One line per check: id, description and parameters with their defaults (`kealign check --list`).
std::string describe_checks();

void run_check_job(const CheckJob& job);

}  // namespace kealign
