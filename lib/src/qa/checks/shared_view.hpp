// What the checks read from each segment, read once per run and shared: English words, Latin and
// Hangul words (and the Hangul words' stems), numbers, damaged spans and boilerplate kind. Each is
// computed on first use, so a check that is switched off costs nothing, and is exactly what the
// underlying function returns for the segment's text (document offsets where that function takes a
// base).
//
// What is kept for every segment read is compact: a word is its offsets in the text and its flags,
// not copies of its letters (8 bytes instead of 50 to 100), a stem is the length of the particle it
// drops. The vectors the accessors return are made from that for the kRecent segments of each kind
// read last, so the memory is a few bytes per word plus the text, not several times the text.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "checks/english_words.hpp"
#include "checks/util.hpp"
#include "kealign/check.hpp"
#include "names.hpp"
#include "numbers.hpp"

namespace kealign::qa_detail {

// A segment's number of English words and its last two, for a check that reads only its end.
struct EnglishTail {
  std::size_t count = 0;
  Word before, last;  // before: when count >= 2
};

class SideView {
 public:
  SideView(const SegmentedText& text, bool korean);

  // A reference an accessor returns stays valid while fewer than kRecent other segments of the
  // same kind (English words, Latin words, ...) of this side are read after it: a check may hold a
  // link's segments at once, not a document's.
  static constexpr std::size_t kRecent = 16;

  const SegmentedText& text() const { return text_; }
  // english_words(segment text): offsets within the segment.
  const std::vector<Word>& english_words(std::uint32_t segment) const;
  // Calls visit(key) with the key of each of english_words(segment) in order, made from what is
  // kept into one buffer rather than into a Word each. visit must not read this view (the
  // records are walked while it runs).
  template <typename Visit>
  void visit_english_keys(std::uint32_t segment, Visit visit) const;
  // A hash of the key of each of english_words(segment), in order, into `out`: words with
  // different hashes have different keys. Made from what is kept, without a Word each.
  void english_key_hashes(std::uint32_t segment, std::vector<std::uint64_t>& out) const;
  // What english_words(segment) ends with, made from what is kept without the rest.
  EnglishTail english_tail(std::uint32_t segment) const;
  // latin_words / hangul_words / damaged_spans of the segment, in document offsets.
  const std::vector<lang::LatinWord>& latin_words(std::uint32_t segment) const;
  const std::vector<lang::HangulWord>& hangul_words(std::uint32_t segment) const;
  // latin_words(segment) as views of the text, into `out`: for a reader that keeps none of them
  // past the segment, without a copy of each word.
  void latin_word_refs(std::uint32_t segment, std::vector<lang::LatinWordRef>& out) const;
  // lang::hangul_stems of each of hangul_words(segment), in the same order.
  const std::vector<std::vector<std::u32string>>& hangul_stems(std::uint32_t segment) const;
  // Calls visit(begin, end, stems, shortest) for each of hangul_words(segment), straight from
  // what is kept, without making the vectors: its bytes within the segment (three a syllable),
  // how many stems hangul_stems gives it (itself included) and the syllables of the last one.
  // visit must not read this view (the records are walked while it runs).
  template <typename Visit>
  void visit_hangul_stems(std::uint32_t segment, Visit visit) const;
  const std::vector<Damaged>& damaged(std::uint32_t segment) const;
  // extract_numbers_ko or extract_numbers_en (by the side), in document offsets.
  const std::vector<lang::NumberMention>& numbers(std::uint32_t segment) const;
  std::string_view boilerplate_kind(std::uint32_t segment) const;

  // Bytes held for the segments read so far (the compact records, not the recent vectors).
  std::size_t kept_bytes() const;

 private:
  static constexpr std::uint32_t kUnread = std::numeric_limits<std::uint32_t>::max();
  // Where a segment's records are in a store.
  struct Range {
    std::uint32_t begin = 0;
    std::uint32_t count = kUnread;
  };
  // Records of every segment read, in the order they were read; a deque, so that growing never
  // copies (nor briefly doubles) what is kept.
  template <typename Record>
  struct Store {
    std::vector<Range> ranges;  // by segment, made on first use
    std::deque<Record> records;
  };
  // A word: its bytes within the segment, and up to two flags in the end's top bits.
  struct WordRecord {
    std::uint32_t begin;
    std::uint32_t end;
  };
  // The vectors handed out for the segments of one kind read last (the least recently read one
  // is made over).
  template <typename T>
  class Recent {
   public:
    Recent() { segment_.fill(kUnread); }
    std::vector<T>* find(std::uint32_t segment) {
      if (segment_[last_] != segment) {
        std::size_t i = 0;
        while (i < kRecent && segment_[i] != segment) ++i;
        if (i == kRecent) return nullptr;
        last_ = i;
      }
      used_[last_] = ++clock_;
      return &value_[last_];
    }
    std::vector<T>& claim(std::uint32_t segment) {
      last_ = 0;
      for (std::size_t i = 1; i < kRecent; ++i)
        if (used_[i] < used_[last_]) last_ = i;
      segment_[last_] = segment;
      used_[last_] = ++clock_;
      return value_[last_];
    }

   private:
    std::array<std::uint32_t, kRecent> segment_;
    std::array<std::uint64_t, kRecent> used_{};
    std::array<std::vector<T>, kRecent> value_;
    std::uint64_t clock_ = 0;
    std::size_t last_ = 0;
  };

  static void decode_english(std::string_view text, const WordRecord& r, Word& w);
  static void decode_key(std::string_view text, const WordRecord& r, std::string& key);
  // Whether the segment's offsets fit the records (below 2^30 bytes; longer ones are read again
  // each time they are asked for).
  bool compact(std::uint32_t segment) const;
  // Keeps the Hangul words and stems of a compact segment not read yet, both in one scan.
  void read_hangul(std::uint32_t segment) const;
  // Keep the English or Latin words of a compact segment not read yet, as records straight from
  // the scan (the vectors are then made from them, as for a segment read before).
  void read_english(std::uint32_t segment) const;
  void read_latin(std::uint32_t segment) const;
  template <typename T, typename Record, typename Compute, typename Encode, typename Decode>
  const std::vector<T>& read(Store<Record>& store, Recent<T>& recent, std::uint32_t segment,
                             Compute compute, Encode encode, Decode decode) const;

  const SegmentedText& text_;
  bool korean_;
  mutable Store<WordRecord> english_words_, latin_words_, hangul_words_;
  // Per Hangul word: how many stems it has besides itself, then the syllables each one drops.
  mutable Store<std::uint8_t> hangul_stems_;
  mutable Store<Damaged> damaged_;
  mutable Store<lang::NumberMention> numbers_;
  // By segment: 0 unread, else 1 + the kind's index in boilerplate_kinds_.
  mutable std::vector<std::uint16_t> boilerplate_;
  mutable std::vector<std::string_view> boilerplate_kinds_;
  mutable Recent<Word> recent_english_;
  mutable Recent<lang::LatinWord> recent_latin_;
  mutable Recent<lang::HangulWord> recent_hangul_;
  mutable Recent<std::vector<std::u32string>> recent_stems_;
  mutable Recent<Damaged> recent_damaged_;
  mutable Recent<lang::NumberMention> recent_numbers_;
};

template <typename Visit>
void SideView::visit_english_keys(std::uint32_t segment, Visit visit) const {
  if (!compact(segment)) {
    for (const Word& w : english_words(segment)) visit(std::string_view(w.key));
    return;
  }
  read_english(segment);
  const Range range = english_words_.ranges[segment];
  const std::string_view text = text_.raw(segment);
  std::string key;
  auto record = english_words_.records.cbegin() + range.begin;  // walked, not indexed
  for (std::uint32_t i = 0; i < range.count; ++i) {
    decode_key(text, *record++, key);
    visit(std::string_view(key));
  }
}

template <typename Visit>
void SideView::visit_hangul_stems(std::uint32_t segment, Visit visit) const {
  if (compact(segment)) {
    read_hangul(segment);
    const Range words = hangul_words_.ranges[segment];
    // Both stores walked, not indexed.
    auto at = hangul_stems_.records.cbegin() + hangul_stems_.ranges[segment].begin;
    auto record = hangul_words_.records.cbegin() + words.begin;
    for (std::uint32_t i = 0; i < words.count; ++i) {
      const WordRecord& r = *record++;
      const std::size_t stems = 1 + *at++;
      std::size_t dropped = 0;  // the last stem's, the shortest
      for (std::size_t j = 1; j < stems; ++j) dropped = *at++;
      visit(std::size_t{r.begin}, std::size_t{r.end}, stems, (r.end - r.begin) / 3 - dropped);
    }
    return;
  }
  const std::vector<lang::HangulWord>& words = hangul_words(segment);
  const std::vector<std::vector<std::u32string>>& stems = hangul_stems(segment);
  const std::size_t base = text_.segments[segment].span.begin;
  for (std::size_t i = 0; i < words.size(); ++i)
    visit(words[i].span.begin - base, words[i].span.end - base, stems[i].size(),
          stems[i].back().size());
}

class SharedView {
 public:
  SharedView(const SegmentedText& ko_text, const SegmentedText& en_text)
      : ko(ko_text, true), en(en_text, false) {}
  SideView ko, en;
};

// The context's shared view, made on first use.
const SharedView& shared_view(const CheckContext& ctx);

}  // namespace kealign::qa_detail
