// LexiconLearner: the confident 1-1 links of many aligned pairs pooled, and IBM Model 1 trained on
// them in both directions at once (the two directions share the co-occurring word pairs).
#include <algorithm>
#include <unordered_map>

#include "align_internal.hpp"
#include "align_tokens.hpp"
#include "kealign/lexicon.hpp"

namespace kealign {
namespace {

// A side's stems as ids into one vocabulary.
struct Vocabulary {
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::string> stems;

  // The distinct stems of a segment, as ids.
  std::vector<std::uint32_t> segment(std::string_view text) {
    std::vector<std::uint32_t> out;
    const std::vector<detail::Token> tokens = detail::tokenize(text);  // the stems view into it
    for (const std::string_view stem : detail::word_stem_texts(tokens)) {
      const auto [it, added] =
          ids.try_emplace(std::string(stem), static_cast<std::uint32_t>(stems.size()));
      if (added) stems.emplace_back(stem);
      out.push_back(it->second);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
};

}  // namespace

struct LexiconLearner::Pool {
  Vocabulary ko, en;
  std::vector<std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>> links;
  std::size_t documents = 0;
};

LexiconLearner::LexiconLearner(LexiconLearnOptions options)
    : options_(std::move(options)), pool_(std::make_unique<Pool>()) {}
LexiconLearner::~LexiconLearner() = default;
LexiconLearner::LexiconLearner(LexiconLearner&&) noexcept = default;
LexiconLearner& LexiconLearner::operator=(LexiconLearner&&) noexcept = default;

std::size_t LexiconLearner::documents() const {
  return pool_->documents;
}
std::size_t LexiconLearner::links() const {
  return pool_->links.size();
}

void LexiconLearner::add(const SegmentedText& ko, const SegmentedText& en) {
  ++pool_->documents;
  for (const Bead& b : align(ko, en, options_.align).alignment) {
    if (b.ko_size() != 1 || b.en_size() != 1 || b.confidence < options_.min_confidence) continue;
    auto k = pool_->ko.segment(ko.raw(b.ko_begin));
    auto e = pool_->en.segment(en.raw(b.en_begin));
    if (!k.empty() && !e.empty()) pool_->links.emplace_back(std::move(k), std::move(e));
  }
}

Lexicon LexiconLearner::learn() const {
  const auto& links = pool_->links;
  const std::size_t ko_vocab = pool_->ko.stems.size(), en_vocab = pool_->en.stems.size();
  // Every co-occurring (ko, en) pair gets a slot; link l's slots, ko word by ko word, from at[l].
  std::unordered_map<std::uint64_t, std::uint32_t> slot_of;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pair_of;
  std::vector<std::size_t> at(links.size() + 1, 0);
  for (std::size_t l = 0; l < links.size(); ++l)
    at[l + 1] = at[l] + links[l].first.size() * links[l].second.size();
  std::vector<std::uint32_t> slots(at.back());
  for (std::size_t l = 0; l < links.size(); ++l) {
    std::size_t s = at[l];
    for (std::uint32_t k : links[l].first)
      for (std::uint32_t e : links[l].second) {
        const auto [it, added] = slot_of.try_emplace(std::uint64_t{k} * en_vocab + e,
                                                     static_cast<std::uint32_t>(pair_of.size()));
        if (added) pair_of.emplace_back(k, e);
        slots[s++] = it->second;
      }
  }
  // t(en|ko) and t(ko|en) per slot; NULL's translations per word of the other side.
  std::vector<double> forward(pair_of.size(), 1.0), backward(pair_of.size(), 1.0);
  std::vector<double> null_forward(en_vocab, 1.0), null_backward(ko_vocab, 1.0);
  std::vector<double> count_forward(pair_of.size()), count_backward(pair_of.size());
  std::vector<double> total_ko(ko_vocab), total_en(en_vocab);
  std::vector<double> null_count_forward(en_vocab), null_count_backward(ko_vocab);
  for (int iteration = 0; iteration < options_.iterations; ++iteration) {
    std::fill(count_forward.begin(), count_forward.end(), 0.0);
    std::fill(count_backward.begin(), count_backward.end(), 0.0);
    std::fill(total_ko.begin(), total_ko.end(), 0.0);
    std::fill(total_en.begin(), total_en.end(), 0.0);
    std::fill(null_count_forward.begin(), null_count_forward.end(), 0.0);
    std::fill(null_count_backward.begin(), null_count_backward.end(), 0.0);
    double null_total_forward = 0, null_total_backward = 0;
    for (std::size_t l = 0; l < links.size(); ++l) {
      const auto& [ks, es] = links[l];
      const std::uint32_t* s = slots.data() + at[l];
      const std::size_t width = es.size();
      for (std::size_t q = 0; q < es.size(); ++q) {  // each en word from the ko words and NULL
        double denominator = null_forward[es[q]];
        for (std::size_t p = 0; p < ks.size(); ++p) denominator += forward[s[p * width + q]];
        for (std::size_t p = 0; p < ks.size(); ++p) {
          const double share = forward[s[p * width + q]] / denominator;
          count_forward[s[p * width + q]] += share;
          total_ko[ks[p]] += share;
        }
        null_count_forward[es[q]] += null_forward[es[q]] / denominator;
        null_total_forward += null_forward[es[q]] / denominator;
      }
      for (std::size_t p = 0; p < ks.size(); ++p) {  // each ko word from the en words and NULL
        double denominator = null_backward[ks[p]];
        for (std::size_t q = 0; q < es.size(); ++q) denominator += backward[s[p * width + q]];
        for (std::size_t q = 0; q < es.size(); ++q) {
          const double share = backward[s[p * width + q]] / denominator;
          count_backward[s[p * width + q]] += share;
          total_en[es[q]] += share;
        }
        null_count_backward[ks[p]] += null_backward[ks[p]] / denominator;
        null_total_backward += null_backward[ks[p]] / denominator;
      }
    }
    for (std::size_t k = 0; k < pair_of.size(); ++k) {
      forward[k] = count_forward[k] / total_ko[pair_of[k].first];
      backward[k] = count_backward[k] / total_en[pair_of[k].second];
    }
    for (std::size_t e = 0; e < en_vocab; ++e)
      null_forward[e] = null_count_forward[e] / null_total_forward;
    for (std::size_t k = 0; k < ko_vocab; ++k)
      null_backward[k] = null_count_backward[k] / null_total_backward;
  }
  std::vector<LexiconEntry> entries;
  for (std::size_t k = 0; k < pair_of.size(); ++k) {
    const float f = forward[k] >= options_.min_probability ? static_cast<float>(forward[k]) : 0;
    const float b = backward[k] >= options_.min_probability ? static_cast<float>(backward[k]) : 0;
    if (f == 0 && b == 0) continue;
    entries.push_back(
        {pool_->ko.stems[pair_of[k].first], pool_->en.stems[pair_of[k].second], f, b});
  }
  std::sort(entries.begin(), entries.end(), [](const LexiconEntry& x, const LexiconEntry& y) {
    return x.ko != y.ko ? x.ko < y.ko : x.en < y.en;
  });
  return Lexicon(std::move(entries));
}

}  // namespace kealign
