// boilerplate (info): an unaligned segment that is web-page furniture ("Share This Post",
// "- Advertisement -", "Related Posts", menus), a byline ("홍길동 기자 gildong@donga.com",
// "By Jane Doe"), a photo credit ("Getty Images", "사진=연합뉴스") or a source line ("Source:
// Donga"). Such segments are conventionally left untranslated or added by a republishing site, so
// they are reported here as info and never as omission or addition. Aligned boilerplate (a photo
// credit that was translated) is not reported. No parameters.
#include "checks/boilerplate.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

#include "checks/checks.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"
#include "kealign/error.hpp"

namespace kealign {
namespace qa_detail {
namespace {

struct Pattern {
  const char* regex;  // ICU syntax, matched against the whole segment, case-insensitive
  const char* kind;
};
// Whole-segment patterns. Segments are short lines on their own, so anchoring at both ends keeps
// body sentences that merely mention "advertisement" or "source" out. Letter and word classes are
// written case-sensitive, (?-i:[\p{L}\u0345]) for \p{L} and (?-i:[\w]) for [\w]: the same code
// points, as \p{L} closed over case adds only U+0345 and \w nothing, while closing such a class
// over case when the pattern compiles costs more than matching every segment of a long document.
constexpr Pattern kPatterns[] = {
    // Web-page furniture of news and blog templates.
    {R"([-–—|•\s]*(advertisement|sponsored( content)?|ad)[-–—|•\s]*)", "web-page furniture"},
    {R"((share|tweet|pin|email|print)( this)?( (post|article|story|page))?[!.]?)",
     "web-page furniture"},
    {R"((related|recent|popular|latest|more|previous|next) (posts?|articles?|stories|news)[:.!]?)",
     "web-page furniture"},
    {R"(no menu items[!.]?)", "web-page furniture"},
    {R"((menu|home|search|skip to (main )?content|read more|continue reading|subscribe( now)?|)"
     R"(sign (in|up)|log ?in|leave a (reply|comment)|comments?|click here|back to top|)"
     R"(all rights reserved\.?|you may also like|trending( now)?|tags?\s*:.*))",
     "web-page furniture"},
    {R"((copyright|©|ⓒ).{0,80})", "web-page furniture"},
    {R"(((?-i:[\p{L}\u0345])+\s*)?(무단\s*)?(전재|복제).{0,10}(재배포|금지).{0,20})",
     "web-page furniture"},
    // Bylines: a Korean name followed by a reporter title, optionally an e-mail address.
    {R"((\[[^\]]{1,20}\]\s*)?[\[(]?\p{Hangul}{2,4}\s*(기자|특파원|논설위원|선임기자|객원기자|통신원)[\])]?(\s*(?-i:[\w.+-])+@(?-i:[\w.-])+)?)",
     "a byline"},
    {R"((by|reporter|correspondent|written by)\s+\p{Lu}(?-i:[\p{L}\u0345.'-])+)"
     R"((\s+\p{Lu}(?-i:[\p{L}\u0345.'-])+){0,3})"
     R"((,?\s+(staff )?(reporter|correspondent|writer))?)",
     "a byline"},
    {R"((?-i:[\w.+-])+@(?-i:[\w-])+(\.(?-i:[\w-])+)+)", "a byline"},
    // Photo credits.
    {R"((\(|\[)?\s*(사진|그래픽|자료)\s*[=:]\s*[^)\]]{1,40}(\)|\])?)", "a photo credit"},
    {R"(게티이미지(코리아|뱅크)?|연합뉴스|뉴시스|뉴스1)", "a photo credit"},
    {R"(((photo|image|graphic)s?\s*(by|credit)?\s*[:=]?\s*)?(getty images|yonhap( news)?|)"
     R"(ap photo|reuters|afp|newsis|news1|shutterstock))"
     R"((\s*/\s*(?-i:[\p{L}\u0345])(?-i:[\p{L}\u0345 .])*)?)",
     "a photo credit"},
    {R"((photo|image|graphic)s?( by| credit)?\s*[:=]\s*.{1,60})", "a photo credit"},
    // Source lines of republished articles.
    {R"((source|출처|원문|via)\s*[:=]\s*.{1,60})", "a source line"},
};

class Matcher {
 public:
  // The patterns are constants: one that does not compile is a bug, reported as such at first use.
  Matcher() {
    for (const Pattern& p : kPatterns) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexPattern> re(icu::RegexPattern::compile(
          icu::UnicodeString::fromUTF8(p.regex), UREGEX_CASE_INSENSITIVE, status));
      if (U_FAILURE(status))
        throw Error(std::string("built-in boilerplate pattern does not compile (") +
                    u_errorName(status) + "): " + p.regex);
      patterns_.push_back({std::move(re), p.kind});
    }
  }

  std::string_view kind(std::string_view segment) const {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())));
    const icu::UnicodeString trimmed = icu::UnicodeString(text).trim();
    // One matcher per pattern and thread, reset to each segment: making one costs more than
    // matching a short line.
    thread_local std::vector<std::unique_ptr<icu::RegexMatcher>> matchers;
    if (matchers.size() != patterns_.size()) {
      matchers.clear();
      for (const auto& p : patterns_) {
        UErrorCode status = U_ZERO_ERROR;
        matchers.emplace_back(p.regex->matcher(status));
        if (U_FAILURE(status)) matchers.back().reset();
      }
    }
    for (std::size_t i = 0; i < patterns_.size(); ++i) {
      UErrorCode status = U_ZERO_ERROR;
      icu::RegexMatcher* m = matchers[i].get();
      if (!m) continue;
      m->reset(trimmed);
      if (m->matches(status) && U_SUCCESS(status)) return patterns_[i].kind;
    }
    return {};
  }

 private:
  struct Compiled {
    std::unique_ptr<icu::RegexPattern> regex;
    std::string_view kind;
  };
  std::vector<Compiled> patterns_;
};

}  // namespace

std::string_view boilerplate_kind(std::string_view segment) {
  static const Matcher matcher;
  return matcher.kind(segment);
}

}  // namespace qa_detail

namespace {

class BoilerplateCheck final : public Check {
 public:
  std::string_view id() const override { return "boilerplate"; }
  std::string_view description() const override {
    return "unaligned web-page furniture, bylines, photo credits and source lines (not content)";
  }
  void run(const CheckContext& ctx, const CheckOptions&, std::vector<Finding>& out) const override {
    for (const Bead& b : ctx.alignment) {
      if (b.ko_size() > 0 && b.en_size() > 0) continue;
      const bool korean = b.ko_size() > 0;
      const SegmentedText& side = korean ? ctx.ko : ctx.en;
      const qa_detail::SideView& view =
          korean ? qa_detail::shared_view(ctx).ko : qa_detail::shared_view(ctx).en;
      for (const qa_detail::Piece& p : qa_detail::side_pieces(
               side, korean ? b.ko_begin : b.en_begin, korean ? b.ko_end : b.en_end)) {
        const std::string_view kind = view.boilerplate_kind(p.segment);
        if (kind.empty()) continue;
        Finding f;
        f.check = "boilerplate";
        f.severity = Severity::kInfo;
        (korean ? f.ko_ids : f.en_ids).push_back(p.segment);
        (korean ? f.ko_spans : f.en_spans).push_back({p.base, p.base + p.text.size()});
        f.message = std::string(korean ? "Korean" : "English") + " segment " +
                    qa_detail::quote_excerpt(p.text) + " is " + std::string(kind) +
                    ", not translation content; it is left unaligned on purpose.";
        out.push_back(std::move(f));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_boilerplate_check() {
  return std::make_unique<BoilerplateCheck>();
}

}  // namespace kealign
