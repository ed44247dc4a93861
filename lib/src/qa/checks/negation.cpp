// negation: the Korean side of a link negates more often than the English. Korean negations are
// counted: verbal ones (-지 않다, -지 못하다, 없다, 아니다, -지 마/말다, 안 + verb) and Sino-Korean
// words with a negative prefix (불가능, 비활성, 무시, 미지원: a short list, since 불/비/무/미 start
// many plain words). English negations are counted too: "not", "n't", "no", "never", "without",
// negative verbs ("fail", "prevent", "hide") and affixes ("unable", "invalid", "disable",
// "non-", "-less"; in-/dis-/mis- only in a list of words, since "included", "display" and
// "mission" are not negative). Machine translation drops a negation now and then and inverts the
// meaning. English says many negations positively ("없이" = "only with ...", "hidden" for 보이지
// 않는), so the finding is minor: confidence "none-confidence" (default 0.4) when the English has
// no negation at all, "fewer-confidence" (0.25) when it has some but fewer than the Korean. Only
// English sides of at least "min-words" words (default 4) are looked at.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "checks/checks.hpp"
#include "checks/english_words.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"

namespace kealign {
namespace {

constexpr double kMinWords = 4;
constexpr double kNoneConfidence = 0.4;    // share of real drops among such findings (dev halves)
constexpr double kFewerConfidence = 0.25;  // the same when the English keeps some negation

// Korean verbal negation; "않", "못" and "없" cover their inflections (않는, 못한, 없이, 수 없다).
constexpr std::string_view kKoreanNegation[] = {"않", "못", "없", "아니", "지 마", "지 말"};
// Forms holding a marker that do not negate: 잘못 "wrongly", 아니면 "or else", 뿐 아니라 "not
// only ... but also".
constexpr std::string_view kKoreanNotNegation[] = {
    "잘못", "아니면", "못지", "뿐 아니라", "뿐만 아니라", "뿐아니라", "뿐만아니라"};
// Sino-Korean words with a negative prefix (불/비/무/미) that English renders with a negation
// or a negative word.
constexpr std::string_view kKoreanNegativeWords[] = {
    "불가",   "불필요", "불완전", "불일치", "불충분", "불분명", "불법",   "불안정", "불투명",
    "비활성", "비정상", "비공개", "비표준", "무시",   "무효",   "무제한", "무관",   "무료",
    "미지원", "미사용", "미지정", "미완료", "미확인", "미정",   "금지"};

constexpr std::string_view kEnglishNegation[] = {
    "not",     "no",      "never",  "none",    "nothing", "nobody",  "nowhere", "neither",
    "nor",     "without", "cannot", "absent",  "deny",    "denied",  "except",  "unless",
    "instead", "only",    "free",   "hardly",  "rarely",  "ban",     "rather",  "barely",
    "lose",    "lost",    "until",  "before",  "beyond",  "against", "empty",   "blank",
    "off",     "hid",     "hide",   "hides",   "hidden",  "miss",    "misses",  "missed",
    "missing", "stop",    "stops",  "stopped", "omit",    "omits",   "omitted", "lack"};
// Negative verbs in any inflection ("failed", "prevents", "banning", "removed").
constexpr std::string_view kEnglishNegativeStems[] = {
    "fail", "lacks",  "lacking", "prevent", "avoid",   "refus",  "prohibit", "forbid",
    "bann", "exclud", "ignor",   "remov",   "neglect", "losing", "reject",   "cancel"};
// Negative words that in-, im-, il-, ir-, dis- and mis- start (prefixes: "incomplete" and
// "incompatible" under "incompl", "incompa"); most words with these letters are not negative.
constexpr std::string_view kNegativeStarts[] = {
    "inval",    "incorr", "incompl",  "incompa",  "inconsi", "inconv",  "inact",
    "inacc",    "inadeq", "inappr",   "insuff",   "inabil",  "invis",   "indirect",
    "impossib", "improp", "imbal",    "irrelev",  "irregul", "irrever", "illeg",
    "illog",    "disab",  "disag",    "disall",   "disappe", "disappr", "disconn",
    "discont",  "dislik", "disregar", "distrust", "dishon",  "disadv",  "disord",
    "mismatch", "misus",  "mistak",   "misplac",  "mislead", "misread", "misinterp"};
// Words starting with un- that are not negative.
constexpr std::string_view kUnWords[] = {"under",   "unit",    "union", "uniq", "univers", "unix",
                                         "unicode", "uniform", "unif",  "unto", "unicef"};

bool starts_with(std::string_view k, std::string_view p) {
  return k.size() >= p.size() && k.compare(0, p.size(), p) == 0;
}

// The words and prefixes of one list by their first byte: a word is compared only with those
// that start as it does.
class ByFirstByte {
 public:
  template <std::size_t N>
  explicit ByFirstByte(const std::string_view (&list)[N]) {
    for (std::string_view w : list) lists_[static_cast<unsigned char>(w[0])].push_back(w);
  }
  const std::vector<std::string_view>& starting(std::string_view k) const {
    return lists_[static_cast<unsigned char>(k[0])];
  }

 private:
  std::array<std::vector<std::string_view>, 256> lists_;
};

bool negative_word(std::string_view k) {
  if (k.empty()) return false;
  static const ByFirstByte negation(kEnglishNegation), stems(kEnglishNegativeStems),
      starts(kNegativeStarts);
  const auto& same_start = negation.starting(k);
  const auto& stem_start = stems.starting(k);
  if (std::find(same_start.begin(), same_start.end(), k) != same_start.end() ||
      std::any_of(stem_start.begin(), stem_start.end(),
                  [&](std::string_view p) { return starts_with(k, p); }))
    return true;
  const auto ends = [&](std::string_view p) {
    return k.size() > p.size() + 2 && k.compare(k.size() - p.size(), p.size(), p) == 0;
  };
  if (k.size() > 4 && starts_with(k, "un") &&
      std::none_of(std::begin(kUnWords), std::end(kUnWords),
                   [&](std::string_view w) { return starts_with(k, w); }))
    return true;
  if (k.size() > 5 && starts_with(k, "non") && !starts_with(k, "none")) return true;
  if (ends("less") || ends("-free")) return true;
  const auto& prefix_start = starts.starting(k);
  return std::any_of(prefix_start.begin(), prefix_start.end(),
                     [&](std::string_view p) { return starts_with(k, p); });
}

// Negations in English text.
std::size_t english_negations(const std::vector<qa_detail::Word>& words, std::string_view text) {
  std::size_t n = 0;
  for (std::string_view contraction : {"n't", "n’t"})
    for (std::size_t i = text.find(contraction); i != std::string_view::npos;
         i = text.find(contraction, i + 1))
      ++n;
  for (const qa_detail::Word& w : words)
    if (negative_word(w.key)) ++n;
  return n;
}

// Whether a word may end before c: not a Hangul syllable, or a verb ending or particle.
bool word_ends(char32_t c) {
  static constexpr std::u32string_view kEndings =
      U"하한할함해했되된될됨돼적화성를을는은가이와과의도로에";
  return !qa_detail::is_hangul(c) || kEndings.find(c) != std::u32string_view::npos;
}

bool not_negation_at(std::string_view text, std::size_t i) {
  for (std::string_view w : kKoreanNotNegation)
    for (std::size_t j = text.find(w); j != std::string_view::npos; j = text.find(w, j + 1))
      if (i >= j && i < j + w.size()) return true;
  return false;
}

// The first three bytes of a marker (a Hangul syllable) as one number.
std::uint32_t lead_syllable(std::string_view s) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[0])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
         static_cast<unsigned char>(s[2]);
}

// Negations in Korean text; `first` gets the offset of the first. One pass over the text: the
// markers are tried only where one of their first syllables stands.
std::size_t korean_negations(std::string_view text, std::size_t& first) {
  static const std::vector<std::uint32_t> leads = [] {
    std::vector<std::uint32_t> out;
    for (std::string_view m : kKoreanNegation) out.push_back(lead_syllable(m));
    for (std::string_view m : kKoreanNegativeWords) out.push_back(lead_syllable(m));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  // The leads' three bytes folded as a three-byte code point: a table look-up passes over most
  // syllables before the exact search.
  const auto fold = [](std::uint32_t lead) {
    return (lead >> 4 & 0xF000) | (lead >> 2 & 0x0FC0) | (lead & 0x3F);
  };
  static const std::vector<std::uint8_t> may_lead = [&] {
    std::vector<std::uint8_t> out(0x10000, 0);
    for (std::uint32_t lead : leads) out[fold(lead)] = 1;
    return out;
  }();
  // Each marker's lead, compared before its bytes.
  static const auto marker_leads = [] {
    std::array<std::uint32_t, std::size(kKoreanNegation)> negation{};
    std::array<std::uint32_t, std::size(kKoreanNegativeWords)> words{};
    for (std::size_t m = 0; m < negation.size(); ++m)
      negation[m] = lead_syllable(kKoreanNegation[m]);
    for (std::size_t m = 0; m < words.size(); ++m)
      words[m] = lead_syllable(kKoreanNegativeWords[m]);
    return std::make_pair(negation, words);
  }();
  std::size_t n = 0;
  const auto note = [&](std::size_t i) {
    if (first == std::string_view::npos || i < first) first = i;
    ++n;
  };
  static const std::uint32_t kShort = lead_syllable("안");
  for (std::size_t i = 0; i + 3 <= text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) < 0xE0) continue;
    const std::uint32_t lead = lead_syllable(text.substr(i));
    // The short negation 안 before a verb: a word of its own followed by a Hangul word.
    if (lead == kShort && i + 3 < text.size() && text[i + 3] == ' ' &&
        (i == 0 || text[i - 1] == ' ') &&
        qa_detail::is_hangul(qa_detail::code_point_at(text, i + 4)))
      note(i);
    if (!may_lead[fold(lead)] || !std::binary_search(leads.begin(), leads.end(), lead)) continue;
    const std::string_view rest = text.substr(i);
    for (std::size_t m = 0; m < std::size(kKoreanNegation); ++m)
      if (marker_leads.first[m] == lead && starts_with(rest, kKoreanNegation[m]) &&
          !not_negation_at(text, i))
        note(i);
    // At the start of a word only: 무시 "ignore" but not the town 무시리 inside 소도시인.
    for (std::size_t m = 0; m < std::size(kKoreanNegativeWords); ++m) {
      const std::string_view w = kKoreanNegativeWords[m];
      if (marker_leads.second[m] == lead && starts_with(rest, w) &&
          !qa_detail::is_hangul(qa_detail::code_point_before(text, i)) &&
          word_ends(qa_detail::code_point_at(text, i + w.size())))
        note(i);
    }
  }
  return n;
}

class NegationCheck final : public Check {
 public:
  std::string_view id() const override { return "negation"; }
  std::string_view description() const override {
    return "a Korean negation the English does not carry (none, or fewer negations)";
  }
  std::vector<CheckParameter> parameters() const override {
    return {
        {"min-words", kMinWords, "shorter English sides are not looked at"},
        {"none-confidence", kNoneConfidence, "confidence when the English has no negation at all"},
        {"fewer-confidence", kFewerConfidence,
         "confidence when the English has fewer negations than the Korean (0: not reported)"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const auto min_words = static_cast<std::size_t>(options.param(id(), "min-words", kMinWords));
    const double none_confidence = options.param(id(), "none-confidence", kNoneConfidence);
    const double fewer_confidence = options.param(id(), "fewer-confidence", kFewerConfidence);
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      std::size_t ko_count = 0, at = std::string_view::npos;
      std::uint32_t segment = 0;
      std::size_t base = 0;
      for (const qa_detail::Piece& p : qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end)) {
        std::size_t first = std::string_view::npos;
        ko_count += korean_negations(p.text, first);
        if (first != std::string_view::npos && at == std::string_view::npos) {
          at = first;
          segment = p.segment;
          base = p.base;
        }
      }
      if (ko_count == 0) continue;
      std::size_t words = 0, en_count = 0;
      for (const qa_detail::Piece& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end)) {
        const std::vector<qa_detail::Word>& w =
            qa_detail::shared_view(ctx).en.english_words(p.segment);
        words += w.size();
        en_count += english_negations(w, p.text);
      }
      if (en_count >= ko_count || words < min_words) continue;
      if (en_count > 0 && fewer_confidence <= 0) continue;
      Finding f = qa_detail::bead_finding(id(), Severity::kMinor, b);
      f.confidence = en_count == 0 ? none_confidence : fewer_confidence;
      const std::string_view ko = ctx.ko.raw(segment);
      f.ko_spans.push_back({base + at, base + at + 3});
      f.message = en_count == 0
                      ? fmt::format(
                            "The Korean negates ({}) but the English has no negation: the "
                            "meaning may be inverted",
                            qa_detail::context_around(ko, at, 15, 10))
                      : fmt::format(
                            "The Korean negates {} times ({}) but the English only {}: one "
                            "negation may be lost",
                            ko_count, qa_detail::context_around(ko, at, 15, 10), en_count);
      f.evidence = {{"negations", std::to_string(ko_count), std::to_string(en_count)}};
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_negation_check() {
  return std::make_unique<NegationCheck>();
}

}  // namespace kealign
