#include "names.hpp"

#include <algorithm>

#include "romanize.hpp"

namespace kealign::lang {
namespace {

constexpr std::size_t kMinGivenPart = 2;  // letters in each half of "Seok-yeol"
constexpr std::size_t kMaxGivenPart = 6;  // "myeong"
constexpr std::size_t kMinSurname = 2;    // "Oh"
constexpr std::size_t kMaxSurname = 5;    // "Hwang", "Jeong"

// Particles and endings a Korean noun may carry, longest first where they share an ending.
constexpr std::u32string_view kParticles[] = {
    U"에서는", U"에서도", U"에게서", U"으로서", U"으로써", U"으로는", U"이라는", U"에서", U"에게",
    U"으로",   U"까지",   U"부터",   U"처럼",   U"보다",   U"이나",   U"이다",   U"이며", U"이고",
    U"이라",   U"라는",   U"에는",   U"에도",   U"와의",   U"과의",   U"로서",   U"로써", U"로는",
    U"마다",   U"조차",   U"밖에",   U"들은",   U"들이",   U"들을",   U"들의",   U"은",   U"는",
    U"이",     U"가",     U"을",     U"를",     U"의",     U"에",     U"로",     U"와",   U"과",
    U"도",     U"만",     U"께",     U"나",     U"들",     U"랑"};

// Short capitalised words that are never a family name next to a given name.
constexpr std::string_view kNotSurnames[] = {
    "the",  "a",     "an",    "and",   "but",   "or",    "as",   "at",    "in",    "on",
    "of",   "for",   "to",    "by",    "with",  "from",  "when", "while", "if",    "then",
    "so",   "also",  "said",  "says",  "mr",    "ms",    "mrs",  "dr",    "prof",  "gen",
    "rep",  "sen",   "gov",   "rev",   "sir",   "lord",  "lady", "king",  "queen", "chief",
    "vice", "envoy", "judge", "elder", "north", "south", "east", "west",  "new"};

bool is_latin(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_letter_byte(char b) {
  const unsigned char c = static_cast<unsigned char>(b) | 0x20;
  return c >= 'a' && c <= 'z';
}

}  // namespace

bool starts_sentence(std::string_view text, std::size_t at) {
  while (at > 0) {
    const auto b = static_cast<unsigned char>(text[at - 1]);
    char32_t c = b;
    if (b < 0x80)
      --at;
    else
      c = previous_code_point(text, at);
    if (!is_space(c)) {
      static constexpr std::u32string_view kOpeners = U".!?:;\"“‘'(「『•●-–—";
      static constexpr std::string_view kAsciiOpeners = ".!?:;\"'(-";  // kOpeners' ASCII ones
      if (b < 0x80) return kAsciiOpeners.find(static_cast<char>(b)) != std::string_view::npos;
      return kOpeners.find(c) != std::u32string_view::npos;
    }
  }
  return true;
}

std::size_t latin_word_end(std::string_view text, std::size_t at) {
  const std::size_t n = text.size();
  std::size_t end = at + 1;
  while (end < n) {
    const char b = text[end];
    if (is_letter_byte(b)) {
      ++end;
      continue;
    }
    // An inner hyphen or apostrophe (' or U+2019, E2 80 99) followed by a letter.
    std::size_t j;
    bool apostrophe;
    if (b == '-' || b == '\'') {
      j = end + 1;
      apostrophe = b == '\'';
    } else if (b == '\xE2' && end + 2 < n && text[end + 1] == '\x80' && text[end + 2] == '\x99') {
      j = end + 3;
      apostrophe = true;
    } else {
      break;
    }
    if (j >= n || !is_letter_byte(text[j])) break;
    const std::size_t k = j + 1;
    if (apostrophe && (text[j] == 's' || text[j] == 'S') && (k >= n || !is_letter_byte(text[k])))
      break;  // possessive
    end = k;
  }
  return end;
}

std::vector<LatinWord> latin_words(std::string_view text, std::size_t base) {
  std::vector<LatinWord> out;
  for_each_latin_word(text, base, [&](const LatinWordRef& w) {
    out.push_back({w.span, std::string(w.text), w.sentence_start, w.after_space_only});
  });
  return out;
}

void visit_latin_words(std::string_view text, std::size_t base,
                       const std::function<void(const LatinWord&)>& visit) {
  LatinWord word;
  for_each_latin_word(text, base, [&](const LatinWordRef& w) {
    word.span = w.span;
    word.text.assign(w.text);
    word.sentence_start = w.sentence_start;
    word.after_space_only = w.after_space_only;
    visit(word);
  });
}

std::vector<HangulWord> hangul_words(std::string_view text, std::size_t base) {
  std::vector<HangulWord> out;
  for_each_hangul_word(text, [&](std::size_t begin, std::size_t end) {
    HangulWord w;
    w.syllables.reserve((end - begin) / 3);
    for (std::size_t k = begin; k < end; k += 3) w.syllables.push_back(hangul_syllable_at(text, k));
    w.span = {base + begin, base + end};
    out.push_back(std::move(w));
  });
  return out;
}

void hangul_stem_drops(std::u32string_view word, std::vector<std::size_t>& drops) {
  drops.clear();
  if (word.empty()) return;
  // The particles by their last syllable, in kParticles order: most words end in none of them,
  // and the rest in one of a few.
  static const std::vector<std::pair<char32_t, std::vector<std::u32string_view>>> by_last = [] {
    std::vector<std::pair<char32_t, std::vector<std::u32string_view>>> table;
    for (std::u32string_view p : kParticles) {
      auto at = std::find_if(table.begin(), table.end(),
                             [&](const auto& entry) { return entry.first == p.back(); });
      if (at == table.end()) at = table.insert(table.end(), {p.back(), {}});
      at->second.push_back(p);
    }
    std::sort(table.begin(), table.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return table;
  }();
  const auto entry = std::lower_bound(by_last.begin(), by_last.end(), word.back(),
                                      [](const auto& e, char32_t c) { return e.first < c; });
  if (entry == by_last.end() || entry->first != word.back()) return;
  for (std::u32string_view p : entry->second) {
    if (word.size() <= p.size() || word.substr(word.size() - p.size()) != p) continue;
    // Stems are prefixes of the word: equal lengths are equal stems.
    if (std::find(drops.begin(), drops.end(), p.size()) == drops.end()) drops.push_back(p.size());
  }
}

std::vector<std::u32string> hangul_stems(std::u32string_view word) {
  std::vector<std::u32string> out{std::u32string(word)};
  thread_local std::vector<std::size_t> drops;
  hangul_stem_drops(word, drops);
  for (std::size_t d : drops) out.emplace_back(word.substr(0, word.size() - d));
  return out;
}

bool is_capitalized(std::string_view word) {
  if (word.empty() || !(word[0] >= 'A' && word[0] <= 'Z')) return false;
  return std::any_of(word.begin() + 1, word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_all_caps(std::string_view word) {
  std::size_t letters = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

std::string lower_letters(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c + ('a' - 'A'));
    else if (c >= 'a' && c <= 'z')
      out += c;
  }
  return out;
}

namespace {

bool given_name_shape(std::string_view w) {
  const std::size_t hyphen = w.find('-');
  if (hyphen == std::string_view::npos || w.find('-', hyphen + 1) != std::string_view::npos)
    return false;
  const std::string_view a = w.substr(0, hyphen), b = w.substr(hyphen + 1);
  const auto letters = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return is_latin(static_cast<unsigned char>(c)); });
  };
  return is_capitalized(w) && letters(a) && letters(b) && a.size() >= kMinGivenPart &&
         a.size() <= kMaxGivenPart && b.size() >= kMinGivenPart && b.size() <= kMaxGivenPart &&
         !is_all_caps(a) && !is_all_caps(b);
}

bool surname_shape(std::string_view w) {
  if (!is_capitalized(w) || w.find('-') != std::string_view::npos) return false;
  if (w.size() < kMinSurname || w.size() > kMaxSurname) return false;
  const std::string lower = lower_letters(w);
  if (lower.size() != w.size()) return false;
  return std::find(std::begin(kNotSurnames), std::end(kNotSurnames), lower) ==
         std::end(kNotSurnames);
}

}  // namespace

std::vector<PersonName> korean_style_names(std::string_view text, std::size_t base) {
  return korean_style_names(latin_words(text, base));
}

namespace {

// korean_style_names of words as LatinWord or LatinWordRef.
template <typename Word>
std::vector<PersonName> names_of(const std::vector<Word>& words) {
  std::vector<PersonName> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!given_name_shape(words[i].text)) continue;
    const Word* surname = nullptr;
    bool first = false;
    if (i > 0 && words[i].after_space_only && surname_shape(words[i - 1].text)) {
      surname = &words[i - 1];
      first = true;
    } else if (i + 1 < words.size() && words[i + 1].after_space_only &&
               surname_shape(words[i + 1].text)) {
      surname = &words[i + 1];
    }
    if (!surname) continue;
    PersonName n;
    const Word& a = first ? *surname : words[i];
    const Word& b = first ? words[i] : *surname;
    n.span = {a.span.begin, b.span.end};
    n.surname = lower_letters(surname->text);
    n.given = lower_letters(words[i].text);
    n.surface = std::string(a.text) + " " + std::string(b.text);
    n.surname_first = first;
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace

std::vector<PersonName> korean_style_names(const std::vector<LatinWord>& words) {
  return names_of(words);
}

std::vector<PersonName> korean_style_names(const std::vector<LatinWordRef>& words) {
  return names_of(words);
}

}  // namespace kealign::lang
