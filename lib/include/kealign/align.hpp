// Sentence alignment of two segmented texts into Beads (links), in document order.
//
//   using namespace kealign;
//   SegmentedText ko = split(read_document("ko.txt"), {Language::kKorean});
//   SegmentedText en = split(read_document("en.txt"), {Language::kEnglish});
//   AlignOptions options;                                // calibrated Korean-English defaults
//   options.dictionary = Dictionary::read("ko-en.tsv");  // optional (dictionary.hpp)
//   AlignResult r = align(ko, en, options);
//   for (const Bead& b : r.alignment)  // Korean [ko_begin, ko_end) <-> English [en_begin, en_end)
//     std::cout << b.ko_begin << '-' << b.ko_end << ' ' << b.en_begin << '-' << b.en_end << '\n';
//   if (!r.relatedness.related) std::cerr << "not a translation pair\n";  // relatedness.hpp
//
// The search scores each candidate bead by a Gale-Church length model (LengthModel, its parameters
// fitted to the pair by EM unless calibration is kFixed) plus anchor scores: numbers, shared Latin
// tokens, punctuation, line structure and dictionary matches; the last pass adds a word table and
// a word-translation model (IBM Model 1) learnt from the earlier passes' path (with
// AlignOptions::lexicon, from that path and a table learnt over a whole collection, lexicon.hpp).
// The DP core is language-neutral; the Korean/English knowledge lives in pluggable scorers. Short
// documents get the exact DP; long ones a banded search around an anchor-first path (segments
// sharing a rare number or token), with memory linear in the length; their confidences sum over
// the paths near the best one.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/dictionary.hpp"
#include "kealign/export.hpp"
#include "kealign/relatedness.hpp"
#include "kealign/segment.hpp"

namespace kealign {

class Lexicon;

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

// The bead shapes the search considers (Korean count, English count), in the order of
// LengthModel::priors.
struct BeadShape {
  std::uint8_t ko = 0;
  std::uint8_t en = 0;
};
inline constexpr std::size_t kBeadShapeCount = 8;
inline constexpr std::array<BeadShape, kBeadShapeCount> kBeadShapes = {
    {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {3, 1}}};

// The index in kBeadShapes of the shape with these side sizes; kBeadShapeCount if there is none.
constexpr std::size_t shape_index(std::size_t ko, std::size_t en) {
  for (std::size_t k = 0; k < kBeadShapeCount; ++k)
    if (kBeadShapes[k].ko == ko && kBeadShapes[k].en == en) return k;
  return kBeadShapeCount;
}

// The length model of the Gale-Church family: the length of a candidate link's English side is
// compared with c times its Korean side, in units of length_units(), under a normal model with
// variance s^2 per unit. Defaults are calibrated for Korean-English
// (docs/decisions/length-model.md).
struct LengthModel {
  double mean_ratio = 1.14;  // c: English units per Korean unit (LibreOffice ko-en paragraphs)
  double variance = 2.9;     // s^2: variance of the length difference per unit of mean length
  // A scale mixture: this share of links (loose translations, clauses moved across a sentence
  // boundary) follows a normal loose_spread times as wide. Fitted per pair with s^2; news spreads
  // far wider than help pages (docs/decisions/news-alignment.md).
  double loose_share = 0.005;
  double loose_spread = 12.0;
  // c for beads whose sides both end bare (headlines, labels): translations of short headlines
  // spell out what the source abbreviates. Equal to mean_ratio until fitted.
  double headline_ratio = 1.14;
  // Prior probability of each shape in kBeadShapes (1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3, 3-1).
  std::array<double, kBeadShapeCount> priors = {0.93,  0.022, 0.022, 0.008,
                                                0.008, 0.002, 0.004, 0.004};

  // Standard score of a link whose sides measure ko_units and en_units.
  double z(double ko_units, double en_units) const;
};

// Inline: the search evaluates it for every cell and shape.
inline double LengthModel::z(double ko_units, double en_units) const {
  // The variance grows with the mean length of the two sides (in Korean units), so a link with an
  // empty Korean side still gets a finite score.
  const double mean = (ko_units + en_units / mean_ratio) / 2.0;
  if (mean <= 0) return 0;
  return (en_units - mean_ratio * ko_units) / std::sqrt(variance * mean);
}

// The length of a segment in the model's unit: code points that are not white space, a Hangul
// syllable or jamo, a Han ideograph or a kana counting two, everything else one (see
// docs/decisions/length-unit.md for why this unit).
KEALIGN_EXPORT double length_units(std::string_view text);

enum class Calibration {
  kAuto,   // fit c, s^2 and the priors to the pair by EM, starting from AlignOptions::model
  kFixed,  // use AlignOptions::model as given
};

struct AlignOptions {
  LengthModel model = {};                          // the calibrated Korean-English defaults
  Calibration calibration = Calibration::kAuto;    // fit the model to the input pair or not
  std::shared_ptr<const Dictionary> dictionary;    // optional word list (anchors, Model 1 prior)
  std::shared_ptr<const Lexicon> lexicon;          // optional Model 1 prior (lexicon.hpp)
  bool anchors = true;                             // number/token/punctuation/structure scorers
  bool learn_lexicon = true;                       // second pass with a word table from pass one
  bool translation_model = true;                   // lexicon pass adds IBM Model 1 bead scores
  std::size_t exact_cells = std::size_t{1} << 20;  // ko*en above this uses the banded search
  std::uint32_t band = 16;           // half-width of the first pass around the anchor-first path
  std::uint32_t fit_band = 4;        // half-width of the EM passes around the previous path
  std::uint32_t path_band = 8;       // half-width of the last pass around the previous path
  std::uint32_t posterior_band = 4;  // half-width around the final path for the confidences
  // Half-width of the exact search's passes after its first around the previous path (0: the
  // whole grid): the Model 1 pass scores the beads near the path only (decisions/banding.md).
  std::uint32_t corridor = 16;
  RelatednessOptions relatedness;  // how AlignResult::relatedness is judged (relatedness.hpp)
  // Log-odds each segment of a passage the translation lacks (Relatedness::missing_*) earns as a
  // null bead when the pair is searched again with it; 0: no second search.
  double passage_odds = 3.0;
  // A pair whose whole-text length ratio is more than this factor off model.mean_ratio (kAuto
  // only) is searched again with EM starting from model.mean_ratio, kept if it shows the
  // translation better: a partial translation the measure cannot name; 0: never.
  double restart_ratio = 1.4;
  // Bytes of memory the alignment may take; 0: no limit. Past it align() throws MemoryLimitError
  // instead of running into swap: before any work when the pair's estimated need (segments and
  // text bytes, estimate_align_memory) is above it, else when the process's resident memory
  // measured between passes is.
  std::size_t max_memory = 0;
};

// Resident memory `kealign align` is estimated to need for a pair of this many segments and text
// bytes (both sides), the QA checks included: a little above what it takes (docs/benchmarks.md).
KEALIGN_EXPORT std::size_t estimate_align_memory(std::size_t segments, std::size_t text_bytes);

// The process's resident memory in bytes (0 where the system does not say).
KEALIGN_EXPORT std::size_t resident_memory();
// The machine's physical memory in bytes (0 where the system does not say): the command line's
// default max_memory.
KEALIGN_EXPORT std::size_t physical_memory();

struct AlignResult {
  Alignment alignment;      // every bead with a confidence (posterior probability) in [0, 1]
  LengthModel model;        // the model the final pass used (fitted when calibration is kAuto)
  Relatedness relatedness;  // whether the texts look like translations of each other at all
};

// Aligns two segmented texts. Either side may be empty (then every segment of the other is a 1-0
// or 0-1 bead). Never loses or duplicates a segment (check_conservation holds).
KEALIGN_EXPORT AlignResult align(const SegmentedText& ko, const SegmentedText& en,
                                 const AlignOptions& options = {});

// The relatedness of a pair under a given alignment (e.g. one read from a file), judged as align()
// judges its own: anchors from the number and token scorers, web furniture excluded.
KEALIGN_EXPORT Relatedness measure_relatedness(const SegmentedText& ko, const SegmentedText& en,
                                               const Alignment& alignment,
                                               const AlignOptions& options = {});

// A link as alignment files write it: lists of segment ids, either side possibly empty.
struct Link {
  std::vector<std::uint32_t> ko;
  std::vector<std::uint32_t> en;
  std::size_t line = 0;  // read_links: the 1-based line of the file it was read from (0 = none)
  std::size_t byte = 0;  // read_links: the byte offset of that line
};

// Links of an alignment, one per bead (the inverse of to_alignment).
KEALIGN_EXPORT std::vector<Link> to_links(const Alignment& alignment);

// Reads `ko_ids<TAB>en_ids[<TAB>...]` lines (a header row whose first cell is "ko_ids" is skipped,
// extra columns ignored, ids comma-separated). Malformed lines are an InputError naming the line
// and byte offset.
KEALIGN_EXPORT std::vector<Link> read_links(const std::string& path);
KEALIGN_EXPORT std::vector<Link> parse_links(std::string_view text, const std::string& name);

// Beads from links: each side of a link must be a run of consecutive ids, links in document order,
// covering every segment exactly once; otherwise an InputError naming the offending link.
KEALIGN_EXPORT Alignment to_alignment(const std::vector<Link>& links, std::size_t ko_count,
                                      std::size_t en_count, const std::string& name);

// Throws InputError when the beads do not cover [0, ko_count) and [0, en_count) exactly once each,
// in order (the conservation rule every producer and reader of alignments must keep).
KEALIGN_EXPORT void check_conservation(const Alignment& alignment, std::size_t ko_count,
                                       std::size_t en_count, const std::string& name = "alignment");

}  // namespace kealign
