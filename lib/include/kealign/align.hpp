// Sentence alignment of two segmented texts into Beads (links), in document order.
//
//   kealign::SegmentedText ko = kealign::split(kealign::read_document("ko.txt"), {kealign::Language::kKorean});
//   kealign::SegmentedText en = kealign::split(kealign::read_document("en.txt"), {kealign::Language::kEnglish});
//   kealign::Alignment a = kealign::align(ko, en, {});
//   for (const kealign::Bead& b : a) ...   // ko [ko_begin, ko_end) <-> en [en_begin, en_end)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kealign/segment.hpp"

namespace kealign {

// One link: the Korean segments [ko_begin, ko_end) correspond to the English [en_begin, en_end).
// An empty side is an omission (no English) or an addition (no Korean).
struct Bead {
  std::uint32_t ko_begin = 0;
  std::uint32_t ko_end = 0;
  std::uint32_t en_begin = 0;
  std::uint32_t en_end = 0;
  double confidence = 1.0;  // in [0, 1]

  std::uint32_t ko_size() const { return ko_end - ko_begin; }
  std::uint32_t en_size() const { return en_end - en_begin; }
};

// Beads in document order; every segment of both sides lies in exactly one bead.
using Alignment = std::vector<Bead>;

// The length model of the Gale-Church family: the length of a candidate link's English side is
// compared with c times its Korean side, in units of length_units(), under a normal model with
// variance s^2 per unit. Defaults are calibrated for Korean-English (docs/benchmarks.md).
struct LengthModel {
  double mean_ratio = 2.0;  // c: expected English units per Korean unit (calibrated by the aligner)
  double variance = 6.8;    // s^2: variance of the length difference per Korean unit

  // Standard score of a link whose sides measure ko_units and en_units.
  double z(double ko_units, double en_units) const;
};

// The length of a segment in the model's unit (see LengthModel; the aligner documents the unit).
double length_units(std::string_view text);

// A link as alignment files write it: lists of segment ids, either side possibly empty.
struct Link {
  std::vector<std::uint32_t> ko;
  std::vector<std::uint32_t> en;
};

// Reads `ko_ids<TAB>en_ids[<TAB>...]` lines (a header row whose first cell is "ko_ids" is skipped,
// extra columns ignored, ids comma-separated). Malformed lines are an InputError naming the line
// and byte offset.
std::vector<Link> read_links(const std::string& path);
std::vector<Link> parse_links(std::string_view text, const std::string& name);

// Beads from links: each side of a link must be a run of consecutive ids, links in document order,
// covering every segment exactly once; otherwise an InputError naming the offending link.
Alignment to_alignment(const std::vector<Link>& links, std::size_t ko_count, std::size_t en_count,
                       const std::string& name);

// Throws InputError when the beads do not cover [0, ko_count) and [0, en_count) exactly once each,
// in order (the conservation rule every producer and reader of alignments must keep).
void check_conservation(const Alignment& alignment, std::size_t ko_count, std::size_t en_count,
                        const std::string& name = "alignment");

}  // namespace kealign
