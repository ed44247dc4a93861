// The second pass's word-translation table (after Moore 2002): word pairs that co-occur in the
// confident 1-1 beads of the first pass, scored by the Dice coefficient, become anchor keys.
#include <algorithm>
#include <functional>
#include <memory_resource>
#include <unordered_map>

#include "align_internal.hpp"
#include "align_tokens.hpp"

namespace kealign::align_detail {
namespace {

// Words meet on a prefix so inflected forms count together; wide characters (Hangul) carry
// about twice the text of a letter (see length_units), hence the shorter prefix.
constexpr std::size_t kLetterPrefix = 5;
constexpr std::size_t kWidePrefix = 2;
// Words shorter than this (in code points) are function words in most languages.
constexpr std::size_t kMinWord = 2;
// The first block of add_learned_lexicon's arena; later ones grow from it.
constexpr std::size_t kArenaBytes = std::size_t{64} << 10;

bool is_wide_word(const std::string& w) {
  return !w.empty() && static_cast<unsigned char>(w[0]) >= 0xE1;
}

bool is_number(const std::string& w) {
  return !w.empty() && w[0] >= '0' && w[0] <= '9';
}

std::uint64_t pair_key(std::uint64_t a, std::uint64_t b) {
  return a * 0x9E3779B97F4A7C15ull ^ b;
}

// The stem of a word token; empty for punctuation, numbers and one-letter words.
std::string_view stem_text(const Token& t) {
  const std::string& w = t.text;
  if (t.kind == TokenKind::kPunctuation || is_number(w) || count_code_points(w) < kMinWord)
    return {};
  return prefix_code_points(w, is_wide_word(w) ? kWidePrefix : kLetterPrefix);
}

}  // namespace

std::vector<std::string_view> word_stem_texts(const std::vector<Token>& tokens) {
  std::vector<std::string_view> out;
  out.reserve(tokens.size());
  for (const Token& t : tokens)
    if (const std::string_view stem = stem_text(t); !stem.empty()) out.push_back(stem);
  return out;
}

std::uint64_t stem_hash(std::string_view stem) {
  // Hashed as a view: the same hash as the stem's std::string (C++17), without a copy.
  return std::hash<std::string_view>{}(stem);
}

std::vector<std::uint64_t> word_stems(const std::vector<Token>& tokens) {
  std::vector<std::uint64_t> out;
  out.reserve(tokens.size());
  for (const Token& t : tokens)
    if (const std::string_view stem = stem_text(t); !stem.empty()) out.push_back(stem_hash(stem));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void remove_learned_lexicon(SideProfile& ko, SideProfile& en) {
  for (SideProfile* side : {&ko, &en})
    for (auto& keys : side->keys)
      keys.erase(std::remove_if(keys.begin(), keys.end(),
                                [](Key k) { return key_family(k) == KeyFamily::kLexicon; }),
                 keys.end());
}

void add_learned_lexicon(const Alignment& first_pass, SideProfile& ko, SideProfile& en,
                         const LexiconOptions& options) {
  // A pair searched again (a missing passage) gets the new path's table, not both.
  remove_learned_lexicon(ko, en);
  const auto& ko_stems = ko.stems;
  const auto& en_stems = en.stems;
  // The maps' nodes come from one arena, released at once: a page makes tens of thousands of word
  // pairs, and a node each from the heap cost as much as the counting.
  std::pmr::monotonic_buffer_resource arena(kArenaBytes);
  std::pmr::unordered_map<std::uint64_t, std::size_t> ko_count(&arena), en_count(&arena);
  // Co-occurrences of each word pair, with the pair's words (one map: this loop is the hot one).
  struct Joint {
    std::size_t count = 0;
    std::pair<std::uint64_t, std::uint64_t> members;
  };
  std::pmr::unordered_map<std::uint64_t, Joint> joint(&arena);
  std::size_t used = 0;
  for (const Bead& b : first_pass) {
    if (b.ko_size() != 1 || b.en_size() != 1 || b.confidence < options.min_confidence) continue;
    if (++used > options.max_beads) break;
    for (std::uint64_t k : ko_stems[b.ko_begin]) ++ko_count[k];
    for (std::uint64_t e : en_stems[b.en_begin]) ++en_count[e];
    for (std::uint64_t k : ko_stems[b.ko_begin])
      for (std::uint64_t e : en_stems[b.en_begin]) {
        Joint& j = joint[pair_key(k, e)];
        if (j.count++ == 0) j.members = {k, e};
      }
  }
  // The best partner of each word only: a frequent word co-occurs with everything.
  std::pmr::unordered_map<std::uint64_t, std::pair<double, std::uint64_t>> best_ko(&arena),
      best_en(&arena);
  for (const auto& [p, pair] : joint) {
    const std::size_t count = pair.count;
    if (count < options.min_count) continue;
    const auto [k, e] = pair.members;
    if (k == e) continue;  // identical strings are the token scorer's
    const double dice = 2.0 * count / (ko_count[k] + en_count[e]);
    if (dice < options.min_dice) continue;
    if (dice > best_ko[k].first) best_ko[k] = {dice, p};
    if (dice > best_en[e].first) best_en[e] = {dice, p};
  }
  for (std::size_t i = 0; i < ko.size(); ++i)
    for (std::uint64_t k : ko_stems[i]) {
      const auto it = best_ko.find(k);
      if (it == best_ko.end()) continue;
      const std::uint64_t p = it->second.second;
      if (best_en[joint[p].members.second].second == p)
        ko.keys[i].push_back(make_key(KeyFamily::kLexicon, p));
    }
  for (std::size_t j = 0; j < en.size(); ++j)
    for (std::uint64_t e : en_stems[j]) {
      const auto it = best_en.find(e);
      if (it == best_en.end()) continue;
      const std::uint64_t p = it->second.second;
      if (best_ko[joint[p].members.first].second == p)
        en.keys[j].push_back(make_key(KeyFamily::kLexicon, p));
    }
}

}  // namespace kealign::align_detail
