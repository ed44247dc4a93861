// QA-flag metrics: score.py flags (recall of gold findings, precision of predicted ones).
#include <algorithm>
#include <charconv>

#include "app/eval.hpp"
#include "app/io.hpp"
#include "kealign/error.hpp"

namespace kealign {
namespace {

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n\f\v") - b + 1);
}

// score.py's ids(): comma-separated integers, blank items skipped.
std::set<std::uint32_t> parse_id_set(std::string_view cell, const std::string& name,
                                     std::size_t line, std::size_t byte) {
  std::set<std::uint32_t> ids;
  for (std::size_t from = 0; from <= cell.size();) {
    std::size_t comma = cell.find(',', from);
    if (comma == std::string_view::npos) comma = cell.size();
    const std::string_view item = trim(cell.substr(from, comma - from));
    from = comma + 1;
    if (item.empty()) continue;
    std::uint32_t id = 0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), id);
    if (ec != std::errc() || end != item.data() + item.size())
      throw InputError(name, line, byte,
                       "expected comma-separated segment ids, found '" + std::string(cell) + "'");
    ids.insert(id);
  }
  return ids;
}

// Python's universal-newline line iteration: \n, \r\n and \r end a line.
std::vector<std::pair<std::string_view, std::size_t>> text_lines(std::string_view text) {
  std::vector<std::pair<std::string_view, std::size_t>> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    out.emplace_back(text.substr(start, i - start), start);
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) out.emplace_back(text.substr(start), start);
  return out;
}

bool matches(const FlagRow& gold, const FlagRow& pred) {
  bool check_ok = false;
  std::size_t from = 0;
  for (;;) {
    const std::size_t bar = gold.check.find('|', from);
    if (gold.check.compare(from, bar == std::string::npos ? std::string::npos : bar - from,
                           pred.check) == 0)
      check_ok = true;
    if (bar == std::string::npos) break;
    from = bar + 1;
  }
  if (!check_ok) return false;
  const auto share = [](const std::set<std::uint32_t>& a, const std::set<std::uint32_t>& b) {
    return std::any_of(a.begin(), a.end(), [&](std::uint32_t x) { return b.count(x) > 0; });
  };
  return share(gold.ko, pred.ko) || share(gold.en, pred.en);
}

bool same_row(const FlagRow& a, const FlagRow& b) {
  return a.ko == b.ko && a.en == b.en && a.check == b.check && a.cells == b.cells;
}

}  // namespace

FlagTable parse_flags(std::string_view tsv, const std::string& name) {
  FlagTable table;
  const auto rows = text_lines(tsv);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto [row, byte] = rows[i];
    const std::vector<std::string_view> views = tab_cells(row);
    std::vector<std::string> cells(views.begin(), views.end());
    if (i == 0) table.header = cells;
    if (i == 0 && cells[0] == "ko_ids") continue;
    if (cells.size() < 3) continue;
    FlagRow r;
    r.ko = parse_id_set(cells[0], name, i + 1, byte);
    r.en = parse_id_set(cells[1], name, i + 1, byte + cells[0].size() + 1);
    r.check = std::string(trim(cells[2]));
    r.cells = std::move(cells);
    table.rows.push_back(std::move(r));
  }
  return table;
}

FlagTable read_flags(const std::string& path) {
  return parse_flags(read_bytes(path), path);
}

FlagsScore score_flags(const FlagTable& gold, const FlagTable& pred, const std::string& found_by) {
  FlagsScore s;
  s.found_by = found_by;
  const auto column = std::find(gold.header.begin(), gold.header.end(), "found_by");
  const bool filter = column != gold.header.end();
  const auto fb = static_cast<std::size_t>(column - gold.header.begin());
  std::vector<const FlagRow*> counted;
  for (const FlagRow& g : gold.rows)
    if (!filter || (fb < g.cells.size() && g.cells[fb] == found_by)) counted.push_back(&g);

  const auto any_match = [](const FlagRow& g, const std::vector<FlagRow>& preds) {
    return std::any_of(preds.begin(), preds.end(), [&](const FlagRow& p) { return matches(g, p); });
  };
  std::vector<const FlagRow*> found;
  for (const FlagRow* g : counted)
    if (any_match(*g, pred.rows)) found.push_back(g);
  std::vector<const FlagRow*> right;
  for (const FlagRow& p : pred.rows)
    if (std::any_of(gold.rows.begin(), gold.rows.end(),
                    [&](const FlagRow& g) { return matches(g, p); }))
      right.push_back(&p);

  s.gold = counted.size();
  s.found = found.size();
  s.predicted = pred.rows.size();
  s.right = right.size();
  s.recall = s.gold ? static_cast<double>(s.found) / static_cast<double>(s.gold) : 0.0;
  s.precision = s.predicted ? static_cast<double>(s.right) / static_cast<double>(s.predicted) : 0.0;
  // score.py lists a row as missed (unmatched) unless an equal row was found (right).
  const auto listed = [](const FlagRow& r, const std::vector<const FlagRow*>& in) {
    return std::any_of(in.begin(), in.end(), [&](const FlagRow* x) { return same_row(*x, r); });
  };
  for (const FlagRow* g : counted)
    if (!listed(*g, found)) s.missed.push_back(g);
  for (const FlagRow& p : pred.rows)
    if (!listed(p, right)) s.unmatched.push_back(&p);
  return s;
}

}  // namespace kealign
