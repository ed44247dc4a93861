// Which script a code point belongs to: the Unicode block ranges every stage tests, in one place.
#pragma once

namespace kealign::lang {

// Hangul Syllables: the precomposed 가..힣 Korean text is written in.
constexpr bool is_hangul_syllable(char32_t c) {
  return c >= 0xAC00 && c <= 0xD7A3;
}
// Hangul Jamo: conjoining letters (decomposed text, NFD).
constexpr bool is_conjoining_jamo(char32_t c) {
  return c >= 0x1100 && c <= 0x11FF;
}
// Hangul Compatibility Jamo: lone letters such as ㅋㅋ or ㅠㅠ in informal text.
constexpr bool is_compatibility_jamo(char32_t c) {
  return c >= 0x3130 && c <= 0x318F;
}
// Hangul Jamo Extended-A and -B: archaic letters.
constexpr bool is_extended_jamo(char32_t c) {
  return (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF);
}
// Any Hangul letter.
constexpr bool is_hangul(char32_t c) {
  return is_hangul_syllable(c) || is_conjoining_jamo(c) || is_compatibility_jamo(c) ||
         is_extended_jamo(c);
}
// CJK Unified and Compatibility Ideographs (hanja in Korean text).
constexpr bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}
// Hiragana and Katakana.
constexpr bool is_kana(char32_t c) {
  return c >= 0x3040 && c <= 0x30FF;
}
// Scripts written without spaces whose letters carry about two Latin letters' worth of meaning.
constexpr bool is_wide(char32_t c) {
  return is_hangul(c) || is_han(c) || is_kana(c);
}

}  // namespace kealign::lang
