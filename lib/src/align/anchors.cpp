// Anchor scorers (numbers, shared tokens, punctuation, furniture) and the anchor matrix the search
// reads. Keys meet when both sides produce the same one; a key's weight falls with how often it
// occurs nearby, so "2013" is strong evidence and "1" in a numbered list is weak.
#include <unicode/uchar.h>
#include "abbreviations.hpp"
#include "script.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory_resource>
#include <unordered_map>

#include "align_internal.hpp"
#include "align_tokens.hpp"
#include "kealign/text.hpp"
#include "utf8_inline.hpp"

namespace kealign::align_detail {
namespace {

using lang::is_han;
using lang::is_hangul;

TokenKind kind_of(char32_t c) {
  if (c < 0x80) {  // the same answers as ICU's, without a call per character
    if (c >= '0' && c <= '9') return TokenKind::kNumber;
    const char32_t lower = c | 0x20;
    return lower >= 'a' && lower <= 'z' ? TokenKind::kLetters : TokenKind::kPunctuation;
  }
  if (u_isdigit(static_cast<UChar32>(c))) return TokenKind::kNumber;
  if (is_hangul(c)) return TokenKind::kHangul;
  if (is_han(c)) return TokenKind::kHan;
  if (u_isalpha(static_cast<UChar32>(c))) return TokenKind::kLetters;
  return TokenKind::kPunctuation;
}

using text_detail::next_code_point_inline;

// is_space with ASCII answered here: tokenize asks it for every character of both texts, and the
// general one is a call into another file.
bool is_blank(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return is_space(c);
}

std::uint64_t hash_text(std::string_view s) {
  return std::hash<std::string_view>{}(s);
}

// Latin-script (or other alphabetic) tokens shorter than this count only as acronyms.
constexpr std::size_t kMinWordCodePoints = 4;
// Longer tokens meet on this prefix, so inflected forms and cognates match (September/septembre).
constexpr std::size_t kCognatePrefix = 4;

class NumberScorer : public SegmentScorer {
 public:
  void annotate(const SegmentedText& text, Side, SideProfile& profile) const override {
    for (std::size_t i = 0; i < text.size(); ++i)
      for (const Token& t : profile.tokens[i])
        if (t.kind == TokenKind::kNumber)
          profile.keys[i].push_back(make_key(KeyFamily::kNumber, hash_text(t.text)));
  }
};

class TokenScorer : public SegmentScorer {
 public:
  void annotate(const SegmentedText& text, Side, SideProfile& profile) const override {
    for (std::size_t i = 0; i < text.size(); ++i)
      for (const Token& t : profile.tokens[i]) {
        if (t.kind != TokenKind::kLetters) continue;
        const std::size_t n = count_code_points(t.text);
        if (n >= kMinWordCodePoints)
          profile.keys[i].push_back(
              make_key(KeyFamily::kToken, hash_text(prefix_code_points(t.text, kCognatePrefix))));
        else if (n >= 2 && t.upper)
          profile.keys[i].push_back(make_key(KeyFamily::kToken, hash_text(t.text)));
      }
  }
};

// Punctuation that translations keep: question and exclamation marks, opening quotation marks
// (double and single kept apart: Korean news quotes speech with double marks and headlines with
// single ones), brackets, per cent. Straight double quotes count one per pair.
class PunctuationScorer : public SegmentScorer {
 public:
  void annotate(const SegmentedText& text, Side, SideProfile& profile) const override {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const std::string_view s = text.raw(i);
      std::size_t straight = 0;
      for (std::size_t k = 0; k < s.size();) {
        const char32_t c = next_code_point(s, k);
        if (c == U'"') ++straight;
        if (const char* cls = punctuation_class(c))
          profile.keys[i].push_back(make_key(KeyFamily::kPunctuation, hash_text(cls)));
      }
      for (std::size_t q = 0; q < (straight + 1) / 2; ++q)
        profile.keys[i].push_back(make_key(KeyFamily::kPunctuation, hash_text("\u201C")));
      profile.line_end[i] = line_end(s);
      if (!s.empty() && profile.line_end[i] != LineEnd::kSentence)
        profile.keys[i].push_back(make_key(KeyFamily::kShape, hash_text("headline")));
    }
  }

 private:
  // Headlines, labels and captions end without a full stop, in both languages.
  static LineEnd line_end(std::string_view s) {
    std::size_t k = s.size();
    while (k > 0) {
      std::size_t start = k - 1;
      while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
      std::size_t at = start;
      const char32_t c = next_code_point(s, at);
      switch (c) {
        case U'.':
        case U'?':
        case U'!':
        case U'。':
        case U'…':
          return LineEnd::kSentence;
        case U':':
        case U',':
        case U';':
        case U'-':
        case U'\u2013':
        case U'\u2014':
          return LineEnd::kClause;
        case U' ':
        case U'"':
        case U'”':
        case U'’':
        case U')':
        case U'»':
        case U'」':
        case U'』':
          k = start;
          continue;
        default:
          return LineEnd::kBare;
      }
    }
    return LineEnd::kBare;
  }

  static const char* punctuation_class(char32_t c) {
    switch (c) {
      case U'?':
      case U'？':
        return "?";
      case U'!':
      case U'！':
        return "!";
      case U'(':
      case U'[':
      case U'（':
      case U'〔':
      case U'【':
        return "(";
      case U'%':
      case U'％':
        return "%";
      case U'“':
      case U'„':
      case U'«':
      case U'『':
        return "\u201C";
      case U'‘':
      case U'‚':
      case U'‹':
      case U'「':
        return "\u2018";
      default:
        return nullptr;
    }
  }
};

// Segments a web page or a newspaper adds around an article, which a translation does not carry.
class FurnitureScorer : public SegmentScorer {
 public:
  void annotate(const SegmentedText& text, Side side, SideProfile& profile) const override {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const std::string s = lower(text.display(i));
      if (side == Side::kEnglish ? is_english_furniture(s) : is_korean_furniture(s))
        profile.alone[i] += kFurnitureOdds;
    }
  }

 private:
  static constexpr float kFurnitureOdds = 8.0f;

  static std::string lower(std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  }
  static bool starts_with(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
  }
  static bool contains(std::string_view s, std::string_view p) { return s.find(p) != s.npos; }

  static bool is_english_furniture(std::string_view s) {
    static const char* const kExact[] = {"- advertisement -",
                                         "advertisement",
                                         "share this post",
                                         "share this article",
                                         "related posts",
                                         "related articles",
                                         "no menu items!",
                                         "read more",
                                         "leave a reply",
                                         "share",
                                         "tweet",
                                         "print",
                                         "comments",
                                         "subscribe",
                                         "you may also like"};
    for (const char* e : kExact)
      if (s == e) return true;
    static const char* const kPrefix[] = {
        "source:", "photo:", "image:", "copyright", "©", "all rights reserved"};
    for (const char* p : kPrefix)
      if (starts_with(s, p)) return true;
    return false;
  }
  static bool is_korean_furniture(std::string_view s) {
    // Bylines ("홍길동 기자 gildong@donga.com") and copyright lines.
    if (contains(s, "기자") && contains(s, "@")) return true;
    return starts_with(s, "ⓒ") || starts_with(s, "©") || contains(s, "무단 전재") ||
           contains(s, "무단전재") || contains(s, "재배포 금지");
  }
};

struct Occurrence {
  std::uint32_t segment;
  float count;
};

using Occurrences = std::pmr::vector<Occurrence>;
using KeyIndex = std::pmr::unordered_map<Key, Occurrences>;

// Occurrences of every key on one side, grouped by key, in segment order; allocated from `arena`.
KeyIndex index_keys(const SideProfile& p, std::pmr::memory_resource* arena) {
  KeyIndex index(arena);
  for (std::uint32_t i = 0; i < p.size(); ++i)
    for (Key k : p.keys[i]) {
      auto& v = index[k];
      if (!v.empty() && v.back().segment == i)
        v.back().count += 1;
      else
        v.push_back({i, 1});
    }
  return index;
}

std::pair<std::size_t, std::size_t> range_of(const Occurrences& occ, std::int64_t lo,
                                             std::int64_t hi) {
  const auto cmp_lo = [](const Occurrence& o, std::int64_t v) { return o.segment < v; };
  const auto b = std::lower_bound(occ.begin(), occ.end(), lo, cmp_lo) - occ.begin();
  const auto e = std::lower_bound(occ.begin(), occ.end(), hi + 1, cmp_lo) - occ.begin();
  return {static_cast<std::size_t>(b), static_cast<std::size_t>(e)};
}

// Window (in segments, either way) over which a key's frequency is counted, so the weights are the
// same whether a document is aligned alone or inside a concatenation.
constexpr std::int64_t kFrequencyWindow = 40;
// The first block of build_anchor_matrix's arena; later ones grow from it.
constexpr std::size_t kIndexArenaBytes = std::size_t{32} << 10;
// Extra English segments beyond the band row's range a Korean segment may pair with.
constexpr std::int64_t kBeadReach = 3;

// Each occurrence's local frequency: the occurrences within kFrequencyWindow segments of it.
std::vector<double> local_frequencies(const Occurrences& occ) {
  std::vector<double> out(occ.size());
  std::size_t first = 0, last = 0;  // the window [first, last) of the current occurrence
  for (std::size_t k = 0; k < occ.size(); ++k) {
    const std::int64_t at = occ[k].segment;
    while (std::int64_t{occ[first].segment} < at - kFrequencyWindow) ++first;
    while (last < occ.size() && std::int64_t{occ[last].segment} <= at + kFrequencyWindow) ++last;
    out[k] = static_cast<double>(last - first);
  }
  return out;
}

// One contribution to a pair matrix, collected flat before the rows are built.
struct PairEntry {
  std::uint32_t ko;
  std::uint32_t en;
  float value;
};

// The rows of n Korean segments from flat entries, each row allocated once at its size (growing
// thousands of rows one entry at a time was most of building the matrix).
PairRows to_rows(const std::vector<PairEntry>& entries, std::size_t n) {
  std::vector<std::size_t> size(n, 0);
  for (const PairEntry& p : entries) ++size[p.ko];
  PairRows rows(n);
  for (std::size_t i = 0; i < n; ++i) rows[i].reserve(size[i]);
  for (const PairEntry& p : entries) rows[p.ko].emplace_back(p.en, p.value);
  return rows;
}

// Sorts each row by English segment and sums a pair's contributions (from the smallest).
void merge_rows(PairRows& rows) {
  for (auto& row : rows) sum_by_column(row);
}

}  // namespace

void sum_by_column(SparseRow& row) {
  std::sort(row.begin(), row.end());
  std::size_t kept = 0;
  for (std::size_t k = 0; k < row.size(); ++k) {
    if (kept > 0 && row[kept - 1].first == row[k].first)
      row[kept - 1].second += row[k].second;
    else
      row[kept++] = row[k];
  }
  row.resize(kept);
}

Key make_key(KeyFamily family, std::uint64_t value) {
  return (static_cast<std::uint64_t>(family) << 56) | (value & ((std::uint64_t{1} << 56) - 1));
}
KeyFamily key_family(Key key) {
  return static_cast<KeyFamily>(key >> 56);
}

// A low estimate of UTF-8 bytes per token (an English word and its space take about 6, a Korean
// word about 8), so that tokenize's vector is allocated once and rarely grows.
constexpr std::size_t kTokenBytes = 4;

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string_view prefix_code_points(std::string_view text, std::size_t count) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < count && i < text.size(); ++k) next_code_point(text, i);
  return text.substr(0, i);
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / kTokenBytes + 1);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point_inline(text, i);
    if (is_blank(c)) continue;
    const TokenKind kind = kind_of(c);
    Token t{kind, {}, false};
    if (kind == TokenKind::kPunctuation) {
      t.text.assign(text.substr(start, i - start));
      out.push_back(std::move(t));
      continue;
    }
    bool all_upper = true;
    std::size_t pos = start;
    while (pos < text.size()) {
      std::size_t next = pos;
      const char32_t d = next_code_point_inline(text, next);
      if (kind_of(d) == kind && !is_blank(d)) {
        if (kind == TokenKind::kLetters && d < 0x80) {
          if (d >= 'a') all_upper = false;  // a letter: a-z or A-Z
          t.text += static_cast<char>(d | 0x20);
        } else if (kind == TokenKind::kLetters) {
          if (!u_isupper(static_cast<UChar32>(d))) all_upper = false;
          append_utf8(t.text, static_cast<char32_t>(u_tolower(static_cast<UChar32>(d))));
        } else {
          t.text.append(text.substr(pos, next - pos));
        }
        pos = next;
        continue;
      }
      // 1,000 and 4.45 stay one number; the comma is dropped.
      if (kind == TokenKind::kNumber && (d == ',' || d == '.') && next < text.size() &&
          text[next] >= '0' && text[next] <= '9') {
        if (d == '.') t.text += '.';
        pos = next;
        continue;
      }
      break;
    }
    i = pos;
    t.upper = kind == TokenKind::kLetters && all_upper;
    out.push_back(std::move(t));
  }
  return out;
}

std::uint8_t inner_sentence_ends(std::string_view s) {
  constexpr std::uint8_t kMaxInnerEnds = 3;
  // Quotation marks that open (+1) or close (-1) a quotation; a straight one toggles (0).
  const auto quote = [](char32_t c, int& depth) {
    if (c == U'\u201C' || c == U'\u300C' || c == U'\u300E') return ++depth, true;
    if (c == U'\u201D' || c == U'\u300D' || c == U'\u300F')
      return depth = std::max(0, depth - 1), true;
    if (c == U'"') return depth = depth > 0 ? depth - 1 : 1, true;
    return false;
  };
  const auto closer = [](char32_t c) {
    return c == U'\'' || c == U')' || c == U']' || c == U'\u2019' || c == U'\u00BB';
  };
  std::uint8_t ends = 0;
  int depth = 0;         // open quotations: a quoted sentence ends inside the quoting one
  char32_t before = 0;   // the code point before the current one
  std::size_t word = 0;  // where the run of ASCII letters before the current code point starts
  for (std::size_t k = 0; k < s.size() && ends < kMaxInnerEnds;) {
    const std::size_t at = k;
    const char32_t c = next_code_point_inline(s, k);
    const bool letter = c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (quote(c, depth)) {
      // inside or outside a quotation
    } else if (c == U'.' || c == U'?' || c == U'!') {
      bool end = true;
      if (c == U'.') {
        std::u32string lower;
        for (std::size_t w = word; w < at; ++w) lower.push_back(static_cast<char32_t>(s[w] | 0x20));
        if ((before >= '0' && before <= '9') || lower.size() == 1 ||
            (!lower.empty() &&
             (lang::is_title_abbreviation(lower) || lang::is_month_abbreviation(lower) ||
              lang::is_number_abbreviation(lower))))
          end = false;
      }
      // Closing marks after it, then white space, opening marks and a capital or a Hangul
      // syllable.
      std::size_t next = k;
      char32_t d = 0;
      bool quoted = false;  // a quotation closes here: Korean goes on with its attribution
      while (next < s.size()) {
        const std::size_t here = next;
        d = next_code_point_inline(s, next);
        if (closer(d)) continue;
        if (depth > 0 && quote(d, depth)) {
          quoted = true;
          continue;
        }
        next = here;
        break;
      }
      k = next;
      if (end && depth == 0 && next < s.size() &&
          ((d = next_code_point_inline(s, next)) == U' ' || d == U'\t')) {
        while (next < s.size() && ((d = next_code_point_inline(s, next)) == U' ' || d == U'\t' ||
                                   d == U'(' || d == U'\u2018' || d == U'\u201C' || d == U'"')) {
        }
        if ((d >= 'A' && d <= 'Z') || (!quoted && lang::is_hangul_syllable(d))) ++ends;
      }
    }
    if (!letter) word = k;
    before = c;
  }
  return ends;
}

void annotate_basics(const SegmentedText& text, SideProfile& profile) {
  const std::size_t n = text.size();
  profile.length.resize(n);
  profile.keys.assign(n, {});
  profile.alone.assign(n, 0.0f);
  profile.line_end.assign(n, LineEnd::kSentence);
  profile.paragraph.resize(n);
  profile.inner_ends.resize(n);
  profile.tokens.resize(n);
  profile.stems.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view s = text.raw(i);
    profile.length[i] = length_units(s);
    profile.paragraph[i] = text.segments[i].paragraph;
    profile.inner_ends[i] = inner_sentence_ends(s);
    profile.tokens[i] = tokenize(s);
    profile.stems[i] = word_stems(profile.tokens[i]);
  }
}

std::unique_ptr<SegmentScorer> make_number_scorer() {
  return std::make_unique<NumberScorer>();
}
std::unique_ptr<SegmentScorer> make_token_scorer() {
  return std::make_unique<TokenScorer>();
}
std::unique_ptr<SegmentScorer> make_punctuation_scorer() {
  return std::make_unique<PunctuationScorer>();
}
std::unique_ptr<SegmentScorer> make_furniture_scorer() {
  return std::make_unique<FurnitureScorer>();
}

namespace {

// A key's weight by local frequency (a count up to max_frequency; 0 above it) and family. Kept per
// thread for the weights last asked for: every pass of every pair asks for the same ones, and the
// table costs 384 calls of pow.
const std::vector<std::array<double, kKeyFamilies>>& key_weights(const AnchorWeights& weights) {
  struct Table {
    std::array<double, kKeyFamilies> family{}, power{};
    std::size_t max_frequency = 0;
    std::vector<std::array<double, kKeyFamilies>> weight;
  };
  thread_local Table table;
  if (table.weight.empty() || table.family != weights.family ||
      table.power != weights.frequency_power || table.max_frequency != weights.max_frequency) {
    table.family = weights.family;
    table.power = weights.frequency_power;
    table.max_frequency = weights.max_frequency;
    table.weight.assign(weights.max_frequency + 1, {});
    for (std::size_t f = 1; f <= weights.max_frequency; ++f)
      for (std::size_t fam = 0; fam < kKeyFamilies; ++fam)
        table.weight[f][fam] =
            weights.family[fam] / std::pow(static_cast<double>(f), weights.frequency_power[fam]);
  }
  return table.weight;
}

}  // namespace

AnchorMatrix build_anchor_matrix(const SideProfile& ko, const SideProfile& en, const Band& band,
                                 const AnchorWeights& weights) {
  const std::size_t n = ko.size(), m = en.size();
  AnchorMatrix out;
  std::vector<PairEntry> sims, misses;  // of out.rows and out.miss_rows
  out.ko_mass.assign(n, 0.0f);
  out.en_mass.assign(m, 0.0f);
  out.ko_miss.assign(n, 0.0f);
  out.en_miss.assign(m, 0.0f);
  // The indexes' nodes and lists from one arena, released at once (a few hundred keys a page).
  std::pmr::monotonic_buffer_resource arena(kIndexArenaBytes);
  const KeyIndex ko_index = index_keys(ko, &arena);
  const KeyIndex en_index = index_keys(en, &arena);
  const std::vector<std::array<double, kKeyFamilies>>& weight_of = key_weights(weights);
  // English columns a Korean segment can meet in the band.
  const auto column_range = [&](std::uint32_t i) {
    const std::int64_t lo = std::int64_t{band.lo[i]} - kBeadReach;
    const std::int64_t hi = std::int64_t{band.hi[std::min<std::size_t>(i + 1, n)]} + kBeadReach;
    return std::make_pair(lo, hi);
  };
  // The inverse: Korean rows whose band reaches English segment j, found by scanning rows.
  std::vector<std::pair<std::int64_t, std::int64_t>> en_rows(m, {std::int64_t(n), -1});
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto [lo, hi] = column_range(i);
    for (std::int64_t j = std::max<std::int64_t>(lo, 0); j <= std::min<std::int64_t>(hi, m - 1);
         ++j) {
      en_rows[j].first = std::min<std::int64_t>(en_rows[j].first, i);
      en_rows[j].second = std::max<std::int64_t>(en_rows[j].second, i);
    }
  }
  for (const auto& [key, kocc] : ko_index) {
    const auto it = en_index.find(key);
    if (it == en_index.end()) continue;
    const auto& eocc = it->second;
    const auto fam = static_cast<std::size_t>(key_family(key));
    const auto weight = [&](double frequency) {
      return frequency > weights.max_frequency
                 ? 0.0
                 : weight_of[static_cast<std::size_t>(frequency)][fam];
    };
    const double miss = weights.unmatched[fam];
    const std::vector<double> kfreq = local_frequencies(kocc), efreq = local_frequencies(eocc);
    for (std::size_t ko_k = 0; ko_k < kocc.size(); ++ko_k) {
      const Occurrence& o = kocc[ko_k];
      const auto [lo, hi] = column_range(o.segment);
      const auto r = range_of(eocc, lo, hi);
      if (r.first == r.second) continue;  // no counterpart within reach: not anchorable here
      const double fk = kfreq[ko_k];
      out.ko_mass[o.segment] += static_cast<float>(weight(fk) * o.count);
      out.ko_miss[o.segment] += static_cast<float>(miss * weight(fk) * o.count);
      for (std::size_t k = r.first; k < r.second; ++k) {
        const double f = std::max(fk, efreq[k]);
        const double w = weight(f) * std::min(o.count, eocc[k].count);
        if (w > 0) sims.push_back({o.segment, eocc[k].segment, static_cast<float>(w)});
        if (w > 0 && miss > 0)
          misses.push_back({o.segment, eocc[k].segment, static_cast<float>(miss * w)});
      }
    }
    for (std::size_t en_k = 0; en_k < eocc.size(); ++en_k) {
      const Occurrence& o = eocc[en_k];
      const auto [rlo, rhi] = en_rows[o.segment];
      const auto r = range_of(kocc, rlo, rhi);
      if (r.first == r.second) continue;
      const double w = weight(efreq[en_k]) * o.count;
      out.en_mass[o.segment] += static_cast<float>(w);
      out.en_miss[o.segment] += static_cast<float>(miss * w);
    }
  }
  out.rows = to_rows(sims, n);
  out.miss_rows = to_rows(misses, n);
  merge_rows(out.rows);
  merge_rows(out.miss_rows);
  return out;
}

}  // namespace kealign::align_detail
