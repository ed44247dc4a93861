// align(): builds both sides' profiles from the scorers, searches (exact or banded), fits the
// length model by EM, and runs a last pass with the word table and the word-translation model
// learnt from the settled path.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>

#include "align_internal.hpp"
#include "kealign/align.hpp"
#include "kealign/error.hpp"
#include "kealign/lexicon.hpp"

#if defined(__unix__)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace kealign {
namespace {

using align_detail::Band;
using align_detail::SearchResult;
using align_detail::SideProfile;

// EM rounds after the first pass (each one a full search); the fit settles after two.
constexpr int kEmRounds = 2;
// How many times a band may be re-centred on the path and widened before it is accepted.
constexpr int kMaxBandRetries = 4;
// Segments either way within which a key must be unique on each side to guide the first pass.
constexpr std::size_t kGuideWindow = 2000;
// Upper bound of the fitted penalty for linking a sentence with a headline (log-odds).
constexpr double kMaxShapeMismatch = 3.0;
// Transitions between null beads in the last pass (log-odds): a 1-0 (0-1) bead of a sentence after
// another earns kNullRunBonus, a 1-0 after a 0-1 or back pays kNullSwitchPenalty (AnchorWeights).
constexpr double kNullRunBonus = 1.0;
constexpr double kNullSwitchPenalty = 0.5;
// The exact search's later passes keep to a corridor around the previous path (AlignOptions::
// corridor) unless that path leaves more than this share of the segments unaligned: a partial
// translation or a mismatched pair, whose Model 1 pass may find a path far from it (true
// LibreOffice pages leave under 10%, the seed article 11%, its English half against the whole
// Korean 20%; decisions/banding.md).
constexpr double kCorridorMaxUnaligned = 0.1;
// Pairs up to this many grid cells (about a thousand segments a side, the default exact_cells)
// are searched a second time from a heavy length tail; a longer pair would double its time.
constexpr std::size_t kHeavyTailCells = std::size_t{1} << 20;
// A loosely translated pair (news): the first search's fitted s^2 above kLooseVariance, judged on
// at least kLooseMinLinks 1-1 links (a spread fitted on fewer is noise). Its heavy-tail search
// learns Model 1 with mixture kLooseMixture: a document's own model explains about 60% of a news
// link's words, and at 0.985 each word it cannot explain makes merges and links cost more than
// nulls (docs/decisions/news-alignment.md). s^2 of the first search: LibreOffice pages 1-4 (short
// ones above 5), Text+Berg chapters 1.5-4.7, news blocks 3-11.5.
constexpr double kLooseVariance = 5.0;
constexpr std::size_t kLooseMinLinks = 30;
constexpr double kLooseMixture = 0.9;
// estimate_align_memory, fitted to the peak resident memory of `kealign align` (checks on) on
// copies of the seed pair in three shapes (sentences, paragraphs as lines, a whole article per
// line; bench/huge_inputs.sh and docs/decisions/memory.md) and rounded up, so that the estimate is
// a little above the need: the program and its tables; per text byte the texts (read, segmented,
// written) and the aligner's tokens and profiles, about 10 bytes; per segment its profile, Model 1
// ids, search cells and the checks' records, several hundred bytes.
constexpr std::size_t kBaseMemory = std::size_t{24} << 20;
constexpr std::size_t kMemoryPerTextByte = 11;
constexpr std::size_t kMemoryPerSegment = 1024;

std::size_t megabytes(std::size_t bytes) {
  return (bytes + (std::size_t{1} << 20) - 1) >> 20;
}

// At least the process's peak resident memory so far (the largest size_t where unknown).
std::size_t peak_resident_memory() {
#if defined(__linux__)
  rusage usage{};  // ru_maxrss in kilobytes
  if (getrusage(RUSAGE_SELF, &usage) == 0) return static_cast<std::size_t>(usage.ru_maxrss) * 1024;
#endif
  return static_cast<std::size_t>(-1);
}

// AlignOptions::max_memory between passes: the estimate up front may be low for an unusual pair.
class MemoryGuard {
 public:
  MemoryGuard(const SegmentedText& ko, const SegmentedText& en, std::size_t limit)
      : ko_(ko), en_(en), limit_(limit) {}
  // Throws MemoryLimitError when the estimate for the pair is above the limit.
  void check_estimate() const {
    if (limit_ == 0) return;
    const std::size_t need = estimate_align_memory(
        ko_.size() + en_.size(), ko_.document.text.size() + en_.document.text.size());
    if (need > limit_)
      throw MemoryLimitError(fmt::format(
          "aligning {} ({} segments) with {} ({} segments) needs about {} MB, more than the limit "
          "of {} MB",
          ko_.document.name, ko_.size(), en_.document.name, en_.size(), megabytes(need),
          megabytes(limit_)));
  }
  // Throws MemoryLimitError when the process's resident memory is above the limit.
  void check_resident() const {
    if (limit_ == 0) return;
    // The peak is one system call where the current size opens and reads a file (at every pass
    // of every pair); only a peak above the limit can hide a current size above it.
    if (peak_resident_memory() <= limit_) return;
    const std::size_t used = resident_memory();
    if (used > limit_)
      throw MemoryLimitError(
          fmt::format("aligning {} with {} took {} MB, more than the limit of {} MB",
                      ko_.document.name, en_.document.name, megabytes(used), megabytes(limit_)));
  }

 private:
  const SegmentedText& ko_;
  const SegmentedText& en_;
  std::size_t limit_;
};

std::vector<std::unique_ptr<align_detail::SegmentScorer>> make_scorers(
    const AlignOptions& options) {
  std::vector<std::unique_ptr<align_detail::SegmentScorer>> scorers;
  if (options.anchors) {
    scorers.push_back(align_detail::make_number_scorer());
    scorers.push_back(align_detail::make_token_scorer());
    scorers.push_back(align_detail::make_punctuation_scorer());
    scorers.push_back(align_detail::make_furniture_scorer());
  }
  if (options.dictionary)
    scorers.push_back(align_detail::make_dictionary_scorer(options.dictionary));
  return scorers;
}

SideProfile profile(const SegmentedText& text, align_detail::Side side,
                    const std::vector<std::unique_ptr<align_detail::SegmentScorer>>& scorers) {
  SideProfile p;
  align_detail::annotate_basics(text, p);
  for (const auto& s : scorers) s->annotate(text, side, p);
  // Only the scorers read the tokens; the search keeps the profile (and its memory) to the end.
  p.tokens.clear();
  p.tokens.shrink_to_fit();
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

// The prior of the document's Model 1: the collection lexicon, else the dictionary's own table.
const align_detail::LexiconIndex* prior_lexicon(const AlignOptions& options) {
  if (options.lexicon) return &options.lexicon->index();
  if (options.dictionary) return &options.dictionary->lexicon()->index();
  return nullptr;
}

// The share of the pair's segments that `path` leaves in 1-0 and 0-1 beads.
double unaligned_share(const Alignment& path, std::size_t n, std::size_t m) {
  std::size_t alone = 0;
  for (const Bead& b : path)
    if (b.ko_size() == 0 || b.en_size() == 0) alone += b.ko_size() + b.en_size();
  return n + m == 0 ? 0.0 : static_cast<double>(alone) / static_cast<double>(n + m);
}

// Whether two paths hold the same beads (confidences aside).
bool same_beads(const Alignment& a, const Alignment& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Bead& x, const Bead& y) {
    return x.ko_begin == y.ko_begin && x.ko_end == y.ko_end && x.en_begin == y.en_begin &&
           x.en_end == y.en_end;
  });
}

// Whether the first search found the pair loosely translated (kLooseVariance).
bool loosely_translated(const LengthModel& model, const Alignment& path) {
  std::size_t links = 0;
  for (const Bead& b : path) links += b.ko_size() == 1 && b.en_size() == 1;
  return links >= kLooseMinLinks && model.variance > kLooseVariance;
}

// Whether a path shows what a hidden heavy length tail leaves: a 2-2 bead, or a 1-0 bead beside
// a 0-1 bead (a link that did not fit, left out); or a merge it missed: a segment left unlinked
// beside a link whose other side holds two sentences.
bool hides_links(const Alignment& path, const SideProfile& ko, const SideProfile& en) {
  const auto holds_two = [](const SideProfile& p, std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t k = from; k < to; ++k)
      if (p.inner_ends[k] > 0) return true;
    return false;
  };
  for (std::size_t k = 0; k < path.size(); ++k) {
    const Bead& b = path[k];
    // A segment left unlinked beside a link whose other side holds two sentences.
    if (b.ko_size() + b.en_size() == 1)
      for (std::size_t n : {k - 1, k + 1}) {
        if (n >= path.size()) continue;
        const Bead& c = path[n];
        if (c.ko_size() == 0 || c.en_size() == 0) continue;
        if (b.ko_size() == 1 ? holds_two(en, c.en_begin, c.en_end)
                             : holds_two(ko, c.ko_begin, c.ko_end))
          return true;
      }
    if (b.ko_size() + b.en_size() >= 3) return true;
    if (k + 1 < path.size() && b.ko_size() + b.en_size() == 1) {
      const Bead& c = path[k + 1];
      if (c.ko_size() + c.en_size() == 1 && c.ko_size() != b.ko_size()) return true;
    }
  }
  return false;
}

// The passes of one pair: the exact DP for short documents; for long ones a band around the
// anchor-first path (first pass) or the previous pass's path, widened while the path touches it.
class Searcher {
 public:
  Searcher(const SideProfile& ko, const SideProfile& en, const AlignOptions& options,
           const MemoryGuard& guard)
      : ko_(ko), en_(en), options_(options), guard_(guard) {
    exact_ = ko.size() * en.size() <= options.exact_cells;
    if (!exact_) guide_ = align_detail::anchor_chain(ko, en, kGuideWindow);
  }

  align_detail::AnchorWeights& weights() { return weights_; }
  // The profiles' keys changed (a learnt word table): the next pass builds its anchor matrix anew.
  void keys_changed() { anchors_.reset(); }
  void set_translation(std::shared_ptr<const align_detail::TranslationModel> model) {
    translation_ = std::move(model);
  }
  const std::shared_ptr<const align_detail::TranslationModel>& translation() const {
    return translation_;
  }
  // The previous pass's path (the next pass's corridor or band follows it).
  const Alignment& path() const { return path_; }
  void set_path(Alignment path) { path_ = std::move(path); }

  // One pass over a band of half-width `width` (the exact search: the whole grid, or after its
  // first pass a corridor of AlignOptions::corridor around the previous path).
  SearchResult run(const LengthModel& model, std::size_t width, bool posteriors) {
    const std::size_t n = ko_.size(), m = en_.size();
    const bool whole = exact_ && (path_.empty() || options_.corridor == 0 ||
                                  unaligned_share(path_, n, m) > kCorridorMaxUnaligned);
    if (exact_ && !whole) width = options_.corridor;
    for (int attempt = 0;; ++attempt) {
      Band band = whole           ? align_detail::full_band(n, m)
                  : path_.empty() ? align_detail::guided_band(guide_, n, m, width)
                                  : align_detail::path_band(path_, n, m, width);
      // The matrix depends on the keys, the band and the anchor weights, which the passes before
      // the last share. The exact search builds it over the whole grid whatever its corridor, so a
      // bead scores the same in either.
      if (exact_) {
        if (!anchors_)
          anchors_ =
              align_detail::build_anchor_matrix(ko_, en_, align_detail::full_band(n, m), weights_);
        band_ = std::move(band);
      } else if (!anchors_ || band.lo != band_.lo || band.hi != band_.hi) {
        anchors_ = align_detail::build_anchor_matrix(ko_, en_, band, weights_);
        band_ = std::move(band);
      }
      anchors_->translation = translation_;
      // The exact search's confidences sum over its whole band (grid or corridor).
      SearchResult r = align_detail::search(ko_, en_, *anchors_, model, weights_, band_, posteriors,
                                            exact_ ? 0 : options_.posterior_band);
      guard_.check_resident();
      path_ = r.alignment;
      if (whole || !r.touched_edge || attempt >= kMaxBandRetries) return r;
      width *= 2;  // re-centred on this path
    }
  }

 private:
  const SideProfile& ko_;
  const SideProfile& en_;
  const AlignOptions& options_;
  const MemoryGuard& guard_;
  align_detail::AnchorWeights weights_;
  std::shared_ptr<const align_detail::TranslationModel> translation_;
  bool exact_ = true;
  std::vector<align_detail::GuidePoint> guide_;  // the anchor-first path (banded search only)
  Alignment path_;                               // the previous pass's path
  Band band_;  // the band searched (banded search: also the one anchors_ was built for)
  std::optional<align_detail::AnchorMatrix> anchors_;
};

// Adds `odds` to the stand-alone odds of the passage's segments for as long as it lives.
class PassageOdds {
 public:
  PassageOdds(SideProfile& ko, SideProfile& en, const align_detail::Passage& passage, double odds)
      : alone_(passage.korean ? ko.alone : en.alone),
        begin_(passage.begin),
        saved_(alone_.begin() + passage.begin, alone_.begin() + passage.end) {
    for (std::uint32_t k = passage.begin; k < passage.end; ++k)
      alone_[k] += static_cast<float>(odds);
  }
  ~PassageOdds() { std::copy(saved_.begin(), saved_.end(), alone_.begin() + begin_); }
  PassageOdds(const PassageOdds&) = delete;
  PassageOdds& operator=(const PassageOdds&) = delete;

 private:
  std::vector<float>& alone_;
  std::uint32_t begin_;
  std::vector<float> saved_;  // the passage's odds before
};

// Every pass of one pair: the first from `model`, EM rounds refitting it, the last with the word
// table and Model 1. `missing` (possibly empty) is a passage of one side the translation lacks: it
// does not count in the initial length ratio, and its null beads earn AlignOptions::passage_odds.
// prior_ratio: EM starts from the prior's length ratio instead of the pair's whole-text ratio.
// judged: where not null, the path relatedness is to be judged on (see below).
SearchResult search_pair(SideProfile& kp, SideProfile& ep, const AlignOptions& options,
                         const MemoryGuard& guard, LengthModel& model,
                         const align_detail::Passage& missing, bool prior_ratio = false,
                         bool heavy_tail = false,
                         const align_detail::TranslationOptions& translation = {},
                         Alignment* judged = nullptr) {
  Searcher searcher(kp, ep, options, guard);
  // Sentences inside a segment speak for a merge only in the search from the heavy tail, the one
  // that looks for merges: the path relatedness is judged on stays as it was, for a mismatched
  // pair links more segments when a segment's sentences may pair with two of the other side.
  if (!heavy_tail) searcher.weights().sentence_match = 0;
  const bool fit = options.calibration == Calibration::kAuto;
  if (fit) model = align_detail::initial_model(kp, ep, options.model, missing, heavy_tail);
  if (fit && prior_ratio) model.mean_ratio = model.headline_ratio = options.model.mean_ratio;
  const PassageOdds odds(kp, ep, missing, options.passage_odds);
  // Intermediate passes need the path only; the last one also computes the posteriors.
  const int passes = 1 + (fit ? kEmRounds : 0) + (options.learn_lexicon ? 1 : 0);
  int pass = 1;
  // EM passes only fit the model, so they search a narrower band than the last one.
  const auto width = [&](int p) { return p == passes ? options.path_band : options.fit_band; };
  SearchResult r = searcher.run(model, options.band, pass == passes);
  if (fit) {
    for (int round = 0; round < kEmRounds; ++round) {
      model = align_detail::refit_model(r.alignment, kp, ep, model, options.model, heavy_tail);
      ++pass;
      r = searcher.run(model, width(pass), pass == passes);
    }
  }
  if (options.learn_lexicon) {
    // Fitted on the settled path and used in the last pass only: EM and the word table are learnt
    // without it, so noisy text (OCR) keeps the paths it had.
    searcher.weights().shape_mismatch =
        align_detail::fit_shape_mismatch(r.alignment, kp, ep, kMaxShapeMismatch);
    // Last pass only: in the EM passes the runs they make would raise the fitted null priors.
    searcher.weights().null_run = kNullRunBonus;
    searcher.weights().null_switch = kNullSwitchPenalty;
    searcher.keys_changed();
    align_detail::add_learned_lexicon(r.alignment, kp, ep, {});
    std::shared_ptr<const align_detail::TranslationModel> fixed;  // at the judged share
    if (options.translation_model) {
      auto fitted = align_detail::learn_translation_model(r.alignment, kp, ep, translation,
                                                          prior_lexicon(options));
      if (judged)
        fixed = align_detail::translation_at_mixture(fitted, translation.judged_mixture,
                                                     translation.judged_weight);
      searcher.set_translation(std::move(fitted));
    }
    ++pass;
    const Alignment settled = searcher.path();
    r = searcher.run(model, width(pass), pass == passes);
    // Relatedness is judged on a path whose Model 1 share does not move with the pair: at a
    // fitted share under about 0.7 an unrelated pair's sentences of similar length link up. The
    // same last pass again, from the same settled path, at the fixed share (its path only).
    if (judged && fixed && fixed != searcher.translation()) {
      searcher.set_translation(std::move(fixed));
      Alignment kept = searcher.path();
      searcher.set_path(settled);
      *judged = searcher.run(model, width(pass), false).alignment;
      searcher.set_path(std::move(kept));
      return r;
    }
  }
  if (judged) *judged = r.alignment;
  return r;
}

}  // namespace

std::size_t estimate_align_memory(std::size_t segments, std::size_t text_bytes) {
  return kBaseMemory + kMemoryPerTextByte * text_bytes + kMemoryPerSegment * segments;
}

std::size_t resident_memory() {
#if defined(__linux__)
  std::ifstream statm("/proc/self/statm");
  std::size_t size = 0, resident = 0;
  if (statm >> size >> resident) return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
#endif
  return 0;
}

std::size_t physical_memory() {
#if defined(_SC_PHYS_PAGES) && defined(_SC_PAGESIZE)
  const long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
  if (pages > 0 && size > 0)
    return static_cast<std::size_t>(pages) * static_cast<std::size_t>(size);
#endif
  return 0;
}

AlignResult align(const SegmentedText& ko, const SegmentedText& en, const AlignOptions& options) {
  const MemoryGuard guard(ko, en, options.max_memory);
  guard.check_estimate();
  AlignResult result;
  result.model = options.model;
  const auto scorers = make_scorers(options);
  SideProfile kp = profile(ko, align_detail::Side::kKorean, scorers);
  SideProfile ep = profile(en, align_detail::Side::kEnglish, scorers);
  guard.check_resident();
  // Model 1's share is fitted to the pair's held-out words in the searches, and relatedness is
  // judged on the same last pass at a fixed share and weight (search_pair). A pair too long to
  // search twice (kHeavyTailCells) is searched once, as it is judged.
  const bool short_pair = ko.size() * en.size() <= kHeavyTailCells;
  const auto as_searched = [&](align_detail::TranslationOptions translation) {
    if (short_pair) return translation;
    translation.fit_mixture = false;
    translation.mixture = translation.judged_mixture;
    translation.weight = translation.judged_weight;
    return translation;
  };
  // One side empty: nothing to search (measure_relatedness judges such a pair).
  Alignment judged_path;
  result.alignment = ko.size() == 0 || en.size() == 0
                         ? all_unaligned(ko.size(), en.size())
                         : search_pair(kp, ep, options, guard, result.model, {}, false, false,
                                       as_searched({}), &judged_path)
                               .alignment;
  if (judged_path.empty()) judged_path = result.alignment;
  result.relatedness = align_detail::measure_relatedness(judged_path, kp, ep, options.relatedness);
  // The relatedness score of the path kept, which another search's path must beat.
  double kept_score =
      same_beads(judged_path, result.alignment)
          ? result.relatedness.score
          : align_detail::measure_relatedness(result.alignment, kp, ep, options.relatedness).score;
  // Searches the pair again and keeps the new path if it shows the translation better (the
  // relatedness score; on a tie the new path only if `ties`). The heavy-tail search is not judged
  // (below); the others are, on their own path at the fixed share.
  const auto search_again = [&](const align_detail::Passage& missing, bool prior_ratio, bool ties,
                                bool heavy_tail = false,
                                const align_detail::TranslationOptions& translation = {}) {
    LengthModel model = result.model;
    // Started afresh: the first search's word table would steer this one onto its path.
    if (heavy_tail) align_detail::remove_learned_lexicon(kp, ep);
    Alignment judged;
    Alignment again = search_pair(kp, ep, options, guard, model, missing, prior_ratio, heavy_tail,
                                  as_searched(translation), heavy_tail ? nullptr : &judged)
                          .alignment;
    Relatedness shown = align_detail::measure_relatedness(again, kp, ep, options.relatedness);
    if (ties ? shown.score < kept_score : shown.score <= kept_score) return false;
    kept_score = shown.score;
    result.relatedness =
        heavy_tail || same_beads(judged, again)
            ? shown
            : align_detail::measure_relatedness(judged, kp, ep, options.relatedness);
    result.alignment = std::move(again);
    result.model = model;
    return true;
  };
  // The first search keeps the defaults' light length tail, which a news path hides (links that
  // do not fit are joined into 2-2 beads or left unlinked). When the path shows a merge or a 1-0
  // beside a 0-1, the pair is searched again with the tail fitted from a heavy start (which alone
  // would read a true 1-2 as a 1-1 beside a 1-3), and the path that shows the translation better
  // is kept, the heavy one on a tie (docs/decisions/news-alignment.md); short pairs only.
  if (options.calibration == Calibration::kAuto && ko.size() != 0 && en.size() != 0 &&
      ko.size() * en.size() <= kHeavyTailCells && hides_links(result.alignment, kp, ep)) {
    // Whether the texts are related is judged on the first path: under a heavy tail unrelated
    // sentences of similar length link up, and the better of two paths flatters any pair (a
    // pair the first path cannot tell stays so).
    const Relatedness first = result.relatedness;
    align_detail::TranslationOptions translation;
    // Only here, where relatedness is not judged (in the first search an unrelated pair's path
    // would link more), and not with a collection lexicon or dictionary behind t, which explains
    // most of a link's words.
    if (loosely_translated(result.model, result.alignment) && prior_lexicon(options) == nullptr)
      translation.mixture = kLooseMixture;
    if (search_again({}, false, true, true, translation) && (!first.related || first.uncertain))
      result.relatedness = first;
  }
  // A translation of part of the text: searched again with the missing passage's segments
  // standing alone at little cost, as the measure prices it once, not per segment. The search
  // that shows the translation better is kept: judged by the second alone, 1% more partial
  // translations were refused (docs/decisions/passage-odds.md).
  const auto search_passage = [&] {
    const Relatedness& r = result.relatedness;
    if (r.missing_gain <= 0 || options.passage_odds <= 0) return false;
    search_again({r.missing_korean, r.missing_begin, r.missing_end}, false, true);
    return true;
  };
  if (search_passage() || options.calibration != Calibration::kAuto || options.restart_ratio <= 0)
    return result;
  // A partial translation the measure could not name: its whole-text length ratio is far off, so
  // EM starts from a wrong c and scatters the links. Searched again from the prior's ratio; if
  // that shows the translation better, its missing passage may now be named
  // (docs/decisions/restart-ratio.md).
  const double start = align_detail::initial_model(kp, ep, options.model, {}).mean_ratio;
  if (std::fabs(std::log(start / options.model.mean_ratio)) > std::log(options.restart_ratio) &&
      search_again({}, true, false))
    search_passage();
  return result;
}

}  // namespace kealign
