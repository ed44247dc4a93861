// term-consistency: one Korean term rendered two ways in one document. Two sources of evidence:
//  - quoted terms: the same short quotation in the Korean (‘핵우산 강화’) in several links, whose
//    English quotations differ (‘strengthen the nuclear umbrella’ / ‘reinforce the nuclear
//    umbrella’); only links that quote once on each side count, since several quotations may be
//    reordered by the translation;
//  - with a dictionary (CheckOptions::dictionary): a Korean headword in several links whose English
//    sides use different, non-overlapping glosses of it (a gloss word counts with inflection,
//    "strengthen" = "strengthened").
//  - anchored terms: a Korean noun right after an acronym that both sides write ("VOA 대담") in
//    several links, whose English has different words right after the acronym ("VOA roundtable" /
//    "VOA symposium"): Korean and English both put the acronym before the noun it modifies;
// Minor, document-wide: one finding per term, on every link involved.
// Parameters: "max-quote-chars" (default 30): longer Korean quotations are speech, not terms;
// "dictionary" (default 1): 0 ignores the dictionary evidence.
#include <algorithm>
#include <map>
#include <set>

#include "checks/checks.hpp"
#include "checks/english_words.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "kealign/dictionary.hpp"
#include "names.hpp"

namespace kealign {
namespace {

constexpr double kMaxQuoteChars = 30;
constexpr double kUseDictionary = 1;
constexpr std::size_t kMinHeadwordSyllables = 2;
constexpr std::size_t kMinGlossLetters = 4;       // shorter gloss words are function words
constexpr std::size_t kMaxInflectionLetters = 3;  // "strengthen" -> "strengthened"

constexpr std::string_view kGlossStopWords[] = {
    "with",    "that",  "this",   "from",   "into",    "onto", "over",  "under",   "something",
    "someone", "thing", "things", "which",  "what",    "when", "where", "have",    "make",
    "about",   "very",  "such",   "other",  "perhaps", "also", "used",  "usually", "being",
    "done",    "doing", "there",  "their",  "them",    "they", "kind",  "sort",    "type",
    "more",    "most",  "some",   "person", "people"};

struct Quote {
  Span span;         // inside the marks
  std::string text;  // as written, folded
  std::uint32_t segment;
};

// Quotations of one side of a link, in order. ’ between letters is an apostrophe.
std::vector<Quote> quotations(const qa_detail::Pieces& pieces) {
  static constexpr std::pair<char32_t, char32_t> kMarks[] = {
      {U'‘', U'’'}, {U'“', U'”'}, {U'「', U'」'}, {U'『', U'』'}, {U'"', U'"'}};
  // Every mark is '"' or starts with E2 (‘ ’ “ ”) or E3 (「 」 『 』): only those code points are
  // looked at.
  static constexpr qa_detail::ByteSet kLeads("\"\xE2\xE3");
  std::vector<Quote> out;
  for (const qa_detail::Piece& p : pieces) {
    for (std::size_t i = kLeads.find_in(p.text); i != std::string_view::npos;
         i = kLeads.find_in(p.text, i)) {
      const char32_t c = next_code_point(p.text, i);
      const auto mark = std::find_if(std::begin(kMarks), std::end(kMarks),
                                     [c](const auto& m) { return m.first == c; });
      if (mark == std::end(kMarks)) continue;
      const std::size_t begin = i;
      for (std::size_t j = kLeads.find_in(p.text, i); j != std::string_view::npos;
           j = kLeads.find_in(p.text, j)) {
        const std::size_t at = j;
        const char32_t d = next_code_point(p.text, j);
        if (d != mark->second) continue;
        const bool apostrophe = d == U'’' &&
                                qa_detail::is_letter(qa_detail::code_point_before(p.text, at)) &&
                                qa_detail::is_letter(qa_detail::code_point_at(p.text, j));
        if (apostrophe) continue;
        out.push_back({{p.base + begin, p.base + at},
                       fold_space(p.text.substr(begin, at - begin)),
                       p.segment});
        i = j;
        break;
      }
    }
  }
  return out;
}

// English quotation compared without case, punctuation and articles.
std::string comparable(std::string_view english) {
  std::string out;
  for (const lang::LatinWord& w : lang::latin_words(english)) {
    const std::string k = lang::lower_letters(w.text);
    if (k == "the" || k == "a" || k == "an") continue;
    out += (out.empty() ? "" : " ") + k;
  }
  return out;
}

// "channels" -> "channel", "policies" -> "policy": number is not a rendering difference.
std::string singular(std::string w) {
  if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0)
    return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

struct Rendering {
  std::string shown;  // the English rendering as a reader sees it
  std::string key;    // what is compared
  const Bead* bead;
  std::vector<Span> en_spans, ko_spans;
};

class TermConsistencyCheck final : public Check {
 public:
  std::string_view id() const override { return "term-consistency"; }
  std::string_view description() const override {
    return "one Korean term rendered two ways in the English document";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"max-quote-chars", kMaxQuoteChars, "longest Korean quotation treated as a term"},
            {"dictionary", kUseDictionary, "0 ignores the dictionary's glosses"}};
  }

  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const auto max_chars =
        static_cast<std::size_t>(options.param(id(), "max-quote-chars", kMaxQuoteChars));
    std::map<std::string, std::vector<Rendering>> quoted;
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      const auto ko = quotations(qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end));
      const auto en = quotations(qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end));
      if (ko.size() != 1 || en.size() != 1) continue;
      if (code_point_count(ko[0].text) > max_chars || !qa_detail::has_hangul(ko[0].text)) continue;
      quoted[ko[0].text].push_back(
          {"‘" + en[0].text + "’", comparable(en[0].text), &b, {en[0].span}, {ko[0].span}});
    }
    for (const auto& [term, renderings] : quoted) report("‘" + term + "’", renderings, out);
    anchored_evidence(ctx, out);
    if (options.param(id(), "dictionary", kUseDictionary) != 0 && options.dictionary)
      dictionary_evidence(ctx, *options.dictionary, out);
  }

 private:
  // One finding when the renderings of a term do not all agree.
  void report(const std::string& term, const std::vector<Rendering>& renderings,
              std::vector<Finding>& out) const {
    std::map<std::string, std::vector<const Rendering*>> by_key;
    for (const Rendering& r : renderings) by_key[r.key].push_back(&r);
    if (by_key.size() < 2) return;
    std::vector<qa_detail::Variant> variants;
    for (const auto& [key, rs] : by_key) {
      qa_detail::Variant& v = variants.emplace_back();
      v.shown = rs.front()->shown;
      for (const Rendering* r : rs) {
        for (std::uint32_t i = r->bead->ko_begin; i < r->bead->ko_end; ++i) v.ko_ids.insert(i);
        for (std::uint32_t i = r->bead->en_begin; i < r->bead->en_end; ++i) v.en_ids.insert(i);
        v.en_spans.insert(v.en_spans.end(), r->en_spans.begin(), r->en_spans.end());
        v.ko_spans.insert(v.ko_spans.end(), r->ko_spans.begin(), r->ko_spans.end());
      }
    }
    out.push_back(
        qa_detail::variants_finding(id(), variants, "the same Korean " + term + " is rendered "));
  }

  // Gloss words of a headword found in an English side, inflections included.
  static std::set<std::string> glosses_used(const std::vector<std::string>& gloss,
                                            const std::vector<lang::LatinWord>& english) {
    std::set<std::string> used;
    for (const std::string& g : gloss) {
      if (g.size() < kMinGlossLetters ||
          std::find(std::begin(kGlossStopWords), std::end(kGlossStopWords), g) !=
              std::end(kGlossStopWords))
        continue;
      for (const lang::LatinWord& w : english) {
        const std::string k = lang::lower_letters(w.text);
        if (k.compare(0, g.size(), g) == 0 && k.size() <= g.size() + kMaxInflectionLetters)
          used.insert(g);
      }
    }
    return used;
  }

  // Acronyms of a side and the word right after each, past a closing bracket and one space.
  struct Anchored {
    std::string acronym;
    std::size_t next_begin = 0;  // byte offset in the piece of the word after it
  };
  // words: latin_words of text at document offset base.
  static std::vector<Anchored> acronyms(std::string_view text,
                                        const std::vector<lang::LatinWordRef>& words,
                                        std::size_t base) {
    std::vector<Anchored> out;
    for (const lang::LatinWordRef& w : words) {
      if (!lang::is_all_caps(w.text) || w.text.find('-') != std::string::npos) continue;
      std::size_t i = w.span.end - base;
      if (i < text.size() && (text[i] == ')' || text[i] == ']')) ++i;
      if (i >= text.size() || text[i] != ' ') continue;  // a particle attached: not a modifier
      out.push_back({std::string(w.text), i + 1});
    }
    return out;
  }

  void anchored_evidence(const CheckContext& ctx, std::vector<Finding>& out) const {
    std::map<std::string, std::vector<Rendering>> anchored;  // "VOA 대담" -> renderings
    const qa_detail::SharedView& view = qa_detail::shared_view(ctx);
    std::vector<lang::LatinWordRef> refs;
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      std::map<std::string, std::vector<std::pair<lang::LatinWord, std::string>>> english;
      for (const auto& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end)) {
        view.en.latin_word_refs(p.segment, refs);
        for (const Anchored& a : acronyms(p.text, refs, p.base)) {
          const auto words = lang::latin_words(p.text.substr(a.next_begin), p.base + a.next_begin);
          if (words.empty() || words[0].span.begin != p.base + a.next_begin) continue;
          const std::string key = singular(lang::lower_letters(words[0].text));
          if (key.size() < kMinGlossLetters || qa_detail::is_function_word(key)) continue;
          english[a.acronym].emplace_back(words[0], key);
        }
      }
      for (const auto& p : qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end)) {
        view.ko.latin_word_refs(p.segment, refs);
        for (const Anchored& a : acronyms(p.text, refs, p.base)) {
          const auto it = english.find(a.acronym);
          if (it == english.end() || it->second.size() != 1) continue;
          const auto words = lang::hangul_words(p.text.substr(a.next_begin), p.base + a.next_begin);
          if (words.empty() || words[0].span.begin != p.base + a.next_begin) continue;
          const std::u32string stem = lang::hangul_stems(words[0].syllables).back();
          if (stem.size() < kMinHeadwordSyllables) continue;
          const std::string term = a.acronym + " " + to_utf8(stem);
          const auto& [word, key] = it->second.front();
          anchored[term].push_back(
              {"“" + a.acronym + " " + word.text + "”", key, &b, {word.span}, {words[0].span}});
        }
      }
    }
    // A link's English words, read once: a term repeated through a long document would otherwise
    // read each of its links once per other link.
    std::map<const Bead*, std::set<std::string>> words;
    for (auto& [term, renderings] : anchored) {
      // Different words only count when neither link's English uses the other's word anywhere.
      std::set<std::string> keys;
      for (const Rendering& r : renderings) keys.insert(r.key);
      bool distinct = true;
      if (keys.size() > 1)
        for (const std::string& key : keys)
          for (const Rendering& other : renderings)
            if (other.key != key && english_words(ctx, *other.bead, words).count(key))
              distinct = false;
      if (distinct) report("“" + term + "”", renderings, out);
    }
  }

  // The singular, lower-case words of a link's English (cached in `words`).
  static const std::set<std::string>& english_words(
      const CheckContext& ctx, const Bead& b, std::map<const Bead*, std::set<std::string>>& words) {
    const auto [it, added] = words.try_emplace(&b);
    if (added)
      for (const auto& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end))
        for (const lang::LatinWord& w : lang::latin_words(p.text))
          it->second.insert(singular(lang::lower_letters(w.text)));
    return it->second;
  }

  void dictionary_evidence(const CheckContext& ctx, const Dictionary& dictionary,
                           std::vector<Finding>& out) const {
    struct Use {
      const Bead* bead;
      std::set<std::string> glosses;
      Span ko_span;
    };
    std::map<std::u32string, std::vector<Use>> uses;
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      std::vector<lang::LatinWord> english;
      for (const auto& p : qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end))
        for (const auto& w : qa_detail::shared_view(ctx).en.latin_words(p.segment))
          english.push_back(w);
      std::set<std::u32string> seen;
      for (const auto& p : qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end)) {
        const qa_detail::SideView& ko = qa_detail::shared_view(ctx).ko;
        const std::vector<std::vector<std::u32string>>& word_stems = ko.hangul_stems(p.segment);
        const std::vector<lang::HangulWord>& words = ko.hangul_words(p.segment);
        for (std::size_t i = 0; i < words.size(); ++i) {
          const lang::HangulWord& w = words[i];
          for (const std::u32string& stem : word_stems[i]) {
            if (stem.size() < kMinHeadwordSyllables || !seen.insert(stem).second) continue;
            const auto& gloss = dictionary.gloss_words(to_utf8(stem));
            if (gloss.empty()) continue;
            auto used = glosses_used(gloss, english);
            if (!used.empty()) uses[stem].push_back({&b, std::move(used), w.span});
            break;
          }
        }
      }
    }
    for (const auto& [stem, list] : uses) {
      // Renderings that share no gloss word with any other link's rendering.
      std::vector<Rendering> renderings;
      bool disjoint = false;
      for (std::size_t i = 0; i < list.size(); ++i)
        for (std::size_t j = i + 1; j < list.size(); ++j) {
          std::vector<std::string> common;
          std::set_intersection(list[i].glosses.begin(), list[i].glosses.end(),
                                list[j].glosses.begin(), list[j].glosses.end(),
                                std::back_inserter(common));
          disjoint = disjoint || common.empty();
        }
      if (!disjoint) continue;
      for (const Use& u : list) {
        std::string key;
        for (const std::string& g : u.glosses) key += (key.empty() ? "" : "/") + g;
        renderings.push_back({"“" + key + "”", key, u.bead, {}, {u.ko_span}});
      }
      report(to_utf8(stem), renderings, out);
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_term_consistency_check() {
  return std::make_unique<TermConsistencyCheck>();
}

}  // namespace kealign
