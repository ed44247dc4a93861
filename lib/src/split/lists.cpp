// Numbered and bulleted list items inside one block: "1. The first item 2. The second item".
#include <algorithm>
#include <optional>

#include "kealign/text.hpp"
#include "split_chars.hpp"
#include "split_rules.hpp"

namespace kealign::split_detail {
namespace {

// Longest item number: "1." to "999."; longer numbers are years or amounts.
constexpr std::size_t kMaxMarkerDigits = 3;

bool is_bullet(char32_t c) {
  return c == 0x2022 || c == 0x2043 || c == 0x25E6 || c == 0x25AA || c == 0x2023 || c == 0x25CF;
}

struct Marker {
  int value = 0;         // 1-based: "3." is 3, "c)" is 3
  bool letter = false;   // "a." rather than "1."
  char32_t punct = 0;    // '.' or ')'
  std::size_t term = 0;  // index of the "." or ")"
};

// "12." "3)" "4.)" "(5)" "b." "c)" at i, followed by a space.
std::optional<Marker> marker_at(const Block& b, std::size_t i) {
  Marker m;
  std::size_t k = i;
  const bool paren = k < b.size() && b.cp[k] == '(';
  k += paren;
  const std::size_t digits_begin = k;
  while (k < b.size() && is_digit(b.cp[k]) && k - digits_begin < kMaxMarkerDigits) {
    m.value = m.value * 10 + static_cast<int>(b.cp[k] - '0');
    ++k;
  }
  if (k == digits_begin) {
    if (k >= b.size() || !(b.cp[k] >= 'a' && b.cp[k] <= 'z')) return std::nullopt;
    m.letter = true;
    m.value = static_cast<int>(b.cp[k] - 'a') + 1;
    ++k;
  }
  if (k >= b.size() || (b.cp[k] != '.' && b.cp[k] != ')')) return std::nullopt;
  if (paren && b.cp[k] != ')') return std::nullopt;
  m.punct = b.cp[k];
  m.term = k++;
  if (m.punct == '.' && k < b.size() && b.cp[k] == ')') ++k;
  if (k >= b.size() || !b.space(k)) return std::nullopt;
  return m;
}

bool same_style(const Marker& a, const Marker& b) {
  return a.letter == b.letter && a.punct == b.punct;
}

// Follows one list from its first marker at start, up to limit.
void follow_list(const Block& b, std::size_t start, std::size_t limit, ListItems& out) {
  std::optional<Marker> m = marker_at(b, start);
  if (!m) return;
  out.markers.push_back(m->term);
  for (std::size_t i = m->term + 1; i < limit; ++i) {
    if (!b.space(i - 1) || b.depth[i] != 0) continue;
    const std::optional<Marker> n = marker_at(b, i);
    if (!n || !same_style(*m, *n) || n->value != m->value + 1) continue;
    out.starts.push_back(i);
    out.markers.push_back(n->term);
    m = n;
    i = n->term;
  }
}

}  // namespace

void find_list_items(const Block& b, ListItems& out) {
  out.starts.clear();
  out.markers.clear();
  std::vector<std::size_t> item_starts{b.skip_space(0)};
  for (std::size_t i = 1; i < b.size(); ++i) {
    if (is_bullet(b.cp[i]) && b.space(i - 1) && b.depth[i] == 0) {
      out.starts.push_back(i);
      item_starts.push_back(i);
    }
  }
  for (std::size_t k = 0; k < item_starts.size(); ++k) {
    std::size_t s = item_starts[k];
    if (s < b.size() && is_bullet(b.cp[s])) s = b.skip_space(s + 1);
    const std::size_t limit = k + 1 < item_starts.size() ? item_starts[k + 1] : b.size();
    follow_list(b, s, limit, out);
  }
  std::sort(out.markers.begin(), out.markers.end());
}

}  // namespace kealign::split_detail
