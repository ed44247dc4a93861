#include "kealign/check_job.hpp"

#include <charconv>
#include <cmath>

#include "kealign/error.hpp"
#include "kealign/io.hpp"

namespace kealign {
namespace {

std::string trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const std::size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

void apply_check_setting(const std::string& setting, CheckOptions& options) {
  const std::size_t eq = setting.find('=');
  if (eq == std::string::npos)
    throw UsageError("--set '" + setting + "': expected check-id.param=value");
  const std::string key = trim(std::string_view(setting).substr(0, eq));
  const std::string value = trim(std::string_view(setting).substr(eq + 1));
  double v = 0;
  std::size_t used = 0;
  try {
    v = std::stod(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != value.size() || !std::isfinite(v))
    throw UsageError("--set '" + setting + "': '" + value + "' is not a number");
  options.params[key] = v;
}

AnalysisOptions analysis_options(const CheckJob& job) {
  if (job.format != "tsv" && job.format != "json")
    throw UsageError("unknown format '" + job.format + "' (use tsv or json)");
  AnalysisOptions options;
  options.presplit = job.presplit;
  options.alignment = job.alignment;
  options.read = job.read;
  for (const std::string& list : job.disable) {
    std::size_t start = 0;
    while (start <= list.size()) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      const std::string id = trim(std::string_view(list).substr(start, comma - start));
      if (!id.empty()) options.checks.disabled.insert(id);
      start = comma + 1;
    }
  }
  for (const std::string& s : job.settings) apply_check_setting(s, options.checks);
  validate_check_options(options.checks);
  if (!job.dictionary.empty()) {
    options.checks.dictionary = job.dictionary;
    options.align.dictionary = Dictionary::read(job.dictionary);
  }
  return options;
}

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
  const AnalysisOptions options = analysis_options(job);  // fail on bad options before reading
  const Analysis a = analyze(job.ko, job.en, options);
  write_output(job.output, job.format == "json"
                               ? format_findings_json(a.findings, a.ko.document, a.en.document)
                               : format_findings_tsv(a.findings));
}

}  // namespace kealign
