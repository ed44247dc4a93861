// Internals shared by the report renderers: which findings touch which link and segment, and how a
// segment's text is cut into pieces at the findings' evidence spans.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/report.hpp"

namespace kealign::report_detail {

inline constexpr std::string_view kBoilerplateCheck = "boilerplate";

enum class Side { kKorean, kEnglish };

// A piece of a segment's text and the findings (indices) whose evidence covers it.
struct Piece {
  Span span;
  std::vector<std::size_t> findings;
};

// Evidence of one finding clipped to one segment.
struct Evidence {
  Span span;
  std::size_t finding = 0;
};

struct SideLayout {
  std::vector<std::size_t> link_of;                // link index of each segment
  std::vector<std::vector<std::size_t>> named_by;  // findings listing each segment's id
  std::vector<std::vector<Evidence>> evidence;     // evidence spans inside each segment
  std::vector<bool> boilerplate;                   // segment named by a boilerplate finding
};

struct Layout {
  SideLayout ko;
  SideLayout en;
  std::vector<std::vector<std::size_t>> link_findings;  // findings touching each link, input order
  std::vector<std::vector<std::size_t>> finding_links;  // links each finding touches, ascending

  const SideLayout& side(Side s) const { return s == Side::kKorean ? ko : en; }
};

// Validates the input (conservation, ids and spans inside the texts; InputError otherwise) and
// indexes it.
Layout make_layout(const ReportInput& input);

// What each renderer (HTML, Markdown) works from, and the text it has written so far.
struct Renderer {
  Renderer(const ReportInput& in, const ReportOptions& opt)
      : input(in), options(opt), layout(make_layout(in)), summary(summarize(in, opt)) {}

  const ReportInput& input;
  const ReportOptions& options;
  const Layout layout;
  const ReportSummary summary;
  std::string out;
};

// The segment's text cut at every evidence boundary, in order, covering the whole segment.
std::vector<Piece> pieces(Span segment, const std::vector<Evidence>& evidence);

const SegmentedText& text(const ReportInput& input, Side s);
const std::vector<std::uint32_t>& ids(const Finding& f, Side s);
const std::vector<Span>& spans(const Finding& f, Side s);

// The segment whose span contains byte (the first ending after it).
std::size_t segment_at(const SegmentedText& t, std::size_t byte);

// "1-1", "2-1", "0-1"...
std::string link_shape(const Bead& b);

// A link with one empty side whose segments are all boilerplate (web furniture, bylines).
bool is_furniture(const Bead& b, const Layout& layout);

enum class Band { kHigh, kMedium, kLow };
Band confidence_band(double confidence, const ReportOptions& options);
std::string_view band_name(Band b);  // "high", "medium", "low"

std::string escape_html(std::string_view text);

// Segment ids as a compact list: "5", "5-6", "" for none.
std::string id_range(std::uint32_t begin, std::uint32_t end);
std::string id_list(const std::vector<std::uint32_t>& ids);

// The report title, with the default applied.
std::string title(const ReportOptions& options);

}  // namespace kealign::report_detail
