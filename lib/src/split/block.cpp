#include "split_block.hpp"

#include "kealign/text.hpp"
#include "split_chars.hpp"

namespace kealign::split_detail {
namespace {

// How far down the stack a closer looks for its opener; deeper unmatched openers are given up.
constexpr std::size_t kMaxPairSearch = 8;
// A pair spanning more code points than this is a stray opener matched with a far closer (an
// unclosed “ in a news story), not a quotation: it does not hide the sentence ends inside it.
constexpr std::size_t kMaxEnclosedLength = 400;

struct Open {
  char32_t closer;
  std::size_t index;
  bool encloses;
};

// Invisible format characters: zero-width space, non-joiner and joiner, word joiner, soft hyphen,
// BOM / zero-width no-break space, and the bidirectional marks. Scraped and word-processed text
// carries them anywhere; they decide no boundary, so the rules never see them (they stay inside
// the spans).
bool is_invisible(char32_t c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

// Letters, digits, spaces and Hangul never open or close a pair (the fast path).
bool is_plain(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
         is_hangul_syllable(c);
}

bool is_apostrophe(const Block& b, std::size_t i) {
  return i > 0 && i + 1 < b.size() && is_latin(b.cp[i - 1]) && is_latin(b.cp[i + 1]);
}

bool encloses(char32_t opener, const PairRules& rules) {
  switch (opener) {
    case '(':
    case '[':
    case '{':
    case 0xFF08:
    case 0x3010:
    case 0x3014:
      return true;
    case '<':
      return false;  // also "less than"; only Korean quotes <...> by the quote rule below
    default:
      return rules.quotes_enclose;
  }
}

// Whether a closer ends a pair that expects the closer `expected`: typed text mixes curly and
// straight quotes ("‘앱 스토어'", "'옥’"), so either closes the other's opener.
bool same_quote(char32_t expected, char32_t closer) {
  auto family = [](char32_t c) -> char32_t { return c == 0x2019 ? '\'' : c == 0x201D ? '"' : c; };
  return family(expected) == family(closer);
}

// Depth is kept as differences while pairs are matched, then summed up (linear time).
void mark_pair(std::vector<std::int32_t>& diff, std::size_t open, std::size_t close) {
  ++diff[open + 1];
  --diff[close];
}

}  // namespace

void decode_block(std::string_view text, const PairRules& rules, Block& b) {
  b.cp.resize(text.size());
  b.at.resize(text.size() + 1);
  b.blank.resize(text.size());
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    b.at[n] = static_cast<std::uint32_t>(i);
    const auto byte = static_cast<unsigned char>(text[i]);
    const char32_t c = byte < 0x80 ? (++i, byte) : next_code_point(text, i);
    if (c >= 0xAD && is_invisible(c)) continue;  // its bytes fall inside the next code point's
    b.cp[n] = c;
    b.blank[n] = c < 0x80 ? (c == ' ' || (c >= 0x09 && c <= 0x0D)) : is_space(c);
    ++n;
  }
  b.at[n] = static_cast<std::uint32_t>(text.size());
  b.cp.resize(n);
  b.at.resize(n + 1);
  b.blank.resize(n);
  std::vector<std::int32_t> diff(b.cp.size() + 1, 0);
  b.opener.assign(b.cp.size(), Block::kNone);
  b.closers.clear();
  std::vector<Open> stack;
  auto close = [&](char32_t closer, std::size_t i) {
    const std::size_t limit = stack.size() > kMaxPairSearch ? stack.size() - kMaxPairSearch : 0;
    for (std::size_t k = stack.size(); k > limit; --k) {
      if (!same_quote(stack[k - 1].closer, closer)) continue;
      if (stack[k - 1].encloses && i - stack[k - 1].index <= kMaxEnclosedLength)
        mark_pair(diff, stack[k - 1].index, i);
      b.opener[i] = static_cast<std::uint32_t>(stack[k - 1].index);
      b.closers.push_back(static_cast<std::uint32_t>(i));
      stack.resize(k - 1);
      return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < b.size(); ++i) {
    const char32_t c = b.cp[i];
    if (is_plain(c)) continue;
    const bool after_space = i == 0 || b.blank[i - 1] || is_opener(b.cp[i - 1]);
    const bool before_space = i + 1 == b.size() || b.blank[i + 1];
    if (is_symmetric_quote(c) || c == 0x2019) {
      if (is_apostrophe(b, i)) continue;
      if (!after_space && close(c, i)) continue;
      if (c != 0x2019 && !before_space) stack.push_back({c, i, rules.quotes_enclose});
    } else if (c == '<') {
      if (!before_space) stack.push_back({'>', i, rules.quotes_enclose});
    } else if (is_opener(c)) {
      stack.push_back({closer_of(c), i, encloses(c, rules)});
    } else if (is_closer(c)) {
      close(c, i);
    }
  }
  b.depth.resize(b.cp.size());
  std::int32_t d = 0;
  for (std::size_t i = 0; i < b.size(); ++i) {
    d += diff[i];
    b.depth[i] = static_cast<std::uint16_t>(d > 0xFFFF ? 0xFFFF : d);
  }
}

}  // namespace kealign::split_detail
