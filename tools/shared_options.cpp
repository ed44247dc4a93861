#include "commands.hpp"

namespace kealign::cli {
namespace {

// A whole number above zero, in digits (a count of bytes, lines or threads).
const CLI::Validator kPositiveCount(
    [](std::string& value) -> std::string {
      const bool digits = !value.empty() && value.size() <= 18 &&
                          value.find_first_not_of("0123456789") == std::string::npos;
      if (!digits || value.find_first_not_of('0') == std::string::npos)
        return "'" + value + "' is not a positive whole number";
      return {};
    },
    "POSITIVE");

}  // namespace

void add_read_options(CLI::App* cmd, ReadOptions& read) {
  cmd->add_option("--encoding", read.encoding, "Input encoding: utf-8, euc-kr or cp949")
      ->capture_default_str();
  cmd->add_option("--max-line-bytes", read.max_line_bytes,
                  "Refuse inputs with a longer line (binary files, dumps)")
      ->check(kPositiveCount)  // "-1" would otherwise wrap around to 2^64 - 1
      ->capture_default_str();
}

void add_read_options(CLI::App* cmd, PairReadOptions& read) {
  add_read_options(cmd, read.common);
  cmd->add_option("--ko-encoding", read.ko_encoding,
                  "The Korean input's encoding, if not --encoding");
  cmd->add_option("--en-encoding", read.en_encoding,
                  "The English input's encoding, if not --encoding");
}

void add_max_memory(CLI::App* cmd, std::size_t& bytes) {
  cmd->add_option("--max-memory", bytes,
                  "Stop with an error when aligning would take more memory than this (e.g. 4G, "
                  "500M; default: the machine's physical memory)")
      ->transform(CLI::AsSizeValue(false));
}

void add_allow_unrelated(CLI::App* cmd, bool& allow) {
  cmd->add_flag("--allow-unrelated", allow,
                "Proceed even when the two texts do not look like translations of each other");
}

void add_analysis_options(CLI::App* cmd, PairInput& job) {
  cmd->add_option("KO", job.ko, "Korean text, or - for standard input");
  cmd->add_option("EN", job.en, "English text");
  cmd->add_flag("--presplit", job.presplit, "Inputs are already one segment per line");
  cmd->add_option("--alignment,-a", job.alignment,
                  "Existing alignment (aligned TSV, or ko_ids<TAB>en_ids) instead of aligning");
  // One value per occurrence, so a flag before KO EN does not swallow them.
  cmd->add_option("--disable", job.disable, "Check ids to skip, comma-separated (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--set", job.settings, "A check parameter: check-id.param=value (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--dict", job.dictionary,
                  "Word list, korean<TAB>english (any language pair for the aligner)");
  cmd->add_option("--lexicon", job.lexicon,
                  "Word-translation lexicon for the aligner (kealign lexicon)");
  add_allow_unrelated(cmd, job.allow_unrelated);
  add_max_memory(cmd, job.max_memory);
  add_read_options(cmd, job.read);
  cmd->add_option("--bilingual", job.bilingual,
                  "A bilingual file instead of KO and EN: TMX, XLIFF 1.2 or 2.0, or two-column TSV "
                  "(one link per unit)");
  cmd->add_option(
      "--glossary", job.glossary,
      "Glossary of required and forbidden terms: TSV (korean<TAB>english[<TAB>forbidden]) "
      "or TBX; replaces the config's");
  cmd->add_option("--config", job.config,
                  "Project config (default: the nearest kealign.toml upward from here; none: no "
                  "config)");
  cmd->add_option("--ko-lang", job.ko_lang, "Language code of the Korean side of --bilingual")
      ->capture_default_str();
  cmd->add_option("--en-lang", job.en_lang, "Language code of the English side of --bilingual")
      ->capture_default_str();
}

}  // namespace kealign::cli
