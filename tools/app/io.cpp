#include "app/io.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "kealign/error.hpp"

namespace kealign {

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  if (path_.empty() || path_ == "-") {
    to_stdout_ = true;
    return;
  }
  temp_ = path_ + ".tmp." + std::to_string(::getpid());
  file_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!file_) throw IoError(path_, "cannot open for writing");
}

AtomicOutput::~AtomicOutput() {
  if (!to_stdout_ && !committed_) {
    file_.close();
    std::remove(temp_.c_str());
  }
}

std::ostream& AtomicOutput::stream() {
  return to_stdout_ ? std::cout : file_;
}

void AtomicOutput::commit() {
  if (committed_) return;
  if (to_stdout_) {
    std::cout.flush();
    if (!std::cout) throw IoError("<stdout>", "write failed");
    committed_ = true;
    return;
  }
  file_.flush();
  const bool ok = static_cast<bool>(file_);
  file_.close();
  if (!ok) throw IoError(path_, "write failed");
  if (std::rename(temp_.c_str(), path_.c_str()) != 0)
    throw IoError(path_, "cannot rename into place");
  committed_ = true;
}

void write_output(const std::string& path, std::string_view content) {
  AtomicOutput out(path);
  out.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  out.commit();
}

}  // namespace kealign
