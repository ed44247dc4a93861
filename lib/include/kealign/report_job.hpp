// The `kealign report` job as a library call: analyze a pair (analysis.hpp) and write the quality
// report (report.hpp) as one self-contained HTML file or as Markdown.
//
//   kealign::ReportJob job;
//   job.ko = "ko.sents"; job.en = "en.sents"; job.presplit = true; job.alignment = "gold.tsv";
//   job.output = "report.html";
//   kealign::run_report_job(job);   // written atomically ("-" = standard output)
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kealign/text.hpp"

namespace kealign {

struct ReportJob {
  std::string ko;                     // Korean input path ("-" = standard input)
  std::string en;                     // English input path
  bool presplit = false;              // inputs are one segment per line
  std::string alignment;              // existing alignment file; "" = run the aligner
  std::string format = "html";        // "html" or "md"
  std::string title;                  // report title; "" = named after the two inputs
  std::vector<std::string> disable;   // check ids to skip (each may itself be comma-separated)
  std::vector<std::string> settings;  // "check-id.param=value"
  std::string dictionary;             // optional korean<TAB>english list for aligner and checks
  ReadOptions read;                   // encoding and size limit of both inputs
  std::string output = "-";           // output path; "-" = standard output
};

// Check id -> one-line description, for every registered check (the report's legend).
std::map<std::string, std::string> check_descriptions();

// "Translation QA: ko.txt ↔ en.txt", from the inputs' file names.
std::string default_report_title(const std::string& ko_path, const std::string& en_path);

// The report's text; UsageError for an unknown format or bad check options, before any input is
// read.
std::string make_report(const ReportJob& job);

void run_report_job(const ReportJob& job);

}  // namespace kealign
