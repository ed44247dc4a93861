// The Gale-Church length model and its unit.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>
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
  // Counted as integers and scaled once: the same value as adding ones and twos to a double, exact
  // far beyond any text's length. ASCII and Hangul syllables, nearly all of a Korean-English pair,
  // are counted in line; the QA checks measure every segment of both sides again.
  static constexpr auto kAsciiUnits = [] {
    std::array<std::uint8_t, 0x80> units{};
    for (std::size_t c = 0; c < units.size(); ++c) units[c] = c != ' ' && (c < 0x09 || c > 0x0D);
    return units;
  }();
  std::size_t narrow = 0, wide = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      narrow += kAsciiUnits[byte];
      continue;
    }
    if (byte >= 0xEA && byte <= 0xED && i + 2 < text.size()) {  // a Hangul syllable's lead byte
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      const char32_t c = (char32_t{byte} & 0x0F) << 12 | (char32_t{b1} & 0x3F) << 6 | (b2 & 0x3F);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && lang::is_hangul_syllable(c)) {
        i += 3;
        ++wide;
        continue;
      }
    }
    const char32_t c = next_code_point(text, i);
    if (is_space(c)) continue;
    ++(is_wide(c) ? wide : narrow);
  }
  return static_cast<double>(narrow) + kWideCharUnits * static_cast<double>(wide);
}

namespace align_detail {

namespace {

// 2 (1 - Phi(z)) of the normal component at every step of the table: the same for every model,
// so computed once per process.
const double* normal_tails(std::size_t size, double step) {
  static const std::vector<double> values = [&] {
    std::vector<double> v(size);
    for (std::size_t k = 0; k < size; ++k) v[k] = std::erfc(k * step / std::sqrt(2.0));
    return v;
  }();
  return values.data();
}

// Mixtures whose filled entries a thread keeps, the latest used first: a pair's passes use one
// to three (the defaults' light tail, a fitted heavy one), 32 KB each.
constexpr std::size_t kTailTablesKept = 4;

// The thread's entries of the mixture (share, spread), NaN where not yet filled. An entry depends
// on the mixture and its step only, so a table that finds another's entries scores the same.
std::shared_ptr<std::vector<double>> kept_tail(double share, double spread, std::size_t size) {
  struct Kept {
    double share, spread;
    std::shared_ptr<std::vector<double>> values;
  };
  thread_local std::vector<Kept> kept;
  for (std::size_t k = 0; k < kept.size(); ++k)
    if (kept[k].share == share && kept[k].spread == spread) {
      std::rotate(kept.begin(), kept.begin() + k, kept.begin() + k + 1);
      return kept.front().values;
    }
  if (kept.size() == kTailTablesKept) kept.pop_back();
  kept.insert(kept.begin(), {share, spread,
                             std::make_shared<std::vector<double>>(
                                 size, std::numeric_limits<double>::quiet_NaN())});
  return kept.front().values;
}

}  // namespace

LogTailTable::LogTailTable(double loose_share, double loose_spread)
    : close_(normal_tails(kLast + 1, kStep)),
      loose_share_(loose_share),
      loose_spread_(loose_spread),
      far_variance_(loose_spread * loose_spread),
      kept_(kept_tail(loose_share, loose_spread, kLast + 1)),
      values_(kept_->data()) {}

double LogTailTable::fill(std::size_t k) const {
  const double zk = k * kStep;
  // 2 (1 - Phi(z)) of each component; far out the normal one underflows to 0 and the loose one
  // keeps the log finite.
  const double loose = std::erfc(zk / loose_spread_ / std::sqrt(2.0));
  return values_[k] = std::log((1 - loose_share_) * close_[k] + loose_share_ * loose);
}

}  // namespace align_detail
}  // namespace kealign
