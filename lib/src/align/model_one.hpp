// IBM Model 1 of one direction, trained by EM on beads (a source and a target segment, each a
// sorted list of word ids): shared by a document's translation model (align_translation.cpp) and
// the collection lexicon (lexicon_learn.cpp).
//
//   align_detail::ModelOne m = align_detail::model_one_slots(src, src_vocab, tgt, tgt_vocab,
//   beads); align_detail::train_model_one(m, prior, iterations);  // m.t[k]: t(e|f) of
//   m.slot_pair[k] = (f, e)
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace kealign::align_detail {

// A Dirichlet prior on t(e|f): t = (count + mass * T) / (total + mass), T a collection's t. Per
// slot T (0 where the collection has none), per source word the mass (0 for a word the collection
// does not know); both empty without a prior.
struct ModelOnePrior {
  std::vector<float> t;
  std::vector<double> mass;
  double mass_of(std::uint32_t f) const { return mass.empty() ? 0.0 : mass[f]; }
  double t_of(std::size_t slot) const { return t.empty() ? 0.0 : t[slot]; }
};

struct ModelOne {
  std::uint32_t null_word = 0;  // the source id of NULL: the source vocabulary's size
  // Every (f, e) pair that co-occurs in a bead, NULL included: its slot.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> slot_pair;
  // Bead b's slots from slots_at[b]: per target word of the bead, NULL's slot then each source
  // word's, in the bead's order.
  std::vector<std::uint32_t> bead_slots;
  std::vector<std::size_t> slots_at;
  std::vector<std::uint32_t> row_width;  // per bead: 1 + its source words (a target word's row)
  std::vector<bool> trained;             // per target word: whether it occurs in a bead
  std::vector<double> t;                 // per slot: t(e|f)
  std::vector<double> count;             // per slot: the last E-step's expected count
  std::vector<double> total;             // per source word, NULL last: the last E-step's count
  std::vector<float> shares;             // per bead slot: its share in the last E-step
};

// The slots of the beads (pairs of a source and a target segment index), t = 1 everywhere.
ModelOne model_one_slots(const std::vector<std::vector<std::uint32_t>>& src,
                         std::uint32_t src_vocab,
                         const std::vector<std::vector<std::uint32_t>>& tgt,
                         std::uint32_t tgt_vocab,
                         const std::vector<std::pair<std::uint32_t, std::uint32_t>>& beads);

// `iterations` EM steps of Model 1 under the prior (ModelOnePrior{} for none).
void train_model_one(ModelOne& m, const ModelOnePrior& prior, int iterations);

}  // namespace kealign::align_detail
