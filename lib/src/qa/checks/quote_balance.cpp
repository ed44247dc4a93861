// quote-balance: the English side of a link opens a quotation it never closes or closes one it
// never opened (major for double quotes, minor for single), or both sides are balanced but quote a
// different number of times (minor). An imbalance the Korean side shares is not reported: it is a
// quotation running across links, not a translation error.
//
// ’ is also the apostrophe ("Korea’s", "the US’ pledge"): between two letters it is always an
// apostrophe, after a letter it closes only a single quotation that is open. A straight ' opens
// only at the start of a word and closes only at the end of one. Straight " alternates. A closing
// mark used to open (”Date”, a common glyph slip) opens when it stands before a word with no
// quotation open.
// Parameter "compare-counts" (default 1): 0 turns off the count comparison across the link.
#include <optional>

#include "checks/checks.hpp"
#include "checks/util.hpp"

namespace kealign {
namespace {

constexpr double kCompareCounts = 1;

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

SideQuotes scan(const std::vector<qa_detail::Piece>& pieces) {
  SideQuotes q;
  std::optional<std::size_t> open_double, open_single;
  for (const qa_detail::Piece& p : pieces) {
    for (std::size_t i = 0; i < p.text.size();) {
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

class QuoteBalanceCheck final : public Check {
 public:
  std::string_view id() const override { return "quote-balance"; }
  std::string_view description() const override {
    return "unpaired quotation marks in the English, or a different number of quotations";
  }
  std::vector<CheckParameter> parameters() const override {
    return {{"compare-counts", kCompareCounts,
             "1: report links whose sides quote a different number of times"}};
  }
  void run(const CheckContext& ctx, const CheckOptions& options,
           std::vector<Finding>& out) const override {
    const bool compare = options.param(id(), "compare-counts", kCompareCounts) != 0;
    for (const Bead& b : ctx.alignment) {
      if (b.en_size() == 0) continue;
      const SideQuotes ko = scan(qa_detail::side_pieces(ctx.ko, b.ko_begin, b.ko_end));
      const SideQuotes en = scan(qa_detail::side_pieces(ctx.en, b.en_begin, b.en_end));
      const bool double_bad =
          report_unpaired(ctx, b, ko.dbl, en.dbl, "double", Severity::kMajor, out);
      const bool single_bad =
          report_unpaired(ctx, b, ko.sgl, en.sgl, "single", Severity::kMinor, out);
      if (!compare || double_bad || single_bad || b.ko_size() == 0) continue;
      if (balanced(ko.dbl) && balanced(en.dbl) && ko.dbl.pairs != en.dbl.pairs) {
        Finding f = qa_detail::bead_finding(id(), Severity::kMinor, b);
        f.message = "The Korean quotes " + std::to_string(ko.dbl.pairs) +
                    " time(s) in double quotation marks, the English " +
                    std::to_string(en.dbl.pairs) + " time(s).";
        out.push_back(std::move(f));
      }
    }
  }

 private:
  static bool balanced(const QuoteTally& t) {
    return t.unmatched_open.empty() && t.unmatched_close.empty();
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
    out.push_back(std::move(f));
    return true;
  }
};

}  // namespace

std::unique_ptr<Check> make_quote_balance_check() {
  return std::make_unique<QuoteBalanceCheck>();
}

}  // namespace kealign
