// The language-neutral search: Viterbi for the best bead sequence and forward-backward for each
// bead's posterior probability, over the cells of a band. Memory: one byte of back-pointer and one
// double of forward score per cell, plus a few rolling rows.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

#include "align_internal.hpp"

namespace kealign::detail {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();
constexpr std::uint8_t kNoBack = 0xFF;
// Rolling rows kept: the current one and the three a bead can reach back to.
constexpr std::size_t kRing = 4;
// Added to a bead's score bound (BeadScorer::bound) to cover the rounding of the score's terms.
constexpr double kBoundSlack = 1e-9;

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
  BeadScorer(const SideProfile& ko, const SideProfile& en, const AnchorMatrix& anchors,
             const LengthModel& model, const AnchorWeights& weights)
      : ko_(ko),
        en_(en),
        model_(model),
        weights_(weights),
        dense_(anchors.rows, en.size()),
        translation_(anchors.translation),
        miss_(anchors.miss_rows, en.size()),
        ko_spans_(ko),
        en_spans_(en),
        tail_(log_tail()) {
    headline_model_ = model;
    headline_model_.mean_ratio = model.headline_ratio;
    prefix(ko.length, ko_len_);
    prefix(en.length, en_len_);
    prefix(anchors.ko_mass, ko_mass_);
    prefix(anchors.en_mass, en_mass_);
    prefix(anchors.ko_miss, ko_miss_);
    prefix(anchors.en_miss, en_miss_);
    for (std::size_t k = 0; k < kBeadShapeCount; ++k) {
      log_prior_[k] = model.priors[k] > 0 ? std::log(model.priors[k]) : kNegInf;
      bound_base_[k] = log_prior_[k] + std::max(0.0, tail_.ceiling()) + kBoundSlack;
    }
    paragraphs_ = has_paragraphs(ko) && has_paragraphs(en);
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
    return paragraph_end(ko_, i) == paragraph_end(en_, j) ? 0 : -weights_.paragraph_mismatch;
  }

  // The score of the bead of shape kBeadShapes[K] ending at (i, j), given boundary(i, j); a
  // template so that the search's loop over shapes unrolls.
  template <std::size_t K>
  double score(std::size_t i, std::size_t j, double edge) const {
    constexpr std::size_t a = kBeadShapes[K].ko, b = kBeadShapes[K].en;
    double s = log_prior_[K] + edge;
    if constexpr (a == 0 || b == 0) {
      s += weights_.null_length;
      s += a ? ko_.alone[i - 1] : en_.alone[j - 1];
      return s;
    } else {
      const LineEnd ko_end = ko_spans_.ending(i, a), en_end = en_spans_.ending(j, b);
      const bool headline = ko_end == LineEnd::kBare && en_end == LineEnd::kBare;
      const LengthModel& length = headline ? headline_model_ : model_;
      s += tail_(length.z(ko_len_[i] - ko_len_[i - a], en_len_[j] - en_len_[j - b]));
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
      // A headline merged with a sentence on one side costs as much as one linked with a
      // sentence across: lines without final punctuation are segments of their own.
      if (a > 1 && ko_spans_.mixed(i, a)) s -= weights_.shape_mismatch;
      if (b > 1 && en_spans_.mixed(j, b)) s -= weights_.shape_mismatch;
      if (a > 1 && ko_spans_.crosses(i, a)) s -= weights_.paragraph_cross;
      if (b > 1 && en_spans_.crosses(j, b)) s -= weights_.paragraph_cross;
      return s;
    }
  }

  // The same for a shape known at run time.
  double operator()(std::size_t i, std::size_t j, std::size_t shape, double edge) const {
    double s = 0;
    for_each_shape([&](auto k) {
      if (k == shape) s = score<k>(i, j, edge);
    });
    return s;
  }

 private:
  template <typename T>
  static void prefix(const std::vector<T>& v, std::vector<double>& out) {
    out.assign(v.size() + 1, 0.0);
    for (std::size_t k = 0; k < v.size(); ++k) out[k + 1] = out[k] + v[k];
  }
  static bool has_paragraphs(const SideProfile& p) {
    return !p.paragraph.empty() && p.paragraph.front() != p.paragraph.back();
  }
  static bool paragraph_end(const SideProfile& p, std::size_t at) {
    return at == 0 || at == p.size() || p.paragraph[at] != p.paragraph[at - 1];
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
  const LogTailTable& tail_;
  std::vector<double> ko_len_, en_len_, ko_mass_, en_mass_, ko_miss_, en_miss_;
  std::array<double, kBeadShapeCount> log_prior_{};
  std::array<double, kBeadShapeCount> bound_base_{};  // the parts of bound() fixed per shape
  bool paragraphs_ = false;
  bool bounded_ = false;
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
  explicit ScoreMemo(const Grid& grid) : grid_(grid), scores_(grid.cells() * kKept, kUnset) {}

  // The score of shape K ending at (i, j) from `score` (BeadScorer::score), remembered.
  template <std::size_t K, typename F>
  double get(std::size_t i, std::size_t j, F&& score) {
    if constexpr (kBeadShapes[K].ko == 0 || kBeadShapes[K].en == 0) {
      return score();
    } else {
      if (i >= grid_.rows() || !grid_.contains(i, j)) return score();
      double& s = scores_[grid_.index(i, j) * kKept + linking_shapes_before(K)];
      if (std::isnan(s)) s = score();
      return s;
    }
  }

 private:
  static constexpr std::size_t kKept = linking_shapes_before(kBeadShapeCount);
  static constexpr double kUnset = std::numeric_limits<double>::quiet_NaN();
  const Grid& grid_;
  std::vector<double> scores_;
};

double log_sum_exp(const double* x, std::size_t count) {
  double top = kNegInf;
  for (std::size_t k = 0; k < count; ++k) top = std::max(top, x[k]);
  if (top == kNegInf) return kNegInf;
  double sum = 0;
  for (std::size_t k = 0; k < count; ++k) sum += std::exp(x[k] - top);
  return top + std::log(sum);
}

// Where beads ending in one grid row can start: a row of the band (a Korean segments back), its
// English range and its Viterbi scores.
struct Reach {
  std::size_t lo = 0, hi = 0;    // English range of the row
  const double* best = nullptr;  // Viterbi scores of the row, from lo
  std::size_t first_cell = 0;    // grid index of (row, lo)
};

// Forward over the band: each cell's Viterbi back-pointer, and the forward log-probabilities into
// alpha when it is given; bead scores through memo when it is given.
std::vector<std::uint8_t> forward(const Grid& grid, BeadScorer& score, std::vector<double>* alpha,
                                  ScoreMemo* memo) {
  const std::size_t n = grid.rows() - 1;
  std::vector<std::uint8_t> back(grid.cells(), kNoBack);
  if (alpha) alpha->assign(grid.cells(), kNegInf);
  RingRows best(grid);
  std::array<double, kBeadShapeCount> via{};
  // Beads that cannot beat the best one are skipped when only the best path is wanted.
  const bool prune = !alpha && score.bounded();
  for (std::size_t i = 0; i <= n; ++i) {
    best.reset(i);
    score.load(i >= 3 ? i - 3 : 0, i);
    std::array<Reach, kRing> reach{};
    for (std::size_t a = 0; a < kRing && a <= i; ++a)
      reach[a] = {grid.lo(i - a), grid.hi(i - a), best.row(i - a),
                  grid.index(i - a, grid.lo(i - a))};
    for (std::size_t j = grid.lo(i); j <= grid.hi(i); ++j) {
      const std::size_t cell = grid.index(i, j);
      if (i == 0 && j == 0) {
        best.at(0, 0) = 0;
        if (alpha) (*alpha)[cell] = 0;
        continue;
      }
      double top = kNegInf;
      std::size_t count = 0;
      const double edge = score.boundary(i, j);
      for_each_shape([&](auto k) {
        constexpr std::size_t a = kBeadShapes[k].ko, b = kBeadShapes[k].en;
        if (a > i || b > j) return;
        const Reach& from = reach[a];
        const std::size_t start = j - b;
        if (start < from.lo || start > from.hi) return;
        const double prev = from.best[start - from.lo];
        if (prev == kNegInf) return;
        if constexpr (a > 0 && b > 0)
          if (prune && prev + score.template bound<k>(i, j, edge) <= top) return;
        const auto compute = [&] { return score.template score<k>(i, j, edge); };
        const double s = memo ? memo->template get<k>(i, j, compute) : compute();
        if (prev + s > top) {
          top = prev + s;
          back[cell] = static_cast<std::uint8_t>(k);
        }
        if (alpha) via[count++] = (*alpha)[from.first_cell + (start - from.lo)] + s;
      });
      best.at(i, j) = top;
      if (alpha) (*alpha)[cell] = log_sum_exp(via.data(), count);
    }
  }
  return back;
}

// The best path from the back-pointers, each bead's confidence holding its shape index; sets
// touched_edge when the path runs along the band's edge.
Alignment trace_back(const Grid& grid, const std::vector<std::uint8_t>& back, std::size_t m,
                     bool& touched_edge) {
  Alignment path;
  for (std::size_t i = grid.rows() - 1, j = m; i > 0 || j > 0;) {
    const std::uint8_t k = back[grid.index(i, j)];
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

// Backward log-probabilities over the band (rolling), and each path bead's posterior probability
// from them and alpha as its confidence.
void add_posteriors(const Grid& grid, BeadScorer& score, const std::vector<double>& alpha,
                    std::size_t m, Alignment& path, ScoreMemo* memo) {
  const std::size_t n = grid.rows() - 1;
  const double total = alpha[grid.index(n, m)];
  RingRows beta(grid);
  std::array<double, kBeadShapeCount> via{};
  std::vector<double> beta_at_end(path.size(), kNegInf);
  std::size_t next = path.size();  // path beads whose end row is still to come
  for (std::size_t i = n + 1; i-- > 0;) {
    beta.reset(i);
    score.load(i, std::min(n, i + 3));
    for (std::size_t j = grid.hi(i) + 1; j-- > grid.lo(i);) {
      if (i == n && j == m) {
        beta.at(i, j) = 0;
        continue;
      }
      std::size_t count = 0;
      for_each_shape([&](auto k) {
        constexpr std::size_t a = kBeadShapes[k].ko, b = kBeadShapes[k].en;
        if (i + a > n || j + b > m || !grid.contains(i + a, j + b)) return;
        const double after = beta.at(i + a, j + b);
        if (after == kNegInf) return;
        const auto compute = [&] {
          return score.template score<k>(i + a, j + b, score.boundary(i + a, j + b));
        };
        via[count++] = after + (memo ? memo->template get<k>(i + a, j + b, compute) : compute());
      });
      beta.at(i, j) = log_sum_exp(via.data(), count);
    }
    while (next > 0 && path[next - 1].ko_end == i) {
      --next;
      beta_at_end[next] = beta.at(i, path[next].en_end);
    }
  }
  for (std::size_t k = 0; k < path.size(); ++k) {
    Bead& bead = path[k];
    const auto shape = static_cast<std::size_t>(bead.confidence);
    score.load(bead.ko_begin, bead.ko_end);
    const double log_posterior =
        alpha[grid.index(bead.ko_begin, bead.en_begin)] +
        score(bead.ko_end, bead.en_end, shape, score.boundary(bead.ko_end, bead.en_end)) +
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
  BeadScorer score(ko, en, anchors, model, weights);
  // Over the whole band the forward probabilities come with the Viterbi pass; near the path they
  // need a second forward pass over the narrower band.
  const bool whole_band = posteriors && posterior_width == 0;
  std::vector<double> alpha;
  SearchResult result;
  // Scores kept for the posterior passes near the path (the whole band's pass reads each once).
  std::optional<ScoreMemo> memo;
  if (posteriors && !whole_band) memo.emplace(grid);
  ScoreMemo* kept = memo ? &*memo : nullptr;
  {
    const std::vector<std::uint8_t> back =
        forward(grid, score, whole_band ? &alpha : nullptr, kept);
    result.alignment = trace_back(grid, back, m, result.touched_edge);
  }
  if (!posteriors) {
    for (Bead& bead : result.alignment) bead.confidence = 1.0;
  } else if (whole_band) {
    add_posteriors(grid, score, alpha, m, result.alignment, nullptr);
  } else {
    const Band near = path_band(result.alignment, n, m, posterior_width);
    const Grid near_grid(near);
    forward(near_grid, score, &alpha, kept);
    add_posteriors(near_grid, score, alpha, m, result.alignment, kept);
  }
  return result;
}

}  // namespace kealign::detail
