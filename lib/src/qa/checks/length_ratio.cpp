// length-ratio: a link whose English is much longer or shorter than the calibrated length model
// expects for its Korean (LengthModel::z, the Gale-Church standard score). |z| >= "max-z"
// (default 4) is minor, |z| >= "major-z" (default 7) major. Links whose Korean side measures
// under "min-units" (default 12) length units are skipped: for a headline or a label, a few
// characters make a large z without meaning much.
#include <cmath>

#include "checks/checks.hpp"
#include "checks/util.hpp"
#include "fmt/format.h"
#include "kealign/align.hpp"

namespace kealign {
namespace {

constexpr double kMaxZ = 4;
constexpr double kMajorZ = 7;
constexpr double kMinUnits = 12;

double side_units(const SegmentedText& text, std::uint32_t begin, std::uint32_t end) {
  double units = 0;
  for (std::uint32_t i = begin; i < end; ++i) units += kealign::length_units(text.raw(i));
  return units;
}

class LengthRatioCheck final : public Check {
 public:
  std::string_view id() const override { return "length-ratio"; }
  std::string_view description() const override {
    return "a link whose English length is improbable for its Korean under the length model";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"max-z", kMaxZ, "|z| from which a link is reported (minor)"},
            {"major-z", kMajorZ, "|z| from which the finding is major"},
            {"min-units", kMinUnits, "links with a shorter Korean side are skipped"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const double max_z = options.param(id(), "max-z", kMaxZ);
    const double major_z = options.param(id(), "major-z", kMajorZ);
    const double min_units = options.param(id(), "min-units", kMinUnits);
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() == 0 || b.en_size() == 0) continue;
      const double ko = side_units(ctx.ko, b.ko_begin, b.ko_end);
      const double en = side_units(ctx.en, b.en_begin, b.en_end);
      if (ko < min_units) continue;
      const double z = ctx.length_model.z(ko, en);
      if (!(std::abs(z) >= max_z)) continue;
      Finding f = qa_detail::bead_finding(
          id(), std::abs(z) >= major_z ? Severity::kMajor : Severity::kMinor, b);
      f.message = fmt::format(
          "The English is {} for its Korean: {:.0f} length units where about {:.0f} are expected "
          "({:.0f} Korean units; z = {:+.1f}).",
          z < 0 ? "much shorter" : "much longer", en, ko * ctx.length_model.mean_ratio, ko, z);
      f.evidence = {
          {"length-units", fmt::format("{:.0f}", ko), fmt::format("{:.0f}", en)},
          {"expected-length-units", "", fmt::format("{:.0f}", ko * ctx.length_model.mean_ratio)}};
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_length_ratio_check() {
  return std::make_unique<LengthRatioCheck>();
}

}  // namespace kealign
