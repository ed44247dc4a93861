// The region of the search grid the aligner explores: everything for ordinary documents, a band
// around the anchor-first path or around an earlier path for long ones (memory linear in the
// length).
#include <algorithm>
#include <cmath>

#include "align_internal.hpp"

namespace kealign::align_detail {
namespace {

// Makes a band searchable: row ranges move right monotonically and consecutive rows overlap, so
// every band holds a path from (0, 0) to (n, m).
void make_connected(Band& band, std::size_t m) {
  const std::size_t rows = band.lo.size();
  band.lo.front() = 0;
  band.hi.back() = static_cast<std::uint32_t>(m);
  for (std::size_t i = 1; i < rows; ++i) band.hi[i] = std::max(band.hi[i], band.hi[i - 1]);
  for (std::size_t i = rows - 1; i-- > 0;) band.lo[i] = std::min(band.lo[i], band.lo[i + 1]);
  for (std::size_t i = 0; i + 1 < rows; ++i) band.hi[i] = std::max(band.hi[i], band.lo[i + 1]);
}

}  // namespace

std::size_t Band::cells() const {
  std::size_t total = 0;
  for (std::size_t i = 0; i < lo.size(); ++i) total += hi[i] - lo[i] + 1;
  return total;
}

Band full_band(std::size_t n, std::size_t m) {
  Band band;
  band.lo.assign(n + 1, 0);
  band.hi.assign(n + 1, static_cast<std::uint32_t>(m));
  return band;
}

Band guided_band(const std::vector<GuidePoint>& chain, std::size_t n, std::size_t m,
                 std::size_t width) {
  // Grid points of the path: a linked pair (i, j) passes through (i, j) and (i + 1, j + 1).
  std::vector<GuidePoint> points = {{0, 0}};
  for (const GuidePoint& p : chain) {
    if (p.ko < points.back().ko || p.en < points.back().en || p.ko >= n || p.en >= m) continue;
    points.push_back(p);
    points.push_back({p.ko + 1, p.en + 1});
  }
  points.push_back({static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(m)});
  // English range of the piecewise-linear path in each row, up to where it enters the next row.
  std::vector<double> jmin(n + 1, static_cast<double>(m)), jmax(n + 1, 0.0);
  const auto visit = [&](std::size_t i, double j) {
    jmin[i] = std::min(jmin[i], j);
    jmax[i] = std::max(jmax[i], j);
  };
  for (std::size_t k = 0; k + 1 < points.size(); ++k) {
    const GuidePoint from = points[k], to = points[k + 1];
    visit(from.ko, from.en);
    visit(to.ko, to.en);
    if (to.ko == from.ko) continue;
    const double slope = (static_cast<double>(to.en) - from.en) / (to.ko - from.ko);
    for (std::size_t i = from.ko; i < to.ko; ++i) {
      visit(i, from.en + (i - from.ko) * slope);
      visit(i, from.en + (i + 1 - from.ko) * slope);
    }
  }
  Band band;
  band.lo.resize(n + 1);
  band.hi.resize(n + 1);
  const auto w = static_cast<double>(width);
  for (std::size_t i = 0; i <= n; ++i) {
    band.lo[i] = static_cast<std::uint32_t>(std::max(0.0, std::floor(jmin[i]) - w));
    band.hi[i] = static_cast<std::uint32_t>(std::min<double>(m, std::ceil(jmax[i]) + w));
  }
  make_connected(band, m);
  return band;
}

Band path_band(const Alignment& path, std::size_t n, std::size_t m, std::size_t width) {
  std::vector<std::int64_t> jmin(n + 1, -1), jmax(n + 1, -1);
  const auto visit = [&](std::size_t i, std::int64_t j) {
    if (jmin[i] < 0 || j < jmin[i]) jmin[i] = j;
    jmax[i] = std::max(jmax[i], j);
  };
  visit(0, 0);
  for (const Bead& b : path) {
    for (std::size_t i = b.ko_begin + 1; i < b.ko_end; ++i) visit(i, b.en_begin);  // rows inside
    visit(b.ko_end, b.en_end);
  }
  Band band;
  band.lo.resize(n + 1);
  band.hi.resize(n + 1);
  const auto w = static_cast<std::int64_t>(width);
  for (std::size_t i = 0; i <= n; ++i) {
    if (jmin[i] < 0) jmin[i] = jmax[i] = i > 0 ? jmax[i - 1] : 0;
    band.lo[i] = static_cast<std::uint32_t>(std::max<std::int64_t>(0, jmin[i] - w));
    band.hi[i] = static_cast<std::uint32_t>(std::min<std::int64_t>(m, jmax[i] + w));
  }
  make_connected(band, m);
  return band;
}

}  // namespace kealign::align_detail
