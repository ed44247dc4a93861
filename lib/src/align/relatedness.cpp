// The relatedness measure (relatedness.hpp): evidence the path already holds, summed in nats.
// Anchors are the number and token keys of the profiles: the dictionary's and the learnt word
// table's keys follow the path they were learnt from, and punctuation is shared by any two texts.
#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "align_internal.hpp"
#include "kealign/relatedness.hpp"

namespace kealign {
namespace align_detail {
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

// One bead's own evidence and the content segments (web furniture excluded) of each side.
struct BeadEvidence {
  double score = 0;
  std::uint32_t ko_content = 0, en_content = 0;
};

// The best passage of one side to treat as missing: beads [first, last) whose own evidence the
// passage's single cost replaces, the other side's content segments in them counting as unaligned.
struct MissingRegion {
  double gain = 0;  // score change, the passage's own cost not included
  std::size_t first = 0, last = 0;
};

// The region of at least `min_size` segments of the missing side with the largest gain: a maximum
// sub-sequence with a length floor, in one pass over prefix sums.
MissingRegion best_missing_region(const Alignment& path, const std::vector<BeadEvidence>& beads,
                                  bool korean_missing, std::size_t min_size, double other_weight) {
  const std::size_t n = path.size();
  std::vector<double> gain(n + 1, 0.0);     // prefix sums of the per-bead gain
  std::vector<std::size_t> size(n + 1, 0);  // prefix sums of the missing side's segments
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t other = korean_missing ? beads[k].en_content : beads[k].ko_content;
    gain[k + 1] = gain[k] - beads[k].score + other_weight * static_cast<double>(other);
    size[k + 1] = size[k] + (korean_missing ? path[k].ko_size() : path[k].en_size());
  }
  MissingRegion best;
  bool found = false;
  std::size_t start = 0, lowest = 0;  // starts [0, start) are long enough; lowest minimises gain
  for (std::size_t end = 1; end <= n; ++end) {
    for (; start < end && size[end] - size[start] >= min_size; ++start)
      if (gain[start] < gain[lowest]) lowest = start;
    if (start == 0) continue;
    const double g = gain[end] - gain[lowest];
    if (!found || g > best.gain) best = {g, lowest, end}, found = true;
  }
  return found ? best : MissingRegion{};
}

// Words the pairing of `beads` puts together consistently: the Korean stems of bead n paired with
// the English stems of bead (n + shift) mod size. Over each Korean word's and English word's
// mutual best partner (Dice) seen together in at least two beads, the sum of Dice times (beads
// together - 1), per bead. A bead pairing seen before counts once, so a text repeated many times
// over does not count its pairs again.
double word_association(const std::vector<const Bead*>& beads, const SideProfile& ko,
                        const SideProfile& en, std::size_t shift) {
  std::unordered_map<std::uint64_t, std::size_t> ko_count, en_count;
  struct Joint {
    std::size_t count = 0;
    std::uint64_t k = 0, e = 0;
  };
  std::unordered_map<std::uint64_t, Joint> joint;
  std::unordered_set<std::uint64_t> seen;  // bead pairings counted
  std::vector<std::uint64_t> x, y;
  const auto stems = [](const SideProfile& side, std::uint32_t begin, std::uint32_t end,
                        std::vector<std::uint64_t>& out) {
    out.clear();
    for (std::uint32_t i = begin; i < end; ++i)
      out.insert(out.end(), side.stems[i].begin(), side.stems[i].end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  };
  const auto mix = [](std::uint64_t h, std::uint64_t v) {
    return (h ^ v) * 0x9E3779B97F4A7C15ULL + (h >> 29);
  };
  std::size_t counted = 0;
  for (std::size_t n = 0; n < beads.size(); ++n) {
    const Bead& b = *beads[n];
    const Bead& c = *beads[(n + shift) % beads.size()];
    stems(ko, b.ko_begin, b.ko_end, x);
    stems(en, c.en_begin, c.en_end, y);
    std::uint64_t h = 1;
    for (std::uint64_t k : x) h = mix(h, k);
    h = mix(h, 0x5bd1e995);
    for (std::uint64_t e : y) h = mix(h, e);
    if (!seen.insert(h).second) continue;
    ++counted;
    for (std::uint64_t k : x) ++ko_count[k];
    for (std::uint64_t e : y) ++en_count[e];
    for (std::uint64_t k : x)
      for (std::uint64_t e : y) {
        Joint& j = joint[mix(mix(1, k), e)];
        if (j.count++ == 0) j.k = k, j.e = e;
      }
  }
  std::unordered_map<std::uint64_t, std::pair<double, const Joint*>> best_ko, best_en;
  for (const auto& [key, j] : joint) {
    if (j.count < 2 || j.k == j.e) continue;  // identical strings are the token anchors'
    const double dice = 2.0 * double(j.count) / double(ko_count[j.k] + en_count[j.e]);
    if (dice > best_ko[j.k].first) best_ko[j.k] = {dice, &j};
    if (dice > best_en[j.e].first) best_en[j.e] = {dice, &j};
  }
  double sum = 0;
  for (const auto& [k, best] : best_ko)
    if (best_en[best.second->e].second == best.second)
      sum += best.first * double(best.second->count - 1);
  return counted == 0 ? 0.0 : sum / double(counted);
}

}  // namespace

double word_association_excess(const Alignment& path, const SideProfile& ko, const SideProfile& en,
                               const RelatednessOptions& options) {
  if (ko.stems.size() != ko.size() || en.stems.size() != en.size()) return 0;
  std::vector<const Bead*> beads;
  for (const Bead& b : path)
    if (b.ko_size() > 0 && b.en_size() > 0 && beads.size() < options.association_beads)
      beads.push_back(&b);
  if (beads.size() < 3) return 0;
  const std::size_t shifts = std::min(beads.size() - 1, options.association_shifts);
  double shifted = 0;
  for (std::size_t t = 1; t <= shifts; ++t)
    shifted += word_association(beads, ko, en, t * (beads.size() - 1) / shifts);
  return word_association(beads, ko, en, 0) - shifted / double(shifts);
}

double word_association_capacity(const Alignment& path, const SideProfile& ko,
                                 const SideProfile& en, const RelatednessOptions& options) {
  if (ko.stems.size() != ko.size() || en.stems.size() != en.size()) return 0;
  std::unordered_map<std::uint64_t, std::size_t> ko_beads, en_beads;  // linked beads per stem
  std::vector<std::uint64_t> x;
  std::size_t beads = 0;
  const auto count = [&](const SideProfile& side, std::uint32_t begin, std::uint32_t end,
                         std::unordered_map<std::uint64_t, std::size_t>& out) {
    x.clear();
    for (std::uint32_t i = begin; i < end; ++i)
      x.insert(x.end(), side.stems[i].begin(), side.stems[i].end());
    std::sort(x.begin(), x.end());
    x.erase(std::unique(x.begin(), x.end()), x.end());
    for (std::uint64_t s : x) ++out[s];
  };
  for (const Bead& b : path) {
    if (b.ko_size() == 0 || b.en_size() == 0 || beads >= options.association_beads) continue;
    ++beads;
    count(ko, b.ko_begin, b.ko_end, ko_beads);
    count(en, b.en_begin, b.en_end, en_beads);
  }
  if (beads < 3) return 0;
  // Words on both sides are the token anchors' (word_association leaves them out too).
  std::vector<double> a, e;
  for (const auto& [stem, n] : ko_beads)
    if (n >= 2 && en_beads.count(stem) == 0) a.push_back(double(n));
  for (const auto& [stem, n] : en_beads)
    if (n >= 2 && ko_beads.count(stem) == 0) e.push_back(double(n));
  std::sort(a.begin(), a.end(), std::greater<>());
  std::sort(e.begin(), e.end(), std::greater<>());
  // Pairing the frequencies in order maximises the sum of min(a, e): each word meets its
  // partner in every bead the rarer of the two is in (Dice 1 at best), less what a random
  // pairing of the beads gives the same two words (m^2 / B beads together, Dice m / B).
  const double total = double(beads);
  double sum = 0;
  for (std::size_t i = 0; i < std::min(a.size(), e.size()); ++i) {
    const double m = std::min(a[i], e[i]);
    sum += (m - 1) - m / total * std::max(0.0, m * m / total - 1);
  }
  return sum / total;
}

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
  std::vector<BeadEvidence> beads(path.size());
  bool in_run = false;  // the previous bead left a segment other than furniture unaligned
  for (std::size_t k = 0; k < path.size(); ++k) {
    const Bead& b = path[k];
    BeadEvidence& e = beads[k];
    for (std::uint32_t i = b.ko_begin; i < b.ko_end; ++i) e.ko_content += ko.alone[i] <= 0;
    for (std::uint32_t j = b.en_begin; j < b.en_end; ++j) e.en_content += en.alone[j] <= 0;
    if (b.ko_size() == 0 || b.en_size() == 0) {
      const std::size_t content = e.ko_content + e.en_content;
      r.unaligned_segments += content;
      e.score = options.unaligned_weight * static_cast<double>(content);
      if (content > 0 && !in_run) ++r.unaligned_runs, e.score += options.run_weight;
      in_run = in_run || content > 0;
      continue;
    }
    in_run = false;
    r.linked_segments += b.ko_size() + b.en_size();
    e.score = options.linked_weight * static_cast<double>(b.ko_size() + b.en_size());
    const std::vector<Key> x = anchors_of(ko, b.ko_begin, b.ko_end);
    const std::vector<Key> y = anchors_of(en, b.en_begin, b.en_end);
    for (std::size_t p = 0, q = 0; p < x.size() && q < y.size();) {
      if (x[p] < y[q]) {
        ++p;
      } else if (y[q] < x[p]) {
        ++q;
      } else {
        r.matched_anchors += weight(x[p]);
        e.score += (options.matched_weight - options.unmatched_weight) * weight(x[p]);
        ++p, ++q;
      }
    }
  }
  r.score = options.unmatched_weight * r.shared_anchors;
  for (const BeadEvidence& e : beads) r.score += e.score;
  // A translation of part of the text: one passage of one side missing costs once.
  for (const bool korean_missing : {true, false}) {
    const std::size_t side_size = korean_missing ? ko.size() : en.size();
    const std::size_t min_size = std::max(
        options.min_missing_segments,
        static_cast<std::size_t>(std::ceil(options.min_missing_share * double(side_size))));
    const MissingRegion m =
        best_missing_region(path, beads, korean_missing, min_size, options.missing_other_weight);
    if (m.last == m.first) continue;
    std::size_t other = 0;
    double own = 0;  // the passage's beads' own evidence
    for (std::size_t k = m.first; k < m.last; ++k) {
      other += korean_missing ? beads[k].en_content : beads[k].ko_content;
      own += beads[k].score;
    }
    // The translated rest must speak for the pair by itself, or any unrelated pair with one
    // lopsided stretch would pass.
    const double gain = m.gain + options.missing_part_weight;
    if (r.score - own < options.min_rest_evidence || gain <= r.missing_gain) continue;
    r.missing_gain = gain;
    r.missing_korean = korean_missing;
    r.missing_other = other;
    const Bead& first = path[m.first];
    const Bead& last = path[m.last - 1];
    r.missing_begin = korean_missing ? first.ko_begin : first.en_begin;
    r.missing_end = korean_missing ? last.ko_end : last.en_end;
  }
  r.score += r.missing_gain;
  const bool judged = std::min(ko.size(), en.size()) >= options.min_segments;
  r.one_side_empty = (ko.size() == 0) != (en.size() == 0);
  const bool weak = judged && r.score < options.threshold;
  const double segments = static_cast<double>(r.linked_segments + r.unaligned_segments);
  const bool mostly_aligned =
      static_cast<double>(r.unaligned_segments) < options.unrelated_unaligned_share * segments;
  const bool anchors_for = r.matched_anchors >= 1.0 &&
                           r.matched_anchors >= options.related_matched_share * r.shared_anchors;
  r.related = !r.one_side_empty && (!weak || (mostly_aligned && anchors_for));
  if (!r.related && !r.one_side_empty) {
    // Refused only when the evidence against is strong: a third or more of the segments
    // unaligned; enough shared anchors of which few are linked (a translation links most of
    // them); words repeated enough for the word test to pass most translations, and it does not.
    // A pair with none of these cannot be told from an unrelated one (short, no shared anchors,
    // another script): aligned, uncertain and low.
    if (mostly_aligned) {
      // No anchors to speak for it: the words may, if the path pairs them up far more
      // consistently than the same beads paired out of order (a permutation test; computed only
      // here, where the pair would otherwise be refused).
      r.association = word_association_excess(path, ko, en, options);
      r.related = r.association >= options.related_association;
      if (!r.related) {
        r.word_capacity = word_association_capacity(path, ko, en, options);
        const bool anchors_against =
            r.shared_anchors >= options.min_anchor_evidence &&
            r.matched_anchors < options.unrelated_matched_share * r.shared_anchors;
        r.uncertain = !anchors_against && r.word_capacity < options.min_word_capacity;
        r.related = r.uncertain;
      }
    }
  }
  r.low = r.related && weak;
  return r;
}

}  // namespace align_detail

Relatedness measure_relatedness(const SegmentedText& ko, const SegmentedText& en,
                                const Alignment& alignment, const AlignOptions& options) {
  check_conservation(alignment, ko.size(), en.size());
  std::vector<std::unique_ptr<align_detail::SegmentScorer>> scorers;
  scorers.push_back(align_detail::make_number_scorer());
  scorers.push_back(align_detail::make_token_scorer());
  scorers.push_back(align_detail::make_furniture_scorer());
  align_detail::SideProfile kp, ep;
  align_detail::annotate_basics(ko, kp);
  align_detail::annotate_basics(en, ep);
  for (const auto& s : scorers) {
    s->annotate(ko, align_detail::Side::kKorean, kp);
    s->annotate(en, align_detail::Side::kEnglish, ep);
  }
  return align_detail::measure_relatedness(alignment, kp, ep, options.relatedness);
}

}  // namespace kealign
