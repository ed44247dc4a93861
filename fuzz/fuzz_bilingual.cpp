// Any bytes as a bilingual file (TMX, XLIFF 1.2, XLIFF 2.0 or TSV): either an InputError naming a
// place inside the input, or units whose texts are valid UTF-8 and analyse as one link each.
#include <cstdint>
#include <string>

#include "app/formats/bilingual.hpp"
#include "kealign/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    // The file's validation as read_bilingual does it: UTF-8 without NUL bytes.
    const kealign::Document file = kealign::make_document("fuzz", bytes);
    const kealign::formats::BilingualDocument doc =
        kealign::formats::parse_bilingual(file.text, "fuzz");
    if (doc.units.size() > 64) return 0;  // keep each run short: the checks are not under test
    const kealign::formats::BilingualAnalysis a =
        kealign::formats::analyze_bilingual(doc, kealign::AnalysisOptions{});
    if (a.analysis.alignment.size() != doc.units.size()) __builtin_trap();
  } catch (const kealign::InputError& e) {
    if (e.line() == 0 && e.byte() > size) __builtin_trap();
  }
  return 0;
}
