// kealign's error hierarchy: failures only. Translation problems are Findings (check.hpp), never
// exceptions.
//
//   try {
//     kealign::Document doc = kealign::read_document("ko.txt");
//   } catch (const kealign::InputError& e) {
//     std::cerr << e.what() << '\n';  // "ko.txt:3: byte 57: ..."
//   }
//
// Error          base of everything kealign throws
// - InputError   the input is not what it must be (bad encoding, NUL byte, malformed TSV,
//                mismatch); carries the file, the 1-based line and the 0-based byte offset where
//                it went wrong
// - UsageError   an option or argument is invalid (unknown language, conflicting flags)
// - IoError      the operating system refused (missing file, unwritable output)
// - MemoryLimitError  aligning would take more memory than AlignOptions::max_memory
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "kealign/export.hpp"

namespace kealign {

class KEALIGN_EXPORT Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class KEALIGN_EXPORT InputError : public Error {
 public:
  // line is 1-based (0 = unknown), byte is the 0-based offset into the file (npos = unknown).
  InputError(std::string file, std::size_t line, std::size_t byte, const std::string& problem);

  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }
  std::size_t byte() const { return byte_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_;
  std::size_t line_;
  std::size_t byte_;
  std::string problem_;
};

class KEALIGN_EXPORT UsageError : public Error {
 public:
  using Error::Error;
};

class KEALIGN_EXPORT IoError : public Error {
 public:
  IoError(const std::string& file, const std::string& problem);
};

class KEALIGN_EXPORT MemoryLimitError : public Error {
 public:
  using Error::Error;
};

}  // namespace kealign
