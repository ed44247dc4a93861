// The language-neutral search: Viterbi for the best bead sequence and forward-backward for each
// bead's posterior probability, over the cells of a band. First order: a null bead's score depends
// on whether the bead before it was a link, a 1-0 or a 0-1 bead (State), so each cell has a score
// per State. Memory: one byte of back-pointer per cell, and three doubles of forward score per
// cell for the posteriors, plus a few rolling rows.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

#include "align_internal.hpp"

namespace kealign::align_detail {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();
constexpr std::size_t kKoNull = shape_index(1, 0);
constexpr std::size_t kEnNull = shape_index(0, 1);
// What the last bead of a path was; a null bead's score depends on it (BeadScorer::transitions).
enum State : std::uint8_t { kAfterLink, kAfterKoNull, kAfterEnNull };
constexpr std::size_t kStates = 3;
constexpr State state_after(std::size_t shape) {
  return shape == kKoNull ? kAfterKoNull : shape == kEnNull ? kAfterEnNull : kAfterLink;
}
// Rolling rows kept: the current one and the three a bead can reach back to.
constexpr std::size_t kRing = 4;
// Added to a bead's score bound (BeadScorer::bound) to cover the rounding of the score's terms.
constexpr double kBoundSlack = 1e-9;
// The mean log length score of a true link: under the length model 2 (1 - Phi(|z|)) of a link is
// uniform on (0, 1), and the mean of log U is -1. A bead that joins two links on both sides (2-2)
// pays it once more, so that it is not preferred to its two 1-1 links for having one length judged
// instead of two.
constexpr double kHiddenLinkLength = 1.0;
// The largest whole band whose bead scores the posterior passes keep (ScoreMemo, 48 bytes a cell:
// 12 MB) rather than compute twice; a pair of about 500 segments a side.
constexpr std::size_t kWholeBandMemoCells = std::size_t{1} << 18;

// Calls f(std::integral_constant<std::size_t, k>) for every shape k, in order.
template <typename F, std::size_t... K>
void for_each_shape(F&& f, std::index_sequence<K...>) {
  (f(std::integral_constant<std::size_t, K>{}), ...);
}
template <typename F>
void for_each_shape(F&& f) {
  for_each_shape(f, std::make_index_sequence<kBeadShapeCount>{});
}

// Dense rows of a pair matrix for the few Korean segments the current grid row needs.
class DenseAnchorRows {
 public:
  DenseAnchorRows(const PairRows& pairs, std::size_t m)
      : pairs_(pairs), rows_(kRing, std::vector<float>(m, 0.0f)), owner_(kRing, kNone) {}

  void load(std::size_t segment) {
    if (pairs_.empty()) return;
    const std::size_t slot = segment % kRing;
    if (owner_[slot] == segment) return;
    if (owner_[slot] != kNone)
      for (const auto& [j, w] : pairs_[owner_[slot]]) rows_[slot][j] = 0.0f;
    for (const auto& [j, w] : pairs_[segment]) rows_[slot][j] = w;
    owner_[slot] = segment;
  }
  const float* row(std::size_t segment) const { return rows_[segment % kRing].data(); }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const PairRows& pairs_;
  std::vector<std::vector<float>> rows_;
  std::vector<std::size_t> owner_;
};

class Grid {
 public:
  explicit Grid(const Band& band) : band_(band), offset_(band.lo.size() + 1, 0) {
    for (std::size_t i = 0; i < band.lo.size(); ++i)
      offset_[i + 1] = offset_[i] + (band.hi[i] - band.lo[i] + 1);
  }
  bool contains(std::size_t i, std::size_t j) const { return j >= band_.lo[i] && j <= band_.hi[i]; }
  std::size_t index(std::size_t i, std::size_t j) const { return offset_[i] + (j - band_.lo[i]); }
  std::size_t cells() const { return offset_.back(); }
  std::size_t rows() const { return band_.lo.size(); }
  std::uint32_t lo(std::size_t i) const { return band_.lo[i]; }
  std::uint32_t hi(std::size_t i) const { return band_.hi[i]; }
  std::size_t width(std::size_t i) const { return band_.hi[i] - band_.lo[i] + 1; }

 private:
  const Band& band_;
  std::vector<std::size_t> offset_;
};

// Rows of a score kept for the last kRing grid rows.
class RingRows {
 public:
  explicit RingRows(const Grid& grid) : grid_(grid), rows_(kRing) {}
  void reset(std::size_t i) { rows_[i % kRing].assign(grid_.width(i), kNegInf); }
  double& at(std::size_t i, std::size_t j) { return rows_[i % kRing][j - grid_.lo(i)]; }
  const double* row(std::size_t i) const { return rows_[i % kRing].data(); }
  double* row(std::size_t i) { return rows_[i % kRing].data(); }

 private:
  const Grid& grid_;
  std::vector<std::vector<double>> rows_;
};

// How the last 1..3 segments before each boundary of one side end and whether they span a
// paragraph break, so scoring a bead needs no loop over its segments.
class SideSpans {
 public:
  static constexpr std::size_t kMaxSpan = 3;  // the most segments a bead shape takes from a side

  explicit SideSpans(const SideProfile& p) : spans_(p.size() + 1) {
    for (std::size_t t = 1; t <= p.size(); ++t)
      for (std::size_t c = 1; c <= std::min(kMaxSpan, t); ++c) {
        spans_[t].ending[c] = p.ending(t - c, t);
        spans_[t].cross[c] = p.paragraph[t - c] != p.paragraph[t - 1];
        spans_[t].mixed[c] = p.mixes_shapes(t - c, t);
      }
  }
  // How segments [t - count, t) end as a whole (SideProfile::ending).
  LineEnd ending(std::size_t t, std::size_t count) const { return spans_[t].ending[count]; }
  // Whether segments [t - count, t) lie in more than one paragraph.
  bool crosses(std::size_t t, std::size_t count) const { return spans_[t].cross[count]; }
  // Whether segments [t - count, t) hold both a headline and a sentence.
  bool mixed(std::size_t t, std::size_t count) const { return spans_[t].mixed[count]; }

 private:
  struct Span {
    std::array<LineEnd, kMaxSpan + 1> ending{};
    std::array<bool, kMaxSpan + 1> cross{};
    std::array<bool, kMaxSpan + 1> mixed{};
  };
  std::vector<Span> spans_;
};

// Scores of beads by their end cell: prior, length, anchors, paragraph structure, furniture.
class BeadScorer {
 public:
  // reach: the widest row of the grids searched (TranslationScorer).
  BeadScorer(const SideProfile& ko, const SideProfile& en, const AnchorMatrix& anchors,
             const LengthModel& model, const AnchorWeights& weights, std::size_t reach)
      : ko_(ko),
        en_(en),
        model_(model),
        weights_(weights),
        dense_(anchors.rows, en.size()),
        translation_(anchors.translation, reach),
        miss_(anchors.miss_rows, en.size()),
        ko_spans_(ko),
        en_spans_(en),
        tail_(model.loose_share, model.loose_spread) {
    headline_model_ = model;
    headline_model_.mean_ratio = model.headline_ratio;
    prefix(ko.length, ko_len_);
    prefix(en.length, en_len_);
    prefix(anchors.ko_mass, ko_mass_);
    prefix(anchors.en_mass, en_mass_);
    prefix(anchors.ko_miss, ko_miss_);
    prefix(anchors.en_miss, en_miss_);
    prefix(ko.inner_ends, ko_inner_);
    prefix(en.inner_ends, en_inner_);
    if (ko_inner_.size() != ko_len_.size()) ko_inner_.assign(ko_len_.size(), 0.0);
    if (en_inner_.size() != en_len_.size()) en_inner_.assign(en_len_.size(), 0.0);
    sentences_ = weights.sentence_match > 0 && (ko_inner_.back() > 0 || en_inner_.back() > 0);
    for (std::size_t k = 0; k < kBeadShapeCount; ++k) {
      log_prior_[k] = model.priors[k] > 0 ? std::log(model.priors[k]) : kNegInf;
      // The most a bead earns for sentences that match up across its segments.
      sentence_bound_[k] =
          sentences_ ? weights.sentence_match *
                           std::fabs(double(kBeadShapes[k].ko) - double(kBeadShapes[k].en))
                     : 0.0;
      bound_base_[k] =
          log_prior_[k] + std::max(0.0, tail_.ceiling()) + sentence_bound_[k] + kBoundSlack;
    }
    paragraphs_ = has_paragraphs(ko) && has_paragraphs(en);
    if (paragraphs_) {
      ends(ko, ko_ends_);
      ends(en, en_ends_);
    }
    run_factor_ = std::expm1(weights.null_run);
    switch_factor_ = std::expm1(-weights.null_switch);
    // Without Model 1 every term of a linking bead's score but the prior, the boundary and the
    // anchor similarity is a cost, so those three bound it.
    bounded_ = !anchors.translation && weights.shape_mismatch >= 0 && weights.paragraph_cross >= 0;
  }

  // Whether bound() holds.
  bool bounded() const { return bounded_; }
  // At least score<K>(i, j, edge) for a shape that links both sides, found without scoring: the
  // Viterbi pass skips beads that cannot beat the best one so far.
  template <std::size_t K>
  double bound(std::size_t i, std::size_t j, double edge) const {
    constexpr std::size_t a = kBeadShapes[K].ko, b = kBeadShapes[K].en;
    const double cap = std::min(ko_mass_[i] - ko_mass_[i - a], en_mass_[j] - en_mass_[j - b]);
    return bound_base_[K] + edge + cap;
  }
  // bound() with the bead's length term (length_term) in place of its ceiling: tighter, at the
  // cost of the term, which score() then takes rather than computing it again.
  template <std::size_t K>
  double bound(std::size_t i, std::size_t j, double edge, double length) const {
    constexpr std::size_t a = kBeadShapes[K].ko, b = kBeadShapes[K].en;
    const double cap = std::min(ko_mass_[i] - ko_mass_[i - a], en_mass_[j] - en_mass_[j - b]);
    return log_prior_[K] + edge + length + cap + sentence_bound_[K] + kBoundSlack;
  }

  // The length model's log tail of a bead that links both sides.
  template <std::size_t K>
  [[gnu::always_inline]] double length_term(std::size_t i, std::size_t j) const {
    constexpr std::size_t a = kBeadShapes[K].ko, b = kBeadShapes[K].en;
    static_assert(a > 0 && b > 0);
    const LineEnd ko_end = ko_spans_.ending(i, a), en_end = en_spans_.ending(j, b);
    const bool headline = ko_end == LineEnd::kBare && en_end == LineEnd::kBare;
    const LengthModel& length = headline ? headline_model_ : model_;
    return tail_(length.z(ko_len_[i] - ko_len_[i - a], en_len_[j] - en_len_[j - b]));
  }

  // Makes the anchor rows of Korean segments [from, to) available.
  void load(std::size_t from, std::size_t to) {
    for (std::size_t s = from; s < to; ++s) {
      dense_.load(s);
      translation_.load(s);
      miss_.load(s);
    }
  }

  // The part of the score every bead ending at (i, j) shares: a bead boundary that ends a
  // paragraph on one side only.
  double boundary(std::size_t i, std::size_t j) const {
    if (!paragraphs_) return 0;
    return ko_ends_[i] == en_ends_[j] ? 0 : -weights_.paragraph_mismatch;
  }

  // The score of the bead of shape kBeadShapes[K] ending at (i, j), given boundary(i, j); a
  // template so that the search's loop over shapes unrolls.
  template <std::size_t K>
  double score(std::size_t i, std::size_t j, double edge) const {
    constexpr std::size_t a = kBeadShapes[K].ko, b = kBeadShapes[K].en;
    if constexpr (a == 0 || b == 0) {
      double s = log_prior_[K] + edge;
      s += weights_.null_length;
      s += a ? ko_.alone[i - 1] : en_.alone[j - 1];
      return s;
    } else {
      return score<K>(i, j, edge, length_term<K>(i, j));
    }
  }
  // The same for a shape that links both sides, given its length_term.
  template <std::size_t K>
  [[gnu::always_inline]] double score(std::size_t i, std::size_t j, double edge,
                                      double length) const {
    constexpr std::size_t a = kBeadShapes[K].ko, b = kBeadShapes[K].en;
    static_assert(a > 0 && b > 0);
    double s = log_prior_[K] + edge;
    const LineEnd ko_end = ko_spans_.ending(i, a), en_end = en_spans_.ending(j, b);
    s += length;
    // A 2-2 bead stands for two links but has its length judged once: it pays what the length
    // of the link it hides costs on average (docs/decisions/news-alignment.md).
    if constexpr (a > 1 && b > 1) s -= (std::min(a, b) - 1) * kHiddenLinkLength;
    double sim = 0, miss = 0;
    for (std::size_t r = i - a; r < i; ++r) {
      const float* row = dense_.row(r);
      const float* miss_row = miss_.row(r);
      for (std::size_t c = j - b; c < j; ++c) {
        sim += row[c];
        miss += miss_row[c];
      }
    }
    s += translation_(i - a, i, j - b, j);
    if (sim > 0) {
      const double cap = std::min(ko_mass_[i] - ko_mass_[i - a], en_mass_[j] - en_mass_[j - b]);
      s += std::min(sim, cap);
    }
    s -= std::max(0.0, ko_miss_[i] - ko_miss_[i - a] - miss) +
         std::max(0.0, en_miss_[j] - en_miss_[j - b] - miss);
    if (shape_mismatch(ko_end, en_end)) s -= weights_.shape_mismatch;
    if constexpr (a != b) {
      if (sentences_) {
        const double ko_sentences = a + ko_inner_[i] - ko_inner_[i - a];
        const double en_sentences = b + en_inner_[j] - en_inner_[j - b];
        const double closer =
            std::fabs(double(a) - double(b)) - std::fabs(ko_sentences - en_sentences);
        if (closer > 0) s += weights_.sentence_match * closer;
      }
    }
    // A headline merged with a sentence on one side costs as much as one linked with a
    // sentence across: lines without final punctuation are segments of their own.
    if (a > 1 && ko_spans_.mixed(i, a)) s -= weights_.shape_mismatch;
    if (b > 1 && en_spans_.mixed(j, b)) s -= weights_.shape_mismatch;
    if (a > 1 && ko_spans_.crosses(i, a)) s -= weights_.paragraph_cross;
    if (b > 1 && en_spans_.crosses(j, b)) s -= weights_.paragraph_cross;
    return s;
  }

  // What the bead of shape K ending at (i, j) adds after a bead that left the path in each State:
  // a null bead that continues a run of the same direction earns weights_.null_run (a dropped
  // paragraph leaves a run of unlinked sentences; lines without final punctuation, such as
  // captions and labels, stand alone on their own), one that turns the other way pays
  // weights_.null_switch (a 1-0 next to a 0-1 is mostly a link missed).
  template <std::size_t K>
  std::array<double, kStates> transitions(std::size_t i, std::size_t j) const {
    return by_state<K>(i, j, weights_.null_run, -weights_.null_switch);
  }
  // The same as factors e^t - 1, for the forward-backward sums (0 where nothing is added).
  template <std::size_t K>
  std::array<double, kStates> factors(std::size_t i, std::size_t j) const {
    return by_state<K>(i, j, run_factor_, switch_factor_);
  }
  std::array<double, kStates> factors(std::size_t i, std::size_t j, std::size_t shape) const {
    std::array<double, kStates> f{};
    for_each_shape([&](auto k) {
      if (k == shape) f = factors<k>(i, j);
    });
    return f;
  }

 private:
  template <typename T>
  static void prefix(const std::vector<T>& v, std::vector<double>& out) {
    out.assign(v.size() + 1, 0.0);
    for (std::size_t k = 0; k < v.size(); ++k) out[k + 1] = out[k] + v[k];
  }
  // `run` for the State a null bead K continues (if its segment ends as a sentence), `turn` for
  // the other null State, 0 otherwise: transitions() and factors() in one place.
  template <std::size_t K>
  std::array<double, kStates> by_state(std::size_t i, std::size_t j, double run,
                                       double turn) const {
    std::array<double, kStates> v{};
    if constexpr (K == kKoNull || K == kEnNull) {
      constexpr State other = K == kKoNull ? kAfterEnNull : kAfterKoNull;
      const LineEnd end = K == kKoNull ? ko_.line_end[i - 1] : en_.line_end[j - 1];
      v[state_after(K)] = end == LineEnd::kSentence ? run : 0.0;
      v[other] = turn;
    }
    return v;
  }
  static bool has_paragraphs(const SideProfile& p) {
    return !p.paragraph.empty() && p.paragraph.front() != p.paragraph.back();
  }
  static bool paragraph_end(const SideProfile& p, std::size_t at) {
    return at == 0 || at == p.size() || p.paragraph[at] != p.paragraph[at - 1];
  }
  // paragraph_end at every boundary of a side, looked up for every cell.
  static void ends(const SideProfile& p, std::vector<std::uint8_t>& out) {
    out.resize(p.size() + 1);
    for (std::size_t at = 0; at <= p.size(); ++at) out[at] = paragraph_end(p, at);
  }

  const SideProfile& ko_;
  const SideProfile& en_;
  const LengthModel& model_;
  LengthModel headline_model_;  // model_ with the headline ratio as c
  const AnchorWeights& weights_;
  DenseAnchorRows dense_;
  TranslationScorer translation_;
  DenseAnchorRows miss_;
  SideSpans ko_spans_, en_spans_;
  LogTailTable tail_;
  std::vector<double> ko_len_, en_len_, ko_mass_, en_mass_, ko_miss_, en_miss_;
  std::vector<double> ko_inner_, en_inner_;  // prefix sums of SideProfile::inner_ends
  bool sentences_ = false;                   // whether sentence_match applies to this pair
  std::array<double, kBeadShapeCount> log_prior_{};
  std::array<double, kBeadShapeCount> bound_base_{};      // the parts of bound() fixed per shape
  std::array<double, kBeadShapeCount> sentence_bound_{};  // the most sentence_match adds
  bool paragraphs_ = false;
  std::vector<std::uint8_t> ko_ends_, en_ends_;  // paragraph_end by boundary, when paragraphs_
  bool bounded_ = false;
  double run_factor_ = 0, switch_factor_ = 0;  // e^t - 1 of the null-bead transitions
};

// Shapes that link both sides (not 1-0 or 0-1) among the first k.
constexpr std::size_t linking_shapes_before(std::size_t k) {
  std::size_t n = 0;
  for (std::size_t s = 0; s < k; ++s) n += kBeadShapes[s].ko > 0 && kBeadShapes[s].en > 0;
  return n;
}

// Bead scores by end cell and shape over the Viterbi pass's band, computed once and read again by
// the posterior passes (whose narrower band mostly lies inside it); scoring is the costly part.
// Only shapes that link both sides are kept: a 1-0 or 0-1 bead costs a few additions.
class ScoreMemo {
 public:
  // only: every pass reads scores on `grid` itself (the whole band), so get() needs no test.
  ScoreMemo(const Grid& grid, bool only)
      : grid_(grid), only_(only), scores_(grid.cells() * kKept, kUnset) {}

  // The score of shape K ending at (i, j) from `score` (BeadScorer::score), remembered.
  template <std::size_t K, typename F>
  double get(std::size_t i, std::size_t j, F&& score) {
    if constexpr (kBeadShapes[K].ko == 0 || kBeadShapes[K].en == 0) {
      return score();
    } else {
      if (!only_ && (i >= grid_.rows() || !grid_.contains(i, j))) return score();
      double& s = scores_[grid_.index(i, j) * kKept + linking_shapes_before(K)];
      if (std::isnan(s)) s = score();
      return s;
    }
  }

 private:
  static constexpr std::size_t kKept = linking_shapes_before(kBeadShapeCount);
  static constexpr double kUnset = std::numeric_limits<double>::quiet_NaN();
  const Grid& grid_;
  bool only_;
  std::vector<double> scores_;
};

// log(sum of e^x) over count terms; share[k] gets e^x[k] in units of the sum times *unit (the
// caller scales only the shares it reads).
double log_sum_exp(const double* x, std::size_t count, double* share, double* unit) {
  double top = kNegInf;
  for (std::size_t k = 0; k < count; ++k) top = std::max(top, x[k]);
  *unit = 0;
  if (top == kNegInf) return kNegInf;
  double sum = 0;
  for (std::size_t k = 0; k < count; ++k) sum += share[k] = std::exp(x[k] - top);
  *unit = 1 / sum;
  return top + std::log(sum);
}

// log(e^base (1 + x)): a sum reweighted by transition factors (x = shares times factors).
double reweighted(double base, double x) {
  return x == 0 ? base : base + std::log1p(x);
}

// Where beads ending in one grid row can start: a row of the band (a Korean segments back), its
// English range and its Viterbi scores.
struct Reach {
  std::size_t lo = 0, hi = 0;    // English range of the row
  const double* best = nullptr;  // Viterbi scores of the row, from lo
  std::size_t first_cell = 0;    // grid index of (row, lo)
};

// Forward log-probabilities per cell: of all paths into the cell, and the shares of those whose
// last bead is a 1-0 or a 0-1 bead (a share rather than a log: a bead's transition factors then
// reweight the sum with one log1p).
struct ForwardMass {
  std::vector<double> any;
  std::array<std::vector<double>, kStates> share;  // by State; kAfterLink's is not kept
  void reset(std::size_t cells) {
    any.assign(cells, kNegInf);
    share[kAfterKoNull].assign(cells, 0.0);
    share[kAfterEnNull].assign(cells, 0.0);
  }
  // The mass from the cell on through a bead with these transition factors (BeadScorer::factors).
  double through(std::size_t cell, const std::array<double, kStates>& f) const {
    return reweighted(any[cell], share[kAfterKoNull][cell] * f[kAfterKoNull] +
                                     share[kAfterEnNull][cell] * f[kAfterEnNull]);
  }
};

// A cell's back-pointer byte, in mixed radix: which linking shape the best path ending with a
// link takes, which State the best path into the cell is in, and the State before the best 1-0
// and the best 0-1 bead into it.
struct BackByte {
  std::size_t link = 0;  // index among the shapes that link both sides
  State best = kAfterLink, before_ko = kAfterLink, before_en = kAfterLink;

  std::uint8_t pack() const {
    return static_cast<std::uint8_t>(((link * kStates + best) * kStates + before_ko) * kStates +
                                     before_en);
  }
  static BackByte unpack(std::uint8_t byte) {
    BackByte b;
    b.before_en = static_cast<State>(byte % kStates);
    byte /= kStates;
    b.before_ko = static_cast<State>(byte % kStates);
    byte /= kStates;
    b.best = static_cast<State>(byte % kStates);
    b.link = byte / kStates;
    return b;
  }
};
static_assert(linking_shapes_before(kBeadShapeCount) * kStates * kStates * kStates <= 256);

// The shape of the k-th shape that links both sides.
constexpr std::size_t linking_shape(std::size_t k) {
  for (std::size_t s = 0; s < kBeadShapeCount; ++s)
    if (kBeadShapes[s].ko > 0 && kBeadShapes[s].en > 0 && k-- == 0) return s;
  return kBeadShapeCount;
}

// Forward over the band: each cell's Viterbi back-pointer, and the forward log-probabilities into
// alpha when it is given; bead scores through memo when it is given. Without transitions
// (kFirstOrder false: a null bead scores the same whatever came before) the States need not be
// followed, and the back-pointer is the best bead's shape; with them, a BackByte. kPrune (only
// the best path wanted: no alpha, and BeadScorer::bounded) skips beads that cannot beat the best
// one so far; a template so that the passes that cannot prune carry none of its code.
template <bool kFirstOrder, bool kPrune>
std::vector<std::uint8_t> forward(const Grid& grid, BeadScorer& score, ForwardMass* alpha,
                                  ScoreMemo* memo) {
  const std::size_t n = grid.rows() - 1;
  std::vector<std::uint8_t> back(grid.cells(), 0);
  if (alpha) alpha->reset(grid.cells());
  RingRows best(grid);  // the best of the three below
  std::array<RingRows, kStates> in_state = {RingRows(grid), RingRows(grid), RingRows(grid)};
  std::array<double, kBeadShapeCount> via{};
  for (std::size_t i = 0; i <= n; ++i) {
    best.reset(i);
    if constexpr (kFirstOrder)
      for (RingRows& r : in_state) r.reset(i);
    score.load(i >= 3 ? i - 3 : 0, i);
    std::array<Reach, kRing> reach{};
    for (std::size_t a = 0; a < kRing && a <= i; ++a)
      reach[a] = {grid.lo(i - a), grid.hi(i - a), best.row(i - a),
                  grid.index(i - a, grid.lo(i - a))};
    // Rows of the States a null bead can start from, by its Korean count (0 or 1), from lo.
    std::array<std::array<double*, kStates>, 2> state_rows{};
    if constexpr (kFirstOrder)
      for (std::size_t a = 0; a < 2 && a <= i; ++a)
        for (std::size_t t = 0; t < kStates; ++t) state_rows[a][t] = in_state[t].row(i - a);
    double* const best_row = best.row(i);
    for (std::size_t j = grid.lo(i); j <= grid.hi(i); ++j) {
      const std::size_t cell = grid.index(i, j);
      if (i == 0 && j == 0) {
        best.at(0, 0) = 0;
        if constexpr (kFirstOrder) in_state[kAfterLink].at(0, 0) = 0;
        if (alpha) alpha->any[cell] = 0;
        continue;
      }
      std::array<double, kStates> top = {kNegInf, kNegInf, kNegInf};
      double best_here = kNegInf;
      std::size_t count = 0;
      std::array<std::size_t, kStates> null_at{};  // via index of the 1-0 and 0-1 terms + 1
      BackByte pointer;
      const double edge = score.boundary(i, j);
      // The best path into the cell through a 1-0 or 0-1 bead, known before the shapes that come
      // first are scored: one of those that cannot beat it strictly is not the best either.
      [[maybe_unused]] double null_best = kNegInf;
      // The 1-0 and 0-1 scores null_best took, which the loop below then reads.
      [[maybe_unused]] std::array<double, 2> null_score{};
      if constexpr (kPrune && !kFirstOrder) {
        const auto through = [&](auto k) {
          constexpr std::size_t a = kBeadShapes[k].ko, b = kBeadShapes[k].en;
          if (a > i || b > j) return kNegInf;
          const Reach& from = reach[a];
          const std::size_t start = j - b;
          if (start < from.lo || start > from.hi) return kNegInf;
          const double prev = from.best[start - from.lo];
          if (prev == kNegInf) return kNegInf;
          const double s = score.template score<k>(i, j, edge);
          null_score[k == kKoNull ? 0 : 1] = s;
          return prev + s;
        };
        null_best = std::max(through(std::integral_constant<std::size_t, kKoNull>{}),
                             through(std::integral_constant<std::size_t, kEnNull>{}));
      }
      for_each_shape([&](auto k) {
        constexpr std::size_t a = kBeadShapes[k].ko, b = kBeadShapes[k].en;
        constexpr State into = state_after(k);
        if (a > i || b > j) return;
        const Reach& from = reach[a];
        const std::size_t start = j - b;
        if (start < from.lo || start > from.hi) return;
        double prev = from.best[start - from.lo];
        if (prev == kNegInf) return;
        // The length term, when the pruning computed it first.
        [[maybe_unused]] double length = 0;
        if constexpr (kPrune && a > 0 && b > 0) {
          const double beat = kFirstOrder ? top[kAfterLink] : best_here;
          // Strictly below null_best: on a tie the shape that comes first would be kept.
          const auto beaten = [&](double bound) {
            if constexpr (!kFirstOrder && k < kKoNull && k < kEnNull)
              if (bound < null_best) return true;
            return bound <= beat;
          };
          if (beaten(prev + score.template bound<k>(i, j, edge))) return;
          length = score.template length_term<k>(i, j);
          if (beaten(prev + score.template bound<k>(i, j, edge, length))) return;
        }
        const auto compute = [&] {
          if constexpr (kPrune && a > 0 && b > 0)
            return score.template score<k>(i, j, edge, length);
          else if constexpr (kPrune && !kFirstOrder)  // a 1-0 or 0-1 bead, scored for null_best
            return null_score[k == kKoNull ? 0 : 1];
          else
            return score.template score<k>(i, j, edge);
        };
        const double s = memo ? memo->template get<k>(i, j, compute) : compute();
        const std::size_t start_cell = from.first_cell + (start - from.lo);
        if constexpr (!kFirstOrder) {
          if (prev + s > best_here) {
            best_here = prev + s;
            back[cell] = static_cast<std::uint8_t>(k);
          }
          if (alpha) via[count++] = alpha->any[start_cell] + s;
        } else if constexpr (into == kAfterLink) {
          if (prev + s > top[into]) {
            top[into] = prev + s;
            pointer.link = linking_shapes_before(k);
          }
          if (alpha) via[count++] = alpha->any[start_cell] + s;
        } else {
          State before = kAfterLink;
          prev = kNegInf;
          const auto tr = score.template transitions<k>(i, j);
          for (std::size_t t = 0; t < kStates; ++t) {
            const double p = state_rows[a][t][start - from.lo] + tr[t];
            if (p > prev) {
              prev = p;
              before = static_cast<State>(t);
            }
          }
          top[into] = prev + s;
          (into == kAfterKoNull ? pointer.before_ko : pointer.before_en) = before;
          if (alpha) {
            via[count] = alpha->through(start_cell, score.template factors<k>(i, j)) + s;
            null_at[into] = ++count;
          }
        }
      });
      if constexpr (kFirstOrder) {
        for (std::size_t t = 0; t < kStates; ++t) {
          state_rows[0][t][j - grid.lo(i)] = top[t];
          if (top[t] > best_here) {
            best_here = top[t];
            pointer.best = static_cast<State>(t);
          }
        }
        back[cell] = pointer.pack();
      }
      best_row[j - grid.lo(i)] = best_here;
      if (alpha) {
        std::array<double, kBeadShapeCount> share{};
        double unit = 0;
        alpha->any[cell] = log_sum_exp(via.data(), count, share.data(), &unit);
        for (State t : {kAfterKoNull, kAfterEnNull})
          if (null_at[t]) alpha->share[t][cell] = share[null_at[t] - 1] * unit;
      }
    }
  }
  return back;
}

// The best path from the back-pointers, each bead's confidence holding its shape index; sets
// touched_edge when the path runs along the band's edge.
Alignment trace_back(const Grid& grid, const std::vector<std::uint8_t>& back, std::size_t m,
                     bool first_order, bool& touched_edge) {
  Alignment path;
  bool known = false;  // whether `state` is set by the bead after (else: the cell's best)
  State state = kAfterLink;
  for (std::size_t i = grid.rows() - 1, j = m; i > 0 || j > 0;) {
    const std::uint8_t byte = back[grid.index(i, j)];
    const BackByte pointer = BackByte::unpack(byte);
    if (!known) state = pointer.best;
    const std::size_t k = !first_order            ? byte
                          : state == kAfterKoNull ? kKoNull
                          : state == kAfterEnNull ? kEnNull
                                                  : linking_shape(pointer.link);
    known = first_order && state != kAfterLink;
    if (state == kAfterKoNull)
      state = pointer.before_ko;
    else if (state == kAfterEnNull)
      state = pointer.before_en;
    const std::size_t a = kBeadShapes[k].ko, b = kBeadShapes[k].en;
    Bead bead;
    bead.ko_begin = static_cast<std::uint32_t>(i - a);
    bead.ko_end = static_cast<std::uint32_t>(i);
    bead.en_begin = static_cast<std::uint32_t>(j - b);
    bead.en_end = static_cast<std::uint32_t>(j);
    bead.confidence = static_cast<double>(k);  // the shape until the posteriors replace it
    path.push_back(bead);
    if ((j == grid.lo(i) && j > 0) || (j == grid.hi(i) && j < m)) touched_edge = true;
    i -= a;
    j -= b;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

// Backward log-probabilities over the band (rolling), per State of the path before the cell, and
// each path bead's posterior probability from them and alpha as its confidence.
void add_posteriors(const Grid& grid, BeadScorer& score, const ForwardMass& alpha, std::size_t m,
                    Alignment& path, ScoreMemo* memo) {
  const std::size_t n = grid.rows() - 1;
  const double total = alpha.any[grid.index(n, m)];
  std::array<RingRows, kStates> beta = {RingRows(grid), RingRows(grid), RingRows(grid)};
  std::array<double, kBeadShapeCount> via{};
  std::vector<double> beta_at_end(path.size(), kNegInf);
  std::size_t next = path.size();  // path beads whose end row is still to come
  for (std::size_t i = n + 1; i-- > 0;) {
    for (RingRows& r : beta) r.reset(i);
    // Loaded only for a score the memo lacks: over the whole band it has them all.
    const auto load = [&] { score.load(i, std::min(n, i + 3)); };
    if (!memo) load();
    for (std::size_t j = grid.hi(i) + 1; j-- > grid.lo(i);) {
      if (i == n && j == m) {
        for (RingRows& r : beta) r.at(i, j) = 0;
        continue;
      }
      std::size_t count = 0;
      std::array<std::size_t, kStates> null_at{};  // via index of the 1-0 and 0-1 terms + 1
      std::array<std::array<double, kStates>, kStates> factors{};  // by the null bead's State
      for_each_shape([&](auto k) {
        constexpr std::size_t a = kBeadShapes[k].ko, b = kBeadShapes[k].en;
        constexpr State into = state_after(k);
        if (i + a > n || j + b > m || !grid.contains(i + a, j + b)) return;
        const double after = beta[into].at(i + a, j + b);
        if (after == kNegInf) return;
        const auto compute = [&] {
          if constexpr (a > 0 && b > 0)  // a 1-0 or 0-1 bead reads no anchor row
            if (memo) load();
          return score.template score<k>(i + a, j + b, score.boundary(i + a, j + b));
        };
        via[count] = after + (memo ? memo->template get<k>(i + a, j + b, compute) : compute());
        if constexpr (into != kAfterLink) {
          factors[into] = score.template factors<k>(i + a, j + b);
          null_at[into] = count + 1;
        }
        ++count;
      });
      std::array<double, kBeadShapeCount> share{};
      double unit = 0;
      const double all = log_sum_exp(via.data(), count, share.data(), &unit);
      beta[kAfterLink].at(i, j) = all;
      for (State t : {kAfterKoNull, kAfterEnNull}) {
        double x = 0;
        for (State null : {kAfterKoNull, kAfterEnNull})
          if (null_at[null]) x += share[null_at[null] - 1] * factors[null][t];
        beta[t].at(i, j) = reweighted(all, x * unit);
      }
    }
    while (next > 0 && path[next - 1].ko_end == i) {
      --next;
      const auto shape = static_cast<std::size_t>(path[next].confidence);
      beta_at_end[next] = beta[state_after(shape)].at(i, path[next].en_end);
    }
  }
  for (std::size_t k = 0; k < path.size(); ++k) {
    Bead& bead = path[k];
    const auto shape = static_cast<std::size_t>(bead.confidence);
    double bead_score = 0;
    for_each_shape([&](auto s) {
      if (s != shape) return;
      const auto compute = [&] {
        score.load(bead.ko_begin, bead.ko_end);
        return score.template score<s>(bead.ko_end, bead.en_end,
                                       score.boundary(bead.ko_end, bead.en_end));
      };
      bead_score = memo ? memo->template get<s>(bead.ko_end, bead.en_end, compute) : compute();
    });
    const std::size_t start = grid.index(bead.ko_begin, bead.en_begin);
    const double log_posterior =
        alpha.through(start, score.factors(bead.ko_end, bead.en_end, shape)) + bead_score +
        beta_at_end[k] - total;
    bead.confidence = std::clamp(std::exp(log_posterior), 0.0, 1.0);
  }
}

}  // namespace

SearchResult search(const SideProfile& ko, const SideProfile& en, const AnchorMatrix& anchors,
                    const LengthModel& model, const AnchorWeights& weights, const Band& band,
                    bool posteriors, std::size_t posterior_width) {
  const std::size_t n = ko.size(), m = en.size();
  const Grid grid(band);
  std::size_t reach = 0;
  for (std::size_t i = 0; i < grid.rows(); ++i) reach = std::max(reach, grid.width(i));
  // The posterior passes' band lies around the path, a few segments past this one's.
  BeadScorer score(ko, en, anchors, model, weights, reach + posterior_width);
  // Over the whole band the forward probabilities come with the Viterbi pass; near the path they
  // need a second forward pass over the narrower band.
  const bool whole_band = posteriors && posterior_width == 0;
  ForwardMass alpha;
  SearchResult result;
  // Scores kept for the posterior passes: the backward pass reads again every score the forward
  // pass computed (near the path, also the Viterbi pass's); over the whole band only up to
  // kWholeBandMemoCells, as the memo takes 48 bytes a cell.
  std::optional<ScoreMemo> memo;
  if (posteriors && (!whole_band || grid.cells() <= kWholeBandMemoCells)) memo.emplace(grid, whole_band);
  ScoreMemo* kept = memo ? &*memo : nullptr;
  const bool first_order = weights.null_run != 0 || weights.null_switch != 0;
  const auto run_forward = [&](const Grid& g, ForwardMass* mass) {
    if (!mass && score.bounded())
      return first_order ? forward<true, true>(g, score, mass, kept)
                         : forward<false, true>(g, score, mass, kept);
    return first_order ? forward<true, false>(g, score, mass, kept)
                       : forward<false, false>(g, score, mass, kept);
  };
  {
    const std::vector<std::uint8_t> back = run_forward(grid, whole_band ? &alpha : nullptr);
    result.alignment = trace_back(grid, back, m, first_order, result.touched_edge);
  }
  if (!posteriors) {
    for (Bead& bead : result.alignment) bead.confidence = 1.0;
  } else if (whole_band) {
    add_posteriors(grid, score, alpha, m, result.alignment, kept);
  } else {
    const Band near = path_band(result.alignment, n, m, posterior_width);
    const Grid near_grid(near);
    run_forward(near_grid, &alpha);
    add_posteriors(near_grid, score, alpha, m, result.alignment, kept);
  }
  return result;
}

}  // namespace kealign::align_detail
