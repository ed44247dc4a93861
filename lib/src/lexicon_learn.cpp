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

// IBM Model 1 of one direction over the pooled links' slots: t per slot, NULL's t per target word.
struct ModelOne {
  std::vector<double> t, null_t, count, total, null_count;
  double null_total = 0;

  ModelOne(std::size_t slots, std::size_t target_vocab, std::size_t source_vocab)
      : t(slots, 1.0),
        null_t(target_vocab, 1.0),
        count(slots),
        total(source_vocab),
        null_count(target_vocab) {}
  void clear_counts() {
    std::fill(count.begin(), count.end(), 0.0);
    std::fill(total.begin(), total.end(), 0.0);
    std::fill(null_count.begin(), null_count.end(), 0.0);
    null_total = 0;
  }
  // E-step over one link: each target word explained by the source words and NULL;
  // slot(target position, source position) is the pair's slot.
  template <typename Slot>
  void expect(const std::vector<std::uint32_t>& targets, const std::vector<std::uint32_t>& sources,
              Slot slot) {
    for (std::size_t q = 0; q < targets.size(); ++q) {
      double denominator = null_t[targets[q]];
      for (std::size_t p = 0; p < sources.size(); ++p) denominator += t[slot(q, p)];
      for (std::size_t p = 0; p < sources.size(); ++p) {
        const double share = t[slot(q, p)] / denominator;
        count[slot(q, p)] += share;
        total[sources[p]] += share;
      }
      null_count[targets[q]] += null_t[targets[q]] / denominator;
      null_total += null_t[targets[q]] / denominator;
    }
  }
  // M-step; source_of(slot) is the slot's source word.
  template <typename SourceOf>
  void maximise(SourceOf source_of) {
    for (std::size_t k = 0; k < t.size(); ++k) t[k] = count[k] / total[source_of(k)];
    for (std::size_t e = 0; e < null_t.size(); ++e) null_t[e] = null_count[e] / null_total;
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
  ModelOne forward(pair_of.size(), en_vocab, ko_vocab),
      backward(pair_of.size(), ko_vocab, en_vocab);
  for (int iteration = 0; iteration < options_.iterations; ++iteration) {
    forward.clear_counts();
    backward.clear_counts();
    for (std::size_t l = 0; l < links.size(); ++l) {
      const auto& [ks, es] = links[l];
      const std::uint32_t* s = slots.data() + at[l];
      const std::size_t width = es.size();
      forward.expect(es, ks, [&](std::size_t q, std::size_t p) { return s[p * width + q]; });
      backward.expect(ks, es, [&](std::size_t p, std::size_t q) { return s[p * width + q]; });
    }
    forward.maximise([&](std::size_t k) { return pair_of[k].first; });
    backward.maximise([&](std::size_t k) { return pair_of[k].second; });
  }
  std::vector<LexiconEntry> entries;
  for (std::size_t k = 0; k < pair_of.size(); ++k) {
    const float f = forward.t[k] >= options_.min_probability ? static_cast<float>(forward.t[k]) : 0;
    const float b =
        backward.t[k] >= options_.min_probability ? static_cast<float>(backward.t[k]) : 0;
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
