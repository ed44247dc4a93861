#include "app/split_job.hpp"

#include <ostream>
#include <sstream>

#include "app/io.hpp"
#include "kealign/error.hpp"

namespace kealign {

namespace {

void check_format(const std::string& format) {
  if (format != "tsv" && format != "text")
    throw UsageError("unknown format '" + format + "' (use text or tsv)");
}

// Writes the segments one line at a time (no second copy of the text in memory).
void write_segments(const SegmentedText& text, const std::string& format, std::ostream& out) {
  check_format(format);
  if (format == "tsv") out << "index\tbegin_byte\tend_byte\ttext\n";
  std::string line;
  for (std::size_t i = 0; i < text.size(); ++i) {
    line.clear();
    if (format == "tsv") {
      const Span s = text.segments[i].span;
      line += std::to_string(i) + '\t' + std::to_string(s.begin) + '\t' + std::to_string(s.end) +
              '\t' + escape_tsv(text.display(i));
    } else {
      line += text.display(i);
    }
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
}

}  // namespace

std::string format_segments(const SegmentedText& text, const std::string& format) {
  std::ostringstream out;
  write_segments(text, format, out);
  return out.str();
}

void run_split_job(const SplitJob& job) {
  const Language lang = parse_language(job.lang);  // fail on a bad option before reading
  check_format(job.format);
  refuse_output_overwriting_input({job.output}, {job.input});
  // Opened first: from here an interrupt or an error removes the output in progress.
  AtomicOutput out(job.output);
  Document doc = read_document(job.input, job.read);
  const SegmentedText text =
      job.presplit ? presplit(std::move(doc)) : split(std::move(doc), {lang});
  write_segments(text, job.format, out.stream());
  out.commit();
}

}  // namespace kealign
