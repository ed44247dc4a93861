#include "app/align_job.hpp"

#include "app/formats.hpp"
#include "app/io.hpp"
#include "kealign/analysis.hpp"
#include "kealign/error.hpp"
#include "kealign/lexicon.hpp"

namespace kealign {

AlignOptions align_options(const AlignJob& job) {
  AlignOptions options;
  if (job.calibrate == "auto")
    options.calibration = Calibration::kAuto;
  else if (job.calibrate == "fixed")
    options.calibration = Calibration::kFixed;
  else
    throw UsageError("unknown calibration '" + job.calibrate + "' (use auto or fixed)");
  if (!job.dictionary.empty()) options.dictionary = Dictionary::read(job.dictionary);
  if (!job.lexicon.empty()) options.lexicon = Lexicon::read(job.lexicon);
  return options;
}

AnalysisOptions align_analysis_options(const AlignJob& job) {
  AnalysisOptions options;
  options.align = align_options(job);
  options.presplit = job.presplit;
  options.read = job.read;
  options.allow_unrelated = job.allow_unrelated;
  options.checks.dictionary = options.align.dictionary;  // read once, for the flags too
  if (!job.flags)
    for (const auto& check : all_checks()) options.checks.disabled.insert(std::string(check->id()));
  return options;
}

void write_aligned(const std::string& path, const Analysis& a) {
  write_output(
      path, format_aligned_tsv(a.ko, a.en, a.alignment, flags_per_bead(a.alignment, a.findings)));
}

void run_align_job(const AlignJob& job) {
  const AnalysisOptions options = align_analysis_options(job);
  write_aligned(job.output, analyze(job.ko, job.en, options));
}

}  // namespace kealign
