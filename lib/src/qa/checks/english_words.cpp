#include "checks/english_words.hpp"

#include <algorithm>
#include <functional>
#include <vector>

#include "checks/util.hpp"
#include "kealign/text.hpp"
#include "utf8_inline.hpp"

namespace kealign::qa_detail {
namespace {

// Closed-class words: articles, prepositions, conjunctions, pronouns and auxiliaries.
constexpr std::string_view kFunctionWords[] = {
    "a",     "about", "after", "against", "all",   "also",   "am",    "among", "an",    "and",
    "any",   "are",   "as",    "at",      "be",    "been",   "being", "but",   "by",    "can",
    "could", "did",   "do",    "does",    "each",  "for",    "from",  "had",   "has",   "have",
    "he",    "her",   "his",   "i",       "if",    "in",     "into",  "is",    "it",    "its",
    "may",   "more",  "most",  "my",      "no",    "nor",    "not",   "of",    "on",    "one",
    "or",    "our",   "over",  "per",     "she",   "should", "so",    "such",  "than",  "that",
    "the",   "their", "them",  "then",    "there", "these",  "they",  "this",  "those", "through",
    "to",    "under", "upon",  "via",     "was",   "we",     "were",  "what",  "when",  "where",
    "which", "while", "who",   "whose",   "will",  "with",   "would", "you",   "your"};

constexpr std::string_view kReportingVerbs[] = {
    "said",      "says",       "say",        "told",      "stated",    "added",     "noted",
    "pointed",   "emphasized", "emphasised", "explained", "argued",    "claimed",   "announced",
    "stressed",  "remarked",   "asserted",   "insisted",  "warned",    "wrote",     "replied",
    "answered",  "commented",  "observed",   "suggested", "mentioned", "declared",  "recalled",
    "concluded", "urged",      "asked",      "predicted", "revealed",  "diagnosed", "analyzed",
    "analysed",  "emphasizes", "explains",   "notes",     "adds"};

// Abbreviations that are followed by a period and may be followed by a lowercase word.
constexpr std::string_view kAbbreviations[] = {
    "etc", "vs", "approx", "cf",   "al",   "e.g",  "i.e",  "fig", "figs", "no",  "nos", "vol",
    "p",   "pp", "ca",     "esp",  "incl", "resp", "min",  "max", "sec",  "ft",  "in",  "cm",
    "mm",  "km", "kg",     "ed",   "eds",  "op",   "dept", "est", "jr",   "sr",  "st",  "mr",
    "mrs", "ms", "dr",     "prof", "gen",  "gov",  "sen",  "rep", "corp", "inc", "ltd", "co"};

bool contains(const std::string_view* begin, const std::string_view* end, std::string_view key) {
  return std::find(begin, end, key) != end;
}

bool inner_joiner(char32_t c) {
  return c == '-' || c == '\'' || c == U'’' || c == '.';
}

bool word_char(char32_t c) {
  if (c < 0x80)  // ASCII without the ICU property lookup
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return is_letter(c);
}

// Most of an English text is ASCII, decoded in line.
using text_detail::next_code_point_inline;

char32_t decode_at(std::string_view text, std::size_t i) {
  return i < text.size() ? next_code_point_inline(text, i) : 0;
}

}  // namespace

void for_each_english_word(std::string_view text,
                           const std::function<void(std::size_t, std::size_t, bool)>& visit) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = i;
    const char32_t c = next_code_point_inline(text, i);
    if (!word_char(c)) continue;
    const std::size_t begin = at;
    std::size_t end = i;
    // Extend over letters/digits and inner joiners followed by a letter or digit; a period
    // directly after a single letter ("U.S.") belongs to the word.
    while (end < text.size()) {
      std::size_t j = end;
      const char32_t d = next_code_point_inline(text, j);
      if (word_char(d)) {
        end = j;
      } else if (inner_joiner(d) && j < text.size() && word_char(decode_at(text, j))) {
        end = j;
      } else if (d == '.' && end - begin >= 1 &&
                 text.substr(begin, end - begin).find('.') != std::string_view::npos) {
        end = j;  // the final period of "U.S." or "e.g."
        break;
      } else {
        break;
      }
    }
    std::size_t k = end;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n')) ++k;
    visit(begin, end, k > end && k < text.size() && word_char(decode_at(text, k)));
    i = end;
  }
}

std::vector<Word> english_words(std::string_view text) {
  std::vector<Word> out;
  for_each_english_word(text, [&](std::size_t begin, std::size_t end, bool space_only_after) {
    Word w;
    w.begin = begin;
    w.end = end;
    english_key(text.substr(begin, end - begin), w.key);
    w.space_only_after = space_only_after;
    out.push_back(std::move(w));
  });
  return out;
}

void english_key(std::string_view word, std::string& key) {
  // Most words are ASCII without periods: lowercased in place, without a push per letter.
  key.assign(word);
  std::size_t k = 0;
  for (; k < word.size(); ++k) {
    const auto c = static_cast<unsigned char>(word[k]);
    if (c >= 0x80 || c == '.') break;
    if (c >= 'A' && c <= 'Z') key[k] = static_cast<char>(c - 'A' + 'a');
  }
  key.resize(k);
  while (k < word.size()) {
    const auto c = static_cast<unsigned char>(word[k]);
    if (c < 0x80) {  // most letters: no decoding
      ++k;
      if (c != '.') key.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      continue;
    }
    const char32_t d = next_code_point(word, k);
    append_utf8(key, d == U'’' ? U'\'' : d);
  }
  while (!key.empty() && key.back() == '\'') key.pop_back();
}

bool is_function_word(std::string_view key) {
  // Asked for every word of a document: the words by first letter, each list short.
  static const std::vector<std::vector<std::string_view>> by_first = [] {
    std::vector<std::vector<std::string_view>> out(26);
    for (std::string_view w : kFunctionWords) out[w[0] - 'a'].push_back(w);
    return out;
  }();
  if (key.empty() || key[0] < 'a' || key[0] > 'z') return false;
  const auto& words = by_first[key[0] - 'a'];
  return std::find(words.begin(), words.end(), key) != words.end();
}

bool is_reporting_verb(std::string_view key) {
  return contains(std::begin(kReportingVerbs), std::end(kReportingVerbs), key);
}

bool is_abbreviation(std::string_view word) {
  std::string key;
  for (char c : word) key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (key.find('.') != std::string::npos) return true;  // U.S, e.g: dotted initials
  if (key.size() == 1) return true;                     // an initial: "J. smith"
  return contains(std::begin(kAbbreviations), std::end(kAbbreviations), key);
}

}  // namespace kealign::qa_detail
