#include "app/report_job.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "app/formats/bilingual.hpp"
#include "app/io.hpp"
#include "app/review.hpp"
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
  out.emplace(std::string(formats::kMissingTranslation),
              "a unit of a bilingual file has no translation (no target, or an empty one)");
  for (auto& [id, description] : out)
    description += " (MQM: " + std::string(mqm_category(id)) + ")";
  return out;
}

std::string default_report_title(const std::string& ko_path, const std::string& en_path) {
  return "Translation QA: " + file_name(ko_path) + " ↔ " + file_name(en_path);
}

std::string render_report(const Analysis& a, const std::string& format, const std::string& title,
                          const Baseline& baseline, const std::string& baseline_name) {
  Reviewed r = apply_baseline(a.findings, finding_ids(a), baseline);
  for (std::size_t k = 0; k < r.findings.size(); ++k)
    r.findings[k].message = "[" + r.ids[k] + "] " + r.findings[k].message;
  const ReportInput input{a.ko, a.en, a.alignment, r.findings, check_descriptions()};
  ReportOptions report;
  report.title = title;
  std::string review = fmt::format(
      "MQM-style penalty: {:.1f} per 1,000 English words ({} words; "
      "major 5, minor 1, info 0 points per finding).",
      mqm_penalty(r.findings, a.en), word_count(a.en));
  if (!baseline_name.empty())
    review += fmt::format(" {} finding{} hidden by the baseline {}.", r.hidden,
                          r.hidden == 1 ? "" : "s", file_name(baseline_name));
  report.note = std::move(review);
  return format == "md" ? render_markdown(input, report) : render_html(input, report);
}

std::string make_report(const ReportJob& job) {
  if (job.format != "html" && job.format != "md")
    throw UsageError("unknown report format '" + job.format + "' (use html or md)");
  refuse_same_pair_input(job.ko, job.en);
  refuse_output_overwriting_input({job.output}, pair_input_files(job));
  const AnalysisOptions options = analysis_options(job);
  const Baseline baseline = job.baseline.empty() ? Baseline{} : read_baseline(job.baseline);
  const Analysis a = analyze_input(job, options);
  const std::string title = !job.title.empty()      ? job.title
                            : job.bilingual.empty() ? default_report_title(job.ko, job.en)
                                                    : "Translation QA: " + file_name(job.bilingual);
  return render_report(a, job.format, title, baseline, job.baseline);
}

void run_report_job(const ReportJob& job) {
  write_output(job.output, make_report(job));
}

}  // namespace kealign
