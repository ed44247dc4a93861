#include "app/document_folders.hpp"

#include <algorithm>
#include <filesystem>

#include "kealign/error.hpp"

namespace kealign::app_detail {

std::vector<std::string> document_folders(const std::string& root, const std::string& holding) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> folders;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    std::error_code missing;  // an entry that is not what is wanted is skipped, not an error
    const bool wanted = holding.empty() ? fs::is_directory(entry.path(), missing)
                                        : fs::is_regular_file(entry.path() / holding, missing);
    if (wanted) folders.push_back(entry.path().string());
  }
  if (ec) throw IoError(root, "cannot list the folder: " + ec.message());
  std::sort(folders.begin(), folders.end());
  return folders;
}

std::vector<std::string> pair_folders(const std::string& root,
                                      const std::vector<std::string>& names,
                                      const std::string& extension) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) throw IoError(root, "not a folder");
  std::vector<std::string> folders = document_folders(root);
  if (folders.empty())
    throw InputError(root, 0, std::string::npos, "no document folders (one per pair) inside");
  for (const std::string& dir : folders)
    for (const std::string& name : names) {
      const std::string path = dir + "/" + name + extension;
      if (!fs::is_regular_file(path))
        throw InputError(path, 0, std::string::npos,
                         "missing: each document folder needs " + names[0] + extension + " and " +
                             names[1] + extension);
    }
  return folders;
}

}  // namespace kealign::app_detail
