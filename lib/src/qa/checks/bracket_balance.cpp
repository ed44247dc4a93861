// bracket-balance: brackets ( ) [ ] 「 」 『 』 《 》 〈 〉 （ ） that do not pair up inside a
// link's side (major in the English, where the reader sees it; a mismatch the Korean shares is a
// bracket running across links and is not reported), and links whose two sides hold a different
// number of bracketed asides (minor). Whether an aside stays in brackets is a free choice of style,
// so only a difference of at least "min-difference" asides (default 2) is reported. A Korean gloss
// — parentheses right after a word holding the term in Latin letters or Hanja, as in
// "대륙간탄도미사일(ICBM)" — may be kept or dropped, so it counts as optional; an inflection in
// brackets ("row(s)", "LibreOffice을(를)") is no aside at all. Parameter "compare-counts"
// (default 1): 0 turns off the count comparison.
#include <algorithm>

#include "checks/checks.hpp"
#include "checks/util.hpp"

namespace kealign {
namespace {

constexpr double kCompareCounts = 1;
constexpr double kMinDifference = 2;
// Brackets right after a letter holding at most this many letters are an inflection: "(s)", "(를)".
constexpr std::size_t kMaxInflectionLetters = 2;

struct BracketKind {
  char32_t open;
  char32_t close;
};
constexpr BracketKind kBrackets[] = {{U'(', U')'},   {U'[', U']'},   {U'「', U'」'},
                                     {U'『', U'』'}, {U'《', U'》'}, {U'〈', U'〉'},
                                     {U'（', U'）'}, {U'【', U'】'}};

int open_kind(char32_t c) {
  for (std::size_t k = 0; k < std::size(kBrackets); ++k)
    if (kBrackets[k].open == c) return static_cast<int>(k);
  return -1;
}

int close_kind(char32_t c) {
  for (std::size_t k = 0; k < std::size(kBrackets); ++k)
    if (kBrackets[k].close == c) return static_cast<int>(k);
  return -1;
}

struct Bracketed {
  std::size_t pairs = 0;              // bracketed asides
  std::size_t glosses = 0;            // of which Korean glosses (optional in translation)
  std::vector<std::size_t> unpaired;  // document offsets of the marks that do not pair
};

// A Korean gloss: "(" right after a letter, its content holding Latin letters or Hanja.
bool is_gloss(std::string_view text, std::size_t open_at, std::size_t close_at) {
  if (!qa_detail::is_hangul(qa_detail::code_point_before(text, open_at))) return false;
  const std::string_view inside = text.substr(open_at + 1, close_at - open_at - 1);
  for (std::size_t i = 0; i < inside.size();) {
    const char32_t c = next_code_point(inside, i);
    if (qa_detail::is_latin_letter(c) || qa_detail::is_han(c)) return true;
  }
  return false;
}

bool is_inflection(std::string_view text, std::size_t open_at, std::size_t close_at) {
  if (!qa_detail::is_letter(qa_detail::code_point_before(text, open_at))) return false;
  const std::string_view inside = text.substr(open_at + 1, close_at - open_at - 1);
  std::size_t letters = 0;
  for (std::size_t i = 0; i < inside.size(); ++letters)
    if (!qa_detail::is_letter(next_code_point(inside, i))) return false;
  return letters > 0 && letters <= kMaxInflectionLetters;
}

// Small bullets such as "1)" or "a)" close nothing: an enumerator, not a bracket.
bool is_enumerator(std::string_view text, std::size_t close_at) {
  std::size_t start = close_at;
  while (start > 0 && text[start - 1] != ' ' && close_at - start < 3) --start;
  if (start > 0 && text[start - 1] != ' ') return false;
  const std::string_view label = text.substr(start, close_at - start);
  return !label.empty() && label.size() <= 2 && std::all_of(label.begin(), label.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

Bracketed scan(const qa_detail::Pieces& pieces, bool korean) {
  Bracketed r;
  struct Open {
    int kind;
    std::size_t at;  // offset in the piece
  };
  for (const qa_detail::Piece& p : pieces) {
    std::vector<Open> stack;
    // Brackets are ( ) [ ] or start with E3 (「 」 『 』 《 》 〈 〉 【 】) or EF (（ ）): only
    // those code points are looked at.
    static constexpr qa_detail::ByteSet kLeads("()[]\xE3\xEF");
    for (std::size_t i = kLeads.find_in(p.text); i != std::string_view::npos;
         i = kLeads.find_in(p.text, i)) {
      const std::size_t at = i;
      const char32_t c = next_code_point(p.text, i);
      if (const int k = open_kind(c); k >= 0) {
        stack.push_back({k, at});
      } else if (const int kc = close_kind(c); kc >= 0) {
        if (!stack.empty() && stack.back().kind == kc) {
          if (!is_inflection(p.text, stack.back().at, at)) {
            ++r.pairs;
            if (korean && is_gloss(p.text, stack.back().at, at)) ++r.glosses;
          }
          stack.pop_back();
        } else if (!is_enumerator(p.text, at)) {
          r.unpaired.push_back(p.base + at);
        }
      }
    }
    for (const Open& o : stack) r.unpaired.push_back(p.base + o.at);
  }
  return r;
}

class BracketBalanceCheck final : public Check {
 public:
  std::string_view id() const override { return "bracket-balance"; }
  std::string_view description() const override {
    return "unpaired brackets in the English, or a different number of bracketed asides";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"compare-counts", kCompareCounts,
             "1: report links whose sides hold a different number of bracketed asides"},
            {"min-difference", kMinDifference, "smallest difference in asides that is reported"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const bool compare = options.param(id(), "compare-counts", kCompareCounts) != 0;
    const double min_difference = options.param(id(), "min-difference", kMinDifference);
    const std::string_view en_text = ctx.en.document.text;
    for (const Bead& b : ctx.alignment) {
      if (b.en_size() == 0) continue;
      const Bracketed ko = scan(qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end), true);
      const Bracketed en = scan(qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end), false);
      if (en.unpaired.size() > ko.unpaired.size()) {
        Finding f = qa_detail::bead_finding(id(), Severity::kMajor, b);
        std::string where;
        for (std::size_t at : en.unpaired) {
          std::size_t end = at;
          next_code_point(en_text, end);
          f.en_spans.push_back({at, end});
          where += (where.empty() ? "" : "; ") + qa_detail::english_evidence(ctx.en, b, at, 30, 30);
        }
        f.message = "Unpaired bracket in the English: " + where + ".";
        out.push_back(std::move(f));
        continue;
      }
      if (!compare || b.ko_size() == 0 || !ko.unpaired.empty() || !en.unpaired.empty()) continue;
      const std::size_t ko_required = ko.pairs - ko.glosses;
      const std::size_t missing = ko_required > en.pairs ? ko_required - en.pairs : 0;
      const std::size_t extra = en.pairs > ko.pairs ? en.pairs - ko.pairs : 0;
      if (static_cast<double>(std::max(missing, extra)) < min_difference) continue;
      Finding f = qa_detail::bead_finding(id(), Severity::kMinor, b);
      f.message = "The Korean has " + std::to_string(ko.pairs) + " bracketed aside(s)" +
                  (ko.glosses ? " (" + std::to_string(ko.glosses) + " of them glosses)" : "") +
                  ", the English " + std::to_string(en.pairs) + ".";
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_bracket_balance_check() {
  return std::make_unique<BracketBalanceCheck>();
}

}  // namespace kealign
