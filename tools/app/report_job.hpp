// The `kealign report` job as a library call: analyze a pair (analysis.hpp) and write the quality
// report (report.hpp) as one self-contained HTML file or as Markdown.
//
//   kealign::ReportJob job;
//   job.ko = "ko.sents"; job.en = "en.sents"; job.presplit = true; job.output = "report.html";
//   kealign::run_report_job(job);   // written atomically ("-" = standard output)
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/pair_input.hpp"

namespace kealign {

// The pair and its analysis (PairInput), plus the report's form and destination.
struct ReportJob : PairInput {
  std::string format = "html";  // "html" or "md"
  std::string title;            // report title; "" = named after the two inputs
  std::string output = "-";     // output path; "-" = standard output
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
