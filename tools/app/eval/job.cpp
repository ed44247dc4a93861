#include "app/eval_job.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>

#include "app/align_job.hpp"
#include "app/document_folders.hpp"
#include "app/io.hpp"
#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

// A prediction scored against gold must be an alignment of the same segments: each segment id of a
// side in exactly one link, and the same ids as the gold's. Duplicates would count twice (a recall
// of 2.0); missing ones would score an alignment of other texts.
void check_alignment_of(const std::vector<Link>& links, const std::string& file,
                        const std::vector<Link>* gold, const std::string& gold_file) {
  for (const bool korean : {true, false}) {
    const char* side = korean ? "Korean" : "English";
    const auto ids = [&](const Link& l) -> const std::vector<std::uint32_t>& {
      return korean ? l.ko : l.en;
    };
    std::map<std::uint32_t, std::size_t> first;  // id -> index of the link that has it
    for (std::size_t i = 0; i < links.size(); ++i)
      for (const std::uint32_t id : ids(links[i])) {
        const auto [it, fresh] = first.emplace(id, i);
        if (!fresh)
          throw InputError(file, links[i].line, links[i].byte,
                           fmt::format("link {}: {} segment {} is already in link {} (line {}): not "
                                       "an alignment (each segment belongs to one link)",
                                       i + 1, side, id, it->second + 1, links[it->second].line));
      }
    if (!gold) continue;
    std::map<std::uint32_t, std::size_t> in_gold;
    for (std::size_t i = 0; i < gold->size(); ++i)
      for (const std::uint32_t id : ids((*gold)[i])) in_gold.emplace(id, i);
    for (const auto& [id, i] : first)
      if (!in_gold.count(id))
        throw InputError(file, links[i].line, links[i].byte,
                         fmt::format("link {}: {} segment {} is not in the gold {}", i + 1, side,
                                     id, gold_file));
    for (const auto& [id, g] : in_gold)
      if (!first.count(id)) {
        // Named where it is missing: the first link past it, or the end.
        std::size_t at = links.size();
        for (std::size_t i = 0; i < links.size() && at == links.size(); ++i)
          for (const std::uint32_t x : ids(links[i]))
            if (x > id) at = i;
        const std::size_t line = at < links.size() ? links[at].line
                                 : links.empty()    ? 0
                                                    : links.back().line;
        const std::size_t byte = at < links.size() ? links[at].byte
                                 : links.empty()    ? std::string::npos
                                                    : links.back().byte;
        throw InputError(file, line, byte,
                         fmt::format("{} segment {} (gold link {}, line {}) is in no link: not an "
                                     "alignment of the gold's segments",
                                     side, id, g + 1, (*gold)[g].line));
      }
  }
}

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
    const std::vector<Link> gold = read_links(job.gold);
    const std::vector<Link> pred = read_links(job.input);
    check_alignment_of(gold, job.gold, nullptr, {});
    check_alignment_of(pred, job.input, &gold, job.gold);
    return format_alignment_score(score_alignment(gold, pred));
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
  refuse_output_overwriting_input({job.output}, {job.gold, job.input, job.dictionary, job.lexicon});
  write_output(job.output, evaluate(job));
}

}  // namespace kealign
