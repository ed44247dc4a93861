// IBM Model 1 word-translation evidence (Moore 2002): t(e|f) in both directions, learnt by EM from
// the 1-1 beads of a settled path over word stems, turned into a log-likelihood ratio per bead
// against a unigram model of the target side (TranslationOptions); with a collection lexicon
// (lexicon.hpp), its t is the prior of the document's own.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "align_internal.hpp"
#include "fast_log.hpp"
#include "model_one.hpp"

namespace kealign::align_detail {

// One direction of the model: source words f, target words e.
struct TranslationDirection {
  // What a bead's score needs of a target word e, together so that it is one load per word.
  struct Word {
    float null_t = 0;       // t(e|NULL)
    float log_unigram = 0;  // log P(e), P(e) (a float) on the target side
    double background = 0;  // (1 - mixture) P(e): the unigram share of P(e | segment)
  };
  // Per source word f: t(e|f) of the e it keeps. A segment's sums (source_sums) are merged from
  // these when the search needs them: kept per segment they were most of the aligner's memory.
  std::vector<SparseRow> table;
  // Per source segment of a training bead: its target segment (else kNoTarget) and the sums of
  // t(e|f) re-estimated without that bead's own counts, so that a bead is not scored with what
  // it taught the model (leave-one-out): a path's shifted links would otherwise vouch for
  // themselves.
  static constexpr std::uint32_t kNoTarget = 0xFFFFFFFFu;
  std::vector<std::uint32_t> held_out_target;
  std::vector<SparseRow> held_out_sums;
  std::vector<Word> words;  // by e
  // Share of Model 1 in P(e | segment), the rest unigram (TranslationOptions::mixture, or the
  // share that best explains the training beads' held-out words, fit_mixture).
  double mixture = 0;
  // Per target segment: its words that occurred in a training bead (the others are not scored).
  std::vector<std::vector<std::uint32_t>> trained;
};
using Direction = TranslationDirection;

namespace {

// Stems of every segment of a side as dense ids (sorted per segment), and the vocabulary size.
std::uint32_t dense_ids(const SideProfile& side, std::vector<std::vector<std::uint32_t>>& ids,
                        std::unordered_map<std::uint64_t, std::uint32_t>& vocab) {
  ids.assign(side.size(), {});
  for (std::size_t i = 0; i < side.size(); ++i) {
    ids[i].reserve(side.stems[i].size());
    for (std::uint64_t s : side.stems[i])
      ids[i].push_back(
          vocab.try_emplace(s, static_cast<std::uint32_t>(vocab.size())).first->second);
    std::sort(ids[i].begin(), ids[i].end());
  }
  return static_cast<std::uint32_t>(vocab.size());
}

// Direction::held_out_sums: for each training bead, t(e|f) of its own word pairs recomputed from
// the last E-step's counts less everything the bead added to them (every position of a repeated
// word included), summed over the bead's source words. A count or total that only this bead
// holds is 0 exactly, not the difference of a double and its float shares: that difference is
// rounding error, and the ratio of two such differences is any number, so a path's unshared
// words would vouch for its links. t(e|NULL) is shared by every bead and kept as it is.
void hold_out(const std::vector<std::vector<std::uint32_t>>& src,
              const std::vector<std::vector<std::uint32_t>>& tgt,
              const std::vector<std::pair<std::uint32_t, std::uint32_t>>& beads, const ModelOne& m,
              const ModelOnePrior& prior, const TranslationOptions& options, Direction& d) {
  d.held_out_target.assign(src.size(), Direction::kNoTarget);
  d.held_out_sums.assign(src.size(), {});
  // How many beads hold each slot and each source word (counted once per bead).
  std::vector<std::uint32_t> slot_beads(m.slot_pair.size(), 0), word_beads(m.total.size(), 0);
  std::vector<std::uint32_t> last_bead(m.slot_pair.size(), 0xFFFFFFFFu);
  std::vector<std::uint32_t> last_word_bead(m.total.size(), 0xFFFFFFFFu);
  for (std::size_t b = 0; b < beads.size(); ++b) {
    const auto bead = static_cast<std::uint32_t>(b);
    for (std::size_t k = m.slots_at[b]; k < m.slots_at[b + 1]; ++k) {
      const std::uint32_t slot = m.bead_slots[k];
      if (last_bead[slot] != bead) last_bead[slot] = bead, ++slot_beads[slot];
      const std::uint32_t f = m.slot_pair[slot].first;
      if (last_word_bead[f] != bead) last_word_bead[f] = bead, ++word_beads[f];
    }
  }
  // The bead's own count per slot and total per source word, summed over all its positions.
  std::vector<double> own_count(m.slot_pair.size(), 0.0), own_total(m.total.size(), 0.0);
  for (std::size_t b = 0; b < beads.size(); ++b) {
    const auto [source, target] = beads[b];
    const std::size_t width = m.row_width[b];
    const std::uint32_t* slots = m.bead_slots.data() + m.slots_at[b];
    const float* share = m.shares.data() + m.slots_at[b];
    const std::size_t size = m.slots_at[b + 1] - m.slots_at[b];
    for (std::size_t k = 0; k < size; ++k) {
      own_count[slots[k]] += share[k];
      own_total[m.slot_pair[slots[k]].first] += share[k];
    }
    SparseRow& row = d.held_out_sums[source];
    row.reserve(size / width);
    for (std::size_t at = 0, q = 0; at < size; at += width, ++q) {
      double sum = 0;
      for (std::size_t p = 1; p < width; ++p) {
        const std::uint32_t slot = slots[at + p];
        const std::uint32_t f = m.slot_pair[slot].first;
        const double mass = prior.mass_of(f);
        const double count =
            slot_beads[slot] > 1 ? std::max(0.0, m.count[slot] - own_count[slot]) : 0.0;
        const double rest =
            (word_beads[f] > 1 ? std::max(0.0, m.total[f] - own_total[f]) : 0.0) + mass;
        const double t = rest > 0 ? (count + mass * prior.t_of(slot)) / rest : 0.0;
        if (t >= options.min_probability) sum += t;
      }
      row.emplace_back(tgt[target][q], static_cast<float>(sum));
    }
    for (std::size_t k = 0; k < size; ++k) {
      own_count[slots[k]] = 0;
      own_total[m.slot_pair[slots[k]].first] = 0;
    }
    d.held_out_target[source] = target;
  }
}

// Direction::mixture and the unigram share of each word that follows from it.
void set_mixture(Direction& d, double mixture) {
  d.mixture = mixture;
  for (Direction::Word& w : d.words) w.background = (1 - mixture) * std::exp(w.log_unigram);
}

// Direction::mixture fitted by EM to the training beads' target words scored held out (a
// bead's words t explains only through its own counts count as unexplained): the share of a
// pair's words its own Model 1 explains, at most options.mixture.
void fit_mixture(const std::vector<std::vector<std::uint32_t>>& src,
                 const std::vector<std::pair<std::uint32_t, std::uint32_t>>& beads,
                 const TranslationOptions& options, Direction& d) {
  std::vector<std::pair<double, double>> words;  // (Model 1, unigram) of each held-out word
  for (const auto& [source, target] : beads) {
    const SparseRow& sums = d.held_out_sums[source];
    const double count = 1.0 + static_cast<double>(src[source].size());
    auto it = sums.begin();
    for (std::uint32_t e : d.trained[target]) {
      while (it != sums.end() && it->first < e) ++it;
      const double t = d.words[e].null_t + (it != sums.end() && it->first == e ? it->second : 0.0);
      words.emplace_back(t / count, std::exp(d.words[e].log_unigram));
    }
  }
  if (words.empty()) return;
  double mixture = options.mixture;
  for (int iteration = 0; iteration < options.mixture_iterations; ++iteration) {
    double explained = 0;
    for (const auto& [model, unigram] : words) {
      const double p = mixture * model;
      explained += p / (p + (1 - mixture) * unigram);
    }
    mixture = std::min(options.mixture, explained / static_cast<double>(words.size()));
  }
  d.mixture = std::max(options.min_mixture, mixture);
}

// Model 1 of one direction from the beads; lexicon: per source word the collection's (e, t),
// sorted, the prior of t (empty without a collection lexicon).
Direction train(const std::vector<std::vector<std::uint32_t>>& src, std::uint32_t src_vocab,
                const std::vector<std::vector<std::uint32_t>>& tgt, std::uint32_t tgt_vocab,
                const std::vector<std::pair<std::uint32_t, std::uint32_t>>& beads,
                const std::vector<SparseRow>& lexicon, const TranslationOptions& options) {
  ModelOne m = model_one_slots(src, src_vocab, tgt, tgt_vocab, beads);
  const std::uint32_t null_word = m.null_word;
  const auto& slot_pair = m.slot_pair;
  ModelOnePrior prior;  // a collection lexicon's, if any
  if (!lexicon.empty()) {
    prior.t.assign(slot_pair.size(), 0.0f);
    prior.mass.assign(src_vocab + 1, 0.0);
    for (std::uint32_t f = 0; f < lexicon.size(); ++f)
      if (!lexicon[f].empty()) prior.mass[f] = options.lexicon_weight;
    for (std::size_t k = 0; k < slot_pair.size(); ++k) {
      const auto [f, e] = slot_pair[k];
      if (f == null_word) continue;
      const SparseRow& row = lexicon[f];
      const auto it = std::lower_bound(row.begin(), row.end(), std::make_pair(e, 0.0f));
      if (it != row.end() && it->first == e) prior.t[k] = it->second;
    }
  }
  train_model_one(m, prior, options.iterations);
  const auto& t = m.t;
  const auto& total = m.total;
  std::vector<bool>& trained = m.trained;

  Direction d;
  d.words.resize(tgt_vocab);
  std::vector<SparseRow> table(src_vocab);
  {
    // Sized first: grown one pair at a time, the rows cost more in copies than in filling.
    std::vector<std::uint32_t> kept(src_vocab, 0);
    for (std::size_t k = 0; k < t.size(); ++k)
      if (slot_pair[k].first != null_word && t[k] >= options.min_probability)
        ++kept[slot_pair[k].first];
    for (std::uint32_t f = 0; f < src_vocab; ++f) table[f].reserve(kept[f]);
  }
  for (std::size_t k = 0; k < t.size(); ++k) {
    const auto [f, e] = slot_pair[k];
    if (f == null_word)
      d.words[e].null_t = static_cast<float>(t[k]);
    else if (t[k] >= options.min_probability)
      table[f].emplace_back(e, static_cast<float>(t[k]));
  }
  // Pairs of the collection that never met in this document's beads: the prior alone.
  if (!lexicon.empty()) {
    std::unordered_set<std::uint64_t> met;
    for (const auto& [f, e] : slot_pair) met.insert(std::uint64_t{f} * tgt_vocab + e);
    for (std::uint32_t f = 0; f < lexicon.size(); ++f) {
      const double scale = prior.mass[f] / (total[f] + prior.mass[f]);
      for (const auto& [e, value] : lexicon[f]) {
        if (met.count(std::uint64_t{f} * tgt_vocab + e)) continue;
        if (scale * value < options.min_probability) continue;
        table[f].emplace_back(e, static_cast<float>(scale * value));
        trained[e] = true;
      }
    }
  }
  d.table = std::move(table);
  std::vector<double> occurrences(tgt_vocab, 0.0);
  double all = 0;
  for (const auto& words : tgt)
    for (std::uint32_t e : words) occurrences[e] += 1, all += 1;
  for (std::uint32_t e = 0; e < tgt_vocab; ++e) {
    const auto unigram = static_cast<float>(occurrences[e] / std::max(all, 1.0));
    d.words[e].log_unigram = std::log(unigram);
  }
  if (options.iterations > 0)  // else nothing was learnt from the beads to hold out
    hold_out(src, tgt, beads, m, prior, options, d);
  else
    d.held_out_target.assign(src.size(), Direction::kNoTarget);
  d.trained.resize(tgt.size());
  for (std::size_t j = 0; j < tgt.size(); ++j) {
    d.trained[j].reserve(tgt[j].size());
    for (std::uint32_t e : tgt[j])
      if (trained[e]) d.trained[j].push_back(e);
  }
  d.mixture = options.mixture;
  if (options.fit_mixture && options.iterations > 0) fit_mixture(src, beads, options, d);
  set_mixture(d, d.mixture);
  return d;
}

// Per target word e, t(e|f) summed over the source segment's words f, by e.
void source_sums(const Direction& d, const std::vector<std::uint32_t>& words, SparseRow& row) {
  row.clear();
  std::size_t size = 0;
  for (std::uint32_t f : words) size += d.table[f].size();
  row.reserve(size);
  for (std::uint32_t f : words) row.insert(row.end(), d.table[f].begin(), d.table[f].end());
  sum_by_column(row);
}

// For each trained word of the target segment, t summed over the source segment's words
// (`sums`, unless the pair is a training bead).
void lookup(const Direction& d, std::size_t source, std::size_t target, const SparseRow& sums,
            std::vector<float>& out) {
  const SparseRow& used = d.held_out_target[source] == target ? d.held_out_sums[source] : sums;
  auto it = used.begin();
  for (std::uint32_t e : d.trained[target]) {
    while (it != used.end() && it->first < e) ++it;
    out.push_back(it != used.end() && it->first == e ? it->second : 0.0f);
  }
}

// TranslationScorer::log_ratio for `Sources` source segments.
template <std::size_t Sources>
double log_ratio_of(const Direction& d, std::size_t target, const float* const* sums,
                    double source_words, double mixture) {
  double out = 0;
  std::size_t k = 0;
  for (std::uint32_t e : d.trained[target]) {
    const Direction::Word& w = d.words[e];
    double t = w.null_t;
    for (std::size_t s = 0; s < Sources; ++s) t += sums[s][k];
    out += fast_log(static_cast<float>(mixture * t / source_words + w.background)) - w.log_unigram;
    ++k;
  }
  return out;
}

}  // namespace

class TranslationModel {
 public:
  std::vector<std::vector<std::uint32_t>> ko_words, en_words;  // stem ids of each segment
  Direction ko_to_en;                                          // English words given Korean ones
  Direction en_to_ko;                                          // Korean words given English ones
  TranslationOptions options;
};

std::shared_ptr<const TranslationModel> learn_translation_model(const Alignment& path,
                                                                const SideProfile& ko,
                                                                const SideProfile& en,
                                                                const TranslationOptions& options,
                                                                const LexiconIndex* lexicon) {
  auto model = std::make_shared<TranslationModel>();
  model->options = options;
  std::unordered_map<std::uint64_t, std::uint32_t> ko_ids, en_ids;
  const std::uint32_t ko_vocab = dense_ids(ko, model->ko_words, ko_ids);
  const std::uint32_t en_vocab = dense_ids(en, model->en_words, en_ids);
  // The collection's t of the word pairs of this document, by source word (empty: no prior).
  std::vector<SparseRow> en_given_ko, ko_given_en;
  if (lexicon) {
    en_given_ko.resize(ko_vocab);
    ko_given_en.resize(en_vocab);
    for (const auto& [stem, k] : ko_ids) {
      const auto found = lexicon->by_ko.find(stem);
      if (found == lexicon->by_ko.end()) continue;
      for (const LexiconIndex::Row& row : found->second) {
        const auto e = en_ids.find(row.en);
        if (e == en_ids.end()) continue;
        if (row.en_given_ko > 0) en_given_ko[k].emplace_back(e->second, row.en_given_ko);
        if (row.ko_given_en > 0) ko_given_en[e->second].emplace_back(k, row.ko_given_en);
      }
    }
    for (SparseRow& row : en_given_ko) std::sort(row.begin(), row.end());
    for (SparseRow& row : ko_given_en) std::sort(row.begin(), row.end());
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ko_en, en_ko;
  for (const Bead& b : path) {
    if (b.ko_size() != 1 || b.en_size() != 1) continue;
    if (ko_en.size() >= options.max_beads) break;
    ko_en.emplace_back(b.ko_begin, b.en_begin);
    en_ko.emplace_back(b.en_begin, b.ko_begin);
  }
  model->ko_to_en =
      train(model->ko_words, ko_vocab, model->en_words, en_vocab, ko_en, en_given_ko, options);
  model->en_to_ko =
      train(model->en_words, en_vocab, model->ko_words, ko_vocab, en_ko, ko_given_en, options);
  return model;
}

std::shared_ptr<const TranslationModel> translation_at_mixture(
    std::shared_ptr<const TranslationModel> model, double mixture, double weight) {
  if (!model || (model->ko_to_en.mixture == mixture && model->en_to_ko.mixture == mixture &&
                 model->options.weight == weight))
    return model;
  auto fixed = std::make_shared<TranslationModel>(*model);
  set_mixture(fixed->ko_to_en, mixture);
  set_mixture(fixed->en_to_ko, mixture);
  fixed->options.weight = weight;
  return fixed;
}

TranslationScorer::TranslationScorer(std::shared_ptr<const TranslationModel> model,
                                     std::size_t reach)
    : model_(std::move(model)) {
  if (!model_) return;
  weight_ = model_->options.weight;
  for (Slot& slot : slots_) {
    slot.where.assign(model_->en_words.size(), kNotYet);
    slot.sums.assign(model_->ko_to_en.words.size(), 0.0f);
  }
  std::size_t size = 1;
  while (size < std::min(reach + kMaxSide + 1, model_->en_words.size())) size *= 2;
  english_.assign(size, {});
}

void TranslationScorer::load(std::size_t i) {
  Slot& slot = slots_[i % kSlots];
  if (!model_ || slot.owner == i) return;
  for (std::uint32_t j : slot.touched) slot.where[j] = kNotYet;
  slot.touched.clear();
  slot.pairs.clear();
  slot.values.clear();
  for (const auto& [e, t] : slot.row) slot.sums[e] = 0.0f;
  source_sums(model_->ko_to_en, model_->ko_words[i], slot.row);
  for (const auto& [e, t] : slot.row) slot.sums[e] = t;
  slot.owner = i;
}

const SparseRow& TranslationScorer::english_sums(std::size_t j) const {
  English& cached = english_[j & (english_.size() - 1)];
  if (cached.owner != j) {
    source_sums(model_->en_to_ko, model_->en_words[j], cached.row);
    cached.owner = j;
  }
  return cached.row;
}

std::uint32_t TranslationScorer::add_pair(std::size_t i, std::size_t j) const {
  Slot& slot = slots_[i % kSlots];
  const auto at = static_cast<std::uint32_t>(slot.pairs.size());
  slot.where[j] = at;
  slot.touched.push_back(static_cast<std::uint32_t>(j));
  Pair p;
  p.forward_at = static_cast<std::uint32_t>(slot.values.size());
  if (model_->ko_to_en.held_out_target[i] == j)  // a training bead: scored without its own counts
    lookup(model_->ko_to_en, i, j, slot.row, slot.values);
  else
    for (std::uint32_t e : model_->ko_to_en.trained[j]) slot.values.push_back(slot.sums[e]);
  p.backward_at = static_cast<std::uint32_t>(slot.values.size());
  lookup(model_->en_to_ko, j, i, english_sums(j), slot.values);
  p.forward.fill(kUnknown);
  p.backward.fill(kUnknown);
  slot.pairs.push_back(p);
  return at;
}

float TranslationScorer::compute_forward(std::size_t ko_begin, std::size_t ko_count,
                                         std::size_t j) const {
  const std::uint32_t at = pair(ko_begin, j);
  std::array<std::uint32_t, kMaxSide> pairs{at};
  double words = 1 + model_->ko_words[ko_begin].size();
  for (std::size_t k = 1; k < ko_count; ++k) {
    pairs[k] = pair(ko_begin + k, j);
    words += model_->ko_words[ko_begin + k].size();
  }
  std::array<const float*, kMaxSide> sums{};
  for (std::size_t k = 0; k < ko_count; ++k) {
    const Slot& slot = slots_[(ko_begin + k) % kSlots];
    sums[k] = slot.values.data() + slot.pairs[pairs[k]].forward_at;
  }
  const double v = log_ratio(model_->ko_to_en, j, sums.data(), ko_count, words);
  // Returned as stored, so a score does not depend on whether it was computed or recalled.
  const auto stored = static_cast<float>(v);
  slots_[ko_begin % kSlots].pairs[at].forward[ko_count - 1] = stored;
  return stored;
}

float TranslationScorer::compute_backward(std::size_t i, std::size_t en_begin,
                                          std::size_t en_count) const {
  const std::uint32_t at = pair(i, en_begin);
  Slot& slot = slots_[i % kSlots];
  std::array<std::uint32_t, kMaxSide> pairs{at};
  double words = 1 + model_->en_words[en_begin].size();
  for (std::size_t k = 1; k < en_count; ++k) {
    pairs[k] = pair(i, en_begin + k);
    words += model_->en_words[en_begin + k].size();
  }
  std::array<const float*, kMaxSide> sums{};
  for (std::size_t k = 0; k < en_count; ++k)
    sums[k] = slot.values.data() + slot.pairs[pairs[k]].backward_at;
  const double v = log_ratio(model_->en_to_ko, i, sums.data(), en_count, words);
  const auto stored = static_cast<float>(v);  // as in forward()
  slot.pairs[at].backward[en_count - 1] = stored;
  return stored;
}

double TranslationScorer::log_ratio(const Direction& d, std::size_t target,
                                    const float* const* sums, std::size_t sources,
                                    double source_words) const {
  // The number of sources as a template argument, so the sum per word is straight-line code.
  const double mixture = d.mixture;
  switch (sources) {
    case 1:
      return log_ratio_of<1>(d, target, sums, source_words, mixture);
    case 2:
      return log_ratio_of<2>(d, target, sums, source_words, mixture);
    default:
      return log_ratio_of<kMaxSide>(d, target, sums, source_words, mixture);
  }
}

}  // namespace kealign::align_detail
