// duplication: repetition a translation engine leaves behind in the English —
//  * a phrase of two or more words said twice back to back ("President Yoon’s visit to the US,
//    President Yoon’s visit to the U.S."; "U.S." and "US" count as the same word) — major. With a
//    comma between the copies the phrase must have three words or more ("…of the comment, the
//    comment itself" is ordinary English), and a repetition the Korean side also has (a table
//    row flattened into one line) is not reported;
//  * a word doubled with only a space between ("the the"; "lines, lines" is English) or a
//    name-like word repeated, spelt the same, around one other content word ("ROK-US chief-level
//    ROK-US") — minor. Idioms built on a function word ("step by step",
//    "more and more") and the grammatical "had had", "that that" are not reported.
// Parameter "max-phrase-words" (default 8): the longest phrase looked for.
#include <algorithm>

#include "checks/checks.hpp"
#include "checks/english_words.hpp"
#include "checks/util.hpp"

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
enum class Gap { kSpace, kComma, kOther };
Gap gap_between(std::string_view s, const qa_detail::Word& a, const qa_detail::Word& b) {
  const std::string_view gap = s.substr(a.end, b.begin - a.end);
  if (gap.find_first_not_of(' ') == std::string_view::npos) return Gap::kSpace;
  if (gap.find_first_not_of(" ,") == std::string_view::npos &&
      std::count(gap.begin(), gap.end(), ',') == 1)
    return Gap::kComma;
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
    for (const Bead& b : ctx.alignment) {
      std::vector<std::string> ko;
      for (const qa_detail::Piece& p : qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end))
        for (std::string& t : korean_tokens(p.text)) ko.push_back(std::move(t));
      const bool source_repeats = has_back_to_back_repeat(ko);
      for (const qa_detail::Piece& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end))
        scan(p, b, max_n, source_repeats, out);
    }
  }

 private:
  void scan(const qa_detail::Piece& p, const Bead& b, std::size_t max_n, bool source_repeats,
            std::vector<Finding>& out) const {
    const std::string_view s = p.text;
    const std::vector<qa_detail::Word> w = qa_detail::english_words(s);
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (const std::size_t n = source_repeats ? 0 : repeated_phrase(s, w, i, max_n); n > 0) {
        report(p, b, w[i].begin, w[i + 2 * n - 1].end, Severity::kMajor,
               "the phrase " +
                   qa_detail::quote_excerpt(s.substr(w[i].begin, w[i + n - 1].end - w[i].begin)) +
                   " is repeated back to back",
               out);
        i += 2 * n - 1;
        continue;
      }
      if (!source_repeats && i + 1 < w.size() && w[i].key == w[i + 1].key &&
          gap_between(s, w[i], w[i + 1]) == Gap::kSpace && has_letter(w[i].key) &&
          std::find(std::begin(kGrammaticalDoubles), std::end(kGrammaticalDoubles), w[i].key) ==
              std::end(kGrammaticalDoubles)) {
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

  // Length of the longest phrase of 2..max_n words starting at i and repeated right after.
  static std::size_t repeated_phrase(std::string_view s, const std::vector<qa_detail::Word>& w,
                                     std::size_t i, std::size_t max_n) {
    for (std::size_t n = std::min(max_n, (w.size() - i) / 2); n >= 2; --n) {
      if (!same_words(w, i, i + n, n)) continue;
      if (std::none_of(w.begin() + i, w.begin() + i + n,
                       [](const qa_detail::Word& x) { return has_letter(x.key); }))
        continue;
      bool inner_spaces = true;
      for (std::size_t k = i; k + 1 < i + n && inner_spaces; ++k)
        inner_spaces = gap_between(s, w[k], w[k + 1]) == Gap::kSpace &&
                       gap_between(s, w[k + n], w[k + n + 1]) == Gap::kSpace;
      const Gap junction = gap_between(s, w[i + n - 1], w[i + n]);
      if (inner_spaces &&
          (junction == Gap::kSpace || (junction == Gap::kComma && n >= kMinWordsAcrossComma)))
        return n;
    }
    return 0;
  }

  void report(const qa_detail::Piece& p, const Bead& b, std::size_t from, std::size_t to,
              Severity severity, const std::string& what, std::vector<Finding>& out) const {
    Finding f = qa_detail::bead_finding(id(), severity, b);
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
