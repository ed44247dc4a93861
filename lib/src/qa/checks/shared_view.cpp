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
  if (store.ranges.empty()) store.ranges.resize(text_.size());
  const Range range = store.ranges[segment];
  // Most segments have no numbers or damaged spans: answered without a recent vector.
  static const std::vector<T> kNone;
  if (range.count == 0) return kNone;
  if (std::vector<T>* hit = recent.find(segment)) return *hit;
  if (range.count != kUnread) {
    std::vector<T>& out = recent.claim(segment);
    decode(store.records, range.begin, range.count, out);
    return out;
  }
  std::vector<T> computed = compute();
  if (computed.empty() && compact(segment)) {
    store.ranges[segment] = {static_cast<std::uint32_t>(store.records.size()), 0};
    return kNone;
  }
  std::vector<T>& out = recent.claim(segment);
  out = std::move(computed);
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

void SideView::read_english(std::uint32_t segment) const {
  if (english_words_.ranges.empty()) english_words_.ranges.resize(text_.size());
  Range& range = english_words_.ranges[segment];
  if (range.count != kUnread) return;
  const std::size_t begin = english_words_.records.size();
  const std::string_view text = text_.raw(segment);
  for_each_english_word(text, [&](std::size_t from, std::size_t to, bool space) {
    // Most words' keys are their ASCII letters lowercased: flagged, made without english_key.
    bool plain = true;
    for (std::size_t k = from; k < to && plain; ++k)
      plain = static_cast<unsigned char>(text[k]) < 0x80 && text[k] != '.' && text[k] != '\'';
    english_words_.records.push_back(
        {static_cast<std::uint32_t>(from),
         static_cast<std::uint32_t>(to) | (space ? kFlag1 : 0) | (plain ? kFlag2 : 0)});
  });
  range = {static_cast<std::uint32_t>(begin),
           static_cast<std::uint32_t>(english_words_.records.size() - begin)};
}

void SideView::read_latin(std::uint32_t segment) const {
  if (latin_words_.ranges.empty()) latin_words_.ranges.resize(text_.size());
  Range& range = latin_words_.ranges[segment];
  if (range.count != kUnread) return;
  const std::size_t begin = latin_words_.records.size();
  const std::size_t base = text_.segments[segment].span.begin;
  lang::for_each_latin_word(text_.raw(segment), base, [&](const lang::LatinWordRef& w) {
    latin_words_.records.push_back({static_cast<std::uint32_t>(w.span.begin - base),
                                    static_cast<std::uint32_t>(w.span.end - base) |
                                        (w.sentence_start ? kFlag1 : 0) |
                                        (w.after_space_only ? kFlag2 : 0)});
  });
  range = {static_cast<std::uint32_t>(begin),
           static_cast<std::uint32_t>(latin_words_.records.size() - begin)};
}

const std::vector<Word>& SideView::english_words(std::uint32_t segment) const {
  const std::string_view text = text_.raw(segment);
  if (compact(segment)) read_english(segment);
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
        for (std::size_t i = 0; i < count; ++i) decode_english(text, records[begin + i], out[i]);
      });
}

void SideView::decode_english(std::string_view text, const WordRecord& r, Word& w) {
  w.begin = r.begin;
  w.end = r.end & kOffsetMask;
  decode_key(text, r, w.key);
  w.space_only_after = (r.end & kFlag1) != 0;
}

void SideView::decode_key(std::string_view text, const WordRecord& r, std::string& key) {
  const std::size_t begin = r.begin, end = r.end & kOffsetMask;
  if (r.end & kFlag2) {
    // Written over the key's own bytes: resize rarely reallocates a key made again and again.
    const std::size_t n = end - begin;
    key.resize(n);
    const char* from = text.data() + begin;
    for (std::size_t k = 0; k < n; ++k) {
      const char c = from[k];
      key[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
  } else {
    english_key(text.substr(begin, end - begin), key);
  }
}

void SideView::english_key_hashes(std::uint32_t segment, std::vector<std::uint64_t>& out) const {
  out.clear();
  // FNV-1a of each key: equal keys, equal hashes.
  const auto hash = [](std::string_view key) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return h;
  };
  if (!compact(segment)) {
    for (const Word& w : english_words(segment)) out.push_back(hash(w.key));
    return;
  }
  read_english(segment);
  const Range range = english_words_.ranges[segment];
  const std::string_view text = text_.raw(segment);
  std::string key;
  auto record = english_words_.records.cbegin() + range.begin;  // walked, not indexed
  for (std::uint32_t i = 0; i < range.count; ++i) {
    const WordRecord& r = *record++;
    if (!(r.end & kFlag2)) {
      decode_key(text, r, key);
      out.push_back(hash(key));
      continue;
    }
    // The key of a flagged word is its bytes lowercased: hashed without being made.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (std::size_t k = r.begin, end = r.end & kOffsetMask; k < end; ++k) {
      const auto c = static_cast<unsigned char>(text[k]);
      h = (h ^ (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c)) * 0x100000001b3ULL;
    }
    out.push_back(h);
  }
}

EnglishTail SideView::english_tail(std::uint32_t segment) const {
  EnglishTail tail;
  const Range range = english_words_.ranges.empty() ? Range{} : english_words_.ranges[segment];
  if (range.count == kUnread || recent_english_.find(segment)) {
    const std::vector<Word>& words = english_words(segment);
    tail.count = words.size();
    if (tail.count >= 1) tail.last = words[tail.count - 1];
    if (tail.count >= 2) tail.before = words[tail.count - 2];
    return tail;
  }
  const std::string_view text = text_.raw(segment);
  tail.count = range.count;
  const std::size_t end = range.begin + range.count;
  if (tail.count >= 1) decode_english(text, english_words_.records[end - 1], tail.last);
  if (tail.count >= 2) decode_english(text, english_words_.records[end - 2], tail.before);
  return tail;
}

const std::vector<lang::LatinWord>& SideView::latin_words(std::uint32_t segment) const {
  const std::string_view text = text_.raw(segment);
  const std::size_t base = text_.segments[segment].span.begin;
  if (compact(segment)) read_latin(segment);
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

void SideView::read_hangul(std::uint32_t segment) const {
  if (hangul_words_.ranges.empty()) hangul_words_.ranges.resize(text_.size());
  if (hangul_stems_.ranges.empty()) hangul_stems_.ranges.resize(text_.size());
  Range& words = hangul_words_.ranges[segment];
  Range& stems = hangul_stems_.ranges[segment];
  if (words.count != kUnread && stems.count != kUnread) return;
  const std::string_view text = text_.raw(segment);
  const std::size_t words_begin = hangul_words_.records.size();
  const std::size_t stems_begin = hangul_stems_.records.size();
  std::u32string syllables;
  std::vector<std::size_t> drops;
  lang::for_each_hangul_word(text, [&](std::size_t begin, std::size_t end) {
    hangul_words_.records.push_back(
        {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
    syllables.clear();
    for (std::size_t k = begin; k < end; k += 3)
      syllables.push_back(lang::hangul_syllable_at(text, k));
    // A particle is a few syllables, so its count and lengths fit a byte.
    lang::hangul_stem_drops(syllables, drops);
    hangul_stems_.records.push_back(static_cast<std::uint8_t>(drops.size()));
    for (std::size_t d : drops) hangul_stems_.records.push_back(static_cast<std::uint8_t>(d));
  });
  // Both stores were read together or not at all: what was read is the same again.
  words = {static_cast<std::uint32_t>(words_begin),
           static_cast<std::uint32_t>(hangul_words_.records.size() - words_begin)};
  stems = {static_cast<std::uint32_t>(stems_begin),
           static_cast<std::uint32_t>(hangul_stems_.records.size() - stems_begin)};
}

void SideView::latin_word_refs(std::uint32_t segment, std::vector<lang::LatinWordRef>& out) const {
  out.clear();
  const std::string_view text = text_.raw(segment);
  const std::size_t base = text_.segments[segment].span.begin;
  if (!compact(segment)) {
    for (const lang::LatinWord& w : latin_words(segment))
      out.push_back({w.span, text.substr(w.span.begin - base, w.span.size()), w.sentence_start,
                     w.after_space_only});
    return;
  }
  read_latin(segment);
  const Range range = latin_words_.ranges[segment];
  out.reserve(range.count);
  auto record = latin_words_.records.cbegin() + range.begin;
  for (std::uint32_t i = 0; i < range.count; ++i) {
    const WordRecord& r = *record++;
    const std::uint32_t end = r.end & kOffsetMask;
    out.push_back({{base + r.begin, base + end},
                   text.substr(r.begin, end - r.begin),
                   (r.end & kFlag1) != 0,
                   (r.end & kFlag2) != 0});
  }
}

const std::vector<lang::HangulWord>& SideView::hangul_words(std::uint32_t segment) const {
  const std::string_view text = text_.raw(segment);
  const std::size_t base = text_.segments[segment].span.begin;
  if (compact(segment)) read_hangul(segment);
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
          for (std::size_t k = r.begin; k < r.end; k += 3)
            w.syllables.push_back(lang::hangul_syllable_at(text, k));
        }
      });
}

const std::vector<std::vector<std::u32string>>& SideView::hangul_stems(
    std::uint32_t segment) const {
  // A stem is the word without a particle: kept as the particle's length in syllables.
  if (compact(segment)) read_hangul(segment);
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
