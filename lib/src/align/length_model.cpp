// The Gale-Church length model and its unit.
#include <cmath>
#include "script.hpp"

#include "align_internal.hpp"
#include "kealign/align.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

// A Hangul syllable or Han ideograph carries about as much text as two Latin letters (measured on
// the LibreOffice, GIMP and KPC Korean-English sets, docs/decisions/length-unit.md), so counting
// it twice brings c near 1 and lowers the length ratio's spread.
constexpr double kWideCharUnits = 2.0;

using lang::is_wide;

}  // namespace

double length_units(std::string_view text) {
  double units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {  // ASCII without calls: is_space's ASCII answers, one unit otherwise
      ++i;
      if (byte != ' ' && (byte < 0x09 || byte > 0x0D)) units += 1.0;
      continue;
    }
    const char32_t c = next_code_point(text, i);
    if (is_space(c)) continue;
    units += is_wide(c) ? kWideCharUnits : 1.0;
  }
  return units;
}

namespace align_detail {

LogTailTable::LogTailTable(double loose_share, double loose_spread)
    : far_variance_(loose_spread * loose_spread) {
  values_.resize(static_cast<std::size_t>(kMaxZ / kStep) + 2);
  for (std::size_t k = 0; k < values_.size(); ++k) {
    const double zk = k * kStep;
    // 2 (1 - Phi(z)) of each component; far out the normal one underflows to 0 and the loose one
    // keeps the log finite.
    const double close = std::erfc(zk / std::sqrt(2.0));
    const double loose = std::erfc(zk / loose_spread / std::sqrt(2.0));
    values_[k] = std::log((1 - loose_share) * close + loose_share * loose);
  }
}

}  // namespace align_detail
}  // namespace kealign
