#include "lexicon.hpp"

#include <unicode/uchar.h>

#include <boost/locale.hpp>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

// Gloss words, case-folded with Unicode rules (glosses hold "café", "Ångström"), split at
// anything that is not a letter.
std::vector<std::string> words_of(std::string_view gloss) {
  static const std::locale folding = boost::locale::generator()("en_US.UTF-8");
  const std::string folded = boost::locale::fold_case(std::string(gloss), folding);
  std::vector<std::string> out;
  std::string w;
  for (std::size_t i = 0; i <= folded.size();) {
    const std::size_t at = i;
    const char32_t c = i < folded.size() ? next_code_point(folded, i) : (++i, U' ');
    if (u_isalpha(static_cast<UChar32>(c))) {
      w.append(folded, at, i - at);
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  return out;
}

Lexicon parse(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path, "cannot open the dictionary");
  const Document doc = make_document(path, std::string(std::istreambuf_iterator<char>(in), {}));
  Lexicon lex;
  std::size_t line_no = 0;
  for (const Span line : lines(doc)) {
    ++line_no;
    const std::string_view text = doc.view(line);
    if (text.empty()) continue;
    const std::size_t tab = text.find('\t');
    if (tab == std::string_view::npos)
      throw InputError(path, line_no, line.begin, "a dictionary line needs korean<TAB>english");
    std::u32string head;
    const std::string_view ko = text.substr(0, tab);
    for (std::size_t i = 0; i < ko.size();) head += next_code_point(ko, i);
    auto& words = lex.words[head];
    for (std::string& w : words_of(text.substr(tab + 1))) words.push_back(std::move(w));
  }
  return lex;
}

}  // namespace

const std::vector<std::string>& Lexicon::gloss_words(const std::u32string& headword) const {
  static const std::vector<std::string> none;
  const auto it = words.find(headword);
  return it == words.end() ? none : it->second;
}

const Lexicon& load_lexicon(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Lexicon>> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[path];
  if (!slot) slot = std::make_unique<Lexicon>(path.empty() ? Lexicon{} : parse(path));
  return *slot;
}

}  // namespace kealign
