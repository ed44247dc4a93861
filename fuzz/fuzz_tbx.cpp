// Any bytes as a TBX glossary: either an InputError naming a place inside the input, or glossary
// terms whose texts are valid UTF-8 and never empty.
#include <cstdint>
#include <string>

#include "app/formats/tbx.hpp"
#include "kealign/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    // The file's validation as read_glossary does it: UTF-8 without NUL bytes.
    const kealign::Document file = kealign::make_document("fuzz", bytes);
    for (const kealign::GlossaryTerm& t : kealign::formats::parse_tbx(file.text, "fuzz")) {
      if (t.en.empty() || (t.ko.empty() && !t.forbidden) || t.line == 0) __builtin_trap();
      (void)kealign::make_document("term", t.ko + t.en);  // throws on invalid UTF-8
    }
  } catch (const kealign::InputError& e) {
    if (e.line() == 0 && e.byte() > size) __builtin_trap();
  }
  return 0;
}
