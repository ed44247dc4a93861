// text-damage: text damaged on its way from a web page, on either side of a link — HTML entities
// left in the text ("it&#8217;s", "R&amp;D"), HTML tags ("<br>", "</p>"), mojibake (curly quotes
// decoded through CP949: "it¡¯s", "¡°Yes¡±"; UTF-8 read as Latin-1: "cafÃ©", "itâ€™s") and U+FFFD,
// the mark of bytes that could not be decoded. A reader sees garbage there and a reviewer must fix
// it, but the translation itself is not wrong: minor, with confidence 0.9 for entities, mojibake
// and U+FFFD (they are never text) and 0.5 for tags (help text may talk about HTML). The other
// checks leave these spans out (an entity's digits are not a number).
#include <fmt/format.h>

#include "checks/checks.hpp"
#include "checks/shared_view.hpp"
#include "checks/util.hpp"

namespace kealign {
namespace {

std::string_view kind_name(qa_detail::Damage d) {
  switch (d) {
    case qa_detail::Damage::kEntity:
      return "an HTML entity";
    case qa_detail::Damage::kTag:
      return "an HTML tag";
    case qa_detail::Damage::kMojibake:
      return "mojibake (text decoded with the wrong encoding)";
    case qa_detail::Damage::kReplacement:
      return "an undecodable character (U+FFFD)";
  }
  return "damage";
}

class TextDamageCheck final : public Check {
 public:
  std::string_view id() const override { return "text-damage"; }
  std::string_view description() const override {
    return "HTML entities or tags, mojibake or U+FFFD left in the text by scraping";
  }
  void run(const CheckContext& ctx, const CheckOptions&, std::vector<Finding>& out) const override {
    for (const Bead& b : ctx.alignment) {
      bool strong = false;
      std::string what;
      std::vector<Span> ko_spans, en_spans;  // the finding is made only for damage found
      const auto side = [&](const qa_detail::SideView& view, std::uint32_t begin, std::uint32_t end,
                            std::vector<Span>& spans, const char* lang) {
        const SegmentedText& t = view.text();
        for (const qa_detail::Piece& p : qa_detail::side_pieces(t, begin, end)) {
          for (const qa_detail::Damaged& d : view.damaged(p.segment)) {
            strong = strong || d.kind != qa_detail::Damage::kTag;
            spans.push_back(d.span);
            if (what.size() < 300)
              what +=
                  fmt::format("{}{} in the {} ({})", what.empty() ? "" : "; ", kind_name(d.kind),
                              lang, qa_detail::quote_excerpt(t.document.view(d.span), 20));
          }
        }
      };
      side(qa_detail::shared_view(ctx).ko, b.ko_begin, b.ko_end, ko_spans, "Korean");
      side(qa_detail::shared_view(ctx).en, b.en_begin, b.en_end, en_spans, "English");
      if (what.empty()) continue;
      Finding f = qa_detail::bead_finding(id(), Severity::kMinor, b);
      f.ko_spans = std::move(ko_spans);
      f.en_spans = std::move(en_spans);
      f.confidence = strong ? 0.9 : 0.5;
      f.message = "Scraped-text damage: " + what + ".";
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_text_damage_check() {
  return std::make_unique<TextDamageCheck>();
}

}  // namespace kealign
