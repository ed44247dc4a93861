// The aligned TSV of an alignment.
#include "app/formats.hpp"
#include "kealign/error.hpp"
#include "kealign/text.hpp"

#include <fmt/format.h>

namespace kealign {
namespace {

std::string ids(std::uint32_t begin, std::uint32_t end) {
  std::string out;
  for (std::uint32_t k = begin; k < end; ++k) {
    if (k > begin) out += ',';
    out += std::to_string(k);
  }
  return out;
}

std::string joined(const SegmentedText& text, std::uint32_t begin, std::uint32_t end) {
  return escape_tsv(joined_display(text, begin, end));
}

}  // namespace

std::string joined_display(const SegmentedText& text, std::uint32_t begin, std::uint32_t end) {
  std::string out;
  for (std::uint32_t k = begin; k < end; ++k) {
    if (k > begin) out += ' ';
    out += text.display(k);
  }
  return out;
}

std::string format_aligned_tsv(const SegmentedText& ko, const SegmentedText& en,
                               const Alignment& alignment, const std::vector<std::string>& flags) {
  if (!flags.empty() && flags.size() != alignment.size())
    throw UsageError(fmt::format("{} flag cells for {} links", flags.size(), alignment.size()));
  check_conservation(alignment, ko.size(), en.size());
  std::string out = "ko_ids\ten_ids\tko\ten\tscore\tflags\n";
  for (std::size_t k = 0; k < alignment.size(); ++k) {
    const Bead& b = alignment[k];
    out += fmt::format("{}\t{}\t{}\t{}\t{:.4f}\t{}\n", ids(b.ko_begin, b.ko_end),
                       ids(b.en_begin, b.en_end), joined(ko, b.ko_begin, b.ko_end),
                       joined(en, b.en_begin, b.en_end), b.confidence,
                       flags.empty() ? std::string() : escape_tsv(flags[k]));
  }
  return out;
}

}  // namespace kealign
