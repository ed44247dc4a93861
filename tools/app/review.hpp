// The reviewer's side of the findings: a stable id for each finding, a baseline of findings already
// judged, and the MQM typology (Multidimensional Quality Metrics) clients score translations in.
//
//   std::vector<std::string> ids = kealign::finding_ids(analysis);     // one per finding
//   kealign::Baseline judged = kealign::read_baseline("judged.tsv");
//   kealign::Reviewed r = kealign::apply_baseline(analysis.findings, ids, judged);
//   // r.findings / r.ids: what is left to review; r.hidden: how many the baseline hid
//
// A finding's id is 12 hex digits of a 64-bit FNV-1a hash of its check id, the text of the
// segments it names (white space folded) and the place of its evidence inside those segments —
// not of segment numbers or run order, so it survives edits elsewhere in the document, a
// re-alignment, and another run. Two findings with identical check, texts and evidence share an id
// (they are one finding to a reviewer).
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/analysis.hpp"
#include "kealign/check.hpp"

namespace kealign {

std::string finding_id(const Finding& finding, const SegmentedText& ko, const SegmentedText& en);
std::vector<std::string> finding_ids(const Analysis& analysis);

// The ids a reviewer has judged: read from a findings TSV with an `id` column, a findings JSON
// array with "id" fields, or a list of ids one per line (`#` starts a comment). InputError for a
// line that is none of these.
using Baseline = std::set<std::string>;
Baseline read_baseline(const std::string& path);

struct Reviewed {
  std::vector<Finding> findings;  // the findings not in the baseline, in order
  std::vector<std::string> ids;   // their ids
  std::size_t hidden = 0;         // findings the baseline hid
};
Reviewed apply_baseline(const std::vector<Finding>& findings, const std::vector<std::string>& ids,
                        const Baseline& baseline);

// The MQM category of a check ("Accuracy/Omission", "Fluency/Grammar", ...; "Other" if unknown).
std::string_view mqm_category(std::string_view check);

// MQM-style penalty points per finding, by severity: the weights of the MQM scoring model's
// default (minor 1, major 5) with info findings, which are not errors, at 0.
inline constexpr double kMqmMinorPoints = 1;
inline constexpr double kMqmMajorPoints = 5;
inline constexpr double kMqmInfoPoints = 0;

struct MqmCategoryScore {
  std::size_t major = 0, minor = 0, info = 0;  // findings by severity
  double points = 0;
};
struct MqmScore {
  std::size_t words = 0;                               // English words (white-space separated)
  double points = 0;                                   // penalty points of all findings
  double per_1000_words = 0;                           // points * 1000 / words (0 for no words)
  std::map<std::string, MqmCategoryScore> categories;  // by MQM category, those with findings
};
MqmScore mqm_score(const std::vector<Finding>& findings, const SegmentedText& en);

// MQM-style penalty points per 1,000 English words (mqm_score's per_1000_words).
double mqm_penalty(const std::vector<Finding>& findings, const SegmentedText& en);
std::size_t word_count(const SegmentedText& text);

}  // namespace kealign
