// duplication: repetition a translation engine leaves behind in the English —
//  * a phrase of two or more words said twice back to back ("President Yoon’s visit to the US,
//    President Yoon’s visit to the U.S."; "U.S." and "US" count as the same word) — major. With a
//    comma between the copies the phrase must have three words or more to be major; one or two
//    content words repeated across a comma ("the rows, the rows and columns", "his mother, mother
//    and sister") are minor ("…of the comment, the comment itself" is also English); a step of a
//    menu path given twice ("Format - Format - Cells") is major; a repetition the Korean side also
//    has (a table row flattened into one line) is not reported;
//  * a word doubled with only a space between ("the the"; "lines, lines" is English) or a
//    name-like word repeated, spelt the same, around one other content word ("ROK-US chief-level
//    ROK-US") — minor. Idioms built on a function word ("step by step",
//    "more and more") and the grammatical "had had", "that that" are not reported.
// Parameter "max-phrase-words" (default 8): the longest phrase looked for.
#include <algorithm>
#include <set>

#include "checks/checks.hpp"
#include "checks/english_words.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "names.hpp"

namespace kealign {
namespace {

constexpr double kMaxPhraseWords = 8;
constexpr std::string_view kGrammaticalDoubles[] = {"had", "that", "is", "do", "very", "so"};

bool has_letter(std::string_view key) {
  return qa_detail::has_letter(key);
}

// Words of a phrase repeated with a comma between the copies: fewer make ordinary English.
constexpr std::size_t kMinWordsAcrossComma = 3;

// What separates two words: only spaces, or a comma (and spaces), or something else.
enum class Gap { kSpace, kComma, kStep, kOther };
Gap gap_between(std::string_view s, const qa_detail::Word& a, const qa_detail::Word& b) {
  const std::string_view gap = s.substr(a.end, b.begin - a.end);
  if (gap.find_first_not_of(' ') == std::string_view::npos) return Gap::kSpace;
  if (gap.find_first_not_of(" ,") == std::string_view::npos &&
      std::count(gap.begin(), gap.end(), ',') == 1)
    return Gap::kComma;
  // A step of a menu path: "Format - Cells", "Tools > Options".
  if (gap == " - " || gap == " > " || gap == " — " || gap == " → ") return Gap::kStep;
  return Gap::kOther;
}

// Korean words split at spaces and punctuation, for the mirror test.
std::vector<std::string> korean_tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = next_code_point(s, i);
    if (qa_detail::is_letter(c) || (c >= '0' && c <= '9')) {
      cur.append(s.substr(at, i - at));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// True when some run of one or more tokens is immediately repeated.
bool has_back_to_back_repeat(const std::vector<std::string>& t) {
  for (std::size_t n = 1; 2 * n <= t.size(); ++n)
    for (std::size_t i = 0; i + 2 * n <= t.size(); ++i)
      if (std::equal(t.begin() + i, t.begin() + i + n, t.begin() + i + n)) return true;
  return false;
}

// Whether the Korean names something twice: two words sharing a stem of two syllables or more
// (메모의 ... 메모). One-syllable stems (셀, 행) recur in most help sentences and prove nothing.
bool repeats_a_word(const qa_detail::Pieces& pieces, const qa_detail::SideView& ko) {
  std::set<std::u32string> seen;
  for (const qa_detail::Piece& p : pieces)
    for (const std::vector<std::u32string>& stems : ko.hangul_stems(p.segment)) {
      std::set<std::u32string> mine;
      for (const std::u32string& stem : stems)
        if (stem.size() >= 2) mine.insert(stem);
      for (const std::u32string& stem : mine)
        if (!seen.insert(stem).second) return true;
    }
  return false;
}

bool same_words(const std::vector<qa_detail::Word>& w, std::size_t i, std::size_t j,
                std::size_t n) {
  for (std::size_t k = 0; k < n; ++k)
    if (w[i + k].key != w[j + k].key) return false;
  return true;
}

std::string_view text_of(std::string_view s, const qa_detail::Word& w) {
  return s.substr(w.begin, w.end - w.begin);
}

bool name_like(std::string_view text) {
  if (text.size() < 3) return false;
  std::size_t upper = 0;
  for (std::size_t i = 0; i < text.size();)
    if (qa_detail::is_upper(next_code_point(text, i))) ++upper;
  return upper >= 2 || text.find('-') != std::string_view::npos;
}

class DuplicationCheck final : public Check {
 public:
  std::string_view id() const override { return "duplication"; }
  std::string_view description() const override {
    return "a phrase or word repeated back to back in the English";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"max-phrase-words", kMaxPhraseWords, "longest repeated phrase looked for, in words"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const auto max_n =
        static_cast<std::size_t>(options.param(id(), "max-phrase-words", kMaxPhraseWords));
    const qa_detail::SideView& en = qa_detail::shared_view(ctx).en;
    std::vector<std::uint64_t> hashes;
    std::vector<char> starts;
    for (const Bead& b : ctx.alignment) {
      // Whether the Korean repeats a run of words back to back; read once, when first asked.
      int repeats = -1;
      const auto source_repeats = [&] {
        if (repeats < 0) {
          std::vector<std::string> ko;
          for (const qa_detail::Piece& p : qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end))
            for (std::string& t : korean_tokens(p.text)) ko.push_back(std::move(t));
          repeats = has_back_to_back_repeat(ko) ? 1 : 0;
        }
        return repeats == 1;
      };
      // With no Korean words there is no evidence the source does not repeat itself. Asked only
      // when a short repeat is found.
      const auto source_names_twice = [&] {
        const auto ko_pieces = qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end);
        return std::none_of(
                   ko_pieces.begin(), ko_pieces.end(),
                   [](const qa_detail::Piece& p) { return qa_detail::has_hangul(p.text); }) ||
               repeats_a_word(ko_pieces, qa_detail::shared_view(ctx).ko);
      };
      for (const qa_detail::Piece& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end))
        if (may_start_repeat(en, p.segment, max_n, hashes, starts))
          scan(p, en.english_words(p.segment), starts, b, max_n, source_repeats, source_names_twice,
               out);
    }
  }

 private:
  // Marks in `starts` the words where scan can find something, by their keys' hashes: a word
  // equal to the next or the one after (a word doubled or repeated around another, a phrase of
  // one or two words), or, with the word after it, to the two words n = 3..max_n on (a longer
  // phrase). False when there is none: the segment is then not split into words.
  static bool may_start_repeat(const qa_detail::SideView& en, std::uint32_t segment,
                               std::size_t max_n, std::vector<std::uint64_t>& hashes,
                               std::vector<char>& starts) {
    en.english_key_hashes(segment, hashes);
    const std::size_t size = hashes.size();
    const auto same = [&](std::size_t a, std::size_t b) {
      return b < size && hashes[a] == hashes[b];
    };
    starts.assign(size, 0);
    bool any = false;
    for (std::size_t i = 0; i < size; ++i) {
      bool start = same(i, i + 1) || same(i, i + 2);
      for (std::size_t n = 3; !start && n <= max_n && i + n + 1 < size; ++n)
        start = same(i, i + n) && same(i + 1, i + n + 1);
      starts[i] = start;
      any = any || start;
    }
    return any;
  }

  template <typename Repeats, typename NamesTwice>
  void scan(const qa_detail::Piece& p, const std::vector<qa_detail::Word>& w,
            const std::vector<char>& starts, const Bead& b, std::size_t max_n,
            const Repeats& source_repeats, const NamesTwice& source_names_twice,
            std::vector<Finding>& out) const {
    const std::string_view s = p.text;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (!starts[i]) continue;  // nothing repeats from this word
      Repeat r = repeated_phrase(s, w, i, max_n);
      if (r.n > 0 && source_repeats()) r = Repeat{};
      // A short repeat across a comma is English when the Korean also names the thing twice
      // ("When you connect lines, lines are drawn" for 선을 연결하면 선이 그려집니다).
      if (r.n > 0 && r.severity == Severity::kMinor && source_names_twice()) r = Repeat{};
      if (r.n > 0) {
        const std::size_t n = r.n;
        report(p, b, w[i].begin, w[i + 2 * n - 1].end, r.severity,
               std::string(n == 1 ? "the word " : "the phrase ") +
                   qa_detail::quote_excerpt(s.substr(w[i].begin, w[i + n - 1].end - w[i].begin)) +
                   (r.step ? " is a menu step given twice" : " is repeated back to back"),
               out, r.confidence);
        i += 2 * n - 1;
        continue;
      }
      if (i + 1 < w.size() && w[i].key == w[i + 1].key &&
          gap_between(s, w[i], w[i + 1]) == Gap::kSpace && has_letter(w[i].key) &&
          std::find(std::begin(kGrammaticalDoubles), std::end(kGrammaticalDoubles), w[i].key) ==
              std::end(kGrammaticalDoubles) &&
          !source_repeats()) {
        report(p, b, w[i].begin, w[i + 1].end, Severity::kMinor,
               "the word " + qa_detail::quote_excerpt(s.substr(w[i].begin, w[i].end - w[i].begin)) +
                   " is doubled",
               out);
        ++i;
        continue;
      }
      if (i + 2 < w.size() && text_of(s, w[i]) == text_of(s, w[i + 2]) && w[i].space_only_after &&
          w[i + 1].space_only_after && !qa_detail::is_function_word(w[i + 1].key) &&
          name_like(s.substr(w[i].begin, w[i].end - w[i].begin))) {
        report(
            p, b, w[i].begin, w[i + 2].end, Severity::kMinor,
            "the word " + qa_detail::quote_excerpt(s.substr(w[i].begin, w[i].end - w[i].begin)) +
                " is repeated around " +
                qa_detail::quote_excerpt(s.substr(w[i + 1].begin, w[i + 1].end - w[i + 1].begin)),
            out);
        i += 2;
      }
    }
  }

  // Whether w[i, i+n) and its copy are whole steps of a menu path: the first starts the path
  // (after a verb such as "choose", lowercase or first in the sentence) or follows a step
  // separator, the second ends the path or precedes one. "Header and Footer - Footer" and "Slide
  // Show - Show/Hide" are not.
  static bool whole_step(std::string_view s, const std::vector<qa_detail::Word>& w, std::size_t i,
                         std::size_t n) {
    const bool starts =
        i == 0 || gap_between(s, w[i - 1], w[i]) == Gap::kStep ||
        (gap_between(s, w[i - 1], w[i]) == Gap::kSpace &&
         !qa_detail::is_function_word(w[i - 1].key) &&
         (i == 1 || qa_detail::is_lower(qa_detail::code_point_at(s, w[i - 1].begin))));
    if (!starts) return false;
    const std::size_t last = w[i + 2 * n - 1].end;
    if (i + 2 * n == w.size()) return true;
    if (gap_between(s, w[i + 2 * n - 1], w[i + 2 * n]) == Gap::kStep) return true;
    const std::string_view after = s.substr(last, w[i + 2 * n].begin - last);
    return after.find_first_not_of(" ,.;:)") == std::string_view::npos &&
           after.find_first_not_of(' ') != std::string_view::npos;
  }

  struct Repeat {
    std::size_t n = 0;  // words in the phrase; 0 when none
    Severity severity = Severity::kMajor;
    double confidence = 0.85;
    bool step = false;
  };

  // The longest phrase of up to max_n words starting at i and repeated right after: two words or
  // more with spaces between the copies (major); with a comma between them, three words or more
  // (major) or one or two content words (minor: "the rows, the rows and columns" is a slip, "the
  // comment, the comment itself" is English); a step of a menu path given twice ("Format - Format
  // - Cells", major).
  static Repeat repeated_phrase(std::string_view s, const std::vector<qa_detail::Word>& w,
                                std::size_t i, std::size_t max_n) {
    for (std::size_t n = std::min(max_n, (w.size() - i) / 2); n >= 1; --n) {
      if (!same_words(w, i, i + n, n)) continue;
      if (std::none_of(w.begin() + i, w.begin() + i + n,
                       [](const qa_detail::Word& x) { return has_letter(x.key); }))
        continue;
      bool inner_spaces = true;
      for (std::size_t k = i; k + 1 < i + n && inner_spaces; ++k)
        inner_spaces = gap_between(s, w[k], w[k + 1]) == Gap::kSpace &&
                       gap_between(s, w[k + n], w[k + n + 1]) == Gap::kSpace;
      if (!inner_spaces) continue;
      const Gap junction = gap_between(s, w[i + n - 1], w[i + n]);
      // A whole step given twice: the second copy ends the path or another step follows it
      // ("Format - Format Selection" is two steps that start alike).
      if (junction == Gap::kStep && whole_step(s, w, i, n)) return {n, Severity::kMajor, 0.9, true};
      if (n >= 2 && junction == Gap::kSpace) return {n, Severity::kMajor, 0.85, false};
      if (junction == Gap::kComma && n >= kMinWordsAcrossComma)
        return {n, Severity::kMajor, 0.8, false};
      if (junction == Gap::kComma) {
        // One word must carry content, or be a function word that never stands alone: "very,
        // very" and "no, no" are English.
        bool content = false;
        for (std::size_t k = i; k < i + n; ++k)
          content = content || (!qa_detail::is_function_word(w[k].key) && w[k].key != "very" &&
                                w[k].key.size() >= 3);
        // A single function word doubled across a comma ("of, of the", "the, the") is never
        // English either, but for a few that stand alone ("no, no", "so, so", "well, well").
        static constexpr std::string_view kAlone[] = {"no", "so", "well", "now", "that", "yes"};
        const bool function_slip =
            n == 1 && qa_detail::is_function_word(w[i].key) &&
            std::find(std::begin(kAlone), std::end(kAlone), w[i].key) == std::end(kAlone);
        // Two words repeated across a comma are never English, content or not ("of the, of the").
        if (n == 1 && !content && !function_slip) continue;
        return {n, Severity::kMinor, n == 2 ? 0.6 : 0.45, false};
      }
    }
    return {};
  }

  void report(const qa_detail::Piece& p, const Bead& b, std::size_t from, std::size_t to,
              Severity severity, const std::string& what, std::vector<Finding>& out,
              double confidence = -1) const {
    Finding f = qa_detail::bead_finding(id(), severity, b);
    f.confidence = confidence;
    f.en_spans.push_back({p.base + from, p.base + to});
    f.message = "Repetition in English segment " + std::to_string(p.segment) + ": " + what + " (" +
                qa_detail::quote_excerpt(p.text.substr(from, to - from), 90) + ").";
    out.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<Check> make_duplication_check() {
  return std::make_unique<DuplicationCheck>();
}

}  // namespace kealign
