#include "checks/shared_view.hpp"

#include "checks/boilerplate.hpp"

namespace kealign::qa_detail {
namespace {

constexpr std::uint32_t kFlag1 = std::uint32_t{1} << 31;
constexpr std::uint32_t kFlag2 = std::uint32_t{1} << 30;
constexpr std::uint32_t kOffsetMask = kFlag2 - 1;
constexpr std::uint32_t kMaxByte = 0xFF;

}  // namespace

SideView::SideView(const SegmentedText& text, bool korean) : text_(text), korean_(korean) {}

bool SideView::compact(std::uint32_t segment) const {
  return text_.segments[segment].span.size() <= kOffsetMask;
}

// The recent vector of the segment if there is one; else the segment's records made into one, or,
// on the first read, compute()'s result, kept as records by encode (which returns false when they
// do not fit: the segment is then computed again when next asked for).
template <typename T, typename Record, typename Compute, typename Encode, typename Decode>
const std::vector<T>& SideView::read(Store<Record>& store, Recent<T>& recent, std::uint32_t segment,
                                     Compute compute, Encode encode, Decode decode) const {
  if (std::vector<T>* hit = recent.find(segment)) return *hit;
  if (store.ranges.empty()) store.ranges.resize(text_.size());
  const Range range = store.ranges[segment];
  std::vector<T>& out = recent.claim(segment);
  if (range.count != kUnread) {
    decode(store.records, range.begin, range.count, out);
    return out;
  }
  out = compute();
  if (compact(segment)) {
    const std::size_t begin = store.records.size();
    const bool fits = encode(out, store.records) && store.records.size() < kUnread;
    if (fits)
      store.ranges[segment] = {static_cast<std::uint32_t>(begin),
                               static_cast<std::uint32_t>(store.records.size() - begin)};
    else
      store.records.resize(begin);
  }
  return out;
}

const std::vector<Word>& SideView::english_words(std::uint32_t segment) const {
  const std::string_view text = text_.raw(segment);
  return read(
      english_words_, recent_english_, segment, [&] { return qa_detail::english_words(text); },
      [](const std::vector<Word>& words, std::deque<WordRecord>& records) {
        for (const Word& w : words)
          records.push_back(
              {static_cast<std::uint32_t>(w.begin),
               static_cast<std::uint32_t>(w.end) | (w.space_only_after ? kFlag1 : 0)});
        return true;
      },
      [&](const std::deque<WordRecord>& records, std::size_t begin, std::size_t count,
          std::vector<Word>& out) {
        out.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
          const WordRecord& r = records[begin + i];
          Word& w = out[i];
          w.begin = r.begin;
          w.end = r.end & kOffsetMask;
          english_key(text.substr(w.begin, w.end - w.begin), w.key);
          w.space_only_after = (r.end & kFlag1) != 0;
        }
      });
}

const std::vector<lang::LatinWord>& SideView::latin_words(std::uint32_t segment) const {
  const std::string_view text = text_.raw(segment);
  const std::size_t base = text_.segments[segment].span.begin;
  return read(
      latin_words_, recent_latin_, segment, [&] { return lang::latin_words(text, base); },
      [&](const std::vector<lang::LatinWord>& words, std::deque<WordRecord>& records) {
        for (const lang::LatinWord& w : words)
          records.push_back({static_cast<std::uint32_t>(w.span.begin - base),
                             static_cast<std::uint32_t>(w.span.end - base) |
                                 (w.sentence_start ? kFlag1 : 0) |
                                 (w.after_space_only ? kFlag2 : 0)});
        return true;
      },
      [&](const std::deque<WordRecord>& records, std::size_t begin, std::size_t count,
          std::vector<lang::LatinWord>& out) {
        out.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
          const WordRecord& r = records[begin + i];
          lang::LatinWord& w = out[i];
          const std::uint32_t end = r.end & kOffsetMask;
          w.span = {base + r.begin, base + end};
          w.text.assign(text.substr(r.begin, end - r.begin));
          w.sentence_start = (r.end & kFlag1) != 0;
          w.after_space_only = (r.end & kFlag2) != 0;
        }
      });
}

const std::vector<lang::HangulWord>& SideView::hangul_words(std::uint32_t segment) const {
  const std::string_view text = text_.raw(segment);
  const std::size_t base = text_.segments[segment].span.begin;
  return read(
      hangul_words_, recent_hangul_, segment, [&] { return lang::hangul_words(text, base); },
      [&](const std::vector<lang::HangulWord>& words, std::deque<WordRecord>& records) {
        for (const lang::HangulWord& w : words)
          records.push_back({static_cast<std::uint32_t>(w.span.begin - base),
                             static_cast<std::uint32_t>(w.span.end - base)});
        return true;
      },
      [&](const std::deque<WordRecord>& records, std::size_t begin, std::size_t count,
          std::vector<lang::HangulWord>& out) {
        out.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
          const WordRecord& r = records[begin + i];
          lang::HangulWord& w = out[i];
          w.span = {base + r.begin, base + r.end};
          w.syllables.clear();
          for (std::size_t k = r.begin; k < r.end;) w.syllables.push_back(next_code_point(text, k));
        }
      });
}

const std::vector<std::vector<std::u32string>>& SideView::hangul_stems(
    std::uint32_t segment) const {
  // A stem is the word without a particle: kept as the particle's length in syllables.
  return read(
      hangul_stems_, recent_stems_, segment,
      [&] {
        std::vector<std::vector<std::u32string>> out;
        for (const lang::HangulWord& w : hangul_words(segment))
          out.push_back(lang::hangul_stems(w.syllables));
        return out;
      },
      [](const std::vector<std::vector<std::u32string>>& stems, std::deque<std::uint8_t>& records) {
        for (const std::vector<std::u32string>& s : stems) {
          if (s.size() - 1 > kMaxByte) return false;
          records.push_back(static_cast<std::uint8_t>(s.size() - 1));
          for (std::size_t j = 1; j < s.size(); ++j) {
            const std::size_t dropped = s[0].size() - s[j].size();
            if (dropped > kMaxByte || s[0].compare(0, s[j].size(), s[j]) != 0) return false;
            records.push_back(static_cast<std::uint8_t>(dropped));
          }
        }
        return true;
      },
      [&](const std::deque<std::uint8_t>& records, std::size_t begin, std::size_t,
          std::vector<std::vector<std::u32string>>& out) {
        const std::vector<lang::HangulWord>& words = hangul_words(segment);
        out.resize(words.size());
        std::size_t at = begin;
        for (std::size_t i = 0; i < words.size(); ++i) {
          const std::u32string& word = words[i].syllables;
          std::vector<std::u32string>& stems = out[i];
          stems.resize(1 + records[at++]);
          stems[0].assign(word);
          for (std::size_t j = 1; j < stems.size(); ++j)
            stems[j].assign(word, 0, word.size() - records[at++]);
        }
      });
}

const std::vector<Damaged>& SideView::damaged(std::uint32_t segment) const {
  return read(
      damaged_, recent_damaged_, segment,
      [&] { return damaged_spans(text_.raw(segment), text_.segments[segment].span.begin); },
      [](const std::vector<Damaged>& spans, std::deque<Damaged>& records) {
        records.insert(records.end(), spans.begin(), spans.end());
        return true;
      },
      [](const std::deque<Damaged>& records, std::size_t begin, std::size_t count,
         std::vector<Damaged>& out) {
        const auto from = records.begin() + static_cast<std::ptrdiff_t>(begin);
        out.assign(from, from + static_cast<std::ptrdiff_t>(count));
      });
}

const std::vector<lang::NumberMention>& SideView::numbers(std::uint32_t segment) const {
  return read(
      numbers_, recent_numbers_, segment,
      [&] {
        const std::size_t base = text_.segments[segment].span.begin;
        return korean_ ? lang::extract_numbers_ko(text_.raw(segment), base)
                       : lang::extract_numbers_en(text_.raw(segment), base);
      },
      [](const std::vector<lang::NumberMention>& numbers,
         std::deque<lang::NumberMention>& records) {
        records.insert(records.end(), numbers.begin(), numbers.end());
        return true;
      },
      [](const std::deque<lang::NumberMention>& records, std::size_t begin, std::size_t count,
         std::vector<lang::NumberMention>& out) {
        const auto from = records.begin() + static_cast<std::ptrdiff_t>(begin);
        out.assign(from, from + static_cast<std::ptrdiff_t>(count));
      });
}

std::string_view SideView::boilerplate_kind(std::uint32_t segment) const {
  if (boilerplate_.empty()) boilerplate_.resize(text_.size());
  std::uint16_t& slot = boilerplate_[segment];
  if (slot != 0) return boilerplate_kinds_[slot - 1];
  const std::string_view kind = qa_detail::boilerplate_kind(text_.raw(segment));
  std::size_t i = 0;
  while (i < boilerplate_kinds_.size() && boilerplate_kinds_[i] != kind) ++i;
  if (i == boilerplate_kinds_.size()) {
    if (i + 1 > std::numeric_limits<std::uint16_t>::max()) return kind;  // not kept
    boilerplate_kinds_.push_back(kind);
  }
  slot = static_cast<std::uint16_t>(i + 1);
  return kind;
}

std::size_t SideView::kept_bytes() const {
  const auto store = [](const auto& s) {
    return s.ranges.capacity() * sizeof(Range) + s.records.size() * sizeof(s.records.front());
  };
  return store(english_words_) + store(latin_words_) + store(hangul_words_) + store(hangul_stems_) +
         store(damaged_) + store(numbers_) + boilerplate_.capacity() * sizeof(std::uint16_t);
}

const SharedView& shared_view(const CheckContext& ctx) {
  if (!ctx.shared) ctx.shared = std::make_shared<SharedView>(ctx.ko, ctx.en);
  return *ctx.shared;
}

}  // namespace kealign::qa_detail
