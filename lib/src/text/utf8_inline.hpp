#pragma once
// UTF-8 decoding for loops that visit every character of a text.

#include <cstddef>
#include <string_view>

#include "kealign/text.hpp"

namespace kealign::text_detail {

// next_code_point with ASCII answered in line: tokenizers call it for every character of both
// texts, and the general one is a call into another file.
inline char32_t next_code_point_inline(std::string_view text, std::size_t& i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return next_code_point(text, i);
}

}  // namespace kealign::text_detail
