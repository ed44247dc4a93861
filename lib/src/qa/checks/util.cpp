#include "checks/util.hpp"
#include "script.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>

namespace kealign::qa_detail {
namespace {

constexpr std::string_view kEllipsis = "…";

// Byte offset `count` code points back from i (or 0).
std::size_t back_code_points(std::string_view text, std::size_t i, std::size_t count) {
  for (; i > 0 && count > 0; --count) i = code_point_start(text, i - 1);
  return i;
}

std::size_t forward_code_points(std::string_view text, std::size_t i, std::size_t count) {
  while (i < text.size() && count > 0) {
    next_code_point(text, i);
    --count;
  }
  return i;
}

std::vector<std::uint32_t> bead_of(const Alignment& alignment, std::size_t count, bool ko) {
  std::vector<std::uint32_t> out(count, 0);
  for (std::size_t b = 0; b < alignment.size(); ++b) {
    const std::uint32_t begin = ko ? alignment[b].ko_begin : alignment[b].en_begin;
    const std::uint32_t end = ko ? alignment[b].ko_end : alignment[b].en_end;
    for (std::uint32_t i = begin; i < end && i < count; ++i) out[i] = static_cast<std::uint32_t>(b);
  }
  return out;
}

// A variant as written, without the quotation marks the message puts around it.
std::string unquoted(const std::string& shown) {
  const std::string_view s = shown;
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"“", "”"},
                                    std::pair<std::string_view, std::string_view>{"‘", "’"}})
    if (s.size() >= open.size() + close.size() && s.substr(0, open.size()) == open &&
        s.substr(s.size() - close.size()) == close)
      return std::string(s.substr(open.size(), s.size() - open.size() - close.size()));
  return shown;
}

}  // namespace

std::vector<std::uint32_t> id_range(std::uint32_t begin, std::uint32_t end) {
  std::vector<std::uint32_t> ids;
  ids.reserve(end > begin ? end - begin : 0);
  for (std::uint32_t i = begin; i < end; ++i) ids.push_back(i);
  return ids;
}

Finding bead_finding(std::string_view check, Severity severity, const Bead& bead) {
  Finding f;
  f.check = std::string(check);
  f.severity = severity;
  f.ko_ids = id_range(bead.ko_begin, bead.ko_end);
  f.en_ids = id_range(bead.en_begin, bead.en_end);
  return f;
}

Finding variants_finding(std::string_view check, const std::vector<Variant>& variants,
                         std::string_view lead) {
  Finding f;
  f.check = std::string(check);
  f.severity = Severity::kMinor;
  std::set<std::uint32_t> ko, en;
  std::string forms;
  for (const Variant& v : variants) {
    ko.insert(v.ko_ids.begin(), v.ko_ids.end());
    en.insert(v.en_ids.begin(), v.en_ids.end());
    f.en_spans.insert(f.en_spans.end(), v.en_spans.begin(), v.en_spans.end());
    f.ko_spans.insert(f.ko_spans.end(), v.ko_spans.begin(), v.ko_spans.end());
    std::string ids;
    for (auto i : v.en_ids) ids += (ids.empty() ? "" : ", ") + std::to_string(i);
    forms += fmt::format("{}{} (English segment{} {})", forms.empty() ? "" : " and ", v.shown,
                         v.en_ids.size() > 1 ? "s" : "", ids);
    f.evidence.push_back({"variant", "", unquoted(v.shown)});
  }
  f.ko_ids.assign(ko.begin(), ko.end());
  f.en_ids.assign(en.begin(), en.end());
  f.message = std::string(lead) + forms;
  return f;
}

std::vector<std::uint32_t> bead_of_ko(const Alignment& alignment, std::size_t ko_count) {
  return bead_of(alignment, ko_count, true);
}

std::vector<std::uint32_t> bead_of_en(const Alignment& alignment, std::size_t en_count) {
  return bead_of(alignment, en_count, false);
}

bool is_hangul(char32_t c) {
  return lang::is_hangul(c);
}

bool is_han(char32_t c) {
  return u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SCRIPT) == USCRIPT_HAN;
}

bool is_latin_letter(char32_t c) {
  return u_isalpha(static_cast<UChar32>(c)) &&
         u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SCRIPT) == USCRIPT_LATIN;
}

bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');  // no property lookup
  return u_isalpha(static_cast<UChar32>(c));
}
bool is_upper(char32_t c) {
  return u_isupper(static_cast<UChar32>(c));
}
bool is_lower(char32_t c) {
  return u_islower(static_cast<UChar32>(c));
}

bool has_hangul(std::string_view text) {
  for (std::size_t i = 0; i < text.size();)
    if (is_hangul(next_code_point(text, i))) return true;
  return false;
}

bool has_letter(std::string_view text) {
  for (std::size_t i = 0; i < text.size();)
    if (is_letter(next_code_point(text, i))) return true;
  return false;
}

char32_t code_point_before(std::string_view text, std::size_t i) {
  return i == 0 ? 0 : previous_code_point(text, i);
}

char32_t code_point_at(std::string_view text, std::size_t i) {
  return i < text.size() ? next_code_point(text, i) : 0;
}

std::string quote_excerpt(std::string_view text, std::size_t max_chars) {
  const std::string folded = fold_space(text);
  const std::string_view f(folded);
  if (code_point_count(f) <= max_chars) return "\"" + folded + "\"";
  const std::size_t head = forward_code_points(f, 0, max_chars / 2);
  const std::size_t tail = back_code_points(f, f.size(), max_chars / 2);
  return "\"" + std::string(f.substr(0, head)) + std::string(kEllipsis) +
         std::string(f.substr(tail)) + "\"";
}

std::string context_around(std::string_view text, std::size_t at, std::size_t before,
                           std::size_t after) {
  const std::size_t from = back_code_points(text, at, before);
  const std::size_t to = forward_code_points(text, at, after);
  std::string out = from > 0 ? std::string(kEllipsis) : std::string();
  out += fold_space(text.substr(from, to - from));
  if (to < text.size()) out += kEllipsis;
  return "\"" + out + "\"";
}

std::string english_evidence(const SegmentedText& en, const Bead& bead, std::size_t at,
                             std::size_t before, std::size_t after) {
  for (std::uint32_t i = bead.en_begin; i < bead.en_end; ++i) {
    const Span s = en.segments[i].span;
    if (at >= s.begin && at < s.end)
      return context_around(en.document.view(s), at - s.begin, before, after);
  }
  return context_around(en.document.text, at, before, after);
}

}  // namespace kealign::qa_detail

namespace kealign::qa_detail {
namespace {

bool ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// "&#8217;", "&#x2019;", "&amp;": the length of the entity at text[i] ('&'), or 0.
std::size_t entity_at(std::string_view t, std::size_t i) {
  std::size_t j = i + 1;
  if (j < t.size() && t[j] == '#') {
    ++j;
    const bool hex = j < t.size() && (t[j] == 'x' || t[j] == 'X');
    if (hex) ++j;
    const std::size_t digits = j;
    while (
        j < t.size() && j - digits < 7 &&
        ((t[j] >= '0' && t[j] <= '9') || (hex && std::isxdigit(static_cast<unsigned char>(t[j])))))
      ++j;
    if (j == digits) return 0;
  } else {
    const std::size_t letters = j;
    while (j < t.size() && j - letters < 8 && ascii_alpha(t[j])) ++j;
    if (j - letters < 2) return 0;
  }
  return j < t.size() && t[j] == ';' ? j + 1 - i : 0;
}

// "<br>", "<br/>", "</p>", "<a href=...>": the length of the tag at text[i] ('<'), or 0. Only
// lowercase names of common HTML elements count: "<Name>" placeholders are help-text syntax.
std::size_t tag_at(std::string_view t, std::size_t i) {
  static constexpr std::string_view kNames[] = {"br",  "p",      "a",    "b",   "i",
                                                "em",  "strong", "span", "div", "font",
                                                "img", "li",     "ul",   "td",  "tr"};
  std::size_t j = i + 1;
  if (j < t.size() && t[j] == '/') ++j;
  const std::size_t name = j;
  while (j < t.size() && t[j] >= 'a' && t[j] <= 'z') ++j;
  const std::string_view n = t.substr(name, j - name);
  if (std::find(std::begin(kNames), std::end(kNames), n) == std::end(kNames)) return 0;
  if (j < t.size() && t[j] == ' ') {
    const std::size_t close = t.find('>', j);
    if (close == std::string_view::npos || close - j > 200 || t.find('=', j) > close) return 0;
    return close + 1 - i;
  }
  if (j < t.size() && t[j] == '/') ++j;
  return j < t.size() && t[j] == '>' ? j + 1 - i : 0;
}

}  // namespace

std::vector<Damaged> damaged_spans(std::string_view text, std::size_t base) {
  std::vector<Damaged> out;
  // Every kind of damage starts with '&', '<', a Latin-1 lead byte (C2, C3: ¡ Ã Â â) or EF
  // (U+FFFD): most text has none of them and is passed over in one scan. (A byte test rather than
  // find_first_of, which calls memchr once per byte of text.)
  static constexpr ByteSet kStarts("&<\xC2\xC3\xEF");
  const auto starts_damage = [](char c) { return kStarts.has(c); };
  if (kStarts.find_in(text) == std::string_view::npos) return out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    if (!starts_damage(text[i])) {  // stepped over as next_code_point steps
      const auto b = static_cast<unsigned char>(text[i]);
      i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      continue;
    }
    if (text[i] == '&') {
      if (const std::size_t n = entity_at(text, i); n > 0) {
        out.push_back({{base + at, base + at + n}, Damage::kEntity});
        i += n;
        continue;
      }
    } else if (text[i] == '<') {
      if (const std::size_t n = tag_at(text, i); n > 0) {
        out.push_back({{base + at, base + at + n}, Damage::kTag});
        i += n;
        continue;
      }
    }
    const char32_t c = next_code_point(text, i);
    if (c == 0xFFFD) {
      out.push_back({{base + at, base + i}, Damage::kReplacement});
      continue;
    }
    // CP949 read of a UTF-8 curly quote: ¡ followed by ¯ ° ± ® (’ “ ” ‘).
    // Latin-1 read of UTF-8: Ã or Â followed by a character of U+0080..U+00BF; â€ before ™ œ  ˜ ¦
    // ".
    std::size_t j = i;
    const char32_t d = j < text.size() ? next_code_point(text, j) : 0;
    const bool cp949 = c == U'¡' && (d == U'¯' || d == U'°' || d == U'±' || d == U'®');
    const bool latin1 = (c == U'Ã' || c == U'Â') && d >= 0x80 && d <= 0xBF && d != U'·';
    const bool euro = c == U'â' && d == U'€';
    if (cp949 || latin1 || euro) {
      if (euro && j < text.size()) next_code_point(text, j);
      out.push_back({{base + at, base + j}, Damage::kMojibake});
      i = j;
    }
  }
  return out;
}

bool overlaps(const std::vector<Damaged>& damaged, std::size_t begin, std::size_t end) {
  for (const Damaged& d : damaged)
    if (d.span.begin < end && begin < d.span.end) return true;
  return false;
}

}  // namespace kealign::qa_detail
