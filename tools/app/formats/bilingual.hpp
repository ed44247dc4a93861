// Bilingual files a translator already has, read as one aligned document: TMX (1.1-1.4), XLIFF 1.2
// (and 1.1), XLIFF 2.0 (and 2.1), and two-column TSV. The format is found from the content.
//
//   kealign::formats::BilingualOptions langs;                 // ko-KR / en-US by default
//   kealign::formats::BilingualDocument doc = kealign::formats::read_bilingual("job.xlf", langs);
//   for (const auto& u : doc.units) std::cout << u.id << '\t' << u.ko << '\t' << u.en << '\n';
//   kealign::Analysis a = kealign::formats::analyze_bilingual(doc, analysis_options);
//
// Each unit is one link: its Korean side one Korean segment, its English side one English segment.
// Which side of the file is Korean is read from its language codes (TMX `xml:lang`, XLIFF
// `source-language`/`target-language`, `srcLang`/`trgLang`), matched on the primary subtag of
// BilingualOptions::ko_lang / en_lang. Units marked `translate="no"` are left out (and counted).
// Inline codes (`<ph>`, `<bpt>`, `<x/>`, `<sc/>` ...) become one kPlaceholder character each; the
// text inside paired formatting (`<g>`, `<pc>`, `<hi>`, `<mrk>`) is kept.
//
// Malformed XML, an XML root that is neither TMX nor XLIFF, a wrong XLIFF namespace or a language
// code that names neither side is an InputError naming file, line, byte and column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/analysis.hpp"
#include "kealign/check.hpp"
#include "kealign/text.hpp"

namespace kealign::formats {

// What an inline code stands for in a unit's text: U+FFFC OBJECT REPLACEMENT CHARACTER.
inline constexpr std::string_view kPlaceholder = "\xEF\xBF\xBC";

// The check id of a unit that has a Korean source and no (or an empty) English target.
inline constexpr std::string_view kMissingTranslation = "missing-translation";

struct BilingualOptions {
  std::string ko_lang = "ko-KR";  // a side is Korean when its code has this primary subtag
  std::string en_lang = "en-US";
};

struct BilingualUnit {
  std::string id;        // from the file: tuid, trans-unit id, unit id (/segment id), "line N"
  std::string ko;        // text; empty when the side is missing
  std::string en;
  std::size_t line = 0;  // 1-based line of the unit in the file
};

struct BilingualDocument {
  std::string name;     // the file
  std::string format;   // "tmx", "xliff-1.2", "xliff-2.0" or "tsv"
  std::vector<BilingualUnit> units;
  std::size_t not_translatable = 0;  // units left out for translate="no"
};

// InputError when the side labelled English is Korean text and the side labelled Korean is not
// (language codes swapped, as po2xliff's en-US source label makes them). read_bilingual checks it.
void check_sides(const BilingualDocument& doc, const BilingualOptions& options = {});

BilingualDocument read_bilingual(const std::string& path, const BilingualOptions& options = {},
                                 const ReadOptions& read = {});
BilingualDocument parse_bilingual(std::string_view bytes, const std::string& name,
                                  const BilingualOptions& options = {});

// The texts (one segment per non-empty unit side, in unit order), their 1-unit-1-link alignment,
// the checks over them, and a missing-translation finding for each unit with Korean and no
// English (instead of the omission the checks would report). Every finding's message starts with
// the unit ids it names ("unit 7: ...").
struct BilingualAnalysis {
  Analysis analysis;
  std::vector<std::string> ko_units;  // unit id of each Korean segment
  std::vector<std::string> en_units;  // unit id of each English segment
};
// Starts the finding's message with the ids of the units it names ("unit 7: ", "units 2, 9: ").
void name_units(Finding& finding, const BilingualAnalysis& analysis);

BilingualAnalysis analyze_bilingual(const BilingualDocument& doc, const AnalysisOptions& options,
                                    bool missing_translations = true);

}  // namespace kealign::formats
