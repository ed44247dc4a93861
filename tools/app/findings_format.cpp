// Writers for findings: the TSV `kealign check` writes by default and its JSON form.
#include <nlohmann/json.hpp>

#include <cmath>

#include "app/formats.hpp"
#include "app/io.hpp"
#include "app/review.hpp"
#include "kealign/error.hpp"

#include <fmt/format.h>

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

nlohmann::json evidence(const std::vector<Evidence>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const Evidence& e : list) out.push_back({{"name", e.name}, {"ko", e.ko}, {"en", e.en}});
  return out;
}

}  // namespace

namespace {

std::string findings_tsv(const std::vector<Finding>& findings, const std::vector<std::string>& ids,
                         bool with_ids) {
  std::string out = with_ids ? "ko_ids\ten_ids\tcheck\tseverity\tmessage\tid\n"
                             : "ko_ids\ten_ids\tcheck\tseverity\tmessage\n";
  for (std::size_t k = 0; k < findings.size(); ++k) {
    const Finding& f = findings[k];
    out += join_ids(f.ko_ids) + '\t' + join_ids(f.en_ids) + '\t' + f.check + '\t' +
           std::string(severity_name(f.severity)) + '\t' + escape_tsv(f.message);
    out += with_ids ? '\t' + ids[k] + '\n' : std::string("\n");
  }
  return out;
}

}  // namespace

std::string format_findings_tsv(const std::vector<Finding>& findings) {
  return findings_tsv(findings, {}, false);
}

std::string format_findings_tsv(const std::vector<Finding>& findings,
                                const std::vector<std::string>& ids) {
  if (ids.size() != findings.size())
    throw Error(fmt::format("{} finding ids for {} findings", ids.size(), findings.size()));
  return findings_tsv(findings, ids, true);
}

namespace {

nlohmann::json findings_json(const std::vector<Finding>& findings, const Document& ko,
                             const Document& en, const std::vector<std::string>& ids) {
  const bool with_ids = !ids.empty() && ids.size() == findings.size();
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t k = 0; k < findings.size(); ++k) {
    const Finding& f = findings[k];
    out.push_back({{"ko_ids", f.ko_ids},
                   {"mqm", std::string(mqm_category(f.check))},
                   {"en_ids", f.en_ids},
                   {"check", f.check},
                   {"severity", std::string(severity_name(f.severity))},
                   {"confidence", std::round(f.confidence * 100) / 100},
                   {"message", f.message},
                   {"passage", f.passage},
                   {"ko_spans", spans(f.ko_spans, ko)},
                   {"en_spans", spans(f.en_spans, en)},
                   {"evidence", evidence(f.evidence)}});
    if (with_ids) out.back()["id"] = ids[k];
  }
  return out;
}

double round2(double x) {
  return std::round(x * 100) / 100;
}

}  // namespace

std::string format_findings_json(const std::vector<Finding>& findings, const Document& ko,
                                 const Document& en, const std::vector<std::string>& ids) {
  return findings_json(findings, ko, en, ids).dump(2) + '\n';
}

std::string format_findings_review_json(const std::vector<Finding>& findings,
                                        const std::vector<std::string>& ids, const Analysis& a,
                                        std::size_t hidden) {
  const MqmScore score = mqm_score(findings, a.en);
  nlohmann::json categories = nlohmann::json::object();
  for (const auto& [name, c] : score.categories)
    categories[name] = {
        {"major", c.major}, {"minor", c.minor}, {"info", c.info}, {"points", c.points}};
  nlohmann::json out = {
      {"findings", findings_json(findings, a.ko.document, a.en.document, ids)},
      {"hidden_by_baseline", hidden},
      {"mqm",
       {{"words", score.words},
        {"points", score.points},
        {"penalty_per_1000_words", round2(score.per_1000_words)},
        {"points_per_finding",
         {{"major", kMqmMajorPoints}, {"minor", kMqmMinorPoints}, {"info", kMqmInfoPoints}}},
        {"categories", categories}}}};
  return out.dump(2) + '\n';
}

}  // namespace kealign
