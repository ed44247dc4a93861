#include "abbreviations.hpp"

#include <algorithm>
#include <vector>

namespace kealign::lang {
namespace {

// A word list sorted once for binary search.
class WordSet {
 public:
  template <std::size_t N>
  explicit WordSet(const std::u32string_view (&words)[N]) : words_(words, words + N) {
    std::sort(words_.begin(), words_.end());
  }
  bool has(std::u32string_view w) const {
    return std::binary_search(words_.begin(), words_.end(), w);
  }

 private:
  std::vector<std::u32string_view> words_;
};

constexpr std::u32string_view kTitles[] = {
    U"adm",    U"approx", U"brig", U"capt", U"cf",  U"cmdr", U"col",  U"cpl",  U"det", U"dr",
    U"e.g",    U"esp",    U"fr",   U"gen",  U"gov", U"hon",  U"i.e",  U"insp", U"lt",  U"maj",
    U"messrs", U"mlle",   U"mme",  U"mr",   U"mrs", U"ms",   U"msgr", U"mt",   U"mx",  U"pres",
    U"prof",   U"pvt",    U"rep",  U"reps", U"rev", U"sen",  U"sens", U"sgt",  U"sr",  U"st",
    U"ste",    U"supt",   U"v",    U"viz",  U"vol", U"vols", U"vs",   U"w.r.t"};

constexpr std::u32string_view kNumberAbbreviations[] = {
    U"art",     U"arts", U"ca",  U"ch", U"chap", U"ed", U"eq", U"ext", U"fig", U"figs",
    U"n\u00b0", U"no",   U"nos", U"nr", U"op",   U"p",  U"pp", U"sec", U"tel"};

constexpr std::u32string_view kAcronymContinuations[] = {
    U"Air",    U"Ambassador", U"Army",         U"Attorney", U"Bureau",     U"Capitol",
    U"Coast",  U"Congress",   U"Constitution", U"Court",    U"Department", U"Embassy",
    U"Forces", U"Government", U"House",        U"Marines",  U"Military",   U"Navy",
    U"Open",   U"President",  U"Secretary",    U"Senate",   U"State",      U"Treasury"};

constexpr std::u32string_view kEndingLookalikes[] = {
    U"가요", U"강요", U"개요", U"걸음", U"게임", U"구음", U"기요", U"다음", U"동요", U"마음",
    U"모음", U"모임", U"묶음", U"믿음", U"발음", U"볶음", U"소요", U"소음", U"수요", U"얼음",
    U"요",   U"울음", U"웃음", U"음",   U"이음", U"임",   U"조음", U"주요", U"중요", U"처음",
    U"책임", U"포함", U"필요", U"함",   U"함께", U"화요", U"회임"};

constexpr std::u32string_view kQuotative[] = {
    U"고",       U"그러니까", U"는",     U"라고",     U"라는",   U"며",       U"싶다",
    U"싶어",     U"싶었다",   U"싶은",   U"카는",     U"카더라", U"하고",     U"하길래",
    U"하는",     U"하니",     U"하니까", U"하니께",   U"하더라", U"하더라고", U"하던",
    U"하드라고", U"하며",     U"하면서", U"하여",     U"하였다", U"한다",     U"합니다",
    U"해도",     U"해서",     U"했다",   U"했습니다", U"했어"};

}  // namespace

bool is_title_abbreviation(std::u32string_view lower) {
  static const WordSet words(kTitles);
  return words.has(lower);
}
bool is_number_abbreviation(std::u32string_view lower) {
  static const WordSet words(kNumberAbbreviations);
  return words.has(lower);
}
bool is_acronym_continuation(std::u32string_view word) {
  static const WordSet words(kAcronymContinuations);
  return words.has(word);
}
bool is_ending_lookalike(std::u32string_view word) {
  static const WordSet words(kEndingLookalikes);
  return words.has(word);
}
bool is_quotative_continuation(std::u32string_view word) {
  static const WordSet words(kQuotative);
  return words.has(word);
}

}  // namespace kealign::lang
