// Output files of the tools: written to a temporary file and renamed into place.
//
//   kealign::AtomicOutput out("aligned.tsv");   // "-" or "" writes to stdout
//   out.stream() << "ko_ids\ten_ids\n";
//   out.commit();                               // renames the temporary file into place
//
// An AtomicOutput destroyed without commit() removes its temporary file, so an interrupted or
// failed run never leaves a half-written output behind.
#pragma once

#include <fstream>
#include <iosfwd>
#include <string>
#include <string_view>

namespace kealign {

class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  std::ostream& stream();
  void commit();  // throws IoError when the write or the rename fails

 private:
  std::string path_;
  std::string temp_;
  std::ofstream file_;
  bool to_stdout_ = false;
  bool committed_ = false;
};

// Writes content to path atomically ("-" = stdout).
void write_output(const std::string& path, std::string_view content);

}  // namespace kealign
