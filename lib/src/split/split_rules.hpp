// The sentence rules (internal): where sentences start inside one block of text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "kealign/segment.hpp"
#include "split_block.hpp"

namespace kealign::split_detail {

// A run of terminators ("." "?!" "..." ". . .") with what is attached to it.
struct Candidate {
  std::size_t term_begin = 0;  // first terminator
  std::size_t term_end = 0;    // after the last terminator
  std::size_t end = 0;   // after closing quotes/brackets, citations [3] and marks (^^, ㅋㅋ)
  std::size_t next = 0;  // first non-space code point after end; size() at the block end
  bool closed = false;   // a closing quote or bracket follows the terminators
  bool spaced() const { return next > end; }
};

// Reads the candidate whose first terminator is at i.
Candidate read_candidate(const Block& b, std::size_t i);

// The lower-cased word before position i, without leading quotes/brackets and without the part
// before a hyphen or slash ("ROK-U.S" -> "u.s").
std::u32string word_before(const Block& b, std::size_t i);
// The word starting at i, trailing punctuation removed.
std::u32string_view word_at(const Block& b, std::size_t i);

bool english_ends_sentence(const Block& b, const Candidate& c);
// Where the English sentence after a sentence end starts: c.next, or after a closing quotation
// mark standing alone ("position. " Greek").
std::size_t english_sentence_start(const Block& b, const Candidate& c);
// [open, close] of a quotation mark pair whose inside holds no sentence end.
struct QuietSpan {
  std::size_t open = 0, close = 0;
};
// English quotations closed before their attribution (""A. B," the minister said."): one
// sentence, as Korean writes it. Sorted by close.
std::vector<QuietSpan> attributed_quotations(const Block& b);
bool korean_ends_sentence(const Block& b, const Candidate& c, bool informal);
// Korean sentences without final punctuation: does the word [begin, end) end one, given that the
// next word starts at next? Informal text (chat, posts) also ends on weaker endings.
bool korean_word_ends_sentence(const Block& b, std::size_t begin, std::size_t end, std::size_t next,
                               bool informal);
// "같아요😀하지만", "패키지ㅎㅎ심플하니": emoticons glued between a sentence end [begin, end)
// and the next word, starting at next.
bool korean_marks_end_sentence(const Block& b, std::size_t begin, std::size_t end,
                               std::size_t next);
// Where the next sentence starts after a sentence end: c.next, or after a final syllable left
// glued to a citation ("본다.[4]다 스페인이": the "다" belongs to the sentence).
std::size_t korean_stray_ending(const Block& b, const Candidate& c);
// Laughter and crying spelt in syllables at i ("하하하", "엉엉", "냠냠냠"), not describing the
// verb after it ("엉엉 울었다").
bool is_laughter_at(const Block& b, std::size_t i);
// "반면에 (": the word before the spaces before i ends in a connective or particle, so the
// sentence goes on.
bool continues_before(const Block& b, std::size_t i);
// Sentence-final endings of polite speech (합니다, 해요, 하죠): final even without punctuation.
bool has_strong_ending(std::u32string_view word);
// Any sentence-final ending (했다, 했음, 있긋나, 하네) including the strong ones.
bool has_final_ending(std::u32string_view word);
// Chat and posts: emoticons, laughter, tildes, or no sentence-final period at all.
bool is_informal(const Block& b);

// Numbered and bulleted list items ("1. a 2. b", "a) x b) y", "• x • y").
struct ListItems {
  std::vector<std::size_t> starts;   // code point indices where an item begins (a sentence cut)
  std::vector<std::size_t> markers;  // indices of the "." or ")" of item markers (never a break)
};
void find_list_items(const Block& b, ListItems& out);

// Code point indices where a new sentence starts (sorted, unique, never 0).
std::vector<std::size_t> find_cuts(const Block& b, Language lang);

}  // namespace kealign::split_detail
