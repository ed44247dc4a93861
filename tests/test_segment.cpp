// The sentence splitter: edge cases as data tables, line handling, the coverage invariant on odd
// and random input.
#include <catch2/catch.hpp>
#include <cctype>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kealign/error.hpp"
#include "kealign/segment.hpp"
#include "kealign/text.hpp"
#include "test_support.hpp"

using namespace kealign;

namespace {

std::vector<std::string> sentences(const std::string& text, Language lang) {
  const SegmentedText s = split(make_document("t.txt", text), {lang});
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size(); ++i) out.push_back(s.display(i));
  return out;
}

struct Case {
  const char* what;
  std::string text;
  std::vector<std::string> expected;
};

void check_table(const std::vector<Case>& table, Language lang) {
  for (const auto& c : table) {
    INFO(c.what << ": " << c.text);
    CHECK(sentences(c.text, lang) == c.expected);
  }
}

// Every non-space byte of the body lies in exactly one segment, segments are in order, trimmed.
void check_coverage(const std::string& text, Language lang) {
  const SegmentedText s = split(make_document("t.txt", text), {lang});
  const std::string& t = s.document.text;
  std::size_t last = s.document.body_begin;
  std::size_t covered = 0, non_space = 0;
  for (const Segment& seg : s.segments) {
    REQUIRE(seg.span.begin >= last);
    REQUIRE(seg.span.end > seg.span.begin);
    REQUIRE(seg.span.end <= t.size());
    last = seg.span.end;
    for (std::size_t i = seg.span.begin; i < seg.span.end;) {
      const std::size_t at = i;
      const char32_t c = next_code_point(t, i);
      if (!is_space(c)) covered += i - at;
    }
    std::size_t i = seg.span.begin;
    REQUIRE_FALSE(is_space(next_code_point(t, i)));
  }
  const std::string_view body = s.document.body();
  for (std::size_t i = 0; i < body.size();) {
    const std::size_t at = i;
    if (!is_space(next_code_point(body, i))) non_space += i - at;
  }
  CHECK(covered == non_space);
}

// The written news cases in tests/data/en-news-split (format in its README.md): "||" is a
// boundary in running text, "|n|" one at a line break, "\n" a line break inside a sentence.
std::vector<Case> read_cases(const std::string& name) {
  std::istringstream in(test::read_file(test::source_dir() + "/tests/data/en-news-split/" + name));
  std::vector<Case> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    Case c{"news case", "", {}};
    std::size_t from = 0;
    for (;;) {
      const std::size_t space = line.find(" || ", from), brk = line.find(" |n| ", from);
      const std::size_t at = std::min(space, brk);
      std::string sentence = line.substr(from, at == std::string::npos ? at : at - from);
      for (std::size_t k = sentence.find("\\n"); k != std::string::npos; k = sentence.find("\\n"))
        sentence.replace(k, 2, "\n");
      c.text += sentence;
      std::string shown = sentence;  // display() shows a wrapped line break as a space
      for (char& ch : shown) ch = ch == '\n' ? ' ' : ch;
      c.expected.push_back(shown);
      if (at == std::string::npos) break;
      c.text += at == space ? " " : "\n";
      from = at + (at == space ? 4 : 5);
    }
    out.push_back(std::move(c));
  }
  return out;
}

// Boundary F1 over cases put one after another: boundaries are offsets in the text without white
// space, as bench/split_cases.py and score.py split count them.
double boundary_f1(const std::vector<Case>& cases) {
  std::set<std::size_t> gold, pred;
  std::size_t base = 0;
  auto add = [](const std::vector<std::string>& sents, std::size_t from,
                std::set<std::size_t>& to) {
    for (const std::string& s : sents) {
      for (const char ch : s) from += !std::isspace(static_cast<unsigned char>(ch));
      to.insert(from);
    }
    return from;
  };
  for (const Case& c : cases) {
    add(sentences(c.text, Language::kEnglish), base, pred);
    base = add(c.expected, base, gold);
  }
  std::size_t hits = 0;
  for (const std::size_t b : pred) hits += gold.count(b);
  const double p = static_cast<double>(hits) / static_cast<double>(pred.size());
  const double r = static_cast<double>(hits) / static_cast<double>(gold.size());
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

}  // namespace

TEST_CASE("English sentence ends", "[segment]") {
  check_table(
      {
          {"plain", "Hello World. My name is Jonas.", {"Hello World.", "My name is Jonas."}},
          {"acronym before lower case",
           "Since it is not aimed at the U.S. mainland, doubts grow.",
           {"Since it is not aimed at the U.S. mainland, doubts grow."}},
          {"acronym before a name",
           "It could be formed using the ROK-U.S. Bruce Klingner, a researcher, said so.",
           {"It could be formed using the ROK-U.S.", "Bruce Klingner, a researcher, said so."}},
          {"acronym before an institution",
           "I work for the U.S. Government in Virginia.",
           {"I work for the U.S. Government in Virginia."}},
          {"acronym before a question",
           "I live in the U.S. How about you?",
           {"I live in the U.S.", "How about you?"}},
          {"title",
           "I saw Mr. Smith and Dr. Who at St. Michael's.",
           {"I saw Mr. Smith and Dr. Who at St. Michael's."}},
          {"initials",
           "My name is Jonas E. Smith. Did you see Albert I. Jones?",
           {"My name is Jonas E. Smith.", "Did you see Albert I. Jones?"}},
          {"pronoun I",
           "We make a good team, you and I. Did you see it?",
           {"We make a good team, you and I.", "Did you see it?"}},
          {"decimal and money",
           "She has $100.00. It is in her bag.",
           {"She has $100.00.", "It is in her bag."}},
          {"number abbreviation",
           "Please turn to p. 55. See also No. 5 there.",
           {"Please turn to p. 55.", "See also No. 5 there."}},
          {"lower-case time",
           "At 5 a.m. Mr. Smith went to the bank.",
           {"At 5 a.m. Mr. Smith went to the bank."}},
          {"ellipsis before lower case",
           "I wasn't really ... well, what I mean...see.",
           {"I wasn't really ... well, what I mean...see."}},
          {"ellipsis and period",
           "I never meant that.... She left the store.",
           {"I never meant that....", "She left the store."}},
          {"quote then lower case",
           "She turned to him, \"This is great.\" she said.",
           {"She turned to him, \"This is great.\" she said."}},
          {"quote then capital",
           "She turned to him, \"This is great.\" She held it out.",
           {"She turned to him, \"This is great.\"", "She held it out."}},
          {"comma after a closing quote",
           "He said, \u201cI am sure it is unwise for Korea.\u201d , Would you want that?\u201d",
           {"He said, \u201cI am sure it is unwise for Korea.\u201d , Would you want that?\u201d"}},
          {"period inside a quotation before lower case",
           "He said, \u201cit is not enough. that,\u201d he pointed out. Then he left.",
           {"He said, \u201cit is not enough. that,\u201d he pointed out.", "Then he left."}},
          {"bang inside a name",
           "She works at Yahoo! in the accounting department.",
           {"She works at Yahoo! in the accounting department."}},
          {"double punctuation", "Hello!? Is that you?", {"Hello!?", "Is that you?"}},
          {"parenthesis",
           "He teaches (He worked as an engineer.) at the University.",
           {"He teaches (He worked as an engineer.) at the University."}},
          {"url and e-mail",
           "Mail Jane.Doe@example.com. See https://a.b.com/x.html. Thanks.",
           {"Mail Jane.Doe@example.com.", "See https://a.b.com/x.html.", "Thanks."}},
          {"numbered list",
           "1. The first item 2. The second item",
           {"1. The first item", "2. The second item"}},
          {"lettered list",
           "a. The first item b. The second item c. The third",
           {"a. The first item", "b. The second item", "c. The third"}},
          {"bullets",
           "\u2022 9. The first item \u2022 10. The second item",
           {"\u2022 9. The first item", "\u2022 10. The second item"}},
      },
      Language::kEnglish);
}

// News shapes, each written for this table: what ends a sentence and what only looks like it.
TEST_CASE("English news sentence ends", "[segment]") {
  check_table(
      {
          {"month before a day",
           "The summit opens on Feb. 14 in Seoul. Officials said so.",
           {"The summit opens on Feb. 14 in Seoul.", "Officials said so."}},
          {"month before a day and a comma",
           "The deadline is Sept. 5, officials said. It may slip.",
           {"The deadline is Sept. 5, officials said.", "It may slip."}},
          {"month, day and year",
           "The law took effect Jan. 3, 2024. It was amended later.",
           {"The law took effect Jan. 3, 2024.", "It was amended later."}},
          {"month closing a sentence",
           "The talks began in Jan. Four days later they collapsed.",
           {"The talks began in Jan.", "Four days later they collapsed."}},
          {"dateline",
           "SEOUL, Feb. 14 (Yonhap) -- North Korea fired a missile. It fell into the sea.",
           {"SEOUL, Feb. 14 (Yonhap) -- North Korea fired a missile.", "It fell into the sea."}},
          {"initials after a lower-case word",
           "The report was written by K. J. Lee. He is a reporter.",
           {"The report was written by K. J. Lee.", "He is a reporter."}},
          {"initials after the surname",
           "The study was led by Kim J. H. and two colleagues.",
           {"The study was led by Kim J. H. and two colleagues."}},
          {"initials closing a sentence",
           "The paper names Professor Kim J. H. The team leader said nothing.",
           {"The paper names Professor Kim J. H.", "The team leader said nothing."}},
          {"ellipsis before a sentence",
           "The minister paused... Then he left the room.",
           {"The minister paused...", "Then he left the room."}},
          {"ellipsis before lower case",
           "The minister paused ... and then he left the room.",
           {"The minister paused ... and then he left the room."}},
          {"ellipsis before a name",
           "The crowd chanted ... Obama, Obama.",
           {"The crowd chanted ... Obama, Obama."}},
          {"quotation of two sentences closed by its attribution",
           "\"We will not retreat. We will fight on,\" the minister said. The talks ended.",
           {"\"We will not retreat. We will fight on,\" the minister said.", "The talks ended."}},
          {"curly quotation closed by its attribution",
           "\u201cIt is over. We lost,\u201d Kim told reporters. He left.",
           {"\u201cIt is over. We lost,\u201d Kim told reporters.", "He left."}},
          {"question closed by its attribution",
           "\"Is it over? I doubt it,\" he asked reporters. Nobody answered.",
           {"\"Is it over? I doubt it,\" he asked reporters.", "Nobody answered."}},
          {"quotation closed by a period",
           "\"We will not retreat.\" The minister left.",
           {"\"We will not retreat.\"", "The minister left."}},
          {"closing quote standing alone",
           "He was \"disappointed by the result. \" Greek police said so.",
           {"He was \"disappointed by the result. \"", "Greek police said so."}},
          {"closing quote standing alone at the end",
           "He was \"disappointed by the result. \" ",
           {"He was \"disappointed by the result. \""}},
          {"closing quote typed as a double acute accent",
           "He called it \u201ca step forward.\u02dd The talks resume today.",
           {"He called it \u201ca step forward.\u02dd", "The talks resume today."}},
          {"number abbreviation",
           "The No. 1 seed lost. The No. 2 seed won.",
           {"The No. 1 seed lost.", "The No. 2 seed won."}},
          {"hyphenated acronym",
           "The U.S.-led coalition attacked. It was over in days.",
           {"The U.S.-led coalition attacked.", "It was over in days."}},
          {"acronym before an agency",
           "The U.S. Geological Survey said the quake struck at 5 a.m. There were no injuries.",
           {"The U.S. Geological Survey said the quake struck at 5 a.m.",
            "There were no injuries."}},
          {"acronym closing a sentence",
           "He was born in the U.S. He moved to Korea in 1990.",
           {"He was born in the U.S.", "He moved to Korea in 1990."}},
          {"titles",
           "Gov. Arnold Schwarzenegger signed it. Rep. Nancy Pelosi and Sen. Kerry objected.",
           {"Gov. Arnold Schwarzenegger signed it.", "Rep. Nancy Pelosi and Sen. Kerry objected."}},
          {"saint",
           "He lives on St. Mark's Place. He likes it.",
           {"He lives on St. Mark's Place.", "He likes it."}},
          {"time before a weekday",
           "The meeting ended at 3:30 p.m. Monday. It resumes on Tuesday.",
           {"The meeting ended at 3:30 p.m. Monday.", "It resumes on Tuesday."}},
          {"time closing a sentence",
           "The meeting ended at 3:30 p.m. The talks resume on Tuesday.",
           {"The meeting ended at 3:30 p.m.", "The talks resume on Tuesday."}},
          {"company suffix before a verb",
           "Apple Inc. said sales rose. Its shares jumped.",
           {"Apple Inc. said sales rose.", "Its shares jumped."}},
          {"company suffixes in a row",
           "Samsung Electronics Co. Ltd. said profit rose. Its shares rose.",
           {"Samsung Electronics Co. Ltd. said profit rose.", "Its shares rose."}},
          {"company suffix before a name",
           "He spoke to Australian Broadcasting Corp. Radio on Monday.",
           {"He spoke to Australian Broadcasting Corp. Radio on Monday."}},
          {"company suffix closing a sentence",
           "He sold his shares of Apple Inc. The company said nothing.",
           {"He sold his shares of Apple Inc.", "The company said nothing."}},
          {"name suffix",
           "Martin Luther King Jr. spoke in 1963. He was 34.",
           {"Martin Luther King Jr. spoke in 1963.", "He was 34."}},
          {"decimals",
           "Growth slowed to 2.5 percent. Prices rose 3.1 percent.",
           {"Growth slowed to 2.5 percent.", "Prices rose 3.1 percent."}},
          {"byline on its own line",
           "By Kim Ji-hoon, Staff Reporter\nThe government said exports rose. Imports fell.",
           {"By Kim Ji-hoon, Staff Reporter", "The government said exports rose.",
            "Imports fell."}},
          {"spaced ellipsis opening the next sentence",
           "It was combined into compounds. . . . The practice was not abandoned.",
           {"It was combined into compounds.", ". . . The practice was not abandoned."}},
      },
      Language::kEnglish);
}

// The written news-style cases: the development half exactly, the held-out half (never tuned on)
// by its boundary F1.
TEST_CASE("English news cases kept as data", "[segment]") {
  const std::vector<Case> dev = read_cases("dev.txt");
  REQUIRE(dev.size() >= 100);
  check_table(dev, Language::kEnglish);
  const std::vector<Case> held_out = read_cases("test.txt");
  REQUIRE(held_out.size() >= 80);
  CHECK(boundary_f1(held_out) >= 0.99);
}

TEST_CASE("Korean sentence ends", "[segment]") {
  check_table(
      {
          {"final endings",
           "확장억제는 핵우산을 뜻한다. 정부는 논의 중이다.",
           {"확장억제는 핵우산을 뜻한다.", "정부는 논의 중이다."}},
          {"two quotations in one sentence",
           "그는 \u201c확신한다\u201d며 \u201c갖고 싶겠느냐\u201d고 말했다. 다음 문장이다.",
           {"그는 \u201c확신한다\u201d며 \u201c갖고 싶겠느냐\u201d고 말했다.", "다음 문장이다."}},
          {"sentences inside a quotation",
           "학자는 \"어떤 것은 뿔이 있다. 비늘도 있다\"라고 기록했다. 끝이다.",
           {"학자는 \"어떤 것은 뿔이 있다. 비늘도 있다\"라고 기록했다.", "끝이다."}},
          {"date",
           "발표는 2017. 12. 11. 오전에 있었다. 그 뒤로 조용했다.",
           {"발표는 2017. 12. 11. 오전에 있었다.", "그 뒤로 조용했다."}},
          {"Latin abbreviation", "U.S.A.에서 왔다. 반가웠다.", {"U.S.A.에서 왔다.", "반가웠다."}},
          {"Latin initial before a surname",
           "조지 W. 부시 대통령이 도착했다. 회담이 열렸다.",
           {"조지 W. 부시 대통령이 도착했다.", "회담이 열렸다."}},
          {"missing space",
           "그는 4골을 넣었다.2월 10일, 경기가 열렸다.",
           {"그는 4골을 넣었다.", "2월 10일, 경기가 열렸다."}},
          {"citation",
           "지진이 발생했다.[8] 피해가 컸다.[9][10]",
           {"지진이 발생했다.[8]", "피해가 컸다.[9][10]"}},
          {"note after a sentence",
           "우승자이기도 하다. (6회 우승) 또한 최초로 달성했다.",
           {"우승자이기도 하다. (6회 우승)", "또한 최초로 달성했다."}},
          {"polite ending without period",
           "밥을 먹었어요 그리고 잤습니다",
           {"밥을 먹었어요", "그리고 잤습니다"}},
          {"chat endings",
           "맞아 큰일났음 ㅋㅋ 내일 또 가요~ 기대돼요",
           {"맞아 큰일났음 ㅋㅋ", "내일 또 가요~", "기대돼요"}},
          {"quoted thought",
           "왜 조건없이 알려주지? 라는 생각이 들 수도 있다.",
           {"왜 조건없이 알려주지? 라는 생각이 들 수도 있다."}},
          {"aside in brackets",
           "짱구가 있는 곳이라면 (가능한!) 어디든 달려갑니다.",
           {"짱구가 있는 곳이라면 (가능한!) 어디든 달려갑니다."}},
          {"names ending in 다 in formal text",
           "그는 그라나다 CF를 상대로 3골을 넣었다. 만화가 이시다 스이의 데뷔작이다.",
           {"그는 그라나다 CF를 상대로 3골을 넣었다.", "만화가 이시다 스이의 데뷔작이다."}},
          {"emoticon glued to the next sentence",
           "정말 좋아요😀하지만 주차는 어려워요.",
           {"정말 좋아요😀", "하지만 주차는 어려워요."}},
          {"numbered items",
           "1. 파일이 없어졌어요 2. 다시 받았어요",
           {"1. 파일이 없어졌어요", "2. 다시 받았어요"}},
      },
      Language::kKorean);
}

TEST_CASE("Korean sentence ends without punctuation, marks, asides and quotations", "[segment]") {
  check_table(
      {
          {"laughter standing alone after any word",
           "오늘 점심은 떡볶이 ㅋㅋ 저녁은 뭐 먹지?",
           {"오늘 점심은 떡볶이 ㅋㅋ", "저녁은 뭐 먹지?"}},
          {"a single crying jamo",
           "시험이 너무 어려웠던 듯 ㅜ 다음엔 잘 볼게요.",
           {"시험이 너무 어려웠던 듯 ㅜ", "다음엔 잘 볼게요."}},
          {"laughter word without punctuation ends the sentence",
           "후기 좀 남겨 주세요 엉엉 다음 주에 또 올게요 ㅎㅎ",
           {"후기 좀 남겨 주세요 엉엉", "다음 주에 또 올게요 ㅎㅎ"}},
          {"laughter word after a connective",
           "줄 없이 바로 들어가서 냠냠냠 배불러서 한참 걸었음 ㅋㅋ",
           {"줄 없이 바로 들어가서 냠냠냠", "배불러서 한참 걸었음 ㅋㅋ"}},
          {"laughter after punctuation opens the next sentence",
           "정말 맛있어요!! 하하 다음에 또 가요 ㅎㅎ",
           {"정말 맛있어요!!", "하하 다음에 또 가요 ㅎㅎ"}},
          {"laughter that describes the verb after it",
           "아이가 밤새 엉엉 울었다 ㅠㅠ",
           {"아이가 밤새 엉엉 울었다 ㅠㅠ"}},
          {"pause after a connective or particle goes on",
           "비가 와서... 우산을 챙겼는데 표정이... 좀 어두웠어요 ㅎㅎ",
           {"비가 와서... 우산을 챙겼는데 표정이... 좀 어두웠어요 ㅎㅎ"}},
          {"pause after a final ending ends",
           "다 먹었어요... 배불러요 ㅎㅎ",
           {"다 먹었어요...", "배불러요 ㅎㅎ"}},
          {"quotation after a pause, formal text",
           "그는 가게를 둘러보고... \"이거 얼마예요?\" 하고 물었다.",
           {"그는 가게를 둘러보고...", "\"이거 얼마예요?\" 하고 물었다."}},
          {"quotation glued after a period",
           "그 영화를 다시 보게 되었다.'기생충'이라는 제목이었다.",
           {"그 영화를 다시 보게 되었다.", "'기생충'이라는 제목이었다."}},
          {"closing quotation glued to a quotative",
           "\"정말 그렇다면서요?\"라면서 그가 웃었다.",
           {"\"정말 그렇다면서요?\"라면서 그가 웃었다."}},
          {"note glued after a period",
           "이 말은 자주 쓰인다.*예문은 아래에 있다.",
           {"이 말은 자주 쓰인다.", "*예문은 아래에 있다."}},
          {"polite ending glued after a pause",
           "확인이 끝났습니다...하지만 문제가 남았다.",
           {"확인이 끝났습니다...", "하지만 문제가 남았다."}},
          {"quotative after an exclamation",
           "\"잘 가!\" 하곤 떠났다. 그리고 돌아오지 않았다.",
           {"\"잘 가!\" 하곤 떠났다.", "그리고 돌아오지 않았다."}},
          {"chat endings 거야 and 당",
           "그건 내가 할 거야 오늘도 열심히 일했당 내일은 쉬는 날 ㅎㅎ",
           {"그건 내가 할 거야", "오늘도 열심히 일했당", "내일은 쉬는 날 ㅎㅎ"}},
          {"short negative imperative",
           "그러니 나한테 기대지 마 싸우지도 마 혼자 걸어가",
           {"그러니 나한테 기대지 마", "싸우지도 마", "혼자 걸어가"}},
          {"nominal 함 and 됨 after an auxiliary form in notes",
           "냄비가 더 맛나 보이게 함 파김치도 맛있었음 숙제는 끝내야 됨 오늘은 쉬기로 함 ㅎㅎ",
           {"냄비가 더 맛나 보이게 함", "파김치도 맛있었음", "숙제는 끝내야 됨",
            "오늘은 쉬기로 함 ㅎㅎ"}},
          {"plain declarative without a period in formal text",
           "그 일은 이미 끝난 것이다 물론 아쉬움은 남았다. 일이 많았다 보니 늦었다.",
           {"그 일은 이미 끝난 것이다", "물론 아쉬움은 남았다.", "일이 많았다 보니 늦었다."}},
          {"a declarative before a list item",
           "많은 인기를 끈 게임이다 1. 화면 아래 버튼을 누른다.",
           {"많은 인기를 끈 게임이다", "1. 화면 아래 버튼을 누른다."}},
          {"note glued to a sentence in note-taking style",
           "회의는 길었음(점심시간 포함 세 시간) 다들 지쳤음 일찍 퇴근했음 (오후 4시) 집에서 "
           "쉬었음",
           {"회의는 길었음(점심시간 포함 세 시간)", "다들 지쳤음", "일찍 퇴근했음 (오후 4시)",
            "집에서 쉬었음"}},
          {"aside after a sentence end and a space stands alone",
           "그 소식은 널리 알려져 있다 (출처 뉴스) 두 사람은 작년에 만났다.",
           {"그 소식은 널리 알려져 있다", "(출처 뉴스)", "두 사람은 작년에 만났다."}},
          {"aside after a pause that goes on",
           "다른 분들은 다양하게 쓰시던데... (볶음밥, 찌개 등) 저는 라면에 넣어요 ㅎㅎ",
           {"다른 분들은 다양하게 쓰시던데... (볶음밥, 찌개 등) 저는 라면에 넣어요 ㅎㅎ"}},
          {"aside inside a sentence",
           "그 블로그는 반면에 (자세한 설명은 없었습니다) 결과만 보여 주었습니다.",
           {"그 블로그는 반면에 (자세한 설명은 없었습니다) 결과만 보여 주었습니다."}},
          {"source glued to a closed quotation",
           "그는 \"끝까지 가야 한다.\"(3장 2절) 이어서 다른 이야기가 나온다.",
           {"그는 \"끝까지 가야 한다.\"(3장 2절)", "이어서 다른 이야기가 나온다."}},
          {"final syllable left after a citation",
           "연구자들은 그렇게 본다.[4]다 이후의 연구는 달랐다.",
           {"연구자들은 그렇게 본다.[4]다", "이후의 연구는 달랐다."}},
          {"a word glued after a citation starts the next sentence",
           "연구자들은 그렇게 본다.[4]그러나 이후의 연구는 달랐다.",
           {"연구자들은 그렇게 본다.[4]", "그러나 이후의 연구는 달랐다."}},
          {"dialogue turns",
           "동수:\"그러면 가자.\" 민지:\"...\" 동수:\"나 먼저 갈께\" 민지:\"응\"",
           {"동수:\"그러면 가자.\"", "민지:\"...\"", "동수:\"나 먼저 갈께\"", "민지:\"응\""}},
          {"dialogue turn after a pause",
           "그때 착각해서... 지우 : 응, 괜찮아. 다음엔 조심해.",
           {"그때 착각해서...", "지우 : 응, 괜찮아.", "다음엔 조심해."}},
          {"curly and straight quotes mixed",
           "그는 \u2018앱 스토어'에서 샀다. 그 뒤 '옥\u2019이라는 글자를 새겼다.",
           {"그는 \u2018앱 스토어'에서 샀다.", "그 뒤 '옥\u2019이라는 글자를 새겼다."}},
          {"a word spelt out for emphasis",
           "저희는 전. 부. 다. 요!!! 하곤 웃었어요.",
           {"저희는 전. 부. 다. 요!!! 하곤 웃었어요."}},
          {"two one-syllable sentences",
           "응. 왜? 그냥 불러 봤어.",
           {"응.", "왜?", "그냥 불러 봤어."}},
      },
      Language::kKorean);
}

TEST_CASE("a stray quotation mark does not hide a whole story", "[segment]") {
  std::string story = "\u201c";
  for (int i = 0; i < 40; ++i) story += "정부는 오늘 새 계획을 발표했다. ";
  story += "끝\u201d이라고 말했다.";
  const std::vector<std::string> s = sentences(story, Language::kKorean);
  CHECK(s.size() == 41);
  // a real quotation of a few sentences still hides its sentence ends
  CHECK(sentences("그는 \u201c좋다. 가자.\u201d라고 말했다.", Language::kKorean).size() == 1);
}

TEST_CASE("lines without final punctuation stand alone; wrapped prose is joined", "[segment]") {
  check_table(
      {
          {"headline lines",
           "美 핵전력 제공에 韓 참여 명문화\n합의문보다 공동성명 등 형식 가능성",
           {"美 핵전력 제공에 韓 참여 명문화", "합의문보다 공동성명 등 형식 가능성"}},
          {"connective at a line end stays a headline",
           "핵우산 의사결정 과정에 한국 참여하면\n북핵 위협에 능동적 대응 가능",
           {"핵우산 의사결정 과정에 한국 참여하면", "북핵 위협에 능동적 대응 가능"}},
          {"web furniture",
           "- Advertisement -\nRelated Posts",
           {"- Advertisement -", "Related Posts"}},
      },
      Language::kKorean);
  check_table(
      {
          {"headline lines",
           "When Korea participates in the process\nActive response becomes possible",
           {"When Korea participates in the process", "Active response becomes possible"}},
          {"wrapped prose",
           "It is known that South Korea and the\nUnited States are preparing a text.",
           {"It is known that South Korea and the United States are preparing a text."}},
          {"lower-case continuation",
           "The plan is to\ninstitutionalize it. Then more.",
           {"The plan is to institutionalize it.", "Then more."}},
          {"paragraphs", "One.\n\nTwo", {"One.", "Two"}},
      },
      Language::kEnglish);
}

TEST_CASE("segments know their paragraph and line; offsets are bytes into the text", "[segment]") {
  const SegmentedText s = split(
      make_document("t.txt", "\xEF\xBB\xBF첫 줄이다. 둘째다.\n\n셋째\n넷째"), {Language::kKorean});
  REQUIRE(s.size() == 4);
  CHECK(s.raw(0) == "첫 줄이다.");
  CHECK(s.segments[0].span.begin == 3);
  CHECK(s.segments[1].paragraph == 0);
  CHECK(s.segments[2].paragraph == 1);
  CHECK(s.segments[2].line == 3);
  CHECK(s.segments[3].line == 4);

  const std::string para = "A b. C d.";
  const std::vector<Span> spans = split_paragraph(para, 100, Language::kEnglish);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0] == Span{100, 104});
  CHECK(spans[1] == Span{105, 109});
}

TEST_CASE("lines_are_segments keeps every non-blank line as one segment", "[segment]") {
  const SegmentedText s =
      split(make_document("t.txt", "One. Two.\n  \nThree\n"), {Language::kEnglish, true});
  REQUIRE(s.size() == 2);
  CHECK(s.display(0) == "One. Two.");
  CHECK(s.display(1) == "Three");
}

TEST_CASE("odd input never loses text", "[segment]") {
  const std::vector<std::string> odd = {
      "",
      "   \n\t\n  ",
      ".",
      "?!?!",
      "\u201c",
      "\u201d\u201d\u201d unmatched. Quotes.",
      "((((((((( 열린 괄호. 닫히지 않음",
      ")))] 닫는 괄호만. 있다",
      "\"\"\"''' . . . …… ~~ ^^ ㅋㅋ",
      "1. 2. 3. a) b) • • ⁃",
      "U.S.A.U.S.A. e.g. i.e. p. No.",
      std::string(5000, '.'),
      std::string(3000, '(') + "x. Y.",
      "😊😊😊 . 😊 ㅋ.ㅋ",
  };
  for (const auto& text : odd) {
    INFO(text.substr(0, 60));
    check_coverage(text, Language::kKorean);
    check_coverage(text, Language::kEnglish);
  }
}

TEST_CASE("random input never loses text", "[segment]") {
  const std::vector<std::string> pieces = {
      "한국은", "했다",   "요",     ".",     "?",      "!",      "…",   " ",   "  ",   "\n",
      "\n\n",   "\u201c", "\u201d", "\"",    "'",      "(",      ")",   "[1]", "U.S.", "Mr.",
      "a",      "B",      "1",      "2017.", "ㅋㅋ",   "😊",      "~",   "^^",  ",",    "\u2022",
      "\u00a0", "\r\n",   "<",      ">",     "\u2018", "\u2019", "다.", "임",
  };
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 80);
  for (int round = 0; round < 400; ++round) {
    std::string text;
    for (int k = length(rng); k > 0; --k) text += pieces[pick(rng)];
    INFO(text);
    check_coverage(text, round % 2 ? Language::kEnglish : Language::kKorean);
  }
}

TEST_CASE("a very long line is split in bounded windows without losing text", "[segment]") {
  std::string text;
  for (int i = 0; text.size() < (std::size_t{3} << 20); ++i)
    text += i % 7 ? "단어와 words " : "끝났다. ";
  text += std::string(std::size_t{2} << 20, 'x');  // 2 MB without a space or a sentence end
  check_coverage(text, Language::kKorean);
  check_coverage(text, Language::kEnglish);
}
