// Korean sentence ends: final endings with or without punctuation, laughter and emoticons, dates,
// embedded quotations, dialogue turns and asides.
#include <algorithm>

#include "abbreviations.hpp"
#include "kealign/text.hpp"
#include "split_chars.hpp"
#include "split_rules.hpp"

namespace kealign::split_detail {
namespace {

// Final consonants (jongseong index of a precomposed syllable) that endings are recognised by.
constexpr int kFinalNieun = 4;       // ㄴ: 한다, 간다
constexpr int kFinalRieul = 8;       // ㄹ: 할까, 일까
constexpr int kFinalMieum = 16;      // ㅁ: 했음, 좋아함
constexpr int kFinalBieup = 17;      // ㅂ: 합니다, 합니까
constexpr int kFinalSsang = 20;      // ㅆ: 했지, 있었제
constexpr int kFinalBieupSiot = 18;  // ㅄ: 없재
// An ellipsis after a word this short is hesitation ("물론...", "어ㄸ..."), not a sentence end.
constexpr std::size_t kHesitationSyllables = 2;
constexpr std::size_t kEllipsisDots = 3;    // "…" counts as "..."
constexpr std::size_t kChatPeriodDots = 2;  // "했고.." ends a sentence in chat
// A block without any period is chat only when it is this long; shorter ones are headlines.
constexpr std::size_t kMinChatLength = 32;
// Sentences ended by -음/-함 without a period this many times make a text note-taking style.
constexpr std::size_t kMinNominalEndings = 2;
// Last syllables that end a sentence when a period follows, even glued to the next word.
constexpr std::u32string_view kPeriodEndings = U"다요죠음함임";

int final_consonant(char32_t c) {
  return is_hangul_syllable(c) ? static_cast<int>((c - 0xAC00) % 28) : -1;
}

// Nominal endings of notes and posts: 했음, 좋아함, 대비용임, 이해됨.
bool has_nominal_ending(std::u32string_view w) {
  constexpr std::u32string_view kNominal = U"음함임됨냄김옴줌짐";
  return w.size() >= 2 && kNominal.find(w.back()) != std::u32string_view::npos &&
         final_consonant(w.back()) == kFinalMieum;
}

// Periods in the run, an ellipsis character counting as three.
std::size_t dot_count(const Block& b, const Candidate& c) {
  std::size_t dots = 0;
  for (std::size_t k = c.term_begin; k < c.term_end; ++k) {
    if (is_ellipsis_char(b.cp[k])) dots += kEllipsisDots;
    dots += b.cp[k] == '.';
  }
  return dots;
}

bool has_prefix(std::u32string_view w, std::u32string_view p) {
  return w.substr(0, p.size()) == p;
}

// Words that take the noun before them: "어색함 없이", "매콤함 외에", "벗겨짐 방지를".
bool follows_noun(std::u32string_view w) {
  constexpr std::u32string_view kPrefixes[] = {U"없이", U"외에", U"때문", U"덕분", U"자체",
                                               U"방지", U"정도", U"가득", U"속에", U"만큼"};
  for (std::u32string_view p : kPrefixes) {
    if (has_prefix(w, p)) return true;
  }
  return false;
}

bool has_question_or_bang(const Block& b, const Candidate& c) {
  for (std::size_t k = c.term_begin; k < c.term_end; ++k) {
    if (b.cp[k] == '?' || b.cp[k] == '!') return true;
  }
  return false;
}

// "영상?? 이라는 생각", "알려주지? 라는": the punctuation sits inside a quoted thought.
bool starts_quotative(std::u32string_view w) {
  constexpr std::u32string_view kPrefixes[] = {
      U"라는", U"이라는",   U"라고",   U"이라고", U"라며", U"이라며", U"하고",
      U"하며", U"하는",     U"하면서", U"하자",   U"하곤", U"라던",   U"이라던",
      U"란",   U"이러면서", U"싶",     U"하겠",   U"생각"};
  for (std::u32string_view p : kPrefixes) {
    if (has_prefix(w, p)) return true;
  }
  return lang::is_quotative_continuation(w);
}

// The Hangul word before position i, trailing marks removed.
std::u32string_view hangul_word_before(const Block& b, std::size_t i) {
  std::size_t e = i;
  while (e > 0 && is_trailing_mark(b.cp[e - 1])) --e;
  std::size_t k = e;
  while (k > 0 && is_hangul_syllable(b.cp[k - 1])) --k;
  return std::u32string_view(b.cp.data() + k, e - k);
}

// Digits ending at i, preceded by "N." ("2017. 12. 11." before "11.").
bool follows_dotted_number(const Block& b, std::size_t i) {
  const std::size_t wb = b.word_begin(i);
  std::size_t k = wb;
  while (k > 0 && b.space(k - 1)) --k;
  return k >= 2 && k < wb && b.cp[k - 1] == '.' && is_digit(b.cp[k - 2]);
}

// "2017. 12. 11.": a number, one period and another number, or the last number of such a date.
bool is_date_part(const Block& b, const Candidate& c) {
  if (c.term_begin == 0 || !is_digit(b.cp[c.term_begin - 1]) || c.term_end != c.term_begin + 1)
    return false;
  return (c.next < b.size() && is_digit(b.cp[c.next])) || follows_dotted_number(b, c.term_begin);
}

// The plain declarative after a past stem or the copula ("했다", "있었다", "것이다"), final even in
// formal text without a period.
bool has_declarative_ending(std::u32string_view w) {
  if (w.size() < 2 || w.back() != U'다') return false;
  const char32_t prev = w[w.size() - 2];
  return final_consonant(prev) == kFinalSsang || (prev == U'이' && w.size() >= 3);
}

// Words that make a plain "-다" part of a longer form: "있다 보니", "했다 해도", "간다 싶으면".
bool continues_declarative(std::u32string_view next) {
  constexpr std::u32string_view kPrefixes[] = {U"보니", U"보면", U"해도", U"하더라도",
                                               U"못해", U"싶",   U"치고", U"할지라도"};
  for (std::u32string_view p : kPrefixes) {
    if (has_prefix(next, p)) return true;
  }
  return false;
}

// One-syllable final words that end a sentence after an auxiliary form of the word before:
// "친해지지 마" (negative imperative), "보이게 함", "익혀야 됨", "공부 안 함" (note style).
struct AuxiliaryEnd {
  char32_t word;                    // the one-syllable word
  std::u32string_view before_ends;  // last syllables of the word before ('지' for "-지 마")
  bool informal_only;               // the nominal 함/됨 ends sentences in notes and posts only
};
constexpr AuxiliaryEnd kAuxiliaryEnds[] = {
    {U'마', U"지", false}, {U'함', U"게안못", true}, {U'됨', U"야게면안못잘", true}};

bool is_auxiliary_end(const Block& b, std::size_t begin, std::u32string_view word, bool informal) {
  if (word.size() != 1 || begin == 0 || !b.space(begin - 1)) return false;
  std::size_t k = begin;
  while (k > 0 && b.space(k - 1)) --k;
  std::u32string_view before = hangul_word_before(b, k);
  // "동조하지도 마", "가지는 마": a particle between the -지 form and 마
  if (word[0] == U'마' && before.size() >= 3 && (before.back() == U'도' || before.back() == U'는'))
    before.remove_suffix(1);
  for (const AuxiliaryEnd& a : kAuxiliaryEnds) {
    if (a.word == word[0] && (informal || !a.informal_only) && !before.empty() &&
        a.before_ends.find(before.back()) != std::u32string_view::npos)
      return true;
  }
  return false;
}

// A Hangul syllable standing alone as a word and followed by a terminator, starting at i.
bool syllable_with_stop(const Block& b, std::size_t i) {
  return i + 1 < b.size() && is_hangul_syllable(b.cp[i]) && is_terminator(b.cp[i + 1]) &&
         (i == 0 || b.space(i - 1));
}

// "전. 부. 다. 요!!!": a word spelt out syllable by syllable for emphasis is one word, not a
// run of sentences; a run of at least three such syllables is required ("응. 왜?" stays two).
bool is_spelled_out(const Block& b, const Candidate& c) {
  if (c.term_begin == 0 || !syllable_with_stop(b, c.term_begin - 1) ||
      !syllable_with_stop(b, c.next))
    return false;
  std::size_t after = c.next + 1;
  while (after < b.size() && is_terminator(b.cp[after])) ++after;
  if (syllable_with_stop(b, b.skip_space(after))) return true;
  std::size_t before = c.term_begin - 1;
  while (before > 0 && b.space(before - 1)) --before;
  return before >= 2 && before < c.term_begin - 1 && syllable_with_stop(b, before - 2);
}

// Marks that open a quotation (a straight quote opens or closes).
bool is_quote_opener(char32_t c) {
  return is_symmetric_quote(c) || c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E;
}

// Longest speaker name before the colon of a dialogue turn ("동원:", "카미나리 :").
constexpr std::size_t kMaxSpeakerLength = 8;

// A dialogue turn starting at i: a short name, a colon, then a quotation or the words
// ("동원:"나 잠깐만…"", "카미나리 : 응, 괜찮으니까").
bool starts_speaker_turn(const Block& b, std::size_t i) {
  std::size_t k = i;
  while (k < b.size() && k - i < kMaxSpeakerLength && is_hangul_syllable(b.cp[k])) ++k;
  if (k == i) return false;
  if (k + 1 < b.size() && b.space(k) && b.cp[k + 1] == ':') ++k;
  return k + 1 < b.size() && b.cp[k] == ':' && (b.space(k + 1) || is_quote_opener(b.cp[k + 1]));
}

// Laughter or emoji ("ㅋㅋ", "^^", "😊"); a tilde only stretches the word ("진~~짜").
bool is_emoticon(std::u32string_view marks) {
  const auto jamo = std::count_if(marks.begin(), marks.end(), is_hangul_jamo);
  return jamo >= 2 || std::any_of(marks.begin(), marks.end(),
                                  [](char32_t m) { return m == '^' || is_emoji(m); });
}

// Last syllables of connectives and particles that a pause does not end ("않지만...", "그러나...",
// "표정이...").
bool is_connective_syllable(char32_t last) {
  constexpr std::u32string_view kConnective = U"고서며면게니데나만이가을를도에와과의로";
  return kConnective.find(last) != std::u32string_view::npos;
}
// The same, or an adnominal ㄴ, which a stretching tilde does not end either ("잡힌~").
bool is_connective(char32_t last) {
  return is_connective_syllable(last) || final_consonant(last) == kFinalNieun;
}

// The onomatopoeic verbs a laughter or crying word describes: "엉엉 울었다", "하하 웃으며".
bool follows_laughter(std::u32string_view next) {
  constexpr std::u32string_view kVerbs = U"웃울먹거대";
  return !next.empty() && kVerbs.find(next.front()) != std::u32string_view::npos;
}

// Whether the word starting at begin follows a space and a Hangul word.
bool follows_hangul_word(const Block& b, std::size_t begin) {
  std::size_t k = begin;
  while (k > 0 && b.space(k - 1)) --k;
  return k > 0 && k < begin && is_hangul_syllable(b.cp[k - 1]);
}

// "익혀야 됨 ㅇㅇ 그런", "정도 ㅜ 다음으로": laughter or crying standing alone after a Hangul
// word closes the sentence, whatever the word's ending.
bool is_mark_word(const Block& b, std::size_t begin, std::size_t end) {
  const std::u32string_view marks(b.cp.data() + begin, end - begin);
  const bool cries = std::any_of(marks.begin(), marks.end(), is_hangul_jamo);
  return (cries || is_emoticon(marks)) && follows_hangul_word(b, begin);
}

}  // namespace

std::size_t korean_stray_ending(const Block& b, const Candidate& c) {
  const std::size_t k = c.next;
  if (c.spaced() || c.end == 0 || b.cp[c.end - 1] != ']' || k + 1 >= b.size() || !b.space(k + 1))
    return k;
  return kPeriodEndings.find(b.cp[k]) != std::u32string_view::npos ? b.skip_space(k + 1) : k;
}

bool is_laughter_at(const Block& b, std::size_t i) {
  constexpr std::u32string_view kSyllables = U"하헤히호흐크키캬흑엉냠후쿡킥낄깔껄흥풉";
  // checked on the first two syllables before the word is read: this runs on every word
  if (i + 1 >= b.size() || b.cp[i + 1] != b.cp[i] ||
      kSyllables.find(b.cp[i]) == std::u32string_view::npos)
    return false;
  const std::u32string_view w = word_at(b, i);
  if (!std::all_of(w.begin(), w.end(), [&](char32_t c) { return c == w[0]; })) return false;
  return !follows_laughter(word_at(b, b.skip_space(b.word_end(i))));
}

bool continues_before(const Block& b, std::size_t i) {
  while (i > 0 && b.space(i - 1)) --i;
  return i > 0 && is_connective_syllable(b.cp[i - 1]);
}

bool korean_marks_end_sentence(const Block& b, std::size_t begin, std::size_t end,
                               std::size_t next) {
  const std::u32string_view marks(b.cp.data() + end, next - end);
  const std::u32string_view word(b.cp.data() + begin, end - begin);
  return is_emoticon(marks) && (has_final_ending(word) || marks.size() >= 2);
}

bool has_strong_ending(std::u32string_view w) {
  if (w.size() < 2) return false;
  constexpr std::u32string_view kBeforeYo =
      U"아어여해세네에예까나가래데군걸지고구게서와워줘봐려져쳐셔돼대내죠든니리랴";
  const char32_t last = w.back();
  const char32_t prev = w[w.size() - 2];
  switch (last) {
    case U'다':
    case U'까':  // 합니다, 합니까
      return prev == U'니' && w.size() >= 3 && final_consonant(w[w.size() - 3]) == kFinalBieup;
    case U'요':
      return kBeforeYo.find(prev) != std::u32string_view::npos;
    case U'죠':
      return true;
    default:
      return false;
  }
}

namespace {

// The shape of a final ending, before the look-alike nouns are ruled out.
bool ends_in_final_form(std::u32string_view w) {
  if (has_strong_ending(w)) return true;
  const char32_t last = w.back();
  const char32_t prev = w.size() >= 2 ? w[w.size() - 2] : 0;
  switch (last) {
    case U'다':  // 했다, 한다, 있다, 같다; not names (그라나다) nor 보다, 바다
      return final_consonant(prev) == kFinalSsang || final_consonant(prev) == kFinalNieun ||
             final_consonant(prev) == kFinalBieupSiot || prev == U'이' || prev == U'같' ||
             prev == U'않' || prev == U'싶' || prev == U'좋' || prev == U'많';
    case U'요':
    case U'쥬':
    case U'냐':
      return w.size() >= 2;
    case U'까':
      return final_consonant(prev) == kFinalRieul;
    case U'네':
      return w.size() >= 2;
    case U'군':
      return prev == U'는' || final_consonant(prev) == kFinalSsang;
    case U'나':
      return final_consonant(prev) == kFinalSsang || prev == U'긋' || prev == U'는';
    case U'지':
      return final_consonant(prev) == kFinalSsang || prev == U'야' || prev == U'거' ||
             prev == U'붓';
    case U'라':
      return prev == U'기' || prev == U'더' || prev == U'드';
    case U'구':
      return prev == U'라' || prev == U'다';
    case U'께':
      return prev == U'니';
    case U'유':
      return prev == U'아' || prev == U'어' || prev == U'해';
    case U'소':
      return prev == U'갑' || final_consonant(prev) == kFinalSsang;
    case U'재':
    case U'제':
      return final_consonant(prev) == kFinalSsang || final_consonant(prev) == kFinalBieupSiot;
    case U'먼':
      return prev == U'구';
    case U'랑':
      return prev == U'걸';
    case U'야':  // 할 거야, 1층인거야
      return prev == U'거';
    case U'당':  // 연두랍니당, 했당
      return prev == U'니' || final_consonant(prev) == kFinalSsang;
    case U'용':
      return prev == U'네' || prev == U'해' || prev == U'요' || prev == U'에';
    default:
      return has_nominal_ending(w);
  }
}
}  // namespace

bool has_final_ending(std::u32string_view w) {
  return !w.empty() && ends_in_final_form(w) && !lang::is_ending_lookalike(w);
}

bool korean_ends_sentence(const Block& b, const Candidate& c, bool informal) {
  const char32_t before = c.term_begin > 0 ? b.cp[c.term_begin - 1] : 0;
  if (is_latin(before) || (is_digit(before) && !is_date_part(b, c) && !c.spaced()))
    return english_ends_sentence(b, c);
  const char32_t next = b.cp[c.next];
  const std::u32string_view word = hangul_word_before(b, c.term_begin);
  const std::size_t dots = dot_count(b, c);
  if (!c.spaced()) {
    // "넣었다.2월": a missing space after a sentence end; not "“…다.”라고" nor "U.S.A.에서"
    if (c.closed) return false;
    // "되었다.'바카라'라는", "있다.*Baldness": a quotation or a note starts the next sentence
    const bool quote_or_note =
        (is_symmetric_quote(next) && b.opener[c.next] == Block::kNone) || next == '*';
    if (!(is_hangul_syllable(next) || is_digit(next) || is_opener(next) || quote_or_note))
      return false;
    if (dots > 1) return has_strong_ending(word) || (informal && has_final_ending(word));
    if (quote_or_note) return has_final_ending(word);
    return has_final_ending(word) ||
           (!word.empty() && kPeriodEndings.find(word.back()) != std::u32string_view::npos);
  }
  if (next == ',' || is_closer(next)) return false;
  if (is_date_part(b, c) || is_spelled_out(b, c)) return false;
  if (starts_quotative(word_at(b, c.next))) return false;
  if (dots > 1 && !has_question_or_bang(b, c)) {
    // in chat ".." and "…" often stand for a period; "..." trails off after a connective
    if (has_final_ending(word)) return true;
    // a quotation or a dialogue turn after the pause starts a new sentence: "둘러보고... "아저씨"
    if (is_quote_opener(next) || starts_speaker_turn(b, c.next)) return true;
    if (!informal) return false;
    // "않지만... 주말에는", "표정이... 잔뜩", "하시던데... (해물짬뽕 등)": a long pause after a
    // connective or particle
    if (dots >= kEllipsisDots && !word.empty() && is_connective_syllable(word.back())) return false;
    return word.size() > kHesitationSyllables || dots == kChatPeriodDots || is_opener(next);
  }
  return true;
}

bool korean_word_ends_sentence(const Block& b, std::size_t begin, std::size_t end, std::size_t next,
                               bool informal) {
  // most words start with a syllable: test that first, this runs on every word
  if (!is_hangul_syllable(b.cp[begin]) &&
      std::all_of(b.cp.begin() + static_cast<std::ptrdiff_t>(begin),
                  b.cp.begin() + static_cast<std::ptrdiff_t>(end), is_trailing_mark))
    return is_mark_word(b, begin, end);
  // "걸릴께" 원빈:"…": a quotation closed before the next dialogue turn
  if (b.opener[end - 1] != Block::kNone && starts_speaker_turn(b, next)) return true;
  std::size_t core = end;
  // "없잖아요(강한부정)": an aside glued to the end of the sentence is skipped
  if (core > begin && b.cp[core - 1] == ')' && b.opener[core - 1] != Block::kNone &&
      b.opener[core - 1] > begin)
    core = b.opener[core - 1];
  while (core > begin && is_closer(b.cp[core - 1]) && b.cp[core - 1] != 0x2019 &&
         b.cp[core - 1] != 0x201D)
    --core;
  while (core > begin && is_trailing_mark(b.cp[core - 1])) --core;
  if (core == begin || !is_hangul_syllable(b.cp[core - 1])) return false;
  // "안 기다리구 냠냠냠 사람들": laughter or crying words close a sentence like ㅋㅋ
  if (is_laughter_at(b, begin) && word_at(b, begin).size() == core - begin)
    return follows_hangul_word(b, begin);
  const std::u32string_view marks(b.cp.data() + core, end - core);
  const bool stretched = marks.find(U'~') != std::u32string_view::npos;
  const bool emoticon = is_emoticon(marks) || (stretched && !is_connective(b.cp[core - 1]));
  const std::u32string_view word = hangul_word_before(b, core);
  if (emoticon) return true;
  const std::u32string_view next_word = word_at(b, next);
  const bool declarative = !informal && has_declarative_ending(word);
  if (declarative && continues_declarative(next_word)) return false;
  const bool ends = (informal ? has_final_ending(word) : has_strong_ending(word) || declarative) ||
                    is_auxiliary_end(b, core - word.size(), word, informal);
  if (!ends || starts_quotative(next_word)) return false;
  // "어색함 없이", "매콤함 외에": a noun in -함/-음 before the word that governs it
  return !(has_nominal_ending(word) && follows_noun(next_word));
}

bool is_informal(const Block& b) {
  bool period = false;
  std::size_t nominal = 0;  // words in 했음, 좋아함 before a space: note-taking style
  for (std::size_t i = 1; i < b.size(); ++i) {
    const char32_t c = b.cp[i];
    const char32_t before = b.cp[i - 1];
    const bool after_word = is_hangul_syllable(before);
    if (is_hangul_jamo(c) || is_emoji(c) || c == '^') return true;
    if (c == '~' && after_word && !(i + 1 < b.size() && is_digit(b.cp[i + 1]))) return true;
    // a single period, not an ellipsis: chat trails off with "..." but rarely ends with "."
    if (c == '.' && after_word && !(i + 1 < b.size() && b.cp[i + 1] == '.')) period = true;
    if (b.space(i) && final_consonant(before) == kFinalMieum &&
        has_final_ending(hangul_word_before(b, i)) && ++nominal >= kMinNominalEndings)
      return true;
  }
  return !period && b.size() >= kMinChatLength;
}

}  // namespace kealign::split_detail
