#include "app/check_job.hpp"

#include "app/formats.hpp"
#include "app/io.hpp"
#include "app/review.hpp"
#include "kealign/error.hpp"

namespace kealign {

std::string describe_checks() {
  std::string out;
  for (const auto& c : all_checks()) {
    out += std::string(c->id()) + "\t" + std::string(c->description()) + "\n";
    for (const CheckParameter& p : c->parameters()) {
      std::string value = std::to_string(p.fallback);
      value.erase(value.find_last_not_of('0') + 1);
      if (!value.empty() && value.back() == '.') value.pop_back();
      out += "  " + std::string(c->id()) + "." + std::string(p.name) + "=" + value + "\t" +
             std::string(p.description) + "\n";
    }
  }
  return out;
}

CheckSummary run_check_job(const CheckJob& job) {
  if (job.format != "tsv" && job.format != "json")
    throw UsageError("unknown format '" + job.format + "' (use tsv or json)");
  refuse_same_pair_input(job.ko, job.en);
  refuse_output_overwriting_input({job.output}, pair_input_files(job));
  const AnalysisOptions options = analysis_options(job);  // fail on bad options before reading
  const Baseline baseline = job.baseline.empty() ? Baseline{} : read_baseline(job.baseline);
  const Analysis a = analyze_input(job, options);
  const std::vector<std::string> ids = finding_ids(a);
  const Reviewed r = apply_baseline(a.findings, ids, baseline);
  if (!job.write_baseline.empty())
    write_output(job.write_baseline, format_findings_tsv(a.findings, ids));
  write_output(job.output, job.format == "json"
                               ? format_findings_review_json(r.findings, r.ids, a, r.hidden)
                               : format_findings_tsv(r.findings, r.ids));
  return {r.findings.size(), r.hidden};
}

}  // namespace kealign
