// Helpers shared by the checks: findings for a bead, code-point classes, scanning a link's side
// across its segments, and short excerpts of evidence for messages.
#pragma once

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/check.hpp"

namespace kealign::qa_detail {

// The ids [begin, end).
std::vector<std::uint32_t> id_range(std::uint32_t begin, std::uint32_t end);

// A finding on every segment of a bead, without evidence yet.
Finding bead_finding(std::string_view check, Severity severity, const Bead& bead);

// One way a term or name is written in the English, with the segments and evidence where it is.
struct Variant {
  std::string shown;                       // as the message quotes it, marks included
  std::set<std::uint32_t> ko_ids, en_ids;  // segments involved
  std::vector<Span> ko_spans, en_spans;    // evidence
};

// A minor finding on every segment of the variants, its message `lead` followed by the variants
// and where they are: “A” (English segment 3) and “B” (English segments 5, 7).
Finding variants_finding(std::string_view check, const std::vector<Variant>& variants,
                         std::string_view lead);

// A set of bytes, for scanning text for the few bytes that can start what a check looks for (the
// lead byte of a quotation mark or bracket): one table look-up a byte.
class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) has_[static_cast<unsigned char>(c)] = true;
  }
  constexpr bool has(char c) const { return has_[static_cast<unsigned char>(c)]; }
  // The first byte of text at or after `from` in the set, or npos.
  std::size_t find_in(std::string_view text, std::size_t from = 0) const {
    for (std::size_t i = from; i < text.size(); ++i)
      if (has_[static_cast<unsigned char>(text[i])]) return i;
    return std::string_view::npos;
  }

 private:
  bool has_[256] = {};
};

// One segment of a link's side: its text and where that text starts in the document.
struct Piece {
  std::uint32_t segment = 0;
  std::string_view text;
  std::size_t base = 0;  // byte offset of text[0] in the document
};
// A link's pieces. Every check asks for each link's: most links have one or two segments, kept
// without an allocation.
class Pieces {
 public:
  static constexpr std::size_t kInline = 4;
  void push_back(const Piece& p) {
    if (size_ < kInline) {
      inline_[size_] = p;
    } else {
      if (size_ == kInline) more_.assign(inline_.begin(), inline_.end());
      more_.push_back(p);
    }
    ++size_;
  }
  const Piece* begin() const { return size_ <= kInline ? inline_.data() : more_.data(); }
  const Piece* end() const { return begin() + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const Piece& operator[](std::size_t i) const { return begin()[i]; }
  const Piece& front() const { return *begin(); }
  const Piece& back() const { return begin()[size_ - 1]; }

 private:
  std::array<Piece, kInline> inline_;
  std::vector<Piece> more_;
  std::size_t size_ = 0;
};
// In line: every check asks for every link's.
inline Pieces side_pieces(const SegmentedText& text, std::uint32_t begin, std::uint32_t end) {
  Pieces out;
  for (std::uint32_t i = begin; i < end && i < text.size(); ++i)
    out.push_back({i, text.raw(i), text.segments[i].span.begin});
  return out;
}

// The bead holding each segment of one side (index = segment id).
std::vector<std::uint32_t> bead_of_ko(const Alignment& alignment, std::size_t ko_count);
std::vector<std::uint32_t> bead_of_en(const Alignment& alignment, std::size_t en_count);

bool is_hangul(char32_t c);  // syllables and jamo
bool is_han(char32_t c);     // CJK ideographs (Hanja)
bool is_latin_letter(char32_t c);
bool is_letter(char32_t c);  // any script (ICU)
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool has_hangul(std::string_view text);
bool has_letter(std::string_view text);

// The code point before text[i] (0 at the start) and at text[i] (0 at the end).
char32_t code_point_before(std::string_view text, std::size_t i);
char32_t code_point_at(std::string_view text, std::size_t i);

// Evidence for a message: text[span] quoted, white space folded, cut to about max_chars code
// points with "…" (the cut keeps both ends when context matters).
std::string quote_excerpt(std::string_view text, std::size_t max_chars = 60);

// text[at - before, at + after) in code points, folded, with "…" where it was cut.
std::string context_around(std::string_view text, std::size_t at, std::size_t before = 30,
                           std::size_t after = 30);

// context_around for an offset in the English document, cut to the bead's segment holding it.
std::string english_evidence(const SegmentedText& en, const Bead& bead, std::size_t at,
                             std::size_t before, std::size_t after);

}  // namespace kealign::qa_detail

namespace kealign::qa_detail {

// Text damaged by scraping: an HTML entity ("&#8217;", "&amp;"), an HTML tag ("<br>", "</p>"),
// mojibake (curly quotes decoded through CP949: "¡¯", "¡°"; UTF-8 read as Latin-1: "Ã©", "â€™") or
// U+FFFD. Spans are offsets in text plus base.
enum class Damage { kEntity, kTag, kMojibake, kReplacement };
struct Damaged {
  Span span;
  Damage kind;
};
std::vector<Damaged> damaged_spans(std::string_view text, std::size_t base = 0);

// Whether [begin, end) overlaps one of the spans.
bool overlaps(const std::vector<Damaged>& damaged, std::size_t begin, std::size_t end);

}  // namespace kealign::qa_detail
