// untranslated-term: an English word that is only a romanisation of a Korean common noun of the
// linked source, left untranslated ("the voices of Joya" for 조야 인사, "government and
// non-government circles"). Machine translation does this with words it does not know and usually
// capitalises them like a name, so by default only capitalised words inside a sentence are
// considered. A romanised word is also how a name is written, so the finding is major only when a
// dictionary gives the Korean word translations (a common word); minor otherwise.
//
// Proper names are romanised on purpose and are not reported: words of one syllable (Yoon = 윤),
// words next to another capitalised word ("Dong-A Ilbo", "Park Geun-hye"), words after a title
// ("President Moon") or whose Korean is followed by one (문 대통령), Korean words borrowed by
// English or well-known Korean place names (Hangul, kimchi, Seoul, Busan: a data table below), and,
// with a dictionary (CheckOptions::dictionary), words the dictionary gives as the translation.
// Foreign words are not reported either: English words the document also writes in lowercase
// ("the gamma value" beside "Gamma" for 감마) and Hangul transliterations of foreign words
// (가타카나 for "Katakana", see looks_transliterated). Parameters: "lowercase" (default 0): 1 also
// considers lowercase words (minor).
#include <fmt/format.h>

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "checks/checks.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "kealign/dictionary.hpp"
#include "names.hpp"
#include "romanize.hpp"

namespace kealign {
namespace {

constexpr double kLowercase = 0;
constexpr std::size_t kMinLetters = 4;
constexpr std::size_t kMinSyllables = 2;
// Sino-Korean common nouns are mostly two syllables, one per Hanja (조야 朝野); longer words that
// match an English spelling are transliterated foreign names (오바마, 베이징).
constexpr std::size_t kMaxSyllables = 2;
constexpr std::size_t kRecurringName = 2;  // a capitalised word written this often is a name

// Korean words English has borrowed, and Korean places English writes in romanisation.
constexpr std::string_view kEnglishUse[] = {
    "hangul",  "hangeul",     "hanja",     "kimchi",     "kimchee",   "taekwondo", "chaebol",
    "soju",    "makgeolli",   "bulgogi",   "bibimbap",   "hanbok",    "hallyu",    "manhwa",
    "sijo",    "ondol",       "yangban",   "kisaeng",    "gisaeng",   "hapkido",   "kimbap",
    "gimbap",  "japchae",     "banchan",   "chuseok",    "seollal",   "juche",     "songbun",
    "seoul",   "busan",       "pusan",     "incheon",    "inchon",    "daegu",     "taegu",
    "daejeon", "taejon",      "gwangju",   "kwangju",    "ulsan",     "sejong",    "suwon",
    "jeju",    "cheju",       "pyongyang", "kaesong",    "panmunjom", "dokdo",     "gyeonggi",
    "gangwon", "chungcheong", "jeolla",    "gyeongsang", "goryeo",    "koryo",     "joseon",
    "chosun",  "silla",       "baekje",    "gangnam",    "itaewon",   "yongsan",   "wonsan",
    "hyundai", "samsung",     "daewoo",    "hanjin",     "lotte"};

// English titles before a name and Korean titles after one.
constexpr std::string_view kEnglishTitles[] = {
    "president", "mr",       "ms",         "mrs",      "dr",      "prof",       "professor",
    "minister",  "chairman", "chairwoman", "governor", "mayor",   "ambassador", "representative",
    "rep",       "senator",  "sen",        "general",  "gen",     "secretary",  "director",
    "ceo",       "judge",    "justice",    "lawmaker", "premier", "chief",      "leader"};
constexpr std::u32string_view kKoreanTitles[] = {
    U"대통령", U"장관", U"의원", U"씨",   U"기자", U"교수", U"회장", U"대표", U"위원장", U"총리",
    U"대사",   U"선수", U"감독", U"사장", U"원장", U"총장", U"의장", U"차관", U"국장",   U"박사",
    U"변호사", U"작가", U"위원", U"지사", U"시장", U"군수", U"청장", U"부장", U"과장",   U"님"};

// English names of countries, regions, languages, months and weekdays, as ICU displays them,
// lowercased.
const std::set<std::string>& place_and_language_names() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    int32_t count = 0;
    const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
    for (int32_t i = 0; i < count; ++i) {
      icu::UnicodeString country, language;
      locales[i].getDisplayCountry(icu::Locale::getEnglish(), country);
      locales[i].getDisplayLanguage(icu::Locale::getEnglish(), language);
      for (icu::UnicodeString* name : {&country, &language}) {
        std::string utf8;
        name->toLower(icu::Locale::getEnglish()).toUTF8String(utf8);
        if (!utf8.empty()) out.insert(utf8);
      }
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols(icu::Locale::getEnglish(), status);
    if (U_SUCCESS(status)) {
      int32_t months = 0, weekdays = 0;
      const icu::UnicodeString* month_names = symbols.getMonths(months);
      const icu::UnicodeString* weekday_names = symbols.getWeekdays(weekdays);
      const auto add = [&out](const icu::UnicodeString* list, int32_t size) {
        for (int32_t i = 0; i < size; ++i) {
          std::string utf8;
          icu::UnicodeString(list[i]).toLower(icu::Locale::getEnglish()).toUTF8String(utf8);
          if (!utf8.empty()) out.insert(utf8);
        }
      };
      add(month_names, months);
      add(weekday_names, weekdays);
    }
    return out;
  }();
  return names;
}

struct KoreanWord {
  lang::HangulWord word;
  bool before_title;  // the next word is a title: a name
};

template <std::size_t N>
bool contains(const std::string_view (&table)[N], std::string_view w) {
  return std::find(std::begin(table), std::end(table), w) != std::end(table);
}

class UntranslatedTermCheck final : public Check {
 public:
  std::string_view id() const override { return "untranslated-term"; }
  std::string_view description() const override {
    return "an English word that only romanises a Korean common noun of the source";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"lowercase", kLowercase, "1 also considers lowercase English words (minor)"}};
  }

  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const bool lowercase = options.param(id(), "lowercase", kLowercase) != 0;
    const qa_detail::SharedView& view = qa_detail::shared_view(ctx);
    // The candidate words, link by link, before the document is read: the document's words are
    // then counted only where a candidate asks about them.
    struct Candidate {
      const Bead* bead;
      std::uint32_t segment;
      std::size_t index;
    };
    std::vector<Candidate> candidates;
    // Looked up only, never iterated: hashed, by views of `keys` (a deque keeps them in place).
    std::deque<std::string> keys;
    std::unordered_set<std::string_view> lowercase_words;  // capitalised candidates, lowercased
    std::unordered_map<std::string_view, std::size_t> capitals;  // how often each is written
    std::vector<lang::LatinWordRef> words;  // of one segment, views of its text
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      for (const auto& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end)) {
        view.en.latin_word_refs(p.segment, words);
        for (std::size_t i = 0; i < words.size(); ++i) {
          if (!candidate(words, i, lowercase)) continue;
          candidates.push_back({&b, p.segment, i});
          if (lang::is_capitalized(words[i].text)) {
            lowercase_words.insert(keys.emplace_back(lang::lower_letters(words[i].text)));
            if (!capitals.count(words[i].text))
              capitals.emplace(keys.emplace_back(words[i].text), 0);
          }
        }
      }
    }
    if (candidates.empty()) return;
    // Of the words asked about: which the English also writes in lowercase, and how often each
    // capitalised one is written. The words are read one at a time rather than kept: a long
    // document's words take several times its text.
    std::unordered_set<std::string_view> written_lowercase;
    // The lengths of the words asked about (one bit a length, the longest sharing the last): a
    // word of another length is not looked up.
    const auto bit = [](std::size_t length) {
      return std::uint64_t{1} << std::min<std::size_t>(length, 63);
    };
    std::uint64_t lengths = 0;
    for (std::string_view w : lowercase_words) lengths |= bit(w.size());
    for (const auto& [w, n] : capitals) lengths |= bit(w.size());
    const std::string_view en_text = ctx.en.document.text;
    lang::for_each_latin_word_span(en_text, [&](std::size_t begin, std::size_t end) {
      const std::string_view word = en_text.substr(begin, end - begin);
      if (!(lengths & bit(word.size()))) return;
      if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') {
        const auto at = lowercase_words.find(word);
        if (at != lowercase_words.end()) written_lowercase.insert(*at);
      }
      if (lang::is_capitalized(word)) {
        const auto at = capitals.find(word);
        if (at != capitals.end()) ++at->second;
      }
    });
    const Bead* current = nullptr;
    std::optional<std::vector<KoreanWord>> ko;  // read when a candidate needs it
    std::uint32_t read = std::numeric_limits<std::uint32_t>::max();  // the segment in `words`
    for (const Candidate& c : candidates) {
      const Bead& b = *c.bead;
      if (c.bead != current) {
        current = c.bead;
        ko.reset();
      }
      if (c.segment != read) view.en.latin_word_refs(read = c.segment, words);
      const std::size_t i = c.index;
      const std::string latin = lang::lower_letters(words[i].text);
      const bool capitalized = lang::is_capitalized(words[i].text);
      if (capitalized &&
          (written_lowercase.count(latin) || capitals.at(words[i].text) >= kRecurringName))
        continue;
      if (!ko) ko = korean_words(ctx, b);
      for (const KoreanWord& k : *ko) {
        if (k.before_title) continue;
        const auto stem = romanised_stem(latin, k.word.syllables, options.dictionary.get());
        if (stem.empty()) continue;
        // A place or language name is not reported: asked only now, as ICU's list of them takes
        // longer to make than the rest of the check.
        if (capitalized && place_and_language_names().count(latin)) break;
        // A romanisation is also how names are written: it is strong evidence only when a
        // dictionary knows the Korean word as a common word with other translations.
        const Dictionary* dict = options.dictionary.get();
        const bool common = dict && !dict->gloss_words(to_utf8(stem)).empty();
        const bool capital = lang::is_capitalized(words[i].text);
        Finding f = qa_detail::bead_finding(
            id(), capital && common ? Severity::kMajor : Severity::kMinor, b);
        f.confidence = common ? 0.85 : (capital ? 0.55 : 0.4);
        f.ko_spans.push_back(k.word.span);
        f.en_spans.push_back(words[i].span);
        f.message =
            fmt::format("“{}” only romanises the Korean {} ({}): the term was left untranslated",
                        words[i].text, to_utf8(stem), lang::romanize(stem));
        out.push_back(std::move(f));
        break;
      }
    }
  }

 private:
  static std::vector<KoreanWord> korean_words(const CheckContext& ctx, const Bead& b) {
    std::vector<KoreanWord> out;
    for (const auto& p : qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end)) {
      const std::vector<lang::HangulWord>& words =
          qa_detail::shared_view(ctx).ko.hangul_words(p.segment);
      for (std::size_t i = 0; i < words.size(); ++i) {
        bool title = false;
        if (i + 1 < words.size()) {
          for (std::u32string_view t : kKoreanTitles)
            title = title || words[i + 1].syllables.compare(0, t.size(), t) == 0;
        }
        out.push_back({words[i], title});
      }
    }
    return out;
  }

  static bool candidate(const std::vector<lang::LatinWordRef>& words, std::size_t i,
                        bool lowercase) {
    const lang::LatinWordRef& w = words[i];
    if (w.text.size() < kMinLetters) return false;
    for (char c : w.text)  // hyphens, apostrophes
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    const bool capital = lang::is_capitalized(w.text);
    if (!capital && !lowercase) return false;
    // The tests on the word's place first: they need no copy of it.
    if (capital) {
      if (w.sentence_start) return false;
      const bool joined_before =
          i > 0 && w.after_space_only && lang::is_capitalized(words[i - 1].text);
      const bool joined_after = i + 1 < words.size() && words[i + 1].after_space_only &&
                                lang::is_capitalized(words[i + 1].text);
      if (joined_before || joined_after) return false;
    }
    if (lang::is_all_caps(w.text) || contains(kEnglishUse, lang::lower_letters(w.text)))
      return false;
    if (!capital) return lowercase;
    if (i > 0) {
      const std::string before = lang::lower_letters(words[i - 1].text);
      if (contains(kEnglishTitles, before)) return false;
    }
    return true;
  }

  // The stem of the Korean word that `latin` romanises, unless the dictionary (if any) translates
  // it so.
  static std::u32string romanised_stem(const std::string& latin, const std::u32string& word,
                                       const Dictionary* dictionary) {
    const std::vector<std::u32string> stems = lang::hangul_stems(word);
    for (std::size_t i = 0; i < stems.size(); ++i) {
      const std::u32string& stem = stems[i];
      // A word that ends in a particle is romanised without it (발이, 전에 are not "Bali", "June").
      if (i == 0 && stems.size() > 1) continue;
      if (stem.size() < kMinSyllables || stem.size() > kMaxSyllables) continue;
      if (lang::looks_transliterated(stem) || !lang::is_romanization(latin, stem)) continue;
      if (dictionary) {
        const auto& gloss = dictionary->gloss_words(to_utf8(stem));
        if (std::find(gloss.begin(), gloss.end(), latin) != gloss.end()) continue;
      }
      return stem;
    }
    return {};
  }
};

}  // namespace

std::unique_ptr<Check> make_untranslated_term_check() {
  return std::make_unique<UntranslatedTermCheck>();
}

}  // namespace kealign
