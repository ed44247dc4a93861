// Word-level tokens of a segment, shared by the anchor scorers and the dictionary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kealign::align_detail {

enum class TokenKind { kNumber, kHangul, kHan, kLetters, kPunctuation };

struct Token {
  TokenKind kind;
  std::string text;    // numbers without group separators; letters lower-cased
  bool upper = false;  // letters that were all upper case (acronyms)
};

// Splits at white space and at every change of script (26일 -> 26, 일; 26th -> 26, th).
std::vector<Token> tokenize(std::string_view text);

// The first `count` code points of text (a view into it).
std::string_view prefix_code_points(std::string_view text, std::size_t count);
std::size_t count_code_points(std::string_view text);

}  // namespace kealign::align_detail
