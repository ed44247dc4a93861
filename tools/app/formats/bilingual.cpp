#include "app/formats/bilingual.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <set>

#include "app/formats/xml_text.hpp"
#include "kealign/error.hpp"

namespace kealign::formats {
namespace {

enum class Dialect { kTmx, kXliff1, kXliff2 };

bool blank(std::string_view s) {
  return fold_space(s).empty();
}

using Source = XmlSource;

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c : node.children())
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  return {};
}

bool is_code(Dialect d, std::string_view name) {
  static const std::set<std::string_view> tmx = {"bpt", "ept", "ph", "it", "ut"};
  static const std::set<std::string_view> xliff1 = {"x", "bx", "ex", "ph", "bpt", "ept", "it"};
  static const std::set<std::string_view> xliff2 = {"ph", "sc", "ec"};
  return (d == Dialect::kTmx ? tmx : d == Dialect::kXliff1 ? xliff1 : xliff2).count(name) > 0;
}

// The text of a segment element: character data, the text of paired formatting, one placeholder
// per inline code, and kealign's named forbidden characters turned back into themselves.
void append_inline(const pugi::xml_node& node, Dialect d, std::string& out) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = local_name(c);
    if (d == Dialect::kXliff2 && name == "cp") {
      const char32_t ch = parse_char_name(std::string("U+") + c.attribute("hex").value());
      if (ch != 0) append_utf8(out, ch);
      continue;
    }
    if (name == "ph" && (std::string_view(c.attribute("type").value()) == "x-kealign-char" ||
                         std::string_view(c.attribute("ctype").value()) == "x-kealign-char")) {
      if (const char32_t ch = parse_char_name(c.child_value())) {
        append_utf8(out, ch);
        continue;
      }
    }
    if (is_code(d, name)) {
      out += kPlaceholder;
    } else if (name == "sub" || name == "sm" || name == "em") {
      // sub-flows belong to codes; sm/em only mark an annotation's ends
    } else {
      append_inline(c, d, out);  // hi, g, pc, mrk and anything unknown: keep the text
    }
  }
}

std::string inline_text(const pugi::xml_node& node, Dialect d) {
  std::string out;
  if (node) append_inline(node, d, out);
  return out;
}

enum class Side { kKo, kEn, kNeither };

struct Languages {
  std::string ko, en;  // primary subtags
  const BilingualOptions& options;

  Side side(std::string_view tag) const {
    const std::string p = primary_language(tag);
    return p == ko ? Side::kKo : p == en ? Side::kEn : Side::kNeither;
  }
  std::string neither(std::string_view what, std::string_view tag) const {
    return fmt::format("{} '{}' names neither side (--ko-lang {}, --en-lang {})", what, tag,
                       options.ko_lang, options.en_lang);
  }
};

void read_tmx(const pugi::xml_node& root, const Source& src, const Languages& langs,
              BilingualDocument& doc) {
  const pugi::xml_node body = child(root, "body");
  if (!body) src.fail(root, "TMX without <body>");
  std::size_t number = 0;
  for (pugi::xml_node tu : body.children()) {
    if (tu.type() != pugi::node_element || local_name(tu) != "tu") continue;
    ++number;
    BilingualUnit u;
    u.id = tu.attribute("tuid") ? tu.attribute("tuid").value() : std::to_string(number);
    u.line = src.line(tu);
    bool have_ko = false, have_en = false;
    for (pugi::xml_node tuv : tu.children()) {
      if (tuv.type() != pugi::node_element || local_name(tuv) != "tuv") continue;
      pugi::xml_attribute lang = tuv.attribute("xml:lang");
      if (!lang) lang = tuv.attribute("lang");
      if (!lang) src.fail(tuv, "<tuv> without xml:lang");
      const Side side = langs.side(lang.value());
      if (side == Side::kNeither) src.fail(tuv, langs.neither("xml:lang", lang.value()));
      bool& have = side == Side::kKo ? have_ko : have_en;
      if (have) src.fail(tuv, fmt::format("a second <tuv xml:lang=\"{}\"> in one <tu>", lang.value()));
      have = true;
      (side == Side::kKo ? u.ko : u.en) = inline_text(child(tuv, "seg"), Dialect::kTmx);
    }
    doc.units.push_back(std::move(u));
  }
}

bool translatable(const pugi::xml_node& node) {
  for (pugi::xml_node n = node; n; n = n.parent())
    if (std::string_view(n.attribute("translate").value()) == "no") return false;
  return true;
}

// The side a declared language names; a missing target language is the other side.
void orient(const Source& src, const Languages& langs, const pugi::xml_node& at,
            std::string_view source_attr, std::string_view target_attr, bool& source_is_ko) {
  const pugi::xml_attribute s = at.attribute(std::string(source_attr).c_str());
  const pugi::xml_attribute t = at.attribute(std::string(target_attr).c_str());
  if (!s) src.fail(at, fmt::format("no {} attribute", source_attr));
  const Side side = langs.side(s.value());
  if (side == Side::kNeither) src.fail(at, langs.neither(source_attr, s.value()));
  if (t) {
    const Side other = langs.side(t.value());
    if (other == Side::kNeither) src.fail(at, langs.neither(target_attr, t.value()));
    if (other == side)
      src.fail(at, fmt::format("{} '{}' and {} '{}' name the same side", source_attr, s.value(),
                               target_attr, t.value()));
  }
  source_is_ko = side == Side::kKo;
}

void read_xliff1(const pugi::xml_node& root, const Source& src, const Languages& langs,
                 BilingualDocument& doc) {
  for (pugi::xml_node file : root.children()) {
    if (file.type() != pugi::node_element || local_name(file) != "file") continue;
    bool source_is_ko = true;
    orient(src, langs, file, "source-language", "target-language", source_is_ko);
    for (pugi::xpath_node x : file.select_nodes(".//*[local-name()='trans-unit']")) {
      const pugi::xml_node tu = x.node();
      if (std::string_view(tu.attribute("restype").value()) == "x-gettext-domain-header")
        continue;  // the PO header po2xliff carries over: metadata, not text
      if (!translatable(tu)) {
        ++doc.not_translatable;
        continue;
      }
      const std::string id = tu.attribute("id").value();
      std::string source = inline_text(child(tu, "source"), Dialect::kXliff1);
      std::string target = inline_text(child(tu, "target"), Dialect::kXliff1);
      BilingualUnit u;
      u.id = id;
      u.line = src.line(tu);
      (source_is_ko ? u.ko : u.en) = std::move(source);
      (source_is_ko ? u.en : u.ko) = std::move(target);
      doc.units.push_back(std::move(u));
    }
  }
}

void read_xliff2(const pugi::xml_node& root, const Source& src, const Languages& langs,
                 BilingualDocument& doc) {
  bool source_is_ko = true;
  orient(src, langs, root, "srcLang", "trgLang", source_is_ko);
  for (pugi::xpath_node x : root.select_nodes(".//*[local-name()='unit']")) {
    const pugi::xml_node unit = x.node();
    if (!translatable(unit)) {
      ++doc.not_translatable;
      continue;
    }
    std::vector<pugi::xml_node> segments;
    for (pugi::xml_node s : unit.children())
      if (s.type() == pugi::node_element && local_name(s) == "segment") segments.push_back(s);
    for (std::size_t k = 0; k < segments.size(); ++k) {
      const pugi::xml_node seg = segments[k];
      BilingualUnit u;
      u.id = unit.attribute("id").value();
      if (segments.size() > 1)
        u.id += "/" + (seg.attribute("id") ? std::string(seg.attribute("id").value())
                                           : std::to_string(k + 1));
      u.line = src.line(seg);
      std::string source = inline_text(child(seg, "source"), Dialect::kXliff2);
      std::string target = inline_text(child(seg, "target"), Dialect::kXliff2);
      (source_is_ko ? u.ko : u.en) = std::move(source);
      (source_is_ko ? u.en : u.ko) = std::move(target);
      doc.units.push_back(std::move(u));
    }
  }
}

void read_xml(const Source& src, const Languages& langs, BilingualDocument& doc) {
  pugi::xml_document xml;
  load_xml(xml, src);
  const pugi::xml_node root = xml.document_element();
  const std::string_view name = local_name(root);
  const std::string ns = root_namespace(root);
  if (name == "tmx") {
    doc.format = "tmx";
    return read_tmx(root, src, langs, doc);
  }
  if (name != "xliff")
    src.fail(root, fmt::format("<{}>: neither TMX (<tmx>) nor XLIFF (<xliff>)", root.name()));
  if (ns == "urn:oasis:names:tc:xliff:document:1.2" || ns == "urn:oasis:names:tc:xliff:document:1.1") {
    doc.format = "xliff-1.2";
    return read_xliff1(root, src, langs, doc);
  }
  if (ns == "urn:oasis:names:tc:xliff:document:2.0" || ns == "urn:oasis:names:tc:xliff:document:2.1") {
    doc.format = "xliff-2.0";
    return read_xliff2(root, src, langs, doc);
  }
  src.fail(root, ns.empty() ? std::string("<xliff> without its namespace (xmlns)")
                            : "<xliff> in an unknown namespace '" + ns + "'");
}

// "ko", "en-US", "ko_KR": a language tag, not a text.
bool looks_like_language(std::string_view cell) {
  if (cell.size() < 2 || cell.size() > 12) return false;
  std::size_t letters = 0;
  while (letters < cell.size() && std::isalpha(static_cast<unsigned char>(cell[letters]))) ++letters;
  if (letters < 2 || letters > 3) return false;
  if (letters == cell.size()) return true;
  if (cell[letters] != '-' && cell[letters] != '_') return false;
  const std::string_view region = cell.substr(letters + 1);
  return region.size() >= 2 && region.size() <= 4 &&
         std::all_of(region.begin(), region.end(),
                     [](char ch) { return std::isupper(static_cast<unsigned char>(ch)) ||
                                          std::isdigit(static_cast<unsigned char>(ch)); });
}

// Two-column TSV: Korean<TAB>English, or a TSV with a header naming its text columns (the aligned
// TSV's `ko`/`en`, bitextor's `src_text`/`trg_text`, `source`/`target`, or the language codes).
void read_tsv(const Source& src, const Languages& langs, BilingualDocument& doc) {
  doc.format = "tsv";
  std::size_t ko_col = 0, en_col = 1, line_no = 0, offset = 0;
  bool header_seen = false;
  while (offset < src.text.size()) {
    std::size_t end = src.text.find('\n', offset);
    if (end == std::string_view::npos) end = src.text.size();
    std::string_view row = src.text.substr(offset, end - offset);
    const std::size_t row_offset = offset;
    offset = end + 1;
    ++line_no;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::vector<std::string_view> cells = tab_cells(row);
    if (!header_seen) {
      header_seen = true;
      // Column names first; failing those, language codes ("ko-KR", "en").
      std::ptrdiff_t k_col = -1, e_col = -1;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (cells[c] == "ko" || cells[c] == "src_text" || cells[c] == "source")
          k_col = static_cast<std::ptrdiff_t>(c);
        if (cells[c] == "en" || cells[c] == "trg_text" || cells[c] == "target")
          e_col = static_cast<std::ptrdiff_t>(c);
      }
      if (k_col < 0 || e_col < 0) {
        k_col = e_col = -1;
        for (std::size_t c = 0; c < cells.size(); ++c) {
          if (!looks_like_language(cells[c])) continue;
          if (langs.side(cells[c]) == Side::kKo) k_col = static_cast<std::ptrdiff_t>(c);
          if (langs.side(cells[c]) == Side::kEn) e_col = static_cast<std::ptrdiff_t>(c);
        }
      }
      if (k_col >= 0 && e_col >= 0 && k_col != e_col) {
        ko_col = static_cast<std::size_t>(k_col);
        en_col = static_cast<std::size_t>(e_col);
        continue;
      }
    }
    if (cells.size() <= ko_col)
      src.fail(static_cast<std::ptrdiff_t>(row_offset + row.size()),
               fmt::format("{} cell{} where the Korean text is cell {}", cells.size(),
                           cells.size() == 1 ? "" : "s", ko_col + 1));
    BilingualUnit u;
    u.id = "line " + std::to_string(line_no);
    u.line = line_no;
    u.ko = unescape_tsv(cells[ko_col]);
    if (cells.size() > en_col) u.en = unescape_tsv(cells[en_col]);
    doc.units.push_back(std::move(u));
  }
}

}  // namespace

BilingualDocument parse_bilingual(std::string_view bytes, const std::string& name,
                                  const BilingualOptions& options) {
  BilingualDocument doc;
  doc.name = name;
  const Languages langs{primary_language(options.ko_lang), primary_language(options.en_lang),
                        options};
  if (langs.ko.empty() || langs.en.empty() || langs.ko == langs.en)
    throw UsageError("--ko-lang " + options.ko_lang + " and --en-lang " + options.en_lang +
                     " must name two languages");
  const Source src{name, bytes};
  std::size_t start = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (start < bytes.size() && (bytes[start] == ' ' || bytes[start] == '\t' ||
                                  bytes[start] == '\n' || bytes[start] == '\r'))
    ++start;
  if (start < bytes.size() && bytes[start] == '<')
    read_xml(src, langs, doc);
  else
    read_tsv(src, langs, doc);
  // A unit with no text on either side carries nothing to check.
  doc.units.erase(std::remove_if(doc.units.begin(), doc.units.end(),
                                 [](const BilingualUnit& u) { return blank(u.ko) && blank(u.en); }),
                  doc.units.end());
  return doc;
}

namespace {

// Share of Hangul syllables among the letters and syllables of a side's texts.
double hangul_share(const BilingualDocument& doc, bool korean) {
  std::size_t hangul = 0, letters = 0;
  for (const BilingualUnit& u : doc.units) {
    const std::string& s = korean ? u.ko : u.en;
    for (std::size_t i = 0; i < s.size();) {
      const char32_t c = next_code_point(s, i);
      if (c >= 0xAC00 && c <= 0xD7A3) ++hangul, ++letters;
      else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
    }
  }
  return letters == 0 ? 0.0 : static_cast<double>(hangul) / static_cast<double>(letters);
}

}  // namespace

void check_sides(const BilingualDocument& doc, const BilingualOptions& options) {
  constexpr double kKoreanText = 0.3, kNoKorean = 0.05;  // as the pair commands judge swapped files
  if (hangul_share(doc, false) >= kKoreanText && hangul_share(doc, true) <= kNoKorean)
    throw InputError(doc.name, 0, std::string::npos,
                     "the side the file labels " + options.en_lang + " is Korean and the one it "
                     "labels " + options.ko_lang + " is not: its language codes look swapped "
                     "(po2xliff labels every source en-US); name them with --ko-lang and --en-lang");
}

BilingualDocument read_bilingual(const std::string& path, const BilingualOptions& options,
                                 const ReadOptions& read) {
  const Document file = read_document(path, read);  // UTF-8, no NUL bytes, sane line lengths
  BilingualDocument doc = parse_bilingual(file.text, file.name, options);
  check_sides(doc, options);
  return doc;
}

namespace {

// One segment per non-empty side, each on its own line of a document built from the units.
SegmentedText side_text(const BilingualDocument& doc, bool korean, std::vector<std::string>& ids) {
  std::string text;
  std::vector<Segment> segments;
  for (std::size_t k = 0; k < doc.units.size(); ++k) {
    const BilingualUnit& u = doc.units[k];
    const std::string& s = korean ? u.ko : u.en;
    if (blank(s)) continue;
    // Trim as the splitter does, so a span holds the text and nothing around it.
    std::size_t b = 0, e = s.size();
    while (b < e) {
      std::size_t i = b;
      if (!is_space(next_code_point(s, i))) break;
      b = i;
    }
    while (e > b) {
      std::size_t i = e;
      if (!is_space(previous_code_point(s, i))) break;
      e = i;
    }
    Segment seg;
    seg.span = {text.size() + b, text.size() + e};
    seg.paragraph = static_cast<std::uint32_t>(k);
    seg.line = static_cast<std::uint32_t>(u.line);
    segments.push_back(seg);
    ids.push_back(u.id);
    text += s;
    text += '\n';
  }
  SegmentedText out;
  ReadOptions read;
  read.max_line_bytes = std::max(read.max_line_bytes, text.size() + 1);
  out.document = make_document(doc.name + (korean ? " (Korean side)" : " (English side)"),
                               std::move(text), read);
  out.segments = std::move(segments);
  return out;
}

std::string unit_label(const std::vector<std::string>& units) {
  std::string out = units.size() == 1 ? "unit " : "units ";
  for (std::size_t k = 0; k < units.size(); ++k) out += (k ? ", " : "") + units[k];
  return out;
}

}  // namespace

void name_units(Finding& f, const BilingualAnalysis& b) {
  std::vector<std::string> units;
  auto add = [&](const std::vector<std::uint32_t>& ids, const std::vector<std::string>& names) {
    for (std::uint32_t i : ids)
      if (i < names.size() && std::find(units.begin(), units.end(), names[i]) == units.end())
        units.push_back(names[i]);
  };
  add(f.ko_ids, b.ko_units);
  add(f.en_ids, b.en_units);
  if (!units.empty()) f.message = unit_label(units) + ": " + f.message;
}

BilingualAnalysis analyze_bilingual(const BilingualDocument& doc, const AnalysisOptions& options,
                                    bool missing_translations) {
  BilingualAnalysis out;
  SegmentedText ko = side_text(doc, true, out.ko_units);
  SegmentedText en = side_text(doc, false, out.en_units);
  Alignment alignment;
  std::vector<std::uint32_t> missing;  // Korean segments whose unit has no English
  std::uint32_t k = 0, e = 0;
  for (const BilingualUnit& u : doc.units) {
    Bead b;
    b.ko_begin = k;
    b.en_begin = e;
    if (!blank(u.ko)) ++k;
    if (!blank(u.en)) ++e;
    b.ko_end = k;
    b.en_end = e;
    if (b.ko_size() == 1 && b.en_size() == 0) missing.push_back(b.ko_begin);
    alignment.push_back(b);
  }
  AnalysisOptions opts = options;
  // The file pairs its units itself: never refuse it as "not a translation".
  opts.allow_unrelated = true;
  if (alignment.empty()) {
    out.analysis.ko = std::move(ko);
    out.analysis.en = std::move(en);
    return out;
  }
  out.analysis = analyze_segmented(std::move(ko), std::move(en), opts, std::move(alignment));
  Analysis& a = out.analysis;
  const std::set<std::uint32_t> missing_set(missing.begin(), missing.end());
  std::vector<Finding> findings;  // missing translations first, then the checks' findings
  if (missing_translations) {
    for (std::uint32_t id : missing) {
      Finding f;
      f.check = std::string(kMissingTranslation);
      f.severity = Severity::kMajor;
      f.ko_ids = {id};
      f.ko_spans = {a.ko.segments[id].span};
      f.message = "no translation: the unit has no English target, or an empty one";
      findings.push_back(std::move(f));
    }
  }
  const bool sort = !findings.empty();
  for (Finding& f : a.findings) {
    const bool about_missing =
        f.check == "omission" && f.en_ids.empty() && !f.ko_ids.empty() &&
        std::all_of(f.ko_ids.begin(), f.ko_ids.end(),
                    [&](std::uint32_t id) { return missing_set.count(id) > 0; });
    if (!about_missing) findings.push_back(std::move(f));
  }
  if (sort) {
    // The library's order: by the first link a finding touches (a missing translation first).
    std::vector<std::size_t> ko_link(a.ko.size()), en_link(a.en.size());
    for (std::size_t l = 0; l < a.alignment.size(); ++l) {
      for (std::uint32_t i = a.alignment[l].ko_begin; i < a.alignment[l].ko_end; ++i) ko_link[i] = l;
      for (std::uint32_t i = a.alignment[l].en_begin; i < a.alignment[l].en_end; ++i) en_link[i] = l;
    }
    auto first_link = [&](const Finding& f) {
      std::size_t best = a.alignment.size();
      for (std::uint32_t i : f.ko_ids) best = std::min(best, ko_link[i]);
      for (std::uint32_t i : f.en_ids) best = std::min(best, en_link[i]);
      return best;
    };
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding& x, const Finding& y) {
      return first_link(x) < first_link(y);
    });
  }
  for (Finding& f : findings) name_units(f, out);
  a.findings = std::move(findings);
  return out;
}

}  // namespace kealign::formats
