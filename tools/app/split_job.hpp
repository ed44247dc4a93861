// The `kealign split` job as a library call: read, split, write.
//
//   kealign::SplitJob job;
//   job.input = "ko.txt"; job.lang = "ko"; job.format = "tsv";
//   kealign::run_split_job(job);  // writes atomically to job.output ("-" = stdout)
#pragma once

#include <string>

#include "kealign/segment.hpp"
#include "kealign/text.hpp"

namespace kealign {

struct SplitJob {
  std::string input;            // path, or "-" for standard input
  std::string lang = "ko";      // "ko" or "en"
  std::string format = "text";  // "text": one segment a line; "tsv": index, begin, end, text
  bool presplit = false;        // input is one segment per line
  ReadOptions read;             // encoding and size limit
  std::string output = "-";     // output path; "-" = standard output
  // Bytes read at a time from a UTF-8 file, which is split part by part (each part ends after a
  // blank line, or any line with presplit): memory stays near this plus the longest paragraph.
  std::size_t part_bytes = std::size_t{4} << 20;
};

// Formats segments as `kealign split` prints them.
std::string format_segments(const SegmentedText& text, const std::string& format);

void run_split_job(const SplitJob& job);

}  // namespace kealign
