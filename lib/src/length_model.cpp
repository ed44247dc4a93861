// The Gale-Church length model and its unit.
#include <cmath>

#include "align_internal.hpp"
#include "kealign/align.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

// A Hangul syllable or Han ideograph carries about as much text as two Latin letters (measured on
// the LibreOffice, GIMP and KPC Korean-English sets, docs/benchmarks.md), so counting it twice
// brings c near 1 and lowers the length ratio's spread.
constexpr double kWideCharUnits = 2.0;

bool is_wide(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0x3040 && c <= 0x30FF) || (c >= 0xF900 && c <= 0xFAFF);
}

}  // namespace

double length_units(std::string_view text) {
  double units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    if (is_space(c)) continue;
    units += is_wide(c) ? kWideCharUnits : 1.0;
  }
  return units;
}

namespace detail {

LogTailTable::LogTailTable() {
  values_.resize(static_cast<std::size_t>(kMaxZ / kStep) + 2);
  for (std::size_t k = 0; k < values_.size(); ++k) {
    const double zk = k * kStep;
    const double tail = std::erfc(zk / std::sqrt(2.0));  // 2 (1 - Phi(z))
    // Far in the tail erfc underflows; its asymptotic form keeps the log finite and monotone.
    values_[k] = tail > 1e-300 ? std::log(tail)
                               : -zk * zk / 2 - std::log(zk) + std::log(std::sqrt(2.0 / M_PI));
  }
}

const LogTailTable& log_tail() {
  static const LogTailTable table;
  return table;
}

}  // namespace detail
}  // namespace kealign
