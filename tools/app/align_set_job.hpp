// The `kealign align-set` job as a library call: align every document pair of a folder, one
// aligned TSV per pair, on several threads; optionally learning a collection lexicon from the
// whole set first (lexicon.hpp), as Moore (2002) trains its word model on the corpus it aligns.
//
//   kealign::AlignSetJob job;
//   job.root = "corpus"; job.out_dir = "aligned"; job.pair.presplit = true;
//   job.learn_lexicon = true;
//   kealign::AlignSetSummary s = kealign::run_align_set_job(job);  // aligned/<folder>.tsv
//   for (const auto& f : s.failures) std::cerr << f.folder << ": " << f.error << '\n';
//
// Every sub-folder of root (sorted, symlinks followed) is one pair: NAME.sents (presplit) or
// NAME.txt for each of the two names; all are checked before aligning starts. A pair that fails
// (bad encoding, not a translation, ...) is reported in the summary and the others go on.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/align_job.hpp"

namespace kealign {

struct AlignSetJob {
  std::string root;                               // folder of document folders
  std::vector<std::string> names = {"ko", "en"};  // the two sides' file names without extension
  AlignJob pair;               // per-pair settings (presplit, dictionary, lexicon, flags, ...)
  bool learn_lexicon = false;  // learn a lexicon from the set (and pair.dictionary) first
  std::string out_dir;         // where <folder name>.tsv goes for each pair (created if missing)
  unsigned threads = 0;        // worker threads; 0 = one per core
};

struct AlignSetFailure {
  std::string folder;  // the document folder
  std::string error;   // the error, naming the file, line and byte where it went wrong
};

struct AlignSetSummary {
  std::size_t documents = 0;              // document folders
  std::size_t links = 0;                  // links written, over every pair that succeeded
  std::vector<AlignSetFailure> failures;  // pairs not written, in folder order
  std::string lexicon;                    // the lexicon learnt (path), if learn_lexicon
  double seconds = 0;                     // wall time, learning included
};

// UsageError unless two names are given, or for learn_lexicon together with pair.lexicon;
// InputError / IoError as kealign lexicon for the set itself; IoError if out_dir cannot be made.
AlignSetSummary run_align_set_job(const AlignSetJob& job);

}  // namespace kealign
