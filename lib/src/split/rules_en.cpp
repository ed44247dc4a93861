// English sentence ends: abbreviations, initials, acronyms, numbers, ellipses, quotes.
#include <algorithm>

#include "abbreviations.hpp"
#include "kealign/text.hpp"
#include "split_chars.hpp"
#include "split_rules.hpp"

namespace kealign::split_detail {
namespace {

// "…" stands for three periods; an ellipsis and a period ("....", "… .") may end a sentence
// before a capital, a bare ellipsis only marks an omission ("the thing is . . . I didn't").
constexpr std::size_t kEllipsisDots = 3;
constexpr std::size_t kEllipsisWithPeriod = 4;
constexpr std::size_t kMaxAcronymLetters = 2;  // letters between the periods of "Ph.D."
// Longest quotation (code points) whose closing comma makes it one sentence with its attribution:
// a news paragraph's quotation runs to about three sentences; a longer "pair" is two unrelated
// quotation marks.
constexpr std::size_t kMaxAttributedQuotation = 500;
// Most capitalised words between a quotation closed by "?" or "!" and its speech verb ("\"Why?\"
// Foreign Minister Park Jin asked."): a title and a three-part name.
constexpr std::size_t kMaxAttributionNames = 5;
// Most words before a time that still opens its sentence: a preposition and the hour ("At 5 a.m.").
constexpr std::size_t kMaxFrontedWords = 2;

bool has_period(const Block& b, const Candidate& c) {
  for (std::size_t k = c.term_begin; k < c.term_end; ++k) {
    if (b.cp[k] == '.' || b.cp[k] == 0xFF0E || b.cp[k] == 0x3002) return true;
  }
  return false;
}

// Periods in the run, an ellipsis character counting as three.
std::size_t dot_count(const Block& b, const Candidate& c) {
  std::size_t dots = 0;
  for (std::size_t k = c.term_begin; k < c.term_end; ++k) {
    dots += is_ellipsis_char(b.cp[k]) ? kEllipsisDots : b.cp[k] == '.';
  }
  return dots;
}

bool is_number(std::u32string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char32_t c) {
    return is_digit(c) || c == '.' || c == ',' || c == '$' || c == '%';
  }) && std::any_of(w.begin(), w.end(), [](char32_t c) { return is_digit(c); });
}

// "u.s", "a.m", "e.u", "Ph.D": one or two letters between periods (not "x.html").
bool is_dotted_acronym(std::u32string_view w) {
  if (w.find(U'.') == std::u32string_view::npos) return false;
  std::size_t run = 0;
  for (const char32_t c : w) {
    if (c == '.') {
      run = 0;
    } else if (!is_latin(c) || ++run > kMaxAcronymLetters) {
      return false;
    }
  }
  return true;
}

// The single capital before the period is an initial ("Jonas E. Smith", "J. R. R. Tolkien"),
// not the pronoun or a letter closing the sentence ("you and I. Did").
bool is_initial(const Block& b, std::size_t letter) {
  const std::size_t wb = b.word_begin(letter);
  if (wb != letter && !is_opener(b.cp[wb])) return false;
  if (wb == 0) return true;
  const std::size_t prev_end = [&] {
    std::size_t k = wb;
    while (k > 0 && b.space(k - 1)) --k;
    return k;
  }();
  if (prev_end == 0) return true;
  return is_upper(b.cp[b.word_begin(prev_end)]);
}

// The original-case token before the period, after any hyphen ("ROK-U.S" -> "U.S").
std::u32string_view raw_token(const Block& b, std::size_t i) {
  std::size_t k = i;
  while (k > 0 && !b.space(k - 1) && b.cp[k - 1] != '-' && b.cp[k - 1] != '/' &&
         !is_opener(b.cp[k - 1]))
    --k;
  return std::u32string_view(b.cp.data() + k, i - k);
}

// Whether the capitalised word at i usually opens a sentence ("The", "He", "But's" as "But").
bool starts_sentence(const Block& b, std::size_t i) {
  std::size_t e = i;
  while (e < b.size() && is_latin(b.cp[e])) ++e;
  return e > i && lang::is_sentence_starter(std::u32string_view(b.cp.data() + i, e - i));
}

// Whether the word before the one starting at i is a number ("15.3 C").
bool number_before(const Block& b, std::size_t i) {
  std::size_t k = i;
  while (k > 0 && b.space(k - 1)) --k;
  if (k == i) return false;
  const std::size_t begin = b.word_begin(k);
  return is_number(std::u32string_view(b.cp.data() + begin, k - begin));
}

// "J." at i: a further initial ("K. J. Lee").
bool initial_at(const Block& b, std::size_t i) {
  return i + 1 < b.size() && is_upper(b.cp[i]) && b.cp[i + 1] == '.' &&
         (i + 2 == b.size() || b.space(i + 2));
}

// The lower-cased word at i without what follows a hyphen ("Secretary-General" -> "secretary").
std::u32string lower_word_at(const Block& b, std::size_t i) {
  std::u32string w(word_at(b, i));
  w.resize(std::min(w.size(), w.find(U'-')));
  for (auto& c : w) {
    if (is_upper(c)) c = c + ('a' - 'A');
  }
  return w;
}

// A title or month abbreviation with its period at i ("Sen." "Jan.").
bool abbreviation_at(const Block& b, std::size_t i) {
  const std::size_t e = i + word_at(b, i).size();
  if (e >= b.size() || b.cp[e] != '.') return false;
  const std::u32string lower = lower_word_at(b, i);
  return lang::is_title_abbreviation(lower) || lang::is_month_abbreviation(lower);
}

// Whether at most kMaxFrontedWords words stand between the sentence start and the word ending at
// i ("At 5 a.m. Mr. Smith went", "By 10 p.m. Rescuers had"): a fronted time is followed by the
// rest of its sentence.
bool opens_sentence(const Block& b, std::size_t i) {
  std::size_t k = b.word_begin(i);
  for (std::size_t words = 0; words <= kMaxFrontedWords; ++words) {
    while (k > 0 && b.space(k - 1)) --k;
    if (k == 0) return true;
    if (is_terminator(b.cp[k - 1]) || is_closer(b.cp[k - 1])) return true;
    k = b.word_begin(k);
  }
  return false;
}

// After "a.m."/"p.m.": a day, a month, a time zone, or a place before "time" ("3:30 p.m.
// Monday", "9 a.m. KST", "10 p.m. Seoul time") goes on.
bool time_continues(const Block& b, std::size_t first) {
  const std::u32string_view w = word_at(b, first);
  if (w.empty()) return false;
  if (lang::is_time_continuation(w)) return true;
  if (abbreviation_at(b, first) && lang::is_month_abbreviation(lower_word_at(b, first)))
    return true;
  const std::size_t next = b.skip_space(first + w.size());
  return next > first + w.size() && word_at(b, next) == U"time";
}

// Dotted capitals that are not a place or an institution: initials ("J.K. Rowling").
bool dotted_initials(std::u32string_view raw, std::u32string_view lower) {
  if (lang::is_place_acronym(lower)) return false;
  for (std::size_t k = 0; k < raw.size(); k += 2) {
    if (!is_upper(raw[k]) || (k + 1 < raw.size() && raw[k + 1] != '.')) return false;
  }
  return true;
}

// Whether an abbreviation before the period keeps the sentence going into a capitalised word.
bool abbreviation_continues(const Block& b, const Candidate& c, std::size_t first) {
  const std::u32string lower = word_before(b, c.term_begin);
  if (lower.empty()) return false;
  // "Main St. The suspect" ends; "St. Mary's" does not
  if (lang::is_street_abbreviation(lower)) return !starts_sentence(b, first);
  if (lang::is_title_abbreviation(lower)) return true;
  // "Corp. Radio" goes on; "Co. It closed" ends
  if (lang::is_name_suffix(lower)) return !starts_sentence(b, first);
  // a month goes on into its day or year (above), never into a capitalised word ("in Sept. The",
  // "in Sept. Negotiators")
  if (lang::is_month_abbreviation(lower)) return false;
  const std::u32string_view raw = raw_token(b, c.term_begin);
  // other capitals are initials before a surname or another initial ("said K. J. Lee")
  const auto initial = [&] { return initial_at(b, first) || !starts_sentence(b, first); };
  if (raw.size() == 1 && is_upper(raw[0])) {
    // the pronoun: "you and I. Did" ends, "Albert I. Jones" does not
    if (raw[0] == 'I') return is_initial(b, c.term_begin - 1);
    // after a number it is a unit or a label, not an initial ("minus 15.3 C. Schools closed")
    if (number_before(b, c.term_begin - 1)) return false;
    return initial();
  }
  if (is_dotted_acronym(raw)) {
    // "3:30 p.m. Monday", "At 5 a.m. Mr. Smith went" go on; "at 6 p.m. The", "at 6 p.m. Police"
    // end
    if (lower == U"a.m" || lower == U"p.m")
      return opens_sentence(b, c.term_begin) || time_continues(b, first);
    if (std::none_of(raw.begin(), raw.end(), is_upper)) return !starts_sentence(b, first);
    if (dotted_initials(raw, lower)) return initial();
    // "the U.S. Geological Survey", "U.S. Sen. Bob Menendez", "U.N. Secretary-General"
    const std::u32string_view next = word_at(b, first);
    return lang::is_acronym_continuation(next.substr(0, next.find(U'-'))) ||
           (abbreviation_at(b, first) && lang::is_title_abbreviation(lower_word_at(b, first)));
  }
  return false;
}

// A closing quotation mark standing alone after the terminators ("position. \" Greek") closes
// the sentence before it.
bool lone_closing_quote(const Block& b, std::size_t i) {
  if (i + 1 >= b.size() || (b.cp[i] != '"' && b.cp[i] != 0x201D) || !b.space(i + 1)) return false;
  // only when the last double quote before it opened a quotation, not in a list of marks
  const std::size_t stop = i > kMaxAttributedQuotation ? i - kMaxAttributedQuotation : 0;
  for (std::size_t k = i; k > stop; --k) {
    const std::size_t q = k - 1;
    if (b.cp[q] == 0x201C) return true;
    if (b.cp[q] == 0x201D) return false;
    if (b.cp[q] == '"')
      return (q == 0 || b.space(q - 1) || is_opener(b.cp[q - 1])) && !b.space(q + 1);
  }
  return false;
}

// An attribution starts after the space at i: a lower-case word ("\"Why?\" he asked") or a few
// capitalised words and a speech verb ("\"Why?\" Kim asked", "\"Stop!\" Gen. Park shouted").
bool attribution_follows(const Block& b, std::size_t i) {
  std::size_t w = b.skip_space(i);
  if (w == i || w >= b.size()) return false;
  if (is_lower(b.cp[w])) return true;
  for (std::size_t names = 0; names <= kMaxAttributionNames && w < b.size(); ++names) {
    const std::u32string_view word = word_at(b, w);
    if (word.empty()) return false;
    if (!is_upper(word[0])) return lang::is_speech_verb(word);
    std::size_t e = w + word.size();
    if (e < b.size() && b.cp[e] == '.' && lang::is_title_abbreviation(lower_word_at(b, w))) ++e;
    if (e >= b.size() || !b.space(e)) return false;  // "Kim, 45," or a sentence end
    w = b.skip_space(e);
  }
  return false;
}

}  // namespace

std::size_t english_sentence_start(const Block& b, const Candidate& c) {
  if (!lone_closing_quote(b, c.next)) return c.next;
  const std::size_t after = b.skip_space(c.next + 1);
  return after < b.size() ? after : c.next;
}

std::vector<QuietSpan> attributed_quotations(const Block& b) {
  std::vector<QuietSpan> out;
  for (const std::size_t i : b.closers) {
    if (b.cp[i] != '"' && b.cp[i] != 0x201D && b.cp[i] != '\'' && b.cp[i] != 0x2019) continue;
    const std::size_t open = b.opener[i];
    if (i - open > kMaxAttributedQuotation) continue;
    const char32_t before = b.cp[i - 1];
    // "?", "!" or an ellipsis close an attributed quotation only when the attribution follows
    const bool trailing = before == '?' || before == '!' || is_ellipsis_char(before) ||
                          (before == '.' && i >= 2 && b.cp[i - 2] == '.');
    if (before == ',' || (trailing && attribution_follows(b, i + 1))) out.push_back({open, i});
  }
  return out;
}

bool english_ends_sentence(const Block& b, const Candidate& c) {
  if (!c.spaced()) return false;  // URLs, decimals, e-mail addresses, "Jr.'s"
  const char32_t next = b.cp[english_sentence_start(b, c)];
  if (next == '.') {  // "compounds. . . . The": the ellipsis opens the next sentence
    const Candidate e = read_candidate(b, c.next);
    return e.next < b.size() && is_upper(b.cp[e.next]);
  }
  if (next == ',' || next == ';' || next == ':' || is_closer(next) || next == '-') return false;
  std::size_t first = english_sentence_start(b, c);
  while (first < b.size() && (is_opener(b.cp[first]) || is_symmetric_quote(b.cp[first]))) ++first;
  if (b.skip_space(first) >= b.size()) return false;  // only quotes left: they close this one
  const char32_t f = b.cp[first];
  if (is_lower(f)) return false;
  if (!has_period(b, c)) return true;  // "?" "!" before a capital, digit or other script
  const std::size_t dots = dot_count(b, c);
  if (dots >= 2) {
    if (!is_upper(f) || dots < kEllipsisDots) return false;
    if (dots >= kEllipsisWithPeriod) return true;
    // A bare ellipsis ends a sentence before a word that opens one ("... The"), not before a
    // name ("... Obama"); nor before "I", which after an omission goes on with the speaker's
    // clause ("the thing is . . . I didn't") as often as it starts a new one.
    return f != 'I' && starts_sentence(b, first);
  }
  if (c.closed) return true;
  if (is_digit(f)) {
    const std::u32string lower = word_before(b, c.term_begin);
    return !lang::is_number_abbreviation(lower) && !lang::is_month_abbreviation(lower) &&
           !lang::is_title_abbreviation(lower) && !is_number(lower);
  }
  return !abbreviation_continues(b, c, first);
}

}  // namespace kealign::split_detail
