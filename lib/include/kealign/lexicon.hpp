// A word-translation lexicon learnt from a whole collection of document pairs, no gold read (Moore
// 2002 trains IBM Model 1 on the whole corpus; one document alone is too little text): each pair is
// aligned as align() does, the confident 1-1 links of all pairs are pooled (with, optionally, the
// entries of a bilingual word list), and Model 1 is trained on them in both directions.
// AlignOptions::lexicon then gives each document's own Model 1 the collection's table as a prior.
//
//   kealign::LexiconLearner learner;
//   for (...) learner.add(ko, en);                        // each pair aligned once
//   auto lexicon = std::make_shared<const kealign::Lexicon>(learner.learn());
//   kealign::write_output("lex.tsv", lexicon->format());
//   AlignOptions options;
//   options.lexicon = kealign::Lexicon::read("lex.tsv");  // kealign align --lexicon lex.tsv
//
// File format (UTF-8 TSV): the header `ko<TAB>en<TAB>en_given_ko<TAB>ko_given_en`, then one row per
// word pair: a first-side (Korean, or any source language) word stem, a second-side stem, t(en|ko)
// and t(ko|en) as decimal numbers in [0, 1] (0 where a direction dropped the pair). Stems are the
// words as the aligner compares them: lower-cased, the first 5 code points of a word in letters,
// the first 2 of a Hangul or CJK word; numbers, punctuation and one-letter words are never stems.
// Rows are sorted by stem; blank lines are skipped; anything else malformed is an InputError naming
// the line.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/align.hpp"
#include "kealign/dictionary.hpp"
#include "kealign/segment.hpp"

namespace kealign {

namespace align_detail {
struct LexiconIndex;
}

struct LexiconEntry {
  std::string ko;           // stem of the first side (Korean in kealign's naming)
  std::string en;           // stem of the second side
  float en_given_ko = 0.0;  // t(en | ko), Model 1 from the first side to the second
  float ko_given_en = 0.0;  // t(ko | en)
};

class Lexicon {
 public:
  explicit Lexicon(std::vector<LexiconEntry> entries);
  // Reads and validates the file ("-" = standard input): IoError when it cannot be read,
  // InputError for invalid UTF-8, a wrong header, a row without four cells or a bad number.
  static std::shared_ptr<const Lexicon> read(const std::string& path);
  // The same for text in memory; name is used in messages.
  static std::shared_ptr<const Lexicon> parse(std::string_view tsv, const std::string& name);
  // The file text (header and rows), as read() reads it.
  std::string format() const;

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  // The entries by stem hash, for the aligner.
  const align_detail::LexiconIndex& index() const { return *index_; }

 private:
  std::vector<LexiconEntry> entries_;
  std::shared_ptr<const align_detail::LexiconIndex> index_;
};

struct LexiconLearnOptions {
  AlignOptions align;             // how each pair is aligned before its links are pooled
  double min_confidence = 0.9;    // 1-1 links with a lower posterior are not learnt from
  int iterations = 5;             // EM iterations of Model 1 over the pooled links
  double min_probability = 0.01;  // t below this in both directions is not kept
};

// Pools the confident 1-1 links of document pairs, one pair at a time (only the links' word stems
// are kept), and trains the lexicon on all of them.
class LexiconLearner {
 public:
  explicit LexiconLearner(LexiconLearnOptions options = {});
  ~LexiconLearner();
  LexiconLearner(LexiconLearner&&) noexcept;
  LexiconLearner& operator=(LexiconLearner&&) noexcept;

  // Aligns the pair and keeps its confident 1-1 links.
  void add(const SegmentedText& ko, const SegmentedText& en);
  // Pools each translation of a bilingual word list as one more link (Brown et al. 1993 train on
  // dictionary entries beside the text): a row's gloss is cut at ',' and ';' into translations.
  // The text's own links still decide frequent words; the list speaks for words the text holds
  // too rarely to be learnt. Any pair of languages: the words meet as stems, as in the text.
  void add_dictionary(const Dictionary& dictionary);
  std::size_t documents() const;
  std::size_t links() const;             // links pooled so far, dictionary links included
  std::size_t dictionary_links() const;  // of those, from add_dictionary
  // Model 1 in both directions over the pooled links.
  Lexicon learn() const;

 private:
  struct Pool;
  LexiconLearnOptions options_;
  std::unique_ptr<Pool> pool_;
};

}  // namespace kealign
