// Latin and Hangul words with their spans (lib/src/lang/names.hpp): what the lexical checks and
// the checks' shared view read from each segment.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "names.hpp"

namespace {

std::vector<std::string> texts(const std::vector<kealign::lang::LatinWord>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(w.text);
  return out;
}

}  // namespace

TEST_CASE("Latin words: joiners, possessives, sentence starts, spacing", "[words]") {
  const std::string text =
      "Korea’s envoy met Seok-yeol (Yoon) - Moon; don't “Quote” Hangul 한글 NPG.";
  const auto words = kealign::lang::latin_words(text, 100);
  // The possessive ends "Korea": its "s" is a word of its own.
  CHECK(texts(words) == std::vector<std::string>{"Korea", "s", "envoy", "met", "Seok-yeol", "Yoon",
                                                 "Moon", "don't", "Quote", "Hangul", "NPG"});
  // Spans are document offsets: the text starts at 100.
  REQUIRE(words.size() == 11);
  CHECK(words[0].span.begin == 100);
  CHECK(words[0].span.end == 105);
  CHECK(text.substr(words[4].span.begin - 100, words[4].span.size()) == "Seok-yeol");
  // A sentence starts at the text's start and after . ! ? : ; quotes, ( and dashes.
  std::vector<bool> starts;
  for (const auto& w : words) starts.push_back(w.sentence_start);
  CHECK(starts ==
        std::vector<bool>{true, false, false, false, false, true, true, true, true, false, false});
  CHECK(words[2].after_space_only);        // "s envoy"
  CHECK_FALSE(words[1].after_space_only);  // "Korea’s": the mark between
  CHECK_FALSE(words[5].after_space_only);  // "(Yoon)"
  // The same words one at a time, as views.
  std::vector<std::string> seen;
  kealign::lang::for_each_latin_word(
      text, 0, [&](const kealign::lang::LatinWordRef& w) { seen.emplace_back(w.text); });
  CHECK(seen == texts(words));
}

TEST_CASE("Hangul words and their stems", "[words]") {
  const std::string text = "조야의 인사들은 NPG에서 10년 동안 일했다.";
  const auto words = kealign::lang::hangul_words(text, 7);
  REQUIRE(words.size() == 6);
  CHECK(words[0].syllables == U"조야의");
  CHECK(words[0].span.begin == 7);
  CHECK(words[0].span.end == 7 + 9);     // three syllables of three bytes
  CHECK(words[2].syllables == U"에서");  // after the Latin letters
  CHECK(words[3].syllables == U"년");
  CHECK(kealign::lang::hangul_stems(U"조야의") == std::vector<std::u32string>{U"조야의", U"조야"});
  CHECK(kealign::lang::hangul_stems(U"인사들은") ==
        std::vector<std::u32string>{U"인사들은", U"인사", U"인사들"});
  CHECK(kealign::lang::hangul_stems(U"동안") == std::vector<std::u32string>{U"동안"});
  CHECK(kealign::lang::hangul_stems(U"의") == std::vector<std::u32string>{U"의"});
}
