#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "app/io.hpp"
#include "kealign/error.hpp"
#include "kealign/text.hpp"
#include "test_support.hpp"

using namespace kealign;

TEST_CASE("a BOM is kept in the text and skipped by body()", "[text]") {
  Document d = make_document("t.txt", "\xEF\xBB\xBF한국\n");
  CHECK(d.body_begin == 3);
  CHECK(d.body() == "한국\n");
  REQUIRE(lines(d).size() == 1);
  CHECK(d.view(lines(d)[0]) == "한국");
}

TEST_CASE("CRLF line ends are not part of the lines", "[text]") {
  Document d = make_document("t.txt", "first line\r\nsecond\r\n\r\nthird");
  const auto ls = lines(d);
  REQUIRE(ls.size() == 4);
  CHECK(d.view(ls[0]) == "first line");
  CHECK(d.view(ls[1]) == "second");
  CHECK(ls[2].empty());
  CHECK(d.view(ls[3]) == "third");
  const auto ps = paragraphs(d);
  REQUIRE(ps.size() == 2);
  CHECK(d.view(ps[0]) == "first line\r\nsecond");
  CHECK(d.view(ps[1]) == "third");
}

struct BadInput {
  const char* what;
  std::string bytes;
  std::size_t line;
  std::size_t byte;
  const char* says;
};

TEST_CASE("invalid input names the line and byte offset", "[text]") {
  const BadInput table[] = {
      {"lone continuation byte", "ok\nab\x80", 2, 5, "invalid UTF-8 byte 0x80"},
      {"overlong slash", "\xC0\xAF", 1, 0, "invalid UTF-8 byte 0xC0"},
      {"surrogate", "x\xED\xA0\x80", 1, 1, "invalid UTF-8"},
      {"truncated sequence", "한\xED\x95", 1, 3, "invalid UTF-8"},
      {"NUL byte", std::string("abc\n\0def", 8), 2, 4, "NUL byte"},
      // A binary file whose first bad byte comes before its first NUL is still called binary.
      {"binary", std::string("\xC7\xD1\x89PNG\n\x1A\0\0", 10), 2, 8, "binary file"},
      {"UTF-16",
       std::string("\xFF\xFE"
                   "A\0",
                   4),
       1, 3, "UTF-16"},
      // "한국어" in EUC-KR
      {"EUC-KR text", "\xC7\xD1\xB1\xB9\xBE\xEE", 1, 0, "--encoding cp949"},
  };
  for (const auto& t : table) {
    INFO(t.what);
    try {
      make_document("bad.txt", t.bytes);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.file() == "bad.txt");
      CHECK(e.line() == t.line);
      CHECK(e.byte() == t.byte);
      CHECK_THAT(e.what(), Catch::Contains(t.says));
    }
  }
}

TEST_CASE("is_utf8 accepts well-formed UTF-8 only", "[text]") {
  CHECK(is_utf8(""));
  CHECK(is_utf8("plain ASCII, tabs\tand all"));
  CHECK(is_utf8(
      "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 caf\xC3\xA9 \xF0\x9F\x98\x80"));  // 한국어 café 😀
  CHECK(is_utf8("\xF4\x8F\xBF\xBF"));        // U+10FFFF, the last code point
  CHECK_FALSE(is_utf8("\xC0\x80"));          // overlong NUL
  CHECK_FALSE(is_utf8("\xE0\x80\xAF"));      // overlong slash
  CHECK_FALSE(is_utf8("\xED\xA0\x80"));      // a surrogate
  CHECK_FALSE(is_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(is_utf8("abc \xEA\xB5"));      // cut short at the end
  CHECK_FALSE(is_utf8("\x80 a continuation byte alone"));
  CHECK_FALSE(is_utf8("it\xA1\xAFs"));  // CP949 curly quote bytes
}

TEST_CASE("EUC-KR and CP949 input is converted when asked", "[text]") {
  ReadOptions euc;
  euc.encoding = "euc-kr";
  CHECK(make_document("k.txt", "\xC7\xD1\xB1\xB9\xBE\xEE", euc).text == "한국어");
  ReadOptions cp;
  cp.encoding = "cp949";
  // 똠 is outside EUC-KR's 2,350 syllables: CP949 0x8C63
  CHECK(make_document("k.txt", "\x8C\x63", cp).text == "똠");
  CHECK_THROWS_AS(make_document("k.txt", "\xC7", euc), InputError);
  ReadOptions unknown;
  unknown.encoding = "latin-9000";
  CHECK_THROWS_AS(make_document("k.txt", "x", unknown), UsageError);
}

TEST_CASE("a missing file is an IoError naming it", "[text]") {
  CHECK_THROWS_WITH(read_document("/nonexistent/ko.txt"), Catch::Contains("/nonexistent/ko.txt"));
}

TEST_CASE("normalize folds white space, composes NFC, and maps back to source bytes", "[text]") {
  // "한" as conjoining jamo (U+1112 U+1161 U+11AB) composes to U+D55C.
  const std::string src = "  a\t\nb \xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB x ";
  NormalizedText n = normalize(src, 100);
  CHECK(n.text == "a b 한 x");
  REQUIRE(n.origin.size() == n.text.size() + 1);
  CHECK(n.origin[0] == 102);                       // 'a'
  CHECK(n.origin[2] == 105);                       // 'b'
  CHECK(n.source_span({4, 7}) == Span{107, 116});  // the composed syllable covers its three jamo
  CHECK(n.source_span({8, 9}) == Span{117, 118});  // 'x'
  CHECK(n.origin.back() == 118);                   // end of the last kept character
}

TEST_CASE("fold_space trims and folds Unicode spaces", "[text]") {
  CHECK(fold_space("\xC2\xA0 a\xE3\x80\x80\xE3\x80\x80 b \n") == "a b");
  CHECK(fold_space("") == "");
  // ASCII and multi-byte characters side by side keep their bytes and order.
  struct Case {
    std::string in, out;
  };
  for (const Case& c : std::vector<Case>{
           {"Ab\xC2\xA0 \xEA\xB0\x80\xEB\x82\x98 c ", "Ab \xEA\xB0\x80\xEB\x82\x98 c"},
           {"\t26\xEC\x9D\xBC,\r\nMay\xE2\x80\x83", "26\xEC\x9D\xBC, May"},
           {"\xF0\x9F\x98\x80x\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80x\xF0\x9F\x98\x80"},
           {" \xE3\x80\x80 ", ""}})
    CHECK(fold_space(c.in) == c.out);
}

TEST_CASE("AtomicOutput leaves no file when not committed", "[text]") {
  const std::string dir = test::temp_dir();
  {
    AtomicOutput out(dir + "/x.tsv");
    out.stream() << "half";
  }
  CHECK_THROWS(test::read_file(dir + "/x.tsv"));
  write_output(dir + "/y.tsv", "whole\n");
  CHECK(test::read_file(dir + "/y.tsv") == "whole\n");
  CHECK(escape_tsv("a\tb\\c\nd") == "a\\tb\\\\c\\nd");
  CHECK(unescape_tsv(escape_tsv("a\tb\\c\nd")) == "a\tb\\c\nd");
}

TEST_CASE("read_bytes returns a file as it is; a missing one is an IoError", "[text]") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/raw.bin", std::string("a\xFF\0b\r\n", 6));
  CHECK(read_bytes(dir + "/raw.bin") == std::string("a\xFF\0b\r\n", 6));
  CHECK_THROWS_AS(read_bytes(dir + "/missing.tsv"), IoError);
}

TEST_CASE("code points: backwards, boundaries, counts and encoding", "[text]") {
  const std::string_view t = "a한😀.";  // 1 + 3 + 4 + 1 bytes
  struct Case {
    std::size_t at, start;
  };
  for (const Case c : {Case{0, 0}, Case{1, 1}, Case{2, 1}, Case{3, 1}, Case{4, 4}, Case{7, 4},
                       Case{8, 8}, Case{9, 9}}) {
    INFO(c.at);
    CHECK(code_point_start(t, c.at) == c.start);
  }
  std::size_t i = t.size();
  std::u32string backwards;
  while (i > 0) backwards += previous_code_point(t, i);
  CHECK(backwards == U".😀한a");
  CHECK(code_point_count(t) == 4);
  CHECK(code_point_count("") == 0);
  CHECK(to_utf8(U"a한😀.") == t);
  CHECK(to_utf8(U"").empty());
}
