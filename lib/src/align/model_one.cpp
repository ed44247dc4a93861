// IBM Model 1 by EM over flat slot tables (one allocation per table, not one per word or bead).
#include "model_one.hpp"

#include <algorithm>

namespace kealign::align_detail {

ModelOne model_one_slots(const std::vector<std::vector<std::uint32_t>>& src,
                         std::uint32_t src_vocab,
                         const std::vector<std::vector<std::uint32_t>>& tgt,
                         std::uint32_t tgt_vocab,
                         const std::vector<std::pair<std::uint32_t, std::uint32_t>>& beads) {
  ModelOne m;
  m.null_word = src_vocab;
  // Slots are numbered target word by target word through a dense index by f (no hash table of
  // pairs), so the slots of one e lie together.
  constexpr std::uint32_t kNoSlot = 0xFFFFFFFFu;
  // Per target word e, from where_at[e]: (bead, position of e among the bead's target words).
  std::vector<std::uint32_t> where_at(tgt_vocab + 1, 0);
  m.slots_at.assign(beads.size() + 1, 0);
  m.row_width.resize(beads.size());
  for (std::size_t b = 0; b < beads.size(); ++b) {
    const auto& es = tgt[beads[b].second];
    for (std::uint32_t e : es) ++where_at[e + 1];
    m.row_width[b] = static_cast<std::uint32_t>(src[beads[b].first].size() + 1);
    m.slots_at[b + 1] = m.slots_at[b] + es.size() * m.row_width[b];
  }
  for (std::uint32_t e = 0; e < tgt_vocab; ++e) where_at[e + 1] += where_at[e];
  std::vector<std::pair<std::uint32_t, std::uint32_t>> where(where_at.back());
  {
    std::vector<std::uint32_t> filled(where_at.begin(), where_at.end() - 1);
    for (std::size_t b = 0; b < beads.size(); ++b) {
      const auto& es = tgt[beads[b].second];
      for (std::uint32_t q = 0; q < es.size(); ++q)
        where[filled[es[q]]++] = {static_cast<std::uint32_t>(b), q};
    }
  }
  m.bead_slots.resize(m.slots_at.back());
  m.trained.assign(tgt_vocab, false);
  std::vector<std::uint32_t> slot_of(src_vocab + 1, kNoSlot);  // of (f, e) for the current e
  std::vector<std::uint32_t> touched;
  for (std::uint32_t e = 0; e < tgt_vocab; ++e) {
    for (std::uint32_t w = where_at[e]; w < where_at[e + 1]; ++w) {
      const auto [b, q] = where[w];
      m.trained[e] = true;
      const auto& fs = src[beads[b].first];
      std::uint32_t* out = m.bead_slots.data() + m.slots_at[b] + q * (fs.size() + 1);
      const auto slot = [&](std::uint32_t f) {
        if (slot_of[f] == kNoSlot) {
          slot_of[f] = static_cast<std::uint32_t>(m.slot_pair.size());
          m.slot_pair.emplace_back(f, e);
          touched.push_back(f);
        }
        return slot_of[f];
      };
      *out++ = slot(m.null_word);
      for (std::uint32_t f : fs) *out++ = slot(f);
    }
    for (std::uint32_t f : touched) slot_of[f] = kNoSlot;
    touched.clear();
  }
  m.t.assign(m.slot_pair.size(), 1.0);
  m.count.assign(m.slot_pair.size(), 0.0);
  m.total.assign(src_vocab + 1, 0.0);
  m.shares.assign(m.bead_slots.size(), 0.0f);
  return m;
}

void train_model_one(ModelOne& m, const ModelOnePrior& prior, int iterations) {
  const std::size_t beads = m.row_width.size();
  for (int iteration = 0; iteration < iterations; ++iteration) {
    const bool last = iteration + 1 == iterations;
    std::fill(m.count.begin(), m.count.end(), 0.0);
    std::fill(m.total.begin(), m.total.end(), 0.0);
    for (std::size_t b = 0; b < beads; ++b) {
      const std::size_t width = m.row_width[b];
      const std::uint32_t* slots = m.bead_slots.data() + m.slots_at[b];
      const std::size_t size = m.slots_at[b + 1] - m.slots_at[b];
      for (std::size_t at = 0; at < size; at += width) {
        double denominator = 0;
        for (std::size_t k = at; k < at + width; ++k) denominator += m.t[slots[k]];
        if (denominator <= 0) continue;
        for (std::size_t k = at; k < at + width; ++k) {
          // The last step counts the shares as kept (floats), so that a bead's own counts can
          // be taken out of the totals again (held-out scores, translation.cpp).
          const double exact = m.t[slots[k]] / denominator;
          const double share = last ? static_cast<double>(static_cast<float>(exact)) : exact;
          m.count[slots[k]] += share;
          m.total[m.slot_pair[slots[k]].first] += share;
          if (last) m.shares[m.slots_at[b] + k] = static_cast<float>(share);
        }
      }
    }
    for (std::size_t k = 0; k < m.t.size(); ++k) {
      const std::uint32_t f = m.slot_pair[k].first;
      const double mass = prior.mass_of(f);
      m.t[k] =
          m.total[f] + mass > 0 ? (m.count[k] + mass * prior.t_of(k)) / (m.total[f] + mass) : 0.0;
    }
  }
}

}  // namespace kealign::align_detail
