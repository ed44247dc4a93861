// The relatedness measure (relatedness.hpp): evidence the path already holds, summed in nats.
// Anchors are the number and token keys of the profiles: the dictionary's and the learnt word
// table's keys follow the path they were learnt from, and punctuation is shared by any two texts.
#include <algorithm>
#include <unordered_map>

#include "align_internal.hpp"
#include "kealign/relatedness.hpp"

namespace kealign {
namespace detail {
namespace {

bool is_anchor(Key key) {
  const KeyFamily family = key_family(key);
  return family == KeyFamily::kNumber || family == KeyFamily::kToken;
}

// Anchor keys of the segments [begin, end), sorted (repeats kept).
std::vector<Key> anchors_of(const SideProfile& side, std::uint32_t begin, std::uint32_t end) {
  std::vector<Key> out;
  for (std::uint32_t i = begin; i < end; ++i)
    for (Key k : side.keys[i])
      if (is_anchor(k)) out.push_back(k);
  std::sort(out.begin(), out.end());
  return out;
}

// Per anchor key: segments holding it and occurrences, on each side.
struct KeyCounts {
  std::size_t ko_segments = 0, en_segments = 0;
  std::size_t ko_count = 0, en_count = 0;
};

void count_side(const SideProfile& side, bool korean, std::unordered_map<Key, KeyCounts>& counts) {
  for (std::uint32_t i = 0; i < side.size(); ++i) {
    const std::vector<Key> keys = anchors_of(side, i, i + 1);
    for (std::size_t k = 0; k < keys.size(); ++k) {
      KeyCounts& c = counts[keys[k]];
      const bool first = k == 0 || keys[k - 1] != keys[k];
      (korean ? c.ko_count : c.en_count) += 1;
      if (first) (korean ? c.ko_segments : c.en_segments) += 1;
    }
  }
}

}  // namespace

Relatedness measure_relatedness(const Alignment& path, const SideProfile& ko, const SideProfile& en,
                                const RelatednessOptions& options) {
  Relatedness r;
  std::unordered_map<Key, KeyCounts> counts;
  count_side(ko, true, counts);
  count_side(en, false, counts);
  // A unit of anchor: a key on both sides weighs 1 / (segments holding it on the busier side).
  const auto weight = [&](Key k) {
    const KeyCounts& c = counts.at(k);
    return 1.0 / static_cast<double>(std::max(c.ko_segments, c.en_segments));
  };
  for (const auto& [key, c] : counts)
    if (c.ko_count > 0 && c.en_count > 0)
      r.shared_anchors += static_cast<double>(std::min(c.ko_count, c.en_count)) * weight(key);
  bool in_run = false;  // the previous bead left a segment other than furniture unaligned
  for (const Bead& b : path) {
    if (b.ko_size() == 0 || b.en_size() == 0) {
      std::size_t content = 0;
      for (std::uint32_t i = b.ko_begin; i < b.ko_end; ++i) content += ko.alone[i] <= 0;
      for (std::uint32_t j = b.en_begin; j < b.en_end; ++j) content += en.alone[j] <= 0;
      r.unaligned_segments += content;
      if (content > 0 && !in_run) ++r.unaligned_runs;
      in_run = in_run || content > 0;
      continue;
    }
    in_run = false;
    r.linked_segments += b.ko_size() + b.en_size();
    const std::vector<Key> x = anchors_of(ko, b.ko_begin, b.ko_end);
    const std::vector<Key> y = anchors_of(en, b.en_begin, b.en_end);
    for (std::size_t p = 0, q = 0; p < x.size() && q < y.size();) {
      if (x[p] < y[q]) {
        ++p;
      } else if (y[q] < x[p]) {
        ++q;
      } else {
        r.matched_anchors += weight(x[p]);
        ++p, ++q;
      }
    }
  }
  r.score = options.linked_weight * static_cast<double>(r.linked_segments) +
            options.unaligned_weight * static_cast<double>(r.unaligned_segments) +
            options.run_weight * static_cast<double>(r.unaligned_runs) +
            options.matched_weight * r.matched_anchors +
            options.unmatched_weight * (r.shared_anchors - r.matched_anchors);
  const bool judged = std::min(ko.size(), en.size()) >= options.min_segments;
  r.related = !judged || r.score >= options.threshold;
  return r;
}

}  // namespace detail

Relatedness measure_relatedness(const SegmentedText& ko, const SegmentedText& en,
                                const Alignment& alignment, const AlignOptions& options) {
  check_conservation(alignment, ko.size(), en.size());
  std::vector<std::unique_ptr<detail::SegmentScorer>> scorers;
  scorers.push_back(detail::make_number_scorer());
  scorers.push_back(detail::make_token_scorer());
  scorers.push_back(detail::make_furniture_scorer());
  detail::SideProfile kp, ep;
  detail::annotate_basics(ko, kp);
  detail::annotate_basics(en, ep);
  for (const auto& s : scorers) {
    s->annotate(ko, detail::Side::kKorean, kp);
    s->annotate(en, detail::Side::kEnglish, ep);
  }
  return detail::measure_relatedness(alignment, kp, ep, options.relatedness);
}

}  // namespace kealign
