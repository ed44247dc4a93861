// Internals of the aligner: the per-side profiles the scorers fill, the language-neutral search and
// the model fitting. Nothing here knows about Korean or English; the scorers in anchors.cpp and
// dictionary.cpp do.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "align_tokens.hpp"
#include "kealign/align.hpp"

namespace kealign::align_detail {

// The log of the Gale-Church two-tailed probability of |z|, 2 (1 - Phi(|z|)), for a robust mixture:
// most links follow the normal model, a share of loose ones a normal several times wider
// (LengthModel::loose_share, loose_spread). Tabulated: the search evaluates it for every cell and
// shape. Entries are filled on first use: a short pair reads a few hundred of the 4,002, and the
// two erfc and a log of each entry cost more than its whole search. The entries of a mixture are
// kept per thread for the next tables of the same mixture (kTailTablesKept): most searches of a
// stream use the defaults' tail, so they are filled once per thread rather than per search.
class LogTailTable {
 public:
  // A share `loose_share` of links follows a normal `loose_spread` times as wide as the model's.
  LogTailTable(double loose_share, double loose_spread);
  [[gnu::always_inline]] double operator()(double z) const {  // called for every cell and shape
    z = std::fabs(z);
    if (z >= kMaxZ) return value(kLast) - (z * z - kMaxZ * kMaxZ) / (2 * far_variance_);
    const double x = z / kStep;
    const auto k = static_cast<std::size_t>(x);
    const double f = x - k;
    // An entry not yet filled is NaN and so makes the sum NaN: one test for both.
    const double v = values_[k] * (1 - f) + values_[k + 1] * f;
    return std::isnan(v) ? value(k) * (1 - f) + value(k + 1) * f : v;
  }
  // The largest value operator() returns (at z = 0), up to rounding.
  double ceiling() const { return value(0); }

 private:
  static constexpr double kMaxZ = 40.0;
  static constexpr double kStep = 0.01;
  static constexpr std::size_t kLast = static_cast<std::size_t>(kMaxZ / kStep) + 1;
  double value(std::size_t k) const {
    const double v = values_[k];
    return std::isnan(v) ? fill(k) : v;
  }
  double fill(std::size_t k) const;  // computes entry k, stores and returns it
  const double* close_;  // the normal component's tail at each step, shared by every table
  double loose_share_, loose_spread_;
  double far_variance_;  // of the widest component, which decides the far tail
  // The thread's entries of this mixture (NaN until filled), shared with later tables of it.
  std::shared_ptr<std::vector<double>> kept_;
  double* values_;
};

// Kinds of anchor key; each has its own weight (AnchorWeights).
enum class KeyFamily : std::uint8_t {
  kNumber,
  kToken,
  kPunctuation,
  kShape,  // segment shape: a headline or label without a full stop
  kDictionary,
  kLexicon,
  kCount
};
inline constexpr std::size_t kKeyFamilies = static_cast<std::size_t>(KeyFamily::kCount);

// An anchor key: the family in the top byte, a hash or id below.
using Key = std::uint64_t;
Key make_key(KeyFamily family, std::uint64_t value);
KeyFamily key_family(Key key);

// How a segment ends: a headline or label ends bare, a sentence with a full stop (or ?, !), a
// lead-in or a fragment of a broken sentence with a colon, comma, semicolon or dash.
enum class LineEnd : std::uint8_t { kSentence, kClause, kBare };

// A sentence linked with a headline; lead-ins and broken-sentence fragments are neutral.
inline bool shape_mismatch(LineEnd x, LineEnd y) {
  return (x == LineEnd::kSentence && y == LineEnd::kBare) ||
         (x == LineEnd::kBare && y == LineEnd::kSentence);
}

// What the scorers know about one side's segments.
struct SideProfile {
  std::vector<double> length;            // length_units() of each segment
  std::vector<std::vector<Key>> keys;    // anchor keys of each segment (repeats = count)
  std::vector<float> alone;              // log-odds that the segment stands alone (furniture)
  std::vector<LineEnd> line_end;         // how each segment ends
  std::vector<std::uint32_t> paragraph;  // paragraph of each segment
  // Sentence ends inside each segment (inner_sentence_ends): a presplit segment that holds two
  // sentences is most likely a merge, linked with two segments of the other side.
  std::vector<std::uint8_t> inner_ends;
  // Each segment tokenised once (tokenize()) for the scorers; released once they are done.
  std::vector<std::vector<Token>> tokens;
  std::vector<std::vector<std::uint64_t>> stems;  // word_stems() of each segment's tokens

  std::size_t size() const { return length.size(); }
  // How the segments [begin, end) end as a whole: a sentence if any of them is one (a headline
  // does not merge with a sentence), else as the last one.
  LineEnd ending(std::size_t begin, std::size_t end) const {
    for (std::size_t k = begin; k < end; ++k)
      if (line_end[k] == LineEnd::kSentence) return LineEnd::kSentence;
    return line_end[end - 1];
  }
  // Whether the segments [begin, end) hold both a headline (or label) and a sentence.
  bool mixes_shapes(std::size_t begin, std::size_t end) const {
    bool bare = false, sentence = false;
    for (std::size_t k = begin; k < end; ++k) {
      bare |= line_end[k] == LineEnd::kBare;
      sentence |= line_end[k] == LineEnd::kSentence;
    }
    return bare && sentence;
  }
};

enum class Side { kKorean, kEnglish };

// Sentence ends inside a segment, at most 3: a full stop, question or exclamation mark (closing
// quotes or brackets after it) followed by white space and a capital letter or a Hangul syllable;
// a full stop after a digit, a single letter or a title, month or number abbreviation is not one,
// nor an end inside a quotation or one whose closing quotation mark Korean goes on after.
std::uint8_t inner_sentence_ends(std::string_view s);

// A source of evidence about segments: adds keys or stand-alone odds to a side's profile.
class SegmentScorer {
 public:
  virtual ~SegmentScorer() = default;
  virtual void annotate(const SegmentedText& text, Side side, SideProfile& profile) const = 0;
};

// Language-neutral: lengths, paragraphs, tokens and word stems (always used, and first: the
// scorers read the tokens).
void annotate_basics(const SegmentedText& text, SideProfile& profile);

// Numbers (26일 / 26th), shared Latin tokens and cognate prefixes, punctuation.
std::unique_ptr<SegmentScorer> make_number_scorer();
std::unique_ptr<SegmentScorer> make_token_scorer();
std::unique_ptr<SegmentScorer> make_punctuation_scorer();
// Korean and English web furniture, bylines, credits: segments with no counterpart.
std::unique_ptr<SegmentScorer> make_furniture_scorer();
// Dictionary translations: Korean words and English words meet on the English word's id.
std::unique_ptr<SegmentScorer> make_dictionary_scorer(std::shared_ptr<const Dictionary> dictionary);

// A word-translation table learnt from the confident 1-1 beads of a first pass (Moore 2002):
// adds a lexicon key to both sides for every word pair that co-occurs reliably.
struct LexiconOptions {
  double min_confidence = 0.9;   // beads trusted for learning
  std::size_t min_count = 2;     // co-occurrences a pair needs
  double min_dice = 0.5;         // Dice coefficient a pair needs
  std::size_t max_beads = 4000;  // beads read at most (bounds the co-occurrence table)
};
// Removes the lexicon keys of add_learned_lexicon.
void remove_learned_lexicon(SideProfile& ko, SideProfile& en);
// Replaces the lexicon keys of an earlier call.
void add_learned_lexicon(const Alignment& first_pass, SideProfile& ko, SideProfile& en,
                         const LexiconOptions& options);
// Distinct stems of a segment's words (punctuation, numbers and one-letter words left out), as
// hashes, sorted.
std::vector<std::uint64_t> word_stems(const std::vector<Token>& tokens);
// The same stems as text (views into the tokens), in token order, repeats kept.
std::vector<std::string_view> word_stem_texts(const std::vector<Token>& tokens);
// The hash word_stems() gives a stem.
std::uint64_t stem_hash(std::string_view stem);

// A collection lexicon (lexicon.hpp) by first-side stem hash.
struct LexiconIndex {
  struct Row {
    std::uint64_t en = 0;  // second-side stem hash
    float en_given_ko = 0;
    float ko_given_en = 0;
  };
  std::unordered_map<std::uint64_t, std::vector<Row>> by_ko;
};

// A sparse row: (column, value) sorted by column.
using SparseRow = std::vector<std::pair<std::uint32_t, float>>;

// Sorts a row of (column, value) entries and sums the values of each column, from the smallest,
// in place.
void sum_by_column(SparseRow& row);

// Sparse rows of a Korean x English matrix: per Korean segment, (English segment, value) sorted.
using PairRows = std::vector<SparseRow>;

// IBM Model 1 in both directions (Moore 2002), learnt by EM from the 1-1 beads of a settled path.
// The evidence of a bead (S, T) is, for each stem e of T, log P(e | S) - log P(e), with P(e | S) =
// mixture * Model 1 (t summed over S's stems and NULL, over their count + 1) + (1 - mixture) *
// unigram P(e), and the same from T to S; averaged, times weight. Words that do not translate
// each other score below zero, so merging two good 1-1 links into a 2-2 bead costs what its
// cross pairs lack, while a true 2-1 bead explains its target with both sources. A training bead's
// own word pairs are scored leave-one-out (t re-estimated without that bead's counts), so the
// links of the path the model was learnt from get no credit for having been on it.
struct TranslationOptions {
  std::size_t max_beads = 4000;   // beads read at most (bounds the tables)
  int iterations = 5;             // EM iterations of Model 1
  double min_probability = 0.01;  // t(e|f) below this is dropped after training
  double mixture = 0.985;         // share of Model 1 in P(e | segment), the rest unigram
  // Fit the share per direction to the training beads' held-out words (at most `mixture`).
  bool fit_mixture = true;
  int mixture_iterations = 20;  // EM steps of that fit (it settles in about ten)
  // The fitted share at least: news blocks fit under it, LibreOffice pages 0.5-0.77.
  double min_mixture = 0.3;
  // The fixed share of the pass whose path relatedness is judged on: a share fitted under about
  // 0.7 lets unrelated sentences of similar length link up, so that path must not follow the fit.
  double judged_mixture = 0.7;
  // And its weight: at 0.16 a short help page with sentences dropped and merged leaves more of
  // them unlinked (3 such true pages of the dev half refused, 2 at 0.12), at 0.0875 more
  // mismatched pairs link up (bench_related: 550 of 1,186 accepted, 534 at 0.12).
  double judged_weight = 0.12;
  // Log-odds per nat of likelihood ratio, averaged directions: with honest held-out scores the
  // training path no longer vouches for itself, and 0.16 gives it back on LibreOffice's dev half.
  double weight = 0.16;
  double lexicon_weight = 0.5;  // pseudo-links of a collection lexicon's prior per source word
};
class TranslationModel;
struct TranslationDirection;
// lexicon: an optional collection table, the prior of t (see Prior in align_translation.cpp).
std::shared_ptr<const TranslationModel> learn_translation_model(const Alignment& path,
                                                                const SideProfile& ko,
                                                                const SideProfile& en,
                                                                const TranslationOptions& options,
                                                                const LexiconIndex* lexicon);
// The same model with Model 1's share set to `mixture` in both directions and its weight to
// `weight` (`model` itself when they already are).
std::shared_ptr<const TranslationModel> translation_at_mixture(
    std::shared_ptr<const TranslationModel> model, double mixture, double weight);
// A bead's Model 1 evidence: every word of one side explained by all the words of the other side
// (so a true 2-1 bead is not penalised for its halves), computed lazily per segment pair for the
// few Korean segments the search's current rows need (load), as BeadScorer's anchor rows are.
class TranslationScorer {
 public:
  // reach: the most English segments one row of the search's grid spans (the English sums of the
  // latest ones are kept).
  TranslationScorer(std::shared_ptr<const TranslationModel> model, std::size_t reach);
  // Makes Korean segment i available (at most kSlots at a time, the latest ones).
  void load(std::size_t i);
  // weight * (log-likelihood ratio of English given Korean + Korean given English) / 2; 0 without
  // a model. Inline, with the look-ups of values already computed: called for every cell and shape.
  double operator()(std::size_t ko_begin, std::size_t ko_end, std::size_t en_begin,
                    std::size_t en_end) const {
    if (!model_) return 0;
    double sum = 0;
    for (std::size_t j = en_begin; j < en_end; ++j) sum += forward(ko_begin, ko_end - ko_begin, j);
    for (std::size_t i = ko_begin; i < ko_end; ++i) sum += backward(i, en_begin, en_end - en_begin);
    return weight_ * sum / 2;
  }

 private:
  static constexpr std::size_t kSlots = 4;    // Korean segments a bead and its neighbours span
  static constexpr std::size_t kMaxSide = 3;  // segments on one side of the largest shape
  static constexpr std::uint32_t kNotYet = 0xFFFFFFFFu;
  static constexpr float kUnknown = -1e30f;
  // What the scorer keeps of a segment pair (i, j).
  struct Pair {
    std::uint32_t forward_at = 0;   // in Slot::values: per trained English word, t summed over i
    std::uint32_t backward_at = 0;  // per trained Korean word, t summed over j
    // Log-likelihood ratio of j given Korean i..i+k (forward[k]) and of i given English
    // j..j+k (backward[k]), once computed.
    std::array<float, kMaxSide> forward{};
    std::array<float, kMaxSide> backward{};
  };
  struct Slot {
    std::size_t owner = static_cast<std::size_t>(-1);
    std::vector<std::uint32_t> where;    // per English segment: index in pairs, or kNotYet
    std::vector<std::uint32_t> touched;  // English segments whose index is set
    std::vector<Pair> pairs;
    std::vector<float> values;
    // By English word: t summed over the owner's words (`row`), dense so that a pair's forward
    // values are read, not merged out of the sparse row.
    std::vector<float> sums;
    SparseRow row;
  };
  // An English segment's sums over its words of t(Korean word | English word), by Korean word.
  struct English {
    std::size_t owner = static_cast<std::size_t>(-1);
    SparseRow row;
  };
  // English segment j's sums, computed once while j stays within reach.
  const SparseRow& english_sums(std::size_t j) const;
  // Index of (i, j) in i's slot; added on first use (add_pair, out of line: the rare path).
  std::uint32_t pair(std::size_t i, std::size_t j) const {
    const std::uint32_t at = slots_[i % kSlots].where[j];
    return at != kNotYet ? at : add_pair(i, j);
  }
  std::uint32_t add_pair(std::size_t i, std::size_t j) const;
  // Log-likelihood ratio of English j given Korean ko_begin..+ko_count, and of Korean i given
  // English en_begin..+en_count: remembered per pair, computed (out of line) on first use.
  float forward(std::size_t ko_begin, std::size_t ko_count, std::size_t j) const {
    const float known = remembered(ko_begin, j, &Pair::forward, ko_count);
    return known != kUnknown ? known : compute_forward(ko_begin, ko_count, j);
  }
  float backward(std::size_t i, std::size_t en_begin, std::size_t en_count) const {
    const float known = remembered(i, en_begin, &Pair::backward, en_count);
    return known != kUnknown ? known : compute_backward(i, en_begin, en_count);
  }
  // Pair (i, j)'s remembered ratio `part`[count - 1], or kUnknown.
  float remembered(std::size_t i, std::size_t j, std::array<float, kMaxSide> Pair::*part,
                   std::size_t count) const {
    const Slot& slot = slots_[i % kSlots];
    const std::uint32_t at = slot.where[j];
    return at != kNotYet ? (slot.pairs[at].*part)[count - 1] : kUnknown;
  }
  float compute_forward(std::size_t ko_begin, std::size_t ko_count, std::size_t j) const;
  float compute_backward(std::size_t i, std::size_t en_begin, std::size_t en_count) const;
  // Log-likelihood ratio of target segment `target` given the sources whose t sums are `sums`.
  double log_ratio(const TranslationDirection& d, std::size_t target, const float* const* sums,
                   std::size_t sources, double source_words) const;

  std::shared_ptr<const TranslationModel> model_;
  double weight_ = 0;  // TranslationOptions::weight of the model
  mutable std::array<Slot, kSlots> slots_;
  mutable std::vector<English> english_;  // by j modulo its size, a power of two
};

// Weights of the anchor evidence in the bead score (log-odds units).
struct AnchorWeights {
  std::array<double, kKeyFamilies> family = {1.2, 0.8, 0.8, 1.0, 0.6, 0.6};  // per matched key
  // A key's weight is divided by (its frequency nearby)^power: rare keys are stronger evidence.
  std::array<double, kKeyFamilies> frequency_power = {0.5, 0.5, 0.25, 0.0, 0.5, 0.5};
  std::size_t max_frequency = 64;  // keys in more segments than this on a side are ignored
  double paragraph_cross = 3.0;    // penalty for a bead spanning two paragraphs of one side
  double paragraph_mismatch =
      1.0;                   // penalty for a bead boundary at a paragraph end of one side only
  double null_length = 0.0;  // log-probability of a 1-0/0-1 bead's length (flat)
  // Log-odds bonus for a 1-0 (0-1) bead of a sentence right after another 1-0 (0-1) bead: a
  // dropped paragraph of several sentences leaves a run of them (BeadScorer::transitions).
  double null_run = 0.0;
  // Penalty for a 1-0 (0-1) bead right after a 0-1 (1-0) bead: the two are mostly a link missed.
  double null_switch = 0.0;
  // Penalty for a bead whose sides differ in shape (SideProfile::ending: a sentence with a
  // headline), and for a side that merges a headline with a sentence (mixes_shapes): lines
  // without final punctuation are translated as such lines. Fitted per pair.
  double shape_mismatch = 0.0;
  // Log-odds a linking bead earns per sentence by which its sides' sentence counts (segments plus
  // SideProfile::inner_ends) differ less than its segment counts: a 1-2 bead whose one segment
  // holds two sentences is a merge recognised. Only earned, never paid: a news line often holds
  // two sentences where its translation has one (docs/decisions/news-alignment.md).
  double sentence_match = 1.0;
  // Cost per unit of key weight left unmatched in a bead although its counterpart is within
  // reach: a number or a question mark that the linked side lacks but a neighbour has. A number
  // costs more than its match earns, so a shifted run of numbered labels does not pay off.
  std::array<double, kKeyFamilies> unmatched = {2.0, 0.0, 1.0, 0.75, 0.0, 0.0};
};

// Rows i = 0..n of the search grid (Korean boundaries); row i spans English boundaries [lo, hi].
struct Band {
  std::vector<std::uint32_t> lo;
  std::vector<std::uint32_t> hi;
  std::size_t cells() const;
};
Band full_band(std::size_t n, std::size_t m);
// A band of half-width `width` around the boundaries an alignment passes through.
Band path_band(const Alignment& path, std::size_t n, std::size_t m, std::size_t width);

// A Korean and an English segment taken to correspond before any search.
struct GuidePoint {
  std::uint32_t ko = 0;
  std::uint32_t en = 0;
};
// Pairs of segments sharing a number, token or dictionary key that occurs once on each side within
// `window` segments (around the diagonal on the English side), kept where they form the longest
// chain increasing on both sides: a rough path found without searching.
std::vector<GuidePoint> anchor_chain(const SideProfile& ko, const SideProfile& en,
                                     std::size_t window);
// A band of half-width `width` around the piecewise-linear path from (0, 0) to (n, m) through the
// grid points of the chain's pairs (a pair (i, j) enters at (i, j) and leaves at (i + 1, j + 1)).
Band guided_band(const std::vector<GuidePoint>& chain, std::size_t n, std::size_t m,
                 std::size_t width);

// Pairwise anchor similarity inside a band, and each segment's anchorable key mass.
struct AnchorMatrix {
  PairRows rows;  // per Korean segment: (en, sim), capped by the key mass in a bead
  // Word-translation model of the pair, if learnt (TranslationScorer scores beads with it).
  std::shared_ptr<const TranslationModel> translation;
  // Anchor similarity and mass of the key families that cost when left unmatched
  // (AnchorWeights::unmatched), weighted by that cost.
  PairRows miss_rows;
  std::vector<float> ko_miss;
  std::vector<float> en_miss;
  std::vector<float> ko_mass;  // weight of a segment's keys that have a counterpart within reach
  std::vector<float> en_mass;
};
AnchorMatrix build_anchor_matrix(const SideProfile& ko, const SideProfile& en, const Band& band,
                                 const AnchorWeights& weights);

struct SearchResult {
  Alignment alignment;        // with posterior confidences
  bool touched_edge = false;  // the best path ran along the band's edge: widen and retry
};

// Viterbi search for the best bead sequence in the band, plus forward-backward posteriors as the
// beads' confidences when `posteriors` is set (otherwise every confidence is 1): summed over the
// whole band, or with posterior_width > 0 over the paths within that half-width of the best one.
SearchResult search(const SideProfile& ko, const SideProfile& en, const AnchorMatrix& anchors,
                    const LengthModel& model, const AnchorWeights& weights, const Band& band,
                    bool posteriors, std::size_t posterior_width = 0);

// Segments [begin, end) of one side (empty: none).
struct Passage {
  bool korean = true;
  std::uint32_t begin = 0, end = 0;
};

// The starting point of EM: the prior with c set to the ratio of the two texts' total lengths,
// the segments of `left_out` (a passage the translation lacks) not counted; with `heavy_tail`, the
// length model's loose component starts broad (a fifth of the links, three times as wide).
LengthModel initial_model(const SideProfile& ko, const SideProfile& en, const LengthModel& prior,
                          const Passage& left_out = {}, bool heavy_tail = false);

// One EM step: re-estimates c, s^2 and the priors from the beads (weighted by their confidence,
// and by their posterior of the close component of the length mixture), shrunk towards `prior` by
// pseudo-counts so that small documents keep sensible values; with `fit_tail` also the loose
// component's share and spread, else they stay `current`'s.
LengthModel refit_model(const Alignment& alignment, const SideProfile& ko, const SideProfile& en,
                        const LengthModel& current, const LengthModel& prior, bool fit_tail);

// The log-odds against a sentence linked with a headline (LineEnd): how much rarer such beads
// are in the alignment (weighted by confidence, smoothed) than among random pairs of the two sides'
// segments. Noisy text (OCR, labels with stray full stops) earns a small penalty, clean news a
// large one; never below zero or above max_penalty.
double fit_shape_mismatch(const Alignment& alignment, const SideProfile& ko, const SideProfile& en,
                          double max_penalty);

// The relatedness of the pair under `path` (relatedness.hpp), from the profiles' number and token
// keys and furniture odds.
Relatedness measure_relatedness(const Alignment& path, const SideProfile& ko, const SideProfile& en,
                                const RelatednessOptions& options);

// How much more consistently `path`'s linked beads pair up words (stems) than the same beads
// with their English sides cyclically shifted (RelatednessOptions::association_shifts shifts):
// the word association of the path minus its mean over the shifts (Relatedness::association).
double word_association_excess(const Alignment& path, const SideProfile& ko, const SideProfile& en,
                               const RelatednessOptions& options);

// The most word_association_excess could show for `path`'s beads: each stem meeting a partner in
// every linked bead it is in, frequencies paired in order, less a random pairing's share
// (Relatedness::word_capacity).
double word_association_capacity(const Alignment& path, const SideProfile& ko,
                                 const SideProfile& en, const RelatednessOptions& options);

}  // namespace kealign::align_detail
