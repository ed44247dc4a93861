#include "app/split_job.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string_view>

#include "app/io.hpp"
#include "kealign/error.hpp"

namespace kealign {

namespace {

void check_format(const std::string& format) {
  if (format != "tsv" && format != "text")
    throw UsageError("unknown format '" + format + "' (use text or tsv)");
}

void write_header(const std::string& format, std::ostream& out) {
  if (format == "tsv") out << "index\tbegin_byte\tend_byte\ttext\n";
}

// Writes the segments one line at a time (no second copy of the text in memory); a part of a
// larger input gives its first segment's index and its first byte's offset in the input.
void write_segments(const SegmentedText& text, const std::string& format, std::ostream& out,
                    std::size_t first_index = 0, std::size_t first_byte = 0) {
  std::string line;
  for (std::size_t i = 0; i < text.size(); ++i) {
    line.clear();
    if (format == "tsv") {
      const Span s = text.segments[i].span;
      line += std::to_string(first_index + i) + '\t' + std::to_string(first_byte + s.begin) + '\t' +
              std::to_string(first_byte + s.end) + '\t' + escape_tsv(text.display(i));
    } else {
      line += text.display(i);
    }
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
}

// Where a part of `bytes` may end so that splitting it alone gives what splitting the whole
// would: after a blank line (two line feeds: no paragraph runs across it), or with `any_line`
// (one segment per line) after any line feed; never before a byte-order mark, which only the
// first part may start with, nor where the bytes read do not yet show what follows. 0 when there
// is no such point at or after `from` (before it, bytes were searched already).
std::size_t part_end(std::string_view bytes, bool any_line, std::size_t from) {
  for (std::size_t pos = bytes.size(); pos > from;) {
    const std::size_t at = bytes.rfind('\n', pos - 1);
    if (at == std::string_view::npos || at < from) return 0;
    // The line this line feed ends is empty: LF LF, or LF CR LF.
    const bool blank = (at >= 1 && bytes[at - 1] == '\n') ||
                       (at >= 2 && bytes[at - 1] == '\r' && bytes[at - 2] == '\n');
    // What follows must be known to start no byte-order mark.
    const bool known = bytes.size() - (at + 1) >= 3 && bytes.substr(at + 1, 3) != "\xEF\xBB\xBF";
    if ((any_line || blank) && known) return at + 1;
    pos = at;
  }
  return 0;
}

bool streams(const SplitJob& job) {
  std::error_code ec;
  return job.input != "-" && job.read.utf8() && std::filesystem::is_regular_file(job.input, ec);
}

// Splits a UTF-8 file part by part (part_end), writing each part's segments as it goes; errors
// name the line and byte in the whole file.
void split_by_parts(const SplitJob& job, Language lang, std::ostream& out) {
  std::ifstream in(job.input, std::ios::binary);
  if (!in) throw IoError(job.input, "cannot open for reading");
  const auto size = static_cast<std::size_t>(std::filesystem::file_size(job.input));
  if (size > job.read.max_bytes)
    throw InputError(job.input, 0, std::string::npos,
                     "file is " + std::to_string(size) + " bytes, more than the limit of " +
                         std::to_string(job.read.max_bytes));
  std::string pending;
  std::size_t first_byte = 0, first_line = 0, first_index = 0;
  std::vector<char> block(std::max<std::size_t>(job.part_bytes, 1));
  bool more = true;
  while (more || !pending.empty()) {
    // A line feed this far back was judged in an earlier round, with what follows it known.
    const std::size_t searched = pending.size() > 3 ? pending.size() - 3 : 0;
    if (more) {
      in.read(block.data(), static_cast<std::streamsize>(block.size()));
      const auto got = static_cast<std::size_t>(in.gcount());
      if (in.bad()) throw IoError(job.input, "read failed");
      pending.append(block.data(), got);
      more = got == block.size();
    }
    const std::size_t end = more ? part_end(pending, job.presplit, searched) : pending.size();
    if (end == 0) continue;  // no safe end yet: the part grows
    std::string rest = pending.substr(end);
    pending.resize(end);
    Document doc;
    try {
      doc = make_document(job.input, std::move(pending), job.read);
    } catch (const InputError& e) {
      throw InputError(e.file(), e.line() == 0 ? 0 : first_line + e.line(),
                       e.byte() == std::string::npos ? e.byte() : first_byte + e.byte(),
                       e.problem());
    }
    const std::size_t part_bytes = doc.text.size();
    const std::size_t part_lines = lines(doc).size();
    const SegmentedText text =
        job.presplit ? presplit(std::move(doc)) : split(std::move(doc), {lang});
    write_segments(text, job.format, out, first_index, first_byte);
    first_index += text.size();
    first_byte += part_bytes;
    first_line += part_lines;
    pending = std::move(rest);
  }
}

}  // namespace

std::string format_segments(const SegmentedText& text, const std::string& format) {
  check_format(format);
  std::ostringstream out;
  write_header(format, out);
  write_segments(text, format, out);
  return out.str();
}

void run_split_job(const SplitJob& job) {
  const Language lang = parse_language(job.lang);  // fail on a bad option before reading
  check_format(job.format);
  refuse_output_overwriting_input({job.output}, {job.input});
  // Opened first: from here an interrupt or an error removes the output in progress.
  AtomicOutput out(job.output);
  write_header(job.format, out.stream());
  if (streams(job)) {
    split_by_parts(job, lang, out.stream());
  } else {
    Document doc = read_document(job.input, job.read);
    const SegmentedText text =
        job.presplit ? presplit(std::move(doc)) : split(std::move(doc), {lang});
    write_segments(text, job.format, out.stream());
  }
  out.commit();
}

}  // namespace kealign
