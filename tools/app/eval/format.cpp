// The `name: value` reports of `kealign eval`, line for line as the reference scorers print them.
#include <fmt/format.h>

#include "app/eval_job.hpp"

namespace kealign {
namespace {

std::string ids_repr(const std::set<std::uint32_t>& ids) {
  return fmt::format("[{}]", fmt::join(ids, ", "));  // Python's repr of a sorted list
}

}  // namespace

std::string format_split_score(const BoundaryScore& s) {
  std::string out;
  if (s.text_mismatch)
    out += fmt::format("text_mismatch: gold has {} non-space characters, prediction {}\n",
                       s.gold_chars, s.pred_chars);
  out += fmt::format("split_precision: {:.4f}\nsplit_recall: {:.4f}\nsplit_f1: {:.4f}\n",
                     s.precision, s.recall, s.f1);
  out += fmt::format("segments_gold: {}\nsegments_pred: {}\n", s.gold_segments, s.pred_segments);
  return out;
}

std::string format_alignment_score(const AlignScore& s) {
  return fmt::format(
      "strict_precision: {:.4f}\nstrict_recall: {:.4f}\nstrict_f1: {:.4f}\n"
      "lax_precision: {:.4f}\nlax_recall: {:.4f}\nlax_f1: {:.4f}\n"
      "pair_precision: {:.4f}\npair_recall: {:.4f}\npair_f1: {:.4f}\nconserved: {}\n",
      s.strict_precision, s.strict_recall, s.strict_f1, s.lax_precision, s.lax_recall, s.lax_f1,
      s.pair_precision, s.pair_recall, s.pair_f1, s.conserved ? "yes" : "no");
}

std::string format_flags_score(const FlagsScore& s) {
  std::string out = fmt::format(
      "flags_gold_{}: {}\nflags_found: {}\nflags_recall: {:.4f}\nflags_predicted: {}\n"
      "flags_precision: {:.4f}\n",
      s.found_by, s.gold, s.found, s.recall, s.predicted, s.precision);
  for (const FlagRow* g : s.missed)
    out += fmt::format("missed: {} ko={} en={}\n", g->check, ids_repr(g->ko), ids_repr(g->en));
  for (const FlagRow* p : s.unmatched)
    out += fmt::format("unmatched: {} ko={} en={}\n", p->check, ids_repr(p->ko), ids_repr(p->en));
  return out;
}

std::string format_split_set_score(const SplitSetScore& s) {
  const DocumentSplitScore& d = s.documents;
  std::string out = fmt::format("documents: {}\n", d.documents);
  out += format_split_score(s.boundary);
  out += fmt::format("internal_precision: {:.4f}\ninternal_recall: {:.4f}\ninternal_f1: {:.4f}\n",
                     s.internal.precision, s.internal.recall, s.internal.f1);
  out += fmt::format("em: {:.5f}\nsentence_f1: {:.5f}\nnormalized_f1: {:.5f}\n", d.exact_match,
                     d.f1, d.normalized_f1);
  const double share = d.documents ? 100.0 * static_cast<double>(d.documents_exact) /
                                         static_cast<double>(d.documents)
                                   : 0.0;
  out += fmt::format("documents_exact: {}/{} = {:.2f}%\n", d.documents_exact, d.documents, share);
  return out;
}

std::string format_align_set_score(const AlignSetScore& s) {
  return fmt::format(
      "documents: {}\nfailed: {}\nseconds: {:.1f}\n"
      "lax_precision: {:.4f}\nlax_recall: {:.4f}\nlax_f1: {:.4f}\n"
      "strict_precision: {:.4f}\nstrict_recall: {:.4f}\nstrict_f1: {:.4f}\n",
      s.documents, s.failed, s.seconds, s.lax_precision, s.lax_recall, s.lax_f1, s.strict_precision,
      s.strict_recall, s.strict_f1);
}

}  // namespace kealign
