// quote-balance: the English side of a link opens a quotation it never closes or closes one it
// never opened, or both sides are balanced but quote a different number of times (minor).
//
// Double quotations are followed across segments: English news opens a quotation in one sentence
// and closes it one or more sentences later, and leaves a quoted paragraph open when the next one
// continues the quotation (it opens again at its start). So double marks are paired over the
// whole English document, a quotation may run over at most "max-span" segments (default 6) when it
// opens a sentence or follows final punctuation, a colon, a dash or a comma (one opened after a
// plain word, or holding its own attribution ", he said", ends with its sentence), and
// an opening left unclosed at the start of a segment is dropped without a finding when the next
// segment opens again at its start. What is left unpaired is reported on its link: major when the
// Korean side of that link quotes in double marks and is balanced there and the English sentence
// itself shows the slip (an attribution, ", he said", inside the open quotation; a closing mark
// after a quotation already closed in the link; a quotation opened in the last segment and never
// closed), minor otherwise (the quotation may run on to
// a paragraph the pair does not hold, or the Korean quotes differently or not at all). An imbalance
// the Korean side of the link shares is not reported. Single quotes are judged per link (minor).
//
// ’ is also the apostrophe ("Korea’s", "the US’ pledge"): between two letters it is always an
// apostrophe, after a letter it closes only a single quotation that is open. A straight ' opens
// only at the start of a word and closes only at the end of one. Straight " alternates. A closing
// mark used to open (”Date”, a common glyph slip) opens when it stands before a word with no
// quotation open.
// Parameters: "compare-counts" (default 1): 0 turns off the count comparison across the link;
// "max-span" (default 6): the most segments one double quotation may run over.
#include <algorithm>
#include <limits>
#include <optional>

#include "checks/checks.hpp"
#include "checks/english_words.hpp"
#include "checks/util.hpp"

namespace kealign {
namespace {

constexpr double kCompareCounts = 1;
constexpr double kMaxSpan = 6;

// Quotation marks of one kind (double or single) found in a side of a link.
struct QuoteTally {
  std::size_t pairs = 0;
  std::vector<std::size_t> unmatched_open;  // document offsets of the marks
  std::vector<std::size_t> unmatched_close;
};

struct SideQuotes {
  QuoteTally dbl, sgl;
};

enum class Role { kNone, kOpen, kClose, kToggle };

Role double_role(char32_t c) {
  switch (c) {
    case U'“':
    case U'«':
      return Role::kOpen;
    case U'”':
    case U'»':
      return Role::kClose;
    case U'"':
      return Role::kToggle;
    default:
      return Role::kNone;
  }
}

bool word_char(char32_t c) {
  return c != 0 && (qa_detail::is_letter(c) || (c >= '0' && c <= '9'));
}

// Role of a single-quote character given its neighbours and whether a single quotation is open.
Role single_role(char32_t c, char32_t before, char32_t after, bool open) {
  if (c == U'‘') return Role::kOpen;
  if (c != U'’' && c != U'\'') return Role::kNone;
  const bool word_before = word_char(before);
  const bool word_after = word_char(after);
  if (word_before && word_after) return Role::kNone;  // apostrophe: Korea’s, don't
  if (word_after) return open ? Role::kClose : Role::kOpen;
  const bool space_before = before == 0 || is_space(before);
  if (!space_before) return open ? Role::kClose : Role::kNone;  // US’, U.S.’: possessive
  return Role::kNone;
}

std::size_t mark_length(std::string_view text, std::size_t at) {
  std::size_t end = at;
  next_code_point(text, end);
  return end - at;
}

void on_mark(QuoteTally& t, std::optional<std::size_t>& open, Role role, std::size_t at) {
  if (role == Role::kToggle) role = open ? Role::kClose : Role::kOpen;
  if (role == Role::kOpen) {
    if (open) t.unmatched_open.push_back(*open);
    open = at;
  } else if (role == Role::kClose) {
    if (open) {
      ++t.pairs;
      open.reset();
    } else {
      t.unmatched_close.push_back(at);
    }
  }
}

SideQuotes scan(const qa_detail::Pieces& pieces) {
  SideQuotes q;
  std::optional<std::size_t> open_double, open_single;
  for (const qa_detail::Piece& p : pieces) {
    // Marks are ' " or start with E2 (‘ ’ “ ”) or C2 (« »): only those code points are looked at,
    // as every other one is neither a double nor a single mark.
    static constexpr qa_detail::ByteSet kLeads("'\"\xE2\xC2");
    for (std::size_t i = kLeads.find_in(p.text); i != std::string_view::npos;
         i = kLeads.find_in(p.text, i)) {
      const std::size_t at = i;
      const char32_t before = qa_detail::code_point_before(p.text, at);
      const char32_t c = next_code_point(p.text, i);
      Role d = double_role(c);
      if (d == Role::kClose && !open_double && !word_char(before) &&
          word_char(qa_detail::code_point_at(p.text, i)))
        d = Role::kOpen;
      if (d != Role::kNone) {
        on_mark(q.dbl, open_double, d, p.base + at);
        continue;
      }
      const Role s =
          single_role(c, before, qa_detail::code_point_at(p.text, i), open_single.has_value());
      if (s != Role::kNone) on_mark(q.sgl, open_single, s, p.base + at);
    }
  }
  if (open_double) q.dbl.unmatched_open.push_back(*open_double);
  if (open_single) q.sgl.unmatched_open.push_back(*open_single);
  return q;
}

// A double mark left unpaired by the document-wide scan, with its segment.
struct Unpaired {
  std::size_t at;  // document offset
  std::uint32_t segment;
  bool open;
  bool tell;  // the sentence shows the mark is missing, not carried
};

// Whether a reporting verb follows a comma within four words in text ("…,” he said" with the
// closing mark lost: "…, he said.").
bool attribution_inside(std::string_view text) {
  const std::vector<qa_detail::Word> words = qa_detail::english_words(text);
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (words[w].end >= text.size() || text[words[w].end] != ',') continue;
    for (std::size_t k = w + 1; k < words.size() && k <= w + 4; ++k)
      if (qa_detail::is_reporting_verb(words[k].key)) return true;
  }
  return false;
}

// Role of a straight double quote from its neighbours: opening before a word, closing after one;
// toggling only when both or neither side touches a word.
Role straight_role(char32_t before, char32_t after) {
  const bool open_side = before == 0 || is_space(before) || before == '(' || before == '[' ||
                         before == U'—' || before == '-';
  const bool close_side = after == 0 || is_space(after) || after == ',' || after == '.' ||
                          after == ';' || after == ':' || after == ')' || after == '?' ||
                          after == '!' || after == U'—';
  if (open_side && !close_side) return Role::kOpen;
  if (close_side && !open_side) return Role::kClose;
  return Role::kToggle;
}

bool at_segment_start(std::string_view text, std::size_t at) {
  for (std::size_t i = 0; i < at;) {
    const char32_t c = next_code_point(text, i);
    if (!is_space(c) && c != '-' && c != U'—' && c != '(') return false;
  }
  return true;
}

bool opens_quotation(std::string_view text, std::size_t at);

// Whether only spaces stand between final punctuation and text[at].
bool after_sentence_end(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i > 0 && text[i - 1] == ' ') --i;
  if (i == 0) return true;
  const char32_t c = qa_detail::code_point_before(text, i);
  return c == '.' || c == '!' || c == '?';
}

// Pairs the double quotation marks of the English document across segments (see the header).
std::vector<Unpaired> unpaired_doubles(const SegmentedText& en, std::size_t max_span,
                                       const std::vector<std::uint32_t>& bead_of) {
  std::vector<Unpaired> out;
  struct Open {
    std::size_t at = 0;
    std::uint32_t segment = 0;
    bool at_start = false;
    bool tell = false;
    bool may_carry = false;       // may run on into the next segment
    bool sentence_start = false;  // opens a sentence: at the segment start or after . ! ?
  };
  std::size_t pairs_here = 0;  // quotations opened and closed in the current link so far
  std::uint32_t bead = std::numeric_limits<std::uint32_t>::max();
  const auto bead_at = [&](std::uint32_t s) {
    return s < bead_of.size() ? bead_of[s] : std::numeric_limits<std::uint32_t>::max();
  };
  // The quotation open now, if any (a plain flag: std::optional trips -Wmaybe-uninitialized).
  struct {
    Open mark;
    bool set = false;
    explicit operator bool() const { return set; }
    const Open* operator->() const { return &mark; }
    void reset() { set = false; }
    void operator=(const Open& o) {
      mark = o;
      set = true;
    }
  } open;
  for (std::uint32_t s = 0; s < en.size(); ++s) {
    if (open && s - open->segment >= max_span) {
      out.push_back({open->at, open->segment, true, open->tell});
      open.reset();
    }
    if (bead_at(s) != bead) {
      bead = bead_at(s);
      pairs_here = 0;
    }
    const std::string_view text = en.raw(s);
    const std::size_t base = en.segments[s].span.begin;
    // Quotation marks are '"' or start with E2 (“ ”) or C2 (« »): only those code points are
    // looked at.
    static constexpr qa_detail::ByteSet kDoubleLeads("\"\xE2\xC2");
    for (std::size_t i = kDoubleLeads.find_in(text); i != std::string_view::npos;
         i = kDoubleLeads.find_in(text, i)) {
      const std::size_t at = i;
      const char32_t before = qa_detail::code_point_before(text, at);
      const char32_t c = next_code_point(text, i);
      Role role = double_role(c);
      const char32_t after = qa_detail::code_point_at(text, i);
      if (role == Role::kNone) continue;
      if (role == Role::kClose && !open && !word_char(before) && word_char(after))
        role = Role::kOpen;  // ”Date”: a closing glyph used to open
      if (role == Role::kToggle) {
        role = straight_role(before, after);
        if (role == Role::kToggle) role = open ? Role::kClose : Role::kOpen;
      }
      if (role == Role::kOpen) {
        const bool start = at_segment_start(text, at);
        // A quoted paragraph left open and continued by the next one is English convention.
        if (open && !(open->at_start && start && open->segment < s))
          out.push_back({open->at, open->segment, true, open->tell});
        const bool tell = attribution_inside(text.substr(i));
        open = Open{base + at,
                    s,
                    start,
                    tell,
                    !tell && (start || opens_quotation(text, at)),
                    start || after_sentence_end(text, at)};
      } else if (open) {
        if (bead_at(open->segment) == bead) ++pairs_here;
        open.reset();
      } else {
        out.push_back({base + at, s, false, pairs_here > 0});
      }
    }
    if (open && !open->may_carry) {
      out.push_back({open->at, open->segment, true, open->tell});
      open.reset();
    }
  }
  // Opened inside a sentence of the last segment and still open: no paragraph can continue it (one
  // that opens a sentence may go on past the end of an excerpt).
  if (open)
    out.push_back({open->at, open->segment, true,
                   open->tell || (open->segment + 1 == en.size() && !open->sentence_start)});
  return out;
}

// Whether a quotation opened at text[at] may run on past the sentence: it starts the sentence,
// or follows final punctuation, a colon, a dash, or a comma ("he said, “…"). One opened after a
// plain word ("and “more people") belongs inside its sentence.
bool opens_quotation(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i > 0 && text[i - 1] == ' ') --i;
  if (i == 0) return true;
  const char32_t c = qa_detail::code_point_before(text, i);
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ',' || c == U'—' || c == '-';
}

class QuoteBalanceCheck final : public Check {
 public:
  std::string_view id() const override { return "quote-balance"; }
  std::string_view description() const override {
    return "unpaired quotation marks in the English, or a different number of quotations";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"compare-counts", kCompareCounts,
             "1: report links whose sides quote a different number of times"},
            {"max-span", kMaxSpan, "the most segments one double quotation may run over"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const bool compare = options.param(id(), "compare-counts", kCompareCounts) != 0;
    const auto max_span =
        static_cast<std::size_t>(std::max(1.0, options.param(id(), "max-span", kMaxSpan)));
    // Unpaired double marks of the whole English document, grouped by the bead holding them.
    const std::vector<std::uint32_t> bead_of = qa_detail::bead_of_en(ctx.alignment, ctx.en.size());
    std::vector<std::vector<Unpaired>> by_bead(ctx.alignment.size());
    for (const Unpaired& u : unpaired_doubles(ctx.en, max_span, bead_of))
      if (u.segment < bead_of.size() && bead_of[u.segment] < by_bead.size())
        by_bead[bead_of[u.segment]].push_back(u);
    for (std::size_t bi = 0; bi < ctx.alignment.size(); ++bi) {
      const Bead& b = ctx.alignment[bi];
      if (b.en_size() == 0) continue;
      const SideQuotes ko = scan(qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end));
      const SideQuotes en = scan(qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end));
      const bool double_bad = report_doubles(ctx, b, ko.dbl, by_bead[bi], out);
      const bool single_bad =
          report_unpaired(ctx, b, ko.sgl, en.sgl, "single", Severity::kMinor, out);
      if (!compare || double_bad || single_bad || b.ko_size() == 0) continue;
      if (balanced(ko.dbl) && balanced(en.dbl) && ko.dbl.pairs != en.dbl.pairs) {
        Finding f = qa_detail::bead_finding(id(), Severity::kMinor, b);
        f.confidence = 0.4;
        f.message = "The Korean quotes " + std::to_string(ko.dbl.pairs) +
                    " time(s) in double quotation marks, the English " +
                    std::to_string(en.dbl.pairs) + " time(s).";
        f.evidence = {
            {"double-quotations", std::to_string(ko.dbl.pairs), std::to_string(en.dbl.pairs)}};
        out.push_back(std::move(f));
      }
    }
  }

 private:
  static bool balanced(const QuoteTally& t) {
    return t.unmatched_open.empty() && t.unmatched_close.empty();
  }

  bool report_doubles(const CheckContext& ctx, const Bead& b, const QuoteTally& ko,
                      const std::vector<Unpaired>& marks, std::vector<Finding>& out) const {
    std::size_t opens = 0, closes = 0;
    for (const Unpaired& u : marks) (u.open ? opens : closes) += 1;
    const bool extra_open = opens > ko.unmatched_open.size();
    const bool extra_close = closes > ko.unmatched_close.size();
    if (!extra_open && !extra_close) return false;
    // Strong evidence: the Korean quotes in double marks here and pairs them all, and the English
    // sentence shows the mark is missing rather than carried to a sentence the link does not hold
    // (an attribution inside the open quotation, or a closing mark after a quotation already closed
    // in the same sentence).
    bool tell = false;
    for (const Unpaired& u : marks) tell = tell || u.tell;
    const bool strong = ko.pairs > 0 && balanced(ko) && tell;
    Finding f = qa_detail::bead_finding(id(), strong ? Severity::kMajor : Severity::kMinor, b);
    f.confidence = strong ? 0.85 : 0.45;
    const std::string_view text = ctx.en.document.text;
    std::string what;
    for (const Unpaired& u : marks) {
      if (u.open ? !extra_open : !extra_close) continue;
      f.en_spans.push_back({u.at, u.at + mark_length(text, u.at)});
      if (!what.empty()) what += "; ";
      what += std::string(u.open ? "opening mark never closed" : "closing mark with no opening") +
              " at " + qa_detail::english_evidence(ctx.en, b, u.at, 35, 25);
    }
    f.message = "Unpaired double quotation mark in the English: " + what +
                " (Korean: " + std::to_string(ko.pairs) + " paired quotation(s) in double marks).";
    f.evidence = {{"double-quotations", std::to_string(ko.pairs), ""},
                  {"unpaired-double-opening-marks", std::to_string(ko.unmatched_open.size()),
                   std::to_string(opens)},
                  {"unpaired-double-closing-marks", std::to_string(ko.unmatched_close.size()),
                   std::to_string(closes)}};
    out.push_back(std::move(f));
    return true;
  }

  bool report_unpaired(const CheckContext& ctx, const Bead& b, const QuoteTally& ko,
                       const QuoteTally& en, const char* kind, Severity severity,
                       std::vector<Finding>& out) const {
    const bool extra_close = en.unmatched_close.size() > ko.unmatched_close.size();
    const bool extra_open = en.unmatched_open.size() > ko.unmatched_open.size();
    if (!extra_close && !extra_open) return false;
    Finding f = qa_detail::bead_finding(id(), severity, b);
    const std::string_view text = ctx.en.document.text;
    std::string what;
    const auto describe = [&](const std::vector<std::size_t>& marks, const char* verb) {
      for (std::size_t at : marks) {
        f.en_spans.push_back({at, at + mark_length(text, at)});
        if (!what.empty()) what += "; ";
        what += std::string(verb) + " at " + qa_detail::english_evidence(ctx.en, b, at, 35, 25);
      }
    };
    if (extra_close) describe(en.unmatched_close, "closing mark with no opening");
    if (extra_open) describe(en.unmatched_open, "opening mark never closed");
    f.message = "Unpaired " + std::string(kind) + " quotation mark in the English: " + what +
                " (English: " + std::to_string(en.pairs) +
                " paired quotation(s); Korean: " + std::to_string(ko.pairs) + ").";
    const std::string k(kind);
    f.evidence = {{k + "-quotations", std::to_string(ko.pairs), std::to_string(en.pairs)},
                  {"unpaired-" + k + "-opening-marks", std::to_string(ko.unmatched_open.size()),
                   std::to_string(en.unmatched_open.size())},
                  {"unpaired-" + k + "-closing-marks", std::to_string(ko.unmatched_close.size()),
                   std::to_string(en.unmatched_close.size())}};
    out.push_back(std::move(f));
    return true;
  }
};

}  // namespace

std::unique_ptr<Check> make_quote_balance_check() {
  return std::make_unique<QuoteBalanceCheck>();
}

}  // namespace kealign
