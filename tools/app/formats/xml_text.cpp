#include "app/formats/xml_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign::formats {

bool xml_forbidden(char32_t c) {
  if (c < 0x20) return c != 0x09 && c != 0x0A && c != 0x0D;
  return c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF;
}

XmlPieces split_forbidden(std::string_view text) {
  XmlPieces out;
  out.pieces.emplace_back();
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    if (xml_forbidden(c)) {
      out.chars.push_back(c);
      out.pieces.emplace_back();
    } else {
      out.pieces.back().append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string char_name(char32_t c) {
  return fmt::format("U+{:04X}", static_cast<std::uint32_t>(c));
}

char32_t parse_char_name(std::string_view name) {
  if (name.size() < 6 || name.size() > 8 || name.substr(0, 2) != "U+") return 0;
  std::uint32_t value = 0;
  for (char ch : name.substr(2)) {
    const int digit = std::isdigit(static_cast<unsigned char>(ch)) ? ch - '0'
                      : (ch >= 'A' && ch <= 'F')                   ? ch - 'A' + 10
                      : (ch >= 'a' && ch <= 'f')                   ? ch - 'a' + 10
                                                                   : -1;
    if (digit < 0) return 0;
    value = value * 16 + static_cast<std::uint32_t>(digit);
  }
  const auto c = static_cast<char32_t>(value);
  return c != 0 && xml_forbidden(c) && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF) ? c : 0;
}

std::string primary_language(std::string_view tag) {
  std::string out;
  for (char ch : tag) {
    if (ch == '-' || ch == '_') break;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

TextPosition position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  TextPosition p;
  const std::string_view before = text.substr(0, offset);
  p.line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t nl = before.rfind('\n');
  p.column = nl == std::string_view::npos ? offset + 1 : offset - nl;
  return p;
}

void XmlSource::fail(std::ptrdiff_t offset, const std::string& problem) const {
  const std::size_t at = offset < 0 ? 0 : static_cast<std::size_t>(offset);
  const TextPosition p = position_of(text, at);
  throw InputError(name, p.line, std::min(at, text.size()),
                   fmt::format("column {}: {}", p.column, problem));
}

void XmlSource::fail(const pugi::xml_node& node, const std::string& problem) const {
  fail(node.offset_debug(), problem);
}

std::size_t XmlSource::line(const pugi::xml_node& node) const {
  return position_of(text,
                     static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, node.offset_debug())))
      .line;
}

void load_xml(pugi::xml_document& xml, const XmlSource& src) {
  const pugi::xml_parse_result r =
      xml.load_buffer(src.text.data(), src.text.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                      pugi::encoding_utf8);
  if (!r) src.fail(r.offset, std::string("malformed XML: ") + r.description());
  const pugi::xml_node root = xml.document_element();
  if (!root) src.fail(0, "malformed XML: no root element");
  // pugixml takes what XML 1.0 does not: a second root element, text outside the root.
  const std::size_t last = src.text.find_last_of('>');
  const std::size_t after = src.text.find_first_not_of(" \t\r\n", last + 1);
  if (after != std::string_view::npos)
    src.fail(static_cast<std::ptrdiff_t>(after), "malformed XML: text after the root element");
  for (pugi::xml_node n : xml.children()) {
    if (n.type() == pugi::node_element && n != root)
      src.fail(n, "malformed XML: a second root element");
    if ((n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) &&
        !fold_space(n.value()).empty())
      src.fail(n, "malformed XML: text outside the root element");
  }
}

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string root_namespace(const pugi::xml_node& root) {
  const std::string_view name = root.name();
  const std::size_t colon = name.find(':');
  const std::string attr = colon == std::string_view::npos
                               ? std::string("xmlns")
                               : "xmlns:" + std::string(name.substr(0, colon));
  return root.attribute(attr.c_str()).value();
}

}  // namespace kealign::formats
