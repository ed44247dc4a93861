// What ends a line: LF, CRLF, CR alone, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH
// SEPARATOR (U+2029), in UTF-8. Shared by lines(), paragraphs(), the line numbers of messages and
// the splitter, so every stage agrees on where a line ends.
#pragma once

#include <cstddef>
#include <string_view>

namespace kealign::text_detail {

// The length in bytes of the line break starting at text[i] (2 for CRLF), or 0 when none does.
inline std::size_t line_break_length(std::string_view text, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  switch (b(0)) {
    case '\n':
      return 1;
    case '\r':
      return i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
    case 0xC2:
      return i + 1 < text.size() && b(1) == 0x85 ? 2 : 0;
    case 0xE2:
      return i + 2 < text.size() && b(1) == 0x80 && (b(2) == 0xA8 || b(2) == 0xA9) ? 3 : 0;
    default:
      return 0;
  }
}

// The first line break at or after `from`: its offset (text.size() when none) and length.
struct LineBreak {
  std::size_t at;
  std::size_t length;
};
inline LineBreak find_line_break(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c != '\n' && c != '\r' && c != 0xC2 && c != 0xE2) continue;
    if (const std::size_t n = line_break_length(text, i)) return {i, n};
  }
  return {text.size(), 0};
}

// True when the line break at text[i] is U+2029, which also ends a paragraph.
inline bool is_paragraph_separator(std::string_view text, std::size_t i) {
  return text.substr(i, 3) == "\xE2\x80\xA9";
}

// The number of line breaks in text[from, to).
inline std::size_t count_line_breaks(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t n = 0;
  for (;;) {
    const LineBreak br = find_line_break(text.substr(0, to), from);
    if (br.length == 0) return n;
    ++n;
    from = br.at + br.length;
  }
}

}  // namespace kealign::text_detail
