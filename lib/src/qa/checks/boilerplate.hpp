// Recognising segments that are not translation content: web-page furniture, bylines, photo
// credits and source lines. The omission and addition checks skip them; the boilerplate check
// reports the unaligned ones as info.
#pragma once

#include <string_view>

namespace kealign::qa_detail {

// What kind of boilerplate a whole segment is ("web-page furniture", "byline", "photo credit",
// "source line"), or an empty view when it is content.
std::string_view boilerplate_kind(std::string_view segment);

}  // namespace kealign::qa_detail
