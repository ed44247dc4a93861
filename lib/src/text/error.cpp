#include "kealign/error.hpp"

namespace kealign {
namespace {

std::string where(const std::string& file, std::size_t line, std::size_t byte) {
  std::string s = file.empty() ? std::string("<input>") : file;
  if (line > 0) s += ":" + std::to_string(line);
  if (byte != std::string::npos) s += ": byte " + std::to_string(byte);
  return s;
}

}  // namespace

InputError::InputError(std::string file, std::size_t line, std::size_t byte,
                       const std::string& problem)
    : Error(where(file, line, byte) + ": " + problem),
      file_(std::move(file)),
      line_(line),
      byte_(byte),
      problem_(problem) {}

IoError::IoError(const std::string& file, const std::string& problem)
    : Error(file + ": " + problem) {}

}  // namespace kealign
