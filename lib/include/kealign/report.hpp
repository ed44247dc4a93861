// The quality report a reviewer reads: one self-contained HTML page (or a Markdown file) showing an
// aligned Korean-English pair link by link, with every QA finding marked at its evidence.
//
//   kealign::Analysis a = kealign::analyze_files("ko.txt", "en.txt");  // analysis.hpp
//   kealign::ReportInput in{a.ko, a.en, a.alignment, a.findings};
//   in.check_descriptions["quote-balance"] = "unbalanced quotation marks";  // optional legend
//   kealign::ReportOptions options;
//   options.title = "Dong-A 2023-03-27: QA";
//   std::ofstream("report.html") << kealign::render_html(in, options);
//   std::ofstream("report.md") << kealign::render_markdown(in, options);
//
// The HTML page has no external assets (inline CSS, a small inline script, inline SVG, system
// fonts only), opens offline and prints. It holds: a summary (finding counts by check and
// severity, alignment coverage per side, mean confidence, document names); a picture of the
// alignment path (Korean segment index against English segment index, one box per link coloured
// by confidence); the findings list; and the two texts side by side, one table row per link
// (Korean left, English right), each finding highlighted as <mark> at its byte spans and explained
// beside its link. Omissions and additions are marked, boilerplate is de-emphasised, and check /
// severity filters work through the script (without it the page shows everything). Every piece of
// input text is HTML-escaped. Element ids: "link-N" (1-based link number), "ko-I" / "en-I" (0-based
// segment index), "finding-N" (1-based finding number in input order).
//
// Findings' segment ids and spans must lie inside the texts, and the alignment must cover both
// texts (check_conservation); otherwise the renderers throw InputError.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "kealign/align.hpp"
#include "kealign/check.hpp"
#include "kealign/export.hpp"
#include "kealign/segment.hpp"

namespace kealign {

struct ReportInput {
  const SegmentedText& ko;
  const SegmentedText& en;
  const Alignment& alignment;
  const std::vector<Finding>& findings;
  std::map<std::string, std::string> check_descriptions = {};  // check id -> one-line description
};

struct ReportOptions {
  std::string title;                  // page title; empty: "Translation QA report"
  std::string note;                   // a paragraph shown under the title (e.g. a review summary);
                                      // plain text, escaped by the renderer; empty: none
  double high_confidence = 0.9;       // links at or above are drawn as confident
  double low_confidence = 0.5;        // links below are drawn and flagged as doubtful
  std::size_t max_quote_bytes = 240;  // Markdown evidence quotes longer than this are cut (at a
                                      // code point) and end with "…"
};

// The figures the report's summary shows.
struct ReportSummary {
  std::size_t ko_segments = 0;
  std::size_t en_segments = 0;
  std::size_t links = 0;
  std::size_t null_links = 0;  // links with one empty side (omissions, additions, furniture)
  std::size_t ko_linked = 0;   // Korean segments in links whose both sides are non-empty
  std::size_t en_linked = 0;   // English segments in such links
  double ko_coverage = 0;      // ko_linked / ko_segments (0 when there are none)
  double en_coverage = 0;      // en_linked / en_segments
  double mean_confidence = 0;  // mean Bead::confidence over all links (0 when none)
  std::size_t low_confidence_links = 0;         // links below ReportOptions::low_confidence
  std::array<std::size_t, 3> by_severity = {};  // findings per Severity (major, minor, info)
  std::map<std::string, std::array<std::size_t, 3>> by_check;  // check id -> count per severity
};

KEALIGN_EXPORT ReportSummary summarize(const ReportInput& input, const ReportOptions& options = {});

// The self-contained HTML report.
KEALIGN_EXPORT std::string render_html(const ReportInput& input, const ReportOptions& options = {});

// A plain Markdown report: summary table, findings with their quoted evidence, links table.
KEALIGN_EXPORT std::string render_markdown(const ReportInput& input,
                                           const ReportOptions& options = {});

// The alignment path alone as an inline <svg> element (the picture render_html embeds).
KEALIGN_EXPORT std::string render_alignment_svg(const ReportInput& input,
                                                const ReportOptions& options = {});

}  // namespace kealign
