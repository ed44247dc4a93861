// kealign align [--presplit] [--calibrate auto|fixed] [--dict FILE] [--lexicon FILE] [--encoding E]
//               [--allow-unrelated] KO EN [-o OUT]
// kealign align-set [the same options] [--names KO EN] [--learn-lexicon] [--threads N] ROOT
//                   --out-dir DIR
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/align_job.hpp"
#include "app/align_set_job.hpp"
#include "commands.hpp"
#include "kealign/error.hpp"

namespace kealign::cli {
namespace {

// How each pair is read and aligned: the options align and align-set share.
void add_pair_options(CLI::App* cmd, AlignJob& job) {
  cmd->add_flag("--presplit", job.presplit, "Inputs are already one segment per line");
  cmd->add_option("--calibrate", job.calibrate,
                  "Length model: auto (fit to the pair by EM) or fixed (calibrated defaults)")
      ->check(CLI::IsMember({"auto", "fixed"}));
  cmd->add_option("--dict", job.dictionary,
                  "Bilingual word list, first<TAB>second language (e.g. korean<TAB>english)");
  cmd->add_option("--lexicon", job.lexicon, "Word-translation lexicon (kealign lexicon)");
  cmd->add_flag("!--no-flags", job.flags, "Leave the flags column empty (skip the QA checks)");
  add_allow_unrelated(cmd, job.allow_unrelated);
  add_max_memory(cmd, job.max_memory);
  add_read_options(cmd, job.read);
}

}  // namespace

void add_aligned_output_options(CLI::App* cmd, formats::AlignedOutputOptions& out, bool languages) {
  cmd->add_option("--format,-f", out.format,
                  "Output form: tsv (aligned TSV), json, tmx (TMX 1.4b), xliff (XLIFF 1.2), moses "
                  "(PREFIX.ko and "
                  "PREFIX.en, one line per link) or bitextor (src_url trg_url src_text trg_text "
                  "aligner_score ko_ids en_ids)")
      ->check(CLI::IsMember(formats::aligned_formats()))
      ->capture_default_str();
  cmd->add_option("--min-score", out.min_score, "Leave out links with a lower confidence")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--only", out.only, "Keep only links of these shapes, e.g. 1-1 or 1-1,1-2");
  if (languages) {
    cmd->add_option("--ko-lang", out.ko_lang, "Korean language code in TMX and XLIFF")
        ->capture_default_str();
    cmd->add_option("--en-lang", out.en_lang, "English language code in TMX and XLIFF")
        ->capture_default_str();
  }
  cmd->add_flag("--moses-keep-null", out.keep_null,
                "Moses: keep links with an empty side (an empty line on that side)");
}

void add_align_command(CLI::App& app) {
  auto opts = std::make_shared<AlignJob>();
  CLI::App* cmd = app.add_subcommand("align", "Align a Korean text with its English translation");
  cmd->add_option("KO", opts->ko, "Korean text, or - for standard input")->required();
  cmd->add_option("EN", opts->en, "English text")->required();
  add_pair_options(cmd, *opts);
  cmd->add_option("-o,--output", opts->output,
                  "Output file (default: standard output); with --format moses the files' prefix");
  add_aligned_output_options(cmd, opts->out);
  cmd->callback([opts] { run_align_job(*opts); });
}

void add_align_set_command(CLI::App& app) {
  auto opts = std::make_shared<AlignSetJob>();
  CLI::App* cmd = app.add_subcommand(
      "align-set", "Align every document pair of a folder (one sub-folder per pair), one TSV each");
  cmd->add_option("ROOT", opts->root, "Folder with one sub-folder per document pair")->required();
  cmd->add_option("--out-dir", opts->out_dir,
                  "Output folder: FOLDER-NAME.tsv per pair (.json, .tmx, .xliff, .bitextor.tsv, "
                  ".ko/.en by --format)")
      ->required();
  cmd->add_option("--names", opts->names, "File names of the two sides (default: ko en)")
      ->expected(2)
      ->allow_extra_args(false);
  add_pair_options(cmd, opts->pair);
  add_aligned_output_options(cmd, opts->pair.out);
  cmd->add_flag(
      "--learn-lexicon", opts->learn_lexicon,
      "First learn a lexicon from the whole set and --dict (OUT-DIR/lexicon.tsv), align with it");
  cmd->add_option("--threads", opts->threads, "Worker threads (default: one per core)");
  cmd->callback([opts] {
    const AlignSetSummary s = run_align_set_job(*opts);
    for (const AlignSetFailure& f : s.failures) std::cerr << "kealign: " << f.error << '\n';
    std::cerr << fmt::format("align-set: {} documents, {} links, {} failed, {:.2f} s{}\n",
                             s.documents, s.links, s.failures.size(), s.seconds,
                             s.lexicon.empty() ? "" : "; lexicon " + s.lexicon);
    if (!s.failures.empty())
      throw Error(fmt::format("{} of {} document pairs failed; the others are written",
                              s.failures.size(), s.documents));
  });
}

}  // namespace kealign::cli
