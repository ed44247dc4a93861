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
  const std::filesystem::path dir(job.out_dir);
  if (job.bilingual.empty()) refuse_same_pair_input(job.ko, job.en);
  std::vector<std::string> outputs = {(dir / "findings.tsv").string(),
                                      (dir / "findings.json").string(),
                                      (dir / "report.html").string()};
  for (const std::string& f : formats::output_files((dir / "aligned").string(), aligned))
    outputs.push_back(f);
  refuse_output_overwriting_input(outputs, pair_input_files(job));
  const AnalysisOptions options = analysis_options(job);
  const Analysis a = analyze_input(job, options);
  const std::string title =
      !job.title.empty() ? job.title
      : job.bilingual.empty()
          ? default_report_title(job.ko, job.en)
          : "Translation QA: " + std::filesystem::path(job.bilingual).filename().string();
  std::vector<std::pair<std::string, std::string>> set;
  if (aligned.plain())
    set.push_back({"aligned.tsv", format_aligned_tsv(a.ko, a.en, a.alignment,
                                                     flags_per_bead(a.alignment, a.findings))});
  else  // another form of the links (TMX, Moses, ...): its files join the set
    for (auto& file : formats::aligned_output_files("aligned", a, aligned, job.ko, job.en))
      set.push_back(std::move(file));
  set.push_back({"findings.tsv", format_findings_tsv(a.findings, finding_ids(a))});
  if (aligned.format == "json")  // a JSON pipeline gets the findings and their MQM score as JSON
    set.push_back({"findings.json", format_findings_review_json(a.findings, finding_ids(a), a, 0)});
  set.push_back({"report.html", render_report(a, "html", title)});
  // The files go into place together: never a new aligned.tsv beside an old report.html.
  write_output_set(job.out_dir, set);
}

}  // namespace kealign
