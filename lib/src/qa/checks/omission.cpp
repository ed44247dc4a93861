// omission (major): a Korean segment linked to no English; addition (minor): an English segment
// linked to no Korean. An addition is minor because the reader still has the whole source meaning;
// an omission loses it. Segments without letters (numbering, separators), empty segments and
// boilerplate (see boilerplate.hpp) are skipped. When the neighbouring link is unaligned content on
// the other side (a 1-0 link next to a 0-1 link), the two may well be a pair the aligner missed:
// the finding names the other segment and is minor. Likewise when a neighbouring link's other side
// is longer than the length model expects and taking this segment in brings it closer (|z| falls
// to at most "absorb-z", default 1.5): the translation probably says both sentences in one, and
// the aligner kept a 1-1 link instead of a 2-1, or when the length model with its shape priors
// rates the merged link at least "merge-log-odds" (default 0) above the link plus a lone segment.
// Likewise when the segment shares anchors weighing at least "merge-anchors" (default 2) with a
// neighbouring link's other side that the link's own side does not explain (numbers, Latin words,
// dictionary glosses; see merge_evidence.hpp): its content is probably translated inside that link.
// Parameter "min-letters" (default 2): segments with fewer letters are not reported. A passage of
// this side that the other lacks as a whole (a translation left unfinished or missing a middle
// part: Relatedness::missing_*) is one finding naming it, not one per segment.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "checks/boilerplate.hpp"
#include "checks/checks.hpp"
#include "checks/merge_evidence.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "kealign/align.hpp"

namespace kealign {
namespace {

constexpr double kMinLetters = 2;
constexpr double kAbsorbZ = 1.5;
constexpr double kMergeAnchors = 2;
constexpr double kMergeLogOdds = 0;

// An anchor weight for a message: "2", "3".
std::string fmt_weight(double w) {
  return std::to_string(static_cast<long long>(std::lround(w)));
}

// The document text from the first to the last segment of [begin, end) (empty when begin == end).
std::string_view side_text(const SegmentedText& t, std::uint32_t begin, std::uint32_t end) {
  if (begin >= end) return {};
  const std::size_t from = t.segments[begin].span.begin;
  return std::string_view(t.document.text).substr(from, t.segments[end - 1].span.end - from);
}

std::size_t letter_count(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();)
    if (qa_detail::is_letter(next_code_point(text, i))) ++n;
  return n;
}

// Content worth reporting: enough letters and not boilerplate (segment of view).
bool is_content(const qa_detail::SideView& view, std::uint32_t segment, double min_letters) {
  const std::string_view text = view.text().raw(segment);
  return !text.empty() && static_cast<double>(letter_count(text)) >= min_letters &&
         view.boilerplate_kind(segment).empty();
}

class UnalignedCheck final : public Check {
 public:
  explicit UnalignedCheck(bool korean) : korean_(korean) {}
  std::string_view id() const override { return korean_ ? "omission" : "addition"; }
  std::string_view description() const override {
    return korean_ ? "a Korean segment with no translation" : "an English segment with no source";
  }
  std::vector<CheckParameter> parameters() const override {
    return {
        {"min-letters", kMinLetters, "segments with fewer letters are not reported"},
        {"absorb-z", kAbsorbZ,
         "a neighbouring link whose |z| falls to this with the segment makes the finding minor"},
        {"merge-anchors", kMergeAnchors,
         "weight of anchors shared with a neighbouring link's other side only making it minor"},
        {"merge-log-odds", kMergeLogOdds,
         "length log-odds of the merged neighbouring link over link + lone segment making it "
         "minor"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const double min_letters = options.param(id(), "min-letters", kMinLetters);
    const double absorb_z = options.param(id(), "absorb-z", kAbsorbZ);
    const double merge_anchors = options.param(id(), "merge-anchors", kMergeAnchors);
    const double merge_log_odds = options.param(id(), "merge-log-odds", kMergeLogOdds);
    const SegmentedText& side = korean_ ? ctx.ko : ctx.en;
    const SegmentedText& other = korean_ ? ctx.en : ctx.ko;
    const Alignment& a = ctx.alignment;
    const qa_detail::SharedView& shared = qa_detail::shared_view(ctx);
    const Relatedness& r = ctx.relatedness;
    const bool has_passage = r.missing_gain > 0 && r.missing_korean == korean_;
    const std::uint32_t passage_begin = has_passage ? r.missing_begin : 0;
    const std::uint32_t passage_end = has_passage ? r.missing_end : 0;
    if (has_passage) out.push_back(passage_finding(ctx, passage_begin, passage_end, min_letters));
    if (korean_ && r.low) out.push_back(low_relatedness_finding(ctx));
    for (std::size_t k = 0; k < a.size(); ++k) {
      const Bead& b = a[k];
      if ((korean_ ? b.en_size() : b.ko_size()) > 0) continue;
      const std::uint32_t partner = unpaired_neighbour(ctx, k, min_letters);
      for (const qa_detail::Piece& p : qa_detail::side_pieces(
               side, korean_ ? b.ko_begin : b.en_begin, korean_ ? b.ko_end : b.en_end)) {
        // A Korean syllable is often a whole word (표 "table", 색 "colour", 1월 "January"): a
        // Korean segment with a single letter is still reported, as minor.
        const qa_detail::SideView& view = korean_ ? shared.ko : shared.en;
        const bool content = is_content(view, p.segment, min_letters);
        const bool short_korean =
            korean_ && !content && is_content(view, p.segment, 1) && qa_detail::has_hangul(p.text);
        if (!content && !short_korean) continue;
        // Said once by the passage's finding.
        if (p.segment >= passage_begin && p.segment < passage_end) continue;
        Finding f;
        f.check = std::string(id());
        f.severity = korean_ && !short_korean ? Severity::kMajor : Severity::kMinor;
        if (short_korean) f.confidence = 0.4;
        (korean_ ? f.ko_ids : f.en_ids).push_back(p.segment);
        (korean_ ? f.ko_spans : f.en_spans).push_back({p.base, p.base + p.text.size()});
        f.message = std::string(korean_ ? "Korean" : "English") + " segment " +
                    qa_detail::quote_excerpt(p.text, 80) +
                    (korean_ ? " has no English translation" : " has no Korean source");
        f.evidence.push_back(evidence("segment", p.text, ""));
        if (partner != kNone) {
          f.evidence.push_back(evidence("unaligned-neighbour", "", other.raw(partner)));
          f.severity = Severity::kMinor;
          (korean_ ? f.en_ids : f.ko_ids).push_back(partner);
          f.message += ", unless it corresponds to the unaligned " +
                       std::string(korean_ ? "English" : "Korean") + " segment next to it, " +
                       qa_detail::quote_excerpt(other.raw(partner), 60);
        } else {
          const auto [m, anchors] = anchored_neighbour(ctx, k, p.text, options);
          if (m < a.size() && anchors >= merge_anchors) {
            f.severity = Severity::kMinor;
            (korean_ ? f.en_ids : f.ko_ids) = qa_detail::id_range(
                korean_ ? a[m].en_begin : a[m].ko_begin, korean_ ? a[m].en_end : a[m].ko_end);
            f.message +=
                ", unless it is translated inside the " + std::string(m < k ? "previous" : "next") +
                " link: its numbers or words (anchor weight " + fmt_weight(anchors) + ") are in " +
                qa_detail::quote_excerpt(
                    korean_ ? ctx.en.raw(a[m].en_begin) : ctx.ko.raw(a[m].ko_begin), 60) +
                " and not in that link's " + (korean_ ? "Korean" : "English");
            f.evidence.push_back(evidence("neighbour-anchor-weight", "", fmt_weight(anchors)));
          } else if (const std::size_t n = absorbing_neighbour(
                         ctx, k, kealign::length_units(p.text), absorb_z, merge_log_odds);
                     n < a.size()) {
            f.severity = Severity::kMinor;
            f.message += ", unless the neighbouring link says it too: " +
                         qa_detail::quote_excerpt(
                             korean_ ? ctx.en.raw(a[n].en_begin) : ctx.ko.raw(a[n].ko_begin), 60) +
                         " is longer than its " + (korean_ ? "Korean" : "English") +
                         " alone explains";
            f.evidence.push_back(evidence("absorbing-neighbour", "",
                                          side_text(other, korean_ ? a[n].en_begin : a[n].ko_begin,
                                                    korean_ ? a[n].en_end : a[n].ko_end)));
          }
        }
        f.message += ".";
        out.push_back(std::move(f));
      }
    }
  }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  // Evidence with `mine` on this check's side and `theirs` on the other.
  Evidence evidence(std::string name, std::string_view mine, std::string_view theirs) const {
    return korean_ ? Evidence{std::move(name), std::string(mine), std::string(theirs)}
                   : Evidence{std::move(name), std::string(theirs), std::string(mine)};
  }
  static constexpr double kMinTail = 1e-300;  // smallest tail probability (no log of zero)

  // An adjacent link with both sides that takes this side's `units` in better than it stands
  // without them: its length score improves to |z| <= absorb_z, or the length model with its shape
  // priors rates the merged link at least merge_log_odds above the link plus a lone segment.
  // a.size() when there is none.
  std::size_t absorbing_neighbour(const CheckContext& ctx, std::size_t k, double units,
                                  double absorb_z, double merge_log_odds) const {
    const Alignment& a = ctx.alignment;
    const LengthModel& model = ctx.length_model;
    for (const std::size_t n : {k - 1, k + 1}) {
      if (n >= a.size() || a[n].ko_size() == 0 || a[n].en_size() == 0) continue;
      double ko = 0, en = 0;
      for (std::uint32_t i = a[n].ko_begin; i < a[n].ko_end; ++i)
        ko += kealign::length_units(ctx.ko.raw(i));
      for (std::uint32_t i = a[n].en_begin; i < a[n].en_end; ++i)
        en += kealign::length_units(ctx.en.raw(i));
      const double before = model.z(ko, en);
      const double after = korean_ ? model.z(ko + units, en) : model.z(ko, en + units);
      if (std::abs(after) < std::abs(before) && std::abs(after) <= absorb_z) return n;
      const double link = shape_prior(model, a[n].ko_size(), a[n].en_size());
      const double merged = korean_ ? shape_prior(model, a[n].ko_size() + 1, a[n].en_size())
                                    : shape_prior(model, a[n].ko_size(), a[n].en_size() + 1);
      const double lone = korean_ ? shape_prior(model, 1, 0) : shape_prior(model, 0, 1);
      if (link <= 0 || merged <= 0 || lone <= 0) continue;
      const double log_odds =
          std::log(merged) + log_tail(after) - (std::log(lone) + std::log(link) + log_tail(before));
      if (log_odds >= merge_log_odds) return n;
    }
    return a.size();
  }

  // One finding for a passage [begin, end) of this side that the other side lacks (the
  // relatedness measure's missing passage): where it is, where the translation breaks off, and how
  // many of its segments the aligner still linked (those links are doubtful).
  // A pair aligned although it reads as only weakly related (Relatedness::low): many segments
  // unaligned, few shared numbers and words paired up. Said once, for the whole pair; a pair too
  // short to tell (Relatedness::uncertain) says so.
  Finding low_relatedness_finding(const CheckContext& ctx) const {
    const Relatedness& r = ctx.relatedness;
    Finding f;
    f.check = std::string(id());
    f.severity = Severity::kMajor;
    f.passage = true;
    if (r.uncertain) {
      f.message = fmt::format(
          "the two texts may not translate each other (relatedness {:.1f}; {} of {} segments "
          "unaligned, {:.1f} shared numbers and Latin tokens): too short, with too few shared "
          "numbers, Latin tokens or repeated words, to tell; aligned, check the alignment",
          r.score, r.unaligned_segments, r.unaligned_segments + r.linked_segments,
          r.shared_anchors);
      return f;
    }
    f.message = fmt::format(
        "the two texts read as only weakly related (relatedness {:.1f}; {} of {} segments "
        "unaligned, {:.1f} of {:.1f} shared numbers and Latin tokens linked): sentences dropped "
        "or merged, a passage missing, or not a translation of each other; check the alignment",
        r.score, r.unaligned_segments, r.unaligned_segments + r.linked_segments, r.matched_anchors,
        r.shared_anchors);
    return f;
  }

  Finding passage_finding(const CheckContext& ctx, std::uint32_t begin, std::uint32_t end,
                          double min_letters) const {
    const SegmentedText& side = korean_ ? ctx.ko : ctx.en;
    const qa_detail::SharedView& shared = qa_detail::shared_view(ctx);
    const std::string name = korean_ ? "Korean" : "English";
    Finding f;
    f.check = std::string(id());
    f.severity = korean_ ? Severity::kMajor : Severity::kMinor;
    f.passage = true;
    (korean_ ? f.ko_ids : f.en_ids) = qa_detail::id_range(begin, end);
    for (std::uint32_t i = begin; i < end; ++i)
      (korean_ ? f.ko_spans : f.en_spans).push_back(side.segments[i].span);
    std::size_t linked = 0;
    for (const Bead& b : ctx.alignment)
      if (b.ko_size() > 0 && b.en_size() > 0)
        for (std::uint32_t i = korean_ ? b.ko_begin : b.en_begin;
             i < (korean_ ? b.ko_end : b.en_end); ++i)
          linked += i >= begin && i < end;
    const auto at = [&](std::uint32_t i) {
      return name + " segment " + std::to_string(i) + " " +
             qa_detail::quote_excerpt(side.raw(i), 60);
    };
    f.message = fmt::format("{} segments {}-{} (bytes {}-{}) have no {}: ", name, begin, end - 1,
                            side.segments[begin].span.begin, side.segments[end - 1].span.end,
                            korean_ ? "English" : "Korean source");
    f.evidence = {evidence("missing-segments", fmt::format("{}-{}", begin, end - 1), ""),
                  evidence("missing-bytes",
                           fmt::format("{}-{}", side.segments[begin].span.begin,
                                       side.segments[end - 1].span.end),
                           ""),
                  evidence("linked-inside", std::to_string(linked), "")};
    const std::string other = korean_ ? "the translation" : "the Korean";
    // Furniture before or after the passage (a byline) does not make it a middle part.
    const auto content_in = [&](std::uint32_t from, std::uint32_t to) {
      for (std::uint32_t i = from; i < to; ++i)
        if (is_content(korean_ ? shared.ko : shared.en, i, min_letters)) return true;
      return false;
    };
    if (!content_in(0, begin) && end >= side.size())  // not named by the measure; kept safe
      f.message += "none of its content is translated";
    else if (!content_in(0, begin))
      f.message += other + " starts at " + at(end);
    else if (!content_in(end, static_cast<std::uint32_t>(side.size())))
      f.message += other + " stops after " + at(begin - 1);
    else
      f.message += other + " skips from " + at(begin - 1) + " to " + at(end);
    if (linked > 0)
      f.message += fmt::format("; {} of them {} linked all the same, doubtfully", linked,
                               linked == 1 ? "is" : "are");
    f.message += ".";
    return f;
  }

  // Gale-Church log(2 (1 - Phi(|z|))), bounded below so a far-off z stays finite.
  static double log_tail(double z) {
    return std::log(std::max(std::erfc(std::abs(z) / std::sqrt(2.0)), kMinTail));
  }

  // The model's prior of a bead with these side sizes; 0 for a shape it does not know.
  static double shape_prior(const LengthModel& model, std::uint32_t ko, std::uint32_t en) {
    const std::size_t k = shape_index(ko, en);
    return k < kBeadShapeCount ? model.priors[k] : 0.0;
  }

  // The adjacent link with both sides sharing the most anchors with `segment` (merge_evidence.hpp)
  // and that count; a.size() and 0 when there is none.
  std::pair<std::size_t, double> anchored_neighbour(const CheckContext& ctx, std::size_t k,
                                                    std::string_view segment,
                                                    const CheckOptions& options) const {
    const Alignment& a = ctx.alignment;
    std::pair<std::size_t, double> best{a.size(), 0.0};
    for (const std::size_t n : {k - 1, k + 1}) {
      if (n >= a.size() || a[n].ko_size() == 0 || a[n].en_size() == 0) continue;
      const std::string_view ko = side_text(ctx.ko, a[n].ko_begin, a[n].ko_end);
      const std::string_view en = side_text(ctx.en, a[n].en_begin, a[n].en_end);
      const double anchors = qa_detail::merged_anchors(
          {segment, korean_}, {korean_ ? ko : en, korean_ ? en : ko}, options.dictionary);
      if (anchors > best.second) best = {n, anchors};
    }
    return best;
  }

  // The first content segment of an adjacent link that is unaligned on the other side, or kNone.
  std::uint32_t unpaired_neighbour(const CheckContext& ctx, std::size_t k,
                                   double min_letters) const {
    const Alignment& a = ctx.alignment;
    for (const std::size_t n : {k + 1, k - 1}) {
      if (n >= a.size()) continue;  // k - 1 wraps around for k == 0
      const Bead& b = a[n];
      const bool other_only =
          korean_ ? (b.ko_size() == 0 && b.en_size() > 0) : (b.en_size() == 0 && b.ko_size() > 0);
      if (!other_only) continue;
      const SegmentedText& other = korean_ ? ctx.en : ctx.ko;
      const qa_detail::SharedView& shared = qa_detail::shared_view(ctx);
      for (const qa_detail::Piece& p : qa_detail::side_pieces(
               other, korean_ ? b.en_begin : b.ko_begin, korean_ ? b.en_end : b.ko_end))
        if (is_content(korean_ ? shared.en : shared.ko, p.segment, min_letters)) return p.segment;
    }
    return kNone;
  }

  bool korean_;
};

}  // namespace

std::unique_ptr<Check> make_omission_check() {
  return std::make_unique<UnalignedCheck>(true);
}
std::unique_ptr<Check> make_addition_check() {
  return std::make_unique<UnalignedCheck>(false);
}

}  // namespace kealign
