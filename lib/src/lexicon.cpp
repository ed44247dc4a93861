#include "lexicon.hpp"

#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

std::vector<std::string> words_of(std::string_view gloss) {
  std::vector<std::string> out;
  std::string w;
  for (char c : std::string(gloss) + " ") {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      w += static_cast<char>(c | 0x20);
    } else if (!w.empty()) {
      out.push_back(w);
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
