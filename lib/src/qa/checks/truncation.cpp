// truncation (major): an English sentence that stops mid-phrase, where its Korean source is a
// whole sentence —
//  * it ends on a lowercase word that cannot end a sentence: "the", "an", a conjunction, "such
//    as", "including", a possessive determiner ("…with the.", "…such as"). Prepositions are left
//    out (English strands them: "the characters it returns the rightmost of."), so are "a" and
//    capitalised words (a variable "a", the operator "OR", the command "Save As");
//  * it ends on "the" + a hyphenated pair of names with an acronym, which only ever modifies a
//    noun ("…could be formed using the ROK-U.S.": the noun, "alliance", was cut off);
//  * it ends on a comma or a dash (minor: nothing may be missing but the final punctuation);
//  * it has no final punctuation at all while the Korean is a statement ending in a verb and a
//    period ("…합니다.", "…했다."): major when it ends on a function word ("To insert a table, you
//    can"), minor otherwise (only the period may be missing, or the last word is a UI label).
// Only English segments of at least "min-words" words (default 4) are looked at, and only when
// the Korean side ends like a sentence (final punctuation), so headings and list items are left
// alone.
#include <algorithm>
#include <tuple>
#include <utility>

#include "checks/checks.hpp"
#include "checks/english_words.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"

namespace kealign {
namespace {

constexpr double kMinWords = 4;

// Words after which an English sentence never ends.
constexpr std::string_view kNeverFinal[] = {"an",    "the",  "and",       "or",  "nor",
                                            "but",   "than", "including", "via", "its",
                                            "their", "our",  "your",      "my",  "whose"};
// Two-word endings that cannot end a sentence.
constexpr std::pair<std::string_view, std::string_view> kNeverFinalPairs[] = {{"such", "as"}};
constexpr std::string_view kArticles[] = {"the", "a", "an"};

bool in(const std::string_view* b, const std::string_view* e, std::string_view key) {
  return std::find(b, e, key) != e;
}

// "ROK", "U.S", "US": two or more capitals and nothing lowercase.
bool is_acronym(std::string_view part) {
  std::size_t upper = 0;
  for (std::size_t i = 0; i < part.size();) {
    const char32_t c = next_code_point(part, i);
    if (qa_detail::is_lower(c)) return false;
    if (qa_detail::is_upper(c)) ++upper;
  }
  return upper >= 2;
}

// "ROK-U.S.", "US-China", "Korea-US": capitalised parts joined by hyphens, one an acronym.
bool attributive_pair(std::string_view word) {
  if (word.find('-') == std::string_view::npos) return false;
  bool acronym = false;
  std::size_t start = 0;
  while (start <= word.size()) {
    const std::size_t dash = std::min(word.find('-', start), word.size());
    const std::string_view part = word.substr(start, dash - start);
    if (part.empty() || !qa_detail::is_upper(qa_detail::code_point_at(part, 0))) return false;
    acronym = acronym || is_acronym(part);
    start = dash + 1;
  }
  return acronym;
}

// The Korean side ends like a sentence: its last character, past closing quotation marks and
// brackets, is final punctuation.
bool korean_sentence(std::string_view ko) {
  std::size_t end = ko.size();
  while (end > 0) {
    const char32_t c = previous_code_point(ko, end);
    if (c == '.' || c == '?' || c == '!' || c == U'。') return true;
    if (!(c == U'”' || c == U'’' || c == '"' || c == '\'' || c == ')' || is_space(c))) return false;
  }
  return false;
}

// The Korean side is a statement: its last sentence ends in a verb ending and a period ("…합니다.",
// "…했다."), not in a noun phrase with a period (a caption or list item).
bool korean_statement(std::string_view ko) {
  std::size_t end = ko.size();
  while (end > 0) {
    const char32_t c = previous_code_point(ko, end);
    if (c == U'”' || c == U'’' || c == '"' || c == '\'' || c == ')' || is_space(c)) continue;
    if (c != '.' && c != '?' && c != '!') return false;
    if (end == 0) return false;
    const char32_t v = previous_code_point(ko, end);
    if (c == '?') return qa_detail::is_hangul(v);  // a question: "옵션 필드의 이름은?"
    return v == U'다' || v == U'요' || v == U'까' || v == U'죠' || v == U'오';
  }
  return false;
}

class TruncationCheck final : public Check {
 public:
  std::string_view id() const override { return "truncation"; }
  std::string_view description() const override {
    return "an English sentence that stops mid-phrase";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"min-words", kMinWords, "shorter English segments are not looked at"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const auto min_words = static_cast<std::size_t>(options.param(id(), "min-words", kMinWords));
    const qa_detail::SideView& en = qa_detail::shared_view(ctx).en;
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      if (!korean_sentence(ctx.ko.raw(b.ko_end - 1))) continue;
      const std::uint32_t last = b.en_end - 1;
      const std::string_view s = ctx.en.raw(last);
      const qa_detail::EnglishTail w = en.english_tail(last);
      std::string why;
      Severity severity = Severity::kMinor;
      if (w.count >= min_words) std::tie(why, severity) = cut_reason(s, w);
      double confidence = severity == Severity::kMajor ? 0.85 : 0.5;
      if (why.empty() && korean_statement(ctx.ko.raw(b.ko_end - 1))) {
        std::tie(why, severity, confidence) = unfinished(s, w, min_words);
      }
      if (why.empty()) continue;
      Finding f = qa_detail::bead_finding(id(), severity, b);
      f.confidence = confidence;
      const std::size_t base = ctx.en.segments[last].span.begin;
      f.en_spans.push_back({base + w.last.begin, base + s.size()});
      f.message = "English segment " + std::to_string(last) + " stops mid-phrase: it ends " + why +
                  " (" + qa_detail::context_around(s, s.size(), 50, 0) + ").";
      out.push_back(std::move(f));
    }
  }

 private:
  // An English segment with no final punctuation at all, linked to a Korean statement: the end of
  // the sentence is missing. Major when the last word is a function word ("you can", "the
  // candidate who"), minor otherwise (a sentence may lose only its period).
  static std::tuple<std::string, Severity, double> unfinished(std::string_view s,
                                                              const qa_detail::EnglishTail& w,
                                                              std::size_t min_words) {
    std::size_t end = s.size();
    while (end > 0 && s[end - 1] == ' ') --end;
    // Two words are enough here: a statement is never rendered "Adds a shadow" without its period.
    if (end == 0 || w.count < std::min<std::size_t>(min_words, 2)) return {};
    const char32_t last_char = previous_code_point(s, end);
    if (!(qa_detail::is_letter(last_char) || (last_char >= '0' && last_char <= '9'))) return {};
    const std::string_view last(s.substr(w.last.begin, w.last.end - w.last.begin));
    const bool lower = qa_detail::is_lower(qa_detail::code_point_at(last, 0));
    const bool function = lower && qa_detail::is_function_word(w.last.key);
    return {function ? "without final punctuation on \"" + std::string(last) +
                           "\", though the Korean is a full sentence"
                     : "without final punctuation, though the Korean is a full sentence",
            function ? Severity::kMajor : Severity::kMinor, function ? 0.8 : (lower ? 0.55 : 0.4)};
  }

  // Why the segment looks cut, with the severity; empty when it does not.
  static std::pair<std::string, Severity> cut_reason(std::string_view s,
                                                     const qa_detail::EnglishTail& w) {
    std::string_view tail = s.substr(w.last.end);
    while (!tail.empty() && tail.back() == ' ') tail.remove_suffix(1);
    const std::string_view last(s.substr(w.last.begin, w.last.end - w.last.begin));
    if (tail == "," || tail == " -" || tail == "-" || tail == "—" || tail == " —")
      return {"on \"" + std::string(tail) + "\"", Severity::kMinor};
    if (!(tail.empty() || tail == ".")) return {};
    if (qa_detail::is_lower(qa_detail::code_point_at(last, 0))) {
      if (in(std::begin(kNeverFinal), std::end(kNeverFinal), w.last.key))
        return {"on \"" + std::string(last) + "\", which cannot end a sentence", Severity::kMajor};
      for (const auto& [first, second] : kNeverFinalPairs)
        if (w.count >= 2 && w.before.key == first && w.last.key == second)
          return {"on \"" + std::string(first) + " " + std::string(second) +
                      "\", which cannot end a sentence",
                  Severity::kMajor};
    }
    const bool after_article =
        w.count >= 2 && in(std::begin(kArticles), std::end(kArticles), w.before.key);
    std::string_view bare = last;
    if (!bare.empty() && bare.back() == '.') bare.remove_suffix(1);
    if (after_article && attributive_pair(bare))
      return {"on \"" + std::string(w.before.key) + " " + std::string(last) +
                  "\", a modifier whose noun is missing",
              Severity::kMajor};
    return {};
  }
};

}  // namespace

std::unique_ptr<Check> make_truncation_check() {
  return std::make_unique<TruncationCheck>();
}

}  // namespace kealign
