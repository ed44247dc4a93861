#include "kealign/version.hpp"

namespace kealign {

const char* version() {
  return KEALIGN_VERSION_STRING;
}

}  // namespace kealign
