// The `kealign stream` job as a library call: a line-in, line-out filter that aligns and checks
// one document pair per input line and writes one JSON record per pair, in input order, each
// flushed as soon as it and every record before it are done. The dictionary and lexicon are read
// once and shared by the worker threads; memory is bounded by the records in flight (window), not
// by the input.
//
//   kealign::StreamJob job;
//   job.pair.dictionary = "ko-en.tsv"; job.threads = 2;
//   kealign::StreamSummary s = kealign::run_stream_job(job, std::cin, std::cout);
//   if (s.failed) ...  // each failed record is in the output with its error
//
// Input, one pair per line (docs/formats.md, "kealign stream"):
//  - JSON Lines: {"id": ..., "ko": "...", "en": "..."} or "ko_path"/"en_path" naming files;
//  "ko"/"en"
//    may also be arrays of segments (taken as presplit); other keys are copied to the output
//    record.
//  - TSV with a header row: the text columns (bitextor's src_text/trg_text by default, optionally
//    base64) or path columns; every other column is copied to the output record as a string.
// Every record stands alone: the output of a chunk of the input does not depend on the rest, so
// chunks run by separate processes (GNU parallel --pipe, Hadoop Streaming, Spark RDD.pipe)
// concatenate to the bytes one process writes (given first_line, error messages too).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "app/align_job.hpp"

namespace kealign {

struct StreamJob {
  AlignJob pair;                      // per-pair settings (presplit, calibrate, dict, lexicon, ...)
  std::string input_format = "auto";  // "jsonl", "tsv" or "auto" (a first line starting with '{')
  std::string ko_column = "src_text";      // TSV: the Korean text column
  std::string en_column = "trg_text";      // TSV: the English text column
  std::string ko_path_column = "ko_path";  // TSV: a column naming the Korean file, if present
  std::string en_path_column = "en_path";  // TSV: a column naming the English file, if present
  std::string id_column = "id";            // TSV: the record's id, if present
  bool base64 = false;                     // TSV: text columns are base64 (bitextor)
  std::string source_name = "<stdin>";     // the input's name in error messages
  std::size_t first_line = 0;              // number of the first record's line; 0 = 1 (2 for TSV)
  unsigned threads = 0;                    // worker threads; 0 = one per core
  std::size_t window = 0;                  // records in flight at most; 0 = 16 x threads
  bool progress = false;                   // a progress line on the progress stream
  // When set, used instead of the options built from pair (whose dictionary and lexicon would be
  // read again): a caller running many jobs, as the Python module does per partition, reads them
  // once. pair.presplit and pair.read still apply.
  const AnalysisOptions* analysis = nullptr;
};

struct StreamSummary {
  std::size_t records = 0;                // records written
  std::size_t failed = 0;                 // of those, records with an error
  std::size_t links = 0;                  // links written
  double seconds = 0;                     // wall time, the dictionary and lexicon reading included
  std::vector<std::size_t> failed_lines;  // input line of each record with an error, ascending
};

// Reads records from in until its end and writes one line per record to out. UsageError for bad
// options and an unknown TSV column, IoError when out fails; a bad record is a record with status
// "error" and its error naming the input line, never an exception. progress (when job.progress)
// gets a line rewritten in place: records, records/s and, for a regular-file input of known size,
// the time left (input_bytes > 0).
StreamSummary run_stream_job(const StreamJob& job, std::istream& in, std::ostream& out,
                             std::ostream* progress = nullptr, std::size_t input_bytes = 0);

}  // namespace kealign
