// The bilingual dictionary (dictionary.hpp) and the scorer that turns it into anchor keys: a
// Korean word and an English word meet on the id of the English word the dictionary gives for the
// Korean one.
#include "kealign/dictionary.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <boost/locale.hpp>
#include <unordered_set>

#include "align_internal.hpp"
#include "align_tokens.hpp"
#include "kealign/error.hpp"
#include "kealign/lexicon.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

// English glosses are phrases ("to be important, weighty"); these words carry no meaning of
// their own and would match everywhere.
const std::unordered_set<std::string>& english_stop_words() {
  static const std::unordered_set<std::string> words = {
      "the",     "and",       "for",     "with",   "from",  "into", "onto",  "one",  "sth",
      "someone", "something", "oneself", "its",    "his",   "her",  "their", "that", "this",
      "are",     "was",       "were",    "been",   "being", "have", "has",   "had",  "not",
      "but",     "or",        "of",      "to",     "be",    "an",   "as",    "at",   "by",
      "in",      "on",        "up",      "out",    "off",   "over", "about", "very", "make",
      "get",     "give",      "take",    "put",    "etc",   "kind", "sort",  "way",  "thing",
      "things",  "person",    "people",  "become", "come",  "go",   "do"};
  return words;
}

// Folds regular English inflection so "missiles" meets the gloss "missile" and "announced"
// meets "announce".
std::string english_stem(std::string w) {
  const auto ends = [&](std::string_view s) {
    return w.size() > s.size() + 2 && std::string_view(w).substr(w.size() - s.size()) == s;
  };
  if (ends("ies")) {
    w = w.substr(0, w.size() - 3) + "y";
  } else if (ends("sses") || ends("xes") || ends("ches") || ends("shes") || ends("ing")) {
    w.resize(w.size() - (ends("ing") ? 3 : 2));
  } else if (ends("ed")) {
    w.resize(w.size() - 2);
  } else if (ends("s") && !ends("ss")) {
    w.pop_back();
  }
  if (ends("e")) w.pop_back();
  return w;
}

// Korean dictionary forms: "충돌하다" is also found as "충돌", "즐기다" as "즐기", and
// "베이징(북경)" as both names.
std::vector<std::string> korean_forms(std::string_view headword) {
  std::vector<std::string> forms;
  const auto add = [&](std::string w) {
    while (!w.empty() && w.back() == ' ') w.pop_back();
    while (!w.empty() && w.front() == ' ') w.erase(0, 1);
    if (w.empty()) return;
    forms.push_back(w);
    for (std::string_view ending : {"하다", "되다", "다"}) {
      if (w.size() > ending.size() + 3 &&
          std::string_view(w).substr(w.size() - ending.size()) == ending) {
        forms.push_back(w.substr(0, w.size() - ending.size()));
        break;
      }
    }
  };
  const std::size_t open = headword.find('(');
  const std::size_t close = headword.find(')', open == headword.npos ? 0 : open);
  if (open != headword.npos && close != headword.npos) {
    add(std::string(headword.substr(0, open)));
    add(std::string(headword.substr(open + 1, close - open - 1)));
  } else {
    add(std::string(headword));
  }
  return forms;
}

// Case folding with Unicode rules (glosses hold "café", "Ångström"); it maps code points one by
// one, so folding the glosses joined by newlines folds each of them.
std::string fold_case(const std::string& text) {
  static const std::locale folding = boost::locale::generator()("en_US.UTF-8");
  return boost::locale::fold_case(text, folding);
}

// The words of a folded gloss: runs of letters.
std::vector<std::string> letter_words(std::string_view gloss) {
  std::vector<std::string> out;
  std::string w;
  for (std::size_t i = 0; i <= gloss.size();) {
    const std::size_t at = i;
    const char32_t c = i < gloss.size() ? next_code_point(gloss, i) : (++i, U' ');
    if (u_isalpha(static_cast<UChar32>(c))) {
      w.append(gloss.substr(at, i - at));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  return out;
}

// Korean words in running text carry particles and endings: the longest dictionary prefix of at
// least this many syllables is taken.
constexpr std::size_t kMinKoreanPrefix = 2;
constexpr std::size_t kMinEnglishWord = 3;

class DictionaryScorer : public align_detail::SegmentScorer {
 public:
  explicit DictionaryScorer(std::shared_ptr<const Dictionary> dictionary)
      : dictionary_(std::move(dictionary)) {}

  void annotate(const SegmentedText& text, align_detail::Side side,
                align_detail::SideProfile& profile) const override {
    for (std::size_t i = 0; i < text.size(); ++i)
      for (const align_detail::Token& t : profile.tokens[i]) {
        if (side == align_detail::Side::kKorean && t.kind == align_detail::TokenKind::kHangul) {
          if (const auto* ids = longest_prefix(t.text))
            for (std::uint32_t id : *ids)
              profile.keys[i].push_back(
                  align_detail::make_key(align_detail::KeyFamily::kDictionary, id));
        } else if (side == align_detail::Side::kEnglish &&
                   t.kind == align_detail::TokenKind::kLetters) {
          const std::uint32_t id = dictionary_->english_id(t.text);
          if (id != Dictionary::kNoWord)
            profile.keys[i].push_back(
                align_detail::make_key(align_detail::KeyFamily::kDictionary, id));
        }
      }
  }

 private:
  const std::vector<std::uint32_t>* longest_prefix(const std::string& word) const {
    for (std::size_t n = align_detail::count_code_points(word); n >= kMinKoreanPrefix; --n)
      if (const auto* ids = dictionary_->lookup(align_detail::prefix_code_points(word, n)))
        return ids;
    return nullptr;
  }

  std::shared_ptr<const Dictionary> dictionary_;
};

}  // namespace

void Dictionary::add_translation(std::string_view korean, std::string_view english) {
  std::vector<std::uint32_t> ids;
  for (const align_detail::Token& t : align_detail::tokenize(english)) {
    if (t.kind != align_detail::TokenKind::kLetters || t.text.size() < kMinEnglishWord ||
        english_stop_words().count(t.text))
      continue;
    const std::string stem = english_stem(t.text);
    const auto [it, added] =
        english_ids_.emplace(stem, static_cast<std::uint32_t>(english_ids_.size()));
    if (std::find(ids.begin(), ids.end(), it->second) == ids.end()) ids.push_back(it->second);
  }
  if (ids.empty()) return;
  for (const std::string& form : korean_forms(korean)) {
    auto& entry = entries_[form];
    for (std::uint32_t id : ids)
      if (std::find(entry.begin(), entry.end(), id) == entry.end()) entry.push_back(id);
  }
}

void Dictionary::add_glosses(const std::vector<std::string_view>& headwords,
                             const std::vector<std::string_view>& glosses) {
  std::string joined;
  for (std::string_view g : glosses) (joined += g) += '\n';
  const std::string folded = fold_case(joined);
  std::size_t from = 0;
  for (std::string_view headword : headwords) {
    const std::size_t nl = folded.find('\n', from);
    auto& words = glosses_[std::string(headword)];
    for (std::string& w : letter_words(std::string_view(folded).substr(from, nl - from)))
      words.push_back(std::move(w));
    from = nl + 1;
  }
}

std::shared_ptr<const Dictionary> Dictionary::from_document(const Document& doc) {
  auto dict = std::make_shared<Dictionary>();
  std::vector<std::string_view> headwords, glosses;
  std::size_t line_no = 0;
  for (const Span line : lines(doc)) {
    ++line_no;
    const std::string_view row = doc.view(line);
    if (row.find_first_not_of(" \t") == row.npos) continue;
    const std::size_t tab = row.find('\t');
    if (tab == row.npos)
      throw InputError(doc.name, line_no, line.begin, "expected headword<TAB>translation");
    dict->add_translation(row.substr(0, tab), row.substr(tab + 1));
    dict->rows_.emplace_back(row.substr(0, tab), row.substr(tab + 1));
    headwords.push_back(row.substr(0, tab));
    glosses.push_back(row.substr(tab + 1));
  }
  dict->add_glosses(headwords, glosses);
  return dict;
}

std::shared_ptr<const Dictionary> Dictionary::parse(std::string_view tsv, const std::string& name) {
  return from_document(make_document(name, std::string(tsv)));
}

std::shared_ptr<const Dictionary> Dictionary::read(const std::string& path) {
  return from_document(read_document(path));
}

std::shared_ptr<const Lexicon> Dictionary::lexicon() const {
  std::call_once(lexicon_once_, [this] {
    LexiconLearner learner;
    learner.add_dictionary(*this);
    lexicon_ = std::make_shared<const Lexicon>(learner.learn());
  });
  return lexicon_;
}

const std::vector<std::uint32_t>* Dictionary::lookup(std::string_view korean) const {
  const auto it = entries_.find(std::string(korean));
  return it == entries_.end() ? nullptr : &it->second;
}

std::uint32_t Dictionary::english_id(std::string_view english) const {
  const auto it = english_ids_.find(english_stem(std::string(english)));
  return it == english_ids_.end() ? kNoWord : it->second;
}

const std::vector<std::string>& Dictionary::gloss_words(std::string_view headword) const {
  static const std::vector<std::string> none;
  const auto it = glosses_.find(std::string(headword));
  return it == glosses_.end() ? none : it->second;
}

namespace align_detail {
std::unique_ptr<SegmentScorer> make_dictionary_scorer(
    std::shared_ptr<const Dictionary> dictionary) {
  return std::make_unique<DictionaryScorer>(std::move(dictionary));
}
}  // namespace align_detail

}  // namespace kealign
