#include "app/run_job.hpp"

#include <filesystem>

#include "app/check_job.hpp"
#include "app/formats.hpp"
#include "app/io.hpp"
#include "app/report_job.hpp"
#include "kealign/align.hpp"
#include "kealign/analysis.hpp"
#include "kealign/error.hpp"
#include "kealign/report.hpp"

namespace kealign {

void run_job(const RunJob& job) {
  const AnalysisOptions options = analysis_options(job);
  const Analysis a = analyze(job.ko, job.en, options);
  std::error_code ec;
  std::filesystem::create_directories(job.out_dir, ec);
  if (ec) throw IoError(job.out_dir, "cannot create the folder: " + ec.message());
  const std::filesystem::path dir(job.out_dir);
  write_output(
      (dir / "aligned.tsv").string(),
      format_aligned_tsv(a.ko, a.en, a.alignment, flags_per_bead(a.alignment, a.findings)));
  write_output((dir / "findings.tsv").string(), format_findings_tsv(a.findings));
  ReportOptions report;
  report.title = job.title.empty() ? default_report_title(job.ko, job.en) : job.title;
  write_output((dir / "report.html").string(),
               render_html({a.ko, a.en, a.alignment, a.findings, check_descriptions()}, report));
}

}  // namespace kealign
