// kealign: Korean-English sentence alignment and translation QA.
//
//   #include <kealign/kealign.hpp>
//
//   kealign::Analysis a = kealign::analyze(korean_text, english_text);
//   for (const kealign::Bead& b : a.alignment) ...             // the links, in document order
//   for (const kealign::Finding& f : a.findings)
//     std::cout << f.check << ": " << f.message << '\n';        // what QA found
//
// The stages, each usable on its own: text.hpp (read and validate), segment.hpp (split into
// sentences), align.hpp (align), check.hpp (QA checks), report.hpp (HTML/Markdown report);
// analysis.hpp chains them. dictionary.hpp and lexicon.hpp are the optional word resources.
#pragma once

#include "kealign/align.hpp"
#include "kealign/analysis.hpp"
#include "kealign/check.hpp"
#include "kealign/dictionary.hpp"
#include "kealign/error.hpp"
#include "kealign/lexicon.hpp"
#include "kealign/relatedness.hpp"
#include "kealign/report.hpp"
#include "kealign/segment.hpp"
#include "kealign/text.hpp"
#include "kealign/version.hpp"
