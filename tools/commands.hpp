// Subcommands of the `kealign` tool. Each registers its flags on the app and, when chosen, fills
// an options struct and makes one library call.
#pragma once

#include <CLI/CLI.hpp>

#include "app/formats/aligned_output.hpp"
#include "app/pair_input.hpp"
#include "kealign/text.hpp"

namespace kealign::cli {

// --encoding and --max-line-bytes, shared by every command that reads text.
void add_read_options(CLI::App* cmd, ReadOptions& read);
// --encoding and --max-line-bytes for both inputs, plus --ko-encoding / --en-encoding.
void add_read_options(CLI::App* cmd, PairReadOptions& read);
// --max-memory SIZE: the most memory aligning may take (AlignOptions::max_memory).
void add_max_memory(CLI::App* cmd, std::size_t& bytes);
// --allow-unrelated: analyse a pair the relatedness measure refuses.
void add_allow_unrelated(CLI::App* cmd, bool& allow);
// KO EN, --presplit, --alignment, --disable, --set, --dict, --lexicon and the read options (check,
// report and run), --allow-unrelated.
void add_analysis_options(CLI::App* cmd, PairInput& job);

// --format tsv|json|tmx|moses|bitextor, --min-score, --only, --ko-lang, --en-lang,
// --moses-keep-null: how an alignment is written (align, align-set; run without the languages,
// which it takes from the pair options).
void add_aligned_output_options(CLI::App* cmd, formats::AlignedOutputOptions& out,
                                bool languages = true);

void add_split_command(CLI::App& app);
void add_align_command(CLI::App& app);
void add_align_set_command(CLI::App& app);
void add_check_command(CLI::App& app);
void add_report_command(CLI::App& app);
void add_eval_command(CLI::App& app);
void add_lexicon_command(CLI::App& app);
void add_run_command(CLI::App& app);
void add_stream_command(CLI::App& app);

}  // namespace kealign::cli
