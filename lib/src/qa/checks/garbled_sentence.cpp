// garbled-sentence (major): an English sentence broken part-way through translation —
//  * a period followed by a lowercase function word (". that,” he pointed out", "later. the
//    position"), or glued after a function word and followed by a lowercase word ("Select the.
//    cells", "you can. change the colour"), unless the period ends an abbreviation ("U.S. the",
//    "e.g. the"); other lowercase words after a period are too often code or UI names ("oper can
//    also be used");
//  * a stray comma: a doubled comma after a word (", ,") or a comma standing alone after a
//    closing quotation mark or a sentence's final punctuation ("Korea.” , Would you"); number
//    formats such as "#,," are not words;
//  * a doubled reporting verb: a quotation introduced by one ("said in a report, “…”") and
//    followed by another ("…,” he pointed out").
// Parameter "max-intro-words" (default 14): how far before the quotation the introducing verb
// may stand.
#include <algorithm>

#include "checks/checks.hpp"
#include "checks/english_words.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "utf8_inline.hpp"

namespace kealign {
namespace {

constexpr double kMaxIntroWords = 14;
// A reporting clause after a quotation: subject of at most this many words, then the verb.
constexpr std::size_t kMaxSubjectWords = 3;

bool is_closing_quote(char32_t c) {
  return c == U'”' || c == U'"';
}
bool is_final_punct(char32_t c) {
  return c == '.' || c == '?' || c == '!';
}

struct Evidence {
  std::size_t at;  // offset in the segment
  std::size_t length;
  std::string what;
};

// Letters a-z only: a word, not code or a name.
bool plain_lowercase(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// ". word" with a lowercase word after a period that does not end an abbreviation.
template <typename Words>
void period_then_lowercase(std::string_view s, Words get_words, std::vector<Evidence>& out) {
  // Only a period before a space can fire: most segments have none, and are not split into words.
  if (s.find(". ") == std::string_view::npos) return;
  const std::vector<qa_detail::Word>& words = get_words();
  for (std::size_t w = 0; w + 1 < words.size(); ++w) {
    const qa_detail::Word& a = words[w];
    if (a.end >= s.size() || s[a.end] != '.' || a.end + 1 >= s.size() || s[a.end + 1] != ' ')
      continue;
    if (a.end > a.begin && s[a.end - 1] == '.') continue;  // "U.S." ends with its own period
    // A single letter before a period is an initial ("J. smith"), except the article "a".
    const bool article = s.substr(a.begin, a.end - a.begin) == "a";
    if (!article && qa_detail::is_abbreviation(s.substr(a.begin, a.end - a.begin))) continue;
    if (a.key == "am" || a.key == "pm") continue;  // "8:10 am. after": a.m. without its periods
    const qa_detail::Word& b = words[w + 1];
    std::size_t gap = a.end + 1;
    while (gap < b.begin && s[gap] == ' ') ++gap;
    if (gap != b.begin || !qa_detail::is_lower(qa_detail::code_point_at(s, b.begin))) continue;
    // Either side a function word: "later. the position", "Select the. cells", "you can. change".
    // A lowercase word after a period is otherwise too often code or a UI name.
    const std::string_view before = s.substr(a.begin, a.end - a.begin);
    const bool glued = qa_detail::is_function_word(a.key) && plain_lowercase(before) &&
                       plain_lowercase(s.substr(b.begin, b.end - b.begin));
    if (!glued && !qa_detail::is_function_word(b.key)) continue;
    out.push_back({a.end, 1,
                   "a period followed by a lowercase word at " +
                       qa_detail::context_around(s, a.end, 25, 20)});
  }
}

// ", ," or " , " right after a closing quotation mark or final punctuation.
void stray_comma(std::string_view s, std::vector<Evidence>& out) {
  for (std::size_t i = s.find(','); i != std::string_view::npos; i = s.find(',', i + 1)) {
    std::size_t j = i;
    while (j > 0 && s[j - 1] == ' ') --j;
    if (j == 0) continue;
    const char32_t before = qa_detail::code_point_before(s, j);
    std::size_t k = j - 1;
    while (k > 0 && s[k - 1] == ' ') --k;
    const bool doubled =
        before == ',' && k > 0 && qa_detail::is_letter(qa_detail::code_point_before(s, k));
    const bool after_close = j < i && (is_closing_quote(before) || is_final_punct(before));
    if (!doubled && !after_close) continue;
    out.push_back({i, 1, "a stray comma at " + qa_detail::context_around(s, i, 25, 20)});
  }
}

// A reporting verb within max_words words before offset `open`, not across another quotation.
bool introduced_by_verb(std::string_view s, const std::vector<qa_detail::Word>& words,
                        std::size_t open, std::size_t max_words) {
  std::size_t count = 0;
  for (std::size_t w = words.size(); w-- > 0;) {
    if (words[w].end > open) continue;
    if (++count > max_words) return false;
    const std::string_view between = s.substr(words[w].end, open - words[w].end);
    if (between.find("”") != std::string_view::npos) return false;
    if (qa_detail::is_reporting_verb(words[w].key)) return true;
  }
  return false;
}

// "”, he said" / "” he pointed out": a short subject and a reporting verb after the quotation.
bool followed_by_verb(std::string_view s, const std::vector<qa_detail::Word>& words,
                      std::size_t close_end) {
  std::size_t first = 0;
  while (first < words.size() && words[first].begin < close_end) ++first;
  if (first == words.size()) return false;
  const std::string_view gap = s.substr(close_end, words[first].begin - close_end);
  if (gap.find_first_not_of(", ") != std::string_view::npos) return false;
  for (std::size_t w = first; w < words.size() && w <= first + kMaxSubjectWords; ++w) {
    if (qa_detail::is_reporting_verb(words[w].key)) return true;
    if (w > first && !words[w - 1].space_only_after) return false;
  }
  return false;
}

template <typename Words>
void doubled_reporting_verb(std::string_view s, Words get_words, std::size_t max_intro,
                            std::vector<Evidence>& out) {
  std::size_t open = std::string_view::npos;
  // The marks looked at, " “ ”, start with '"' or the lead byte E2: the scan jumps between those.
  static constexpr qa_detail::ByteSet kLeads("\"\xE2");
  for (std::size_t i = kLeads.find_in(s); i < s.size(); i = kLeads.find_in(s, i)) {
    const std::size_t at = i;
    const char32_t c = text_detail::next_code_point_inline(s, i);
    if (c == U'“' || (c == '"' && open == std::string_view::npos)) {
      open = at;
    } else if (is_closing_quote(c) && open != std::string_view::npos) {
      const std::vector<qa_detail::Word>& words = get_words();
      if (introduced_by_verb(s, words, open, max_intro) && followed_by_verb(s, words, i))
        out.push_back({at, i - at,
                       "a quotation both introduced and followed by a reporting verb, ending at " +
                           qa_detail::context_around(s, at, 20, 25)});
      open = std::string_view::npos;
    }
  }
}

class GarbledSentenceCheck final : public Check {
 public:
  std::string_view id() const override { return "garbled-sentence"; }
  std::string_view description() const override {
    return "an English sentence broken mid-way: a period before a lowercase word, a stray comma, "
           "a doubled reporting verb";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"max-intro-words", kMaxIntroWords,
             "words between an introducing reporting verb and the quotation it introduces"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const auto max_intro =
        static_cast<std::size_t>(options.param(id(), "max-intro-words", kMaxIntroWords));
    const qa_detail::SideView& en = qa_detail::shared_view(ctx).en;
    for (const Bead& b : ctx.alignment) {
      for (const qa_detail::Piece& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end)) {
        // The words are read only where a period or a quotation asks for them.
        const std::vector<qa_detail::Word>* words = nullptr;
        const auto get_words = [&]() -> const std::vector<qa_detail::Word>& {
          if (!words) words = &en.english_words(p.segment);
          return *words;
        };
        std::vector<Evidence> found;
        period_then_lowercase(p.text, get_words, found);
        stray_comma(p.text, found);
        doubled_reporting_verb(p.text, get_words, max_intro, found);
        if (found.empty()) continue;
        std::sort(found.begin(), found.end(),
                  [](const Evidence& x, const Evidence& y) { return x.at < y.at; });
        Finding f = qa_detail::bead_finding(id(), Severity::kMajor, b);
        std::string what;
        for (const Evidence& e : found) {
          f.en_spans.push_back({p.base + e.at, p.base + e.at + e.length});
          what += (what.empty() ? "" : "; ") + e.what;
        }
        f.message =
            "English segment " + std::to_string(p.segment) + " reads as broken: " + what + ".";
        out.push_back(std::move(f));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_garbled_sentence_check() {
  return std::make_unique<GarbledSentenceCheck>();
}

}  // namespace kealign
