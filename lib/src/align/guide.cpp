// The anchor-first rough path of long documents: segment pairs that share a key found once on
// each side nearby, kept where they form the longest chain increasing on both sides. The first
// banded pass searches around this chain instead of around the diagonal, which a pair drifts from
// wherever one side has extra or merged segments.
#include <algorithm>
#include <unordered_map>

#include "align_internal.hpp"

namespace kealign::align_detail {
namespace {

// Keys specific enough to pair two segments on their own: numbers, Latin tokens and acronyms,
// dictionary translations. Punctuation and segment shape repeat too often.
bool guides(Key key) {
  const KeyFamily family = key_family(key);
  return family == KeyFamily::kNumber || family == KeyFamily::kToken ||
         family == KeyFamily::kDictionary;
}

// Sorted segments of each guiding key on one side (a segment once per key).
std::unordered_map<Key, std::vector<std::uint32_t>> occurrences(const SideProfile& p) {
  std::unordered_map<Key, std::vector<std::uint32_t>> index;
  for (std::uint32_t i = 0; i < p.size(); ++i)
    for (Key k : p.keys[i]) {
      if (!guides(k)) continue;
      auto& v = index[k];
      if (v.empty() || v.back() != i) v.push_back(i);
    }
  return index;
}

// Occurrences of a sorted list within [lo, hi].
std::size_t count_within(const std::vector<std::uint32_t>& v, std::int64_t lo, std::int64_t hi) {
  const auto b = std::lower_bound(v.begin(), v.end(), std::max<std::int64_t>(lo, 0));
  const auto e = std::upper_bound(v.begin(), v.end(), std::max<std::int64_t>(hi, -1));
  return static_cast<std::size_t>(e - b);
}

// The longest chain of points increasing strictly in both coordinates (patience sorting).
std::vector<GuidePoint> longest_chain(std::vector<GuidePoint> points) {
  // Equal Korean segments in decreasing English order, so at most one of them enters the chain.
  std::sort(points.begin(), points.end(), [](const GuidePoint& x, const GuidePoint& y) {
    return x.ko != y.ko ? x.ko < y.ko : x.en > y.en;
  });
  std::vector<std::size_t> tails;  // index of the smallest tail of a chain of each length
  std::vector<std::size_t> parent(points.size(), points.size());
  for (std::size_t k = 0; k < points.size(); ++k) {
    const auto at =
        std::lower_bound(tails.begin(), tails.end(), points[k].en,
                         [&](std::size_t t, std::uint32_t en) { return points[t].en < en; }) -
        tails.begin();
    if (at > 0) parent[k] = tails[at - 1];
    if (static_cast<std::size_t>(at) == tails.size())
      tails.push_back(k);
    else
      tails[at] = k;
  }
  std::vector<GuidePoint> chain;
  for (std::size_t k = tails.empty() ? points.size() : tails.back(); k < points.size();
       k = parent[k])
    chain.push_back(points[k]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace

std::vector<GuidePoint> anchor_chain(const SideProfile& ko, const SideProfile& en,
                                     std::size_t window) {
  const std::size_t n = ko.size(), m = en.size();
  if (n == 0 || m == 0) return {};
  const auto ko_index = occurrences(ko);
  const auto en_index = occurrences(en);
  const auto w = static_cast<std::int64_t>(window);
  const double slope = static_cast<double>(m) / n;
  std::vector<GuidePoint> points;
  for (const auto& [key, kocc] : ko_index) {
    const auto it = en_index.find(key);
    if (it == en_index.end()) continue;
    const auto& eocc = it->second;
    for (const std::uint32_t i : kocc) {
      if (count_within(kocc, i - w, i + w) != 1) continue;
      const auto expected = static_cast<std::int64_t>(i * slope);
      const auto b =
          std::lower_bound(eocc.begin(), eocc.end(), std::max<std::int64_t>(expected - w, 0));
      const auto e = std::upper_bound(eocc.begin(), eocc.end(), expected + w);
      if (e - b == 1) points.push_back({i, *b});
    }
  }
  return longest_chain(std::move(points));
}

}  // namespace kealign::align_detail
