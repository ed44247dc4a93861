// The library's entry points as a user meets them: analyze() on two strings, run_checks() on an
// AlignResult (a context cannot be built without the pair's calibration), and the structured
// evidence findings carry beside their message.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "app/formats.hpp"
#include "check_test_support.hpp"
#include "kealign/analysis.hpp"
#include "kealign/error.hpp"
#include "test_support.hpp"

using kealign::Evidence;
using kealign::Finding;
using kealign::test::make_pair;
using kealign::test::one_link;

namespace {

const char* const kKo =
    "서울에서 한미 정상회담이 열렸다. 양국 정상은 확장억제를 논의했다.\n\n"
    "정부 소식통은 “구체적인 문구는 정상회담 직전까지 조율이 이어질 것”이라고 전했다.\n";
const char* const kEn =
    "A Korea-US summit was held in Seoul. The two leaders discussed extended deterrence.\n\n"
    "A government source said, “The wording will be coordinated until just before the summit.”\n";

std::vector<std::string> messages(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.check + ": " + f.message);
  return out;
}

// The evidence named `name` of a finding, or an empty one.
Evidence evidence(const Finding& f, const std::string& name) {
  for (const Evidence& e : f.evidence)
    if (e.name == name) return e;
  return {};
}

}  // namespace

TEST_CASE("analyze: two strings in memory, the same analysis as the files", "[api]") {
  // String literals are texts, not paths: they resolve to analyze(string_view, string_view).
  const kealign::Analysis a = kealign::analyze(kKo, kEn);
  CHECK(a.ko.size() == 3);
  CHECK(a.en.size() == 3);
  REQUIRE(a.alignment.size() == 3);
  for (const kealign::Bead& b : a.alignment) {
    CHECK(b.ko_size() == 1);
    CHECK(b.en_size() == 1);
  }
  CHECK(a.ko.document.name == "ko");
  const std::string dir = kealign::test::temp_dir();
  kealign::test::write_file(dir + "/ko.txt", kKo);
  kealign::test::write_file(dir + "/en.txt", kEn);
  const kealign::Analysis files = kealign::analyze_files(dir + "/ko.txt", dir + "/en.txt");
  CHECK(messages(files.findings) == messages(a.findings));
  CHECK(files.alignment.size() == a.alignment.size());
  // std::string arguments are texts too.
  const kealign::Analysis strings = kealign::analyze(std::string(kKo), std::string(kEn));
  CHECK(messages(strings.findings) == messages(a.findings));
}

TEST_CASE("analyze: invalid UTF-8 and unknown checks are refused", "[api]") {
  CHECK_THROWS_AS(kealign::analyze("\xff\xfe 잘못된 바이트", "bad bytes"), kealign::InputError);
  kealign::AnalysisOptions options;
  options.checks.disabled = {"no-such-check"};
  CHECK_THROWS_AS(kealign::analyze(kKo, kEn, options), kealign::UsageError);
}

TEST_CASE("a check context needs the whole AlignResult", "[api]") {
  using kealign::Alignment;
  using kealign::AlignResult;
  using kealign::CheckContext;
  using kealign::SegmentedText;
  static_assert(!std::is_constructible_v<CheckContext, const SegmentedText&, const SegmentedText&,
                                         const Alignment&>,
                "a bare alignment would drop the pair's length model and relatedness");
  static_assert(!std::is_constructible_v<CheckContext, const SegmentedText&, const SegmentedText&,
                                         AlignResult&&>,
                "a temporary AlignResult would dangle");
  static_assert(std::is_constructible_v<CheckContext, const SegmentedText&, const SegmentedText&,
                                        const AlignResult&>);
  // The checks see the calibrated model: the same link judged under two models.
  const auto p =
      make_pair({"확장억제는 미국이 핵우산 등 대북 억지력을 한국에 제공하는 것을 뜻한다."},
                {"Extended deterrence means that the United States provides South "
                 "Korea with deterrence against North Korea, such as a nuclear "
                 "umbrella, and much more besides that the Korean does not say."});
  AlignResult calibrated{p.alignment, {}, {}};
  calibrated.model.mean_ratio = 3.0;
  const AlignResult defaults{p.alignment, {}, {}};
  kealign::CheckOptions only_length;
  for (const auto& c : kealign::all_checks())
    if (c->id() != "length-ratio") only_length.disabled.insert(std::string(c->id()));
  CHECK(kealign::run_checks(p.ko, p.en, calibrated, only_length).empty());
  CHECK(kealign::run_checks(p.ko, p.en, defaults, only_length).size() == 1);
}

TEST_CASE("findings carry the values compared as evidence", "[api][check]") {
  SECTION("number-mismatch") {
    const auto f =
        one_link("정부는 3억 달러를 지원한다.", "The government will provide $3 million.")
            .run("number-mismatch");
    REQUIRE(f.size() == 1);
    const Evidence numbers = evidence(f[0], "numbers");
    CHECK(numbers.ko.find("3억") != std::string::npos);
    CHECK(numbers.en == "$3 million");
    CHECK(evidence(f[0], "values").ko == "300,000,000");
    CHECK(evidence(f[0], "values").en == "3,000,000");
  }
  SECTION("quote-balance") {
    const auto f = one_link("그는 “좋다”고 말했다.", "He said “good.").run("quote-balance");
    REQUIRE(f.size() == 1);
    CHECK(evidence(f[0], "double-quotations").ko == "1");
    CHECK(evidence(f[0], "unpaired-double-opening-marks").en == "1");
  }
  SECTION("latin-token-mismatch") {
    const auto f = one_link("삼성SDS(SDS) 발표에서", "in the Samsung announcement")
                       .run("latin-token-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(evidence(f[0], "latin-token").ko == "SDS");
    CHECK(evidence(f[0], "latin-token").en.empty());
  }
  SECTION("name-consistency") {
    const auto f =
        make_pair({"윤석열 대통령과 조 바이든 대통령의 정상회담", "윤석열 대통령도 10일 밝혔다."},
                  {"the summit between President Seok-Yeol Yoon and President Joe Biden",
                   "President Yoon Seok-yeol also announced on the 10th."})
            .run("name-consistency");
    REQUIRE(f.size() == 1);
    std::vector<std::string> variants;
    for (const Evidence& e : f[0].evidence)
      if (e.name == "variant") variants.push_back(e.en);
    std::sort(variants.begin(), variants.end());
    CHECK(variants == std::vector<std::string>{"Seok-Yeol Yoon", "Yoon Seok-yeol"});
  }
  SECTION("length-ratio") {
    const auto f =
        make_pair({"여기서는 페이지의 포매팅을 지정할 수 있습니다. 적용된 용지 서식이나 번호 "
                   "매기기 또는 여백 너비 등을 통해서 여러 기본값을 설정할 수 있습니다."},
                  {"Sets page orientation."})
            .run("length-ratio");
    REQUIRE(f.size() == 1);
    const Evidence units = evidence(f[0], "length-units");
    CHECK(std::stod(units.ko) > 4 * std::stod(units.en));
    CHECK(units.en ==
          std::to_string(static_cast<int>(kealign::length_units("Sets page orientation."))));
    CHECK_FALSE(evidence(f[0], "expected-length-units").en.empty());
  }
  SECTION("omission, and the JSON findings") {
    const auto p = make_pair({"정부 소식통은 말했다.", "그는 떠났다."}, {"He left."},
                             {kealign::Link{{0}, {}}, kealign::Link{{1}, {0}}});
    const auto f = p.run_all();
    REQUIRE(f.size() == 1);
    CHECK(evidence(f[0], "segment").ko == "정부 소식통은 말했다.");
    CHECK(evidence(f[0], "segment").en.empty());
    const auto json =
        nlohmann::json::parse(kealign::format_findings_json(f, p.ko.document, p.en.document));
    REQUIRE(json[0]["evidence"].size() == f[0].evidence.size());
    CHECK(json[0]["evidence"][0]["name"] == "segment");
    CHECK(json[0]["evidence"][0]["ko"] == "정부 소식통은 말했다.");
    CHECK(json[0]["evidence"][0]["en"] == "");
    // The TSV stays five columns.
    const std::string tsv = kealign::format_findings_tsv(f);
    CHECK(std::count(tsv.begin(), tsv.end(), '\t') == 8);
  }
}
