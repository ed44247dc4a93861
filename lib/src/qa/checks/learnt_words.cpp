// A word table learnt from the pair's own 1-1 links (Dice coefficient of co-occurrence, as the
// aligner's lexicon pass learns one; Moore 2002): each Korean stem keeps its best English stem when
// the two are each other's best partner. A link whose Korean holds the word and whose English
// lacks the rendering, while nearly every other link with the word holds it, has lost or replaced
// that word: a partial omission or a substituted word inside a sentence, which no length or
// sentence-level test sees. Weak evidence (a translator may use a synonym or a pronoun), so minor;
// the confidence grows with the number of links the rendering was seen in.
#include "checks/learnt_words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "align_tokens.hpp"
#include "checks/english_words.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "names.hpp"

namespace kealign::qa_detail {
namespace {

// Stems as the aligner compares words: a Hangul word without its particle, its first two
// syllables; an English word of three letters or more, not a function word, its first five
// letters after a plural -s.
constexpr std::size_t kKoreanPrefix = 2;
constexpr std::size_t kEnglishPrefix = 5;
constexpr std::size_t kMinEnglishLetters = 3;
// Confidence: kBaseConfidence with the fewest links, rising towards kTopConfidence as the
// rendering is seen in more of them (dev halves: a rendering seen in four links was missing for a
// real reason about one time in three).
constexpr double kBaseConfidence = 0.3;
constexpr double kTopConfidence = 0.5;
constexpr double kConfidencePerLink = 0.05;

struct Stem {
  std::string_view key;   // its first syllables as written
  Span span;              // document offsets of the word
  std::string_view word;  // as written
};

// Calls visit(Stem) for each Korean word of the link that has a stem.
template <typename Visit>
void visit_korean_stems(const SideView& view, std::uint32_t begin, std::uint32_t end, Visit visit) {
  for (const Piece& p : side_pieces(view.text(), begin, end))
    view.visit_hangul_stems(
        p.segment, [&](std::size_t from, std::size_t to, std::size_t stems, std::size_t shortest) {
          // A bare one-syllable word (수, 것, 등) is a function word as often as a noun.
          if (shortest < 2 && stems < 2) return;
          // A Hangul syllable is three bytes: the key is the word's first bytes.
          const std::string_view word = p.text.substr(from, to - from);
          const std::size_t syllables = std::min(shortest, kKoreanPrefix);
          visit(Stem{word.substr(0, 3 * syllables), {p.base + from, p.base + to}, word});
        });
}

// Calls visit(stem) for the English stem of each of the link's words that has one (repeats too);
// the view is valid during the call.
template <typename Visit>
void visit_english_stems(const SideView& view, std::uint32_t begin, std::uint32_t end,
                         Visit visit) {
  for (const Piece& p : side_pieces(view.text(), begin, end))
    view.visit_english_keys(p.segment, [&](std::string_view key) {
      // "double-clicking" holds "click"; "Bale's" is "bale".
      for (std::string_view s : {"'s", "’s"})
        if (key.size() > s.size() && key.substr(key.size() - s.size()) == s)
          key.remove_suffix(s.size());
      for (std::size_t from = 0; from <= key.size();) {
        std::size_t to = key.find('-', from);
        if (to == std::string_view::npos) to = key.size();
        const std::string_view part = key.substr(from, to - from);
        from = to + 1;
        if (part.size() < kMinEnglishLetters || is_function_word(part) ||
            !std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
          continue;
        // A plural is its singular ("cells" = "cell"); a 5-letter prefix folds the rest.
        std::string_view stem = part;
        if (stem.size() > 3 && stem.back() == 's' && stem[stem.size() - 2] != 's')
          stem.remove_suffix(1);
        visit(stem.substr(0, kEnglishPrefix));
      }
    });
}

// A map from 64-bit keys to counts or ids, by open addressing: a few bytes an entry instead of a
// node each, and no allocation per entry. Only looked up, never iterated, so its order cannot show
// in a finding.
class FlatMap {
 public:
  // The value of key, 0 when absent.
  std::uint32_t find(std::uint64_t key) const {
    if (slots_.empty()) return 0;
    for (std::size_t i = slot(key);; i = (i + 1) & mask_) {
      if (!slots_[i].used) return 0;
      if (slots_[i].key == key) return slots_[i].value;
    }
  }
  // The value of key, added as `fresh` when absent (`added` says which).
  std::uint32_t& at(std::uint64_t key, std::uint32_t fresh, bool& added) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    std::size_t i = slot(key);
    added = false;
    for (; slots_[i].used; i = (i + 1) & mask_)
      if (slots_[i].key == key) return slots_[i].value;
    added = true;
    ++used_;
    slots_[i] = {key, fresh, true};
    return slots_[i].value;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = 0;
    bool used = false;
  };
  std::size_t slot(std::uint64_t key) const {
    // Fibonacci hashing: a pair's key is two dense ids, a stem's a hash.
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_) & mask_;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    const std::size_t size = old.empty() ? 1024 : 2 * old.size();
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    shift_ = 64;
    for (std::size_t s = size; s > 1; s >>= 1) --shift_;
    for (const Slot& o : old) {
      if (!o.used) continue;
      std::size_t i = slot(o.key);
      while (slots_[i].used) i = (i + 1) & mask_;
      slots_[i] = o;
    }
  }
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
};

// Dense ids for stems known by their hash (the hash is the stem's identity, as in the aligner's
// tables; the order of hashes decides ties, as it always has).
class StemIds {
 public:
  std::uint32_t id(std::size_t hash) {
    bool added = false;
    const std::uint32_t id = ids_.at(hash, static_cast<std::uint32_t>(hashes_.size()), added);
    if (added) hashes_.push_back(hash);
    return id;
  }
  std::size_t hash(std::uint32_t id) const { return hashes_[id]; }
  std::size_t size() const { return hashes_.size(); }

 private:
  FlatMap ids_;
  std::vector<std::size_t> hashes_;
};

}  // namespace

void learnt_word_findings(const CheckContext& ctx, const LearntWordOptions& options,
                          std::string_view check, std::vector<Finding>& out) {
  const auto hash = [](std::string_view s) { return std::hash<std::string_view>{}(s); };
  const std::size_t n = ctx.alignment.size();
  const SharedView& view = shared_view(ctx);
  // Each 1-1 link's stems as ids, in flat arrays (link i's are [begin[i], begin[i + 1])): its
  // Korean words' stems in word order, its distinct English stems in hash order. A few bytes per
  // word: the stems as text are made again only for the links a finding names.
  StemIds ko_ids, en_ids;
  std::vector<std::uint32_t> ko_begin(n + 1), en_begin(n + 1), ko, en;
  std::vector<std::uint32_t> ko_count, en_count, first_link;  // by id
  std::vector<std::uint32_t> seen;  // by Korean id: the last call of distinct_ko that met it
  std::uint32_t call = 0;
  std::vector<std::size_t> hashes;
  // Link i's distinct Korean stems, in hash order when `sorted`.
  std::vector<std::uint32_t> keys;
  const auto distinct_ko = [&](std::size_t i, bool sorted) {
    keys.clear();
    ++call;
    for (std::uint32_t w = ko_begin[i]; w < ko_begin[i + 1]; ++w) {
      const std::uint32_t k = ko[w];
      if (seen[k] == call) continue;
      seen[k] = call;
      keys.push_back(k);
    }
    if (sorted)
      std::sort(keys.begin(), keys.end(),
                [&](std::uint32_t a, std::uint32_t b) { return ko_ids.hash(a) < ko_ids.hash(b); });
  };
  for (std::size_t i = 0; i < n; ++i) {
    ko_begin[i] = static_cast<std::uint32_t>(ko.size());
    en_begin[i] = static_cast<std::uint32_t>(en.size());
    const Bead& b = ctx.alignment[i];
    if (b.ko_size() != 1 || b.en_size() != 1) continue;
    visit_korean_stems(view.ko, b.ko_begin, b.ko_end, [&](const Stem& s) {
      const std::uint32_t k = ko_ids.id(hash(s.key));
      if (k == ko_count.size()) {
        ko_count.push_back(0);
        seen.push_back(0);
      }
      ko.push_back(k);
    });
    hashes.clear();
    visit_english_stems(view.en, b.en_begin, b.en_end,
                        [&](std::string_view e) { hashes.push_back(hash(e)); });
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    for (std::size_t h : hashes) {
      const std::uint32_t e = en_ids.id(h);
      if (e == en_count.size()) {
        en_count.push_back(0);
        first_link.push_back(static_cast<std::uint32_t>(i));
      }
      ++en_count[e];
      en.push_back(e);
    }
    ko_begin[i + 1] = static_cast<std::uint32_t>(ko.size());
    distinct_ko(i, false);
    for (std::uint32_t k : keys) ++ko_count[k];
  }
  ko_begin[n] = static_cast<std::uint32_t>(ko.size());
  en_begin[n] = static_cast<std::uint32_t>(en.size());
  // A pair's Dice coefficient is at most 2 min(ck, ce) / (ck + ce): the pairs that cannot reach
  // min_dice, or whose Korean stem is too rare, are not counted (most pairs of a long document).
  const auto frequent = [&](std::uint32_t k) {
    return static_cast<double>(ko_count[k]) >= options.min_links + 1;
  };
  const auto bound_reaches = [&](std::uint32_t ck, std::uint32_t ce) {
    return 2.0 * static_cast<double>(std::min(ck, ce)) / static_cast<double>(ck + ce) >=
           options.min_dice;
  };
  // The bound rises with ce up to ck and falls after it, so the counts ce that pass it with a
  // count ck are one range [lo, hi] (empty when even ce = ck fails): found once per count by the
  // same test, so each pair is then two comparisons.
  std::uint32_t most = 0;
  for (std::uint32_t c : en_count) most = std::max(most, c);
  struct Range {
    std::uint32_t lo = 1, hi = 0;
  };
  std::vector<Range> by_count, by_stem(ko_ids.size());
  std::vector<bool> known;
  for (std::uint32_t k = 0; k < ko_ids.size(); ++k) {
    const std::uint32_t ck = ko_count[k];
    if (!frequent(k)) continue;
    if (ck >= by_count.size()) {
      by_count.resize(ck + 1);
      known.resize(ck + 1, false);
    }
    Range& r = by_count[ck];
    if (!known[ck]) {
      known[ck] = true;
      if (bound_reaches(ck, ck)) {
        r = {ck, ck};
        while (r.lo > 0 && bound_reaches(ck, r.lo - 1)) --r.lo;
        while (r.hi < most && bound_reaches(ck, r.hi + 1)) ++r.hi;
      }
    }
    by_stem[k] = r;
  }
  // Asked only for frequent stems.
  const auto may_reach = [&](std::uint32_t k, std::uint32_t e) {
    return en_count[e] >= by_stem[k].lo && en_count[e] <= by_stem[k].hi;
  };
  const auto pair_key = [](std::uint32_t k, std::uint32_t e) { return std::uint64_t{k} << 32 | e; };
  FlatMap joint;  // links holding both
  bool added = false;
  for (std::size_t i = 0; i < n; ++i) {
    distinct_ko(i, false);
    for (std::uint32_t k : keys) {
      if (!frequent(k)) continue;
      for (std::uint32_t x = en_begin[i]; x < en_begin[i + 1]; ++x)
        if (may_reach(k, en[x])) ++joint.at(pair_key(k, en[x]), 0, added);
    }
  }
  const auto joint_of = [&](std::uint32_t k, std::uint32_t e) -> std::uint32_t {
    return joint.find(pair_key(k, e));
  };
  // Each Korean stem's best English stem, and each English stem's best Korean one (the first
  // found of equal ones, links in order and stems in hash order).
  struct Best {
    double dice = 0;
    std::uint32_t partner = 0;
  };
  std::vector<Best> best_ko(ko_ids.size()), best_en(en_ids.size());
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    distinct_ko(i, true);
    for (std::uint32_t k : keys) {
      if (!frequent(k)) continue;
      for (std::uint32_t x = en_begin[i]; x < en_begin[i + 1]; ++x) {
        const std::uint32_t e = en[x];
        if (!may_reach(k, e)) continue;
        const double dice = 2.0 * static_cast<double>(joint_of(k, e)) /
                            static_cast<double>(ko_count[k] + en_count[e]);
        if (dice < options.min_dice) continue;
        any = true;
        if (dice > best_ko[k].dice) best_ko[k] = {dice, e};
        if (dice > best_en[e].dice) best_en[e] = {dice, k};
      }
    }
  }
  if (!any) return;
  for (std::size_t i = 0; i < n; ++i) {
    if (ko_begin[i] == ko_begin[i + 1] || en_begin[i + 1] - en_begin[i] < 2) continue;
    const auto link_en = en.begin() + en_begin[i], link_en_end = en.begin() + en_begin[i + 1];
    std::size_t worst = 0;
    bool found = false;
    std::uint32_t rendering = 0, seen_with = 0, others = 0;
    for (std::uint32_t w = ko_begin[i]; w < ko_begin[i + 1]; ++w) {
      const std::uint32_t k = ko[w];
      if (best_ko[k].dice == 0 || best_en[best_ko[k].partner].partner != k) continue;
      const std::uint32_t e = best_ko[k].partner;
      if (std::find(link_en, link_en_end, e) != link_en_end) continue;
      // This link lacks e: the other links with the word hold it joint[k, e] times.
      const std::uint32_t with = joint_of(k, e);
      const std::uint32_t other = ko_count[k] - 1;
      if (static_cast<double>(other) < options.min_links ||
          static_cast<double>(with) < options.min_share * static_cast<double>(other))
        continue;
      if (!found || with > seen_with) {
        found = true;
        worst = w - ko_begin[i];
        rendering = e;
        seen_with = with;
        others = other;
      }
    }
    if (!found) continue;
    const Bead& b = ctx.alignment[i];
    Stem word;
    std::size_t w = 0;
    visit_korean_stems(view.ko, b.ko_begin, b.ko_end, [&](const Stem& s) {
      if (w++ == worst) word = s;
    });
    // The rendering as text, for the message: the first link that holds it.
    std::string shown;  // a copy: the stems visited are views of a buffer made again each word
    const Bead& first = ctx.alignment[first_link[rendering]];
    visit_english_stems(view.en, first.en_begin, first.en_end, [&](std::string_view e) {
      if (shown.empty() && hash(e) == en_ids.hash(rendering)) shown.assign(e);
    });
    Finding f = bead_finding(check, Severity::kMinor, b);
    f.confidence = std::min(
        kTopConfidence, kBaseConfidence + kConfidencePerLink *
                                              (static_cast<double>(seen_with) - options.min_links));
    f.ko_spans.push_back(word.span);
    f.message = fmt::format(
        "“{}” is rendered with “{}…” in {} of its {} other links, but not here: the word may be "
        "left out or mistranslated",
        word.word, shown, seen_with, others);
    f.evidence = {{"word", std::string(word.word), shown + "…"}};
    out.push_back(std::move(f));
  }
}

}  // namespace kealign::qa_detail
