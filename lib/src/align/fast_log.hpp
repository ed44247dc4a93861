// A natural logarithm cheaper than std::log, for the Model 1 bead scores (align_translation.cpp),
// which take one for every word of every candidate bead.
#pragma once

#include <cstdint>
#include <cstring>

namespace kealign::align_detail {

// ln x of a positive normal float to within 1e-4 (6.3e-5 at most from 1e-8 to 1e3):
// x = 2^k m with m in [1, 2), so ln x = k ln 2 + ln m, with ln m by a degree-4 polynomial.
inline float fast_log(float x) {
  constexpr int kMantissaBits = 23;
  constexpr std::uint32_t kExponentMask = 0xFFu;
  constexpr int kExponentBias = 127;
  constexpr std::uint32_t kMantissaMask = (1u << kMantissaBits) - 1;
  constexpr std::uint32_t kExponentOfOne = static_cast<std::uint32_t>(kExponentBias)
                                           << kMantissaBits;
  constexpr float kLn2 = 0.69314718f;
  std::uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  const auto exponent =
      static_cast<float>(static_cast<int>((bits >> kMantissaBits) & kExponentMask) - kExponentBias);
  bits = (bits & kMantissaMask) | kExponentOfOne;
  float m;
  std::memcpy(&m, &bits, sizeof m);  // mantissa in [1, 2)
  const float ln_m =
      -1.7417939f + (2.8212026f + (-1.4699568f + (0.44717955f - 0.056570851f * m) * m) * m) * m;
  return exponent * kLn2 + ln_m;
}

}  // namespace kealign::align_detail
