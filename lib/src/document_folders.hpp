// The document folders of a set (one sub-folder per document pair), as the set commands read them.
#pragma once

#include <string>
#include <vector>

namespace kealign::detail {

// The sub-folders of root, sorted by path, that hold a regular file named `holding` (any
// sub-folder when it is empty); IoError when root cannot be listed. May be empty: callers say
// what they expected.
std::vector<std::string> document_folders(const std::string& root, const std::string& holding = {});

}  // namespace kealign::detail
