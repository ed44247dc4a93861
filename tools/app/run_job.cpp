#include "app/run_job.hpp"

#include <filesystem>

#include "app/check_job.hpp"
#include "app/formats.hpp"
#include "app/io.hpp"
#include "app/report_job.hpp"
#include "app/review.hpp"
#include "kealign/align.hpp"
#include "kealign/analysis.hpp"
#include "kealign/error.hpp"
#include "kealign/report.hpp"

namespace kealign {

void run_job(const RunJob& job) {
  formats::AlignedOutputOptions aligned = job.aligned;
  aligned.ko_lang = job.ko_lang;
  aligned.en_lang = job.en_lang;
  formats::validate(aligned);
  const AnalysisOptions options = analysis_options(job);
  const Analysis a = analyze_input(job, options);
  std::error_code ec;
  std::filesystem::create_directories(job.out_dir, ec);
  if (ec) throw IoError(job.out_dir, "cannot create the folder: " + ec.message());
  const std::filesystem::path dir(job.out_dir);
  if (aligned.plain())
    write_output(
        (dir / "aligned.tsv").string(),
        format_aligned_tsv(a.ko, a.en, a.alignment, flags_per_bead(a.alignment, a.findings)));
  else
    formats::write_aligned_output(formats::output_path((dir / "aligned").string(), aligned), a,
                                  aligned, job.ko, job.en);
  write_output((dir / "findings.tsv").string(), format_findings_tsv(a.findings, finding_ids(a)));
  const std::string title =
      !job.title.empty()        ? job.title
      : job.bilingual.empty() ? default_report_title(job.ko, job.en)
                              : "Translation QA: " +
                                    std::filesystem::path(job.bilingual).filename().string();
  write_output((dir / "report.html").string(), render_report(a, "html", title));
}

}  // namespace kealign
