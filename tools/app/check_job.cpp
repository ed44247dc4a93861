#include "app/check_job.hpp"

#include "app/formats.hpp"
#include "app/io.hpp"
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

void run_check_job(const CheckJob& job) {
  if (job.format != "tsv" && job.format != "json")
    throw UsageError("unknown format '" + job.format + "' (use tsv or json)");
  const AnalysisOptions options = analysis_options(job);  // fail on bad options before reading
  const Analysis a = analyze(job.ko, job.en, options);
  write_output(job.output, job.format == "json"
                               ? format_findings_json(a.findings, a.ko.document, a.en.document)
                               : format_findings_tsv(a.findings));
}

}  // namespace kealign
