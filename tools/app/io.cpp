#include "app/io.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "kealign/error.hpp"

namespace kealign {
namespace {

namespace fs = std::filesystem;

// The temporary paths the signal handler removes: fixed storage, claimed and released with atomics,
// read by the handler without locks or allocation.
constexpr int kSlots = 256;
constexpr std::size_t kPathMax = 4096;
struct TempSlot {
  std::atomic<int> state{0};  // 0 free, 1 being filled, 2 live
  bool directory = false;
  char path[kPathMax];
};
TempSlot g_temps[kSlots];

void remove_temps() {
  for (int pass = 0; pass < 2; ++pass)  // files first, then the folders they were in
    for (TempSlot& s : g_temps)
      if (s.state.load() == 2 && s.directory == (pass == 1)) {
        if (s.directory)
          ::rmdir(s.path);
        else
          ::unlink(s.path);
      }
}

extern "C" void on_interrupt(int sig) {
  remove_temps();
  ::_exit(128 + sig);
}

std::atomic<unsigned> g_counter{0};

std::string temp_name(const std::string& target) {
  return target + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(g_counter++);
}

bool stat_path(const std::string& path, struct stat& st) {
  if (path == "-") return ::fstat(0, &st) == 0;
  return ::stat(path.c_str(), &st) == 0;
}

std::string errno_text() {
  return std::strerror(errno);
}

// Holds SIGINT, SIGTERM and SIGHUP back on this thread for its lifetime.
class SignalHold {
 public:
  SignalHold() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    ::pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalHold() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SignalHold(const SignalHold&) = delete;
  SignalHold& operator=(const SignalHold&) = delete;

 private:
  sigset_t old_;
};

// A registered temporary path, released when it goes out of scope.
class TempGuard {
 public:
  TempGuard(const std::string& path, bool directory)
      : slot_(app_detail::register_temp(path, directory)) {}
  ~TempGuard() { app_detail::unregister_temp(slot_); }
  TempGuard(const TempGuard&) = delete;
  TempGuard& operator=(const TempGuard&) = delete;

 private:
  int slot_;
};

}  // namespace

namespace app_detail {

int register_temp(const std::string& path, bool directory) {
  if (path.size() >= kPathMax) return -1;
  for (int k = 0; k < kSlots; ++k) {
    int expected = 0;
    if (!g_temps[k].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_temps[k].path, path.c_str(), path.size() + 1);
    g_temps[k].directory = directory;
    g_temps[k].state.store(2);
    return k;
  }
  return -1;
}

void unregister_temp(int slot) {
  if (slot >= 0 && slot < kSlots) g_temps[slot].state.store(0);
}

}  // namespace app_detail

void install_interrupt_handlers() {
  static std::atomic<bool> installed{false};
  if (installed.exchange(true)) return;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN)
      continue;  // ignored by whoever started us (nohup, a background job): stay that way
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);
    sigaddset(&sa.sa_mask, SIGTERM);
    sigaddset(&sa.sa_mask, SIGHUP);
    ::sigaction(sig, &sa, nullptr);
  }
}

std::string follow_symlinks(const std::string& path) {
  fs::path p = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st;
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p.string();
    std::error_code ec;
    const fs::path link = fs::read_symlink(p, ec);
    if (ec) throw IoError(path, "cannot read the symbolic link: " + ec.message());
    p = link.is_absolute() ? link : p.parent_path() / link;
  }
  throw IoError(path, "too many levels of symbolic links");
}

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  if (path_.empty() || path_ == "-") {
    to_stdout_ = true;
    return;
  }
  target_ = follow_symlinks(path_);
  struct stat st;
  if (::stat(target_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw IoError(path_, "is a directory");
    if (!S_ISREG(st.st_mode)) {
      // A device, FIFO or socket: written in place; renaming over it would replace it.
      file_.open(target_, std::ios::binary | std::ios::out);
      if (!file_) throw IoError(path_, "cannot open for writing: " + errno_text());
      return;
    }
    keep_mode_ = true;
    mode_ = st.st_mode & 07777;
  }
  temp_ = temp_name(target_);
  slot_ = app_detail::register_temp(temp_, false);
  // Created private (or with the old file's bits), so no one reads the output while it is written.
  const int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                        keep_mode_ ? (mode_ & 0777) : 0666);
  if (fd < 0) {
    const std::string why = errno_text();
    app_detail::unregister_temp(slot_);
    throw IoError(path_, "cannot open for writing: " + why);
  }
  if (keep_mode_) {
    if (::fchown(fd, st.st_uid, st.st_gid) != 0) {
      // not the owner: the new file is ours, as with any rewrite by another user
    }
    ::fchmod(fd, mode_);
  }
  ::close(fd);
  file_.open(temp_, std::ios::binary | std::ios::out | std::ios::trunc);
  if (!file_) {
    std::remove(temp_.c_str());
    app_detail::unregister_temp(slot_);
    throw IoError(path_, "cannot open for writing");
  }
}

AtomicOutput::~AtomicOutput() {
  if (!to_stdout_ && !committed_ && !temp_.empty()) {
    file_.close();
    std::remove(temp_.c_str());
    app_detail::unregister_temp(slot_);
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
  if (!ok || file_.fail()) throw IoError(path_, "write failed");
  if (temp_.empty()) {
    committed_ = true;
    return;
  }
  if (std::rename(temp_.c_str(), target_.c_str()) != 0)
    throw IoError(path_, "cannot rename into place: " + errno_text());
  committed_ = true;
  app_detail::unregister_temp(slot_);
}

void write_output(const std::string& path, std::string_view content) {
  AtomicOutput out(path);
  out.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  out.commit();
}

void write_new_file(const std::string& path, std::string_view content) {
  const std::string temp = temp_name(path);
  const int slot = app_detail::register_temp(temp, false);
  const auto fail = [&](int fd, const std::string& what) {
    const std::string why = errno_text();
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    app_detail::unregister_temp(slot);
    throw IoError(path, what + why);
  };
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    app_detail::unregister_temp(slot);
    throw IoError(path, "cannot open for writing: " + errno_text());
  }
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(fd, "write failed: ");
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) fail(-1, "write failed: ");
  if (::rename(temp.c_str(), path.c_str()) != 0) fail(-1, "cannot rename into place: ");
  app_detail::unregister_temp(slot);
}

void write_output_set(const std::string& dir,
                      const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path target = follow_symlinks(dir);
  std::error_code ec;
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::create_directories(parent, ec);
  if (ec) throw IoError(dir, "cannot create the folder: " + ec.message());
  struct stat st;
  const bool exists = ::stat(target.c_str(), &st) == 0;
  if (exists && !S_ISDIR(st.st_mode)) throw IoError(dir, "exists and is not a folder");

  // A file of the set that cannot be replaced fails the whole set before any file moves.
  if (exists)
    for (const auto& file : files) {
      struct stat old;
      if (::stat((target / file.first).c_str(), &old) == 0 && S_ISDIR(old.st_mode))
        throw IoError((target / file.first).string(), "is a directory");
    }

  const std::string temp = temp_name(target.string());
  TempGuard temp_dir(temp, true);
  if (::mkdir(temp.c_str(), 0777) != 0)
    throw IoError(dir, "cannot create a temporary folder beside it: " + errno_text());
  std::vector<int> slots;  // the set's files, removed by an interrupt until they are in place
  const auto release = [&] {
    for (int slot : slots) app_detail::unregister_temp(slot);
  };
  const auto clean = [&] {
    for (const auto& file : files) ::unlink((temp + "/" + file.first).c_str());
    ::rmdir(temp.c_str());
    release();
  };
  try {
    for (const auto& [name, content] : files) {
      const std::string path = temp + "/" + name;
      const std::string existing = (target / name).string();
      slots.push_back(app_detail::register_temp(path, false));
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out.write(content.data(), static_cast<std::streamsize>(content.size()));
      out.close();
      if (!out) throw IoError(existing, "write failed");
      struct stat old;  // an existing file of the set keeps its mode
      if (exists && ::stat(existing.c_str(), &old) == 0 && S_ISREG(old.st_mode))
        ::chmod(path.c_str(), old.st_mode & 07777);
    }
  } catch (...) {
    clean();
    throw;
  }
  const SignalHold hold;  // the set moves as one: an interrupt waits until it is in place
  if (!exists) {
    if (::rename(temp.c_str(), target.c_str()) != 0) {
      const std::string why = errno_text();
      clean();
      throw IoError(dir, "cannot rename the outputs into place: " + why);
    }
  } else {
    for (const auto& file : files) {
      const std::string from = temp + "/" + file.first;
      if (::rename(from.c_str(), (target / file.first).c_str()) != 0) {
        const std::string why = errno_text();
        clean();
        throw IoError((target / file.first).string(), "cannot rename into place: " + why);
      }
    }
    ::rmdir(temp.c_str());
  }
  release();
}

void refuse_output_overwriting_input(const std::vector<std::string>& outputs,
                                     const std::vector<std::string>& inputs) {
  for (const std::string& out : outputs) {
    if (out.empty() || out == "-") continue;
    struct stat o;
    if (::stat(out.c_str(), &o) != 0 || !S_ISREG(o.st_mode)) continue;
    for (const std::string& in : inputs) {
      if (in.empty()) continue;
      struct stat i;
      if (!stat_path(in, i) || !S_ISREG(i.st_mode)) continue;
      if (i.st_dev == o.st_dev && i.st_ino == o.st_ino)
        throw UsageError("the output '" + out + "' is the input '" +
                         (in == "-" ? std::string("<stdin>") : in) +
                         "': refusing to overwrite it (choose another output)");
    }
  }
}

void refuse_same_pair_input(const std::string& ko, const std::string& en) {
  if (ko == "-" && en == "-")
    throw UsageError("KO and EN cannot both be standard input (-): give at least one as a file");
  struct stat a, b;
  if (stat_path(ko, a) && stat_path(en, b) && S_ISREG(a.st_mode) && a.st_dev == b.st_dev &&
      a.st_ino == b.st_ino)
    throw UsageError("KO and EN are the same file ('" + ko + "', '" + en +
                     "'): give a text and its translation");
}

}  // namespace kealign
