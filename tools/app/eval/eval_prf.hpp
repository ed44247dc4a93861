// Precision, recall and F1 exactly as ../shared/eval/score.py computes them (its prf()), shared by
// the split and alignment scorers so their figures agree with the reference to the last digit.
#pragma once

#include <cstddef>

namespace kealign::eval_detail {

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
};

// hits_p of predicted items are right; hits_r of gold items are found (equal for exact matching).
inline Prf prf(std::size_t hits_p, std::size_t predicted, std::size_t hits_r, std::size_t gold) {
  Prf r;
  r.precision = predicted ? static_cast<double>(hits_p) / static_cast<double>(predicted) : 0.0;
  r.recall = gold ? static_cast<double>(hits_r) / static_cast<double>(gold) : 0.0;
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0.0;
  return r;
}

}  // namespace kealign::eval_detail
