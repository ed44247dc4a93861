// Words of both scripts with their byte spans, and English spellings of Korean personal names, for
// the lexical checks (names, untranslated terms, Latin tokens).
//
//   for (const kealign::LatinWord& w : kealign::latin_words(en, base)) ...  // "Seok-yeol", "NPG"
//   for (const kealign::HangulWord& w : kealign::hangul_words(ko, base))
//     for (const std::u32string& stem : kealign::hangul_stems(w.syllables)) ...  // 조야의 -> 조야
//   auto names = kealign::korean_style_names(en, base);  // "Yoon Seok-yeol": surname yoon, given
//   seokyeol
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/text.hpp"

namespace kealign::lang {

// A run of Latin letters with inner hyphens or apostrophes ("Seok-yeol", "don't"); a trailing
// possessive ("Korea’s") is not part of it.
struct LatinWord {
  Span span;              // document offsets
  std::string text;       // as written
  bool sentence_start;    // first word of the text or after . ! ? or an opening quote
  bool after_space_only;  // separated from the previous word by exactly one space
};
std::vector<LatinWord> latin_words(std::string_view text, std::size_t base = 0);
// The same words one at a time, none kept: a whole document's words as a vector take several
// times the text.
void visit_latin_words(std::string_view text, std::size_t base,
                       const std::function<void(const LatinWord&)>& visit);

// A LatinWord whose text is a view into the text read: what visiting a whole document needs,
// without a copy of each word.
struct LatinWordRef {
  Span span;
  std::string_view text;
  bool sentence_start;
  bool after_space_only;
};
// The end of the Latin word that starts at text[at] (an ASCII letter), and whether text[at] starts
// a sentence: the two steps of reading a word, for for_each_latin_word.
std::size_t latin_word_end(std::string_view text, std::size_t at);
bool starts_sentence(std::string_view text, std::size_t at);
// visit_latin_words with the words as LatinWordRef, called directly.
template <typename Visit>
void for_each_latin_word(std::string_view text, std::size_t base, Visit&& visit) {
  std::size_t previous_end = std::string_view::npos;
  for (std::size_t at = 0; at < text.size(); ++at) {
    // A word starts at an ASCII letter: UTF-8 continuation bytes are never ASCII.
    const unsigned char c = static_cast<unsigned char>(text[at]) | 0x20;
    if (c < 'a' || c > 'z') continue;
    const std::size_t end = latin_word_end(text, at);
    LatinWordRef w{{base + at, base + end},
                   text.substr(at, end - at),
                   starts_sentence(text, at),
                   previous_end != std::string_view::npos && previous_end + 1 == at &&
                       text[previous_end] == ' '};
    visit(static_cast<const LatinWordRef&>(w));
    previous_end = end;
    at = end - 1;
  }
}

// The words of for_each_latin_word as visit(begin, end), byte offsets into text: for a reader
// that needs only their letters, without the rest for each word.
template <typename Visit>
void for_each_latin_word_span(std::string_view text, Visit&& visit) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    const unsigned char c = static_cast<unsigned char>(text[at]) | 0x20;
    if (c < 'a' || c > 'z') continue;
    const std::size_t end = latin_word_end(text, at);
    visit(at, end);
    at = end - 1;
  }
}

// A run of Hangul syllables.
struct HangulWord {
  Span span;
  std::u32string syllables;
};
std::vector<HangulWord> hangul_words(std::string_view text, std::size_t base = 0);
// The syllable (U+AC00 to U+D7A3, three bytes EA B0 80 to ED 9E A3) at text[i], or 0.
inline char32_t hangul_syllable_at(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0xEA || b > 0xED || i + 2 >= text.size()) return 0;
  const char32_t c = (static_cast<char32_t>(b & 0x0F) << 12) |
                     (static_cast<char32_t>(static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                     (static_cast<unsigned char>(text[i + 2]) & 0x3F);
  return c >= 0xAC00 && c <= 0xD7A3 ? c : 0;
}
// The words of hangul_words as visit(begin, end), byte offsets into text, none kept.
template <typename Visit>
void for_each_hangul_word(std::string_view text, Visit&& visit) {
  for (std::size_t i = 0; i < text.size();) {
    if (!hangul_syllable_at(text, i)) {
      const auto b = static_cast<unsigned char>(text[i]);
      i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && hangul_syllable_at(text, end)) end += 3;
    visit(i, end);
    i = end;
  }
}

// The word itself and, when it ends in a particle or copula (은/는/이/가/을/를/의/에/에서/로/와/과/
// 도/만/이나/까지/부터/처럼/보다/이다...), the word without it; longest first.
std::vector<std::u32string> hangul_stems(std::u32string_view word);
// The syllables each stem of hangul_stems(word) after the first drops, in the same order, into
// `drops` (cleared first): the stems without making them.
void hangul_stem_drops(std::u32string_view word, std::vector<std::size_t>& drops);

bool is_capitalized(std::string_view word);  // "Seoul", "Seok-yeol"; not "NPG", not "seoul"
bool is_all_caps(std::string_view word);     // two or more letters, all capitals ("NPG", "ROK")
std::string lower_letters(
    std::string_view word);  // lowercase ASCII letters only ("Seok-Yeol" -> "seokyeol")

// A Korean personal name as English writes it: a family name next to a hyphenated given name
// ("Yoon Seok-yeol", "Seok-Yeol Yoon", "President Park Geun-hye").
struct PersonName {
  Span span;            // both words
  std::string surname;  // lowercase letters ("yoon")
  std::string given;    // lowercase letters without the hyphen ("seokyeol")
  std::string surface;  // as written, white space folded ("Seok-Yeol Yoon")
  bool surname_first;   // Korean order
};
std::vector<PersonName> korean_style_names(std::string_view text, std::size_t base = 0);
// The same, from the text's latin_words.
std::vector<PersonName> korean_style_names(const std::vector<LatinWord>& words);
std::vector<PersonName> korean_style_names(const std::vector<LatinWordRef>& words);

}  // namespace kealign::lang
