#include "checks/shared_view.hpp"

#include "checks/boilerplate.hpp"

namespace kealign::qa_detail {
namespace {

template <typename T, typename Make>
const T& memo(std::vector<std::optional<T>>& cache, std::uint32_t segment, Make make) {
  std::optional<T>& slot = cache[segment];
  if (!slot) slot.emplace(make());
  return *slot;
}

}  // namespace

SideView::SideView(const SegmentedText& text, bool korean)
    : text_(text),
      korean_(korean),
      english_words_(text.size()),
      latin_words_(text.size()),
      hangul_words_(text.size()),
      hangul_stems_(text.size()),
      damaged_(text.size()),
      numbers_(text.size()),
      boilerplate_(text.size()) {}

const std::vector<Word>& SideView::english_words(std::uint32_t segment) const {
  return memo(english_words_, segment,
              [&] { return qa_detail::english_words(text_.raw(segment)); });
}

const std::vector<lang::LatinWord>& SideView::latin_words(std::uint32_t segment) const {
  return memo(latin_words_, segment, [&] {
    return lang::latin_words(text_.raw(segment), text_.segments[segment].span.begin);
  });
}

const std::vector<lang::HangulWord>& SideView::hangul_words(std::uint32_t segment) const {
  return memo(hangul_words_, segment, [&] {
    return lang::hangul_words(text_.raw(segment), text_.segments[segment].span.begin);
  });
}

const std::vector<std::vector<std::u32string>>& SideView::hangul_stems(
    std::uint32_t segment) const {
  return memo(hangul_stems_, segment, [&] {
    std::vector<std::vector<std::u32string>> out;
    for (const lang::HangulWord& w : hangul_words(segment))
      out.push_back(lang::hangul_stems(w.syllables));
    return out;
  });
}

const std::vector<Damaged>& SideView::damaged(std::uint32_t segment) const {
  return memo(damaged_, segment, [&] {
    return damaged_spans(text_.raw(segment), text_.segments[segment].span.begin);
  });
}

const std::vector<lang::NumberMention>& SideView::numbers(std::uint32_t segment) const {
  return memo(numbers_, segment, [&] {
    const std::size_t base = text_.segments[segment].span.begin;
    return korean_ ? lang::extract_numbers_ko(text_.raw(segment), base)
                   : lang::extract_numbers_en(text_.raw(segment), base);
  });
}

std::string_view SideView::boilerplate_kind(std::uint32_t segment) const {
  return memo(boilerplate_, segment,
              [&] { return qa_detail::boilerplate_kind(text_.raw(segment)); });
}

const SharedView& shared_view(const CheckContext& ctx) {
  if (!ctx.shared) ctx.shared = std::make_shared<SharedView>(ctx.ko, ctx.en);
  return *ctx.shared;
}

}  // namespace kealign::qa_detail
