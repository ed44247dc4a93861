#include "checks/merge_evidence.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "checks/english_words.hpp"
#include "names.hpp"
#include "numbers.hpp"

namespace kealign::qa_detail {
namespace {

constexpr double kStrongAnchor = 2;  // anchor weight of digits and identifiers
constexpr double kWeakAnchor = 1;    // of spelled numbers, plain words and dictionary glosses

std::vector<lang::NumberMention> numbers_of(std::string_view text, bool korean) {
  return korean ? lang::extract_numbers_ko(text) : lang::extract_numbers_en(text);
}

// Latin words of two letters or more, function words left out; lower-cased or as written. A
// Latin word inside Korean text is a name or a UI term, kept in its case by the translation, so
// anchors compare as written: "Number" (a parameter) is not the English word "number".
std::vector<std::string> latin_keys(std::string_view text, bool fold_case) {
  std::vector<std::string> out;
  for (const lang::LatinWord& w : lang::latin_words(text))
    if (std::string k = lang::lower_letters(w.text); k.size() >= 2 && !is_function_word(k))
      out.push_back(fold_case ? std::move(k) : w.text);
  return out;
}

std::vector<std::string> sorted_unique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// Removes from `pool` one element matching each element of `by` (pool keeps what `by` lacks).
template <typename T, typename Same>
void remove_matched(std::vector<T>& pool, const std::vector<T>& by, Same same) {
  for (const T& x : by) {
    const auto it = std::find_if(pool.begin(), pool.end(), [&](const T& y) { return same(x, y); });
    if (it != pool.end()) pool.erase(it);
  }
}

// The summed weight(x, match) of the elements x of `wanted` that find a distinct match in `pool`.
template <typename T, typename Same, typename Weight>
double weigh_matched(const std::vector<T>& wanted, std::vector<T> pool, Same same, Weight weight) {
  double n = 0;
  for (const T& x : wanted) {
    const auto it = std::find_if(pool.begin(), pool.end(), [&](const T& y) { return same(x, y); });
    if (it == pool.end()) continue;
    n += weight(x, *it);
    pool.erase(it);
  }
  return n;
}

// Digits on both sides and identifiers (all capitals, or a capital or digit after the first
// letter) rarely agree by chance; a spelled number ("four") or a plain word ("Name") can.
double number_weight(const lang::NumberMention& a, const lang::NumberMention& b) {
  return a.spelled || b.spelled ? kWeakAnchor : kStrongAnchor;
}
double word_weight(const std::string& word) {
  const bool identifier =
      std::any_of(word.begin() + 1, word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return identifier ? kStrongAnchor : kWeakAnchor;
}

// English gloss words of the Hangul words of a Korean text (each word by its longest stem found).
std::vector<std::string> gloss_keys(std::string_view korean, const Dictionary& dictionary) {
  std::vector<std::string> out;
  for (const lang::HangulWord& w : lang::hangul_words(korean))
    for (const std::u32string& stem : lang::hangul_stems(w.syllables)) {
      const std::vector<std::string>& glosses = dictionary.gloss_words(to_utf8(stem));
      if (glosses.empty()) continue;
      for (const std::string& g : glosses)
        if (g.size() >= 2 && !is_function_word(g)) out.push_back(g);
      break;
    }
  return sorted_unique(std::move(out));
}

// Dictionary anchors: English words of the English text glossing the Korean segment's words and
// none of the Korean link side's words.
double dictionary_anchors(const SideText& segment, const NeighbourLink& link,
                          const Dictionary& dictionary) {
  const std::string_view korean = segment.korean ? segment.text : link.other;
  const std::string_view english = segment.korean ? link.other : segment.text;
  const std::vector<std::string> english_words = sorted_unique(latin_keys(english, true));
  // What the link's own side already accounts for: the glosses of its Korean words, or the words
  // of its English side.
  const std::vector<std::string> explained =
      segment.korean ? gloss_keys(link.own, dictionary) : sorted_unique(latin_keys(link.own, true));
  const std::vector<std::string> glossed = gloss_keys(korean, dictionary);
  std::vector<std::string> rest;
  std::set_difference(glossed.begin(), glossed.end(), explained.begin(), explained.end(),
                      std::back_inserter(rest));
  std::vector<std::string> hits;
  std::set_intersection(rest.begin(), rest.end(), english_words.begin(), english_words.end(),
                        std::back_inserter(hits));
  return kWeakAnchor * static_cast<double>(hits.size());
}

}  // namespace

double merged_anchors(const SideText& segment, const NeighbourLink& link,
                      const std::shared_ptr<const Dictionary>& dictionary) {
  const auto same_number = [](const lang::NumberMention& a, const lang::NumberMention& b) {
    return same_quantity(a, b);
  };
  std::vector<lang::NumberMention> other_numbers = numbers_of(link.other, !segment.korean);
  remove_matched(other_numbers, numbers_of(link.own, segment.korean), same_number);
  double n = weigh_matched(numbers_of(segment.text, segment.korean), other_numbers, same_number,
                           number_weight);

  const auto same_word = [](const std::string& a, const std::string& b) { return a == b; };
  std::vector<std::string> other_words = latin_keys(link.other, false);
  remove_matched(other_words, latin_keys(link.own, false), same_word);
  n += weigh_matched(latin_keys(segment.text, false), other_words, same_word,
                     [](const std::string& w, const std::string&) { return word_weight(w); });

  if (dictionary) n += dictionary_anchors(segment, link, *dictionary);
  return n;
}

}  // namespace kealign::qa_detail
