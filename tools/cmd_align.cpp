// kealign align [--presplit] [--calibrate auto|fixed] [--dict FILE] [--lexicon FILE] [--encoding E]
//               [--allow-unrelated] KO EN [-o OUT]
#include <memory>

#include "commands.hpp"
#include "kealign/align_job.hpp"

namespace kealign::cli {

void add_align_command(CLI::App& app) {
  auto opts = std::make_shared<AlignJob>();
  CLI::App* cmd = app.add_subcommand("align", "Align a Korean text with its English translation");
  cmd->add_option("KO", opts->ko, "Korean text, or - for standard input")->required();
  cmd->add_option("EN", opts->en, "English text")->required();
  cmd->add_flag("--presplit", opts->presplit, "Inputs are already one segment per line");
  cmd->add_option("--calibrate", opts->calibrate,
                  "Length model: auto (fit to the pair by EM) or fixed (calibrated defaults)")
      ->check(CLI::IsMember({"auto", "fixed"}));
  cmd->add_option("--dict", opts->dictionary, "Bilingual word list, korean<TAB>english");
  cmd->add_option("--lexicon", opts->lexicon, "Word-translation lexicon (kealign lexicon)");
  cmd->add_flag("!--no-flags", opts->flags, "Leave the flags column empty (skip the QA checks)");
  add_allow_unrelated(cmd, opts->allow_unrelated);
  add_read_options(cmd, opts->read);
  cmd->add_option("-o,--output", opts->output, "Output file (default: standard output)");
  cmd->callback([opts] { run_align_job(*opts); });
}

}  // namespace kealign::cli
