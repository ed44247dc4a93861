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

// Throws InputError when the beads do not cover [0, ko_count) and [0, en_count) exactly once each,
// in order (the conservation rule every producer and reader of alignments must keep).
void check_conservation(const Alignment& alignment, std::size_t ko_count, std::size_t en_count,
                        const std::string& name = "alignment");

}  // namespace kealign
