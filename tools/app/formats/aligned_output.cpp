#include "app/formats/aligned_output.hpp"

#include <fmt/format.h>

#include <filesystem>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "app/formats/xml_text.hpp"
#include "app/io.hpp"
#include "kealign/check.hpp"
#include "kealign/error.hpp"
#include "kealign/version.hpp"

namespace kealign::formats {
namespace {

struct Shape {
  std::uint32_t ko = 0;
  std::uint32_t en = 0;
};

std::vector<Shape> parse_shapes(const std::string& list) {
  std::vector<Shape> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string item = list.substr(start, comma - start);
    start = comma + 1;
    if (item.empty()) continue;
    const std::size_t dash = item.find('-');
    Shape s;
    bool ok = dash != std::string::npos && dash > 0 && dash + 1 < item.size() && dash < 3 &&
              item.size() - dash - 1 < 3;
    for (std::size_t i = 0; ok && i < item.size(); ++i)
      if (i != dash && (item[i] < '0' || item[i] > '9')) ok = false;
    if (!ok)
      throw UsageError("--only '" + list + "': expected link shapes such as 1-1 or 1-1,1-2");
    s.ko = static_cast<std::uint32_t>(std::stoul(item.substr(0, dash)));
    s.en = static_cast<std::uint32_t>(std::stoul(item.substr(dash + 1)));
    out.push_back(s);
  }
  if (out.empty() && !list.empty()) throw UsageError("--only '" + list + "': no link shape");
  return out;
}

std::string ids(const std::vector<std::uint32_t>& list) {
  std::string out;
  for (std::uint32_t id : list) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::string byte_text(const Span& s) {
  return fmt::format("{}-{}", s.begin, s.end);
}

// Text into an element: allowed runs as text, each forbidden character as a named placeholder.
// The text, with each character XML 1.0 cannot hold as a placeholder naming it: TMX
// <ph type="x-kealign-char">, XLIFF 1.2 <ph id="N" ctype="x-kealign-char"> (ids from 1 per
// element).
void append_text(pugi::xml_node parent, std::string_view text, bool xliff = false) {
  const XmlPieces p = split_forbidden(text);
  for (std::size_t k = 0; k < p.pieces.size(); ++k) {
    if (!p.pieces[k].empty()) parent.append_child(pugi::node_pcdata).set_value(p.pieces[k].c_str());
    if (k < p.chars.size()) {
      pugi::xml_node ph = parent.append_child("ph");
      if (xliff) ph.append_attribute("id") = std::to_string(k + 1).c_str();
      ph.append_attribute(xliff ? "ctype" : "type") = "x-kealign-char";
      ph.append_child(pugi::node_pcdata).set_value(char_name(p.chars[k]).c_str());
    }
  }
}

void add_prop(pugi::xml_node tu, const char* type, const std::string& value) {
  pugi::xml_node prop = tu.append_child("prop");
  prop.append_attribute("type") = type;
  append_text(prop, value);  // props hold no forbidden characters in practice; stay well-formed
}

// Indented, except inside <seg>: white space added there would become part of the text.
void save_node(const pugi::xml_node& node, std::ostringstream& out, int depth) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  static const std::set<std::string_view> text_elements = {"seg", "prop", "source", "target",
                                                           "note"};
  if (node.type() != pugi::node_element || text_elements.count(node.name()) > 0 ||
      !node.first_child()) {
    out << indent;
    node.print(out, "", pugi::format_raw, pugi::encoding_utf8);
    out << '\n';
    return;
  }
  pugi::xml_document empty;  // the element without its children: <name attributes/>
  pugi::xml_node copy = empty.append_child(node.name());
  for (pugi::xml_attribute a : node.attributes()) copy.append_attribute(a.name()) = a.value();
  std::ostringstream tag;
  copy.print(tag, "", pugi::format_raw, pugi::encoding_utf8);
  std::string start = tag.str();
  start.erase(start.size() - 2);  // "/>"
  out << indent << start << ">\n";
  for (pugi::xml_node c : node.children()) save_node(c, out, depth + 1);
  out << indent << "</" << node.name() << ">\n";
}

std::string to_string(const pugi::xml_document& doc) {
  std::ostringstream out;
  for (pugi::xml_node n : doc.children()) save_node(n, out, 0);
  return out.str();
}

}  // namespace

bool AlignedOutputOptions::plain() const {
  return format == "tsv" && min_score <= 0 && only.empty();
}

const std::vector<std::string>& aligned_formats() {
  static const std::vector<std::string> formats = {"tsv",   "json",     "tmx",
                                                   "moses", "bitextor", "xliff"};
  return formats;
}

void validate(const AlignedOutputOptions& options) {
  const auto& known = aligned_formats();
  if (std::find(known.begin(), known.end(), options.format) == known.end())
    throw UsageError("unknown format '" + options.format + "' (use tsv, json, tmx, moses or bitextor)");
  if (!(options.min_score >= 0 && options.min_score <= 1))
    throw UsageError(fmt::format("--min-score {}: expected a confidence in [0, 1]", options.min_score));
  parse_shapes(options.only);
  if (primary_language(options.ko_lang).empty() || primary_language(options.en_lang).empty())
    throw UsageError("empty language code");
  if (primary_language(options.ko_lang) == primary_language(options.en_lang))
    throw UsageError("--ko-lang " + options.ko_lang + " and --en-lang " + options.en_lang +
                     " name the same language");
}

std::vector<AlignedLink> aligned_links(const Analysis& a, const AlignedOutputOptions& options) {
  const std::vector<Shape> shapes = parse_shapes(options.only);
  const std::vector<std::string> flags = flags_per_bead(a.alignment, a.findings);
  std::vector<AlignedLink> out;
  for (std::size_t k = 0; k < a.alignment.size(); ++k) {
    const Bead& b = a.alignment[k];
    if (b.confidence < options.min_score) continue;
    if (!shapes.empty() &&
        std::none_of(shapes.begin(), shapes.end(), [&](const Shape& s) {
          return s.ko == b.ko_size() && s.en == b.en_size();
        }))
      continue;
    AlignedLink link;
    link.number = k + 1;
    link.score = b.confidence;
    link.flags = flags.empty() ? std::string() : flags[k];
    for (std::uint32_t i = b.ko_begin; i < b.ko_end; ++i) {
      link.ko_ids.push_back(i);
      link.ko += (i > b.ko_begin ? " " : "") + a.ko.display(i);
    }
    for (std::uint32_t i = b.en_begin; i < b.en_end; ++i) {
      link.en_ids.push_back(i);
      link.en += (i > b.en_begin ? " " : "") + a.en.display(i);
    }
    if (b.ko_size() > 0)
      link.ko_bytes = {a.ko.segments[b.ko_begin].span.begin, a.ko.segments[b.ko_end - 1].span.end};
    if (b.en_size() > 0)
      link.en_bytes = {a.en.segments[b.en_begin].span.begin, a.en.segments[b.en_end - 1].span.end};
    out.push_back(std::move(link));
  }
  return out;
}

std::string format_links_tsv(const std::vector<AlignedLink>& links) {
  std::string out = "ko_ids\ten_ids\tko\ten\tscore\tflags\n";
  for (const AlignedLink& l : links)
    out += fmt::format("{}\t{}\t{}\t{}\t{:.4f}\t{}\n", ids(l.ko_ids), ids(l.en_ids),
                       escape_tsv(l.ko), escape_tsv(l.en), l.score, escape_tsv(l.flags));
  return out;
}

namespace {
nlohmann::json byte_range(const std::vector<std::uint32_t>& side, const Span& s) {
  if (side.empty()) return nullptr;
  return nlohmann::json::array({s.begin, s.end});
}
}  // namespace

std::string format_links_json(const std::vector<AlignedLink>& links) {
  nlohmann::json out = nlohmann::json::array();
  for (const AlignedLink& l : links) {
    nlohmann::json flags = nlohmann::json::array();
    for (std::size_t start = 0; start < l.flags.size();) {
      const std::size_t comma = std::min(l.flags.find(',', start), l.flags.size());
      flags.push_back(l.flags.substr(start, comma - start));
      start = comma + 1;
    }
    out.push_back({{"link", l.number},
                   {"ko_ids", l.ko_ids},
                   {"en_ids", l.en_ids},
                   {"ko", l.ko},
                   {"en", l.en},
                   {"score", std::round(l.score * 10000) / 10000},
                   {"flags", flags},
                   {"ko_bytes", byte_range(l.ko_ids, l.ko_bytes)},
                   {"en_bytes", byte_range(l.en_ids, l.en_bytes)}});
  }
  return out.dump(2) + '\n';
}

std::string format_links_tmx(const std::vector<AlignedLink>& links,
                             const AlignedOutputOptions& options) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  doc.append_child(pugi::node_doctype).set_value("tmx SYSTEM \"tmx14.dtd\"");
  pugi::xml_node tmx = doc.append_child("tmx");
  tmx.append_attribute("version") = "1.4";
  pugi::xml_node header = tmx.append_child("header");
  header.append_attribute("creationtool") = "kealign";
  header.append_attribute("creationtoolversion") = KEALIGN_VERSION_STRING;
  header.append_attribute("segtype") = "sentence";
  header.append_attribute("o-tmf") = "kealign";
  header.append_attribute("adminlang") = "en-US";
  header.append_attribute("srclang") = options.ko_lang.c_str();
  header.append_attribute("datatype") = "plaintext";
  pugi::xml_node body = tmx.append_child("body");
  for (const AlignedLink& l : links) {
    pugi::xml_node tu = body.append_child("tu");
    tu.append_attribute("tuid") = std::to_string(l.number).c_str();
    add_prop(tu, "x-confidence", fmt::format("{:.4f}", l.score));
    add_prop(tu, "x-ko-ids", ids(l.ko_ids));
    add_prop(tu, "x-en-ids", ids(l.en_ids));
    if (!l.ko_ids.empty()) add_prop(tu, "x-ko-bytes", byte_text(l.ko_bytes));
    if (!l.en_ids.empty()) add_prop(tu, "x-en-bytes", byte_text(l.en_bytes));
    if (!l.flags.empty()) add_prop(tu, "x-flags", l.flags);
    for (int side = 0; side < 2; ++side) {
      pugi::xml_node tuv = tu.append_child("tuv");
      tuv.append_attribute("xml:lang") = (side == 0 ? options.ko_lang : options.en_lang).c_str();
      append_text(tuv.append_child("seg"), side == 0 ? l.ko : l.en);
    }
  }
  return to_string(doc);
}

std::string format_links_xliff(const std::vector<AlignedLink>& links,
                               const AlignedOutputOptions& options, const std::string& original) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node xliff = doc.append_child("xliff");
  xliff.append_attribute("version") = "1.2";
  xliff.append_attribute("xmlns") = "urn:oasis:names:tc:xliff:document:1.2";
  pugi::xml_node file = xliff.append_child("file");
  file.append_attribute("original") = original.empty() ? "kealign" : original.c_str();
  file.append_attribute("source-language") = options.ko_lang.c_str();
  file.append_attribute("target-language") = options.en_lang.c_str();
  file.append_attribute("datatype") = "plaintext";
  pugi::xml_node tool = file.append_child("header").append_child("tool");
  tool.append_attribute("tool-id") = "kealign";
  tool.append_attribute("tool-name") = "kealign";
  tool.append_attribute("tool-version") = KEALIGN_VERSION_STRING;
  pugi::xml_node body = file.append_child("body");
  for (const AlignedLink& l : links) {
    pugi::xml_node unit = body.append_child("trans-unit");
    unit.append_attribute("id") = std::to_string(l.number).c_str();
    append_text(unit.append_child("source"), l.ko, true);
    append_text(unit.append_child("target"), l.en, true);
    // What the TMX carries as props, as one note a CAT tool shows beside the unit.
    std::string note = fmt::format("confidence {:.4f}; ko_ids {}; en_ids {}", l.score,
                                   ids(l.ko_ids), ids(l.en_ids));
    if (!l.ko_ids.empty()) note += "; ko_bytes " + byte_text(l.ko_bytes);
    if (!l.en_ids.empty()) note += "; en_bytes " + byte_text(l.en_bytes);
    if (!l.flags.empty()) note += "; flags " + l.flags;
    pugi::xml_node n = unit.append_child("note");
    n.append_attribute("from") = "kealign";
    append_text(n, note, true);
  }
  return to_string(doc);
}

std::string format_links_bitextor(const std::vector<AlignedLink>& links, const std::string& ko_url,
                                  const std::string& en_url) {
  // Display text holds no tab or line break (white space is folded); the URLs are escaped.
  const std::string src = escape_tsv(ko_url), trg = escape_tsv(en_url);
  std::string out = "src_url\ttrg_url\tsrc_text\ttrg_text\taligner_score\tko_ids\ten_ids\n";
  for (const AlignedLink& l : links)
    out += fmt::format("{}\t{}\t{}\t{}\t{:.4f}\t{}\t{}\n", src, trg, l.ko, l.en, l.score,
                       ids(l.ko_ids), ids(l.en_ids));
  return out;
}

MosesFiles format_links_moses(const std::vector<AlignedLink>& links,
                              const AlignedOutputOptions& options) {
  MosesFiles out;
  for (const AlignedLink& l : links) {
    if (!options.keep_null && (l.ko_ids.empty() || l.en_ids.empty())) continue;
    out.ko += l.ko + '\n';
    out.en += l.en + '\n';
  }
  return out;
}

std::string output_path(const std::string& stem, const AlignedOutputOptions& options) {
  if (options.format == "moses") return stem;
  if (options.format == "bitextor") return stem + ".bitextor.tsv";
  return stem + "." + options.format;
}

std::vector<std::string> output_files(const std::string& stem, const AlignedOutputOptions& options) {
  if (options.format != "moses") return {output_path(stem, options)};
  return {stem + "." + primary_language(options.ko_lang),
          stem + "." + primary_language(options.en_lang)};
}

std::vector<std::pair<std::string, std::string>> aligned_output_files(
    const std::string& stem, const Analysis& analysis, const AlignedOutputOptions& options,
    const std::string& ko_path, const std::string& en_path) {
  validate(options);
  const std::vector<AlignedLink> links = aligned_links(analysis, options);
  const std::string path = output_path(stem, options);
  if (options.format == "moses") {
    MosesFiles files = format_links_moses(links, options);
    const std::vector<std::string> names = output_files(stem, options);
    return {{names[0], std::move(files.ko)}, {names[1], std::move(files.en)}};
  }
  if (options.format == "json") return {{path, format_links_json(links)}};
  if (options.format == "tmx") return {{path, format_links_tmx(links, options)}};
  if (options.format == "xliff") return {{path, format_links_xliff(links, options, ko_path)}};
  if (options.format == "bitextor") return {{path, format_links_bitextor(links, ko_path, en_path)}};
  return {{path, format_links_tsv(links)}};
}

void write_aligned_output(const std::string& path, const Analysis& analysis,
                          const AlignedOutputOptions& options, const std::string& ko_path,
                          const std::string& en_path) {
  validate(options);
  if (options.format != "moses") {
    const std::vector<AlignedLink> links = aligned_links(analysis, options);
    if (options.format == "json") return write_output(path, format_links_json(links));
    if (options.format == "tmx") return write_output(path, format_links_tmx(links, options));
    if (options.format == "xliff")
      return write_output(path, format_links_xliff(links, options, ko_path));
    if (options.format == "bitextor")
      return write_output(path, format_links_bitextor(links, ko_path, en_path));
    return write_output(path, format_links_tsv(links));
  }
  if (path.empty() || path == "-")
    throw UsageError("--format moses writes two files: give their prefix with -o PREFIX");
  // The two files as one set: an interrupt leaves both old or both new, never one of each.
  const std::filesystem::path prefix(path);
  std::vector<std::pair<std::string, std::string>> set =
      aligned_output_files(prefix.filename().string(), analysis, options, ko_path, en_path);
  write_output_set(prefix.has_parent_path() ? prefix.parent_path().string() : ".", set);
}

}  // namespace kealign::formats
