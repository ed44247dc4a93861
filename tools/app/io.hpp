// Output files of the tools: written to a temporary file beside the target and renamed into place.
//
//   kealign::AtomicOutput out("aligned.tsv");   // "-" or "" writes to stdout
//   out.stream() << "ko_ids\ten_ids\n";
//   out.commit();                               // renames the temporary file into place
//
// What the path names decides how it is written, as coreutils and git do:
//   - a symbolic link is followed: its target is replaced, the link stays;
//   - a character device or FIFO (/dev/null, /dev/stdout, a named pipe) is written directly, with
//     no temporary file and no rename;
//   - an existing regular file keeps its permission bits (a 600 file stays 600);
//   - a directory is refused.
// An AtomicOutput destroyed without commit() removes its temporary file, and so does SIGINT,
// SIGTERM or SIGHUP (install_interrupt_handlers), so an interrupted or failed run never leaves a
// half-written output or a stray temporary file behind.
#pragma once

#include <sys/types.h>

#include <fstream>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

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
  std::string path_;    // as given, for messages
  std::string target_;  // path_ with symbolic links followed
  std::string temp_;    // "" when writing directly (stdout, a device or a FIFO)
  std::ofstream file_;
  bool to_stdout_ = false;
  bool committed_ = false;
  bool keep_mode_ = false;  // the target exists: give the new file its mode
  mode_t mode_ = 0;
  int slot_ = -1;  // the temporary file's place in the interrupt handler's registry
};

// Writes content to path atomically ("-" = stdout).
void write_output(const std::string& path, std::string_view content);

// Writes content to path atomically with the four system calls a new file needs (open a
// temporary file beside it, write, close, rename): for a folder of outputs written one per input,
// where write_output's symbolic-link lookup, kept mode and second open cost more than the write.
// The bytes are write_output's; an existing file at path is replaced, its mode not kept.
void write_new_file(const std::string& path, std::string_view content);

// Writes a set of files into folder `dir` as one unit: the files go to a temporary folder beside
// it, and the set is moved into place with SIGINT, SIGTERM and SIGHUP held back, so an interrupt
// leaves either the old set or the new one, never a mix. `dir` is created when missing; files of
// it not in the set are left alone.
void write_output_set(const std::string& dir,
                      const std::vector<std::pair<std::string, std::string>>& files);

// UsageError when an output would overwrite one of the inputs (the same file by device and inode,
// whatever the path says; symbolic links followed). Outputs that do not exist yet, "-" and
// character devices pass. Called before anything is read.
void refuse_output_overwriting_input(const std::vector<std::string>& outputs,
                                     const std::vector<std::string>& inputs);

// UsageError when the two sides of a pair are the same file or both standard input.
void refuse_same_pair_input(const std::string& ko, const std::string& en);

// The path with symbolic links followed (the last component may not exist yet).
std::string follow_symlinks(const std::string& path);

// SIGINT, SIGTERM and SIGHUP remove the temporary files of outputs in progress and exit with
// 128 + the signal number (130, 143, 129). Idempotent.
void install_interrupt_handlers();

namespace app_detail {
// The registry the handlers clean up (async-signal-safe): returns a slot, or -1 when full.
int register_temp(const std::string& path, bool directory);
void unregister_temp(int slot);
}  // namespace app_detail

}  // namespace kealign
