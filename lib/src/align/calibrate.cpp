// EM for the length model: the search's posteriors weight each bead, and c, s^2 and the shape
// priors are re-estimated from them, shrunk towards the calibrated defaults so that a short
// document cannot pull them far.
#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

#include "align_internal.hpp"

namespace kealign::align_detail {
namespace {

// Pseudo-beads of the prior model added to the data (MAP estimate with a conjugate-style prior).
constexpr double kLengthPseudoBeads = 8.0;
constexpr double kHeadlinePseudoBeads = 2.0;
constexpr double kShapePseudoBeads = 300.0;
// Shapes of this many segments or more (2-2, 1-3, 3-1) never rise above their prior: a merge
// absorbs the length noise of the links it joins, so counts on the Viterbi path feed on themselves.
constexpr std::size_t kCappedShapeSegments = 4;
// Beads whose length is this far out (|z|) are treated as outliers, not evidence about s^2.
constexpr double kOutlierZ = 4.0;
// Bounds that keep a degenerate pair (identical files, one long line) from breaking the model.
constexpr double kMinRatio = 0.1, kMaxRatio = 10.0, kMinVariance = 0.2, kMaxVariance = 50.0;
constexpr double kMinPrior = 1e-4;
// The first pass of EM runs with a wider variance: a pair from another domain or language pair
// must not start with links forced into the calibrated spread.
constexpr double kInitialVarianceScale = 2.5;

// Shape agreement: the rate of sentence-headline beads assumed before the data (LibreOffice ko-en
// gold 1-1 links: about 5%), and the pseudo-beads it counts as.
constexpr double kAgreementPseudoBeads = 10.0;
constexpr double kPriorShapeMismatch = 0.05;

double share(const SideProfile& p, LineEnd end) {
  if (p.size() == 0) return 0;
  return static_cast<double>(std::count(p.line_end.begin(), p.line_end.end(), end)) / p.size();
}

}  // namespace

double fit_shape_mismatch(const Alignment& alignment, const SideProfile& ko, const SideProfile& en,
                          double max_penalty) {
  double mismatched = 0, total = 0;
  for (const Bead& b : alignment) {
    if (b.ko_size() == 0 || b.en_size() == 0) continue;
    total += b.confidence;
    if (shape_mismatch(ko.ending(b.ko_begin, b.ko_end), en.ending(b.en_begin, b.en_end)))
      mismatched += b.confidence;
  }
  const double rate =
      (mismatched + kAgreementPseudoBeads * kPriorShapeMismatch) / (total + kAgreementPseudoBeads);
  const double chance = share(ko, LineEnd::kSentence) * share(en, LineEnd::kBare) +
                        share(ko, LineEnd::kBare) * share(en, LineEnd::kSentence);
  if (chance <= rate) return 0;
  return std::min(std::log(chance / rate), max_penalty);
}

LengthModel initial_model(const SideProfile& ko, const SideProfile& en, const LengthModel& prior,
                          const Passage& left_out) {
  const auto total = [&](const SideProfile& p, bool korean) {
    const Eigen::Map<const Eigen::ArrayXd> all(p.length.data(), p.length.size());
    if (left_out.korean != korean) return all.sum();
    return all.sum() - all.segment(left_out.begin, left_out.end - left_out.begin).sum();
  };
  const double x = total(ko, true), y = total(en, false);
  LengthModel out = prior;
  out.variance = prior.variance * kInitialVarianceScale;
  if (x > 0 && y > 0) out.mean_ratio = std::clamp(y / x, kMinRatio, kMaxRatio);
  out.headline_ratio = out.mean_ratio;
  return out;
}

LengthModel refit_model(const Alignment& alignment, const SideProfile& ko, const SideProfile& en,
                        const LengthModel& current, const LengthModel& prior) {
  std::vector<double> xs, ys, ws;
  double headline_x = 0, headline_y = 0;
  Eigen::Array<double, kBeadShapeCount, 1> shape_counts =
      Eigen::Array<double, kBeadShapeCount, 1>::Zero();
  for (const Bead& b : alignment) {
    if (const std::size_t k = shape_index(b.ko_size(), b.en_size()); k < kBeadShapeCount)
      shape_counts[k] += 1;
    if (b.ko_size() == 0 || b.en_size() == 0) continue;
    double x = 0, y = 0;
    for (std::uint32_t i = b.ko_begin; i < b.ko_end; ++i) x += ko.length[i];
    for (std::uint32_t j = b.en_begin; j < b.en_end; ++j) y += en.length[j];
    if (x <= 0 || y <= 0) continue;
    if (ko.ending(b.ko_begin, b.ko_end) == LineEnd::kBare &&
        en.ending(b.en_begin, b.en_end) == LineEnd::kBare) {
      headline_x += b.confidence * x;
      headline_y += b.confidence * y;
    }
    if (std::fabs(current.z(x, y)) > kOutlierZ) continue;
    xs.push_back(x);
    ys.push_back(y);
    ws.push_back(b.confidence);
  }
  LengthModel out = prior;
  const Eigen::Map<const Eigen::ArrayXd> x(xs.data(), xs.size()), y(ys.data(), ys.size()),
      w(ws.data(), ws.size());
  if (xs.size() > 0) {
    const double mean_x = (w * x).sum() / std::max(w.sum(), 1e-9);
    const double pseudo_x = kLengthPseudoBeads * mean_x;
    out.mean_ratio = ((w * y).sum() + pseudo_x * prior.mean_ratio) / ((w * x).sum() + pseudo_x);
    out.mean_ratio = std::clamp(out.mean_ratio, kMinRatio, kMaxRatio);
    const Eigen::ArrayXd mean = (x + y / out.mean_ratio) / 2.0;
    const Eigen::ArrayXd residual = y - out.mean_ratio * x;
    const double spread = (w * residual.square() / mean).sum();
    out.variance = (spread + kLengthPseudoBeads * prior.variance) / (w.sum() + kLengthPseudoBeads);
    out.variance = std::clamp(out.variance, kMinVariance, kMaxVariance);
    // Few beads are headlines, so the prior (the body ratio) weighs less than for c.
    const double pseudo_headline = kHeadlinePseudoBeads * mean_x;
    out.headline_ratio =
        (headline_y + pseudo_headline * out.mean_ratio) / (headline_x + pseudo_headline);
    out.headline_ratio = std::clamp(out.headline_ratio, kMinRatio, kMaxRatio);
  }
  const Eigen::Map<const Eigen::Array<double, kBeadShapeCount, 1>> p0(prior.priors.data());
  Eigen::Array<double, kBeadShapeCount, 1> p =
      (shape_counts + kShapePseudoBeads * p0) / (shape_counts.sum() + kShapePseudoBeads);
  for (std::size_t k = 0; k < kBeadShapeCount; ++k)
    if (kBeadShapes[k].ko + kBeadShapes[k].en >= kCappedShapeSegments) p[k] = std::min(p[k], p0[k]);
  p = p.max(kMinPrior);
  p /= p.sum();
  for (std::size_t k = 0; k < kBeadShapeCount; ++k) out.priors[k] = p[k];
  return out;
}

}  // namespace kealign::align_detail
