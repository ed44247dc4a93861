// Sentence segmentation: a Document becomes a list of Segments, each a byte span into the
// document's text (never a copy).
//
//   kealign::Document doc = kealign::read_document("ko.txt");
//   kealign::SegmentedText s = kealign::split(std::move(doc), {kealign::Language::kKorean});
//   for (std::size_t i = 0; i < s.size(); ++i) std::cout << i << ' ' << s.display(i) << '\n';
//
//   // One segment per line: segment i is line i.
//   kealign::SegmentedText p = kealign::presplit(kealign::read_document("ko.sents"));
//
// Segments never cross a line that stands alone (a headline, byline, caption, "- Advertisement -")
// nor a paragraph break; inside a paragraph, sentences are cut by language rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/export.hpp"
#include "kealign/text.hpp"

namespace kealign {

enum class Language { kKorean, kEnglish, kOther };

// "ko"/"korean" or "en"/"english" (any case); throws UsageError otherwise.
KEALIGN_EXPORT Language parse_language(std::string_view name);
KEALIGN_EXPORT std::string_view language_code(Language lang);

struct Segment {
  Span span;                    // trimmed of surrounding white space
  std::uint32_t paragraph = 0;  // 0-based index of the blank-line separated paragraph
  std::uint32_t line = 0;       // 1-based line where the segment starts
};

struct SplitOptions {
  Language lang = Language::kKorean;  // which rule set to apply
  bool lines_are_segments = false;    // every non-blank line is one segment (no sentence rules)
};

// A document with its segments, owned together so the spans stay valid.
struct SegmentedText {
  Document document;
  std::vector<Segment> segments;

  std::size_t size() const { return segments.size(); }
  std::string_view raw(std::size_t i) const { return document.view(segments[i].span); }
  // The segment with internal white space folded to single spaces.
  std::string display(std::size_t i) const { return fold_space(raw(i)); }
};

// Splits a whole document into sentences and stand-alone lines.
KEALIGN_EXPORT SegmentedText split(Document doc, const SplitOptions& options);

// Splits one paragraph's text (no blank lines inside); offsets in the result are base + offset
// into text. This is the streaming unit: memory is proportional to the paragraph.
KEALIGN_EXPORT std::vector<Span> split_paragraph(std::string_view text, std::size_t base,
                                                 Language lang);

// One segment per line, blank lines included (segment i is line i), for pre-split input.
KEALIGN_EXPORT SegmentedText presplit(Document doc);

}  // namespace kealign
