// Evidence that an unaligned segment's content is said inside a neighbouring link: anchors the
// segment shares with the link's other side that the link's own side does not explain.
//
//   // ko 22 "…2001년 8월 31일로 정해졌습니다." unaligned, next link ko 23 "…2001년 5월 1일…" <->
//   // en 22 "First interest is set for 2001-08-31.": 8 and 31 are in en 22 and not in ko 23.
//   double w = qa_detail::merged_anchors({ko22, true}, {ko23_text, en22_text}, dictionary);  // 4
//
// Anchors: numbers (numbers.hpp, same_quantity), Latin words (names.hpp, as written) and, with a
// dictionary, Hangul words whose gloss words appear in the English. Each anchor of the link's
// other side is used once, and only if the link's own side has no counterpart for it, so a
// sentence the aligner dropped next to an unrelated 1-1 link shares nothing. Digits on both sides
// and identifiers ("NL", "VarType") weigh 2; spelled numbers, plain words and glosses weigh 1.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "kealign/dictionary.hpp"

namespace kealign::qa_detail {

// A segment (or a link's side) and its language.
struct SideText {
  std::string_view text;
  bool korean = false;
};

// A neighbouring link: its side in the segment's language and its other side.
struct NeighbourLink {
  std::string_view own;    // same language as the unaligned segment
  std::string_view other;  // the other language
};

// The weight of the anchors of `segment` found in link.other and not accounted for by link.own.
double merged_anchors(const SideText& segment, const NeighbourLink& link,
                      const std::shared_ptr<const Dictionary>& dictionary);

}  // namespace kealign::qa_detail
