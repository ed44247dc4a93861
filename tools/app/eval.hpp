// Evaluation metrics for splitting, alignment and QA flags, each equal to a published reference:
// /work/shared/eval/score.py (split, align, flags), /work/shared/eval/run_align_set.py (set-level
// micro-average) and kiwipiepy's benchmark/sentence_split evaluate_split (EM, F1, normalised F1).
//
//   std::vector<std::string> gold = kealign::sentence_lines(gold_text);      // like
//   str.splitlines() kealign::BoundaryScore b = kealign::score_split(gold, pred);             // ==
//   score.py split kealign::DocumentSplitScore d = kealign::score_split_documents(gold_docs,
//   pred_docs); kealign::AlignScore a = kealign::score_alignment(kealign::read_links("gold.tsv"),
//                                                    kealign::read_links("pred.tsv"));  // ==
//                                                    score.py align
//   kealign::AlignSetScore s = kealign::score_alignment_set({kealign::tally_alignment(g1, p1),
//   ...}); kealign::FlagsScore f = kealign::score_flags(kealign::parse_flags(gold_tsv, "gold"),
//                                                kealign::parse_flags(pred_tsv, "pred"), "rules");
//
// Text is compared as Python compares it: in code points, with white space as Python's \s (so
// figures agree with the references to the last printed digit). Strings must be UTF-8; a stray
// invalid byte counts as one character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/align.hpp"

namespace kealign {

// ---- sentence splitting
// --------------------------------------------------------------------------

struct BoundaryScore {
  double precision = 0, recall = 0, f1 = 0;
  std::size_t gold_segments = 0, pred_segments = 0;  // non-blank segments on each side
  std::size_t gold_chars = 0, pred_chars = 0;  // non-space characters (code points) on each side
  bool text_mismatch = false;  // the two sides do not hold the same number of non-space characters
};

// == `score.py split`: boundary P/R/F1 on offsets in the text with all white space removed. Blank
// entries (white space only) are ignored, as score.py ignores blank lines.
BoundaryScore score_split(const std::vector<std::string>& gold,
                          const std::vector<std::string>& pred);

struct DocumentSplitScore {
  double exact_match = 0, f1 = 0, normalized_f1 = 0;  // kiwipiepy's EM, F1, Normalized F1
  std::size_t documents = 0, documents_exact = 0, gold_sentences = 0;
  std::size_t pred_sentences = 0;  // predicted segments, as kiwipiepy's "System: N sents"
};

// kiwipiepy's evaluate_split metrics (EM, F1, normalised F1 per gold sentence) over documents,
// plus the share of documents split exactly right (the pySBD golden-rules "GRS" figure: the same
// segments, white space ignored). gold_docs and pred_docs must have the same size (UsageError).
DocumentSplitScore score_split_documents(const std::vector<std::vector<std::string>>& gold_docs,
                                         const std::vector<std::vector<std::string>>& pred_docs);

// The figures `kealign eval --task split-set` prints for a whole gold set.
struct SplitSetScore {
  BoundaryScore boundary;  // score_split over the concatenation of all documents
  BoundaryScore internal;  // the same without the document ends (which every splitter gets)
  DocumentSplitScore documents;
};
SplitSetScore score_split_set(const std::vector<std::vector<std::string>>& gold_docs,
                              const std::vector<std::vector<std::string>>& pred_docs);

// Lines as Python's str.splitlines() cuts them (\n, \r\n, \r, \v, \f, \x1c-\x1e, U+0085, U+2028,
// U+2029), without terminators; a final terminator adds no empty line.
std::vector<std::string> sentence_lines(std::string_view text);

// Python's str.isspace() for one code point (the \s of Python's re on str patterns).
bool is_python_space(char32_t c);

// ---- alignment
// -----------------------------------------------------------------------------------

struct AlignScore {
  double strict_precision = 0, strict_recall = 0, strict_f1 = 0;  // exact non-null links
  double lax_precision = 0, lax_recall = 0, lax_f1 = 0;  // non-null links overlapping on both sides
  double pair_precision = 0, pair_recall = 0, pair_f1 = 0;  // (ko id, en id) pairs
  bool conserved = false;  // pred uses every gold segment id exactly as often as gold does
  std::size_t gold_links = 0, pred_links = 0;  // all links, null ones included
};

// == `score.py align GOLD PRED`.
AlignScore score_alignment(const std::vector<Link>& gold, const std::vector<Link>& pred);

// One document's counts for the set-level micro-average of run_align_set.py (non-null links only).
struct AlignTally {
  std::size_t gold_links = 0;     // non-null gold links
  std::size_t pred_links = 0;     // non-null predicted links
  std::size_t strict_hits = 0;    // predicted links equal to a gold link
  std::size_t lax_pred_hits = 0;  // predicted links overlapping a gold link on both sides
  std::size_t lax_gold_hits = 0;  // gold links overlapping a predicted link on both sides
};
AlignTally tally_alignment(const std::vector<Link>& gold, const std::vector<Link>& pred);

struct AlignSetScore {
  std::size_t documents = 0;
  std::size_t failed = 0;  // documents the aligner could not align (scored as no links)
  double seconds = 0;      // wall time of aligning the set
  double lax_precision = 0, lax_recall = 0, lax_f1 = 0;
  double strict_precision = 0, strict_recall = 0, strict_f1 = 0;
};

// == run_align_set.py's figures: counts summed over documents, then P/R/F1 (documents = size).
AlignSetScore score_alignment_set(const std::vector<AlignTally>& per_document);

// ---- QA flags
// ------------------------------------------------------------------------------------

struct FlagRow {
  std::set<std::uint32_t> ko, en;  // segment ids
  std::string check;               // check id; gold may list alternatives as "a|b"
  std::vector<std::string> cells;  // all cells of the row
};

struct FlagTable {
  std::vector<std::string> header;  // cells of the first line (whatever it holds)
  std::vector<FlagRow> rows;        // rows with at least three cells, header skipped
};

// Reads `ko_ids<TAB>en_ids<TAB>check...` rows as score.py does; a bad id is an InputError.
FlagTable parse_flags(std::string_view tsv, const std::string& name);
FlagTable read_flags(const std::string& path);

struct FlagsScore {
  std::string found_by;   // which gold findings count for recall ("rules" by default)
  std::size_t gold = 0;   // gold findings with that found_by (all when gold has no such column)
  std::size_t found = 0;  // of those, matched by a prediction
  std::size_t predicted = 0;
  std::size_t right = 0;  // predictions matching any gold finding, whatever found it
  double recall = 0, precision = 0;
  std::vector<const FlagRow*> missed;     // into the gold table
  std::vector<const FlagRow*> unmatched;  // into the predicted table
};

// == `score.py flags GOLD PRED --found-by found_by`: a prediction matches a gold finding when its
// check is one of the gold's alternatives and they share a Korean or an English segment id.
// The result points into the tables, which must outlive it.
FlagsScore score_flags(const FlagTable& gold, const FlagTable& pred,
                       const std::string& found_by = "rules");

}  // namespace kealign
