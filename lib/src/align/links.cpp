#include "kealign/align.hpp"
#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

std::vector<std::uint32_t> parse_ids(std::string_view cell, const std::string& name,
                                     std::size_t line, std::size_t offset) {
  std::vector<std::uint32_t> ids;
  std::size_t i = 0;
  while (i < cell.size()) {
    while (i < cell.size() && (cell[i] == ' ' || cell[i] == ',')) ++i;
    if (i == cell.size()) break;
    std::uint64_t v = 0;
    const std::size_t start = i;
    while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') {
      v = v * 10 + static_cast<std::uint64_t>(cell[i] - '0');
      if (v > 0xFFFFFFFEu) throw InputError(name, line, offset + start, "segment id too large");
      ++i;
    }
    if (i == start || (i < cell.size() && cell[i] != ',' && cell[i] != ' '))
      throw InputError(name, line, offset + i,
                       "expected comma-separated segment ids, found '" + std::string(cell) + "'");
    ids.push_back(static_cast<std::uint32_t>(v));
  }
  return ids;
}

}  // namespace

std::vector<Link> parse_links(std::string_view text, const std::string& name) {
  std::vector<Link> out;
  std::size_t pos = 0, line = 0;
  while (pos < text.size()) {
    ++line;
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view row = text.substr(pos, nl - pos);
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    const std::size_t row_at = pos;
    pos = nl + 1;
    const std::size_t tab = row.find('\t');
    if (row.find_first_not_of(" ") == std::string_view::npos) continue;  // blank line
    if (tab == std::string_view::npos)
      throw InputError(name, line, row_at, "expected ko_ids<TAB>en_ids");
    const std::size_t tab2 = row.find('\t', tab + 1);
    const std::string_view ko = row.substr(0, tab);
    const std::string_view en =
        row.substr(tab + 1, tab2 == std::string_view::npos ? row.npos : tab2 - tab - 1);
    if (ko == "ko_ids") continue;
    out.push_back({parse_ids(ko, name, line, row_at), parse_ids(en, name, line, row_at + tab + 1)});
  }
  return out;
}

std::vector<Link> read_links(const std::string& path) {
  return parse_links(read_bytes(path), path);
}

Alignment to_alignment(const std::vector<Link>& links, std::size_t ko_count, std::size_t en_count,
                       const std::string& name) {
  Alignment out;
  std::uint32_t next_ko = 0, next_en = 0;
  for (std::size_t i = 0; i < links.size(); ++i) {
    const Link& l = links[i];
    const auto run = [&](const std::vector<std::uint32_t>& ids, std::uint32_t& next,
                         std::size_t count, const char* side) {
      for (std::size_t k = 0; k < ids.size(); ++k) {
        if (ids[k] != next)
          throw InputError(
              name, 0, std::string::npos,
              "link " + std::to_string(i + 1) + ": " + side + " segment " + std::to_string(ids[k]) +
                  " where " + std::to_string(next) +
                  " was expected (links must be in order, consecutive, each segment once)");
        if (ids[k] >= count)
          throw InputError(name, 0, std::string::npos,
                           "link " + std::to_string(i + 1) + ": " + side + " segment " +
                               std::to_string(ids[k]) + " but the text has only " +
                               std::to_string(count) + " segments");
        ++next;
      }
    };
    Bead b;
    b.ko_begin = next_ko;
    b.en_begin = next_en;
    run(l.ko, next_ko, ko_count, "Korean");
    run(l.en, next_en, en_count, "English");
    b.ko_end = next_ko;
    b.en_end = next_en;
    if (b.ko_size() + b.en_size() > 0) out.push_back(b);
  }
  check_conservation(out, ko_count, en_count, name);
  return out;
}

void check_conservation(const Alignment& alignment, std::size_t ko_count, std::size_t en_count,
                        const std::string& name) {
  std::size_t ko = 0, en = 0;
  for (std::size_t i = 0; i < alignment.size(); ++i) {
    const Bead& b = alignment[i];
    if (b.ko_begin != ko || b.en_begin != en || b.ko_end < b.ko_begin || b.en_end < b.en_begin)
      throw InputError(
          name, 0, std::string::npos,
          "link " + std::to_string(i + 1) + " does not continue where the previous ended");
    ko = b.ko_end;
    en = b.en_end;
  }
  if (ko != ko_count || en != en_count)
    throw InputError(name, 0, std::string::npos,
                     "the links cover " + std::to_string(ko) + " Korean and " + std::to_string(en) +
                         " English segments, but the texts have " + std::to_string(ko_count) +
                         " and " + std::to_string(en_count));
}

std::vector<Link> to_links(const Alignment& alignment) {
  std::vector<Link> out;
  out.reserve(alignment.size());
  for (const Bead& b : alignment) {
    Link l;
    for (std::uint32_t k = b.ko_begin; k < b.ko_end; ++k) l.ko.push_back(k);
    for (std::uint32_t k = b.en_begin; k < b.en_end; ++k) l.en.push_back(k);
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace kealign
