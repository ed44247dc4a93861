// Alignment metrics: score.py align (one document) and run_align_set.py (micro-average of a set).
#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "app/eval.hpp"
#include "eval_prf.hpp"

namespace kealign {
namespace {

using eval_detail::Prf;
using eval_detail::prf;

struct LinkLess {
  bool operator()(const Link& a, const Link& b) const {
    return std::tie(a.ko, a.en) < std::tie(b.ko, b.en);
  }
};

std::vector<Link> non_null(const std::vector<Link>& links) {
  std::vector<Link> out;
  for (const Link& l : links)
    if (!l.ko.empty() && !l.en.empty()) out.push_back(l);
  return out;
}

bool shares_any(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  return std::any_of(a.begin(), a.end(),
                     [&](std::uint32_t x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

bool overlaps(const Link& a, const Link& b) {
  return shares_any(a.ko, b.ko) && shares_any(a.en, b.en);
}

std::size_t count_overlapping(const std::vector<Link>& of, const std::vector<Link>& in) {
  return static_cast<std::size_t>(std::count_if(of.begin(), of.end(), [&](const Link& x) {
    return std::any_of(in.begin(), in.end(), [&](const Link& y) { return overlaps(x, y); });
  }));
}

std::set<std::pair<std::uint32_t, std::uint32_t>> pairs(const std::vector<Link>& links) {
  std::set<std::pair<std::uint32_t, std::uint32_t>> out;
  for (const Link& l : links)
    for (const std::uint32_t k : l.ko)
      for (const std::uint32_t e : l.en) out.emplace(k, e);
  return out;
}

// Every id of one side, with repetitions, sorted: equal multisets mean the same coverage.
template <typename Side>
std::vector<std::uint32_t> all_ids(const std::vector<Link>& links, Side side) {
  std::vector<std::uint32_t> out;
  for (const Link& l : links) {
    const auto& ids = side(l);
    out.insert(out.end(), ids.begin(), ids.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

AlignTally tally_alignment(const std::vector<Link>& gold, const std::vector<Link>& pred) {
  const std::vector<Link> g = non_null(gold), p = non_null(pred);
  const std::set<Link, LinkLess> gold_set(g.begin(), g.end());
  AlignTally t;
  t.gold_links = g.size();
  t.pred_links = p.size();
  t.strict_hits = static_cast<std::size_t>(
      std::count_if(p.begin(), p.end(), [&](const Link& l) { return gold_set.count(l) > 0; }));
  t.lax_pred_hits = count_overlapping(p, g);
  t.lax_gold_hits = count_overlapping(g, p);
  return t;
}

AlignScore score_alignment(const std::vector<Link>& gold, const std::vector<Link>& pred) {
  const AlignTally t = tally_alignment(gold, pred);
  AlignScore s;
  const Prf strict = prf(t.strict_hits, t.pred_links, t.strict_hits, t.gold_links);
  const Prf lax = prf(t.lax_pred_hits, t.pred_links, t.lax_gold_hits, t.gold_links);
  const auto gp = pairs(gold), pp = pairs(pred);
  std::size_t common = 0;
  for (const auto& x : pp) common += gp.count(x);
  const Prf pair = prf(common, pp.size(), common, gp.size());
  s.strict_precision = strict.precision;
  s.strict_recall = strict.recall;
  s.strict_f1 = strict.f1;
  s.lax_precision = lax.precision;
  s.lax_recall = lax.recall;
  s.lax_f1 = lax.f1;
  s.pair_precision = pair.precision;
  s.pair_recall = pair.recall;
  s.pair_f1 = pair.f1;
  const auto ko = [](const Link& l) -> const std::vector<std::uint32_t>& { return l.ko; };
  const auto en = [](const Link& l) -> const std::vector<std::uint32_t>& { return l.en; };
  s.conserved = all_ids(pred, ko) == all_ids(gold, ko) && all_ids(pred, en) == all_ids(gold, en);
  s.gold_links = gold.size();
  s.pred_links = pred.size();
  return s;
}

AlignSetScore score_alignment_set(const std::vector<AlignTally>& per_document) {
  AlignTally sum;
  for (const AlignTally& t : per_document) {
    sum.gold_links += t.gold_links;
    sum.pred_links += t.pred_links;
    sum.strict_hits += t.strict_hits;
    sum.lax_pred_hits += t.lax_pred_hits;
    sum.lax_gold_hits += t.lax_gold_hits;
  }
  AlignSetScore s;
  s.documents = per_document.size();
  const Prf lax = prf(sum.lax_pred_hits, sum.pred_links, sum.lax_gold_hits, sum.gold_links);
  const Prf strict = prf(sum.strict_hits, sum.pred_links, sum.strict_hits, sum.gold_links);
  s.lax_precision = lax.precision;
  s.lax_recall = lax.recall;
  s.lax_f1 = lax.f1;
  s.strict_precision = strict.precision;
  s.strict_recall = strict.recall;
  s.strict_f1 = strict.f1;
  return s;
}

}  // namespace kealign
