#include "kealign/check.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

#include "checks/checks.hpp"
#include "kealign/error.hpp"

namespace kealign {
namespace {

std::vector<std::unique_ptr<Check>> make_registry() {
  std::vector<std::unique_ptr<Check>> r;
  // Report order: what is missing or extra first, then the shape of each link, then its words.
  r.push_back(make_boilerplate_check());
  r.push_back(make_text_damage_check());
  r.push_back(make_omission_check());
  r.push_back(make_addition_check());
  r.push_back(make_quote_balance_check());
  r.push_back(make_bracket_balance_check());
  r.push_back(make_garbled_sentence_check());
  r.push_back(make_duplication_check());
  r.push_back(make_truncation_check());
  r.push_back(make_length_ratio_check());
  r.push_back(make_untranslated_text_check());
  // Lexical checks.
  r.push_back(make_number_mismatch_check());
  r.push_back(make_latin_token_mismatch_check());
  r.push_back(make_negation_check());
  r.push_back(make_mistranslation_check());
  r.push_back(make_untranslated_term_check());
  r.push_back(make_name_consistency_check());
  r.push_back(make_spelling_variant_check());
  r.push_back(make_term_consistency_check());
  return r;
}

// Position of each segment's bead, so findings can be ordered by where they occur in the pair.
struct BeadIndex {
  std::vector<std::size_t> ko, en;
  explicit BeadIndex(const Alignment& a) {
    for (std::size_t b = 0; b < a.size(); ++b) {
      for (std::uint32_t i = a[b].ko_begin; i < a[b].ko_end; ++i) set(ko, i, b);
      for (std::uint32_t i = a[b].en_begin; i < a[b].en_end; ++i) set(en, i, b);
    }
  }
  std::size_t first(const Finding& f) const {
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (auto i : f.ko_ids)
      if (i < ko.size()) best = std::min(best, ko[i]);
    for (auto i : f.en_ids)
      if (i < en.size()) best = std::min(best, en[i]);
    return best;
  }

 private:
  static void set(std::vector<std::size_t>& v, std::uint32_t i, std::size_t b) {
    if (v.size() <= i) v.resize(i + 1, std::numeric_limits<std::size_t>::max());
    v[i] = b;
  }
};

std::size_t registry_rank(std::string_view id) {
  const auto& all = all_checks();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i]->id() == id) return i;
  return all.size();
}

}  // namespace

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kMajor:
      return "major";
    case Severity::kMinor:
      return "minor";
    case Severity::kInfo:
      return "info";
  }
  return "minor";
}

double default_confidence(Severity s) {
  switch (s) {
    case Severity::kMajor:
      return 0.8;
    case Severity::kMinor:
      return 0.5;
    case Severity::kInfo:
      return 0.2;
  }
  return 0.5;
}

double CheckOptions::param(std::string_view check, std::string_view name, double fallback) const {
  std::string key(check);
  key += '.';
  key += name;
  const auto it = params.find(key);
  return it == params.end() ? fallback : it->second;
}

const std::vector<std::unique_ptr<Check>>& all_checks() {
  static const std::vector<std::unique_ptr<Check>> registry = make_registry();
  return registry;
}

const Check* find_check(std::string_view id) {
  for (const auto& c : all_checks())
    if (c->id() == id) return c.get();
  return nullptr;
}

void validate_check_options(const CheckOptions& options) {
  for (const std::string& id : options.disabled)
    if (!find_check(id)) throw UsageError("unknown check '" + id + "' (see kealign check --list)");
  for (const auto& [key, value] : options.params) {
    const std::size_t dot = key.find('.');
    const Check* check = dot == std::string::npos ? nullptr : find_check(key.substr(0, dot));
    if (!check)
      throw UsageError("parameter '" + key +
                       "' does not start with a known check id (check-id.param)");
    const std::string name = key.substr(dot + 1);
    const auto params = check->parameters();
    const bool known = std::any_of(params.begin(), params.end(),
                                   [&](const CheckParameter& p) { return p.name == name; });
    if (!known) {
      std::string list;
      for (const auto& p : params) list += (list.empty() ? "" : ", ") + std::string(p.name);
      throw UsageError("check '" + std::string(check->id()) + "' has no parameter '" + name +
                       "' (it has: " + (list.empty() ? "none" : list) + ")");
    }
  }
}

std::vector<Finding> run_checks(const CheckContext& ctx, const CheckOptions& options) {
  validate_check_options(options);
  std::vector<Finding> out;
  for (const auto& check : all_checks())
    if (!options.disabled.count(std::string(check->id()))) check->run(ctx, options, out);
  for (Finding& f : out)
    f.confidence =
        f.confidence < 0 ? default_confidence(f.severity) : std::clamp(f.confidence, 0.0, 1.0);
  const BeadIndex index(ctx.alignment);
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> keys;  // bead, rank, original
  keys.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    keys.emplace_back(index.first(out[i]), registry_rank(out[i].check), i);
  std::sort(keys.begin(), keys.end());
  std::vector<Finding> sorted;
  sorted.reserve(out.size());
  for (const auto& k : keys) sorted.push_back(std::move(out[std::get<2>(k)]));
  return sorted;
}

std::vector<std::string> flags_per_bead(const Alignment& alignment,
                                        const std::vector<Finding>& findings) {
  const BeadIndex index(alignment);
  std::vector<std::vector<std::pair<std::size_t, std::string>>> flags(alignment.size());
  const auto mark = [&](const std::vector<std::size_t>& where, std::uint32_t id, const Finding& f) {
    if (id < where.size() && where[id] < flags.size())
      flags[where[id]].emplace_back(registry_rank(f.check), f.check);
  };
  for (const Finding& f : findings) {
    for (auto id : f.ko_ids) mark(index.ko, id, f);
    for (auto id : f.en_ids) mark(index.en, id, f);
  }
  std::vector<std::string> out(alignment.size());
  for (std::size_t b = 0; b < flags.size(); ++b) {
    auto& v = flags[b];
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    for (const auto& flag : v) out[b] += (out[b].empty() ? "" : ",") + flag.second;
  }
  return out;
}

}  // namespace kealign
