#include "romanize.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <vector>

namespace kealign::lang {
namespace {

constexpr char32_t kFirstSyllable = 0xAC00;
constexpr char32_t kLastSyllable = 0xD7A3;
constexpr int kVowelCount = 21;
constexpr int kFinalCount = 28;

// Spellings of each jamo, in Unicode order, '|' between alternatives ("" is silent ㅇ).
constexpr std::string_view kInitials[] = {
    "g|k",  "kk|gg|k", "n",    "d|t",   "tt|dd", "r|l|n", "m", "b|p", "pp|bb", "s|sh",
    "ss|s", "",        "j|ch", "jj|ch", "ch|j",  "k",     "t", "p",   "h"};
constexpr std::string_view kVowels[] = {
    "a",  "ae", "ya",     "yae",    "eo|o|u",   "e",         "yeo|yo|yu",
    "ye", "o",  "wa",     "wae",    "oe|oi|we", "yo",        "u|oo",
    "wo", "we", "wi|wee", "yu|yoo", "eu|u",     "ui|eui|ee", "i|ee|e"};
constexpr std::string_view kFinals[] = {
    "",  "k|g", "k|kk", "k",   "n|l", "n",   "n",      "t|d", "l|r", "k|l",  "m", "l", "l", "l",
    "p", "l",   "m",    "p|b", "p",   "t|s", "t|ss|s", "ng",  "t|j", "t|ch", "k", "t", "p", "t|h"};

// Customary spellings of family names, accepted for the first syllable of a word.
constexpr std::pair<std::u32string_view, std::string_view> kSurnames[] = {
    {U"이", "lee|yi|rhee|ri"},
    {U"박", "park|pak"},
    {U"노", "roh|noh"},
    {U"오", "oh"},
    {U"임", "lim|im"},
    {U"안", "ahn"},
    {U"손", "sohn"},
    {U"서", "suh|seo"},
    {U"허", "hur|huh"},
    {U"나", "na|ra|rha"},
    {U"류", "ryu|yoo|ryoo"},
    {U"유", "yoo|yu"},
    {U"신", "shin"},
    {U"심", "shim"},
    {U"우", "woo"},
    {U"주", "joo|ju"},
    {U"구", "koo|ku"},
    {U"문", "moon"},
    {U"김", "kim"},
    {U"최", "choi|choe"},
    {U"정", "jung|chung|jeong"},
    {U"조", "cho|jo"},
    {U"강", "kang"},
    {U"윤", "yoon|yun"},
    {U"장", "jang|chang"},
    {U"한", "han"},
    {U"권", "kwon"},
    {U"황", "hwang"},
    {U"송", "song"},
    {U"전", "jeon|chun|jun"},
    {U"홍", "hong"},
    {U"고", "ko|koh|go"},
    {U"배", "bae|pae"},
    {U"백", "baek|paik|paek"},
    {U"남", "nam"},
    {U"곽", "kwak"},
    {U"성", "sung|seong"},
    {U"차", "cha"},
    {U"민", "min"},
    {U"진", "jin|chin"},
    {U"지", "ji|chi"},
    {U"엄", "um|eom"},
    {U"양", "yang"},
    {U"원", "won"},
    {U"천", "chun|cheon"},
    {U"현", "hyun"},
    {U"여", "yeo|yuh"},
    {U"추", "choo|chu"}};

std::vector<std::string_view> alternatives(std::string_view spec) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = spec.find('|', start);
    out.push_back(spec.substr(start, bar == std::string_view::npos ? spec.npos : bar - start));
    if (bar == std::string_view::npos) return out;
    start = bar + 1;
  }
}

// All spellings of one syllable (initial x vowel x final), plus surname spellings when first.
std::vector<std::string> syllable_spellings(char32_t s, bool first) {
  const int index = static_cast<int>(s - kFirstSyllable);
  const int initial = index / (kVowelCount * kFinalCount);
  const int vowel = (index / kFinalCount) % kVowelCount;
  const int final = index % kFinalCount;
  std::vector<std::string> out;
  for (std::string_view i : alternatives(kInitials[initial]))
    for (std::string_view v : alternatives(kVowels[vowel]))
      for (std::string_view f : alternatives(kFinals[final]))
        out.push_back(std::string(i) + std::string(v) + std::string(f));
  if (first) {
    for (const auto& [syllable, spellings] : kSurnames)
      if (syllable.front() == s)
        for (std::string_view x : alternatives(spellings)) out.emplace_back(x);
  }
  return out;
}

}  // namespace

bool looks_transliterated(std::u32string_view syllables) {
  // Jamo indices (Unicode order). Sino-Korean readings end only in ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ, never open
  // with ㅋ, have ㅓ only after ㄱ ㅂ ㅅ ㅇ ㅈ ㅊ ㅎ and ㅔ only after ㄱ ㅅ ㅈ ㅊ; a bare ㅡ after
  // ㄷ ㅂ ㅅ ㅈ ㅊ ㅋ ㅌ ㅍ is the vowel Korean adds to write a foreign consonant cluster.
  static constexpr int kSinoFinals[] = {0, 1, 4, 8, 16, 17, 21};
  static constexpr int kEoInitials[] = {0, 7, 9, 11, 12, 14, 18};
  static constexpr int kEInitials[] = {0, 9, 12, 14};
  static constexpr int kEpentheticInitials[] = {3, 7, 9, 12, 14, 15, 16, 17};
  constexpr int kInitialK = 15;
  constexpr int kVowelEo = 4;
  constexpr int kVowelE = 5;
  constexpr int kVowelEu = 18;
  const auto in = [](const auto& table, int x) {
    return std::find(std::begin(table), std::end(table), x) != std::end(table);
  };
  for (char32_t s : syllables) {
    if (!is_hangul_syllable(s)) continue;
    const int index = static_cast<int>(s - kFirstSyllable);
    const int initial = index / (kVowelCount * kFinalCount);
    const int vowel = (index / kFinalCount) % kVowelCount;
    const int final = index % kFinalCount;
    if (initial == kInitialK || !in(kSinoFinals, final)) return true;
    if (vowel == kVowelEo && !in(kEoInitials, initial)) return true;
    if (vowel == kVowelE && !in(kEInitials, initial)) return true;
    if (vowel == kVowelEu && final == 0 && in(kEpentheticInitials, initial)) return true;
  }
  return false;
}

bool is_hangul_syllable(char32_t c) {
  return c >= kFirstSyllable && c <= kLastSyllable;
}

std::string romanize(std::u32string_view hangul) {
  static std::mutex mutex;
  static std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Hangul-Latin", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString text;
  for (char32_t c : hangul) text.append(static_cast<UChar32>(c));
  if (transliterator) {
    const std::lock_guard<std::mutex> lock(mutex);
    transliterator->transliterate(text);
  }
  std::string out;
  text.toLower().toUTF8String(out);
  return out;
}

bool is_romanization(std::string_view latin, std::u32string_view syllables) {
  if (latin.empty() || syllables.empty()) return false;
  // reachable[p]: latin[0, p) spells the syllables read so far.
  std::vector<bool> reachable(latin.size() + 1, false);
  reachable[0] = true;
  for (std::size_t k = 0; k < syllables.size(); ++k) {
    if (!is_hangul_syllable(syllables[k])) return false;
    std::vector<bool> next(latin.size() + 1, false);
    const std::vector<std::string> spellings = syllable_spellings(syllables[k], k == 0);
    bool any = false;
    for (std::size_t p = 0; p <= latin.size(); ++p) {
      if (!reachable[p]) continue;
      for (const std::string& s : spellings) {
        if (latin.compare(p, s.size(), s) == 0 && p + s.size() <= latin.size()) {
          next[p + s.size()] = true;
          any = true;
        }
      }
    }
    if (!any) return false;
    reachable.swap(next);
  }
  return reachable[latin.size()];
}

}  // namespace kealign::lang
