// kealign report [--presplit] KO EN [-o OUT] [--format html|md] [--alignment FILE] [--title T]
//                [--disable ID,...] [--set check.param=value] [--dict FILE] [--encoding E]
#include <memory>

#include "commands.hpp"
#include "kealign/report_job.hpp"

namespace kealign::cli {

void add_report_command(CLI::App& app) {
  auto opts = std::make_shared<ReportJob>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write a quality report: both texts side by side with every finding marked");
  cmd->add_option("KO", opts->ko, "Korean text, or - for standard input")->required();
  cmd->add_option("EN", opts->en, "English text")->required();
  cmd->add_flag("--presplit", opts->presplit, "Inputs are already one segment per line");
  cmd->add_option("--alignment,-a", opts->alignment,
                  "Existing alignment (aligned TSV, or ko_ids<TAB>en_ids) instead of aligning");
  cmd->add_option("-o,--output", opts->output, "Report file (default: standard output)");
  cmd->add_option("--format,-f", opts->format, "html (one self-contained page) or md (Markdown)")
      ->check(CLI::IsMember({"html", "md"}));
  cmd->add_option("--title", opts->title, "Report title (default: named after the inputs)");
  cmd->add_option("--disable", opts->disable, "Check ids to skip, comma-separated");
  cmd->add_option("--set", opts->settings, "A check parameter: check-id.param=value (repeatable)");
  cmd->add_option("--dict", opts->dictionary,
                  "Korean<TAB>English dictionary for aligner and checks");
  add_read_options(cmd, opts->read);
  cmd->callback([opts] { run_report_job(*opts); });
}

}  // namespace kealign::cli
