// latin-token-mismatch: an acronym or other Latin-script token (ICBM, NPG, VOA, LibreOffice, F5)
// written in the Korean side of a link but missing from its English side, or a token with digits
// the English writes more often than the Korean (major when a token with digits is replaced by one
// of the same shape: B2 -> B7, F9 -> F2, 3D -> 4D; minor otherwise: translations add, drop and
// spell out acronyms); optionally an English acronym that the Korean side
// neither writes nor spells in Hangul (minor: "NATO" for 나토, "UN" for 유엔 are fine). Comparison
// ignores case, periods ("U.S." = "US"), plural and possessive endings ("ICBMs", "NPG’s"), and
// accepts a compound when its parts appear ("ROK-US"). Parameters: "english-acronyms" (default 0):
// 1 also reports English acronyms absent from the Korean (off by default: Korean often translates
// function and interface names, MAX = 최댓값).
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "checks/checks.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "names.hpp"
#include "romanize.hpp"

namespace kealign {
namespace {

constexpr double kEnglishAcronyms = 0;
constexpr std::size_t kMinLetters = 2;

// English abbreviations that Korean writes as words (미국, 한국, 유럽연합...) or that are
// interface words and units translated as such (OK = 확인).
constexpr std::string_view kTranslatedAbbreviations[] = {
    "us", "usa", "uk", "un", "eu", "rok", "dprk", "prc", "roc", "ok", "am", "pm",
    "ad", "bc",  "tv", "pc", "id", "vs",  "etc",  "ie",  "eg",  "no", "mr", "ms",
    "dr", "jr",  "sr", "st", "co", "inc", "ltd",  "km",  "kg",  "cm", "mm"};

// Hangul names of the Latin letters, A to Z, '|' between spellings ("유엔" = UN).
constexpr std::u32string_view kLetterNames[] = {
    U"에이", U"비",   U"씨|시", U"디",   U"이",     U"에프", U"지|쥐", U"에이치|에치", U"아이",
    U"제이", U"케이", U"엘",    U"엠",   U"엔",     U"오",   U"피",    U"큐",          U"알",
    U"에스", U"티",   U"유",    U"브이", U"더블유", U"엑스", U"와이",  U"제트|지"};

struct LatinToken {
  Span span;
  std::string text;  // as written
  std::string key;   // lowercase, periods removed
  bool acronym;      // all capitals, or letters with digits
};

bool latin(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool alnum(char c) {
  return latin(c) || (c >= '0' && c <= '9');
}

std::string key_of(std::string_view s) {
  std::string k;
  for (char c : s) {
    if (c == '.') continue;
    k += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  return k;
}

// Runs of letters and digits joined by . - _ & + / (a period also ends "U.S.") with at least
// min_letters letters.
std::vector<LatinToken> latin_tokens(std::string_view text, std::size_t base,
                                     std::size_t min_letters = kMinLetters,
                                     bool digits_only = false) {
  std::vector<LatinToken> out;
  for (std::size_t i = 0; i < text.size();) {
    if (!alnum(text[i]) || (i > 0 && alnum(text[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size()) {
      if (alnum(text[end])) {
        ++end;
      } else if (std::string_view("._-&+/").find(text[end]) != std::string_view::npos &&
                 end + 1 < text.size() && alnum(text[end + 1])) {
        ++end;
      } else if (text[end] == '.' && end >= 2 && latin(text[end - 1]) && text[end - 2] == '.') {
        ++end;  // the final period of U.S.
      } else {
        break;
      }
    }
    const std::string_view s = text.substr(i, end - i);
    const auto letters = std::count_if(s.begin(), s.end(), latin);
    const bool digits =
        std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    // A letter and digits also make a token: a cell (B2), a key (F5), a paper size (A4).
    if (digits_only && !digits) {
      // not asked for
    } else if (static_cast<std::size_t>(letters) >= min_letters || (letters > 0 && digits)) {
      out.push_back(
          {{base + i, base + end}, std::string(s), key_of(s), lang::is_all_caps(s) || digits});
    }
    i = end;
  }
  return out;
}

// Every key a side offers: whole tokens, their parts, and forms without plural or possessive; and
// two tokens one space apart as one ("0.05 pt" for "0.05pt"). Asked about a few keys a link, so
// each is looked for among the tokens rather than all of them made first.
class Keys {
 public:
  Keys() = default;
  explicit Keys(const std::vector<LatinToken>& tokens) : tokens_(&tokens) {}

  std::size_t count(std::string_view key) const {
    if (!tokens_) return 0;
    const std::vector<LatinToken>& t = *tokens_;
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
      const std::string_view a = t[i].key, b = t[i + 1].key;
      if (t[i].span.end + 1 == t[i + 1].span.begin && key.size() == a.size() + b.size() &&
          key.substr(0, a.size()) == a && key.substr(a.size()) == b)
        return 1;
    }
    for (const LatinToken& token : t) {
      const std::string_view k = token.key;
      if (offers(k, key)) return 1;
      for (std::size_t from = 0, j = 0; j <= k.size(); ++j) {
        if (j < k.size() && std::string_view("-_&+/").find(k[j]) == std::string_view::npos)
          continue;
        if (j > from && offers(k.substr(from, j - from), key)) return 1;
        from = j + 1;
      }
    }
    return 0;
  }

 private:
  // Whether k offers key: itself, or without a plural s.
  static bool offers(std::string_view k, std::string_view key) {
    return k == key || (k.size() > 2 && k.back() == 's' && k.substr(0, k.size() - 1) == key);
  }
  const std::vector<LatinToken>* tokens_ = nullptr;
};

Keys keys_of(const std::vector<LatinToken>& tokens) {
  return Keys(tokens);
}

bool present(const LatinToken& t, const Keys& keys) {
  if (keys.count(t.key)) return true;
  std::string part;
  bool all = true;
  for (char c : t.key + "-") {
    if (std::string_view("-_&+/").find(c) != std::string_view::npos) {
      if (!part.empty()) all = all && keys.count(part);
      part.clear();
    } else {
      part += c;
    }
  }
  return all && t.key.find_first_of("-_&+/") != std::string::npos;
}

bool roman_numeral(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::string_view("IVXLCDM").find(c) != std::string_view::npos;
  });
}

// Whether the Korean writes the acronym in Hangul: letter by letter (유엔) or as a word (나토).
// stems: each Hangul word's stems (lang::hangul_stems).
bool spelled_in_hangul(std::string_view acronym,
                       const std::vector<std::vector<std::u32string>>& stems) {
  const std::string letters = lang::lower_letters(acronym);
  std::vector<std::u32string> spellings{U""};
  for (char c : letters) {
    std::vector<std::u32string> next;
    std::u32string_view names = kLetterNames[c - 'a'];
    for (std::size_t start = 0;;) {
      const std::size_t bar = names.find(U'|', start);
      const std::u32string_view name =
          names.substr(start, bar == names.npos ? names.npos : bar - start);
      for (const std::u32string& s : spellings) next.push_back(s + std::u32string(name));
      if (bar == names.npos) break;
      start = bar + 1;
    }
    spellings.swap(next);
  }
  for (const std::vector<std::u32string>& word_stems : stems) {
    for (const std::u32string& stem : word_stems) {
      if (lang::is_romanization(letters, stem)) return true;
      for (const std::u32string& s : spellings)
        if (stem == s) return true;
    }
  }
  return false;
}

// Whether the English spells the acronym out: capitalised words whose initials give it, small
// function words either skipped or counted ("World Trade Organization" = WTO, "Food and Drug
// Administration" = FDA, "Voice of America" = VOA), or words of a compound counted part by part
// ("Korea Development Institute" = KDI).
bool expanded(std::string_view acronym, const std::vector<lang::LatinWord>& words) {
  static constexpr std::string_view kSkipped[] = {"of", "and", "for", "the", "on", "in", "&"};
  const std::string want = lang::lower_letters(acronym);
  // match(j, k): words from j spell want from k.
  const auto skippable = [&](std::size_t j) {
    const std::string w = lang::lower_letters(words[j].text);
    return std::find(std::begin(kSkipped), std::end(kSkipped), w) != std::end(kSkipped);
  };
  std::function<bool(std::size_t, std::size_t, bool)> match = [&](std::size_t j, std::size_t k,
                                                                  bool first) -> bool {
    if (k == want.size()) return true;
    if (j >= words.size()) return false;
    const std::string w = lang::lower_letters(words[j].text);
    if (w.empty()) return false;
    const bool capital = lang::is_capitalized(words[j].text) || lang::is_all_caps(words[j].text);
    if (!first && skippable(j) && match(j + 1, k, false)) return true;
    if (!capital && !(!first && skippable(j))) return false;
    return w.front() == want[k] && match(j + 1, k + 1, false);
  };
  for (std::size_t i = 0; i < words.size(); ++i)
    if (match(i, 0, true)) return true;
  return false;
}

// Whether the token stands inside parentheses in the document text: "유럽연합(EU)".
bool in_parentheses(Span span, std::string_view text) {
  const std::size_t open = text.rfind('(', span.begin);
  if (open == std::string_view::npos) return false;
  const std::size_t close_before = text.rfind(')', span.begin);
  if (close_before != std::string_view::npos && close_before > open) return false;
  const std::size_t close = text.find(')', span.end);
  const std::size_t nl = text.find('\n', span.end);
  return close != std::string_view::npos && (nl == std::string_view::npos || close < nl) &&
         span.begin - open < 80;
}

// A measure ("120km", "3GB"): the number check compares it. "2D", "3D" and "8x8" are names of
// things, not amounts, and are compared here.
bool measure(const LatinToken& t) {
  if (t.text.empty() || t.text[0] < '0' || t.text[0] > '9') return false;
  const std::size_t letters = t.text.find_first_not_of("0123456789");
  if (letters == std::string::npos) return true;
  const std::string_view rest = std::string_view(t.text).substr(letters);
  if (rest == "D" || rest == "d") return false;
  if (rest.size() > 1 && (rest[0] == 'x' || rest[0] == 'X') && rest[1] >= '0' && rest[1] <= '9')
    return false;
  return true;
}

// A token's shape: letters as 'a', digits as '0', the rest kept ("B2" -> "a0", "F-35" -> "a-00").
std::string shape(std::string_view key) {
  std::string out;
  for (char c : key) out += latin(c) ? 'a' : (c >= '0' && c <= '9') ? '0' : c;
  return out;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Tokens with digits (F9, B2, 3D) that one side writes more often than the other: they are never
// translated, so each must come back as often ("press F9 … then press F9" for F9 twice).
// The other side is searched as text with spaces removed and lower-cased, so "2 x 2" holds 2x2.
std::vector<const LatinToken*> surplus_with_digits(const std::vector<LatinToken>& side,
                                                   std::string_view other_text) {
  std::string squeezed;
  for (char c : other_text)
    if (c != ' ' && c != '.') squeezed += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  std::map<std::string, int> balance;
  for (const LatinToken& t : side) {
    if (!has_digit(t.key) || measure(t) || balance.count(t.key)) continue;
    int found = 0;
    for (std::size_t at = squeezed.find(t.key); at != std::string::npos;
         at = squeezed.find(t.key, at + 1)) {
      const bool left = at == 0 || !alnum(squeezed[at - 1]);
      const bool right =
          at + t.key.size() >= squeezed.size() || !alnum(squeezed[at + t.key.size()]);
      found += left && right;
    }
    balance[t.key] = -found;
  }
  for (const LatinToken& t : side)
    if (has_digit(t.key) && !measure(t)) ++balance[t.key];
  std::vector<const LatinToken*> out;
  std::set<std::string> seen;
  for (const LatinToken& t : side)
    if (has_digit(t.key) && !measure(t) && balance[t.key] > 0 && seen.insert(t.key).second)
      out.push_back(&t);
  return out;
}

class LatinTokenMismatchCheck final : public Check {
 public:
  std::string_view id() const override { return "latin-token-mismatch"; }
  std::string_view description() const override {
    return "an acronym or Latin-script token on one side of a link and not on the other";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"english-acronyms", kEnglishAcronyms,
             "1 also reports English acronyms the Korean side neither writes nor spells"}};
  }

  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const bool english = options.param(id(), "english-acronyms", kEnglishAcronyms) != 0;
    const qa_detail::SharedView& view = qa_detail::shared_view(ctx);
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      std::vector<LatinToken> ko, en;
      std::vector<std::vector<std::u32string>> hangul;  // stems of each Hangul word
      for (const auto& p : qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end)) {
        const auto& damaged = view.ko.damaged(p.segment);
        for (auto& t : latin_tokens(p.text, p.base))
          if (!qa_detail::overlaps(damaged, t.span.begin, t.span.end)) ko.push_back(std::move(t));
        if (english)
          for (const auto& stems : view.ko.hangul_stems(p.segment)) hangul.push_back(stems);
      }
      // Without Korean tokens the English is read only for tokens with digits: none without a
      // digit, and only those tokens (all that surplus_with_digits looks at).
      const auto pieces_en = qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end);
      const bool every_token = english || !ko.empty();
      if (every_token || std::any_of(pieces_en.begin(), pieces_en.end(),
                                     [](const qa_detail::Piece& p) { return has_digit(p.text); }))
        for (const auto& p : pieces_en)
          for (auto& t : latin_tokens(p.text, p.base, 0, !every_token)) en.push_back(std::move(t));
      const auto digits = [](const LatinToken& t) { return has_digit(t.key) && !measure(t); };
      if (!ko.empty() || std::any_of(en.begin(), en.end(), digits)) {
        // What the comparison needs, built only for a bead with something to compare.
        const auto side_text = [&](const SegmentedText& t, std::uint32_t from, std::uint32_t to) {
          std::string text;
          for (const auto& p : qa_detail::side_pieces(t, from, to))
            text.append(p.text).push_back('\n');
          return text;
        };
        std::vector<lang::LatinWord> en_words;
        const bool acronym_missing = std::any_of(
            ko.begin(), ko.end(), [](const LatinToken& t) { return lang::is_all_caps(t.text); });
        if (acronym_missing)
          for (const auto& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end))
            for (const auto& w : view.en.latin_words(p.segment)) en_words.push_back(w);
        // The English keys matter only to Korean tokens that are not measures.
        const bool keys_needed =
            std::any_of(ko.begin(), ko.end(), [](const LatinToken& t) { return !measure(t); });
        korean_only(b, ko, en, keys_needed ? keys_of(en) : Keys(), en_words, ctx.ko.document.text,
                    side_text(ctx.ko, b.ko_begin, b.ko_end),
                    side_text(ctx.en, b.en_begin, b.en_end), out);
      }
      if (english) english_only(b, en, keys_of(ko), hangul, out);
    }
  }

 private:
  void korean_only(const Bead& b, const std::vector<LatinToken>& ko,
                   const std::vector<LatinToken>& en, const Keys& en_keys,
                   const std::vector<lang::LatinWord>& en_words, std::string_view ko_text,
                   const std::string& ko_side, const std::string& en_text,
                   std::vector<Finding>& out) const {
    std::vector<const LatinToken*> missing;
    std::set<std::string> seen;
    for (const LatinToken& t : ko) {
      if (measure(t) || present(t, en_keys)) continue;
      if (lang::is_all_caps(t.text) && expanded(t.text, en_words)) continue;
      if (seen.insert(t.key).second) missing.push_back(&t);
    }
    for (const LatinToken* t : surplus_with_digits(ko, en_text))
      if (seen.insert(t->key).second) missing.push_back(t);
    // English tokens with digits the Korean does not have as often.
    const std::vector<const LatinToken*> extra = surplus_with_digits(en, ko_side);
    if (missing.empty() && extra.empty()) return;
    // Strong evidence is a token with digits (F5, B2, 2D, Windows 10): it is never translated. A
    // Korean translation often adds an acronym the English original spells out or leaves out
    // ("FC 바르셀로나" / "Barcelona", "유럽연합(EU)"), so a lettered acronym is minor, and one in
    // parentheses (a gloss) weaker still.
    const auto with_digits = [](const LatinToken* t) {
      return std::any_of(t->text.begin(), t->text.end(),
                         [](char c) { return c >= '0' && c <= '9'; });
    };
    // Major when a token with digits is replaced by one of the same shape (B2 -> B7, F9 -> F2,
    // 3D -> 4D): a slip. A token with digits only dropped or only added may be spelt out or
    // glossed ("G-8" / "the Group of Eight").
    bool major = false;
    for (const LatinToken* t : missing)
      for (const LatinToken* u : extra)
        major = major || (with_digits(t) && shape(t->key) == shape(u->key));
    Finding f = qa_detail::bead_finding(id(), major ? Severity::kMajor : Severity::kMinor, b);
    f.confidence =
        major ? 0.85
              : (!extra.empty() || std::any_of(missing.begin(), missing.end(), with_digits) ? 0.55
                                                                                            : 0.3);
    for (const LatinToken* t : missing)
      if (!major && t->acronym && !in_parentheses(t->span, ko_text)) f.confidence = 0.5;
    std::string list, added;
    for (const LatinToken* t : missing) {
      f.ko_spans.push_back(t->span);
      list += (list.empty() ? "“" : ", “") + t->text + "”";
    }
    for (const LatinToken* t : extra) {
      f.en_spans.push_back(t->span);
      added += (added.empty() ? "“" : ", “") + t->text + "”";
    }
    if (!list.empty())
      f.message = fmt::format("{} in the Korean {} not in the English", list,
                              missing.size() == 1 ? "is" : "are");
    if (!added.empty())
      f.message +=
          fmt::format("{}{} in the English {} not in the Korean", f.message.empty() ? "" : "; ",
                      added, extra.size() == 1 ? "is" : "are");
    for (const LatinToken* t : missing) f.evidence.push_back({"latin-token", t->text, ""});
    for (const LatinToken* t : extra) f.evidence.push_back({"latin-token", "", t->text});
    out.push_back(std::move(f));
  }

  void english_only(const Bead& b, const std::vector<LatinToken>& en, const Keys& ko_keys,
                    const std::vector<std::vector<std::u32string>>& hangul,
                    std::vector<Finding>& out) const {
    std::vector<const LatinToken*> missing;
    std::set<std::string> seen;
    for (const LatinToken& t : en) {
      if (!lang::is_all_caps(t.text) || roman_numeral(t.text) || present(t, ko_keys)) continue;
      if (std::find(std::begin(kTranslatedAbbreviations), std::end(kTranslatedAbbreviations),
                    t.key) != std::end(kTranslatedAbbreviations))
        continue;
      if (t.key.find_first_of("-_&+/") != std::string::npos)
        continue;  // ROK-US: parts judged alone
      if (!seen.insert(t.key).second || spelled_in_hangul(t.text, hangul)) continue;
      missing.push_back(&t);
    }
    if (missing.empty()) return;
    Finding f = qa_detail::bead_finding(id(), Severity::kMinor, b);
    std::string list;
    for (const LatinToken* t : missing) {
      f.en_spans.push_back(t->span);
      list += (list.empty() ? "“" : ", “") + t->text + "”";
    }
    f.message = fmt::format("{} in the English {} not in the Korean, in Latin letters or Hangul",
                            list, missing.size() == 1 ? "is" : "are");
    for (const LatinToken* t : missing) f.evidence.push_back({"latin-token", "", t->text});
    out.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<Check> make_latin_token_mismatch_check() {
  return std::make_unique<LatinTokenMismatchCheck>();
}

}  // namespace kealign
