// Test data for the report tests: the seed article with its gold findings (given evidence spans
// the way the checks report them) and a small pair full of characters HTML and Markdown interpret.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/align.hpp"
#include "kealign/check.hpp"
#include "kealign/segment.hpp"
#include "test_support.hpp"

namespace kealign::test {

inline std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

inline std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

inline SegmentedText lines_of(const std::string& name, const std::string& text) {
  return presplit(make_document(name, text));
}

inline Span span_of(const SegmentedText& t, std::size_t segment, std::string_view needle) {
  const std::size_t at = t.raw(segment).find(needle);
  REQUIRE(at != std::string_view::npos);
  const std::size_t begin = t.segments[segment].span.begin + at;
  return {begin, begin + needle.size()};
}

// The seed article with its gold segmentation and alignment, and its gold findings (flags.tsv)
// given evidence spans the way the checks report them.
struct Seed {
  SegmentedText ko;
  SegmentedText en;
  Alignment alignment;
  std::vector<Finding> findings;
};

inline std::vector<std::uint32_t> parse_ids(const std::string& cell) {
  std::vector<std::uint32_t> out;
  std::istringstream in(cell);
  for (std::string id; std::getline(in, id, ',');)
    if (!id.empty()) out.push_back(static_cast<std::uint32_t>(std::stoul(id)));
  return out;
}

struct SeedEvidence {
  const char* check;
  bool korean;
  std::size_t segment;
  const char* text;
};

inline const SeedEvidence kSeedEvidence[] = {
    {"quote-balance", false, 37, "” , Would"},
    {"quote-balance", false, 44, "We have to focus on it,”"},
    {"garbled-sentence", false, 40, ". that,” he pointed out."},
    {"duplication", false, 28,
     "President Yoon’s visit to the US, President Yoon’s visit to the U.S."},
    {"duplication", false, 34, "ROK-US chief-level ROK-US"},
    {"untranslated-term", true, 33, "조야"},
    {"untranslated-term", false, 36, "Joya"},
    {"truncation", false, 39, "using the ROK-U.S."},
    {"name-consistency", false, 7, "Seok-Yeol Yoon"},
    {"name-consistency", false, 26, "Yoon Seok-yeol"},
    {"term-consistency", true, 34, "차관 대행"},
    {"term-consistency", true, 40, "차관 대행"},
    {"term-consistency", false, 37, "acting undersecretary"},
    {"term-consistency", false, 43, "Acting Vice Minister"},
};

inline Seed load_seed() {
  const std::string dir = shared_dir() + "/seed-article/";
  Seed s{
      presplit(read_document(dir + "ko.sents")), presplit(read_document(dir + "en.sents")), {}, {}};
  s.alignment = to_alignment(read_links(dir + "gold.tsv"), s.ko.size(), s.en.size(), "gold.tsv");
  const std::vector<std::string> rows = read_lines(dir + "flags.tsv");
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::vector<std::string> cells;
    std::istringstream in(rows[r]);
    for (std::string c; std::getline(in, c, '\t');) cells.push_back(c);
    REQUIRE(cells.size() >= 6);
    Finding f;
    f.ko_ids = parse_ids(cells[0]);
    f.en_ids = parse_ids(cells[1]);
    f.check = cells[2];
    f.severity = cells[3] == "major"   ? Severity::kMajor
                 : cells[3] == "minor" ? Severity::kMinor
                                       : Severity::kInfo;
    f.message = cells[5];
    for (const SeedEvidence& e : kSeedEvidence) {
      const auto& named = e.korean ? f.ko_ids : f.en_ids;
      if (e.check != f.check || std::find(named.begin(), named.end(), e.segment) == named.end())
        continue;
      (e.korean ? f.ko_spans : f.en_spans)
          .push_back(span_of(e.korean ? s.ko : s.en, e.segment, e.text));
    }
    s.findings.push_back(std::move(f));
  }
  return s;
}

// A small pair whose text and findings are full of characters HTML and Markdown interpret.
struct Hostile {
  SegmentedText ko =
      lines_of("ko<1>.txt", "그는 \"<b>안녕</b>\"이라고 말했다 & 떠났다.\n둘째 문장.\n");
  SegmentedText en = lines_of(
      "en&1.txt", "He said \"<b>hello</b>\" & left.\nSecond | sentence.\nSource: <Donga>\n");
  Alignment alignment{{0, 1, 0, 1, 0.97}, {1, 2, 1, 2, 0.42}, {2, 2, 2, 3, 0.8}};
  std::vector<Finding> findings;

  Hostile() {
    Finding q;
    q.check = "quote-balance";
    q.severity = Severity::kMajor;
    q.ko_ids = {0};
    q.en_ids = {0};
    q.en_spans = {span_of(en, 0, "\"<b>hello</b>\"")};
    q.message = "closing <script>alert('x')</script> & \"more\"";
    Finding b;
    b.check = "boilerplate";
    b.severity = Severity::kInfo;
    b.en_ids = {2};
    b.message = "source line";
    findings = {q, b};
  }
};

}  // namespace kealign::test
