// Any alignment file text: either an InputError, or beads that conserve both sides.
#include <cstdint>
#include <string>

#include "kealign/align.hpp"
#include "kealign/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto links = kealign::parse_links(text, "fuzz");
    const auto beads = kealign::to_alignment(links, 8, 8, "fuzz");
    kealign::check_conservation(beads, 8, 8);
  } catch (const kealign::InputError&) {
  }
  return 0;
}
