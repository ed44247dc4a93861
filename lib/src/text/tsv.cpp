#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign {

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path, "cannot open for reading");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string escape_tsv(std::string_view cell) {
  std::string out;
  out.reserve(cell.size());
  for (char c : cell) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string unescape_tsv(std::string_view cell) {
  std::string out;
  out.reserve(cell.size());
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] != '\\' || i + 1 == cell.size()) {
      out += cell[i];
      continue;
    }
    const char n = cell[++i];
    out += n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n;
  }
  return out;
}

std::vector<std::string_view> tab_cells(std::string_view row) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  for (std::size_t tab; (tab = row.find('\t', from)) != std::string_view::npos; from = tab + 1)
    out.push_back(row.substr(from, tab - from));
  out.push_back(row.substr(from));
  return out;
}

}  // namespace kealign
