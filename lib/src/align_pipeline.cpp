// align(): builds both sides' profiles from the scorers, searches (exact or banded), fits the
// length model by EM, and runs a last pass with the word table and the word-translation model
// learnt from the settled path.
#include <algorithm>

#include "align_internal.hpp"
#include "kealign/align.hpp"

namespace kealign {
namespace {

using detail::Band;
using detail::SearchResult;
using detail::SideProfile;

// EM rounds after the first pass (each one a full search); the fit settles after two.
constexpr int kEmRounds = 2;
// How many times a band may be re-centred on the path and widened before it is accepted.
constexpr int kMaxBandRetries = 4;
// Upper bound of the fitted penalty for linking a sentence with a headline (log-odds).
constexpr double kMaxShapeMismatch = 3.0;

std::vector<std::unique_ptr<detail::SegmentScorer>> make_scorers(const AlignOptions& options) {
  std::vector<std::unique_ptr<detail::SegmentScorer>> scorers;
  if (options.anchors) {
    scorers.push_back(detail::make_number_scorer());
    scorers.push_back(detail::make_token_scorer());
    scorers.push_back(detail::make_punctuation_scorer());
    scorers.push_back(detail::make_furniture_scorer());
  }
  if (options.dictionary) scorers.push_back(detail::make_dictionary_scorer(options.dictionary));
  return scorers;
}

SideProfile profile(const SegmentedText& text, detail::Side side,
                    const std::vector<std::unique_ptr<detail::SegmentScorer>>& scorers) {
  SideProfile p;
  detail::annotate_basics(text, p);
  for (const auto& s : scorers) s->annotate(text, side, p);
  return p;
}

// One side empty: every segment of the other stands alone.
Alignment all_unaligned(std::size_t n, std::size_t m) {
  Alignment out;
  for (std::uint32_t i = 0; i < n; ++i) out.push_back({i, i + 1, 0, 0, 1.0});
  for (std::uint32_t j = 0; j < m; ++j)
    out.push_back({static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(n), j, j + 1, 1.0});
  return out;
}

class Searcher {
 public:
  Searcher(const SideProfile& ko, const SideProfile& en, const AlignOptions& options)
      : ko_(ko), en_(en), options_(options) {
    const std::size_t n = ko.size(), m = en.size();
    exact_ = n * m <= options.exact_cells;
    band_ = exact_ ? detail::full_band(n, m) : detail::diagonal_band(n, m, options.band);
  }

  detail::AnchorWeights& weights() { return weights_; }
  void set_translation(std::shared_ptr<const detail::TranslationModel> model) {
    translation_ = std::move(model);
  }

  SearchResult run(const LengthModel& model, bool posteriors) {
    std::size_t width = searched_ ? options_.path_band : options_.band;
    searched_ = true;
    for (int attempt = 0;; ++attempt) {
      detail::AnchorMatrix anchors = detail::build_anchor_matrix(ko_, en_, band_, weights_);
      anchors.translation = translation_;
      SearchResult r = detail::search(ko_, en_, anchors, model, weights_, band_, posteriors);
      if (exact_) return r;
      // Later passes search a narrower band around this path.
      const bool retry = r.touched_edge && attempt < kMaxBandRetries;
      width = retry ? width * 2 : options_.path_band;
      band_ = detail::path_band(r.alignment, ko_.size(), en_.size(), width);
      if (!retry) return r;
    }
  }

 private:
  const SideProfile& ko_;
  const SideProfile& en_;
  const AlignOptions& options_;
  detail::AnchorWeights weights_;
  std::shared_ptr<const detail::TranslationModel> translation_;
  bool exact_ = true;
  bool searched_ = false;
  Band band_;
};

}  // namespace

AlignResult align(const SegmentedText& ko, const SegmentedText& en, const AlignOptions& options) {
  AlignResult result;
  result.model = options.model;
  if (ko.size() == 0 || en.size() == 0) {
    result.alignment = all_unaligned(ko.size(), en.size());
    return result;
  }
  const auto scorers = make_scorers(options);
  SideProfile kp = profile(ko, detail::Side::kKorean, scorers);
  SideProfile ep = profile(en, detail::Side::kEnglish, scorers);
  Searcher searcher(kp, ep, options);
  const bool fit = options.calibration == Calibration::kAuto;
  if (fit) result.model = detail::initial_model(kp, ep, options.model);
  // Intermediate passes need the path only; the last one also computes the posteriors.
  const int passes = 1 + (fit ? kEmRounds : 0) + (options.learn_lexicon ? 1 : 0);
  int pass = 1;
  SearchResult r = searcher.run(result.model, pass == passes);
  if (fit) {
    for (int round = 0; round < kEmRounds; ++round) {
      result.model = detail::refit_model(r.alignment, kp, ep, result.model, options.model);
      r = searcher.run(result.model, ++pass == passes);
    }
  }
  if (options.learn_lexicon) {
    // Fitted on the settled path and used in the last pass only: EM and the word table are learnt
    // without it, so noisy text (OCR) keeps the paths it had.
    searcher.weights().shape_mismatch =
        detail::fit_shape_mismatch(r.alignment, kp, ep, kMaxShapeMismatch);
    detail::add_learned_lexicon(r.alignment, kp, ep, {});
    if (options.translation_model)
      searcher.set_translation(detail::learn_translation_model(r.alignment, kp, ep, {}));
    r = searcher.run(result.model, ++pass == passes);
  }
  result.alignment = std::move(r.alignment);
  return result;
}

}  // namespace kealign
