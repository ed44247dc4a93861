// Subcommands of the `kealign` tool. Each registers its flags on the app and, when chosen, fills
// an options struct and makes one library call.
#pragma once

#include <CLI/CLI.hpp>

#include "app/pair_input.hpp"
#include "kealign/text.hpp"

namespace kealign::cli {

// --encoding and --max-line-bytes, shared by every command that reads text.
void add_read_options(CLI::App* cmd, ReadOptions& read);
// --encoding and --max-line-bytes for both inputs, plus --ko-encoding / --en-encoding.
void add_read_options(CLI::App* cmd, PairReadOptions& read);
// --allow-unrelated: analyse a pair the relatedness measure refuses.
void add_allow_unrelated(CLI::App* cmd, bool& allow);
// KO EN, --presplit, --alignment, --disable, --set, --dict, --lexicon and the read options (check,
// report and run), --allow-unrelated.
void add_analysis_options(CLI::App* cmd, PairInput& job);

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
