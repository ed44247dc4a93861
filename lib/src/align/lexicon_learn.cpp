// LexiconLearner: the confident 1-1 links of many aligned pairs pooled, and IBM Model 1 trained on
// them in both directions (model_one.hpp).
#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "align_internal.hpp"
#include "align_tokens.hpp"
#include "kealign/lexicon.hpp"
#include "model_one.hpp"

namespace kealign {
namespace {

// A side's stems as ids into one vocabulary.
struct Vocabulary {
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::string> stems;

  // The distinct stems of a segment, as ids.
  std::vector<std::uint32_t> segment(std::string_view text) {
    std::vector<std::uint32_t> out;
    const std::vector<align_detail::Token> tokens =
        align_detail::tokenize(text);  // the stems view into it
    for (const std::string_view stem : align_detail::word_stem_texts(tokens)) {
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

// The position of each string in sorted order.
std::vector<std::uint32_t> rank(const std::vector<std::string>& strings) {
  std::vector<std::uint32_t> order(strings.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return strings[a] < strings[b]; });
  std::vector<std::uint32_t> out(strings.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) out[order[i]] = i;
  return out;
}

}  // namespace

struct LexiconLearner::Pool {
  Vocabulary ko, en;
  std::vector<std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>> links;
  std::size_t documents = 0;
  std::size_t dictionary_links = 0;
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

std::size_t LexiconLearner::dictionary_links() const {
  return pool_->dictionary_links;
}

void LexiconLearner::add_dictionary(const Dictionary& dictionary) {
  for (const auto& [headword, gloss] : dictionary.rows()) {
    const auto k = pool_->ko.segment(headword);
    if (k.empty()) continue;
    std::string_view rest = gloss;
    while (!rest.empty()) {
      const std::size_t cut = std::min(rest.find(','), rest.find(';'));
      auto e = pool_->en.segment(rest.substr(0, cut));
      rest = cut == rest.npos ? std::string_view() : rest.substr(cut + 1);
      if (e.empty()) continue;
      pool_->links.emplace_back(k, std::move(e));
      ++pool_->dictionary_links;
    }
  }
}

Lexicon LexiconLearner::learn() const {
  const auto& links = pool_->links;
  const auto ko_vocab = static_cast<std::uint32_t>(pool_->ko.stems.size());
  const auto en_vocab = static_cast<std::uint32_t>(pool_->en.stems.size());
  std::vector<std::vector<std::uint32_t>> ko(links.size()), en(links.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> beads(links.size());
  for (std::size_t l = 0; l < links.size(); ++l) {
    ko[l] = links[l].first;
    en[l] = links[l].second;
    beads[l] = {static_cast<std::uint32_t>(l), static_cast<std::uint32_t>(l)};
  }
  // t(en|ko) and t(ko|en), each with NULL among the source words.
  align_detail::ModelOne forward = align_detail::model_one_slots(ko, ko_vocab, en, en_vocab, beads);
  align_detail::ModelOne backward =
      align_detail::model_one_slots(en, en_vocab, ko, ko_vocab, beads);
  align_detail::train_model_one(forward, {}, options_.iterations);
  align_detail::train_model_one(backward, {}, options_.iterations);
  std::unordered_map<std::uint64_t, double> ko_given_en;  // by ko * en_vocab + en
  for (std::size_t k = 0; k < backward.slot_pair.size(); ++k) {
    const auto [e, w] = backward.slot_pair[k];
    if (e != backward.null_word) ko_given_en[std::uint64_t{w} * en_vocab + e] = backward.t[k];
  }
  const auto kept = [&](double t) {
    return t >= options_.min_probability ? static_cast<float>(t) : 0.0f;
  };
  // Rows in stem order: each vocabulary ranked once, then the rows sorted by rank (comparing
  // integers, not strings: a dictionary makes 100,000s of rows).
  const std::vector<std::uint32_t> ko_rank = rank(pool_->ko.stems);
  const std::vector<std::uint32_t> en_rank = rank(pool_->en.stems);
  struct Row {
    std::uint32_t ko, en;
    float en_given_ko, ko_given_en;
  };
  std::vector<Row> rows;
  for (std::size_t k = 0; k < forward.slot_pair.size(); ++k) {
    const auto [w, e] = forward.slot_pair[k];
    if (w == forward.null_word) continue;
    const float f = kept(forward.t[k]);
    const float b = kept(ko_given_en.at(std::uint64_t{w} * en_vocab + e));
    if (f == 0 && b == 0) continue;
    rows.push_back({w, e, f, b});
  }
  std::sort(rows.begin(), rows.end(), [&](const Row& x, const Row& y) {
    return ko_rank[x.ko] != ko_rank[y.ko] ? ko_rank[x.ko] < ko_rank[y.ko]
                                          : en_rank[x.en] < en_rank[y.en];
  });
  std::vector<LexiconEntry> entries;
  entries.reserve(rows.size());
  for (const Row& r : rows)
    entries.push_back({pool_->ko.stems[r.ko], pool_->en.stems[r.en], r.en_given_ko, r.ko_given_en});
  return Lexicon(std::move(entries));
}

}  // namespace kealign
