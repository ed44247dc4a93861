#include "report_common.hpp"

#include <algorithm>

#include "kealign/error.hpp"

namespace kealign {
namespace report_detail {
namespace {

constexpr std::string_view kFindingsSource = "findings";

[[noreturn]] void bad_finding(std::size_t index, const Finding& f, const std::string& problem) {
  throw InputError(std::string(kFindingsSource), 0, std::string::npos,
                   "finding " + std::to_string(index + 1) + " (" + f.check + "): " + problem);
}

SideLayout index_side(const ReportInput& input, Side s, Layout& layout) {
  const SegmentedText& t = text(input, s);
  const char* side_name = s == Side::kKorean ? "Korean" : "English";
  SideLayout out;
  out.link_of.resize(t.size());
  out.named_by.resize(t.size());
  out.evidence.resize(t.size());
  out.boilerplate.assign(t.size(), false);
  for (std::size_t l = 0; l < input.alignment.size(); ++l) {
    const Bead& b = input.alignment[l];
    const auto [begin, end] =
        s == Side::kKorean ? std::pair{b.ko_begin, b.ko_end} : std::pair{b.en_begin, b.en_end};
    for (std::uint32_t i = begin; i < end; ++i) out.link_of[i] = l;
  }
  for (std::size_t fi = 0; fi < input.findings.size(); ++fi) {
    const Finding& f = input.findings[fi];
    for (std::uint32_t id : ids(f, s)) {
      if (id >= t.size())
        bad_finding(fi, f,
                    std::string(side_name) + " segment " + std::to_string(id) +
                        " but the text has only " + std::to_string(t.size()) + " segments");
      out.named_by[id].push_back(fi);
      if (f.check == kBoilerplateCheck) out.boilerplate[id] = true;
      layout.finding_links[fi].push_back(out.link_of[id]);
    }
    for (const Span& sp : spans(f, s)) {
      if (sp.end > t.document.text.size() || sp.begin > sp.end)
        bad_finding(fi, f,
                    std::string(side_name) + " span [" + std::to_string(sp.begin) + ", " +
                        std::to_string(sp.end) + ") is outside the text");
      if (sp.empty()) continue;
      for (std::size_t g = segment_at(t, sp.begin);
           g < t.size() && t.segments[g].span.begin < sp.end; ++g) {
        const Span seg = t.segments[g].span;
        const std::size_t begin = code_point_start(t.document.text, std::max(sp.begin, seg.begin));
        const std::size_t end = code_point_start(t.document.text, std::min(sp.end, seg.end));
        if (begin >= end) continue;
        out.evidence[g].push_back({{begin, end}, fi});
        layout.finding_links[fi].push_back(out.link_of[g]);
      }
    }
  }
  return out;
}

}  // namespace

const SegmentedText& text(const ReportInput& input, Side s) {
  return s == Side::kKorean ? input.ko : input.en;
}

const std::vector<std::uint32_t>& ids(const Finding& f, Side s) {
  return s == Side::kKorean ? f.ko_ids : f.en_ids;
}

const std::vector<Span>& spans(const Finding& f, Side s) {
  return s == Side::kKorean ? f.ko_spans : f.en_spans;
}

Layout make_layout(const ReportInput& input) {
  check_conservation(input.alignment, input.ko.size(), input.en.size());
  Layout layout;
  layout.finding_links.resize(input.findings.size());
  layout.ko = index_side(input, Side::kKorean, layout);
  layout.en = index_side(input, Side::kEnglish, layout);
  layout.link_findings.resize(input.alignment.size());
  for (std::size_t fi = 0; fi < input.findings.size(); ++fi) {
    auto& links = layout.finding_links[fi];
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());
    for (std::size_t l : links) layout.link_findings[l].push_back(fi);
  }
  return layout;
}

std::vector<Piece> pieces(Span segment, const std::vector<Evidence>& evidence) {
  std::vector<std::size_t> cuts{segment.begin, segment.end};
  for (const Evidence& e : evidence) {
    cuts.push_back(e.span.begin);
    cuts.push_back(e.span.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<Piece> out;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    Piece p{{cuts[i], cuts[i + 1]}, {}};
    for (const Evidence& e : evidence)
      if (e.span.begin <= p.span.begin && p.span.end <= e.span.end &&
          std::find(p.findings.begin(), p.findings.end(), e.finding) == p.findings.end())
        p.findings.push_back(e.finding);
    std::sort(p.findings.begin(), p.findings.end());
    out.push_back(std::move(p));
  }
  return out;
}

std::size_t segment_at(const SegmentedText& t, std::size_t byte) {
  return static_cast<std::size_t>(
      std::partition_point(t.segments.begin(), t.segments.end(),
                           [&](const Segment& g) { return g.span.end <= byte; }) -
      t.segments.begin());
}

std::string link_shape(const Bead& b) {
  return std::to_string(b.ko_size()) + "-" + std::to_string(b.en_size());
}

bool is_furniture(const Bead& b, const Layout& layout) {
  if (b.ko_size() > 0 && b.en_size() > 0) return false;
  for (std::uint32_t i = b.ko_begin; i < b.ko_end; ++i)
    if (!layout.ko.boilerplate[i]) return false;
  for (std::uint32_t i = b.en_begin; i < b.en_end; ++i)
    if (!layout.en.boilerplate[i]) return false;
  return true;
}

Band confidence_band(double confidence, const ReportOptions& options) {
  if (confidence >= options.high_confidence) return Band::kHigh;
  if (confidence >= options.low_confidence) return Band::kMedium;
  return Band::kLow;
}

std::string_view band_name(Band b) {
  switch (b) {
    case Band::kHigh:
      return "high";
    case Band::kMedium:
      return "medium";
    case Band::kLow:
      return "low";
  }
  return "low";
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string id_range(std::uint32_t begin, std::uint32_t end) {
  if (begin == end) return "";
  if (end == begin + 1) return std::to_string(begin);
  return std::to_string(begin) + "–" + std::to_string(end - 1);
}

std::string id_list(const std::vector<std::uint32_t>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i + 1;
    while (j < ids.size() && ids[j] == ids[j - 1] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += id_range(ids[i], ids[j - 1] + 1);
    i = j;
  }
  return out;
}

std::string title(const ReportOptions& options) {
  return options.title.empty() ? "Translation QA report" : options.title;
}

}  // namespace report_detail

ReportSummary summarize(const ReportInput& input, const ReportOptions& options) {
  check_conservation(input.alignment, input.ko.size(), input.en.size());
  ReportSummary s;
  s.ko_segments = input.ko.size();
  s.en_segments = input.en.size();
  s.links = input.alignment.size();
  double confidence = 0;
  for (const Bead& b : input.alignment) {
    confidence += b.confidence;
    if (b.confidence < options.low_confidence) ++s.low_confidence_links;
    if (b.ko_size() == 0 || b.en_size() == 0) {
      ++s.null_links;
      continue;
    }
    s.ko_linked += b.ko_size();
    s.en_linked += b.en_size();
  }
  const auto share = [](std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
  };
  s.ko_coverage = share(s.ko_linked, s.ko_segments);
  s.en_coverage = share(s.en_linked, s.en_segments);
  s.mean_confidence = s.links == 0 ? 0.0 : confidence / static_cast<double>(s.links);
  for (const Finding& f : input.findings) {
    const auto sev = static_cast<std::size_t>(f.severity);
    ++s.by_severity[sev];
    ++s.by_check[f.check][sev];
  }
  return s;
}

}  // namespace kealign
