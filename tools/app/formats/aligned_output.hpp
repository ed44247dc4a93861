// The forms `kealign align` writes an alignment in: the aligned TSV, JSON, TMX 1.4b, XLIFF 1.2,
// Moses line-aligned files and a bitextor-style TSV, each with the same link filters.
//
//   kealign::formats::AlignedOutputOptions out;
//   out.format = "tmx"; out.min_score = 0.5; out.only = "1-1";
//   kealign::formats::write_aligned_output("seed.tmx", analysis, out, "ko.txt", "en.txt");
//
// docs/formats.md shows each form. Every file is written atomically (app/io.hpp); Moses writes two
// files, PREFIX.ko and PREFIX.en (the primary subtags of the language codes).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "kealign/analysis.hpp"
#include "kealign/text.hpp"

namespace kealign::formats {

struct AlignedOutputOptions {
  std::string format = "tsv";     // tsv, json, tmx, xliff, moses or bitextor
  std::string ko_lang = "ko-KR";  // language codes written to TMX (xml:lang, srclang) and XLIFF
  std::string en_lang = "en-US";
  double min_score = 0;           // links with a lower confidence are left out
  std::string only;               // "" or shapes to keep, comma-separated "K-E" ("1-1", "1-1,2-1")
  bool keep_null = false;         // Moses: keep links with an empty side (an empty line there)

  // True when the output is the plain aligned TSV of every link (the default form).
  bool plain() const;
};

// The known output formats, for option checks.
const std::vector<std::string>& aligned_formats();

// UsageError for an unknown format, a bad shape list or a score outside [0, 1].
void validate(const AlignedOutputOptions& options);

// One link as the writers see it.
struct AlignedLink {
  std::size_t number = 0;  // 1-based position in the whole alignment (before filtering)
  std::vector<std::uint32_t> ko_ids;
  std::vector<std::uint32_t> en_ids;
  std::string ko;  // display text of the side's segments joined by one space
  std::string en;
  double score = 0;
  std::string flags;   // check ids, comma-joined
  Span ko_bytes{};     // from the first segment's start to the last one's end (empty side: 0-0)
  Span en_bytes{};
};

// The links of an analysis that pass the filters, in document order.
std::vector<AlignedLink> aligned_links(const Analysis& analysis,
                                       const AlignedOutputOptions& options);

std::string format_links_tsv(const std::vector<AlignedLink>& links);
std::string format_links_json(const std::vector<AlignedLink>& links);
std::string format_links_tmx(const std::vector<AlignedLink>& links,
                             const AlignedOutputOptions& options);
// One trans-unit per link (id its number), the Korean side the source; original names the file.
std::string format_links_xliff(const std::vector<AlignedLink>& links,
                               const AlignedOutputOptions& options, const std::string& original);
// src_url<TAB>trg_url<TAB>src_text<TAB>trg_text<TAB>aligner_score<TAB>ko_ids<TAB>en_ids
std::string format_links_bitextor(const std::vector<AlignedLink>& links, const std::string& ko_url,
                                  const std::string& en_url);
struct MosesFiles {
  std::string ko;  // one line per kept link
  std::string en;
};
MosesFiles format_links_moses(const std::vector<AlignedLink>& links,
                              const AlignedOutputOptions& options);

// Where a collection job writes one pair's alignment, from a stem (DIR/NAME): the path (or Moses
// prefix) to give write_aligned_output, and every file that it writes. STEM.tsv, STEM.json,
// STEM.tmx, STEM.xliff, STEM.bitextor.tsv; Moses STEM.ko and STEM.en.
std::string output_path(const std::string& stem, const AlignedOutputOptions& options);
std::vector<std::string> output_files(const std::string& stem, const AlignedOutputOptions& options);

// The files of the chosen form for a stem (output_path / output_files): (path, content) pairs.
std::vector<std::pair<std::string, std::string>> aligned_output_files(
    const std::string& stem, const Analysis& analysis, const AlignedOutputOptions& options,
    const std::string& ko_path, const std::string& en_path);

// Writes the analysis in the chosen form to path ("-" = standard output; Moses needs a prefix,
// and writes its two files as one set, app/io.hpp write_output_set).
void write_aligned_output(const std::string& path, const Analysis& analysis,
                          const AlignedOutputOptions& options, const std::string& ko_path,
                          const std::string& en_path);

}  // namespace kealign::formats
