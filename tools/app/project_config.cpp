#include "app/project_config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <toml++/toml.h>

#include "app/formats/tbx.hpp"
#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

namespace fs = std::filesystem;

struct Reader {
  const std::string& file;

  [[noreturn]] void fail(const toml::node& node, const std::string& key,
                         const std::string& problem) const {
    throw InputError(file, node.source().begin.line, std::string::npos,
                     fmt::format("{}: {}", key, problem));
  }
  std::string string(const toml::node& node, const std::string& key) const {
    if (const auto* s = node.as_string()) return s->get();
    fail(node, key, "expected a string");
  }
  std::vector<std::string> strings(const toml::node& node, const std::string& key) const {
    const auto* array = node.as_array();
    if (!array) fail(node, key, "expected an array of strings");
    std::vector<std::string> out;
    for (const toml::node& item : *array) out.push_back(string(item, key));
    return out;
  }
  Severity severity(const toml::node& node, const std::string& key) const {
    const std::string s = string(node, key);
    if (s == "major") return Severity::kMajor;
    if (s == "minor") return Severity::kMinor;
    if (s == "info") return Severity::kInfo;
    fail(node, key, "'" + s + "' is not major, minor or info");
  }
  void check_id(const toml::node& node, const std::string& key, const std::string& id) const {
    if (!find_check(id) && id != "missing-translation" && id != "glossary" &&
        id.rfind("user-", 0) != 0)
      fail(node, key, "unknown check '" + id + "' (kealign check --list)");
  }
  std::regex regex(const toml::node& node, const std::string& key, const std::string& pattern) const {
    try {
      return std::regex(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      fail(node, key, "not a regular expression: " + std::string(e.what()));
    }
  }
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string regex_escape(std::string_view s) {
  static const std::string special = R"(\^$.|?*+()[]{}/)";
  std::string out;
  for (char c : s) {
    if (special.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

// The target pattern with \1..\9 replaced by the source match's groups, as literal text.
std::string substitute(const std::string& pattern, const std::smatch& m) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9') {
      const auto group = static_cast<std::size_t>(pattern[i + 1] - '0');
      if (group < m.size()) out += regex_escape(m[group].str());
      ++i;
    } else if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      out += pattern.substr(i, 2);
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> find_config(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  for (;;) {
    const fs::path candidate = dir / "kealign.toml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

ProjectConfig read_config(const std::string& path) {
  ProjectConfig config;
  config.path = path;
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw InputError(path, e.source().begin.line, std::string::npos,
                     fmt::format("column {}: {}", e.source().begin.column, e.description()));
  }
  const Reader r{path};
  for (auto&& [key, node] : root) {
    const std::string k(key.str());
    if (k == "languages") {
      const auto* t = node.as_table();
      if (!t) r.fail(node, k, "expected a table");
      for (auto&& [lk, lv] : *t) {
        const std::string name = "languages." + std::string(lk.str());
        if (lk.str() == "ko") config.ko_lang = r.string(lv, name);
        else if (lk.str() == "en") config.en_lang = r.string(lv, name);
        else r.fail(lv, name, "unknown key (ko, en)");
      }
    } else if (k == "checks") {
      const auto* t = node.as_table();
      if (!t) r.fail(node, k, "expected a table");
      for (auto&& [ck, cv] : *t) {
        const std::string name = "checks." + std::string(ck.str());
        if (ck.str() == "disable" || ck.str() == "enable") {
          const std::vector<std::string> ids = r.strings(cv, name);
          for (const std::string& id : ids) r.check_id(cv, name, id);
          if (ck.str() == "disable") {
            config.disable.insert(config.disable.end(), ids.begin(), ids.end());
          } else {
            for (const auto& check : all_checks())
              if (std::find(ids.begin(), ids.end(), check->id()) == ids.end())
                config.disable.emplace_back(check->id());
          }
        } else if (ck.str() == "glossary") {
          const fs::path g = r.string(cv, name);
          config.glossary = g.is_absolute() ? g.string() : (fs::path(path).parent_path() / g).string();
        } else if (ck.str() == "severity") {
          const auto* st = cv.as_table();
          if (!st) r.fail(cv, name, "expected a table");
          for (auto&& [sk, sv] : *st) {
            const std::string id(sk.str());
            r.check_id(sv, name + "." + id, id);
            config.severity[id] = r.severity(sv, name + "." + id);
          }
        } else if (ck.str() == "params") {
          const auto* pt = cv.as_table();
          if (!pt) r.fail(cv, name, "expected a table");
          for (auto&& [pk, pv] : *pt) {
            const std::string param(pk.str());
            const std::optional<double> v = pv.value<double>();
            if (!v) r.fail(pv, name + "." + param, "expected a number");
            CheckOptions probe;
            probe.params[param] = *v;
            try {
              validate_check_options(probe);
            } catch (const UsageError& e) {
              r.fail(pv, name + "." + param, e.what());
            }
            config.settings.push_back(param + "=" + fmt::format("{}", *v));
          }
        } else {
          r.fail(cv, name, "unknown key (disable, enable, glossary, severity, params)");
        }
      }
    } else if (k == "rules") {
      const auto* array = node.as_array();
      if (!array) r.fail(node, k, "expected [[rules]] tables");
      std::size_t n = 0;
      for (const toml::node& item : *array) {
        ++n;
        const auto* t = item.as_table();
        if (!t) r.fail(item, k, "expected [[rules]] tables");
        UserRule rule;
        const toml::node* source_node = nullptr;
        for (auto&& [rk, rv] : *t) {
          const std::string name = fmt::format("rules[{}].{}", n, rk.str());
          if (rk.str() == "id") rule.id = "user-" + r.string(rv, name);
          else if (rk.str() == "source") rule.source = r.string(rv, name), source_node = &rv;
          else if (rk.str() == "target") rule.target = r.string(rv, name);
          else if (rk.str() == "forbidden") rule.forbidden = r.string(rv, name);
          else if (rk.str() == "severity") rule.severity = r.severity(rv, name);
          else if (rk.str() == "message") rule.message = r.string(rv, name);
          else r.fail(rv, name, "unknown key (id, source, target, forbidden, severity, message)");
          if (rk.str() == "target" || rk.str() == "forbidden")
            r.regex(rv, name, substitute(r.string(rv, name), std::smatch{}));
        }
        const std::string where = fmt::format("rules[{}]", n);
        if (rule.id.empty()) r.fail(item, where, "needs an id");
        if (!source_node) r.fail(item, where, "needs a source pattern");
        if (rule.target.empty() == rule.forbidden.empty())
          r.fail(item, where, "needs a target or a forbidden pattern (one of them)");
        rule.source_re = r.regex(*source_node, where + ".source", rule.source);
        if (rule.message.empty())
          rule.message = rule.target.empty() ? "the English has what rule " + rule.id + " forbids"
                                              : "the English lacks what rule " + rule.id + " requires";
        config.rules.push_back(std::move(rule));
      }
    } else {
      r.fail(node, k, "unknown key (languages, checks, rules)");
    }
  }
  return config;
}

std::vector<GlossaryTerm> read_glossary(const std::string& path, const std::string& ko_lang,
                                        const std::string& en_lang) {
  const Document doc = read_document(path);
  const std::size_t start =
      doc.text.find_first_not_of(" \t\r\n", doc.text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
  if (start != std::string::npos && doc.text[start] == '<')
    return formats::parse_tbx(doc.text, doc.name, {ko_lang, en_lang});
  std::vector<GlossaryTerm> out;
  const std::vector<Span> rows = lines(doc);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const std::string_view row = doc.view(rows[k]);
    if (fold_space(row).empty() || row[0] == '#') continue;
    const auto cells = tab_cells(row);
    GlossaryTerm t;
    t.line = k + 1;
    t.ko = fold_space(cells[0]);
    t.en = cells.size() > 1 ? fold_space(cells[1]) : std::string();
    const std::string status = cells.size() > 2 ? fold_space(cells[2]) : std::string();
    if (status == "forbidden") t.forbidden = true;
    else if (!status.empty() && status != "required")
      throw InputError(doc.name, k + 1, rows[k].begin,
                       "third cell '" + status + "': expected required or forbidden");
    if (t.en.empty() || (t.ko.empty() && !t.forbidden))
      throw InputError(doc.name, k + 1, rows[k].begin,
                       "expected korean<TAB>english[<TAB>forbidden]");
    out.push_back(std::move(t));
  }
  return out;
}

void apply_project_checks(Analysis& a, const ProjectConfig& config) {
  const std::vector<GlossaryTerm> glossary =
      config.glossary.empty()
          ? std::vector<GlossaryTerm>{}
          : read_glossary(config.glossary, config.ko_lang.empty() ? "ko-KR" : config.ko_lang,
                          config.en_lang.empty() ? "en-US" : config.en_lang);
  std::vector<std::pair<std::size_t, Finding>> added;  // (link, finding)
  for (std::size_t l = 0; l < a.alignment.size(); ++l) {
    const Bead& b = a.alignment[l];
    if (b.ko_size() == 0 || b.en_size() == 0) continue;
    std::string ko, en;
    for (std::uint32_t i = b.ko_begin; i < b.ko_end; ++i) ko += (ko.empty() ? "" : " ") + a.ko.display(i);
    for (std::uint32_t i = b.en_begin; i < b.en_end; ++i) en += (en.empty() ? "" : " ") + a.en.display(i);
    const std::string en_lower = lower(en);
    auto finding = [&](const std::string& check, Severity severity, const std::string& message) {
      if (std::find(config.disable.begin(), config.disable.end(), check) != config.disable.end())
        return;
      Finding f;
      f.check = check;
      f.severity = severity;
      for (std::uint32_t i = b.ko_begin; i < b.ko_end; ++i) f.ko_ids.push_back(i);
      for (std::uint32_t i = b.en_begin; i < b.en_end; ++i) f.en_ids.push_back(i);
      f.message = message;
      added.emplace_back(l, std::move(f));
    };
    for (const GlossaryTerm& t : glossary) {
      const bool source = t.ko.empty() || ko.find(t.ko) != std::string::npos;
      bool target = en_lower.find(lower(t.en)) != std::string::npos;
      std::string others;
      for (const std::string& alt : t.also) {
        target = target || en_lower.find(lower(alt)) != std::string::npos;
        others += fmt::format("{}‘{}’", others.empty() ? " (or " : ", ", alt);
      }
      if (!others.empty()) others += ")";
      if (!t.forbidden && source && !target)
        finding("glossary", Severity::kMinor,
                fmt::format("glossary: ‘{}’ should be translated ‘{}’{} (glossary line {})", t.ko,
                            t.en, others, t.line));
      if (t.forbidden && source && target)
        finding("glossary", Severity::kMinor,
                fmt::format("glossary: ‘{}’ is a forbidden term{} (glossary line {})", t.en,
                            t.ko.empty() ? "" : " for ‘" + t.ko + "’", t.line));
    }
    for (const UserRule& rule : config.rules) {
      std::smatch m;
      if (!std::regex_search(ko, m, rule.source_re)) continue;
      const bool required = !rule.target.empty();
      const std::regex target(substitute(required ? rule.target : rule.forbidden, m),
                              std::regex::ECMAScript);
      const bool present = std::regex_search(en, target);
      if (required != present)
        finding(rule.id, rule.severity, fmt::format("{}: ‘{}’", rule.message, m.str()));
    }
  }
  if (!added.empty()) {
    // Into link order, after the findings of the built-in checks on the same link.
    std::vector<std::size_t> ko_link(a.ko.size()), en_link(a.en.size());
    for (std::size_t l = 0; l < a.alignment.size(); ++l) {
      for (std::uint32_t i = a.alignment[l].ko_begin; i < a.alignment[l].ko_end; ++i) ko_link[i] = l;
      for (std::uint32_t i = a.alignment[l].en_begin; i < a.alignment[l].en_end; ++i) en_link[i] = l;
    }
    std::vector<std::pair<std::size_t, Finding>> all;
    for (Finding& f : a.findings) {
      std::size_t first = a.alignment.size();
      for (std::uint32_t i : f.ko_ids) first = std::min(first, i < ko_link.size() ? ko_link[i] : first);
      for (std::uint32_t i : f.en_ids) first = std::min(first, i < en_link.size() ? en_link[i] : first);
      all.emplace_back(first, std::move(f));
    }
    for (auto& x : added) all.push_back(std::move(x));
    std::stable_sort(all.begin(), all.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    a.findings.clear();
    for (auto& x : all) a.findings.push_back(std::move(x.second));
  }
  for (Finding& f : a.findings) {
    const auto it = config.severity.find(f.check);
    if (it != config.severity.end()) f.severity = it->second;
  }
}

}  // namespace kealign
