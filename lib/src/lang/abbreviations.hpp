// Word lists the sentence rules consult (internal). Words are compared in lower case, without
// their final period.
#pragma once

#include <string_view>

namespace kealign::lang {

// Titles and other abbreviations that never end a sentence before a name ("Mr. Smith", "Mt. Fuji").
bool is_title_abbreviation(std::u32string_view lower);
// Abbreviations followed by a number ("p. 55", "No. 5", "Fig. 3", "N°. 1026").
bool is_number_abbreviation(std::u32string_view lower);
// Month abbreviations ("feb", "sept"): they continue the sentence into a day or a year.
bool is_month_abbreviation(std::u32string_view lower);
// Abbreviations closing a company or person's name ("corp", "inc", "jr"): they end a sentence only
// before a sentence starter.
bool is_name_suffix(std::u32string_view lower);
// Capitalised words that usually open a sentence ("The", "He", "But"); compared as written.
bool is_sentence_starter(std::u32string_view word);
// After "a.m."/"p.m.", capitalised words that keep the sentence going ("Monday", "KST").
bool is_time_continuation(std::u32string_view word);
// Dotted acronyms of places and institutions ("u.s", "u.n"), unlike initials ("j.k").
bool is_place_acronym(std::u32string_view lower);
// Street abbreviations ("st", "ave"): a name before them, a sentence end or a name after them.
bool is_street_abbreviation(std::u32string_view lower);
// Verbs of an attribution ("said", "asked"), in lower case.
bool is_speech_verb(std::u32string_view lower);
// Capitalised nouns that continue a name after a country acronym ("the U.S. Government").
bool is_acronym_continuation(std::u32string_view word);

// Korean: nouns that look like a sentence-final ending ("필요" ends in 요, "다음" in 음).
bool is_ending_lookalike(std::u32string_view word);
// Korean: a word after "...다" / "...요" that makes it a quotation inside one sentence
// ("간다 하드라고", "됐다 그러니까").
bool is_quotative_continuation(std::u32string_view word);

}  // namespace kealign::lang
