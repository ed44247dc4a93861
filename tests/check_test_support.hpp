// Small aligned pairs for the check tests: segments given as strings, links 1-1 unless stated.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "kealign/align.hpp"
#include "kealign/check.hpp"
#include "kealign/segment.hpp"

namespace kealign::test {

struct CheckPair {
  SegmentedText ko;
  SegmentedText en;
  Alignment alignment;
  LengthModel model;

  // Runs one check (by id) with the given options.
  std::vector<Finding> run(const std::string& check, const CheckOptions& options = {}) const {
    std::vector<Finding> out;
    const AlignResult aligned{alignment, model, {}};
    find_check(check)->run(CheckContext(ko, en, aligned), options, out);
    return out;
  }
  std::vector<Finding> run_all(const CheckOptions& options = {}) const {
    return run_checks(ko, en, AlignResult{alignment, model, {}}, options);
  }
};

inline SegmentedText lines_of(const std::string& name, const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  return presplit(make_document(name, text));
}

// Segment i of ko linked to segment i of en, unless links are given.
inline CheckPair make_pair(const std::vector<std::string>& ko, const std::vector<std::string>& en,
                           const std::vector<Link>& links = {}) {
  CheckPair p{lines_of("ko", ko), lines_of("en", en), {}, {}};
  std::vector<Link> l = links;
  if (l.empty())
    for (std::uint32_t i = 0; i < std::max(ko.size(), en.size()); ++i)
      l.push_back({i < ko.size() ? std::vector<std::uint32_t>{i} : std::vector<std::uint32_t>{},
                   i < en.size() ? std::vector<std::uint32_t>{i} : std::vector<std::uint32_t>{}});
  p.alignment = to_alignment(l, p.ko.size(), p.en.size(), "test links");
  return p;
}

// One Korean and one English segment, linked.
inline CheckPair one_link(const std::string& ko, const std::string& en) {
  return make_pair({ko}, {en});
}

// The text a finding's first English span covers.
inline std::string first_en_evidence(const CheckPair& p, const Finding& f) {
  return f.en_spans.empty() ? std::string() : std::string(p.en.document.view(f.en_spans.front()));
}

}  // namespace kealign::test
