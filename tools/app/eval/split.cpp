// Split metrics: score.py's boundary P/R/F1 and kiwipiepy's evaluate_split, in code points.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <tuple>

#include "app/eval.hpp"
#include "eval_difflib.hpp"
#include "eval_prf.hpp"
#include "kealign/error.hpp"

namespace kealign {
namespace {

// Code points of UTF-8 text; an ill-formed byte becomes U+FFFD (one character, as Python's
// surrogateescape would count it).
std::u32string code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, n, c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// re.sub(r'\s+', '', text) as code points.
std::u32string without_space(std::string_view text) {
  std::u32string cps = code_points(text);
  cps.erase(std::remove_if(cps.begin(), cps.end(), is_python_space), cps.end());
  return cps;
}

using eval_detail::Prf;
using eval_detail::prf;

// Offsets in the space-free text where a non-blank segment ends, and that text's length.
struct Boundaries {
  std::vector<std::size_t> ends;  // ascending
  std::size_t length = 0;
  std::size_t segments = 0;  // non-blank segments
};

void add_boundaries(const std::vector<std::string>& lines, Boundaries& b) {
  for (const std::string& s : lines) {
    const std::size_t n = without_space(s).size();
    if (n == 0) continue;
    b.length += n;
    b.ends.push_back(b.length);
    ++b.segments;
  }
}

std::size_t count_common(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
  std::vector<std::size_t> both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both.size();
}

BoundaryScore boundary_score(const Boundaries& gold, const Boundaries& pred) {
  const std::size_t hits = count_common(gold.ends, pred.ends);
  const Prf p = prf(hits, pred.ends.size(), hits, gold.ends.size());
  BoundaryScore s;
  s.precision = p.precision;
  s.recall = p.recall;
  s.f1 = p.f1;
  s.gold_segments = gold.segments;
  s.pred_segments = pred.segments;
  s.gold_chars = gold.length;
  s.pred_chars = pred.length;
  s.text_mismatch = gold.length != pred.length;
  return s;
}

using CpSpan = std::pair<std::size_t, std::size_t>;

// Where a predicted sentence lies in the gold text: the next verbatim occurrence, else where
// difflib lines it up (kiwipiepy's fallback for splitters that alter the text).
CpSpan locate(const std::u32string& full, const std::u32string& p, std::size_t offset) {
  const std::size_t at = full.find(p, offset);
  if (at != std::u32string::npos) return {at, at + p.size()};
  const auto ops = eval_detail::diff_opcodes(full.substr(offset), p);
  const auto first =
      std::find_if(ops.begin(), ops.end(), [](const auto& o) { return o.tag != 'd'; });
  const auto last =
      std::find_if(ops.rbegin(), ops.rend(), [](const auto& o) { return o.tag != 'd'; });
  return {offset + first->a_begin, offset + last->a_end};
}

struct DocumentResult {
  std::vector<double> score;  // per gold sentence
  std::vector<int> exact;     // per gold sentence
};

// kiwipiepy benchmark/sentence_split evaluate_split(gold, pred), step for step.
DocumentResult evaluate_split(const std::vector<std::string>& gold,
                              const std::vector<std::string>& pred) {
  std::u32string full;
  std::vector<CpSpan> gold_spans;
  for (const std::string& g : gold) {
    const std::size_t begin = full.size();
    full += without_space(g);
    gold_spans.emplace_back(begin, full.size());
  }
  std::vector<CpSpan> pred_spans;
  std::size_t offset = 0;
  for (const std::string& p : pred) {
    pred_spans.push_back(locate(full, without_space(p), offset));
    offset = pred_spans.back().second;
  }

  DocumentResult r{std::vector<double>(gold.size(), 0.0), std::vector<int>(gold.size(), 0)};
  struct Candidate {
    double ratio;
    std::size_t gold, pred;
    bool live = true;
  };
  std::vector<Candidate> matches;
  std::vector<std::vector<std::size_t>> pred_candidates(pred.size());
  std::size_t start = 0;
  for (std::size_t p = 0; p < pred_spans.size(); ++p) {
    const auto [pbegin, pend] = pred_spans[p];
    bool matched = false;
    const std::size_t from = start;  // the reference's range() is fixed when its loop starts
    for (std::size_t i = from; i < gold.size(); ++i) {
      const auto [gbegin, gend] = gold_spans[i];
      if (pbegin == gbegin && pend == gend) {
        r.score[i] = 1.0;
        r.exact[i] = 1;
        break;
      }
      const std::size_t ibegin = std::max(pbegin, gbegin), iend = std::min(pend, gend);
      if (ibegin < iend) {
        const double ratio = 2.0 * static_cast<double>(iend - ibegin) /
                             static_cast<double>((gend - gbegin) + (pend - pbegin));
        pred_candidates[p].push_back(matches.size());
        matches.push_back({ratio, i, p});
        matched = true;
      } else if (matched) {
        break;
      } else {
        ++start;
      }
    }
  }
  // Greedy: the best remaining (ratio, gold, pred) triple wins; its prediction is then used up.
  const auto key = [](const Candidate& c) { return std::make_tuple(c.ratio, c.gold, c.pred); };
  for (;;) {
    const Candidate* best = nullptr;
    for (const Candidate& c : matches)
      if (c.live && (!best || key(*best) < key(c))) best = &c;
    if (!best) break;
    r.score[best->gold] = std::max(r.score[best->gold], best->ratio);
    for (const std::size_t n : pred_candidates[best->pred]) matches[n].live = false;
  }
  return r;
}

std::vector<std::u32string> nonblank_segments(const std::vector<std::string>& doc) {
  std::vector<std::u32string> out;
  for (const std::string& s : doc) {
    std::u32string t = without_space(s);
    if (!t.empty()) out.push_back(std::move(t));
  }
  return out;
}

void check_same_size(std::size_t gold_docs, std::size_t pred_docs) {
  if (gold_docs != pred_docs)
    throw UsageError("split evaluation: " + std::to_string(gold_docs) + " gold documents but " +
                     std::to_string(pred_docs) + " predicted");
}

}  // namespace

bool is_python_space(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  const UCharDirection dir = u_charDirection(cp);
  return dir == U_WHITE_SPACE_NEUTRAL || dir == U_BLOCK_SEPARATOR || dir == U_SEGMENT_SEPARATOR ||
         u_charType(cp) == U_SPACE_SEPARATOR;
}

std::vector<std::string> sentence_lines(std::string_view text) {
  std::vector<std::string> out;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  std::int32_t line_start = 0;
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t at = i;
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, n, c);
    const bool breaks = c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C ||
                        c == 0x1D || c == 0x1E || c == 0x85 || c == 0x2028 || c == 0x2029;
    if (!breaks) continue;
    out.emplace_back(text.substr(line_start, at - line_start));
    if (c == '\r' && i < n && text[i] == '\n') ++i;
    line_start = i;
  }
  if (line_start < n) out.emplace_back(text.substr(line_start));
  return out;
}

BoundaryScore score_split(const std::vector<std::string>& gold,
                          const std::vector<std::string>& pred) {
  Boundaries g, p;
  add_boundaries(gold, g);
  add_boundaries(pred, p);
  return boundary_score(g, p);
}

DocumentSplitScore score_split_documents(const std::vector<std::vector<std::string>>& gold_docs,
                                         const std::vector<std::vector<std::string>>& pred_docs) {
  check_same_size(gold_docs.size(), pred_docs.size());
  DocumentSplitScore s;
  double f1 = 0, normalized = 0;
  std::size_t exact = 0;
  for (std::size_t d = 0; d < gold_docs.size(); ++d) {
    const auto& gold = gold_docs[d];
    const auto& pred = pred_docs[d];
    const DocumentResult r = evaluate_split(gold, pred);
    // The reference divides by len(pred); an empty prediction scores 0 whatever the penalty.
    const double penalty =
        pred.empty()
            ? 1.0
            : std::min(static_cast<double>(gold.size()) / static_cast<double>(pred.size()), 1.0);
    for (std::size_t i = 0; i < gold.size(); ++i) {
      f1 += r.score[i];
      normalized += r.score[i] * penalty;
      exact += static_cast<std::size_t>(r.exact[i]);
    }
    s.gold_sentences += gold.size();
    s.pred_sentences += pred.size();
    if (nonblank_segments(gold) == nonblank_segments(pred)) ++s.documents_exact;
  }
  s.documents = gold_docs.size();
  if (s.gold_sentences > 0) {
    const auto n = static_cast<double>(s.gold_sentences);
    s.exact_match = static_cast<double>(exact) / n;
    s.f1 = f1 / n;
    s.normalized_f1 = normalized / n;
  }
  return s;
}

SplitSetScore score_split_set(const std::vector<std::vector<std::string>>& gold_docs,
                              const std::vector<std::vector<std::string>>& pred_docs) {
  check_same_size(gold_docs.size(), pred_docs.size());
  SplitSetScore s;
  Boundaries g, p;
  std::vector<std::size_t> doc_ends;
  for (std::size_t d = 0; d < gold_docs.size(); ++d) {
    add_boundaries(gold_docs[d], g);
    add_boundaries(pred_docs[d], p);
    doc_ends.push_back(g.length);
    doc_ends.push_back(p.length);
  }
  s.boundary = boundary_score(g, p);
  std::sort(doc_ends.begin(), doc_ends.end());
  const auto drop_doc_ends = [&](Boundaries b) {
    std::vector<std::size_t> inner;
    std::set_difference(b.ends.begin(), b.ends.end(), doc_ends.begin(), doc_ends.end(),
                        std::back_inserter(inner));
    b.ends = std::move(inner);
    return b;
  };
  s.internal = boundary_score(drop_doc_ends(g), drop_doc_ends(p));
  s.documents = score_split_documents(gold_docs, pred_docs);
  return s;
}

}  // namespace kealign
