#include "app/pair_input.hpp"

#include <algorithm>
#include <cmath>

#include "app/formats/bilingual.hpp"
#include "app/project_config.hpp"
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

// The ids of the --disable lists, each list comma-separated.
std::vector<std::string> disabled_ids(const PairInput& input) {
  std::vector<std::string> out;
  for (const std::string& list : input.disable) {
    std::size_t start = 0;
    while (start <= list.size()) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      std::string id = trim(std::string_view(list).substr(start, comma - start));
      if (!id.empty()) out.push_back(std::move(id));
      start = comma + 1;
    }
  }
  return out;
}

bool disables_missing_translation(const PairInput& input, const ProjectConfig* config) {
  std::vector<std::string> ids = disabled_ids(input);
  if (config) ids.insert(ids.end(), config->disable.begin(), config->disable.end());
  return std::find(ids.begin(), ids.end(), formats::kMissingTranslation) != ids.end();
}

// Check ids only the app layer knows: not the library's to validate.
bool app_check(const std::string& id) {
  return id == formats::kMissingTranslation || id == "glossary" || id.rfind("user-", 0) == 0;
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

std::vector<std::string> pair_input_files(const PairInput& input) {
  return {input.ko,         input.en,      input.bilingual, input.alignment,
          input.dictionary, input.lexicon, input.glossary};
}

AnalysisOptions analysis_options(const PairInput& input) {
  AnalysisOptions options;
  options.presplit = input.presplit;
  options.alignment = input.alignment;
  options.read = input.read;
  options.allow_unrelated = input.allow_unrelated;
  const std::shared_ptr<const ProjectConfig> config = project_config(input);
  for (std::string& id : disabled_ids(input))
    if (input.bilingual.empty() || id != formats::kMissingTranslation)
      options.checks.disabled.insert(std::move(id));
  if (config) {
    for (const std::string& id : config->disable)
      if (!app_check(id)) options.checks.disabled.insert(id);
    for (const std::string& s : config->settings) apply_check_setting(s, options.checks);
  }
  for (const std::string& s : input.settings) apply_check_setting(s, options.checks);
  validate_check_options(options.checks);
  if (!input.dictionary.empty()) {
    options.align.dictionary = Dictionary::read(input.dictionary);
    options.checks.dictionary = options.align.dictionary;
  }
  if (!input.lexicon.empty()) options.align.lexicon = Lexicon::read(input.lexicon);
  options.align.max_memory = input.max_memory != 0 ? input.max_memory : physical_memory();
  return options;
}

std::shared_ptr<const ProjectConfig> project_config(const PairInput& input) {
  std::optional<std::string> path;
  if (input.config != "none") path = input.config.empty() ? find_config() : input.config;
  if (!path && input.glossary.empty()) return nullptr;
  auto config = std::make_shared<ProjectConfig>(path ? read_config(*path) : ProjectConfig{});
  if (!input.glossary.empty()) config->glossary = input.glossary;
  const PairInput defaults;
  if (input.ko_lang != defaults.ko_lang || config->ko_lang.empty()) config->ko_lang = input.ko_lang;
  if (input.en_lang != defaults.en_lang || config->en_lang.empty()) config->en_lang = input.en_lang;
  return config;
}

Analysis analyze_input(const PairInput& input, const AnalysisOptions& options) {
  const std::shared_ptr<const ProjectConfig> config = project_config(input);
  if (input.bilingual.empty()) {
    Analysis a = analyze_files(input.ko, input.en, options);
    if (config) apply_project_checks(a, *config);
    return a;
  }
  if (!input.ko.empty() || !input.en.empty())
    throw UsageError("--bilingual FILE replaces KO and EN: give one or the other");
  if (input.presplit || !input.alignment.empty())
    throw UsageError(
        "--bilingual FILE is aligned already: --presplit and --alignment do not apply");
  formats::BilingualOptions langs{input.ko_lang, input.en_lang};
  if (config && !config->ko_lang.empty() && langs.ko_lang == PairInput{}.ko_lang)
    langs.ko_lang = config->ko_lang;
  if (config && !config->en_lang.empty() && langs.en_lang == PairInput{}.en_lang)
    langs.en_lang = config->en_lang;
  const formats::BilingualDocument doc =
      formats::read_bilingual(input.bilingual, langs, input.read.common);
  formats::BilingualAnalysis b =
      formats::analyze_bilingual(doc, options, !disables_missing_translation(input, config.get()));
  if (config) {
    apply_project_checks(b.analysis, *config);
    // The config's own checks come after the units were named: name them too.
    for (Finding& f : b.analysis.findings)
      if (f.check == "glossary" || f.check.rfind("user-", 0) == 0) formats::name_units(f, b);
  }
  return std::move(b.analysis);
}

}  // namespace kealign
