// The check framework: registry, options, ordering, flags per bead, findings TSV/JSON, settings.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "app/check_job.hpp"
#include "app/formats.hpp"
#include "app/io.hpp"
#include "check_test_support.hpp"
#include "checks/boilerplate.hpp"
#include "checks/shared_view.hpp"
#include "kealign/analysis.hpp"
#include "kealign/error.hpp"
#include "test_support.hpp"

using kealign::CheckOptions;
using kealign::Finding;
using kealign::Link;
using kealign::Severity;
using kealign::test::make_pair;

TEST_CASE("registry: every check once, with the documented ids", "[check][framework]") {
  std::set<std::string> ids;
  for (const auto& c : kealign::all_checks()) {
    CHECK(ids.insert(std::string(c->id())).second);
    CHECK_FALSE(c->description().empty());
    CHECK(kealign::find_check(c->id()) == c.get());
  }
  for (const char* id :
       {"quote-balance", "bracket-balance", "garbled-sentence", "duplication", "omission",
        "addition", "boilerplate", "length-ratio", "truncation", "untranslated-text"})
    CHECK(ids.count(id) == 1);
  CHECK(kealign::find_check("no-such-check") == nullptr);
  CHECK(kealign::severity_name(Severity::kMajor) == "major");
  CHECK(kealign::severity_name(Severity::kMinor) == "minor");
  CHECK(kealign::severity_name(Severity::kInfo) == "info");
}

TEST_CASE("options: unknown checks and parameters are usage errors", "[check][framework]") {
  CheckOptions o;
  o.params["length-ratio.max-z"] = 5;
  CHECK_NOTHROW(kealign::validate_check_options(o));
  CHECK(o.param("length-ratio", "max-z", 4) == 5);
  CHECK(o.param("length-ratio", "min-units", 12) == 12);
  o.params["length-ratio.nonsense"] = 1;
  CHECK_THROWS_AS(kealign::validate_check_options(o), kealign::UsageError);
  CheckOptions bad_id;
  bad_id.params["nonsense.max-z"] = 1;
  CHECK_THROWS_AS(kealign::validate_check_options(bad_id), kealign::UsageError);
  CheckOptions no_dot;
  no_dot.params["max-z"] = 1;
  CHECK_THROWS_AS(kealign::validate_check_options(no_dot), kealign::UsageError);
  CheckOptions disabled;
  disabled.disabled = {"nonsense"};
  CHECK_THROWS_AS(kealign::validate_check_options(disabled), kealign::UsageError);
  const auto p = make_pair({"가"}, {"a"});
  CHECK_THROWS_AS(p.run_all(disabled), kealign::UsageError);
  // Every declared parameter is accepted.
  for (const auto& c : kealign::all_checks())
    for (const auto& param : c->parameters()) {
      CheckOptions one;
      one.params[std::string(c->id()) + "." + std::string(param.name)] = param.fallback;
      CHECK_NOTHROW(kealign::validate_check_options(one));
    }
}

TEST_CASE("run_checks: sorted by link then report order; disabled checks do not run",
          "[check][framework]") {
  const auto p = make_pair({"그는 “준비됐다”고 말했다.", "정부 소식통은 말했다.", "다음 문장이다."},
                           {"He said, “We are ready.", "Open the the file."},
                           {Link{{0}, {0}}, Link{{1}, {}}, Link{{2}, {1}}});
  // Only the structural checks, so the expectation does not depend on the lexical ones.
  CheckOptions structural;
  for (const char* lexical : {"number-mismatch", "latin-token-mismatch", "name-consistency",
                              "term-consistency", "untranslated-term"})
    if (kealign::find_check(lexical)) structural.disabled.insert(lexical);
  const auto all = p.run_all(structural);
  std::vector<std::string> order;
  for (const Finding& f : all) order.push_back(f.check);
  const std::vector<std::string> expected = {"quote-balance", "omission", "duplication"};
  CHECK(order == expected);
  CheckOptions off = structural;
  off.disabled.insert({"omission", "duplication"});
  const auto some = p.run_all(off);
  REQUIRE(some.size() == 1);
  CHECK(some[0].check == "quote-balance");

  const auto flags = kealign::flags_per_bead(p.alignment, all);
  CHECK(flags == std::vector<std::string>{"quote-balance", "omission", "duplication"});
  // A document-wide finding flags every link it names; ids are joined in report order.
  Finding wide;
  wide.check = "duplication";
  wide.en_ids = {0, 1};
  auto with_wide = all;
  with_wide.push_back(wide);
  CHECK(kealign::flags_per_bead(p.alignment, with_wide) ==
        std::vector<std::string>{"quote-balance,duplication", "omission", "duplication"});
}

TEST_CASE("findings TSV and JSON", "[check][framework]") {
  const auto p = make_pair({"정부 소식통은 말했다.", "그는 떠났다."}, {"He left."},
                           {Link{{0}, {}}, Link{{1}, {0}}});
  auto f = p.run_all();
  REQUIRE(f.size() == 1);
  f[0].message += "\twith a tab";
  const std::string tsv = kealign::format_findings_tsv(f);
  CHECK(tsv == "ko_ids\ten_ids\tcheck\tseverity\tmessage\n0\t\tomission\tmajor\t" +
                   kealign::escape_tsv(f[0].message) + "\n");
  const auto json =
      nlohmann::json::parse(kealign::format_findings_json(f, p.ko.document, p.en.document));
  REQUIRE(json.size() == 1);
  CHECK(json[0]["check"] == "omission");
  CHECK(json[0]["severity"] == "major");
  CHECK(json[0]["ko_ids"] == nlohmann::json::array({0}));
  CHECK(json[0]["en_ids"].empty());
  CHECK(json[0]["ko_spans"][0]["text"] == "정부 소식통은 말했다.");
  CHECK(json[0]["ko_spans"][0]["begin"] == 0);
}

TEST_CASE("check settings parse check-id.param=value", "[check][framework]") {
  CheckOptions o;
  kealign::apply_check_setting("length-ratio.max-z=5.5", o);
  CHECK(o.params.at("length-ratio.max-z") == 5.5);
  kealign::apply_check_setting(" truncation.min-words = 6 ", o);
  CHECK(o.params.at("truncation.min-words") == 6);
  for (const char* bad : {"length-ratio.max-z", "length-ratio.max-z=", "length-ratio.max-z=abc",
                          "length-ratio.max-z=5x", "length-ratio.max-z=nan"})
    CHECK_THROWS_AS(kealign::apply_check_setting(bad, o), kealign::UsageError);
  kealign::CheckJob job;
  job.settings = {"length-ratio.bogus=1"};
  CHECK_THROWS_AS(kealign::analysis_options(job), kealign::UsageError);
  job.settings = {};
  job.disable = {"omission,addition", "boilerplate"};
  CHECK(kealign::analysis_options(job).checks.disabled ==
        std::set<std::string>{"omission", "addition", "boilerplate"});
  job.format = "xml";  // refused before the (missing) inputs are read
  job.ko = "/nonexistent/ko.txt";
  job.en = "/nonexistent/en.txt";
  CHECK_THROWS_AS(kealign::run_check_job(job), kealign::UsageError);
  job.format = "json";
  CHECK_THROWS_AS(kealign::run_check_job(job), kealign::IoError);
  const std::string list = kealign::describe_checks();
  CHECK(list.find("length-ratio.max-z=4") != std::string::npos);
  CHECK(list.find("quote-balance\t") != std::string::npos);
}

TEST_CASE("checks share what they read of each segment without changing their findings",
          "[check][framework]") {
  // The bundled seed article, aligned: every check through one context (sharing the words,
  // numbers and damaged spans read once) finds what it finds through a context of its own.
  kealign::AnalysisOptions options;
  options.presplit = true;
  const std::string seed = kealign::test::source_dir() + "/corpora/seed-article/";
  const kealign::Analysis a = kealign::analyze_files(seed + "ko.sents", seed + "en.sents", options);
  const kealign::AlignResult aligned{a.alignment, a.model, a.relatedness};
  const kealign::CheckContext shared(a.ko, a.en, aligned);
  std::size_t total = 0;
  for (const auto& check : kealign::all_checks()) {
    std::vector<Finding> together, alone;
    check->run(shared, {}, together);
    check->run(kealign::CheckContext(a.ko, a.en, aligned), {}, alone);
    CAPTURE(check->id());
    REQUIRE(together.size() == alone.size());
    for (std::size_t i = 0; i < alone.size(); ++i) {
      CHECK(together[i].message == alone[i].message);
      CHECK(together[i].ko_spans == alone[i].ko_spans);
      CHECK(together[i].en_spans == alone[i].en_spans);
    }
    total += alone.size();
  }
  CHECK(shared.shared != nullptr);
  CHECK(total > 10);  // the seed's errors are found
}

namespace {

// Whether the shared view's answer for one segment is what the reader itself gives.
void same_as_readers(const kealign::qa_detail::SideView& view, std::uint32_t s, bool korean) {
  namespace qa = kealign::qa_detail;
  namespace lang = kealign::lang;
  const std::string_view text = view.text().raw(s);
  const std::size_t base = view.text().segments[s].span.begin;
  CAPTURE(korean, s, text);
  const std::vector<qa::Word> words = qa::english_words(text);
  const std::vector<qa::Word>& shared_words = view.english_words(s);
  REQUIRE(shared_words.size() == words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    CHECK(shared_words[i].begin == words[i].begin);
    CHECK(shared_words[i].end == words[i].end);
    CHECK(shared_words[i].key == words[i].key);
    CHECK(shared_words[i].space_only_after == words[i].space_only_after);
  }
  // Equal keys have equal hashes (what duplication relies on to pass over a segment).
  std::vector<std::uint64_t> hashes;
  view.english_key_hashes(s, hashes);
  REQUIRE(hashes.size() == words.size());
  for (std::size_t i = 0; i < words.size(); ++i)
    for (std::size_t j = i + 1; j < words.size(); ++j)
      if (words[i].key == words[j].key) CHECK(hashes[i] == hashes[j]);
  const std::vector<lang::LatinWord> latin = lang::latin_words(text, base);
  const std::vector<lang::LatinWord>& shared_latin = view.latin_words(s);
  REQUIRE(shared_latin.size() == latin.size());
  for (std::size_t i = 0; i < latin.size(); ++i) {
    CHECK(shared_latin[i].span == latin[i].span);
    CHECK(shared_latin[i].text == latin[i].text);
    CHECK(shared_latin[i].sentence_start == latin[i].sentence_start);
    CHECK(shared_latin[i].after_space_only == latin[i].after_space_only);
  }
  const std::vector<lang::HangulWord> hangul = lang::hangul_words(text, base);
  const std::vector<lang::HangulWord>& shared_hangul = view.hangul_words(s);
  const std::vector<std::vector<std::u32string>>& shared_stems = view.hangul_stems(s);
  REQUIRE(shared_hangul.size() == hangul.size());
  REQUIRE(shared_stems.size() == hangul.size());
  for (std::size_t i = 0; i < hangul.size(); ++i) {
    CHECK(shared_hangul[i].span == hangul[i].span);
    CHECK(shared_hangul[i].syllables == hangul[i].syllables);
    CHECK(shared_stems[i] == lang::hangul_stems(hangul[i].syllables));
  }
  const std::vector<qa::Damaged> damaged = qa::damaged_spans(text, base);
  const std::vector<qa::Damaged>& shared_damaged = view.damaged(s);
  REQUIRE(shared_damaged.size() == damaged.size());
  for (std::size_t i = 0; i < damaged.size(); ++i) {
    CHECK(shared_damaged[i].span == damaged[i].span);
    CHECK(shared_damaged[i].kind == damaged[i].kind);
  }
  const std::vector<lang::NumberMention> numbers =
      korean ? lang::extract_numbers_ko(text, base) : lang::extract_numbers_en(text, base);
  const std::vector<lang::NumberMention>& shared_numbers = view.numbers(s);
  REQUIRE(shared_numbers.size() == numbers.size());
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    CHECK(shared_numbers[i].value == numbers[i].value);
    CHECK(shared_numbers[i].span == numbers[i].span);
    CHECK(shared_numbers[i].kind == numbers[i].kind);
    CHECK(shared_numbers[i].alternative == numbers[i].alternative);
  }
  CHECK(view.boilerplate_kind(s) == qa::boilerplate_kind(text));
}

}  // namespace

TEST_CASE("the shared view keeps a few bytes per word and gives what the readers give",
          "[check][framework]") {
  // The seed article as it comes (raw text, so segments carry document offsets), read forwards
  // (each segment read for the first time) and backwards (made again from what the view keeps,
  // the vectors it handed out long forgotten).
  kealign::AnalysisOptions options;
  const std::string seed = kealign::test::source_dir() + "/corpora/seed-article/";
  const kealign::Analysis a = kealign::analyze_files(seed + "ko.txt", seed + "en.txt", options);
  const kealign::qa_detail::SharedView view(a.ko, a.en);
  for (const auto* side : {&view.ko, &view.en}) {
    const auto n = static_cast<std::uint32_t>(side->text().size());
    REQUIRE(n > kealign::qa_detail::SideView::kRecent * 2);
    for (std::uint32_t s = 0; s < n; ++s) same_as_readers(*side, s, side == &view.ko);
    for (std::uint32_t s = n; s-- > 0;) same_as_readers(*side, s, side == &view.ko);
    // A reference stays valid while fewer than kRecent other segments are read after it, and
    // reading its segment again counts as reading it last.
    constexpr std::uint32_t recent = kealign::qa_detail::SideView::kRecent;
    const std::vector<kealign::qa_detail::Word>& held = side->english_words(0);
    const std::vector<kealign::qa_detail::Word> copy = held;
    for (std::uint32_t s = 1; s < recent; ++s) side->english_words(s);
    CHECK(&side->english_words(0) == &held);
    for (std::uint32_t s = recent; s < 2 * recent - 1; ++s) side->english_words(s);
    REQUIRE(held.size() == copy.size());
    for (std::size_t i = 0; i < copy.size(); ++i) CHECK(held[i].key == copy[i].key);
  }
  // What the view keeps of every segment, against the vectors it hands out (the least they take).
  std::size_t kept = view.ko.kept_bytes() + view.en.kept_bytes(), vectors = 0;
  for (const auto* side : {&view.ko, &view.en})
    for (std::uint32_t s = 0; s < side->text().size(); ++s)
      vectors += side->english_words(s).size() * sizeof(kealign::qa_detail::Word) +
                 side->latin_words(s).size() * sizeof(kealign::lang::LatinWord) +
                 side->hangul_words(s).size() * sizeof(kealign::lang::HangulWord);
  const std::size_t text = a.ko.document.text.size() + a.en.document.text.size();
  CAPTURE(kept, vectors, text);
  CHECK(kept * 4 < vectors);
  CHECK(kept < 3 * text);
}
