// A block of text prepared for the sentence rules (internal): code points with their byte offsets
// and the nesting depth of matched quotes and brackets at each position.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kealign::split_detail {

struct Block {
  std::vector<char32_t> cp;          // the block's code points
  std::vector<std::uint32_t> at;     // at[i]: byte offset of cp[i] in the block; at[size()] = bytes
  std::vector<std::uint16_t> depth;  // enclosing matched pairs that hide sentence ends inside them
  std::vector<std::uint32_t>
      opener;  // opener[i]: index of the opener a closer at i matches, or kNone

  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  std::vector<std::uint32_t> closers;  // indices of the closers matched with an opener, ascending

  std::vector<std::uint8_t> blank;  // blank[i]: cp[i] is white space (a line break is a space)

  std::size_t size() const { return cp.size(); }
  bool space(std::size_t i) const { return i < blank.size() && blank[i]; }
  // Index of the first non-space code point at or after i (size() if none).
  std::size_t skip_space(std::size_t i) const {
    while (i < size() && blank[i]) ++i;
    return i;
  }
  // [begin, i): the run of non-space code points that ends just before i.
  std::size_t word_begin(std::size_t i) const {
    while (i > 0 && !blank[i - 1]) --i;
    return i;
  }
  // [i, end): the run of non-space code points that starts at i.
  std::size_t word_end(std::size_t i) const {
    while (i < size() && !blank[i]) ++i;
    return i;
  }
};

// Which pairs hide the sentence ends inside them.
struct PairRules {
  bool quotes_enclose = true;  // quotation marks (Korean) or only brackets (English)
};

// Decodes text (valid UTF-8) and matches its quotes and brackets.
void decode_block(std::string_view text, const PairRules& rules, Block& out);

}  // namespace kealign::split_detail
