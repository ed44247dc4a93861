#include "app/split_job.hpp"

#include "app/io.hpp"
#include "kealign/error.hpp"

namespace kealign {

std::string format_segments(const SegmentedText& text, const std::string& format) {
  std::string out;
  if (format == "tsv") {
    out += "index\tbegin_byte\tend_byte\ttext\n";
    for (std::size_t i = 0; i < text.size(); ++i) {
      const Span s = text.segments[i].span;
      out += std::to_string(i) + '\t' + std::to_string(s.begin) + '\t' + std::to_string(s.end) +
             '\t' + escape_tsv(text.display(i)) + '\n';
    }
  } else if (format == "text") {
    for (std::size_t i = 0; i < text.size(); ++i) out += text.display(i) + '\n';
  } else {
    throw UsageError("unknown format '" + format + "' (use text or tsv)");
  }
  return out;
}

void run_split_job(const SplitJob& job) {
  const Language lang = parse_language(job.lang);  // fail on a bad option before reading
  Document doc = read_document(job.input, job.read);
  const SegmentedText text =
      job.presplit ? presplit(std::move(doc)) : split(std::move(doc), {lang});
  write_output(job.output, format_segments(text, job.format));
}

}  // namespace kealign
