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
  const std::filesystem::path dir(job.out_dir);
  refuse_same_pair_input(job.ko, job.en);
  refuse_output_overwriting_input(
      {(dir / "aligned.tsv").string(), (dir / "findings.tsv").string(),
       (dir / "report.html").string()},
      pair_input_files(job));
  const AnalysisOptions options = analysis_options(job);
  const Analysis a = analyze(job.ko, job.en, options);
  ReportOptions report;
  report.title = job.title.empty() ? default_report_title(job.ko, job.en) : job.title;
  // The three files go into place together: never a new aligned.tsv beside an old report.html.
  write_output_set(
      job.out_dir,
      {{"aligned.tsv",
        format_aligned_tsv(a.ko, a.en, a.alignment, flags_per_bead(a.alignment, a.findings))},
       {"findings.tsv", format_findings_tsv(a.findings)},
       {"report.html",
        render_html({a.ko, a.en, a.alignment, a.findings, check_descriptions()}, report)}});
}

}  // namespace kealign
