// What the checks read from each segment, read once per run and shared: English words, Latin and
// Hangul words (and the Hangul words' stems), numbers, damaged spans and boilerplate kind. Each is
// computed on first use, so a check that is switched off costs nothing, and is exactly what the
// underlying function returns for the segment's text (document offsets where that function takes a
// base).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/english_words.hpp"
#include "checks/util.hpp"
#include "kealign/check.hpp"
#include "names.hpp"
#include "numbers.hpp"

namespace kealign::qa_detail {

class SideView {
 public:
  SideView(const SegmentedText& text, bool korean);

  const SegmentedText& text() const { return text_; }
  // english_words(segment text): offsets within the segment.
  const std::vector<Word>& english_words(std::uint32_t segment) const;
  // latin_words / hangul_words / damaged_spans of the segment, in document offsets.
  const std::vector<lang::LatinWord>& latin_words(std::uint32_t segment) const;
  const std::vector<lang::HangulWord>& hangul_words(std::uint32_t segment) const;
  // lang::hangul_stems of each of hangul_words(segment), in the same order.
  const std::vector<std::vector<std::u32string>>& hangul_stems(std::uint32_t segment) const;
  const std::vector<Damaged>& damaged(std::uint32_t segment) const;
  // extract_numbers_ko or extract_numbers_en (by the side), in document offsets.
  const std::vector<lang::NumberMention>& numbers(std::uint32_t segment) const;
  std::string_view boilerplate_kind(std::uint32_t segment) const;

 private:
  template <typename T>
  using PerSegment = std::vector<std::optional<T>>;

  const SegmentedText& text_;
  bool korean_;
  mutable PerSegment<std::vector<Word>> english_words_;
  mutable PerSegment<std::vector<lang::LatinWord>> latin_words_;
  mutable PerSegment<std::vector<lang::HangulWord>> hangul_words_;
  mutable PerSegment<std::vector<std::vector<std::u32string>>> hangul_stems_;
  mutable PerSegment<std::vector<Damaged>> damaged_;
  mutable PerSegment<std::vector<lang::NumberMention>> numbers_;
  mutable PerSegment<std::string_view> boilerplate_;
};

class SharedView {
 public:
  SharedView(const SegmentedText& ko_text, const SegmentedText& en_text)
      : ko(ko_text, true), en(en_text, false) {}
  SideView ko, en;
};

// The context's shared view, made on first use.
const SharedView& shared_view(const CheckContext& ctx);

}  // namespace kealign::qa_detail
