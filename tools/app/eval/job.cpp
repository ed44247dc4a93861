#include "app/eval_job.hpp"

#include <fmt/format.h>

#include <chrono>

#include "app/align_job.hpp"
#include "app/document_folders.hpp"
#include "app/io.hpp"
#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

std::vector<std::string> file_sentence_lines(const std::string& path) {
  const Document doc = read_document(path);
  return sentence_lines(doc.body());
}

}  // namespace

AlignSetScore align_set(const std::string& root, const std::vector<std::string>& names,
                        const AlignOptions& options) {
  if (names.size() != 2) throw UsageError("align-set needs two names, e.g. ko en");
  const std::vector<std::string> folders = app_detail::document_folders(root, "gold.tsv");
  // An empty set would print all-zero figures that look like a measurement.
  if (folders.empty()) throw IoError(root, "no document folders holding a gold.tsv");

  const auto start = std::chrono::steady_clock::now();
  std::vector<AlignTally> tallies;
  std::size_t failed = 0;
  for (const std::string& dir : folders) {
    const std::vector<Link> gold = read_links(dir + "/gold.tsv");
    std::vector<Link> pred;
    try {
      const SegmentedText ko = presplit(read_document(dir + "/" + names[0] + ".sents"));
      const SegmentedText en = presplit(read_document(dir + "/" + names[1] + ".sents"));
      pred = to_links(align(ko, en, options).alignment);
    } catch (const Error&) {
      ++failed;  // scored as no links, as the reference scores a failed run
    }
    tallies.push_back(tally_alignment(gold, pred));
  }
  AlignSetScore s = score_alignment_set(tallies);
  s.failed = failed;
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

std::string evaluate(const EvalJob& job) {
  const auto need = [&](const std::string& value, const char* what) {
    if (value.empty()) throw UsageError("eval --task " + job.task + " needs " + what);
  };
  if (job.task == "align") {
    need(job.gold, "--gold GOLD.tsv");
    return format_alignment_score(score_alignment(read_links(job.gold), read_links(job.input)));
  }
  if (job.task == "split") {
    need(job.gold, "--gold GOLD.sents");
    return format_split_score(
        score_split(file_sentence_lines(job.gold), file_sentence_lines(job.input)));
  }
  if (job.task == "flags") {
    need(job.gold, "--gold GOLD_flags.tsv");
    const FlagTable gold = read_flags(job.gold);
    const FlagTable pred = read_flags(job.input);
    return format_flags_score(score_flags(gold, pred, job.found_by));
  }
  if (job.task == "split-set") {
    need(job.lang, "--lang ko|en");
    const Language lang = parse_language(job.lang);
    const SplitGoldSet set = read_split_gold_set(job.input);
    return format_split_set_score(score_split_set(set.gold, split_each(set.documents, lang)));
  }
  if (job.task == "align-set") {
    AlignJob align_job;
    align_job.presplit = true;
    align_job.dictionary = job.dictionary;
    align_job.lexicon = job.lexicon;
    return format_align_set_score(align_set(job.input, job.names, align_options(align_job)));
  }
  throw UsageError("unknown eval task '" + job.task +
                   "' (use align, split, flags, split-set or align-set)");
}

void run_eval_job(const EvalJob& job) {
  write_output(job.output, evaluate(job));
}

}  // namespace kealign
