// Word lists the sentence rules consult (internal). Words are compared in lower case, without
// their final period.
#pragma once

#include <string_view>

namespace kealign::lang {

// Titles and other abbreviations that never end a sentence before a name ("Mr. Smith", "Mt. Fuji").
bool is_title_abbreviation(std::u32string_view lower);
// Abbreviations followed by a number ("p. 55", "No. 5", "Fig. 3", "N°. 1026").
bool is_number_abbreviation(std::u32string_view lower);
// Capitalised nouns that continue a name after a country acronym ("the U.S. Government").
bool is_acronym_continuation(std::u32string_view word);

// Korean: nouns that look like a sentence-final ending ("필요" ends in 요, "다음" in 음).
bool is_ending_lookalike(std::u32string_view word);
// Korean: a word after "...다" / "...요" that makes it a quotation inside one sentence
// ("간다 하드라고", "됐다 그러니까").
bool is_quotative_continuation(std::u32string_view word);

}  // namespace kealign::lang
