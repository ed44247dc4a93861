// The collection lexicon's file format (lexicon.hpp) and its index by stem hash for the aligner.
#include "kealign/lexicon.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <system_error>

#include "align_internal.hpp"
#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

constexpr std::string_view kHeader = "ko\ten\ten_given_ko\tko_given_en";

bool parse_probability(std::string_view text, float& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out >= 0.0f && out <= 1.0f;
}

std::shared_ptr<const Lexicon> from_document(const Document& doc) {
  std::vector<LexiconEntry> entries;
  std::size_t line_no = 0;
  bool header = false;
  for (const Span line : lines(doc)) {
    ++line_no;
    const std::string_view row = doc.view(line);
    if (row.find_first_not_of(" \t") == row.npos) continue;
    if (!header) {
      if (row != kHeader)
        throw InputError(doc.name, line_no, line.begin,
                         fmt::format("expected the header '{}'", kHeader));
      header = true;
      continue;
    }
    const std::vector<std::string_view> c = tab_cells(row);
    LexiconEntry e;
    if (c.size() != 4 || c[0].empty() || c[1].empty())
      throw InputError(doc.name, line_no, line.begin,
                       "expected ko<TAB>en<TAB>en_given_ko<TAB>ko_given_en");
    if (!parse_probability(c[2], e.en_given_ko) || !parse_probability(c[3], e.ko_given_en))
      throw InputError(doc.name, line_no, line.begin, "a probability must be a number in [0, 1]");
    e.ko = std::string(c[0]);
    e.en = std::string(c[1]);
    entries.push_back(std::move(e));
  }
  if (!header) throw InputError(doc.name, 0, std::string::npos, "empty lexicon (no header)");
  return std::make_shared<const Lexicon>(std::move(entries));
}

}  // namespace

Lexicon::Lexicon(std::vector<LexiconEntry> entries) : entries_(std::move(entries)) {
  auto index = std::make_shared<align_detail::LexiconIndex>();
  for (const LexiconEntry& e : entries_)
    index->by_ko[align_detail::stem_hash(e.ko)].push_back(
        {align_detail::stem_hash(e.en), e.en_given_ko, e.ko_given_en});
  index_ = std::move(index);
}

std::shared_ptr<const Lexicon> Lexicon::read(const std::string& path) {
  return from_document(read_document(path));
}

std::shared_ptr<const Lexicon> Lexicon::parse(std::string_view tsv, const std::string& name) {
  return from_document(make_document(name, std::string(tsv)));
}

std::string Lexicon::format() const {
  std::string out(kHeader);
  out += '\n';
  for (const LexiconEntry& e : entries_)
    out += fmt::format("{}\t{}\t{}\t{}\n", e.ko, e.en, e.en_given_ko, e.ko_given_en);
  return out;
}

}  // namespace kealign
