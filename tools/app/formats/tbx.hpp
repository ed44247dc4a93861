// TBX glossaries (ISO 30042 TermBase eXchange: TBX 2008 `<martif>` with TBX-Basic, and TBX v3
// `<tbx>` with TBX-Core / TBX-Basic), read as the glossary terms a kealign.toml glossary or
// --glossary holds (project_config.hpp).
//
//   std::vector<kealign::GlossaryTerm> terms =
//       kealign::formats::parse_tbx(bytes, "terms.tbx", {"ko-KR", "en-US"});
//
// Each concept (`termEntry`, `conceptEntry`) gives its Korean terms (any status) as sources and its
// English terms as targets, by the `xml:lang` of their `langSet` / `langSec` (matched on the
// primary subtag). An English term whose administrative status (`termNote
// type="administrativeStatus"`, or TBX v3's DCT `<basic:administrativeStatus>`) is deprecated or
// superseded is a forbidden target; any other English term (preferred, admitted, no status) is an
// accepted one, and a Korean term requires one of them (the preferred first). Languages that are
// neither side are skipped, as a multilingual termbase holds them.
//
// Malformed XML, a root that is not TBX, a `langSet` without `xml:lang`, an unknown status, an
// empty term, or a termbase none of whose languages names either side is an InputError naming the
// file, line, byte and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/formats/bilingual.hpp"
#include "app/project_config.hpp"

namespace kealign::formats {

std::vector<GlossaryTerm> parse_tbx(std::string_view bytes, const std::string& name,
                                    const BilingualOptions& languages = {});

}  // namespace kealign::formats
