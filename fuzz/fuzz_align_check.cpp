// Any two texts (the input cut at its first NUL byte into Korean and English): either an
// InputError, or an alignment that keeps every segment of both sides exactly once, in order, and
// checks and outputs that run to the end on it.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "app/formats.hpp"
#include "kealign/align.hpp"
#include "kealign/check.hpp"
#include "kealign/error.hpp"
#include "kealign/segment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = bytes.find('\0');
  if (cut == std::string::npos) return 0;
  kealign::Document ko_doc, en_doc;
  try {
    ko_doc = kealign::make_document("ko", bytes.substr(0, cut));
    en_doc = kealign::make_document("en", bytes.substr(cut + 1));
  } catch (const kealign::InputError&) {
    return 0;
  }
  const kealign::SegmentedText ko = kealign::split(std::move(ko_doc), {kealign::Language::kKorean});
  const kealign::SegmentedText en =
      kealign::split(std::move(en_doc), {kealign::Language::kEnglish});
  const kealign::AlignResult r = kealign::align(ko, en);
  // Throws (an uncaught exception is a finding) unless every segment is in exactly one bead.
  kealign::check_conservation(r.alignment, ko.size(), en.size());
  const kealign::CheckContext ctx{ko, en, r.alignment, r.model, r.relatedness};
  const auto findings = kealign::run_checks(ctx, kealign::CheckOptions{});
  const std::string tsv = kealign::format_aligned_tsv(
      ko, en, r.alignment, kealign::flags_per_bead(r.alignment, findings));
  if (tsv.empty()) std::abort();
  return 0;
}
