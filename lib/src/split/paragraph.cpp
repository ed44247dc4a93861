// From a paragraph to sentence spans: lines that stand alone, blocks of running text, cuts.
#include <algorithm>

#include "kealign/segment.hpp"
#include "kealign/text.hpp"
#include "split_block.hpp"
#include "split_chars.hpp"
#include "split_rules.hpp"

namespace kealign {
namespace {

using split_detail::Block;

// A Korean line at least this wide (Hangul counts two columns) that runs on without final
// punctuation is wrapped prose; shorter ones are headlines, bylines or captions.
constexpr std::size_t kWrappedKoreanColumns = 72;
// Running text is decoded in windows of this many bytes at most (see split_block).
constexpr std::size_t kMaxWindowBytes = std::size_t{1} << 20;

struct Line {
  std::size_t begin, end;  // byte offsets in the paragraph, without the line break
};

std::vector<Line> paragraph_lines(std::string_view text) {
  std::vector<Line> out;
  std::size_t b = 0;
  while (b <= text.size()) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::size_t t = e;
    if (t > b && text[t - 1] == '\r') --t;
    out.push_back({b, t});
    b = e + 1;
  }
  return out;
}

// The last and first non-space code points of a line, and its width in columns.
struct LineEdges {
  char32_t first = 0, last = 0;
  std::size_t columns = 0;
  std::string_view last_word;  // trailing ASCII letters ("the" in "...Korea and the")
};

// English words a sentence cannot end on: a line ending on one runs on ("...and the\nUnited").
bool is_function_word(std::string_view w) {
  constexpr std::string_view kWords[] = {"a",   "an",    "and", "are",  "as",   "at",   "be",
                                         "but", "by",    "for", "from", "her",  "his",  "in",
                                         "is",  "its",   "of",  "on",   "or",   "than", "that",
                                         "the", "their", "to",  "was",  "were", "with"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

LineEdges edges(std::string_view line) {
  LineEdges e;
  for (std::size_t i = 0; i < line.size();) {
    const char32_t c = next_code_point(line, i);
    if (!is_space(c)) {
      e.first = c;
      break;
    }
  }
  for (std::size_t end = line.size(); end > 0 && e.first != 0;) {
    std::size_t k = end - 1;
    while (k > 0 && (static_cast<unsigned char>(line[k]) & 0xC0) == 0x80) --k;
    std::size_t at = k;
    const char32_t c = next_code_point(line, at);
    if (!is_space(c)) {
      e.last = c;
      break;
    }
    end = k;
  }
  std::size_t end = line.size();
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  std::size_t word = end;
  while (word > 0 && line[word - 1] >= 'a' && line[word - 1] <= 'z') --word;
  if (word == 0 || line[word - 1] == ' ') e.last_word = line.substr(word, end - word);
  // three-byte UTF-8 is Hangul or CJK here, two columns wide
  for (const char ch : line) {
    const auto u = static_cast<unsigned char>(ch);
    if ((u & 0xC0) != 0x80) e.columns += u >= 0xE0 ? 2 : 1;
  }
  return e;
}

// Whether the line break after `line` only wraps running text.
bool is_soft_break(const LineEdges& line, const LineEdges& next, Language lang) {
  using namespace split_detail;
  if (line.last == 0 || next.first == 0) return false;
  if (is_terminator(line.last) || is_closer(line.last) || is_bullet_like(next.first)) return false;
  if (is_lower(next.first) || line.last == ',' || is_function_word(line.last_word)) return true;
  return lang == Language::kKorean && line.columns >= kWrappedKoreanColumns &&
         (is_hangul_syllable(next.first) || is_digit(next.first));
}

// Appends the sentences of [from, cut) for each cut, trimmed of white space.
void emit(const Block& block, const std::vector<std::size_t>& cuts, std::size_t base,
          std::vector<Span>& out) {
  std::size_t from = block.skip_space(0);
  for (std::size_t cut : cuts) {
    std::size_t to = cut;
    while (to > from && block.space(to - 1)) --to;
    if (to > from) out.push_back({base + block.at[from], base + block.at[to]});
    from = block.skip_space(cut);
  }
}

// The byte offset at or before limit where a UTF-8 sequence starts.
std::size_t code_point_boundary(std::string_view text, std::size_t limit) {
  while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
  return limit;
}

// Splits one block of running text. A block longer than kMaxWindowBytes is read in windows that
// restart at the last sentence cut, so memory stays bounded on a 100 MB line; a window without
// any cut is cut at its last space.
void split_block(std::string_view text, std::size_t base, Language lang, std::vector<Span>& out) {
  thread_local Block block;
  const split_detail::PairRules pairs{lang == Language::kKorean};
  std::size_t start = 0;
  for (;;) {
    const std::string_view rest = text.substr(start);
    const bool whole = rest.size() <= kMaxWindowBytes;
    const std::string_view window =
        whole ? rest : rest.substr(0, code_point_boundary(rest, kMaxWindowBytes));
    split_detail::decode_block(window, pairs, block);
    std::vector<std::size_t> cuts = split_detail::find_cuts(block, lang);
    std::size_t resume = block.size();
    if (!whole) {
      if (!cuts.empty()) {
        resume = cuts.back();
        cuts.pop_back();
      } else {
        std::size_t k = block.size();
        while (k > 0 && !block.space(k - 1)) --k;
        if (k > 0) resume = k;
      }
    }
    cuts.push_back(resume);
    emit(block, cuts, base + start, out);
    if (whole) return;
    start += block.at[resume];
  }
}

}  // namespace

std::vector<Span> split_paragraph(std::string_view text, std::size_t base, Language lang) {
  std::vector<Span> out;
  const std::vector<Line> lines = paragraph_lines(text);
  std::size_t first = 0;
  LineEdges prev;
  if (lines.size() > 1) prev = edges(text.substr(lines[0].begin, lines[0].end - lines[0].begin));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    LineEdges next;
    if (i + 1 < lines.size()) {
      next = edges(text.substr(lines[i + 1].begin, lines[i + 1].end - lines[i + 1].begin));
      if (is_soft_break(prev, next, lang)) {
        prev = next;
        continue;
      }
    }
    split_block(text.substr(lines[first].begin, lines[i].end - lines[first].begin),
                base + lines[first].begin, lang, out);
    first = i + 1;
    prev = next;
  }
  return out;
}

SegmentedText split(Document doc, const SplitOptions& options) {
  SegmentedText out;
  std::uint32_t paragraph = 0;
  std::uint32_t line = 1;
  std::size_t counted = 0;  // bytes before this offset have been counted into line
  auto line_at = [&](std::size_t byte) {
    line += static_cast<std::uint32_t>(
        std::count(doc.text.begin() + static_cast<std::ptrdiff_t>(counted),
                   doc.text.begin() + static_cast<std::ptrdiff_t>(byte), '\n'));
    counted = byte;
    return line;
  };
  for (Span p : paragraphs(doc)) {
    const std::string_view text = doc.view(p);
    if (options.lines_are_segments) {
      for (const Line& l : paragraph_lines(text)) {
        const std::string_view v = text.substr(l.begin, l.end - l.begin);
        const std::size_t b = v.find_first_not_of(" \t");
        if (b == std::string_view::npos) continue;
        const std::size_t e = v.find_last_not_of(" \t") + 1;
        const std::size_t at = p.begin + l.begin + b;
        out.segments.push_back({{at, p.begin + l.begin + e}, paragraph, line_at(at)});
      }
    } else {
      for (Span s : split_paragraph(text, p.begin, options.lang))
        out.segments.push_back({s, paragraph, line_at(s.begin)});
    }
    ++paragraph;
  }
  out.document = std::move(doc);
  return out;
}

}  // namespace kealign
