// The project's QA settings in a `kealign.toml` file, found upward from the working folder (or
// named with --config), read with toml++:
//
//   [languages]
//   ko = "ko-KR"                    # codes of the sides in bilingual files and TMX
//   en = "en-GB"
//
//   [checks]
//   disable = ["length-ratio"]      # or enable = [...]: only these
//   glossary = "terms.tsv"          # relative to this file
//
//   [checks.severity]               # per-check severity: major, minor or info
//   boilerplate = "minor"
//
//   [checks.params]                 # check parameters, as --set
//   "truncation.min-words" = 6
//
//   [[rules]]                       # user-defined checks
//   id = "won"                      # reported as check "user-won"
//   source = '([0-9,]+)원'          # a regular expression (ECMAScript) on the Korean side
//   target = '\1 won'               # required on the English side; \1.. are the source's groups
//   # forbidden = 'Won\b'           # or: forbidden on the English side
//   severity = "minor"
//   message = "amount in won not kept"
//
// An unknown key, a value of the wrong type, an unknown check or severity, or a bad regular
// expression is an InputError naming the file, the line and the key.
//
// Glossary TSV: `korean<TAB>english[<TAB>forbidden]`, one term a row (`#` comments, blank lines
// skipped). A row is required by default: a link whose Korean contains the Korean term and whose
// English lacks the English term (ignoring case) is a `glossary` finding. A `forbidden` row: a
// link whose English contains the English term (and whose Korean contains the Korean term, when
// one is given) is a `glossary` finding.
//
// Glossary TBX (ISO 30042; formats/tbx.hpp), found from the content (a file starting with `<`):
// each concept's Korean terms require one of its English terms, preferred or admitted; its
// deprecated and superseded English terms are forbidden.
#pragma once

#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "kealign/analysis.hpp"
#include "kealign/check.hpp"

namespace kealign {

struct UserRule {
  std::string id;  // check id, "user-" + the rule's id
  std::string source;
  std::regex source_re;
  std::string target;  // required target pattern (may hold \1..\9), or ""
  std::string forbidden;  // forbidden target pattern (may hold \1..\9), or ""
  Severity severity = Severity::kMinor;
  std::string message;
};

struct GlossaryTerm {
  std::string ko;
  std::string en;
  std::vector<std::string> also;  // other accepted English terms (a TBX concept's admitted ones)
  bool forbidden = false;
  std::size_t line = 0;
};

struct ProjectConfig {
  std::string path;  // the file read ("" when there is none)
  std::string ko_lang, en_lang;
  std::vector<std::string> disable;   // check ids
  std::vector<std::string> settings;  // "check-id.param=value"
  std::map<std::string, Severity> severity;
  std::string glossary;  // path, resolved against the config's folder
  std::vector<UserRule> rules;
};

// The nearest kealign.toml from `start` upward, or nullopt.
std::optional<std::string> find_config(const std::string& start = ".");

ProjectConfig read_config(const std::string& path);

// A glossary TSV or TBX; the language codes say which of a TBX's languages is which side.
std::vector<GlossaryTerm> read_glossary(const std::string& path,
                                        const std::string& ko_lang = "ko-KR",
                                        const std::string& en_lang = "en-US");

// The findings of the glossary and the user rules over every link with both sides, appended to
// the analysis' findings in link order, then the severity overrides applied to all findings.
void apply_project_checks(Analysis& analysis, const ProjectConfig& config);

}  // namespace kealign
