// The alignment path: Korean segment index across, English segment index down, one box per link.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "report_common.hpp"

namespace kealign {
namespace {

using namespace report_detail;

constexpr double kPlot = 440;  // side of the square plot area, in SVG units
constexpr double kLeft = 52;   // room for the English tick labels
constexpr double kTop = 40;    // room for the Korean tick labels and axis title
constexpr double kRight = 16;
constexpr double kBottom = 16;
constexpr double kLegendWidth = 210;  // legend column right of the plot
constexpr double kMinBox = 1.5;       // smallest drawn box side, so every link stays visible
constexpr double kNullBar = 3;        // thickness of a link with one empty side
constexpr std::size_t kMaxTicks = 10;

constexpr std::array<const char*, 3> kBandColour = {"#1a7f37", "#d4a017", "#cf222e"};
constexpr const char* kFurnitureColour = "#afb8c1";
constexpr const char* kMajorStroke = "#24292f";

// A tick step of 1, 2 or 5 times a power of ten giving at most kMaxTicks ticks.
std::size_t tick_step(std::size_t n) {
  for (std::size_t scale = 1;; scale *= 10)
    for (std::size_t m : {1, 2, 5})
      if (n / (m * scale) <= kMaxTicks) return m * scale;
}

bool has_major(const ReportInput& input, const Layout& layout, std::size_t link) {
  for (std::size_t fi : layout.link_findings[link])
    if (input.findings[fi].severity == Severity::kMajor) return true;
  return false;
}

void axes(std::string& out, std::size_t n_ko, std::size_t n_en, double sx, double sy) {
  out += "<g class=\"axes\" font-size=\"11\" fill=\"#57606a\">";
  const std::size_t kx = tick_step(n_ko), ky = tick_step(n_en);
  for (std::size_t i = 0; i <= n_ko; i += kx) {
    const double x = kLeft + static_cast<double>(i) * sx;
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#eaeef2\"/>"
        "<text x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>",
        x, kTop, kTop + kPlot, kTop - 6, i);
  }
  for (std::size_t i = 0; i <= n_en; i += ky) {
    const double y = kTop + static_cast<double>(i) * sy;
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#eaeef2\"/>"
        "<text x=\"{3}\" y=\"{1:.1f}\" text-anchor=\"end\" dominant-baseline=\"middle\">{4}</text>",
        kLeft, y, kLeft + kPlot, kLeft - 6, i);
  }
  out += fmt::format(
      "<text x=\"{0}\" y=\"14\" text-anchor=\"middle\" fill=\"#24292f\">Korean segment →</text>"
      "<text transform=\"translate(14 {1}) rotate(-90)\" text-anchor=\"middle\" "
      "fill=\"#24292f\">English segment →</text>",
      kLeft + kPlot / 2, kTop + kPlot / 2);
  out += fmt::format(
      "<rect x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"{2}\" fill=\"none\" stroke=\"#8c959f\"/>"
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{3}\" y2=\"{4}\" stroke=\"#8c959f\" "
      "stroke-dasharray=\"4 4\"/></g>",
      kLeft, kTop, kPlot, kLeft + kPlot, kTop + kPlot);
}

void legend(std::string& out, const ReportOptions& options) {
  const double x = kLeft + kPlot + 24;
  double y = kTop + 4;
  out += "<g class=\"legend\" font-size=\"12\" fill=\"#24292f\">";
  out += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">Link confidence</text>", x, y);
  const std::array<std::string, 3> labels = {
      fmt::format("high (≥ {:.2f})", options.high_confidence),
      fmt::format("medium ({:.2f}–{:.2f})", options.low_confidence, options.high_confidence),
      fmt::format("low (&lt; {:.2f})", options.low_confidence)};
  const auto entry = [&](const std::string& swatch, const std::string& label) {
    y += 20;
    out += fmt::format("<g transform=\"translate({} {})\">{}<text x=\"22\" y=\"11\">{}</text></g>",
                       x, y, swatch, label);
  };
  for (std::size_t b = 0; b < labels.size(); ++b)
    entry(fmt::format("<rect width=\"14\" height=\"14\" fill=\"{}\"/>", kBandColour[b]), labels[b]);
  entry(fmt::format("<rect width=\"14\" height=\"14\" fill=\"{}\"/>", kFurnitureColour),
        "boilerplate, no counterpart");
  entry(fmt::format("<rect y=\"5\" width=\"14\" height=\"{}\" fill=\"{}\"/>", kNullBar,
                    kBandColour[0]),
        "omission / addition (bar)");
  entry(fmt::format("<rect x=\"1\" y=\"1\" width=\"12\" height=\"12\" fill=\"#ffffff\" "
                    "stroke=\"{}\" stroke-width=\"2\"/>",
                    kMajorStroke),
        "link with a major finding");
  entry("<line x1=\"0\" y1=\"0\" x2=\"14\" y2=\"14\" stroke=\"#8c959f\" stroke-dasharray=\"3 3\"/>",
        "proportional diagonal");
  out += "</g>";
}

}  // namespace

std::string render_alignment_svg(const ReportInput& input, const ReportOptions& options) {
  const Layout layout = make_layout(input);
  const std::size_t n_ko = std::max<std::size_t>(input.ko.size(), 1);
  const std::size_t n_en = std::max<std::size_t>(input.en.size(), 1);
  const double sx = kPlot / static_cast<double>(n_ko);
  const double sy = kPlot / static_cast<double>(n_en);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"path\" viewBox=\"0 0 {0} {1}\" "
      "width=\"{0}\" height=\"{1}\" role=\"img\" aria-labelledby=\"path-title\" "
      "font-family=\"system-ui, sans-serif\">"
      "<title id=\"path-title\">Alignment path: {2} links between {3} Korean and {4} English "
      "segments</title>",
      kLeft + kPlot + kLegendWidth, kTop + kPlot + kBottom, input.alignment.size(), input.ko.size(),
      input.en.size());
  axes(out, n_ko, n_en, sx, sy);
  out += "<g class=\"links\">";
  for (std::size_t l = 0; l < input.alignment.size(); ++l) {
    const Bead& b = input.alignment[l];
    double x = kLeft + b.ko_begin * sx, y = kTop + b.en_begin * sy;
    double w = std::max(b.ko_size() * sx, kMinBox), h = std::max(b.en_size() * sy, kMinBox);
    if (b.ko_size() == 0) {
      x -= kNullBar / 2;
      w = kNullBar;
    }
    if (b.en_size() == 0) {
      y -= kNullBar / 2;
      h = kNullBar;
    }
    const Band band = confidence_band(b.confidence, options);
    const char* fill =
        is_furniture(b, layout) ? kFurnitureColour : kBandColour[static_cast<std::size_t>(band)];
    const std::string stroke =
        has_major(input, layout, l)
            ? fmt::format(" stroke=\"{}\" stroke-width=\"1.5\"", kMajorStroke)
            : std::string();
    out += fmt::format(
        "<a href=\"#link-{0}\"><rect x=\"{1:.2f}\" y=\"{2:.2f}\" width=\"{3:.2f}\" "
        "height=\"{4:.2f}\" fill=\"{5}\"{6} data-link=\"{0}\"><title>link {0} ({7}): Korean {8} ↔ "
        "English {9}, confidence {10:.2f}, {11} finding(s)</title></rect></a>",
        l + 1, x, y, w, h, fill, stroke, link_shape(b),
        b.ko_size() ? id_range(b.ko_begin, b.ko_end) : "—",
        b.en_size() ? id_range(b.en_begin, b.en_end) : "—", b.confidence,
        layout.link_findings[l].size());
  }
  out += "</g>";
  legend(out, options);
  out += "</svg>";
  return out;
}

}  // namespace kealign
