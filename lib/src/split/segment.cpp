#include "kealign/segment.hpp"

#include "kealign/error.hpp"

namespace kealign {

Language parse_language(std::string_view name) {
  std::string n(name);
  for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "ko" || n == "korean" || n == "kor") return Language::kKorean;
  if (n == "en" || n == "english" || n == "eng") return Language::kEnglish;
  throw UsageError("unknown language '" + std::string(name) + "' (use ko or en)");
}

std::string_view language_code(Language lang) {
  switch (lang) {
    case Language::kKorean:
      return "ko";
    case Language::kEnglish:
      return "en";
    default:
      return "xx";
  }
}

SegmentedText presplit(Document doc) {
  SegmentedText out;
  std::uint32_t line = 0;
  for (Span s : lines(doc)) {
    ++line;
    // trim surrounding white space but keep the segment even when it is empty: line i = segment i
    const std::string_view v = doc.view(s);
    std::size_t b = 0, e = v.size();
    while (b < e && (v[b] == ' ' || v[b] == '\t')) ++b;
    while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t')) --e;
    out.segments.push_back({{s.begin + b, s.begin + e}, 0, line});
  }
  out.document = std::move(doc);
  return out;
}

}  // namespace kealign
