#include "app/review.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

struct Fnv {
  std::uint64_t h = 14695981039346656037ull;
  void add(std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xFF;  // a separator no UTF-8 text holds
    h *= 1099511628211ull;
  }
};

// The evidence spans as offsets inside the segment that holds them.
void add_side(Fnv& fnv, const std::vector<std::uint32_t>& ids, const std::vector<Span>& spans,
              const SegmentedText& text) {
  for (std::uint32_t id : ids)
    if (id < text.size()) fnv.add(text.display(id));
  for (const Span& s : spans) {
    std::string where = "?";
    for (std::uint32_t id : ids) {
      if (id >= text.size()) continue;
      const Span seg = text.segments[id].span;
      if (s.begin >= seg.begin && s.end <= seg.end) {
        where = fmt::format("{}+{}", s.begin - seg.begin, s.size());
        break;
      }
    }
    if (where == "?" && s.end <= text.document.text.size())
      where = std::string(text.document.view(s));  // evidence outside the named segments
    fnv.add(where);
  }
}

std::string trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t\r") - b + 1));
}

bool is_id(std::string_view s) {
  return s.size() == 12 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

std::string finding_id(const Finding& f, const SegmentedText& ko, const SegmentedText& en) {
  Fnv fnv;
  fnv.add(f.check);
  add_side(fnv, f.ko_ids, f.ko_spans, ko);
  add_side(fnv, f.en_ids, f.en_spans, en);
  return fmt::format("{:012x}", fnv.h & 0xFFFFFFFFFFFFull);
}

std::vector<std::string> finding_ids(const Analysis& a) {
  std::vector<std::string> out;
  out.reserve(a.findings.size());
  for (const Finding& f : a.findings) out.push_back(finding_id(f, a.ko, a.en));
  return out;
}

Baseline read_baseline(const std::string& path) {
  const Document doc = read_document(path);
  Baseline out;
  const std::string_view body = doc.body();
  if (trim(body).rfind('[', 0) == 0 || trim(body).rfind('{', 0) == 0) {
    nlohmann::json json;
    try {
      json = nlohmann::json::parse(body);
    } catch (const nlohmann::json::exception& e) {
      throw InputError(doc.name, 0, std::string::npos, std::string("not JSON: ") + e.what());
    }
    // check --format json's object, or an array of findings
    if (json.is_object())
      json = json.contains("findings") ? json["findings"] : nlohmann::json::array();
    for (const auto& f : json)
      if (f.is_object() && f.contains("id") && f["id"].is_string())
        out.insert(f["id"].get<std::string>());
    return out;
  }
  std::ptrdiff_t id_column = -1;
  const std::vector<Span> rows = lines(doc);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const std::string_view row = doc.view(rows[k]);
    const std::string line = trim(row);
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> cells = tab_cells(row);
    if (k == 0 && std::find(cells.begin(), cells.end(), "id") != cells.end()) {
      id_column = std::find(cells.begin(), cells.end(), "id") - cells.begin();
      continue;
    }
    const std::string id = id_column >= 0 && static_cast<std::size_t>(id_column) < cells.size()
                               ? trim(cells[static_cast<std::size_t>(id_column)])
                           : id_column < 0 ? trim(cells[0])
                                           : std::string();
    if (!is_id(id))
      throw InputError(doc.name, k + 1, rows[k].begin,
                       "expected a finding id (12 hex digits), a findings TSV with an id column "
                       "or a findings JSON array");
    out.insert(id);
  }
  return out;
}

Reviewed apply_baseline(const std::vector<Finding>& findings, const std::vector<std::string>& ids,
                        const Baseline& baseline) {
  Reviewed r;
  for (std::size_t k = 0; k < findings.size(); ++k) {
    if (k < ids.size() && baseline.count(ids[k])) {
      ++r.hidden;
      continue;
    }
    r.findings.push_back(findings[k]);
    r.ids.push_back(k < ids.size() ? ids[k] : std::string());
  }
  return r;
}

std::string_view mqm_category(std::string_view check) {
  static const std::map<std::string_view, std::string_view> table = {
      {"boilerplate", "Design and markup/Extraneous content"},
      {"omission", "Accuracy/Omission"},
      {"missing-translation", "Accuracy/Untranslated"},
      {"addition", "Accuracy/Addition"},
      {"quote-balance", "Fluency/Punctuation"},
      {"bracket-balance", "Fluency/Punctuation"},
      {"garbled-sentence", "Fluency/Grammar"},
      {"duplication", "Fluency/Grammar"},
      {"truncation", "Accuracy/Omission"},
      {"length-ratio", "Accuracy/Mistranslation"},
      {"untranslated-text", "Accuracy/Untranslated"},
      {"number-mismatch", "Locale convention/Number format"},
      {"latin-token-mismatch", "Accuracy/Mistranslation"},
      {"untranslated-term", "Terminology/Wrong term"},
      {"name-consistency", "Terminology/Inconsistent use of terminology"},
      {"term-consistency", "Terminology/Inconsistent use of terminology"},
      {"glossary", "Terminology/Wrong term"},
      {"text-damage", "Fluency/Character encoding"},
      {"negation", "Accuracy/Mistranslation"},
      {"mistranslation", "Accuracy/Mistranslation"},
      {"spelling-variant", "Fluency/Spelling"},
  };
  const auto it = table.find(check);
  if (it != table.end()) return it->second;
  if (check.rfind("user-", 0) == 0) return "Accuracy/Mistranslation";
  return "Other";
}

std::size_t word_count(const SegmentedText& text) {
  std::size_t words = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    bool in_word = false;
    for (char c : text.raw(k)) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
  }
  return words;
}

MqmScore mqm_score(const std::vector<Finding>& findings, const SegmentedText& en) {
  MqmScore out;
  out.words = word_count(en);
  for (const Finding& f : findings) {
    MqmCategoryScore& c = out.categories[std::string(mqm_category(f.check))];
    const double points = f.severity == Severity::kMajor   ? kMqmMajorPoints
                          : f.severity == Severity::kMinor ? kMqmMinorPoints
                                                           : kMqmInfoPoints;
    ++(f.severity == Severity::kMajor   ? c.major
       : f.severity == Severity::kMinor ? c.minor
                                        : c.info);
    c.points += points;
    out.points += points;
  }
  if (out.words > 0) out.per_1000_words = out.points * 1000.0 / static_cast<double>(out.words);
  return out;
}

double mqm_penalty(const std::vector<Finding>& findings, const SegmentedText& en) {
  return mqm_score(findings, en).per_1000_words;
}

}  // namespace kealign
