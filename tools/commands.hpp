// Subcommands of the `kealign` tool. Each registers its flags on the app and, when chosen, fills
// an options struct and makes one library call.
#pragma once

#include <CLI/CLI.hpp>

namespace kealign::cli {

void add_split_command(CLI::App& app);

}  // namespace kealign::cli
