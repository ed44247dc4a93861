// Factories of the built-in checks, one per check id. all_checks() (lib/src/check.cpp) calls them
// in report order; each check's source file documents its parameters.
#pragma once

#include <memory>

#include "kealign/check.hpp"

namespace kealign {

// Structural checks (quotes, brackets, sentence shape, repetition, unaligned segments, lengths).
std::unique_ptr<Check> make_boilerplate_check();        // "boilerplate"
std::unique_ptr<Check> make_text_damage_check();        // "text-damage"
std::unique_ptr<Check> make_omission_check();           // "omission"
std::unique_ptr<Check> make_addition_check();           // "addition"
std::unique_ptr<Check> make_quote_balance_check();      // "quote-balance"
std::unique_ptr<Check> make_bracket_balance_check();    // "bracket-balance"
std::unique_ptr<Check> make_garbled_sentence_check();   // "garbled-sentence"
std::unique_ptr<Check> make_duplication_check();        // "duplication"
std::unique_ptr<Check> make_truncation_check();         // "truncation"
std::unique_ptr<Check> make_length_ratio_check();       // "length-ratio"
std::unique_ptr<Check> make_untranslated_text_check();  // "untranslated-text"

// Lexical checks (numbers, Latin tokens, names, terms).
std::unique_ptr<Check> make_number_mismatch_check();       // "number-mismatch"
std::unique_ptr<Check> make_latin_token_mismatch_check();  // "latin-token-mismatch"
std::unique_ptr<Check> make_negation_check();              // "negation"
std::unique_ptr<Check> make_mistranslation_check();        // "mistranslation"
std::unique_ptr<Check> make_name_consistency_check();      // "name-consistency"
std::unique_ptr<Check> make_term_consistency_check();      // "term-consistency"
std::unique_ptr<Check> make_untranslated_term_check();     // "untranslated-term"
std::unique_ptr<Check> make_spelling_variant_check();      // "spelling-variant"

}  // namespace kealign
