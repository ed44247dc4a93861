// What the pair jobs (`kealign check`, `report`, `run`) analyse: the two inputs, how to read and
// segment them, an optional alignment and dictionary, and which checks run with which parameters.
// Each job is a PairInput plus its own outputs (check_job.hpp, report_job.hpp, run_job.hpp).
//
//   kealign::PairInput in;
//   in.ko = "ko.sents"; in.en = "en.sents"; in.presplit = true; in.dictionary = "ko-en.tsv";
//   in.settings = {"length-ratio.max-z=5"}; in.disable = {"bracket-balance"};
//   kealign::AnalysisOptions options = kealign::analysis_options(in);  // dictionary read once
//   kealign::Analysis a = kealign::analyze(in.ko, in.en, options);
#pragma once

#include <string>
#include <vector>

#include "kealign/analysis.hpp"
#include "kealign/check.hpp"
#include "kealign/text.hpp"

namespace kealign {

struct PairInput {
  std::string ko;                     // Korean input path ("-" = standard input)
  std::string en;                     // English input path
  bool presplit = false;              // inputs are one segment per line
  std::string alignment;              // existing alignment file; "" = run the aligner
  std::vector<std::string> disable;   // check ids to skip (each may itself be comma-separated)
  std::vector<std::string> settings;  // "check-id.param=value"
  std::string dictionary;             // optional korean<TAB>english list for aligner and checks
  std::string lexicon;                // optional collection lexicon for the aligner (lexicon.hpp)
  PairReadOptions read;               // encodings and size limits of the inputs
  bool allow_unrelated = false;       // analyse a pair that does not look like a translation
};

// The analysis options the input asks for, with the dictionary (if any) read once and given to
// both the aligner and the checks. UsageError for a malformed setting or an unknown check or
// parameter, raised before the dictionary is read.
AnalysisOptions analysis_options(const PairInput& input);

// Parses "check-id.param=value" into options.params (UsageError when malformed).
void apply_check_setting(const std::string& setting, CheckOptions& options);

}  // namespace kealign
