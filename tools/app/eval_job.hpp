// The `kealign eval` job as a library call: score a prediction against gold, or run kealign's own
// splitter / aligner over a whole gold set and score that, printing `name: value` lines as
// /work/shared/eval/score.py and run_align_set.py do.
//
//   kealign::EvalJob job;
//   job.task = "split-set"; job.lang = "ko"; job.input = "../shared/corpora/split-gold/ko-blogs";
//   std::cout << kealign::evaluate(job);   // split_f1: ..., em: ..., documents_exact: 6/28 = ...
//   job = {}; job.gold = "gold.tsv"; job.input = "pred.tsv";
//   kealign::run_eval_job(job);             // alignment figures to job.output ("-" = stdout)
//
// Tasks: align (GOLD.tsv vs PRED.tsv, == score.py align), split (GOLD.sents vs PRED.sents, ==
// score.py split), flags (== score.py flags), split-set DIR (a split-gold folder: input.txt with
// blank-line separated documents, gold.sents, docs.tsv), align-set ROOT (one folder per document
// with NAME.sents files and gold.tsv, aligned with --presplit semantics, == run_align_set.py).
#pragma once

#include <string>
#include <vector>

#include "app/eval.hpp"
#include "kealign/align.hpp"
#include "kealign/segment.hpp"

namespace kealign {

struct EvalJob {
  std::string task = "align";      // align, split, flags, split-set or align-set
  std::string gold;                // gold file (align, split, flags)
  std::string input;               // predicted file; the set folder for split-set and align-set
  std::string found_by = "rules";  // flags: the gold findings that count for recall
  std::string lang;                // split-set: language of the set, ko or en
  std::vector<std::string> names = {"ko", "en"};  // align-set: NAME.sents of each side
  std::string dictionary;    // align-set: optional first<TAB>second word list for the aligner
  std::string lexicon;       // align-set: optional collection lexicon (lexicon.hpp)
  std::string output = "-";  // output path; "-" = standard output
};

// Runs the job and returns its report.
std::string evaluate(const EvalJob& job);
// Runs the job and writes the report atomically to job.output.
void run_eval_job(const EvalJob& job);

// A split-gold folder: document texts and their gold sentences, in order.
struct SplitGoldSet {
  std::vector<std::string> documents;
  std::vector<std::vector<std::string>> gold;
};
// Reads DIR/input.txt, DIR/gold.sents and DIR/docs.tsv; an InputError when they disagree.
SplitGoldSet read_split_gold_set(const std::string& dir);

// kealign's splitter on each document separately (segments as raw text of the document).
std::vector<std::vector<std::string>> split_each(const std::vector<std::string>& documents,
                                                 Language lang);

// Aligns every document folder of root (sorted, those with gold.tsv) with presplit inputs and
// scores the set as run_align_set.py does; a document the aligner rejects counts as failed.
AlignSetScore align_set(const std::string& root, const std::vector<std::string>& names,
                        const AlignOptions& options);

// The reports, line for line as the reference scorers print them.
std::string format_split_score(const BoundaryScore& s);
std::string format_alignment_score(const AlignScore& s);
std::string format_flags_score(const FlagsScore& s);
std::string format_split_set_score(const SplitSetScore& s);
std::string format_align_set_score(const AlignSetScore& s);

}  // namespace kealign
