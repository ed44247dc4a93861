// kealign run KO EN [--out-dir DIR] [--title T] [check options]: align, check and report in one
// pass.
#include <iostream>
#include <memory>

#include "app/run_job.hpp"
#include "commands.hpp"
#include "kealign/error.hpp"

namespace kealign::cli {

void add_run_command(CLI::App& app) {
  auto opts = std::make_shared<RunJob>();
  CLI::App* cmd = app.add_subcommand(
      "run", "Align, check and report a pair: DIR/aligned.tsv, DIR/findings.tsv, DIR/report.html");
  add_analysis_options(cmd, *opts);
  cmd->add_option("--out-dir,-d", opts->out_dir, "Folder for the three outputs")
      ->capture_default_str();
  cmd->add_option("--title", opts->title, "Report title (default: named after the inputs)");
  cmd->callback([opts] {
    if (opts->ko.empty() || opts->en.empty()) throw UsageError("run: KO and EN are required");
    run_job(*opts);
    std::cerr << "kealign: wrote " << opts->out_dir << "/aligned.tsv, findings.tsv, report.html\n";
  });
}

}  // namespace kealign::cli
