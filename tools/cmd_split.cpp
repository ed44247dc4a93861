// kealign split --lang ko|en [--format text|tsv] [--presplit] [--encoding E] FILE|- [-o OUT]
#include <memory>

#include "app/split_job.hpp"
#include "commands.hpp"

namespace kealign::cli {

void add_split_command(CLI::App& app) {
  auto opts = std::make_shared<SplitJob>();
  CLI::App* cmd = app.add_subcommand("split", "Split a document into sentences");
  cmd->add_option("FILE", opts->input, "Input text, or - for standard input")->required();
  cmd->add_option("--lang,-l", opts->lang, "Language of the text: ko or en")->required();
  cmd->add_option("--format,-f", opts->format, "Output: text (one segment a line) or tsv")
      ->check(CLI::IsMember({"text", "tsv"}));
  add_read_options(cmd, opts->read);
  cmd->add_flag("--presplit", opts->presplit, "Input is already one segment per line");
  cmd->add_option("-o,--output", opts->output, "Output file (default: standard output)");
  cmd->callback([opts] { run_split_job(*opts); });
}

}  // namespace kealign::cli
