#include "app/report_job.hpp"

#include <filesystem>

#include "app/io.hpp"
#include "kealign/analysis.hpp"
#include "kealign/check.hpp"
#include "kealign/error.hpp"
#include "kealign/report.hpp"

namespace kealign {
namespace {

std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

}  // namespace

std::map<std::string, std::string> check_descriptions() {
  std::map<std::string, std::string> out;
  for (const auto& check : all_checks())
    out.emplace(std::string(check->id()), std::string(check->description()));
  return out;
}

std::string default_report_title(const std::string& ko_path, const std::string& en_path) {
  return "Translation QA: " + file_name(ko_path) + " ↔ " + file_name(en_path);
}

std::string make_report(const ReportJob& job) {
  if (job.format != "html" && job.format != "md")
    throw UsageError("unknown report format '" + job.format + "' (use html or md)");
  const AnalysisOptions options = analysis_options(job);
  const Analysis a = analyze(job.ko, job.en, options);
  const ReportInput input{a.ko, a.en, a.alignment, a.findings, check_descriptions()};
  ReportOptions report;
  report.title = job.title.empty() ? default_report_title(job.ko, job.en) : job.title;
  return job.format == "md" ? render_markdown(input, report) : render_html(input, report);
}

void run_report_job(const ReportJob& job) {
  write_output(job.output, make_report(job));
}

}  // namespace kealign
