// What the pair jobs (`kealign check`, `report`, `run`) analyse: the two inputs, how to read and
// segment them, an optional alignment and dictionary, and which checks run with which parameters.
// Each job is a PairInput plus its own outputs (check_job.hpp, report_job.hpp, run_job.hpp).
//
//   kealign::PairInput in;
//   in.ko = "ko.sents"; in.en = "en.sents"; in.presplit = true; in.dictionary = "ko-en.tsv";
//   in.settings = {"length-ratio.max-z=5"}; in.disable = {"bracket-balance"};
//   kealign::AnalysisOptions options = kealign::analysis_options(in);  // dictionary read once
//   kealign::Analysis a = kealign::analyze_files(in.ko, in.en, options);
#pragma once

#include <memory>
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
  std::size_t max_memory = 0;         // AlignOptions::max_memory; 0 = the machine's physical memory
  std::string bilingual;              // a TMX, XLIFF or two-column TSV file instead of KO and EN
  std::string ko_lang = "ko-KR";      // which side of a bilingual file is Korean (primary subtag)
  std::string en_lang = "en-US";      // and which English
  std::string glossary;               // glossary TSV or TBX, instead of the config's (if any)
  std::string config;                 // kealign.toml; "" = the nearest one upward from the working
                                      // folder, if any (project_config.hpp); "none" = no config
};

// The analysis of the input: of KO and EN (analyze), or of the bilingual file, one link per unit
// (formats/bilingual.hpp; its findings name the units). UsageError when both are given. With a
// bilingual file, `--disable missing-translation` is allowed (analysis_options skips that id).
Analysis analyze_input(const PairInput& input, const AnalysisOptions& options);

// The analysis options the input asks for, with the dictionary (if any) read once and given to
// both the aligner and the checks. UsageError for a malformed setting or an unknown check or
// parameter, raised before the dictionary is read.
AnalysisOptions analysis_options(const PairInput& input);

// The project config the input names or finds (project_config.hpp), or nullptr; with --glossary
// the config's glossary is that file, and the language codes are the input's unless it left them
// at their defaults and the config names others.
std::shared_ptr<const struct ProjectConfig> project_config(const PairInput& input);

// Every file the pair job reads: KO, EN, the bilingual file, alignment, dictionary, lexicon and
// glossary (those given).
std::vector<std::string> pair_input_files(const PairInput& input);

// Parses "check-id.param=value" into options.params (UsageError when malformed).
void apply_check_setting(const std::string& setting, CheckOptions& options);

}  // namespace kealign
