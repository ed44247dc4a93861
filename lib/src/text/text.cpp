#include "kealign/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "kealign/error.hpp"
#include "line_break.hpp"

namespace kealign {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Length of the valid UTF-8 sequence at text[i], or 0 when it is invalid (overlong forms,
// surrogates and code points above U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (b(1) < lo || b(1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (b(k) < 0x80 || b(k) > 0xBF) return 0;
  return n;
}

using text_detail::find_line_break;

std::size_t line_at(std::string_view text, std::size_t byte) {
  return 1 + text_detail::count_line_breaks(text, 0, std::min(byte, text.size()));
}

// EUC-KR/CP949 double-byte characters: lead 0x81..0xFE, trail 0x41..0xFE. The guess is worth
// stating when two or more such pairs follow the first invalid byte and the text around it has more
// invalid bytes than valid UTF-8 characters beyond ASCII: not for a UTF-8 file with a stray byte.
bool looks_like_legacy_korean(std::string_view text, std::size_t from) {
  int pairs = 0;
  for (std::size_t i = from; i + 1 < text.size() && i < from + 4096; ++i) {
    const auto a = static_cast<unsigned char>(text[i]);
    const auto b = static_cast<unsigned char>(text[i + 1]);
    if (a >= 0x81 && a <= 0xFE && b >= 0x41 && b <= 0xFE) {
      ++pairs;
      ++i;
    }
  }
  if (pairs < 2) return false;
  std::size_t valid = 0, invalid = 0;
  const std::size_t begin = from > 4096 ? from - 4096 : 0;
  for (std::size_t i = begin; i < text.size() && i < from + 4096;) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(text, i);
    if (n > 1) {
      ++valid;
      i += n;
    } else {
      ++invalid;
      ++i;
    }
  }
  return invalid > valid;
}

}  // namespace

bool is_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // most of the text: no call
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

namespace {

// A NUL byte marks a binary (or UTF-16) file. Looked for before decoding: a binary file's first
// undecodable byte is seldom its first NUL, and the legacy-encoding hint would then mislead.
void reject_nul(const std::string& name, std::string_view bytes) {
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos)
    throw InputError(name, line_at(bytes, nul), nul,
                     "NUL byte: this looks like a binary file (or UTF-16), not text");
}

void validate_utf8(const std::string& name, std::string_view text) {
  reject_nul(name, text);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      std::string problem = "invalid UTF-8 byte 0x";
      static const char* hex = "0123456789ABCDEF";
      const auto c = static_cast<unsigned char>(text[i]);
      problem += hex[c >> 4];
      problem += hex[c & 15];
      if (looks_like_legacy_korean(text, i))
        problem +=
            " (the file looks like EUC-KR/CP949: pass --encoding cp949, or --ko-encoding cp949 for "
            "the Korean input of a pair alone)";
      throw InputError(name, line_at(text, i), i, problem);
    }
    i += n;
  }
}

std::string convert_legacy(const std::string& name, const std::string& bytes,
                           const std::string& encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(encoding.c_str(), &status),
                                                          &ucnv_close);
  if (U_FAILURE(status)) throw UsageError("unknown encoding '" + encoding + "'");
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString out;
  const char* src = bytes.data();
  const char* const limit = bytes.data() + bytes.size();
  std::vector<UChar> buffer(1 << 14);
  while (true) {
    UChar* target = buffer.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buffer.data() + buffer.size(), &src, limit, nullptr, true,
                   &status);
    out.append(buffer.data(), static_cast<int32_t>(target - buffer.data()));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      // src stops just after the offending sequence; report where that sequence began.
      char bad[8];
      int8_t len = sizeof bad;
      UErrorCode st2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(conv.get(), bad, &len, &st2);
      const std::size_t at = static_cast<std::size_t>(src - bytes.data()) - (len > 0 ? len : 0);
      std::string problem = "byte sequence not valid in " + encoding;
      if (is_utf8(bytes)) problem += " (the file is UTF-8: read it as utf-8)";
      throw InputError(name, line_at(bytes, at), at, problem);
    }
    break;
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

void check_line_lengths(const std::string& name, std::string_view text, std::size_t limit) {
  std::size_t line = 1;
  for (std::size_t start = 0; start < text.size(); ++line) {
    const text_detail::LineBreak br = find_line_break(text, start);
    if (br.at - start > limit)
      throw InputError(name, line, start,
                       "line is " + std::to_string(br.at - start) +
                           " bytes long, more than the limit of " + std::to_string(limit) +
                           " (--max-line-bytes)");
    start = br.at + br.length;
  }
}

}  // namespace

std::size_t Document::line_of(std::size_t byte) const {
  return line_at(text, byte);
}

namespace {

std::string lowercase(std::string name) {
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

}  // namespace

bool ReadOptions::utf8() const {
  const std::string enc = lowercase(encoding);
  return enc == "utf-8" || enc == "utf8";
}

Document make_document(std::string name, std::string bytes, const ReadOptions& options) {
  if (bytes.size() > options.max_bytes)
    throw InputError(name, 0, std::string::npos,
                     "input is " + std::to_string(bytes.size()) +
                         " bytes, more than the limit of " + std::to_string(options.max_bytes));
  Document doc;
  const std::string enc = lowercase(options.encoding);
  if (options.utf8()) {
    validate_utf8(name, bytes);
    doc.text = std::move(bytes);
  } else if (enc == "euc-kr" || enc == "euckr" || enc == "cp949" || enc == "uhc" ||
             enc == "windows-949") {
    reject_nul(name, bytes);
    // CP949 is a superset of EUC-KR, so both decode with the wider table.
    doc.text =
        convert_legacy(name, bytes, enc == "euc-kr" || enc == "euckr" ? "EUC-KR" : "windows-949");
    doc.converted = true;
  } else {
    throw UsageError("unknown encoding '" + options.encoding + "' (use utf-8, euc-kr or cp949)");
  }
  check_line_lengths(name, doc.text, options.max_line_bytes);
  if (std::string_view(doc.text).substr(0, 3) == kBom) doc.body_begin = 3;
  doc.name = std::move(name);
  return doc;
}

namespace {

// A stream of unknown length (standard input, a pipe, a device): read in chunks, refused as soon
// as it shows a NUL byte (/dev/zero, a binary) or outgrows the limit (an endless source).
std::string read_bounded(std::istream& in, const std::string& name, const ReadOptions& options) {
  std::string bytes;
  std::vector<char> chunk(std::size_t{1} << 16);
  std::size_t line_start = 0;  // where the last line begins: an endless line is refused early
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    const std::size_t before = bytes.size();
    bytes.append(chunk.data(), got);
    if (const std::size_t nul = std::string_view(bytes).find('\0', before); nul != bytes.npos)
      throw InputError(name, line_at(bytes, nul), nul,
                       "NUL byte: this looks like a binary file (or UTF-16), not text");
    if (bytes.size() > options.max_bytes)
      throw InputError(name, 0, std::string::npos,
                       "input is more than the limit of " + std::to_string(options.max_bytes) +
                           " bytes (an endless or special file?)");
    for (text_detail::LineBreak br = find_line_break(bytes, before > 2 ? before - 2 : 0);
         br.length != 0; br = find_line_break(bytes, br.at + br.length))
      line_start = std::max(line_start, br.at + br.length);
    if (bytes.size() - line_start > options.max_line_bytes + 3)
      throw InputError(name, line_at(bytes, line_start), line_start,
                       "line is more than the limit of " + std::to_string(options.max_line_bytes) +
                           " bytes (--max-line-bytes)");
  }
  if (in.bad()) throw IoError(name, "read failed");
  return bytes;
}

}  // namespace

Document read_document(const std::string& path, const ReadOptions& options) {
  std::string bytes;
  if (path == "-")
    return make_document("<stdin>", read_bounded(std::cin, "<stdin>", options), options);
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) throw IoError(path, "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path, "cannot open for reading");
  if (!std::filesystem::is_regular_file(status))  // a device or a FIFO: its size is unknown
    return make_document(path, read_bounded(in, path, options), options);
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw IoError(path, "cannot read (not a regular file?)");
  if (static_cast<std::size_t>(size) > options.max_bytes)
    throw InputError(path, 0, std::string::npos,
                     "file is " + std::to_string(size) + " bytes, more than the limit of " +
                         std::to_string(options.max_bytes));
  in.seekg(0);
  bytes.resize(static_cast<std::size_t>(size));
  if (size > 0 && !in.read(bytes.data(), size)) throw IoError(path, "read failed");
  return make_document(path, std::move(bytes), options);
}

std::vector<Span> lines(const Document& doc) {
  std::vector<Span> out;
  const std::string_view t = doc.text;
  std::size_t start = doc.body_begin;
  while (start < t.size()) {
    const text_detail::LineBreak br = find_line_break(t, start);
    out.push_back({start, br.at});
    if (br.length == 0) break;
    start = br.at + br.length;
  }
  return out;
}

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

char32_t next_code_point(std::string_view t, std::size_t& i) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t cp = c & (0x7F >> n);
  for (int k = 1; k < n && i + k < t.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(t[i + k]) & 0x3F);
  i += n;
  return cp;
}

std::size_t code_point_start(std::string_view t, std::size_t i) {
  while (i > 0 && i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
  return i;
}

char32_t previous_code_point(std::string_view t, std::size_t& i) {
  i = code_point_start(t, i - 1);
  std::size_t at = i;
  return next_code_point(t, at);
}

std::size_t code_point_count(std::string_view t) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < t.size(); next_code_point(t, i)) ++n;
  return n;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

std::vector<Span> paragraphs(const Document& doc) {
  std::vector<Span> out;
  bool open = false;
  for (Span line : lines(doc)) {
    const std::string_view v = doc.view(line);
    bool blank = true;
    for (std::size_t i = 0; i < v.size() && blank;) blank = is_space(next_code_point(v, i));
    if (blank) {
      open = false;
    } else if (open) {
      out.back().end = line.end;
    } else {
      out.push_back(line);
      open = true;
    }
    if (text_detail::is_paragraph_separator(doc.text, line.end)) open = false;  // U+2029
  }
  return out;
}

Span NormalizedText::source_span(Span n) const {
  if (origin.empty()) return {};
  const std::size_t b = origin[std::min(n.begin, origin.size() - 1)];
  const std::size_t e = n.end == 0 ? b : origin[std::min(n.end, origin.size() - 1)];
  return {b, std::max(b, e)};
}

std::string fold_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  for (std::size_t i = 0; i < text.size();) {
    // The run of code points up to the next white space, appended at once.
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t next = end;
      const auto byte = static_cast<unsigned char>(text[end]);
      if (byte < 0x80) {
        if (byte == ' ' || (byte >= 0x09 && byte <= 0x0D)) break;
        ++next;
      } else if (byte >= 0xE4 && byte <= 0xEE && text.size() - end >= 3) {
        next += 3;  // U+4000 to U+EFFF (Hangul syllables among them): no white space there
      } else if (byte >= 0xC3 && byte <= 0xDF && text.size() - end >= 2) {
        next += 2;  // U+00C0 to U+07FF: none either
      } else if (is_space(next_code_point(text, next))) {
        break;
      }
      end = next;
    }
    if (end > i) {
      if (pending) out += ' ';
      pending = false;
      out.append(text.substr(i, end - i));
      i = end;
      if (i >= text.size()) break;
    }
    next_code_point(text, i);  // white space
    pending = !out.empty();
  }
  return out;
}

NormalizedText normalize(std::string_view source, std::size_t base) {
  NormalizedText out;
  out.text.reserve(source.size());
  out.origin.reserve(source.size() + 1);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  bool pending_space = false;
  std::size_t space_at = 0;
  std::size_t i = 0;
  while (i < source.size()) {
    const std::size_t at = i;
    const char32_t c = next_code_point(source, i);
    if (is_space(c)) {
      if (!out.text.empty() && !pending_space) space_at = at;
      pending_space = !out.text.empty();
      continue;
    }
    // A chunk runs from this starter to the next code point with an NFC boundary before it, so
    // composition never crosses chunks; every output byte maps to the chunk's start.
    std::size_t end = i;
    while (end < source.size()) {
      std::size_t j = end;
      const char32_t d = next_code_point(source, j);
      if (is_space(d) || nfc->hasBoundaryBefore(static_cast<UChar32>(d))) break;
      end = j;
    }
    if (pending_space) {
      out.text += ' ';
      out.origin.push_back(base + space_at);
      pending_space = false;
    }
    const std::string_view chunk = source.substr(at, end - at);
    const std::size_t before = out.text.size();
    if (end - at == i - at && c < 0x300) {
      out.text.append(chunk);  // fast path: a lone code point below the combining range
    } else {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())));
      status = U_ZERO_ERROR;
      icu::UnicodeString n = nfc->normalize(u, status);
      if (U_FAILURE(status)) n = u;
      n.toUTF8String(out.text);
    }
    if (out.text.size() - before == chunk.size()) {
      for (std::size_t k = 0; k < chunk.size(); ++k) out.origin.push_back(base + at + k);
    } else {
      out.origin.insert(out.origin.end(), out.text.size() - before, base + at);
    }
    i = end;
  }
  std::size_t last = source.size();
  if (!out.origin.empty()) {
    // the end maps just past the last kept character, not past trailing white space
    std::size_t k = out.origin.back() - base;
    while (k < source.size()) {
      std::size_t j = k;
      const char32_t d = next_code_point(source, j);
      if (is_space(d)) break;
      k = j;
    }
    last = k;
  }
  out.origin.push_back(base + (out.text.empty() ? 0 : last));
  return out;
}

}  // namespace kealign
