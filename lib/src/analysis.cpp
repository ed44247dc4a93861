#include "kealign/analysis.hpp"

#include <cmath>

#include "kealign/error.hpp"

namespace kealign {
namespace {

// Fewer links than this leave c and s^2 to the calibrated defaults.
constexpr std::size_t kMinLinksToFit = 8;

SegmentedText segment(Document doc, bool presplit_input, Language lang) {
  return presplit_input ? presplit(std::move(doc)) : split(std::move(doc), {lang});
}

}  // namespace

LengthModel fit_length_model(const SegmentedText& ko, const SegmentedText& en,
                             const Alignment& alignment, const LengthModel& fallback) {
  struct Pair {
    double ko, en;
  };
  std::vector<Pair> pairs;
  double sum_ko = 0, sum_en = 0;
  for (const Bead& b : alignment) {
    if (b.ko_size() == 0 || b.en_size() == 0) continue;
    Pair p{0, 0};
    for (std::uint32_t i = b.ko_begin; i < b.ko_end; ++i) p.ko += length_units(ko.raw(i));
    for (std::uint32_t i = b.en_begin; i < b.en_end; ++i) p.en += length_units(en.raw(i));
    if (p.ko <= 0 || p.en <= 0) continue;
    pairs.push_back(p);
    sum_ko += p.ko;
    sum_en += p.en;
  }
  if (pairs.size() < kMinLinksToFit) return fallback;
  LengthModel model = fallback;
  model.mean_ratio = sum_en / sum_ko;
  // s^2 as LengthModel::z defines it: squared deviation per unit of the links' mean length.
  double deviation = 0, length = 0;
  for (const Pair& p : pairs) {
    const double d = p.en - model.mean_ratio * p.ko;
    deviation += d * d;
    length += (p.ko + p.en / model.mean_ratio) / 2.0;
  }
  if (length > 0 && deviation > 0) model.variance = deviation / length;
  return model;
}

Analysis analyze_segmented(SegmentedText ko, SegmentedText en, const AnalysisOptions& options,
                           Alignment alignment) {
  validate_check_options(options.checks);
  Analysis a;
  a.ko = std::move(ko);
  a.en = std::move(en);
  if (alignment.empty() && (a.ko.size() > 0 || a.en.size() > 0)) {
    AlignResult r = align(a.ko, a.en, options.align);
    a.alignment = std::move(r.alignment);
    a.model = r.model;
  } else {
    check_conservation(alignment, a.ko.size(), a.en.size());
    a.alignment = std::move(alignment);
    a.model = fit_length_model(a.ko, a.en, a.alignment, options.align.model);
  }
  CheckContext ctx{a.ko, a.en, a.alignment, a.model};
  a.findings = run_checks(ctx, options.checks);
  return a;
}

Analysis analyze(Document ko, Document en, const AnalysisOptions& options) {
  SegmentedText k = segment(std::move(ko), options.presplit, Language::kKorean);
  SegmentedText e = segment(std::move(en), options.presplit, Language::kEnglish);
  Alignment alignment;
  if (!options.alignment.empty())
    alignment = to_alignment(read_links(options.alignment), k.size(), e.size(), options.alignment);
  return analyze_segmented(std::move(k), std::move(e), options, std::move(alignment));
}

Analysis analyze(const std::string& ko_path, const std::string& en_path,
                 const AnalysisOptions& options) {
  validate_check_options(options.checks);
  Document ko = read_document(ko_path, options.read);
  Document en = read_document(en_path, options.read);
  return analyze(std::move(ko), std::move(en), options);
}

}  // namespace kealign
