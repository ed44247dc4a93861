// Gold sets for `kealign eval`: reading a split-gold folder and splitting its documents.
#include <fmt/format.h>

#include <charconv>
#include <system_error>

#include "app/eval_job.hpp"
#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

std::vector<std::string> line_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Span s : lines(doc)) out.emplace_back(doc.view(s));
  return out;
}

// docs.tsv rows: doc, first sentence (0-based line of gold.sents), sentence count.
struct DocRow {
  std::size_t first = 0, count = 0;
};

bool parse_count(std::string_view text, std::size_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::vector<DocRow> read_doc_index(const std::string& path) {
  const Document doc = read_document(path);
  std::vector<DocRow> rows;
  std::size_t line_no = 0;
  for (const Span s : lines(doc)) {
    ++line_no;
    const std::string_view row = doc.view(s);
    if (row.empty() || row.rfind("doc\t", 0) == 0) continue;
    const std::size_t t1 = row.find('\t');
    const std::size_t t2 = t1 == row.npos ? row.npos : row.find('\t', t1 + 1);
    DocRow r;
    if (t2 == row.npos || !parse_count(row.substr(t1 + 1, t2 - t1 - 1), r.first) ||
        !parse_count(row.substr(t2 + 1), r.count))
      throw InputError(path, line_no, s.begin, "expected doc<TAB>first_sent<TAB>n_sents");
    rows.push_back(r);
  }
  return rows;
}

}  // namespace

SplitGoldSet read_split_gold_set(const std::string& dir) {
  const std::string input_path = dir + "/input.txt";
  const std::string gold_path = dir + "/gold.sents";
  const std::string index_path = dir + "/docs.tsv";
  SplitGoldSet set;
  const Document input = read_document(input_path);
  for (const Span p : paragraphs(input)) set.documents.emplace_back(input.view(p));
  const std::vector<std::string> sentences = line_texts(read_document(gold_path));
  const std::vector<DocRow> rows = read_doc_index(index_path);
  if (rows.size() != set.documents.size())
    throw InputError(index_path, 0, std::string::npos,
                     fmt::format("{} documents listed but {} in {}", rows.size(),
                                 set.documents.size(), input_path));
  for (const DocRow& r : rows) {
    if (r.first + r.count > sentences.size())
      throw InputError(index_path, 0, std::string::npos,
                       fmt::format("sentences {}..{} are beyond the {} lines of {}", r.first,
                                   r.first + r.count, sentences.size(), gold_path));
    set.gold.emplace_back(sentences.begin() + static_cast<std::ptrdiff_t>(r.first),
                          sentences.begin() + static_cast<std::ptrdiff_t>(r.first + r.count));
  }
  return set;
}

std::vector<std::vector<std::string>> split_each(const std::vector<std::string>& documents,
                                                 Language lang) {
  std::vector<std::vector<std::string>> out;
  SplitOptions options;
  options.lang = lang;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const SegmentedText s =
        split(make_document("document " + std::to_string(d + 1), documents[d]), options);
    std::vector<std::string> segments;
    for (std::size_t i = 0; i < s.size(); ++i) segments.emplace_back(s.raw(i));
    out.push_back(std::move(segments));
  }
  return out;
}

}  // namespace kealign
