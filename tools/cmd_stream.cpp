// kealign stream [--presplit] [--calibrate auto|fixed] [--dict FILE] [--lexicon FILE] [--no-flags]
//                [--input-format auto|jsonl|tsv] [--ko-column C] [--en-column C] [--base64]
//                [--threads N] [--window N] [--first-line N] < pairs > records
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "app/stream_job.hpp"
#include "commands.hpp"
#include "kealign/error.hpp"

namespace kealign::cli {

void add_stream_command(CLI::App& app) {
  auto opts = std::make_shared<StreamJob>();
  CLI::App* cmd = app.add_subcommand(
      "stream", "Align and check one document pair per input line, one JSON record per line out");
  AlignJob& pair = opts->pair;
  cmd->add_flag("--presplit", pair.presplit, "Texts are already one segment per line");
  cmd->add_option("--calibrate", pair.calibrate,
                  "Length model: auto (fit to each pair by EM) or fixed (calibrated defaults)")
      ->check(CLI::IsMember({"auto", "fixed"}));
  cmd->add_option("--dict", pair.dictionary, "Bilingual word list, korean<TAB>english");
  cmd->add_option("--lexicon", pair.lexicon, "Word-translation lexicon (kealign lexicon)");
  cmd->add_flag("!--no-flags", pair.flags, "Skip the QA checks (no findings, no flags)");
  add_allow_unrelated(cmd, pair.allow_unrelated);
  add_read_options(cmd, pair.read);
  cmd->add_option("--input-format", opts->input_format,
                  "jsonl, tsv (a header row first) or auto (a line starting with { is JSON)")
      ->check(CLI::IsMember({"auto", "jsonl", "tsv"}))
      ->capture_default_str();
  cmd->add_option("--ko-column", opts->ko_column, "TSV: the Korean text column")
      ->capture_default_str();
  cmd->add_option("--en-column", opts->en_column, "TSV: the English text column")
      ->capture_default_str();
  cmd->add_option("--ko-path-column", opts->ko_path_column, "TSV: a column naming Korean files")
      ->capture_default_str();
  cmd->add_option("--en-path-column", opts->en_path_column, "TSV: a column naming English files")
      ->capture_default_str();
  cmd->add_option("--id-column", opts->id_column, "TSV: the record id column")
      ->capture_default_str();
  cmd->add_flag("--base64", opts->base64, "TSV: the text columns are base64 (as bitextor writes)");
  cmd->add_option("--threads", opts->threads, "Worker threads (default: one per core)");
  cmd->add_option("--window", opts->window, "Records in flight at most (default: 16 x threads)");
  cmd->add_option("--first-line", opts->first_line,
                  "Line number of the first record, for error messages of a chunk of a larger "
                  "input (default: 1, or 2 after a TSV header)");
  cmd->callback([opts] {
    opts->progress = ::isatty(STDERR_FILENO) == 1;
    std::size_t input_bytes = 0;
    struct stat st {};
    if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode))
      input_bytes = static_cast<std::size_t>(st.st_size);
    std::ios::sync_with_stdio(false);
    const StreamSummary s = run_stream_job(*opts, std::cin, std::cout, &std::cerr, input_bytes);
    if (s.failed > 0)
      throw Error(fmt::format("{} of {} records failed (status \"error\" in the output)", s.failed,
                              s.records));
  });
}

}  // namespace kealign::cli
