// Writers for findings: the TSV `kealign check` writes by default and its JSON form.
#include <nlohmann/json.hpp>

#include <cmath>

#include "app/formats.hpp"
#include "app/io.hpp"

namespace kealign {
namespace {

std::string join_ids(const std::vector<std::uint32_t>& ids) {
  std::string out;
  for (std::uint32_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

nlohmann::json spans(const std::vector<Span>& list, const Document& doc) {
  nlohmann::json out = nlohmann::json::array();
  for (const Span& s : list) {
    const bool inside = s.begin <= s.end && s.end <= doc.text.size();
    out.push_back({{"begin", s.begin},
                   {"end", s.end},
                   {"text", inside ? std::string(doc.view(s)) : std::string()}});
  }
  return out;
}

}  // namespace

std::string format_findings_tsv(const std::vector<Finding>& findings) {
  std::string out = "ko_ids\ten_ids\tcheck\tseverity\tmessage\n";
  for (const Finding& f : findings) {
    out += join_ids(f.ko_ids) + '\t' + join_ids(f.en_ids) + '\t' + f.check + '\t' +
           std::string(severity_name(f.severity)) + '\t' + escape_tsv(f.message) + '\n';
  }
  return out;
}

std::string format_findings_json(const std::vector<Finding>& findings, const Document& ko,
                                 const Document& en) {
  nlohmann::json out = nlohmann::json::array();
  for (const Finding& f : findings) {
    out.push_back({{"ko_ids", f.ko_ids},
                   {"en_ids", f.en_ids},
                   {"check", f.check},
                   {"severity", std::string(severity_name(f.severity))},
                   {"confidence", std::round(f.confidence * 100) / 100},
                   {"message", f.message},
                   {"passage", f.passage},
                   {"ko_spans", spans(f.ko_spans, ko)},
                   {"en_spans", spans(f.en_spans, en)}});
  }
  return out.dump(2) + '\n';
}

}  // namespace kealign
