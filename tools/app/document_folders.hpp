// The document folders of a set (one sub-folder per document pair), as the set commands read them.
#pragma once

#include <string>
#include <vector>

namespace kealign::app_detail {

// The sub-folders of root, sorted by path, that hold a regular file named `holding` (any
// sub-folder when it is empty); IoError when root cannot be listed. May be empty: callers say
// what they expected.
std::vector<std::string> document_folders(const std::string& root, const std::string& holding = {});

// The document folders of a set whose pairs are NAME + extension for both names, every folder
// checked before the caller's long part starts: IoError when root is not a folder, InputError
// naming root when it holds no sub-folder or naming a folder's missing file.
std::vector<std::string> pair_folders(const std::string& root,
                                      const std::vector<std::string>& names,
                                      const std::string& extension);

}  // namespace kealign::app_detail
