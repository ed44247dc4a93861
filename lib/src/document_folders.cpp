#include "document_folders.hpp"

#include <algorithm>
#include <filesystem>

#include "kealign/error.hpp"

namespace kealign::detail {

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

}  // namespace kealign::detail
