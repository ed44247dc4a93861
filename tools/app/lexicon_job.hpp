// The `kealign lexicon` job as a library call: learn a collection lexicon (lexicon.hpp) from every
// document folder of a root and write it atomically.
//
//   kealign::LexiconJob job;
//   job.root = "corpora/libreoffice-help-ko-en-align"; job.presplit = true; job.output = "lex.tsv";
//   kealign::LexiconSummary s = kealign::run_lexicon_job(job);  // s.documents, s.links, s.entries
//
// Every sub-folder of root (sorted, symlinks followed) is one document pair: NAME.sents (presplit)
// or NAME.txt (split with the Korean and English rules) for each of the two names. No gold is read.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kealign {

struct LexiconJob {
  std::string root;                               // folder of document folders
  std::vector<std::string> names = {"ko", "en"};  // the two sides' file names without extension
  bool presplit = false;                          // read NAME.sents (one segment per line)
  std::string output = "-";                       // output path; "-" = standard output
  bool skip_failed = false;  // leave out a pair that cannot be read (else its error is thrown)
  std::string dictionary;    // optional first<TAB>second word list pooled with the links
};

struct LexiconSummary {
  std::size_t documents = 0;         // document pairs aligned
  std::size_t skipped = 0;           // pairs left out (skip_failed)
  std::size_t links = 0;             // confident 1-1 links learnt from
  std::size_t dictionary_links = 0;  // translations of the word list learnt from besides
  std::size_t entries = 0;           // word pairs written
  double seconds = 0;                // wall time of aligning and learning
};

// Learns and writes the lexicon. UsageError unless two names are given; InputError naming root
// when it holds no document folder, or naming the missing file of a folder without both files.
LexiconSummary run_lexicon_job(const LexiconJob& job);

}  // namespace kealign
