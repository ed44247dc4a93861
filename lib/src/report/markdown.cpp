// The plain Markdown report: summary tables, findings with quoted evidence, the links table.
#include <fmt/format.h>

#include <algorithm>

#include "report_common.hpp"

namespace kealign {
namespace {

using namespace report_detail;

constexpr std::string_view kEllipsis = "…";
constexpr std::string_view kNone = "—";

// Backslash-escapes the characters Markdown (and table cells) would interpret; white space runs
// become one space so a cell stays on its line.
std::string escape_md(std::string_view text) {
  std::string out;
  for (char c : fold_space(text)) {
    if (std::string_view("\\`*_[]<>|").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// At most max_bytes of text, cut at a code point, with an ellipsis when cut.
std::string cut(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  return std::string(text.substr(0, code_point_start(text, max_bytes))) + std::string(kEllipsis);
}

std::string percent(std::size_t part, double share) {
  return fmt::format("{} ({:.1f}%)", part, 100 * share);
}

struct Markdown : Renderer {
  using Renderer::Renderer;

  std::string quote(std::string_view text) const {
    return escape_md(cut(fold_space(text), options.max_quote_bytes));
  }

  std::string segments(Side side, std::uint32_t begin, std::uint32_t end) const {
    if (begin == end) return std::string(kNone);
    std::string cell;
    for (std::uint32_t i = begin; i < end; ++i)
      cell += (i == begin ? "" : " ") + escape_md(text(input, side).raw(i));
    return cell;
  }

  void header() {
    out += "# " + escape_md(title(options)) + "\n\n";
    if (!options.note.empty()) out += escape_md(options.note) + "\n\n";
    out += fmt::format(
        "Korean: `{}` ({} segments) · English: `{}` ({} segments) · {} links · {} findings\n\n",
        input.ko.document.name, input.ko.size(), input.en.document.name, input.en.size(),
        input.alignment.size(), input.findings.size());
    // A passage left untranslated is said first, in plain words.
    for (std::size_t k = 0; k < input.findings.size(); ++k) {
      const Finding& f = input.findings[k];
      if (f.passage)
        out += fmt::format("> **Missing passage** ({}, finding {}): {}\n\n",
                           severity_name(f.severity), k + 1, escape_md(f.message));
    }
  }

  void summary_section() {
    const ReportSummary& s = summary;
    out += "## Summary\n\n| | Korean | English |\n|---|---:|---:|\n";
    out += fmt::format("| segments | {} | {} |\n", s.ko_segments, s.en_segments);
    out += fmt::format("| aligned (in links with both sides) | {} | {} |\n\n",
                       percent(s.ko_linked, s.ko_coverage), percent(s.en_linked, s.en_coverage));
    out += fmt::format(
        "Links: {} ({} with one side empty, {} below confidence {:.2f}); mean confidence "
        "{:.2f}.\n\n",
        s.links, s.null_links, s.low_confidence_links, options.low_confidence, s.mean_confidence);
    out += "| check | major | minor | info | total |\n|---|---:|---:|---:|---:|\n";
    for (const auto& [check, c] : s.by_check)
      out += fmt::format("| `{}` | {} | {} | {} | {} |\n", check, c[0], c[1], c[2],
                         c[0] + c[1] + c[2]);
    out += fmt::format("| **all** | {} | {} | {} | {} |\n\n", s.by_severity[0], s.by_severity[1],
                       s.by_severity[2], input.findings.size());
  }

  // Evidence as a sub-list; indent is the width of the finding's "N. " marker, so the sub-list
  // stays inside its numbered item.
  void evidence(const Finding& f, Side side, const std::string& indent) {
    const SegmentedText& t = text(input, side);
    const char* label = side == Side::kKorean ? "ko" : "en";
    if (!spans(f, side).empty()) {
      for (const Span& sp : spans(f, side))
        out += fmt::format("{}- **{} {}**: {}\n", indent, label, segment_at(t, sp.begin),
                           quote(t.document.view(sp)));
      return;
    }
    for (std::uint32_t id : ids(f, side))
      out += fmt::format("{}- **{} {}**: {}\n", indent, label, id, quote(t.raw(id)));
  }

  void findings_section() {
    out += fmt::format("## Findings ({})\n\n", input.findings.size());
    if (input.findings.empty()) out += "No check reported a problem.\n\n";
    for (std::size_t fi = 0; fi < input.findings.size(); ++fi) {
      const Finding& f = input.findings[fi];
      std::string where;
      const auto& links = layout.finding_links[fi];
      for (std::size_t l : links) where += (where.empty() ? "" : ", ") + std::to_string(l + 1);
      if (!where.empty()) where = (links.size() == 1 ? "link " : "links ") + where;
      if (!f.ko_ids.empty()) where += (where.empty() ? "" : "; ") + ("Korean " + id_list(f.ko_ids));
      if (!f.en_ids.empty())
        where += (where.empty() ? "" : "; ") + ("English " + id_list(f.en_ids));
      const std::string number = std::to_string(fi + 1) + ". ";
      out += fmt::format("{}**{}** `{}` (confidence {:.2f}; {}): {}\n", number,
                         severity_name(f.severity), f.check, std::max(0.0, f.confidence), where,
                         escape_md(f.message));
      const std::string indent(number.size(), ' ');
      evidence(f, Side::kKorean, indent);
      evidence(f, Side::kEnglish, indent);
    }
    out += "\n";
  }

  void links_section() {
    out +=
        "## Links\n\n| # | ko | en | conf | Korean | English | findings |\n"
        "|---:|---|---|---:|---|---|---|\n";
    for (std::size_t l = 0; l < input.alignment.size(); ++l) {
      const Bead& b = input.alignment[l];
      std::string notes;
      for (std::size_t fi : layout.link_findings[l])
        notes +=
            fmt::format("{}[{}] {}", notes.empty() ? "" : ", ", fi + 1, input.findings[fi].check);
      if (notes.empty() && (b.ko_size() == 0 || b.en_size() == 0))
        notes = b.en_size() == 0 ? "no English" : "no Korean";
      out += fmt::format("| {} | {} | {} | {:.2f} | {} | {} | {} |\n", l + 1,
                         b.ko_size() ? id_range(b.ko_begin, b.ko_end) : std::string(kNone),
                         b.en_size() ? id_range(b.en_begin, b.en_end) : std::string(kNone),
                         b.confidence, segments(Side::kKorean, b.ko_begin, b.ko_end),
                         segments(Side::kEnglish, b.en_begin, b.en_end), notes);
    }
  }

  std::string render() {
    header();
    summary_section();
    findings_section();
    links_section();
    return std::move(out);
  }
};

}  // namespace

std::string render_markdown(const ReportInput& input, const ReportOptions& options) {
  return Markdown(input, options).render();
}

}  // namespace kealign
