#include "commands.hpp"

namespace kealign::cli {

void add_read_options(CLI::App* cmd, ReadOptions& read) {
  cmd->add_option("--encoding", read.encoding, "Input encoding: utf-8, euc-kr or cp949")
      ->capture_default_str();
  cmd->add_option("--max-line-bytes", read.max_line_bytes,
                  "Refuse inputs with a longer line (binary files, dumps)")
      ->capture_default_str();
}

}  // namespace kealign::cli
