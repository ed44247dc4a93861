// Character classes the sentence splitter reasons with (internal).
#pragma once

#include "script.hpp"

namespace kealign::split_detail {

using lang::is_han;
using lang::is_hangul_syllable;
// Compatibility jamo: ㅋㅋ, ㅎㅎ, ㅠㅠ, ㄱㅡ are laughter/crying marks that close a sentence.
inline bool is_hangul_jamo(char32_t c) {
  return lang::is_compatibility_jamo(c);
}
inline bool is_hangul(char32_t c) {
  return is_hangul_syllable(c) || is_hangul_jamo(c);
}
inline bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}
inline bool is_upper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}
inline bool is_lower(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}
inline bool is_latin(char32_t c) {
  return is_upper(c) || is_lower(c);
}
inline bool is_letter(char32_t c) {
  return is_latin(c) || is_hangul(c) || is_han(c);
}

// Characters that end a sentence when a rule agrees.
inline bool is_terminator(char32_t c) {
  switch (c) {
    case '.':
    case '?':
    case '!':
    case 0x2026:
    case 0x2025:
    case 0x3002:
    case 0xFF0E:
    case 0xFF1F:
    case 0xFF01:
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049:
    case 0x203D:
      return true;
    default:
      return false;
  }
}
inline bool is_ellipsis_char(char32_t c) {
  return c == 0x2026 || c == 0x2025;
}

// Quotation marks that read the same at both ends.
inline bool is_symmetric_quote(char32_t c) {
  return c == '"' || c == '\'';
}

// The closing partner of an opening bracket or quote, or 0.
inline char32_t closer_of(char32_t c) {
  switch (c) {
    case '(':
      return ')';
    case '[':
      return ']';
    case '{':
      return '}';
    case 0x201C:
      return 0x201D;  // “ ”
    case 0x2018:
      return 0x2019;  // ‘ ’
    case 0x300C:
      return 0x300D;  // 「 」
    case 0x300E:
      return 0x300F;  // 『 』
    case 0x300A:
      return 0x300B;  // 《 》
    case 0x3008:
      return 0x3009;  // 〈 〉
    case 0x3010:
      return 0x3011;  // 【 】
    case 0x3014:
      return 0x3015;  // 〔 〕
    case 0xFF08:
      return 0xFF09;  // （ ）
    case 0x00AB:
      return 0x00BB;  // « »
    case '<':
      return '>';
    default:
      return 0;
  }
}
inline bool is_opener(char32_t c) {
  return closer_of(c) != 0;
}
inline bool is_closer(char32_t c) {
  switch (c) {
    case ')':
    case ']':
    case '}':
    case 0x201D:
    case 0x2019:
    case 0x300D:
    case 0x300F:
    case 0x300B:
    case 0x3009:
    case 0x3011:
    case 0x3015:
    case 0xFF09:
    case 0x00BB:
    case '>':
      return true;
    default:
      return false;
  }
}

// Marks that open a list item or a section line ("•", "●", "▪").
inline bool is_bullet_like(char32_t c) {
  return c == 0x2022 || c == 0x2043 || c == 0x25E6 || c == 0x25AA || c == 0x2023 || c == 0x25CF ||
         c == 0x25A0 || c == 0x25B6 || c == 0x2013 || c == 0x2014 || c == '-' || c == '*';
}

// Pictographs and their modifiers (emoji, skin tones, joiners, variation selectors).
inline bool is_emoji(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
         (c >= 0x2B00 && c <= 0x2BFF) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
         c == 0x2764 || c == 0x2665 || c == 0x2661 || c == 0x2605 || c == 0x2606;
}

// Marks that trail a Korean sentence and belong to it: laughter jamo, emoji, tildes, ^^, ;;.
inline bool is_trailing_mark(char32_t c) {
  return is_hangul_jamo(c) || is_emoji(c) || c == '~' || c == 0xFF5E || c == '^' || c == ';' ||
         c == 0x2661 || c == 0x2665;
}

}  // namespace kealign::split_detail
