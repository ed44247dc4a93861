// kealign eval [--task align|split|flags|split-set|align-set] [--gold GOLD] [--lang ko|en]
//              [--names KO EN] [--found-by rules] [--dict D] [--lexicon L] PRED|DIR [-o OUT]
#include <memory>

#include "app/eval_job.hpp"
#include "commands.hpp"

namespace kealign::cli {

void add_eval_command(CLI::App& app) {
  auto opts = std::make_shared<EvalJob>();
  CLI::App* cmd = app.add_subcommand("eval", "Score output against gold (score.py figures)");
  cmd->add_option("PRED", opts->input, "Predicted file, or the gold set folder for *-set tasks")
      ->required();
  cmd->add_option("--task,-t", opts->task, "align (default), split, flags, split-set or align-set")
      ->check(CLI::IsMember({"align", "split", "flags", "split-set", "align-set"}));
  cmd->add_option("--gold,-g", opts->gold, "Gold file (align, split, flags)");
  cmd->add_option("--lang,-l", opts->lang, "split-set: language of the set, ko or en");
  cmd->add_option("--names", opts->names, "align-set: NAME.sents of each side (default: ko en)")
      ->expected(2);
  cmd->add_option("--found-by", opts->found_by, "flags: gold findings counted for recall");
  cmd->add_option("--dict", opts->dictionary, "align-set: word list (first<TAB>second language)");
  cmd->add_option("--lexicon", opts->lexicon,
                  "align-set: word-translation lexicon (kealign lexicon)");
  cmd->add_option("-o,--output", opts->output, "Output file (default: standard output)");
  cmd->callback([opts] { run_eval_job(*opts); });
}

}  // namespace kealign::cli
