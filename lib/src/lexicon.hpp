// The optional bilingual dictionary of the lexical checks (CheckOptions::dictionary): lines of
// `korean<TAB>english gloss`, e.g. /work/shared/corpora/kengdic-basic-ko-en/ko-en.tsv.
//
//   const kealign::Lexicon& lex = kealign::load_lexicon("ko-en.tsv");  // cached by path
//   for (const std::string& w : lex.gloss_words(U"서울")) ...           // "seoul"
//
// Glosses are free text; the lexicon keeps their words, lowercased, per headword.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kealign {

struct Lexicon {
  std::map<std::u32string, std::vector<std::string>> words;  // headword -> gloss words

  const std::vector<std::string>& gloss_words(const std::u32string& headword) const;
  bool empty() const { return words.empty(); }
};

// Loads (once per path) the dictionary; an empty path gives an empty lexicon. Throws IoError when
// the file cannot be read and InputError for a line without a tab.
const Lexicon& load_lexicon(const std::string& path);

}  // namespace kealign
