// Word-level mistranslation from a word table learnt on the pair itself: a Korean content word
// whose usual English rendering, learnt from the pair's other links, is absent from its link.
#pragma once

#include <string_view>
#include <vector>

#include "kealign/check.hpp"

namespace kealign::qa_detail {

struct LearntWordOptions {
  double min_links = 4;    // links a Korean word must occur in, this one left out
  double min_share = 0.9;  // share of its other links that hold the rendering
  double min_dice = 0.6;   // Dice coefficient of the word and its rendering over 1-1 links
};

// Findings of `check` (minor) for links that lack the rendering of one of their Korean words.
void learnt_word_findings(const CheckContext& ctx, const LearntWordOptions& options,
                          std::string_view check, std::vector<Finding>& out);

}  // namespace kealign::qa_detail
