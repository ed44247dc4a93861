// kealign check [--presplit] KO EN [--alignment FILE] [-o OUT] [--format tsv|json]
//               [--disable ID,...] [--set check.param=value] [--dict FILE] [--encoding E] [--list]
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "kealign/check_job.hpp"
#include "kealign/error.hpp"

namespace kealign::cli {

void add_check_command(CLI::App& app) {
  auto opts = std::make_shared<CheckJob>();
  auto list = std::make_shared<bool>(false);
  CLI::App* cmd =
      app.add_subcommand("check", "Align a pair (or take an alignment) and run QA checks");
  cmd->add_option("KO", opts->ko, "Korean text, or - for standard input");
  cmd->add_option("EN", opts->en, "English text");
  cmd->add_flag("--presplit", opts->presplit, "Inputs are already one segment per line");
  cmd->add_option("--alignment,-a", opts->alignment,
                  "Existing alignment (aligned TSV, or ko_ids<TAB>en_ids) instead of aligning");
  cmd->add_option("-o,--output", opts->output, "Findings file (default: standard output)");
  cmd->add_option("--format,-f", opts->format, "Output: tsv or json")
      ->check(CLI::IsMember({"tsv", "json"}));
  // One value per occurrence, so a flag before KO EN does not swallow them.
  cmd->add_option("--disable", opts->disable, "Check ids to skip, comma-separated (repeatable)")
      ->expected(1);
  cmd->add_option("--set", opts->settings, "A check parameter: check-id.param=value (repeatable)")
      ->expected(1);
  cmd->add_option("--dict", opts->dictionary,
                  "Korean<TAB>English dictionary for aligner and checks");
  add_read_options(cmd, opts->read);
  cmd->add_flag("--list", *list, "List the checks and their parameters, then exit");
  cmd->callback([opts, list, cmd] {
    if (*list) {
      std::cout << describe_checks();
      return;
    }
    if (opts->ko.empty() || opts->en.empty())
      throw UsageError("check: KO and EN are required (or --list)");
    run_check_job(*opts);
  });
}

}  // namespace kealign::cli
