// kealign report [--presplit] KO EN [-o OUT] [--format html|md] [--alignment FILE] [--title T]
//                [--disable ID,...] [--set check.param=value] [--dict FILE] [--lexicon FILE]
//                [--encoding E]
#include <memory>

#include "app/report_job.hpp"
#include "commands.hpp"
#include "kealign/error.hpp"

namespace kealign::cli {

void add_report_command(CLI::App& app) {
  auto opts = std::make_shared<ReportJob>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write a quality report: both texts side by side with every finding marked");
  add_analysis_options(cmd, *opts);
  cmd->add_option("-o,--output", opts->output, "Report file (default: standard output)");
  cmd->add_option("--format,-f", opts->format, "html (one self-contained page) or md (Markdown)")
      ->check(CLI::IsMember({"html", "md"}));
  cmd->add_option("--title", opts->title, "Report title (default: named after the inputs)");
  cmd->callback([opts] {
    if (opts->ko.empty() || opts->en.empty()) throw UsageError("report: KO and EN are required");
    run_report_job(*opts);
  });
}

}  // namespace kealign::cli
