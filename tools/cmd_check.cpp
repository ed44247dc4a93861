// kealign check [--presplit] KO EN [--alignment FILE] [-o OUT] [--format tsv|json]
//               [--disable ID,...] [--set check.param=value] [--dict FILE] [--lexicon FILE]
//               [--encoding E] [--list]
#include <iostream>
#include <memory>

#include "app/check_job.hpp"
#include "commands.hpp"
#include "kealign/error.hpp"

namespace kealign::cli {

void add_check_command(CLI::App& app) {
  auto opts = std::make_shared<CheckJob>();
  auto list = std::make_shared<bool>(false);
  CLI::App* cmd =
      app.add_subcommand("check", "Align a pair (or take an alignment) and run QA checks");
  add_analysis_options(cmd, *opts);
  cmd->add_option("-o,--output", opts->output, "Findings file (default: standard output)");
  cmd->add_option("--format,-f", opts->format, "Output: tsv or json")
      ->check(CLI::IsMember({"tsv", "json"}));
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
