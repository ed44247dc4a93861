#include "kealign/align_job.hpp"

#include "kealign/error.hpp"
#include "kealign/io.hpp"

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
  return options;
}

void run_align_job(const AlignJob& job) {
  const AlignOptions options = align_options(job);  // fail on a bad option before reading
  const auto load = [&](const std::string& path, Language lang) {
    Document doc = read_document(path, job.read);
    return job.presplit ? presplit(std::move(doc)) : split(std::move(doc), {lang});
  };
  const SegmentedText ko = load(job.ko, Language::kKorean);
  const SegmentedText en = load(job.en, Language::kEnglish);
  const AlignResult result = align(ko, en, options);
  write_output(job.output, format_aligned_tsv(ko, en, result.alignment, {}));
}

}  // namespace kealign
