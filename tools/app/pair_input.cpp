#include "app/pair_input.hpp"

#include <algorithm>
#include <cmath>

#include "kealign/dictionary.hpp"
#include "kealign/error.hpp"
#include "kealign/lexicon.hpp"

namespace kealign {
namespace {

std::string trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const std::size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

void apply_check_setting(const std::string& setting, CheckOptions& options) {
  const std::size_t eq = setting.find('=');
  if (eq == std::string::npos)
    throw UsageError("--set '" + setting + "': expected check-id.param=value");
  const std::string key = trim(std::string_view(setting).substr(0, eq));
  const std::string value = trim(std::string_view(setting).substr(eq + 1));
  double v = 0;
  std::size_t used = 0;
  try {
    v = std::stod(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != value.size() || !std::isfinite(v))
    throw UsageError("--set '" + setting + "': '" + value + "' is not a number");
  options.params[key] = v;
}

AnalysisOptions analysis_options(const PairInput& input) {
  AnalysisOptions options;
  options.presplit = input.presplit;
  options.alignment = input.alignment;
  options.read = input.read;
  options.allow_unrelated = input.allow_unrelated;
  for (const std::string& list : input.disable) {
    std::size_t start = 0;
    while (start <= list.size()) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      const std::string id = trim(std::string_view(list).substr(start, comma - start));
      if (!id.empty()) options.checks.disabled.insert(id);
      start = comma + 1;
    }
  }
  for (const std::string& s : input.settings) apply_check_setting(s, options.checks);
  validate_check_options(options.checks);
  if (!input.dictionary.empty()) {
    options.align.dictionary = Dictionary::read(input.dictionary);
    options.checks.dictionary = options.align.dictionary;
  }
  if (!input.lexicon.empty()) options.align.lexicon = Lexicon::read(input.lexicon);
  return options;
}

}  // namespace kealign
