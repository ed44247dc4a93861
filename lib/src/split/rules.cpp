#include "split_rules.hpp"

#include <algorithm>

#include "kealign/text.hpp"
#include "split_chars.hpp"

namespace kealign::split_detail {
namespace {

// Longest bracketed citation glued to a sentence end: "[12]", "[참고 2]", "[note 3]".
constexpr std::size_t kMaxCitationLength = 12;
// Longest bracketed note after a sentence end that still belongs to it: "(2021년 3월 9일)".
constexpr std::size_t kMaxNoteLength = 16;
// Longest item number at a sentence start: "1." to "999."; longer numbers are years or amounts.
constexpr std::size_t kMaxMarkerDigits = 3;

// "[12]" or "[참고 2]" starting at i: returns the index after "]", or i when it is not one.
std::size_t citation_end(const Block& b, std::size_t i) {
  if (i >= b.size() || b.cp[i] != '[') return i;
  bool digit = false;
  for (std::size_t k = i + 1; k < b.size() && k <= i + kMaxCitationLength; ++k) {
    const char32_t c = b.cp[k];
    if (c == ']') return digit ? k + 1 : i;
    if (is_digit(c)) {
      digit = true;
    } else if (digit || !(is_letter(c) || c == ' ')) {
      return i;
    }
  }
  return i;
}

// "(6회 우승)", "(요한 3:13)": a short bracketed note with a number starting at p; the index
// after its ")", or p when there is none.
std::size_t note_end(const Block& b, std::size_t p) {
  if (p >= b.size() || b.cp[p] != '(') return p;
  bool digit = false;
  for (std::size_t k = p + 1; k < b.size() && k <= p + kMaxNoteLength; ++k) {
    if (b.cp[k] == ')') return digit ? k + 1 : p;
    if (is_terminator(b.cp[k]) || is_opener(b.cp[k])) return p;
    digit = digit || is_digit(b.cp[k]);
  }
  return p;
}

bool closes_quote(const Block& b, std::size_t j) {
  const char32_t c = b.cp[j];
  // U+02DD (˝), typed for a closing double quote in English news from Korean newsrooms
  if (is_closer(c) || c == 0x02DD) return true;
  // a straight quote right after the terminators closes unless a word starts with it
  return is_symmetric_quote(c) && !(j + 1 < b.size() && is_letter(b.cp[j + 1]));
}

bool all_marks(const Block& b, std::size_t begin, std::size_t end) {
  bool mark = false;
  for (std::size_t k = begin; k < end; ++k) {
    mark = mark || is_trailing_mark(b.cp[k]) || is_closer(b.cp[k]);
    if (!is_trailing_mark(b.cp[k]) && !is_closer(b.cp[k]) && !is_terminator(b.cp[k])) return false;
  }
  return mark;
}

// Laughter, emoji and closers right after a sentence end belong to it: a word made only of them
// ("ㅋㅋ", "😲😲", "^^..") or the marks glued to the next word ("ㅋㅋㅋ오늘").
std::size_t absorb_marks(const Block& b, std::size_t p) {
  while (p < b.size()) {
    const std::size_t e = b.word_end(p);
    if (!all_marks(b, p, e)) {
      std::size_t k = p;
      while (k < e && is_trailing_mark(b.cp[k])) ++k;
      return k > p && is_hangul_syllable(b.cp[k]) ? k : p;
    }
    p = b.skip_space(e);
  }
  return p;
}

// "후기 좀 주세요 엉엉 블루베리": laughter or crying after a sentence without punctuation is its
// end mark; after punctuation it opens the next sentence ("사랑합니다! 하하 평일에는").
std::size_t absorb_laughter(const Block& b, std::size_t p) {
  return p < b.size() && is_laughter_at(b, p) ? b.skip_space(b.word_end(p)) : p;
}

// "…하다. (6회 우승) 또한": a short note with a number in brackets after a sentence end
// belongs to that sentence.
std::size_t absorb_note(const Block& b, std::size_t p) {
  const std::size_t e = note_end(b, p);
  const std::size_t next = b.skip_space(e);
  return e > p && next > e && next < b.size() ? next : p;
}

// A sentence needs a letter or digit: ". . . The practice" does not end before "The".
bool has_text(const Block& b, std::size_t from, std::size_t to) {
  for (std::size_t k = to; k > from; --k) {
    if (is_letter(b.cp[k - 1]) || is_digit(b.cp[k - 1])) return true;
  }
  return false;
}

// Whether [from, i) is white space and then one to kMaxMarkerDigits digits.
bool starts_with_number(const Block& b, std::size_t from, std::size_t i) {
  const std::size_t begin = b.skip_space(from);
  if (begin >= i || i - begin > kMaxMarkerDigits) return false;
  for (std::size_t k = begin; k < i; ++k) {
    if (!is_digit(b.cp[k])) return false;
  }
  return true;
}

struct WordRange {
  std::size_t begin = 0, end = 0;
  bool empty() const { return begin >= end; }
};

// The Korean words whose ending decides whether a sentence ends at the space i.
struct EndingWords {
  WordRange last;    // the word before i, or the word a bracketed aside is glued to
  WordRange before;  // the word before an aside that stands after it and a space
};

// "카운터였음(테라스가 바로옆)": an aside with spaces inside, glued to a word, is a note on that
// word's sentence; "있다 (출처 구글) 호시노": one after a sentence end and a space stands alone,
// while "반면에 (…있었습니다) 구글에서는" is an aside inside a sentence that goes on.
// last_cut: where the current sentence starts.
EndingWords ending_words(const Block& b, std::size_t i, std::size_t last_cut) {
  const std::size_t begin = b.word_begin(i);
  const std::size_t open = b.cp[i - 1] == ')' ? b.opener[i - 1] : Block::kNone;
  if (open == Block::kNone || open >= begin) return {{begin, i}, {}};
  if (open > 0 && !b.space(open - 1)) return {{b.word_begin(open), open}, {}};
  if (has_text(b, last_cut, open) && continues_before(b, open)) return {};
  std::size_t k = open;
  while (k > 0 && b.space(k - 1)) --k;
  return {{begin, i}, {b.word_begin(k), k}};
}

}  // namespace

Candidate read_candidate(const Block& b, std::size_t i) {
  Candidate c;
  c.term_begin = i;
  std::size_t j = i;
  while (j < b.size()) {
    if (is_terminator(b.cp[j])) {
      ++j;
    } else if (b.cp[j] == ' ' && b.cp[j - 1] == '.' && j + 1 < b.size() && b.cp[j + 1] == '.' &&
               (j - 1 > i || i == 0 || !is_letter(b.cp[i - 1]))) {
      ++j;  // ". . ." is one ellipsis; in "word. . . ." the first period ends the word's sentence
    } else {
      break;
    }
  }
  c.term_end = j;
  while (j < b.size() && closes_quote(b, j)) ++j;
  c.closed = j > c.term_end;
  for (std::size_t k = citation_end(b, j); k > j; k = citation_end(b, j)) j = k;
  // "…한다."(요한 3:13) 공관복음에는": a source glued to a closed quotation belongs to it
  if (const std::size_t k = note_end(b, j); c.closed && k > j && (k == b.size() || b.space(k)))
    j = k;
  while (j < b.size() && is_trailing_mark(b.cp[j])) ++j;
  c.end = j;
  c.next = b.skip_space(j);
  return c;
}

std::u32string word_before(const Block& b, std::size_t i) {
  std::size_t k = i;
  while (k > 0 && !b.space(k - 1) && b.cp[k - 1] != '-' && b.cp[k - 1] != '/' &&
         !is_opener(b.cp[k - 1]) && !is_symmetric_quote(b.cp[k - 1]))
    --k;
  std::u32string w(b.cp.begin() + static_cast<std::ptrdiff_t>(k),
                   b.cp.begin() + static_cast<std::ptrdiff_t>(i));
  for (auto& c : w) {
    if (is_upper(c)) c = c + ('a' - 'A');
  }
  return w;
}

std::u32string_view word_at(const Block& b, std::size_t i) {
  std::size_t e = i;
  while (e < b.size() && !b.space(e) && !is_terminator(b.cp[e]) && b.cp[e] != ',' &&
         !is_closer(b.cp[e]))
    ++e;
  return std::u32string_view(b.cp.data() + i, e - i);
}

std::vector<std::size_t> find_cuts(const Block& b, Language lang) {
  std::vector<std::size_t> cuts;
  ListItems items;
  find_list_items(b, items);
  const bool korean = lang == Language::kKorean;
  const bool informal = korean && is_informal(b);
  std::size_t marker = 0;  // next index into items.markers
  const std::vector<QuietSpan> quiet = korean ? std::vector<QuietSpan>{} : attributed_quotations(b);
  std::size_t q = 0;  // first quiet span that closes after the current position
  auto in_quiet = [&](std::size_t i) {
    while (q < quiet.size() && quiet[q].close <= i) ++q;
    return q < quiet.size() && quiet[q].open < i;
  };
  for (std::size_t i = 0; i < b.size();) {
    const char32_t c = b.cp[i];
    if (is_terminator(c)) {
      const Candidate k = read_candidate(b, i);
      while (marker < items.markers.size() && items.markers[marker] < i) ++marker;
      const bool is_marker = marker < items.markers.size() && items.markers[marker] == i;
      const std::size_t last = cuts.empty() ? 0 : cuts.back();
      // "1. 파일이" at the start of a sentence numbers it
      const bool numbering = k.term_end == i + 1 && (b.cp[i] == '.' || b.cp[i] == ')') &&
                             starts_with_number(b, last, i);
      const bool bracketed =
          i > 0 && is_opener(b.cp[i - 1]) && k.closed && b.cp[k.term_end] == closer_of(b.cp[i - 1]);
      // Korean "곳이라면 (가능한!) 어디든": an aside closed mid-sentence, not a sentence of its own
      const bool aside = korean && k.closed && b.cp[k.term_end] == ')' &&
                         b.opener[k.term_end] != Block::kNone &&
                         has_text(b, last, b.opener[k.term_end]);
      if (!is_marker && !numbering && !bracketed && !aside && k.next < b.size() &&
          b.depth[k.end] == 0 && has_text(b, last, k.term_begin) &&
          (korean ? korean_ends_sentence(b, k, informal)
                  : !in_quiet(i) && english_ends_sentence(b, k)))
        cuts.push_back(korean ? absorb_note(b, absorb_marks(b, korean_stray_ending(b, k)))
                              : english_sentence_start(b, k));
      i = std::max(k.end, i + 1);
      continue;
    }
    if (korean && is_trailing_mark(c) && i > 0 && is_hangul_syllable(b.cp[i - 1]) &&
        b.depth[i] == 0) {
      std::size_t e = i;
      while (e < b.size() && is_trailing_mark(b.cp[e])) ++e;
      if (e < b.size() && is_hangul_syllable(b.cp[e]) &&
          korean_marks_end_sentence(b, b.word_begin(i), i, e))
        cuts.push_back(e);
      i = e;
      continue;
    }
    if (korean && b.space(i) && i > 0 && !b.space(i - 1) && b.depth[i] == 0) {
      const std::size_t next = b.skip_space(i);
      const EndingWords w = ending_words(b, i, cuts.empty() ? 0 : cuts.back());
      auto ends = [&](WordRange r) {
        return !r.empty() && korean_word_ends_sentence(b, r.begin, r.end, next, informal);
      };
      if (next < b.size() && (ends(w.last) || ends(w.before)))
        cuts.push_back(absorb_note(b, absorb_marks(b, absorb_laughter(b, next))));
      i = next;
      continue;
    }
    ++i;
  }
  cuts.insert(cuts.end(), items.starts.begin(), items.starts.end());
  // A stand-alone full stop ("것이다 .", "plan ?!") ends the sentence before it, never starts one;
  // the first period of a spaced ellipsis (". . . The practice") does start one.
  for (std::size_t& p : cuts) {
    std::size_t j = p;
    while (j < b.size() && is_terminator(b.cp[j])) ++j;
    if (j == p) continue;
    const bool ellipsis = j + 1 < b.size() && b.cp[j - 1] == '.' && b.cp[j + 1] == '.';
    if ((j == b.size() || b.space(j)) && !ellipsis) p = b.skip_space(j);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  cuts.erase(std::remove_if(cuts.begin(), cuts.end(),
                            [&](std::size_t p) { return p == 0 || p >= b.size(); }),
             cuts.end());
  return cuts;
}

}  // namespace kealign::split_detail
