// The self-contained HTML report (see report.hpp for what it shows).
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "report_common.hpp"

namespace kealign {
namespace {

using namespace report_detail;
using report_detail::Evidence;  // a finding's span in a segment, not kealign::Evidence

constexpr std::array<Severity, 3> kSeverities = {Severity::kMajor, Severity::kMinor,
                                                 Severity::kInfo};

// Styles: system fonts only (Korean faces first for lang="ko"), keep-all line breaking for Korean,
// a print layout without the filter bar.
constexpr std::string_view kStyle = R"css(
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--major:#cf222e;--minor:#bf8700;
--info:#6e7781;--mark-major:#ffd7d5;--mark-minor:#fff1b8;--mark-info:#e6eaef;--high:#1a7f37;
--medium:#9a6700;--low:#cf222e}
*{box-sizing:border-box}
html{font-size:15px}
body{margin:0;color:var(--ink);background:#fff;font-family:system-ui,-apple-system,"Segoe UI",Roboto,
"Noto Sans","Helvetica Neue",Arial,sans-serif;line-height:1.55}
:lang(ko){font-family:"Apple SD Gothic Neo","Noto Sans KR","Noto Sans CJK KR","Source Han Sans K",
"Malgun Gothic","맑은 고딕","NanumGothic","Nanum Gothic","나눔고딕",sans-serif;word-break:keep-all;
overflow-wrap:anywhere;line-height:1.75}
header.top{padding:1.2rem 2rem .6rem;border-bottom:1px solid var(--line)}
h1{font-size:1.5rem;margin:0 0 .3rem}
h2{font-size:1.2rem;margin:1.6rem 0 .6rem}
main{padding:0 2rem 3rem}
.docs{margin:0;color:var(--muted)}
.docs code{color:var(--ink)}
nav.toc a{margin-right:1.2rem}
a{color:#0969da}
code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.88em}
.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:.4rem 0 1rem}
.passage{border-left:4px solid var(--major);background:var(--soft);padding:.5rem .8rem;margin:.6rem 0}
.passage.sev-minor{border-left-color:var(--minor)}
.card{border:1px solid var(--line);border-radius:8px;padding:.6rem 1rem;min-width:10.5rem;background:var(--soft)}
.card b{display:block;font-size:1.6rem;line-height:1.2}
.card small{color:var(--muted)}
.card.sev-major b{color:var(--major)}.card.sev-minor b{color:var(--minor)}.card.sev-info b{color:var(--info)}
table{border-collapse:collapse}
table.counts td,table.counts th{border-bottom:1px solid var(--line);padding:.3rem .8rem;text-align:right}
table.counts th:first-child{text-align:left;font-weight:normal}
table.counts thead th,table.counts tfoot th,table.counts tfoot td{font-weight:600}
table.counts .desc{color:var(--muted);font-size:.85em}
.zero{color:#c6ccd2}
h3{font-size:1rem;margin:.4rem 0 .5rem}
.overview{display:flex;flex-wrap:wrap;gap:1rem 3rem;align-items:flex-start}
.overview>div:first-child{flex:1 1 380px;max-width:500px}
.overview .path{flex:1 1 560px;max-width:730px}
figure{margin:0}
figure svg{max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:.9em;max-width:52rem}
.badge{display:inline-block;border-radius:4px;padding:0 .35em;font-size:.78em;font-weight:600;
color:#fff;vertical-align:1px;text-transform:uppercase;letter-spacing:.02em}
.badge.sev-major{background:var(--major)}.badge.sev-minor{background:var(--minor)}
.badge.sev-info{background:var(--info)}
ol.findings{padding-left:2.6rem;max-width:70rem}
ol.findings li{margin:.35rem 0}
ol.findings li.sev-info{color:var(--muted)}
ol.findings .where{color:var(--muted);font-size:.9em}
.toolbar{position:sticky;top:0;z-index:2;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);
padding:.5rem 2rem;display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;align-items:center;font-size:.92em}
.toolbar fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .8rem;align-items:center}
.toolbar legend{float:left;font-weight:600;margin-right:.4rem;padding:0}
.toolbar label{white-space:nowrap}
.no-js .toolbar{display:none}
table.pairs{width:100%;table-layout:fixed}
table.pairs col.lid{width:4.6rem}table.pairs col.notes{width:27%}
table.pairs thead th{position:sticky;top:var(--bar,0);background:#fff;text-align:left;
border-bottom:2px solid var(--line);padding:.4rem .6rem;z-index:1}
table.pairs td,table.pairs th.lid{vertical-align:top;border-bottom:1px solid var(--line);padding:.5rem .6rem}
tr.link>th.lid{font-weight:normal;text-align:left;border-left:4px solid transparent}
tr.link.has-major>th.lid{border-left-color:var(--major)}
tr.link.has-minor>th.lid{border-left-color:var(--minor)}
.lnum{font-weight:600;text-decoration:none}
.shape{color:var(--muted);font-size:.85em}
.conf{font-size:.85em;font-variant-numeric:tabular-nums}
.conf.band-high{color:var(--high)}.conf.band-medium{color:var(--medium);font-weight:600}
.conf.band-low{color:var(--low);font-weight:700}
tr.band-low td.ko,tr.band-low td.en{background:#fff8f7}
.seg{margin:0 0 .45rem}
.seg:last-child{margin-bottom:0}
.sid{display:inline-block;min-width:1.9em;margin-right:.35em;padding:0 .25em;border-radius:3px;
background:var(--soft);color:var(--muted);font:.75em/1.5 ui-monospace,"DejaVu Sans Mono",monospace;
text-align:center;vertical-align:1px}
.seg.boilerplate{color:var(--info);font-size:.86em;font-style:italic}
tr.furniture td{background:var(--soft)}
tr.furniture .notes{opacity:.8}
.gap{border:1.5px dashed var(--major);border-radius:4px;color:var(--major);padding:.2rem .5rem;
font-size:.88em;font-weight:600}
tr.furniture .gap{border:0;padding-left:0;color:var(--info);font-weight:normal;font-style:italic}
mark{border-radius:2px;padding:0 1px;color:inherit;-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.sev-major{background:var(--mark-major);box-shadow:inset 0 -2px var(--major)}
mark.sev-minor{background:var(--mark-minor);box-shadow:inset 0 -2px var(--minor)}
mark.sev-info{background:var(--mark-info)}
mark.dim{background:none;box-shadow:none}
sup.fref{font-size:.68em;line-height:0;margin-left:1px}
sup.fref a{text-decoration:none}
sup.fref.dim{display:none}
ul.notes{list-style:none;margin:0;padding:0;font-size:.9em}
ul.notes li{margin:0 0 .45rem;padding-left:.5rem;border-left:3px solid var(--line)}
ul.notes li.sev-major{border-left-color:var(--major)}ul.notes li.sev-minor{border-left-color:var(--minor)}
ul.notes li.sev-info{color:var(--muted);font-size:.94em}
.also{color:var(--muted);font-size:.9em}
.off{display:none!important}
#shown,.keys{color:var(--muted)}
kbd{font:.85em ui-monospace,"DejaVu Sans Mono",monospace;border:1px solid var(--line);border-radius:3px;padding:0 .3em;background:var(--soft)}
tr.link.current>th.lid{background:#ddf4ff}
:target{outline:2px solid #0969da;outline-offset:2px}
@media (max-width:900px){table.pairs col.notes{width:34%}main,header.top,.toolbar{padding-left:1rem;padding-right:1rem}}
@media print{
html{font-size:10pt}
.toolbar,nav.toc{display:none}
.off{display:revert!important}
mark.dim{background:revert;box-shadow:revert}
sup.fref.dim{display:revert}
table.pairs thead th{position:static}
thead{display:table-header-group}
tr,li,.card{break-inside:avoid}
.path{break-inside:avoid}
a{color:inherit;text-decoration:none}
main,header.top{padding:0}
}
)css";

// Filters: every finding element carries data-f (its number), data-check and data-severity; marks
// and rows list their findings in data-fs. Hidden findings lose their marks; with "only flagged
// links" a row without a shown finding is hidden too. Keys j / k move to the next / previous link
// with a shown finding (marked "current").
constexpr std::string_view kScript = R"js(
(function(){
var d=document;d.documentElement.classList.remove('no-js');
var bar=d.getElementById('filters');if(!bar)return;
var setBar=function(){d.documentElement.style.setProperty('--bar',bar.offsetHeight+'px');};
var shown={},n=0,total=0;
var any=function(el){return (el.getAttribute('data-fs')||'').split(' ').some(function(f){return shown[f];});};
function apply(){
var off={};
bar.querySelectorAll('input[data-key]').forEach(function(i){if(!i.checked)off[i.getAttribute('data-key')]=1;});
var onlyFlagged=d.getElementById('only-flagged').checked;
n=0;total=0;shown={};
d.querySelectorAll('#findings li[data-f]').forEach(function(li){
var v=!off['check:'+li.getAttribute('data-check')]&&!off['severity:'+li.getAttribute('data-severity')];
shown[li.getAttribute('data-f')]=v;total++;if(v)n++;});
d.querySelectorAll('[data-f]').forEach(function(el){el.classList.toggle('off',!shown[el.getAttribute('data-f')]);});
d.querySelectorAll('mark[data-fs],sup[data-fs]').forEach(function(el){el.classList.toggle('dim',!any(el));});
d.querySelectorAll('tr.link').forEach(function(tr){tr.classList.toggle('off',onlyFlagged&&!any(tr));});
d.getElementById('shown').textContent=n+' of '+total+' findings shown';
}
function step(forward){
var rows=[].filter.call(d.querySelectorAll('tr.link'),function(tr){return !tr.classList.contains('off')&&any(tr);});
var top=bar.offsetHeight+d.querySelector('table.pairs thead').offsetHeight+2,target=null;
rows.forEach(function(tr){var y=tr.getBoundingClientRect().top;
if(forward?(y>top+1&&!target):(y<top-1))target=tr;});
if(!target)return;
var cur=d.querySelector('tr.current');if(cur)cur.classList.remove('current');
target.classList.add('current');
window.scrollTo(0,target.getBoundingClientRect().top+window.pageYOffset-top);
}
d.addEventListener('keydown',function(e){
if(e.altKey||e.ctrlKey||e.metaKey||/INPUT|TEXTAREA|SELECT/.test(e.target.tagName))return;
if(e.key==='j')step(true);else if(e.key==='k')step(false);});
bar.addEventListener('change',apply);
window.addEventListener('resize',setBar);
setBar();apply();
})();
)js";

struct Page : Renderer {
  using Renderer::Renderer;

  std::string_view sev(std::size_t finding) const {
    return severity_name(input.findings[finding].severity);
  }

  Severity worst(const std::vector<std::size_t>& findings) const {
    Severity s = Severity::kInfo;
    for (std::size_t fi : findings) s = std::min(s, input.findings[fi].severity);
    return s;
  }

  static std::string numbers(const std::vector<std::size_t>& findings) {
    std::string list;
    for (std::size_t fi : findings) list += (list.empty() ? "" : " ") + std::to_string(fi + 1);
    return list;
  }

  std::string tooltip(const std::vector<std::size_t>& findings) const {
    std::string tip;
    for (std::size_t fi : findings) {
      const Finding& f = input.findings[fi];
      if (!tip.empty()) tip += "\n";
      tip += fmt::format("[{}] {} ({}): {}", fi + 1, f.check, severity_name(f.severity), f.message);
    }
    return escape_html(tip);
  }

  std::string where(const Finding& f) const {
    std::string w;
    if (!f.ko_ids.empty()) w += "Korean " + id_list(f.ko_ids);
    if (!f.en_ids.empty()) w += (w.empty() ? "" : " · ") + ("English " + id_list(f.en_ids));
    return w;
  }

  void head() {
    out +=
        "<!DOCTYPE html>\n<html lang=\"en\" class=\"no-js\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"kealign\">\n";
    out += "<title>" + escape_html(title(options)) + "</title>\n<style>";
    out += kStyle;
    out += "</style>\n</head>\n<body>\n";
    out += "<header class=\"top\">\n<h1>" + escape_html(title(options)) + "</h1>\n";
    if (!options.note.empty()) out += "<p class=\"review\">" + escape_html(options.note) + "</p>\n";
    out += fmt::format(
        "<p class=\"docs\">Korean: <code>{}</code> ({} segments) · English: <code>{}</code> ({} "
        "segments) · {} links · {} findings</p>\n",
        escape_html(input.ko.document.name), input.ko.size(), escape_html(input.en.document.name),
        input.en.size(), input.alignment.size(), input.findings.size());
    // A passage left untranslated is said first, in plain words.
    for (std::size_t k = 0; k < input.findings.size(); ++k) {
      const Finding& f = input.findings[k];
      if (!f.passage) continue;
      out += fmt::format(
          "<p class=\"passage sev-{0}\"><b>Missing passage</b> <span class=\"badge "
          "sev-{0}\">{0}</span> {1} <a href=\"#finding-{2}\">finding {2}</a></p>\n",
          severity_name(f.severity), escape_html(f.message), k + 1);
    }
    out +=
        "<nav class=\"toc\"><a href=\"#summary\">Summary</a><a href=\"#path\">Alignment path</a>"
        "<a href=\"#findings\">Findings</a><a href=\"#pairs\">Side by side</a></nav>\n</header>\n";
  }

  void toolbar() {
    out +=
        "<form class=\"toolbar\" id=\"filters\" aria-label=\"Filters\">\n<fieldset><legend>"
        "Severity</legend>";
    for (std::size_t s = 0; s < kSeverities.size(); ++s) {
      const std::string_view name = severity_name(kSeverities[s]);
      out += fmt::format(
          "<label><input type=\"checkbox\" checked data-key=\"severity:{0}\"> <span "
          "class=\"badge sev-{0}\">{0}</span> {1}</label>",
          name, summary.by_severity[s]);
    }
    out += "</fieldset>\n<fieldset><legend>Check</legend>";
    for (const auto& [check, counts] : summary.by_check)
      out += fmt::format(
          "<label><input type=\"checkbox\" checked data-key=\"check:{0}\"> <code>{0}</code> "
          "{1}</label>",
          escape_html(check), counts[0] + counts[1] + counts[2]);
    out +=
        "</fieldset>\n<label><input type=\"checkbox\" id=\"only-flagged\"> only links with "
        "findings</label> <span id=\"shown\"></span> <span class=\"keys\">keys <kbd>j</kbd> / "
        "<kbd>k</kbd>: next / previous flagged link</span>\n</form>\n";
  }

  void summary_section() {
    const ReportSummary& s = summary;
    out += "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n";
    for (std::size_t i = 0; i < kSeverities.size(); ++i) {
      const std::string_view name = severity_name(kSeverities[i]);
      out += fmt::format("<div class=\"card sev-{0}\"><b>{1}</b>{0} finding{2}</div>\n", name,
                         s.by_severity[i], s.by_severity[i] == 1 ? "" : "s");
    }
    out += fmt::format(
        "<div class=\"card\"><b>{:.1f}%</b>Korean segments aligned<br><small>{} of {} in links "
        "with both sides</small></div>\n",
        100 * s.ko_coverage, s.ko_linked, s.ko_segments);
    out += fmt::format(
        "<div class=\"card\"><b>{:.1f}%</b>English segments aligned<br><small>{} of {} in links "
        "with both sides</small></div>\n",
        100 * s.en_coverage, s.en_linked, s.en_segments);
    out += fmt::format(
        "<div class=\"card\"><b>{:.2f}</b>mean link confidence<br><small>{} links, {} with one "
        "side empty, {} below {:.2f}</small></div>\n</div>\n",
        s.mean_confidence, s.links, s.null_links, s.low_confidence_links, options.low_confidence);
    out +=
        "<div class=\"overview\">\n<div>\n<h3>Findings by check</h3>\n<table "
        "class=\"counts\">\n<thead><tr><th>Check</th><th>Major</th><th>Minor</th>"
        "<th>Info</th><th>Total</th></tr></thead>\n<tbody>\n";
    const auto cell = [](std::size_t n) {
      return n == 0 ? std::string("<td class=\"zero\">0</td>") : fmt::format("<td>{}</td>", n);
    };
    for (const auto& [check, counts] : s.by_check) {
      out += "<tr><th><code>" + escape_html(check) + "</code>";
      const auto desc = input.check_descriptions.find(check);
      if (desc != input.check_descriptions.end())
        out += "<div class=\"desc\">" + escape_html(desc->second) + "</div>";
      out += "</th>" + cell(counts[0]) + cell(counts[1]) + cell(counts[2]) +
             cell(counts[0] + counts[1] + counts[2]) + "</tr>\n";
    }
    out += "</tbody>\n<tfoot><tr><th>All checks</th>" + cell(s.by_severity[0]) +
           cell(s.by_severity[1]) + cell(s.by_severity[2]) + cell(input.findings.size()) +
           "</tr></tfoot>\n</table>\n</div>\n";
    path_section();
    out += "</div>\n</section>\n";
  }

  void path_section() {
    out += "<div class=\"path\" id=\"path\">\n<h3>Alignment path</h3>\n<figure>\n";
    out += render_alignment_svg(input, options);
    out +=
        "\n<figcaption>Korean segment index across, English down: each box is a link, its "
        "colour the aligner's confidence. A path hugging the diagonal is a faithful "
        "sentence-by-sentence translation; bars are segments without counterpart. Click a box "
        "to jump to the link.</figcaption>\n</figure>\n</div>\n";
  }

  void findings_section() {
    out +=
        fmt::format("<section id=\"findings\">\n<h2>Findings ({})</h2>\n", input.findings.size());
    if (input.findings.empty()) out += "<p>No check reported a problem.</p>\n";
    out += "<ol class=\"findings\">\n";
    // Most certain first; each keeps its number (the links and notes refer to it).
    std::vector<std::size_t> order(input.findings.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return input.findings[a].confidence > input.findings[b].confidence;
    });
    for (std::size_t fi : order) {
      const Finding& f = input.findings[fi];
      out += fmt::format(
          "<li value=\"{0}\" id=\"finding-{0}\" class=\"finding sev-{1}\" data-f=\"{0}\" "
          "data-check=\"{2}\" data-severity=\"{1}\"><span class=\"badge sev-{1}\">{1}</span> "
          "<code>{2}</code> <span class=\"confidence\">confidence {3:.2f}</span> ",
          fi + 1, sev(fi), escape_html(f.check), std::max(0.0, f.confidence));
      std::string links;
      for (std::size_t l : layout.finding_links[fi])
        links +=
            fmt::format("{}<a href=\"#link-{}\">{}</a>", links.empty() ? "" : ", ", l + 1, l + 1);
      out += "<span class=\"where\">";
      if (!links.empty())
        out += (layout.finding_links[fi].size() == 1 ? "link " : "links ") + links + " · ";
      out += where(f) + "</span><br>" + escape_html(f.message) + "</li>\n";
    }
    out += "</ol>\n</section>\n";
  }

  void segment(Side side, std::uint32_t i) {
    const SegmentedText& t = text(input, side);
    const SideLayout& sl = layout.side(side);
    const char* code = side == Side::kKorean ? "ko" : "en";
    out += fmt::format("<p class=\"seg{}\" id=\"{}-{}\"><span class=\"sid\">{}</span>",
                       sl.boilerplate[i] ? " boilerplate" : "", code, i, i);
    const std::vector<Evidence>& evidence = sl.evidence[i];
    for (const Piece& p : pieces(t.segments[i].span, evidence)) {
      const std::string body = escape_html(t.document.view(p.span));
      if (p.findings.empty()) {
        out += body;
        continue;
      }
      out += fmt::format("<mark class=\"sev-{}\" data-fs=\"{}\" title=\"{}\">{}</mark>",
                         severity_name(worst(p.findings)), numbers(p.findings), tooltip(p.findings),
                         body);
      for (const Evidence& e : evidence)  // a reference at the end of each evidence span
        if (e.span.end == p.span.end)
          out += fmt::format(
              "<sup class=\"fref\" data-fs=\"{0}\"><a href=\"#finding-{0}\">{0}</a></sup>",
              e.finding + 1);
    }
    out += "</p>";
  }

  void side_cell(Side side, const Bead& b, bool furniture) {
    const bool ko = side == Side::kKorean;
    const std::uint32_t first = ko ? b.ko_begin : b.en_begin;
    const std::uint32_t last = ko ? b.ko_end : b.en_end;
    out += fmt::format("<td class=\"{0}\" lang=\"{0}\">", ko ? "ko" : "en");
    if (first == last) {
      const char* what = furniture ? (ko ? "no Korean: boilerplate of the English page"
                                         : "not translated: boilerplate")
                                   : (ko ? "no Korean source: addition" : "no English: omission");
      out += fmt::format("<div class=\"gap\" lang=\"en\">— {} —</div>", what);
    }
    for (std::uint32_t i = first; i < last; ++i) segment(side, i);
    out += "</td>";
  }

  void notes_cell(std::size_t link) {
    out += "<td class=\"notes\">";
    const auto& fs = layout.link_findings[link];
    if (!fs.empty()) out += "<ul class=\"notes\">";
    for (std::size_t fi : fs) {
      const Finding& f = input.findings[fi];
      // Information repeated on many links (web furniture) is named, not repeated in full.
      const bool brief = f.severity == Severity::kInfo && layout.finding_links[fi].size() > 1;
      out += fmt::format(
          "<li class=\"note sev-{1}\" data-f=\"{0}\" data-check=\"{2}\" data-severity=\"{1}\""
          "{3}><a href=\"#finding-{0}\">[{0}]</a> <span class=\"badge sev-{1}\">{1}</span> "
          "<code>{2}</code>",
          fi + 1, sev(fi), escape_html(f.check),
          brief ? " title=\"" + escape_html(f.message) + "\"" : std::string());
      if (brief) {
        out += "</li>";
        continue;
      }
      out += " " + escape_html(f.message);
      std::string others;
      for (std::size_t l : layout.finding_links[fi])
        if (l != link)
          others += fmt::format("{}<a href=\"#link-{}\">{}</a>", others.empty() ? "" : ", ", l + 1,
                                l + 1);
      if (!others.empty()) out += " <span class=\"also\">(also link " + others + ")</span>";
      out += "</li>";
    }
    if (!fs.empty()) out += "</ul>";
    out += "</td>";
  }

  void pairs_section() {
    out +=
        "<section id=\"pairs\">\n<h2>Side by side</h2>\n<table class=\"pairs\">\n"
        "<colgroup><col class=\"lid\"><col class=\"ko\"><col class=\"en\"><col "
        "class=\"notes\"></colgroup>\n<thead><tr><th>Link</th><th lang=\"ko\">한국어 "
        "<span lang=\"en\">(Korean)</span></th><th>English</th><th>Findings</th></tr></thead>\n"
        "<tbody>\n";
    for (std::size_t l = 0; l < input.alignment.size(); ++l) {
      const Bead& b = input.alignment[l];
      const bool furniture = is_furniture(b, layout);
      const auto& fs = layout.link_findings[l];
      std::string cls =
          "link band-" + std::string(band_name(confidence_band(b.confidence, options)));
      if (b.en_size() == 0) cls += " omission";
      if (b.ko_size() == 0) cls += " addition";
      if (furniture) cls += " furniture";
      if (!fs.empty() && worst(fs) != Severity::kInfo)
        cls += " has-" + std::string(severity_name(worst(fs)));
      out += fmt::format(
          "<tr id=\"link-{0}\" class=\"{1}\" data-fs=\"{2}\"><th class=\"lid\" scope=\"row\">"
          "<a class=\"lnum\" href=\"#link-{0}\">{0}</a><div class=\"shape\">{3}</div>"
          "<div class=\"conf band-{4}\" title=\"aligner confidence\">{5:.2f}</div></th>",
          l + 1, cls, numbers(fs), link_shape(b), band_name(confidence_band(b.confidence, options)),
          b.confidence);
      side_cell(Side::kKorean, b, furniture);
      side_cell(Side::kEnglish, b, furniture);
      notes_cell(l);
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
  }

  std::string render() {
    head();
    toolbar();
    out += "<main>\n";
    summary_section();
    findings_section();
    pairs_section();
    out += "</main>\n<script>";
    out += kScript;
    out += "</script>\n</body>\n</html>\n";
    return std::move(out);
  }
};

}  // namespace

std::string render_html(const ReportInput& input, const ReportOptions& options) {
  return Page(input, options).render();
}

}  // namespace kealign
