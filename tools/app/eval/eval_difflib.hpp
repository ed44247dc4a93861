// Python's difflib.SequenceMatcher (autojunk on, no junk function) over code points, ported so
// kiwipiepy's evaluate_split places a prediction that does not occur verbatim in the gold text
// exactly where the reference does.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kealign::eval_detail {

struct DiffOpcode {
  char tag = 'e';  // 'r'eplace, 'd'elete, 'i'nsert or 'e'qual
  std::size_t a_begin = 0, a_end = 0, b_begin = 0, b_end = 0;
};

// == SequenceMatcher(a=a, b=b).get_opcodes().
std::vector<DiffOpcode> diff_opcodes(const std::u32string& a, const std::u32string& b);

}  // namespace kealign::eval_detail
