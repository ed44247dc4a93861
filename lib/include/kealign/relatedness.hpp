// Whether two texts translate each other at all, judged from the alignment the aligner found.
//
//   kealign::AlignResult r = kealign::align(ko, en);          // align.hpp
//   if (!r.relatedness.related)                               // e.g. two different articles
//     std::cerr << "not a translation pair: " << r.relatedness.score << '\n';
//   kealign::Relatedness again = kealign::measure_relatedness(ko, en, gold);  // any alignment
//
// A length-based aligner links most segments of any two texts of similar length, so a wrong pair
// looks aligned. The measure sums evidence, in nats of log-odds for "translation" against
// "unrelated", that the aligner has anyway: each segment linked (a little for), each segment left
// unaligned other than web furniture and each run of them (against: a translation that omits a
// passage leaves one run, two unrelated texts leave many), each shared anchor (a number, a Latin
// token or acronym, a cognate, present on both sides) that falls inside one link (for) or does not
// (against); an anchor counts 1 / (the number of segments holding it on the busier side), so a
// word on every line weighs little. The weights are calibrated on true and mismatched pairs of
// five corpora (docs/decisions/relatedness.md). A short pair cannot gather much evidence either
// way, and a pair with fewer than min_segments segments on a side is never judged unrelated, unless
// one side is empty and the other is not (a failed scrape or a wrong path, not a translation).
// A longer pair is refused only on strong evidence; one whose content cannot tell (no shared
// anchors, words repeated too little, another script) is related, flagged uncertain and low.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kealign {

struct RelatednessOptions {
  double linked_weight = 0.15;     // evidence per segment inside a link with both sides
  double unaligned_weight = -1.0;  // per segment left unaligned (web furniture excluded)
  double run_weight = -1.0;        // per run of such segments: an omitted passage costs once more
  double matched_weight = 1.0;     // per unit of shared anchor found inside one link
  double unmatched_weight = -0.4;  // per unit of shared anchor that no link pairs up
  double missing_part_weight = -2.0;     // one passage of one side missing (a partial translation)
  double missing_other_weight = -1.0;    // per segment of the other side inside that passage
  double min_rest_evidence = 3.0;        // a passage counts as missing only if the rest scores this
  std::size_t min_missing_segments = 5;  // a missing passage is at least this many segments
  double min_missing_share = 0.1;        // and at least this share of its side
  double threshold = -6.0;               // a score below this is a weakly related pair
  // Below the threshold a pair is still aligned (and flagged: Relatedness::low) when its path
  // speaks for it: under this share of its segments unaligned, and at least one unit and this
  // share of the numbers and Latin tokens both sides share paired up by the links (a long true
  // pair with sentences dropped or merged; the sum over segments falls with length).
  double unrelated_unaligned_share = 1.0 / 3.0;
  double related_matched_share = 0.75;
  // Or, under that share unaligned, when the links pair the same words up consistently: the word
  // association of the path (per linked bead) exceeds that of its beads paired out of order, the
  // English sides cyclically shifted, by this much (docs/decisions/relatedness.md). Judged on at
  // most association_beads linked beads and association_shifts shifts.
  double related_association = 0.8;
  std::size_t association_shifts = 16;
  std::size_t association_beads = 4000;
  // A pair under that share unaligned that neither the score, the anchors nor the words accept
  // is refused only when the evidence against it is strong (docs/decisions/relatedness.md): it
  // shares min_anchor_evidence anchor units and its links pair up under unrelated_matched_share
  // of them, or its words repeat enough (Relatedness::word_capacity at least min_word_capacity)
  // that the word test passes about nine translations in ten, and it failed. Otherwise it cannot
  // be told from an unrelated pair (short, no shared anchors, another script): aligned, flagged
  // uncertain and low.
  double min_anchor_evidence = 2.0;
  double unrelated_matched_share = 0.2;
  double min_word_capacity = 2.5;
  std::size_t min_segments = 5;  // fewer segments on a side: never judged unrelated
};

struct Relatedness {
  double score = 0;                    // summed evidence in nats; below 0 leans to unrelated
  double shared_anchors = 0;           // anchor units present on both sides
  double matched_anchors = 0;          // of those, units the links pair up
  std::size_t linked_segments = 0;     // segments in links with both sides
  std::size_t unaligned_segments = 0;  // segments in 1-0 / 0-1 links, web furniture excluded
  std::size_t unaligned_runs = 0;      // runs of consecutive such links (an omitted passage)
  // A passage of one side treated as untranslated: segments [missing_begin, missing_end) of the
  // Korean side (missing_korean) or the English; empty when the whole text is translated.
  bool missing_korean = true;
  std::uint32_t missing_begin = 0, missing_end = 0;
  std::size_t missing_other = 0;  // the other side's content segments beside the passage
  double missing_gain = 0;        // what treating it as one omission adds to the score
  // Word association of the path beyond its beads paired out of order (RelatednessOptions::
  // related_association); computed only for a pair the score and anchors would refuse, else 0.
  double association = 0;
  // The most association the path's words could show (computed with it, when it falls short).
  double word_capacity = 0;
  bool one_side_empty = false;  // one side has no segments, the other has some
  bool related =
      true;  // false: one side empty, or a pair long enough to judge that is clearly unrelated
  bool low = false;  // related, but scored below the threshold (a warning finding)
  // Related (and low) only because the pair holds too little evidence to call it unrelated.
  bool uncertain = false;
};

}  // namespace kealign
