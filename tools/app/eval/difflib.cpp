#include "eval_difflib.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace kealign::eval_detail {
namespace {

// difflib treats an element of b as "popular" (ignored when seeding matches) once b has this many
// elements and the element fills more than 1% of it.
constexpr std::size_t kAutojunkMinLength = 200;
constexpr std::size_t kAutojunkPercent = 100;

struct Match {
  std::size_t a = 0, b = 0, size = 0;
};

class SequenceMatcher {
 public:
  SequenceMatcher(const std::u32string& a, const std::u32string& b) : a_(a), b_(b) {
    for (std::size_t j = 0; j < b.size(); ++j) b2j_[b[j]].push_back(j);
    if (b.size() >= kAutojunkMinLength) {
      const std::size_t ntest = b.size() / kAutojunkPercent + 1;
      for (auto it = b2j_.begin(); it != b2j_.end();)
        it = it->second.size() > ntest ? b2j_.erase(it) : std::next(it);
    }
  }

  std::vector<Match> matching_blocks() const {
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>> queue{
        {0, a_.size(), 0, b_.size()}};
    std::vector<Match> blocks;
    while (!queue.empty()) {
      const auto [alo, ahi, blo, bhi] = queue.back();
      queue.pop_back();
      const Match m = longest_match(alo, ahi, blo, bhi);
      if (m.size == 0) continue;
      blocks.push_back(m);
      if (alo < m.a && blo < m.b) queue.emplace_back(alo, m.a, blo, m.b);
      if (m.a + m.size < ahi && m.b + m.size < bhi)
        queue.emplace_back(m.a + m.size, ahi, m.b + m.size, bhi);
    }
    std::sort(blocks.begin(), blocks.end(), [](const Match& x, const Match& y) {
      return std::tie(x.a, x.b, x.size) < std::tie(y.a, y.b, y.size);
    });
    std::vector<Match> merged;
    Match cur;
    for (const Match& m : blocks) {
      if (cur.a + cur.size == m.a && cur.b + cur.size == m.b) {
        cur.size += m.size;
      } else {
        if (cur.size) merged.push_back(cur);
        cur = m;
      }
    }
    if (cur.size) merged.push_back(cur);
    merged.push_back({a_.size(), b_.size(), 0});
    return merged;
  }

 private:
  Match longest_match(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi) const {
    Match best{alo, blo, 0};
    std::unordered_map<std::size_t, std::size_t> j2len, next;
    for (std::size_t i = alo; i < ahi; ++i) {
      next.clear();
      const auto found = b2j_.find(a_[i]);
      if (found != b2j_.end()) {
        for (const std::size_t j : found->second) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const auto prev = j > 0 ? j2len.find(j - 1) : j2len.end();
          const std::size_t k = (prev == j2len.end() ? 0 : prev->second) + 1;
          next[j] = k;
          if (k > best.size) best = {i + 1 - k, j + 1 - k, k};
        }
      }
      std::swap(j2len, next);
    }
    // Popular elements were left out of b2j; grow the match over them as difflib does.
    while (best.a > alo && best.b > blo && a_[best.a - 1] == b_[best.b - 1]) {
      --best.a;
      --best.b;
      ++best.size;
    }
    while (best.a + best.size < ahi && best.b + best.size < bhi &&
           a_[best.a + best.size] == b_[best.b + best.size])
      ++best.size;
    return best;
  }

  const std::u32string& a_;
  const std::u32string& b_;
  std::unordered_map<char32_t, std::vector<std::size_t>> b2j_;
};

}  // namespace

std::vector<DiffOpcode> diff_opcodes(const std::u32string& a, const std::u32string& b) {
  std::vector<DiffOpcode> out;
  std::size_t i = 0, j = 0;
  for (const Match& m : SequenceMatcher(a, b).matching_blocks()) {
    char tag = 0;
    if (i < m.a && j < m.b) {
      tag = 'r';
    } else if (i < m.a) {
      tag = 'd';
    } else if (j < m.b) {
      tag = 'i';
    }
    if (tag) out.push_back({tag, i, m.a, j, m.b});
    i = m.a + m.size;
    j = m.b + m.size;
    if (m.size) out.push_back({'e', m.a, i, m.b, j});
  }
  return out;
}

}  // namespace kealign::eval_detail
