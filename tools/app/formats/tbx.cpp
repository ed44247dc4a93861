#include "app/formats/tbx.hpp"

#include <fmt/format.h>

#include <pugixml.hpp>

#include "app/formats/xml_text.hpp"
#include "kealign/text.hpp"

namespace kealign::formats {
namespace {

struct Term {
  std::string text;
  bool forbidden = false;
  bool preferred = false;
  std::size_t line = 0;
};

void append_text(const pugi::xml_node& node, std::string& out) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
      out += c.value();
    else if (c.type() == pugi::node_element)
      append_text(c, out);
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The administrative status note of a term's group (tig, termSec, or ntig's termGrp and ntig),
// or a null node.
pugi::xml_node status_note(const pugi::xml_node& term) {
  const pugi::xml_node group = term.parent();
  const pugi::xml_node groups[] = {
      group, local_name(group) == "termGrp" ? group.parent() : pugi::xml_node()};
  for (const pugi::xml_node& g : groups) {
    for (pugi::xml_node n : g.children()) {
      if (n.type() != pugi::node_element) continue;
      const std::string_view name = local_name(n);
      const std::string_view type = n.attribute("type").value();
      if ((name == "termNote" &&
           (type == "administrativeStatus" || type == "normativeAuthorization")) ||
          name == "administrativeStatus")
        return n;
    }
  }
  return {};
}

// Share of Hangul syllables among the letters and syllables of the texts.
double hangul_share(const std::string& text) {
  std::size_t hangul = 0, letters = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    if (c >= 0xAC00 && c <= 0xD7A3)
      ++hangul, ++letters;
    else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
      ++letters;
  }
  return letters == 0 ? 0.0 : static_cast<double>(hangul) / static_cast<double>(letters);
}

}  // namespace

std::vector<GlossaryTerm> parse_tbx(std::string_view bytes, const std::string& name,
                                    const BilingualOptions& languages) {
  const XmlSource src{name, bytes};
  pugi::xml_document xml;
  load_xml(xml, src);
  const pugi::xml_node root = xml.document_element();
  if (local_name(root) != "martif" && local_name(root) != "tbx")
    src.fail(root, fmt::format("<{}>: not a TBX termbase (<martif> or <tbx>)", root.name()));
  const std::string ko = primary_language(languages.ko_lang);
  const std::string en = primary_language(languages.en_lang);

  std::vector<GlossaryTerm> out;
  pugi::xml_node first_language;  // the first langSet, for a termbase that names neither side
  bool either_side = false;
  std::string ko_text, en_text;  // every term of each side, to catch mislabelled languages
  pugi::xml_node first_en;
  for (pugi::xpath_node x :
       root.select_nodes(".//*[local-name()='termEntry' or local-name()='conceptEntry']")) {
    std::vector<Term> ko_terms, en_terms;
    for (pugi::xml_node lang_set : x.node().children()) {
      if (lang_set.type() != pugi::node_element ||
          (local_name(lang_set) != "langSet" && local_name(lang_set) != "langSec"))
        continue;
      if (!first_language) first_language = lang_set;
      pugi::xml_attribute code = lang_set.attribute("xml:lang");
      if (!code) code = lang_set.attribute("lang");
      if (!code) src.fail(lang_set, fmt::format("<{}> without xml:lang", lang_set.name()));
      const std::string primary = primary_language(code.value());
      if (primary != ko && primary != en) continue;
      either_side = true;
      for (pugi::xpath_node t : lang_set.select_nodes(".//*[local-name()='term']")) {
        Term term;
        term.line = src.line(t.node());
        std::string text;
        append_text(t.node(), text);
        term.text = fold_space(text);
        if (term.text.empty()) src.fail(t.node(), "an empty <term>");
        if (const pugi::xml_node note = status_note(t.node())) {
          std::string status = lower(fold_space(note.child_value()));
          const std::size_t suffix = status.find("-admn-sts");
          if (suffix != std::string::npos) status.erase(suffix);
          if (status == "deprecatedterm" || status == "supersededterm")
            term.forbidden = true;
          else if (status == "preferredterm")
            term.preferred = true;
          else if (status != "admittedterm" && status != "standardizedterm" &&
                   status != "legalterm" && status != "regulatedterm")
            src.fail(note, fmt::format("administrativeStatus '{}': expected preferredTerm, "
                                       "admittedTerm, deprecatedTerm or supersededTerm",
                                       note.child_value()));
        }
        (primary == ko ? ko_text : en_text) += term.text + ' ';
        if (primary == en && !first_en) first_en = lang_set;
        (primary == ko ? ko_terms : en_terms).push_back(std::move(term));
      }
    }
    std::vector<std::string> accepted;  // the preferred terms first
    for (int pass = 0; pass < 2; ++pass)
      for (const Term& t : en_terms)
        if (!t.forbidden && t.preferred == (pass == 0)) accepted.push_back(t.text);
    for (const Term& k : ko_terms) {
      if (accepted.empty()) break;
      GlossaryTerm g;
      g.ko = k.text;
      g.en = accepted.front();
      g.also.assign(accepted.begin() + 1, accepted.end());
      g.line = k.line;
      out.push_back(std::move(g));
    }
    for (const Term& e : en_terms) {
      if (!e.forbidden) continue;
      const std::size_t sources = ko_terms.empty() ? 1 : ko_terms.size();
      for (std::size_t s = 0; s < sources; ++s) {
        GlossaryTerm g;
        g.ko = ko_terms.empty() ? std::string() : ko_terms[s].text;
        g.en = e.text;
        g.forbidden = true;
        g.line = e.line;
        out.push_back(std::move(g));
      }
    }
  }
  if (first_language && !either_side)
    src.fail(first_language,
             fmt::format("no language of the termbase names either side (the first is '{}'; "
                         "--ko-lang {}, --en-lang {})",
                         first_language.attribute("xml:lang").value(), languages.ko_lang,
                         languages.en_lang));
  // As the bilingual readers judge swapped files (bilingual.cpp check_sides).
  constexpr double kKoreanText = 0.3, kNoKorean = 0.05;
  if (hangul_share(en_text) >= kKoreanText && hangul_share(ko_text) <= kNoKorean)
    src.fail(first_en, fmt::format("the terms labelled '{}' are Korean and none labelled Korean "
                                   "are: the termbase's language codes look wrong (name them "
                                   "with --ko-lang and --en-lang)",
                                   first_en.attribute("xml:lang").value()));
  return out;
}

}  // namespace kealign::formats
