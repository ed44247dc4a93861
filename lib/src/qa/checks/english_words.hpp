// Small English word lists and a word tokenizer shared by the sentence-shape checks.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kealign::qa_detail {

// A word of English text: letters and digits with inner hyphens, apostrophes and periods
// ("U.S.", "ROK-US", "Korea’s"), and what separates it from the next word.
struct Word {
  std::size_t begin = 0;  // byte offsets in the scanned text
  std::size_t end = 0;
  std::string key;  // lower case, periods and trailing apostrophes removed: "U.S." -> "us"
  bool space_only_after = false;  // only white space up to the next word
};
std::vector<Word> english_words(std::string_view text);
// The words of english_words as visit(begin, end, space_only_after), without their keys.
void for_each_english_word(std::string_view text,
                           const std::function<void(std::size_t, std::size_t, bool)>& visit);
// The key of one word of english_words (its text, from begin to end), written into `key`.
void english_key(std::string_view word, std::string& key);

bool is_function_word(std::string_view key);   // the, of, and, by, to ...
bool is_reporting_verb(std::string_view key);  // said, told, pointed (out), stressed ...
bool is_abbreviation(std::string_view word);   // "etc", "vs", "e.g", "U.S" (before a period)

}  // namespace kealign::qa_detail
