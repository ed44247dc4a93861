// The tab-separated cells of one row of a TSV file, as views into the row.
#pragma once

#include <string_view>
#include <vector>

namespace kealign::detail {

inline std::vector<std::string_view> tab_cells(std::string_view row) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  for (std::size_t tab; (tab = row.find('\t', from)) != std::string_view::npos; from = tab + 1)
    out.push_back(row.substr(from, tab - from));
  out.push_back(row.substr(from));
  return out;
}

}  // namespace kealign::detail
