// The text layer: reading a document, validating it, and views of it that keep byte offsets into
// the original text so every later stage (segments, links, findings) can point back at the source.
//
//   kealign::Document doc = kealign::read_document("ko.txt");  // UTF-8; BOM and CRLF allowed
//   kealign::Document old = kealign::read_document("old.txt", {"cp949"});  // converted to UTF-8
//   for (kealign::Span line : kealign::lines(doc)) std::cout << doc.view(line) << '\n';
//   kealign::Span span = kealign::lines(doc).front();
//   kealign::NormalizedText n = kealign::normalize(doc.view(span), span.begin);
//   kealign::Span back = n.source_span({0, 5});  // offsets in doc.text
//
// Offsets are bytes into Document::text. For UTF-8 input that is the file itself, byte for byte (a
// BOM is kept and skipped by body()); for input read with a legacy encoding it is the UTF-8
// conversion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/export.hpp"

namespace kealign {

// A half-open byte range [begin, end) into a Document's text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return end == begin; }
  friend bool operator==(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }
};

struct ReadOptions {
  std::string encoding = "utf-8";  // "utf-8", "euc-kr" or "cp949" (legacy input is converted)
  std::size_t max_bytes = std::size_t{1} << 31;       // larger inputs are refused, not truncated
  std::size_t max_line_bytes = std::size_t{8} << 20;  // a longer line is refused: no prose has one

  bool utf8() const;  // whether `encoding` names UTF-8, in any case
};

// How to read a Korean-English pair: common limits, and an encoding per side where they differ (a
// legacy EUC-KR Korean file often comes with a UTF-8 English one).
struct PairReadOptions {
  ReadOptions common;       // limits, and the encoding of both sides unless overridden
  std::string ko_encoding;  // the Korean input's encoding; "" = common.encoding
  std::string en_encoding;  // the English input's encoding; "" = common.encoding

  ReadOptions korean() const { return with_encoding(ko_encoding); }
  ReadOptions english() const { return with_encoding(en_encoding); }

 private:
  ReadOptions with_encoding(const std::string& encoding) const {
    ReadOptions r = common;
    if (!encoding.empty()) r.encoding = encoding;
    return r;
  }
};

struct KEALIGN_EXPORT Document {
  std::string name;            // the path or label used in error messages
  std::string text;            // valid UTF-8, without NUL bytes
  std::size_t body_begin = 0;  // 3 when text starts with a UTF-8 BOM, else 0
  bool converted = false;      // true when text is a conversion from a legacy encoding

  std::string_view view(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
  std::string_view body() const { return std::string_view(text).substr(body_begin); }
  Span body_span() const { return {body_begin, text.size()}; }
  // 1-based line number of a byte offset (for messages; linear in the offset).
  std::size_t line_of(std::size_t byte) const;
};

// Reads and validates a file ("-" is standard input). Throws IoError when it cannot be read and
// InputError (file, line, byte) for invalid UTF-8, NUL bytes, an unknown encoding, oversize input
// or a line longer than max_line_bytes (a binary file or a dump, not an article).
// Invalid UTF-8 that looks like EUC-KR/CP949 says so and names the --encoding option.
KEALIGN_EXPORT Document read_document(const std::string& path, const ReadOptions& options = {});

// The same validation for text already in memory; name is used in messages.
KEALIGN_EXPORT Document make_document(std::string name, std::string bytes,
                                      const ReadOptions& options = {});

// Lines of the body, without their terminator: LF, CRLF, CR alone, NEL (U+0085), LINE SEPARATOR
// (U+2028) or PARAGRAPH SEPARATOR (U+2029). An empty body has no lines; a final line without
// terminator counts.
KEALIGN_EXPORT std::vector<Span> lines(const Document& doc);

// Paragraphs: maximal runs of lines that are not blank (white space only), each spanning from the
// start of its first line to the end of its last. U+2029 ends a paragraph too.
KEALIGN_EXPORT std::vector<Span> paragraphs(const Document& doc);

// True for the code points kealign treats as white space (ASCII space and controls, NBSP, U+2000..,
// ideographic space, BOM/ZWSP/ZWNBSP which scraped text carries).
KEALIGN_EXPORT bool is_space(char32_t c);

// Whether text is well-formed UTF-8 (Unicode table 3-7: no overlong forms, surrogates or code
// points past U+10FFFF).
KEALIGN_EXPORT bool is_utf8(std::string_view text);

// Decodes one UTF-8 code point at text[i] (text must be valid UTF-8); advances i.
KEALIGN_EXPORT char32_t next_code_point(std::string_view text, std::size_t& i);
// Decodes the code point that ends just before text[i] (0 < i <= size); moves i back to its start.
KEALIGN_EXPORT char32_t previous_code_point(std::string_view text, std::size_t& i);
// The start of the code point text[i] falls in (i itself at a boundary or at the end).
KEALIGN_EXPORT std::size_t code_point_start(std::string_view text, std::size_t i);
KEALIGN_EXPORT std::size_t code_point_count(std::string_view text);
KEALIGN_EXPORT void append_utf8(std::string& out, char32_t c);
KEALIGN_EXPORT std::string to_utf8(std::u32string_view text);  // append_utf8 of every code point

// A normalised copy of a piece of text that remembers where each byte came from.
struct KEALIGN_EXPORT NormalizedText {
  std::string text;                 // NFC, white-space runs folded to one space, trimmed
  std::vector<std::size_t> origin;  // origin[i]: source offset of text[i]; origin[size] = end

  // The source range covering a range of the normalised text.
  Span source_span(Span normalized) const;
};

// NFC-normalises and folds white space of `source`; offsets in the result's origin map are
// base + offset into source.
KEALIGN_EXPORT NormalizedText normalize(std::string_view source, std::size_t base = 0);

// White space folded to single spaces and trimmed, without NFC (cheap; for display and output).
KEALIGN_EXPORT std::string fold_space(std::string_view text);

// The bytes of a whole file, not validated (read_document validates); IoError when it cannot be
// opened.
KEALIGN_EXPORT std::string read_bytes(const std::string& path);

// Escapes tab, newline, carriage return and backslash as \t, \n, \r, \\ for a TSV cell.
KEALIGN_EXPORT std::string escape_tsv(std::string_view cell);
KEALIGN_EXPORT std::string unescape_tsv(std::string_view cell);

// The tab-separated cells of one row of a TSV file, as views into the row.
KEALIGN_EXPORT std::vector<std::string_view> tab_cells(std::string_view row);

}  // namespace kealign
