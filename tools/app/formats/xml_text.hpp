// Text in XML 1.0 files: the characters XML 1.0 cannot hold at all (C0 controls other than tab,
// line feed and carriage return; U+FFFE, U+FFFF), and language tags.
//
// kealign refuses no text and loses none: a forbidden character is written as an inline
// placeholder that names it (TMX and XLIFF 1.2 `<ph type="x-kealign-char">U+0001</ph>`, XLIFF 2.0
// `<cp hex="0001"/>`), and the readers turn that placeholder back into the character.
#pragma once

#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kealign::formats {

// True for a code point XML 1.0 does not allow in a document (not even as a reference).
bool xml_forbidden(char32_t c);

// A text cut at its forbidden characters: pieces[0] c[0] pieces[1] c[1] ... pieces[n].
struct XmlPieces {
  std::vector<std::string> pieces;  // runs of allowed text (always chars.size() + 1 of them)
  std::vector<char32_t> chars;      // the forbidden characters between them
};
XmlPieces split_forbidden(std::string_view utf8);

// "U+0001" (the placeholder text) and back; parse_char_name returns 0 unless the text is exactly a
// forbidden character's name.
std::string char_name(char32_t c);
char32_t parse_char_name(std::string_view name);

// The primary subtag of a language tag, lower-cased: "ko-KR" -> "ko", "en_us" -> "en".
std::string primary_language(std::string_view tag);

// 1-based line and column (in bytes) of a byte offset into text.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset);

// An XML file being read: errors name its file, and the line, byte and column of an offset.
struct XmlSource {
  const std::string& name;
  std::string_view text;

  [[noreturn]] void fail(std::ptrdiff_t offset, const std::string& problem) const;
  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& problem) const;
  std::size_t line(const pugi::xml_node& node) const;
};

// Parses the source as one XML 1.0 document, with the checks pugixml leaves out (a single root
// element, no text outside it); InputError "malformed XML: ..." otherwise.
void load_xml(pugi::xml_document& xml, const XmlSource& src);

// An element's name without its namespace prefix.
std::string_view local_name(const pugi::xml_node& node);

// The namespace URI the root element's prefix (or the default namespace) is bound to on it.
std::string root_namespace(const pugi::xml_node& root);

}  // namespace kealign::formats
