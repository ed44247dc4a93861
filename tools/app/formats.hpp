// The text formats the tools write: the aligned TSV of `kealign align` and the findings of
// `kealign check` (TSV or JSON). docs/formats.md describes each column.
#pragma once

#include <string>
#include <vector>

#include "kealign/align.hpp"
#include "kealign/analysis.hpp"
#include "kealign/check.hpp"
#include "kealign/segment.hpp"

namespace kealign {

// `ko_ids<TAB>en_ids<TAB>ko<TAB>en<TAB>score<TAB>flags`, one row per bead, ids comma-separated and
// 0-based, ko/en the segments' display text joined by one space and escaped with escape_tsv, score
// the confidence. flags holds one cell per bead, or is empty (all cells empty).
std::string format_aligned_tsv(const SegmentedText& ko, const SegmentedText& en,
                               const Alignment& alignment, const std::vector<std::string>& flags);

// With ids (one per finding, review.hpp), the TSV gains a last column `id` and the JSON an "id"
// field. The JSON always names each check's MQM category ("mqm").
// The display text of segments [begin, end) of one side joined by one space: a link's side as the
// outputs show it.
std::string joined_display(const SegmentedText& text, std::uint32_t begin, std::uint32_t end);

std::string format_findings_tsv(const std::vector<Finding>& findings);
std::string format_findings_tsv(const std::vector<Finding>& findings,
                                const std::vector<std::string>& ids);
std::string format_findings_json(const std::vector<Finding>& findings, const Document& ko,
                                 const Document& en, const std::vector<std::string>& ids = {});

// What `check --format json` writes: {"findings": [as format_findings_json], "hidden_by_baseline":
// N, "mqm": {"words", "points", "penalty_per_1000_words", "points_per_finding", "categories"}},
// the MQM score over the findings given (review.hpp mqm_score).
std::string format_findings_review_json(const std::vector<Finding>& findings,
                                        const std::vector<std::string>& ids, const Analysis& a,
                                        std::size_t hidden);

}  // namespace kealign
