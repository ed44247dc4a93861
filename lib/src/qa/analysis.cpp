#include "kealign/analysis.hpp"

#include <cmath>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <fmt/format.h>

#include "kealign/error.hpp"
#include "script.hpp"

namespace kealign {
namespace {

// Fewer links than this leave c and s^2 to the calibrated defaults.
constexpr std::size_t kMinLinksToFit = 8;

SegmentedText segment(Document doc, bool presplit_input, Language lang) {
  return presplit_input ? presplit(std::move(doc)) : split(std::move(doc), {lang});
}

// The refusal of a pair that is not a translation, with the figures behind it.
[[noreturn]] void throw_unrelated(const SegmentedText& ko, const SegmentedText& en,
                                  const Relatedness& r, const RelatednessOptions& options) {
  if (r.one_side_empty) {
    const bool ko_empty = ko.size() == 0;
    const SegmentedText& empty = ko_empty ? ko : en;
    const SegmentedText& full = ko_empty ? en : ko;
    throw InputError(empty.document.name, 0, std::string::npos,
                     fmt::format("no text, while {} has {} segment{}: not a translation pair; "
                                 "--allow-unrelated proceeds anyway (every segment unaligned)",
                                 full.document.name, full.size(), full.size() == 1 ? "" : "s"));
  }
  throw InputError(
      ko.document.name, 0, std::string::npos,
      fmt::format(
          "not a translation pair with {}: relatedness {:.1f} < {:.1f} ({:.1f} of {:.1f} "
          "shared numbers and Latin tokens linked, {} of {} segments unaligned); "
          "--allow-unrelated proceeds anyway (also for a translation of only part of the text)",
          en.document.name, r.score, options.threshold, r.matched_anchors, r.shared_anchors,
          r.unaligned_segments, r.unaligned_segments + r.linked_segments));
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
  AlignResult r;
  if (alignment.empty() && (a.ko.size() > 0 || a.en.size() > 0)) {
    r = align(a.ko, a.en, options.align);
  } else {
    check_conservation(alignment, a.ko.size(), a.en.size());
    r.alignment = std::move(alignment);
    r.model = fit_length_model(a.ko, a.en, r.alignment, options.align.model);
    r.relatedness = measure_relatedness(a.ko, a.en, r.alignment, options.align);
  }
  if (!r.relatedness.related && !options.allow_unrelated)
    throw_unrelated(a.ko, a.en, r.relatedness, options.align.relatedness);
  a.findings = run_checks(a.ko, a.en, r, options.checks);
  a.alignment = std::move(r.alignment);
  a.model = r.model;
  a.relatedness = r.relatedness;
  return a;
}

namespace {

// Share of Hangul among the letters of a text (0 when it has none).
double hangul_share(std::string_view text) {
  std::size_t hangul = 0, letters = 0;
  for (std::size_t i = 0; i < text.size();) {
    // ASCII and Hangul syllables, nearly every code point of a pair, without asking ICU.
    if (const auto byte = static_cast<unsigned char>(text[i]); byte < 0x80) {
      ++i;
      letters += (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
      continue;
    }
    const char32_t c = next_code_point(text, i);
    if (lang::is_hangul_syllable(c)) {
      ++letters;
      ++hangul;
      continue;
    }
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    ++letters;
    if (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SCRIPT) == USCRIPT_HANGUL) ++hangul;
  }
  return letters == 0 ? 0.0 : static_cast<double>(hangul) / static_cast<double>(letters);
}

// Swapped inputs would align "successfully" into nonsense; refuse them. Pairs with no Korean on
// either side (another language pair) pass.
void check_not_swapped(const Document& ko, const Document& en) {
  constexpr double kKoreanText = 0.3;  // a Korean document is at least this share Hangul
  constexpr double kNoKorean = 0.05;   // an English one at most this
  if (hangul_share(en.body()) >= kKoreanText && hangul_share(ko.body()) <= kNoKorean) {
    // Named at its first Hangul letter.
    std::size_t at = en.body_begin;
    for (std::size_t i = at; i < en.text.size();) {
      at = i;
      const char32_t c = next_code_point(en.text, i);
      if (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SCRIPT) == USCRIPT_HANGUL) break;
    }
    throw InputError(en.name, en.line_of(at), at,
                     "the English input is Korean text and the Korean input (" + ko.name +
                         ") is not: are KO and EN swapped?");
  }
}

}  // namespace

Analysis analyze_documents(Document ko, Document en, const AnalysisOptions& options) {
  validate_check_options(options.checks);
  check_not_swapped(ko, en);
  SegmentedText k = segment(std::move(ko), options.presplit, Language::kKorean);
  SegmentedText e = segment(std::move(en), options.presplit, Language::kEnglish);
  Alignment alignment;
  if (!options.alignment.empty())
    alignment = to_alignment(read_links(options.alignment), k.size(), e.size(), options.alignment);
  return analyze_segmented(std::move(k), std::move(e), options, std::move(alignment));
}

Analysis analyze_files(const std::string& ko_path, const std::string& en_path,
                       const AnalysisOptions& options) {
  validate_check_options(options.checks);
  Document ko = read_document(ko_path, options.read.korean());
  Document en = read_document(en_path, options.read.english());
  return analyze_documents(std::move(ko), std::move(en), options);
}

Analysis analyze(std::string_view ko, std::string_view en, const AnalysisOptions& options) {
  validate_check_options(options.checks);
  Document k = make_document("ko", std::string(ko), options.read.korean());
  Document e = make_document("en", std::string(en), options.read.english());
  return analyze_documents(std::move(k), std::move(e), options);
}

}  // namespace kealign
