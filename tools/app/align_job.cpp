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
  options.max_memory = job.max_memory != 0 ? job.max_memory : physical_memory();
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
  formats::validate(job.out);
  refuse_same_pair_input(job.ko, job.en);
  refuse_output_overwriting_input({job.output}, {job.ko, job.en, job.dictionary, job.lexicon});
  const AnalysisOptions options = align_analysis_options(job);
  const Analysis a = analyze_files(job.ko, job.en, options);
  if (job.out.plain())
    write_aligned(job.output, a);
  else
    formats::write_aligned_output(job.output, a, job.out, job.ko, job.en);
}

}  // namespace kealign
