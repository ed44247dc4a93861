// The language-neutral search: Viterbi for the best bead sequence and forward-backward for each
// bead's posterior probability, over the cells of a band. Memory: one byte of back-pointer and one
// double of forward score per cell, plus a few rolling rows.
#include <algorithm>
#include <cmath>
#include <limits>

#include "align_internal.hpp"

namespace kealign::detail {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();
constexpr std::uint8_t kNoBack = 0xFF;
// Rolling rows kept: the current one and the three a bead can reach back to.
constexpr std::size_t kRing = 4;

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
  float at(std::size_t segment, std::size_t j) const { return rows_[segment % kRing][j]; }

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

 private:
  const Grid& grid_;
  std::vector<std::vector<double>> rows_;
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
        miss_(anchors.miss_rows, en.size()) {
    headline_model_ = model;
    headline_model_.mean_ratio = model.headline_ratio;
    prefix(ko.length, ko_len_);
    prefix(en.length, en_len_);
    prefix(anchors.ko_mass, ko_mass_);
    prefix(anchors.en_mass, en_mass_);
    prefix(anchors.ko_miss, ko_miss_);
    prefix(anchors.en_miss, en_miss_);
    for (std::size_t k = 0; k < kBeadShapeCount; ++k)
      log_prior_[k] = model.priors[k] > 0 ? std::log(model.priors[k]) : kNegInf;
    paragraphs_ = has_paragraphs(ko) && has_paragraphs(en);
  }

  // Makes the anchor rows of Korean segments [from, to) available.
  void load(std::size_t from, std::size_t to) {
    for (std::size_t s = from; s < to; ++s) {
      dense_.load(s);
      translation_.load(s);
      miss_.load(s);
    }
  }

  double operator()(std::size_t i, std::size_t j, std::size_t shape) const {
    const std::size_t a = kBeadShapes[shape].ko, b = kBeadShapes[shape].en;
    double s = log_prior_[shape] + boundary(i, j);
    if (a == 0 || b == 0) {
      s += weights_.null_length;
      s += a ? ko_.alone[i - 1] : en_.alone[j - 1];
      return s;
    }
    const bool headline =
        ko_.ending(i - a, i) == LineEnd::kBare && en_.ending(j - b, j) == LineEnd::kBare;
    const LengthModel& length = headline ? headline_model_ : model_;
    s += log_tail()(length.z(ko_len_[i] - ko_len_[i - a], en_len_[j] - en_len_[j - b]));
    double sim = 0, miss = 0;
    for (std::size_t r = i - a; r < i; ++r)
      for (std::size_t c = j - b; c < j; ++c) {
        sim += dense_.at(r, c);
        miss += miss_.at(r, c);
      }
    s += translation_(i - a, i, j - b, j);
    if (sim > 0) {
      const double cap = std::min(ko_mass_[i] - ko_mass_[i - a], en_mass_[j] - en_mass_[j - b]);
      s += std::min(sim, cap);
    }
    s -= std::max(0.0, ko_miss_[i] - ko_miss_[i - a] - miss) +
         std::max(0.0, en_miss_[j] - en_miss_[j - b] - miss);
    if (shape_mismatch(ko_.ending(i - a, i), en_.ending(j - b, j))) s -= weights_.shape_mismatch;
    if (a > 1 && ko_.paragraph[i - a] != ko_.paragraph[i - 1]) s -= weights_.paragraph_cross;
    if (b > 1 && en_.paragraph[j - b] != en_.paragraph[j - 1]) s -= weights_.paragraph_cross;
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
  // A bead boundary that ends a paragraph on one side only.
  double boundary(std::size_t i, std::size_t j) const {
    if (!paragraphs_) return 0;
    return paragraph_end(ko_, i) == paragraph_end(en_, j) ? 0 : -weights_.paragraph_mismatch;
  }

  const SideProfile& ko_;
  const SideProfile& en_;
  const LengthModel& model_;
  LengthModel headline_model_;  // model_ with the headline ratio as c
  const AnchorWeights& weights_;
  DenseAnchorRows dense_;
  TranslationScorer translation_;
  DenseAnchorRows miss_;
  std::vector<double> ko_len_, en_len_, ko_mass_, en_mass_, ko_miss_, en_miss_;
  std::array<double, kBeadShapeCount> log_prior_{};
  bool paragraphs_ = false;
};

double log_sum_exp(const double* x, std::size_t count) {
  double top = kNegInf;
  for (std::size_t k = 0; k < count; ++k) top = std::max(top, x[k]);
  if (top == kNegInf) return kNegInf;
  double sum = 0;
  for (std::size_t k = 0; k < count; ++k) sum += std::exp(x[k] - top);
  return top + std::log(sum);
}

}  // namespace

SearchResult search(const SideProfile& ko, const SideProfile& en, const AnchorMatrix& anchors,
                    const LengthModel& model, const AnchorWeights& weights, const Band& band,
                    bool posteriors) {
  const std::size_t n = ko.size(), m = en.size();
  const Grid grid(band);
  BeadScorer score(ko, en, anchors, model, weights);
  std::vector<double> alpha(posteriors ? grid.cells() : 0, kNegInf);
  std::vector<std::uint8_t> back(grid.cells(), kNoBack);
  RingRows best(grid);

  // Forward: Viterbi scores (rolling) and forward log-probabilities (kept for the posteriors).
  std::array<double, kBeadShapeCount> via{};
  for (std::size_t i = 0; i <= n; ++i) {
    best.reset(i);
    score.load(i >= 3 ? i - 3 : 0, i);
    for (std::size_t j = grid.lo(i); j <= grid.hi(i); ++j) {
      const std::size_t cell = grid.index(i, j);
      if (i == 0 && j == 0) {
        best.at(0, 0) = 0;
        if (posteriors) alpha[cell] = 0;
        continue;
      }
      double top = kNegInf;
      std::size_t count = 0;
      for (std::size_t k = 0; k < kBeadShapeCount; ++k) {
        const std::size_t a = kBeadShapes[k].ko, b = kBeadShapes[k].en;
        if (a > i || b > j || !grid.contains(i - a, j - b)) continue;
        const double prev = best.at(i - a, j - b);
        if (prev == kNegInf) continue;
        const double s = score(i, j, k);
        if (prev + s > top) {
          top = prev + s;
          back[cell] = static_cast<std::uint8_t>(k);
        }
        if (posteriors) via[count++] = alpha[grid.index(i - a, j - b)] + s;
      }
      best.at(i, j) = top;
      if (posteriors) alpha[cell] = log_sum_exp(via.data(), count);
    }
  }

  SearchResult result;
  for (std::size_t i = n, j = m; i > 0 || j > 0;) {
    const std::uint8_t k = back[grid.index(i, j)];
    const std::size_t a = kBeadShapes[k].ko, b = kBeadShapes[k].en;
    Bead bead;
    bead.ko_begin = static_cast<std::uint32_t>(i - a);
    bead.ko_end = static_cast<std::uint32_t>(i);
    bead.en_begin = static_cast<std::uint32_t>(j - b);
    bead.en_end = static_cast<std::uint32_t>(j);
    bead.confidence = static_cast<double>(k);  // the shape until the posteriors replace it
    result.alignment.push_back(bead);
    if ((j == grid.lo(i) && j > 0) || (j == grid.hi(i) && j < m)) result.touched_edge = true;
    i -= a;
    j -= b;
  }
  std::reverse(result.alignment.begin(), result.alignment.end());
  if (!posteriors) {
    for (Bead& bead : result.alignment) bead.confidence = 1.0;
    return result;
  }

  // Backward log-probabilities (rolling), read at each path bead's end cell.
  const double total = alpha[grid.index(n, m)];
  RingRows beta(grid);
  std::vector<double> beta_at_end(result.alignment.size(), kNegInf);
  std::size_t next = result.alignment.size();  // path beads whose end row is still to come
  for (std::size_t i = n + 1; i-- > 0;) {
    beta.reset(i);
    score.load(i, std::min(n, i + 3));
    for (std::size_t j = grid.hi(i) + 1; j-- > grid.lo(i);) {
      if (i == n && j == m) {
        beta.at(i, j) = 0;
        continue;
      }
      std::size_t count = 0;
      for (std::size_t k = 0; k < kBeadShapeCount; ++k) {
        const std::size_t a = kBeadShapes[k].ko, b = kBeadShapes[k].en;
        if (i + a > n || j + b > m || !grid.contains(i + a, j + b)) continue;
        const double after = beta.at(i + a, j + b);
        if (after == kNegInf) continue;
        via[count++] = after + score(i + a, j + b, k);
      }
      beta.at(i, j) = log_sum_exp(via.data(), count);
    }
    while (next > 0 && result.alignment[next - 1].ko_end == i) {
      --next;
      beta_at_end[next] = beta.at(i, result.alignment[next].en_end);
    }
  }
  for (std::size_t k = 0; k < result.alignment.size(); ++k) {
    Bead& bead = result.alignment[k];
    const auto shape = static_cast<std::size_t>(bead.confidence);
    score.load(bead.ko_begin, bead.ko_end);
    const double log_posterior = alpha[grid.index(bead.ko_begin, bead.en_begin)] +
                                 score(bead.ko_end, bead.en_end, shape) + beta_at_end[k] - total;
    bead.confidence = std::clamp(std::exp(log_posterior), 0.0, 1.0);
  }
  return result;
}

}  // namespace kealign::detail
