// kealign lexicon [--presplit] [--names KO EN] [--dict FILE] ROOT [-o LEX.tsv]
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/lexicon_job.hpp"
#include "commands.hpp"

namespace kealign::cli {

void add_lexicon_command(CLI::App& app) {
  auto opts = std::make_shared<LexiconJob>();
  CLI::App* cmd = app.add_subcommand(
      "lexicon", "Learn a word-translation lexicon from a folder of document pairs (no gold)");
  cmd->add_option("ROOT", opts->root, "Folder with one sub-folder per document pair")->required();
  cmd->add_option("--names", opts->names, "File names of the two sides (default: ko en)")
      ->expected(2)
      ->allow_extra_args(false);
  cmd->add_flag("--presplit", opts->presplit,
                "Read NAME.sents (one segment per line), not NAME.txt");
  cmd->add_option("--dict", opts->dictionary,
                  "Word list (first<TAB>second language) learnt from beside the links");
  cmd->add_option("-o,--output", opts->output, "Output file (default: standard output)");
  cmd->callback([opts] {
    const LexiconSummary s = run_lexicon_job(*opts);
    std::cerr << fmt::format(
        "lexicon: {} documents, {} links{}, {} word pairs, {:.2f} s\n", s.documents, s.links,
        opts->dictionary.empty() ? "" : fmt::format(" and {} dictionary links", s.dictionary_links),
        s.entries, s.seconds);
  });
}

}  // namespace kealign::cli
