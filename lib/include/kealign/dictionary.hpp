// A bilingual word list (Korean headword -> English gloss), read once and shared by the aligner
// (AlignOptions::dictionary: dictionary anchors, and the Model 1 prior when no collection lexicon
// is given) and the lexical QA checks (CheckOptions::dictionary: untranslated-term,
// term-consistency).
//
//   std::shared_ptr<const kealign::Dictionary> dict = kealign::Dictionary::read("ko-en.tsv");
//   // From the line 충돌하다<TAB>collide, clash: the headword without 하다, inflection folded.
//   const std::vector<std::uint32_t>* ids = dict->lookup("충돌");
//   bool hit = ids && (*ids)[0] == dict->english_id("collides");
//   for (const std::string& w : dict->gloss_words("서울")) std::cout << w << '\n';  // "seoul"
//
// The file holds `korean<TAB>english` lines (e.g. kengdic's ko-en.tsv); the English is free text,
// a word or a phrase ("to be important, weighty"), and a headword may have several lines. It is
// read with the usual UTF-8 validation (text.hpp); blank lines are skipped and a line without a tab
// is an InputError naming the line and byte offset. Three views of the same lines:
//  - for the aligner's word table, any language pair: rows() as written, and lexicon(), Model 1
//    trained on them (the prior of each document's Model 1 when no collection lexicon is given);
//  - for the aligner's anchors, Korean word forms -> ids of the English content words of glosses:
//    a headword is also found without 하다/되다/다 (충돌하다 as 충돌) and "베이징(북경)" under both
//    names; English words of three letters or more, stop words dropped, regular inflection folded;
//  - for the checks, each headword exactly as written -> every word of its glosses, case-folded
//    with Unicode rules and split at anything that is not a letter, in file order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kealign/export.hpp"

namespace kealign {

struct Document;
class Lexicon;

class KEALIGN_EXPORT Dictionary {
 public:
  // Reads and validates the file ("-" = standard input): IoError when it cannot be read,
  // InputError for invalid UTF-8 or a line without a tab.
  static std::shared_ptr<const Dictionary> read(const std::string& path);
  // The same for text already in memory; name is used in messages.
  static std::shared_ptr<const Dictionary> parse(std::string_view tsv, const std::string& name);

  // Ids of the English content words a Korean word form may translate to; nullptr if none.
  const std::vector<std::uint32_t>* lookup(std::string_view korean) const;
  // Id of a lower-cased English word, regular inflection folded ("missiles" = "missile"), or
  // kNoWord.
  std::uint32_t english_id(std::string_view english) const;
  static constexpr std::uint32_t kNoWord = 0xFFFFFFFFu;
  // Number of Korean word forms the aligner's view knows.
  std::size_t size() const { return entries_.size(); }

  // The case-folded words of every gloss of this headword (exact UTF-8); empty if none.
  const std::vector<std::string>& gloss_words(std::string_view headword) const;

  // Every line as written, (headword, gloss) in file order: the view of a language-neutral user
  // such as the lexicon learner (LexiconLearner::add_dictionary).
  const std::vector<std::pair<std::string, std::string>>& rows() const { return rows_; }
  // IBM Model 1 trained on the rows alone (LexiconLearner::add_dictionary), for any language
  // pair: learnt at the first call (thread-safe; 0.4 s for 145,000 translations) and kept.
  std::shared_ptr<const Lexicon> lexicon() const;

 private:
  static std::shared_ptr<const Dictionary> from_document(const Document& doc);
  void add_translation(std::string_view korean, std::string_view english);
  void add_glosses(const std::vector<std::string_view>& headwords,
                   const std::vector<std::string_view>& glosses);

  std::unordered_map<std::string, std::vector<std::uint32_t>> entries_;  // form -> English ids
  std::unordered_map<std::string, std::uint32_t> english_ids_;           // English stem -> id
  std::unordered_map<std::string, std::vector<std::string>> glosses_;    // headword -> words
  std::vector<std::pair<std::string, std::string>> rows_;                // the lines as written
  mutable std::once_flag lexicon_once_;
  mutable std::shared_ptr<const Lexicon> lexicon_;  // lexicon(), once learnt
};

}  // namespace kealign
