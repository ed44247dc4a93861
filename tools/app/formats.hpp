// The text formats the tools write: the aligned TSV of `kealign align` and the findings of
// `kealign check` (TSV or JSON). docs/formats.md describes each column.
#pragma once

#include <string>
#include <vector>

#include "kealign/align.hpp"
#include "kealign/check.hpp"
#include "kealign/segment.hpp"

namespace kealign {

// `ko_ids<TAB>en_ids<TAB>ko<TAB>en<TAB>score<TAB>flags`, one row per bead, ids comma-separated and
// 0-based, ko/en the segments' display text joined by one space and escaped with escape_tsv, score
// the confidence. flags holds one cell per bead, or is empty (all cells empty).
std::string format_aligned_tsv(const SegmentedText& ko, const SegmentedText& en,
                               const Alignment& alignment, const std::vector<std::string>& flags);

std::string format_findings_tsv(const std::vector<Finding>& findings);
std::string format_findings_json(const std::vector<Finding>& findings, const Document& ko,
                                 const Document& en);

}  // namespace kealign
