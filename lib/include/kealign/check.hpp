// Translation QA: checks run over an aligned pair and report Findings. A finding is data, never an
// exception: it names the check, a severity, the segments involved, byte spans of the evidence in
// the original documents, and a message a reviewer can act on.
//
//   kealign::AlignResult aligned = kealign::align(ko, en);  // ko, en: SegmentedText (segment.hpp)
//   std::vector<kealign::Finding> f = kealign::run_checks(ko, en, aligned);
//   for (const auto& x : f) std::cout << x.check << ": " << x.message << '\n';
//
// The checks take the whole AlignResult: the length model fitted to the pair and its relatedness
// (a passage the translation lacks) are part of what they judge by, not only the links.
//
// Every check is a small class implementing Check (lib/src/qa/checks/*.cpp), registered in one
// table. Options switch checks off (CheckOptions::disabled) and set their parameters
// ("check-id.param", listed by Check::parameters()); an unknown check id or parameter is a
// UsageError.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/align.hpp"
#include "kealign/dictionary.hpp"
#include "kealign/export.hpp"
#include "kealign/segment.hpp"

namespace kealign {

namespace qa_detail {
class SharedView;  // lib/src/qa/checks/shared_view.hpp
}

enum class Severity { kMajor, kMinor, kInfo };
KEALIGN_EXPORT std::string_view severity_name(Severity s);  // "major", "minor", "info"

// One value a check compared, as found on each side: e.g. {"numbers", "3억 달러", "$3 million"}.
// A side the value is absent from, or that does not apply, is "".
struct Evidence {
  std::string name;  // what was compared, e.g. "numbers", "length-units", "latin-tokens"
  std::string ko;    // the Korean side's value
  std::string en;    // the English side's value
};

struct Finding {
  std::string check;  // check id, e.g. "quote-balance"
  Severity severity = Severity::kMinor;
  std::vector<std::uint32_t> ko_ids;  // Korean segment indices involved, ascending
  std::vector<std::uint32_t> en_ids;  // English segment indices involved, ascending
  std::vector<Span> ko_spans;         // evidence in the Korean document's text
  std::vector<Span> en_spans;         // evidence in the English document's text
  std::string message;                // what is wrong, with the evidence
  std::vector<Evidence> evidence;     // the values compared, for programs (the message says them)
  bool passage = false;  // names a whole passage (e.g. one left untranslated): reports lead with it
  // How sure the check is that a reviewer would call this an error, in [0, 1]. A check that does
  // not set it (negative) gets its severity's default from run_checks: major 0.8, minor 0.5, info
  // 0.2.
  double confidence = -1;
};

// The default confidence of a severity (what run_checks gives a finding that has none).
KEALIGN_EXPORT double default_confidence(Severity s);

// What every check sees: both texts and the pair's AlignResult, which must outlive the context.
// The alignment covers both sides (see check_conservation).
struct CheckContext {
  CheckContext(const SegmentedText& ko_text, const SegmentedText& en_text,
               const AlignResult& aligned)
      : ko(ko_text),
        en(en_text),
        alignment(aligned.alignment),
        length_model(aligned.model),
        relatedness(aligned.relatedness) {}
  CheckContext(const SegmentedText&, const SegmentedText&, AlignResult&&) = delete;  // dangling

  const SegmentedText& ko;
  const SegmentedText& en;
  const Alignment& alignment;
  const LengthModel& length_model;  // as calibrated by the aligner for this pair
  const Relatedness& relatedness;   // of the pair under the alignment: its missing passage, if any
  // Each segment's words, numbers and damaged spans, read on first use and shared by the checks so
  // that none reads them again (copies of the context share it).
  mutable std::shared_ptr<qa_detail::SharedView> shared;
};

// Per-check settings: on/off and named numeric parameters. Each check documents its parameters and
// their defaults in its header comment; unknown names are a UsageError.
struct KEALIGN_EXPORT CheckOptions {
  std::set<std::string> disabled;                // check ids to skip
  std::map<std::string, double> params;          // "check-id.param" -> value
  std::shared_ptr<const Dictionary> dictionary;  // optional glosses (dictionary.hpp)

  double param(std::string_view check, std::string_view name, double fallback) const;
};

// One tunable parameter of a check, settable as "check-id.name=value".
struct CheckParameter {
  std::string_view name;         // e.g. "max-z"
  double fallback = 0;           // value used when the option is not set
  std::string_view description;  // one line
};

class KEALIGN_EXPORT Check {
 public:
  virtual ~Check() = default;
  virtual std::string_view id() const = 0;
  virtual std::string_view description() const = 0;  // one line, for `check --list` and reports
  // The parameters the check reads through CheckOptions::param; setting any other is a UsageError.
  virtual std::vector<CheckParameter> parameters() const { return {}; }
  virtual void run(const CheckContext& ctx, const CheckOptions& options,
                   std::vector<Finding>& out) const = 0;
};

// All checks kealign knows, in report order.
KEALIGN_EXPORT const std::vector<std::unique_ptr<Check>>& all_checks();

// The registered check with this id, or nullptr.
KEALIGN_EXPORT const Check* find_check(std::string_view id);

// Throws UsageError naming the culprit when options disable an unknown check or set a parameter
// that no check declares. run_checks calls it first.
KEALIGN_EXPORT void validate_check_options(const CheckOptions& options);

// Runs every enabled check on a pair aligned by align() (or an AlignResult built from an alignment
// read from a file, with fit_length_model and measure_relatedness: analysis.hpp); findings come
// back sorted by the first link they touch, then check id.
KEALIGN_EXPORT std::vector<Finding> run_checks(const SegmentedText& ko, const SegmentedText& en,
                                               const AlignResult& aligned,
                                               const CheckOptions& options = {});

// For each bead of the alignment, the ids of the checks with a finding on one of its segments,
// comma-joined in report order ("" when none): the flags column of `kealign align`.
KEALIGN_EXPORT std::vector<std::string> flags_per_bead(const Alignment& alignment,
                                                       const std::vector<Finding>& findings);

}  // namespace kealign
