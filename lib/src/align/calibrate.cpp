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
// The loose component of the scale mixture (LengthModel::loose_share, loose_spread). Its share is
// shrunk towards the prior's by 20 pseudo-beads: a help page of a dozen links keeps the light
// tail of the defaults, a news article of fifty finds its own. Its spread has almost no prior
// (a fifth of a bead): the few loose links of a pair decide it. Bounds: a spread under 2 is no
// longer a tail; a share over a half would make the loose links the norm.
constexpr double kLooseSharePseudoBeads = 20.0;
constexpr double kLooseSpreadPseudoBeads = 0.2;
constexpr double kMinLooseShare = 0.001, kMaxLooseShare = 0.5;
// The mixture EM (and the first pass) start from a heavy tail, a fifth of the links three times
// as wide: started from the defaults' light tail, the path hides it (links that do not fit are
// joined into 2-2 beads or left unlinked) and EM never finds it (docs/decisions/news-alignment.md).
constexpr double kStartLooseShare = 0.2, kStartLooseSpread = 3.0;
// EM iterations of the mixture on one path (a few dozen links: cheap; it settles in about ten).
constexpr int kMixtureIterations = 20;
// Bounds that keep a degenerate pair (identical files, one long line) from breaking the model.
constexpr double kMinRatio = 0.1, kMaxRatio = 10.0, kMinVariance = 0.2, kMaxVariance = 50.0;
constexpr double kMinLooseSpread = 2.0, kMaxLooseSpread = 20.0;
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
                          const Passage& left_out, bool heavy_tail) {
  const auto total = [&](const SideProfile& p, bool korean) {
    const Eigen::Map<const Eigen::ArrayXd> all(p.length.data(), p.length.size());
    if (left_out.korean != korean) return all.sum();
    return all.sum() - all.segment(left_out.begin, left_out.end - left_out.begin).sum();
  };
  const double x = total(ko, true), y = total(en, false);
  LengthModel out = prior;
  out.variance = prior.variance * kInitialVarianceScale;
  if (heavy_tail) {
    out.loose_share = std::max(prior.loose_share, kStartLooseShare);
    out.loose_spread = std::min(prior.loose_spread, kStartLooseSpread);
  }
  if (x > 0 && y > 0) out.mean_ratio = std::clamp(y / x, kMinRatio, kMaxRatio);
  out.headline_ratio = out.mean_ratio;
  return out;
}

LengthModel refit_model(const Alignment& alignment, const SideProfile& ko, const SideProfile& en,
                        const LengthModel& current, const LengthModel& prior, bool fit_tail) {
  std::vector<double> xs, ys, ws;
  xs.reserve(alignment.size());
  ys.reserve(alignment.size());
  ws.reserve(alignment.size());
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
    xs.push_back(x);
    ys.push_back(y);
    ws.push_back(b.confidence);
  }
  LengthModel out = prior;
  const Eigen::Map<const Eigen::ArrayXd> x(xs.data(), xs.size()), y(ys.data(), ys.size()),
      w(ws.data(), ws.size());
  if (xs.size() > 0) {
    // The mixture's own EM on this path, from the current model.
    LengthModel m = current;
    double mean_x = 0;
    // Sized once: the iterations assign into them rather than allocate eight arrays each.
    const Eigen::Index size = x.size();
    Eigen::ArrayXd z(size), close_density(size), loose_density(size), loose(size), w_close(size),
        w_loose(size), mean(size), spread(size);
    for (int iteration = 0; iteration < kMixtureIterations; ++iteration) {
      // E step: each link's responsibility of the loose component.
      z = (y - m.mean_ratio * x) / (m.variance * (x + y / m.mean_ratio) / 2.0).sqrt();
      const double k = m.loose_spread, share = m.loose_share;
      close_density = (1 - share) * (-z.square() / 2).exp();
      loose_density = share / k * (-z.square() / (2 * k * k)).exp();
      loose = loose_density / (close_density + loose_density).max(1e-300);
      w_close = w * (1 - loose);
      w_loose = w * loose;
      // M step: c and s^2 from the close links, shrunk towards the prior's.
      mean_x = (w_close * x).sum() / std::max(w_close.sum(), 1e-9);
      const double pseudo_x = kLengthPseudoBeads * mean_x;
      m.mean_ratio =
          ((w_close * y).sum() + pseudo_x * prior.mean_ratio) / ((w_close * x).sum() + pseudo_x);
      m.mean_ratio = std::clamp(m.mean_ratio, kMinRatio, kMaxRatio);
      mean = (x + y / m.mean_ratio) / 2.0;
      spread = (y - m.mean_ratio * x).square() / mean;
      m.variance = ((w_close * spread).sum() + kLengthPseudoBeads * prior.variance) /
                   (w_close.sum() + kLengthPseudoBeads);
      m.variance = std::clamp(m.variance, kMinVariance, kMaxVariance);
      const double prior_loose = prior.variance * prior.loose_spread * prior.loose_spread;
      const double loose_variance =
          ((w_loose * spread).sum() + kLooseSpreadPseudoBeads * prior_loose) /
          (w_loose.sum() + kLooseSpreadPseudoBeads);
      if (!fit_tail) continue;
      m.loose_spread =
          std::clamp(std::sqrt(loose_variance / m.variance), kMinLooseSpread, kMaxLooseSpread);
      m.loose_share = std::clamp((w_loose.sum() + kLooseSharePseudoBeads * prior.loose_share) /
                                     (w.sum() + kLooseSharePseudoBeads),
                                 kMinLooseShare, kMaxLooseShare);
    }
    out.mean_ratio = m.mean_ratio;
    out.variance = m.variance;
    out.loose_share = m.loose_share;
    out.loose_spread = m.loose_spread;
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
