// Romanisation of Hangul, for recognising an English spelling of a Korean word: a name written two
// ways ("Yoon Seok-yeol" / "Yun Suk-yeol" for 윤석열) or a common noun left as a romanisation
// ("Joya" for 조야).
//
//   std::string r = kealign::romanize(U"조야");                        // "joya" (ICU Hangul-Latin)
//   bool same = kealign::is_romanization("yoonseokyeol", U"윤석열");   // true
//   bool name = kealign::is_romanization("park", U"박");               // true (surname spelling)
//
// ICU's Hangul-Latin transliterator gives one spelling per word; English texts use several systems
// (Revised Romanisation, McCune-Reischauer without diacritics, customary name spellings), so the
// matcher accepts, syllable by syllable, the common spellings of each initial, vowel and final
// consonant, plus the customary spellings of family names for a word's first syllable.
#pragma once

#include <string>
#include <string_view>

namespace kealign::lang {

// Lowercase Latin transliteration of Hangul text (ICU "Hangul-Latin"); other characters unchanged.
std::string romanize(std::u32string_view hangul);

// Whether `latin` (lowercase ASCII letters only: strip hyphens, spaces and apostrophes first)
// spells the Hangul syllables in one of the accepted romanisations. False for anything but
// syllables.
bool is_romanization(std::string_view latin, std::u32string_view syllables);

// Whether a Hangul word holds a syllable that no Sino-Korean reading has (런던, 에덴, 가타카나,
// 테스트): such a word is a transliterated foreign word (or a native one), never the Sino-Korean
// common noun an English text might leave as a romanisation, and it matches its English source
// spelling by design.
bool looks_transliterated(std::u32string_view syllables);

// True for precomposed Hangul syllables (가-힣).
bool is_hangul_syllable(char32_t c);

}  // namespace kealign::lang
