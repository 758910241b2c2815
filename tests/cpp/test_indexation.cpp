// Indexation (docs/indexation-clause.md): series, clauses, rates, schedules, catch-up, completeness.

#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <tuple>
#include <fstream>
#include <regex>
#include <sstream>

#include "errors.hpp"
#include "support.hpp"
#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/data.hpp"
#include "zorginkoop/indexation/check.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/indexation/render.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/report/messages.hpp"

using namespace zorginkoop;
using namespace zorginkoop::literals;

namespace {

const char* vng_clause_yaml = R"(components:
  - {series: OVA, weight: "0.9"}
  - {series: PPC, weight: "0.1"}
catch_up: multiplicative
first_contract_year_catch_up: false
rate_rounding: {scale: 2, mode: half_up, at: parts}
tariff_rounding: {scale: 2, mode: half_up}
effective: "01-01"
)";

IndexationClause vng() { return IndexationClause::parse(vng_clause_yaml, "vng.yaml"); }

/// The VNG clause with one top-level key replaced (or added) by `line`, e.g. "catch_up: additive".
IndexationClause vng_with(const std::string& key, const std::string& line) {
    std::istringstream in(vng_clause_yaml);
    std::string out, l;
    bool replaced = false;
    bool skipping = false;
    while (std::getline(in, l)) {
        if (skipping && l.rfind("  ", 0) == 0) continue;
        skipping = false;
        if (l.rfind(key + ":", 0) == 0) {
            if (!line.empty()) out += line + "\n";
            replaced = true;
            skipping = true;
            continue;
        }
        out += l + "\n";
    }
    if (!replaced && !line.empty()) out += line + "\n";
    return IndexationClause::parse(out);
}

IndexFigure fig(int year, IndexStatus status, const char* percent) {
    IndexFigure f;
    f.year = year;
    f.status = status;
    f.percent = Decimal::parse(percent);
    f.source = "test figure";
    return f;
}

constexpr IndexStatus P = IndexStatus::provisional;
constexpr IndexStatus D = IndexStatus::definitive;

using zktest::error_of;

}  // namespace

// --------------------------------------------------------------------------- worked example §2

TEST_CASE("worked example of docs/indexation-clause.md: VNG 2024, parts", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    const RateDerivation r = vng().rate(2024, s);
    CHECK(r.rate_percent == "6.30"_dec);
    CHECK(r.rate_percent.to_string(2) == "6.30");
    CHECK(r.weighted_provisional_percent == "4.70"_dec);
    CHECK(r.catch_up_percent == "1.60"_dec);
    CHECK(r.rate() == "0.063"_rate);
    CHECK(r.unrounded_weighted_provisional_percent == "4.697"_dec);
    CHECK(r.unrounded_catch_up_percent.round_to_scale(4, RoundingMode::half_up) == "1.5970"_dec);
    REQUIRE(r.components.size() == 2);
    CHECK(r.components[0].series == "OVA");
    CHECK(r.components[0].catch_up_factor_minus_one_percent->round_to_scale(4, RoundingMode::half_up) == "1.5467"_dec);
    CHECK(r.components[1].catch_up_factor_minus_one_percent->round_to_scale(4, RoundingMode::half_up) == "2.0502"_dec);
    CHECK(r.catch_up_applied);
    CHECK(r.effective == make_date(2024, 1, 1));

    // every figure used, with status and source
    REQUIRE(r.figures.size() == 6);
    std::map<std::tuple<std::string, int, IndexStatus>, Decimal> used;
    for (const UsedFigure& f : r.figures) {
        used[{f.series, f.year, f.status}] = f.percent;
        CHECK_FALSE(f.source.empty());
    }
    CHECK(used == std::map<std::tuple<std::string, int, IndexStatus>, Decimal>{
                      {{"OVA", 2024, P}, "4.94"_dec},
                      {{"PPC", 2024, P}, "2.51"_dec},
                      {{"OVA", 2023, P}, "4.74"_dec},
                      {{"OVA", 2023, D}, "6.36"_dec},
                      {{"PPC", 2023, P}, "4.87"_dec},
                      {{"PPC", 2023, D}, "7.02"_dec},
                  });
}

TEST_CASE("worked example: total gives 6.29, none keeps full precision", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    const auto total = vng_with("rate_rounding", "rate_rounding: {scale: 2, mode: half_up, at: total}");
    CHECK(total.rate(2024, s).rate_percent == "6.29"_dec);
    const auto none = vng_with("rate_rounding", "");
    const RateDerivation r = none.rate(2024, s);
    CHECK(r.rounding.at == RateRoundingAt::none);
    CHECK(r.rate_percent.round_to_scale(4, RoundingMode::half_up) == "6.2940"_dec);
    CHECK(r.rate_percent == r.unrounded_rate_percent);
    CHECK(r.rate_percent.fraction_digits() > 4);
}

TEST_CASE("worked example: EUR 60.23 in 2023 becomes EUR 64.02 in 2024", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    CHECK(vng().index("60.23"_eur, 2023, 2024, s) == "64.02"_eur);
    const auto total = vng_with("rate_rounding", "rate_rounding: {scale: 2, mode: half_up, at: total}");
    CHECK(total.index("60.23"_eur, 2023, 2024, s) == "64.02"_eur);
    const Schedule sch = vng().schedule("60.23"_eur, 2023, 2024, s);
    REQUIRE(sch.rows.size() == 1);
    CHECK(sch.rows[0].unrounded_tariff == "64.02449"_eur);
    CHECK(sch.rows[0].tariff == "64.02"_eur);
}

TEST_CASE("schedule over several years, yearly and cumulative", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    // The 2024 clause (multiplicative, parts) carried on to 2025 is a variant, not the VNG advice
    // for 2025 (4.96 %, additive: see "VNG 2025" below).
    // 2025: Wp 0.9 x 4.18 + 0.1 x 1.82 = 3.944 -> 3.94; C over 2024 0.9666 % -> 0.97; rate 4.91.
    const Schedule yearly = vng().schedule("60.23"_eur, 2023, 2025, s);
    REQUIRE(yearly.rows.size() == 2);
    CHECK(yearly.rows[1].rate.rate_percent == "4.91"_dec);
    CHECK(yearly.rows[1].tariff == "67.16"_eur);  // 64.02 x 1.0491 = 67.163382
    CHECK(yearly.tariff(2023) == "60.23"_eur);
    CHECK(yearly.tariff(2024) == "64.02"_eur);
    CHECK_THROWS_AS(yearly.tariff(2026), InvalidInput);
    const auto cumulative = vng_with("tariff_rounding", "tariff_rounding: {scale: 2, mode: half_up, chain: cumulative}");
    const Schedule cum = cumulative.schedule("60.23"_eur, 2023, 2025, s);
    CHECK(cum.rows[1].cumulative_factor == "1.1151933"_dec);
    CHECK(cum.rows[1].tariff == "67.17"_eur);  // 60.23 x 1.063 x 1.0491 = 67.1680924...
    CHECK(vng().schedule("60.23"_eur, 2023, 2023, s).rows.empty());
    CHECK(vng().index("60.23"_eur, 2023, 2023, s) == "60.23"_eur);
    CHECK_THROWS_AS(vng().schedule("60.23"_eur, 2024, 2023, s), InvalidInput);
    CHECK_THROWS_AS(vng().schedule("-1.00"_eur, 2023, 2024, s), InvalidInput);
}

TEST_CASE("additive and no catch-up", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    // (0.9 x 6.36 + 0.1 x 7.02) - (0.9 x 4.74 + 0.1 x 4.87) = 6.426 - 4.753 = 1.673 -> 1.67
    const RateDerivation a = vng_with("catch_up", "catch_up: additive").rate(2024, s);
    CHECK(a.unrounded_catch_up_percent == "1.673"_dec);
    CHECK(a.catch_up_percent == "1.67"_dec);
    CHECK(a.rate_percent == "6.37"_dec);
    const RateDerivation n = vng_with("catch_up", "catch_up: none").rate(2024, s);
    CHECK(n.catch_up_percent == Decimal(0));
    CHECK(n.rate_percent == "4.70"_dec);
    CHECK_FALSE(n.catch_up_applied);
    CHECK(n.catch_up_skipped == "none");
    for (const UsedFigure& f : n.figures) CHECK(f.year == 2024);
    // an absent catch_up means none
    CHECK(vng_with("catch_up", "").rate(2024, s).rate_percent == "4.70"_dec);
}

TEST_CASE("no catch-up over the first contract year", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    const RateDerivation first = vng().rate(2024, s, 2023);
    CHECK(first.rate_percent == "4.70"_dec);
    CHECK(first.catch_up_skipped == "first_contract_year");
    CHECK(first.figures.size() == 2);
    CHECK(vng().rate(2024, s, 2022).rate_percent == "6.30"_dec);
    CHECK(vng().rate(2024, s).rate_percent == "6.30"_dec);  // no first contract year given: no effect
    const auto with = vng_with("first_contract_year_catch_up", "first_contract_year_catch_up: true");
    CHECK(with.rate(2024, s, 2023).rate_percent == "6.30"_dec);
    const Schedule sch = vng().schedule("60.23"_eur, 2023, 2025, s, 2023);
    CHECK(sch.rows[0].rate.rate_percent == "4.70"_dec);
    CHECK(sch.rows[1].rate.rate_percent == "4.91"_dec);
}

TEST_CASE("a figure that is not published is MissingData naming series, year and status", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    const auto e = error_of<MissingData>([&] { (void)vng().rate(2026, s); });
    CHECK(e.series() == "OVA");
    CHECK(e.year() == 2026);
    CHECK(e.status() == "provisional");
    CHECK(e.code() == ErrorCode::missing_data);

    // with provisional 2026 figures the definitive 2025 one is missing
    std::vector<IndexFigure> ova = s.at("OVA").figures(), ppc = s.at("PPC").figures();
    ova.push_back(fig(2026, P, "3"));
    ppc.push_back(fig(2026, P, "2"));
    const IndexSeriesSet more = s.with({IndexSeries("OVA", "OVA", ova), IndexSeries("PPC", "PPC", ppc)});
    const auto e2 = error_of<MissingData>([&] { (void)vng().rate(2026, more); });
    CHECK(e2.series() == "OVA");
    CHECK(e2.year() == 2025);
    CHECK(e2.status() == "definitive");
    // without catch-up the definitive 2025 figure is not needed: 0.9 x 3 + 0.1 x 2 = 2.90
    CHECK(vng_with("catch_up", "catch_up: none").rate(2026, more).rate_percent == "2.90"_dec);
}

// --------------------------------------------------------------------------- clause reader

TEST_CASE("invalid clauses are typed errors with the path", "[indexation]") {
    struct Case {
        const char* yaml;
        ErrorCode code;
        const char* path;
    };
    const Case cases[] = {
        {"components: [{series: OVA, weight: '0.9'}, {series: PPC, weight: '0.2'}]", ErrorCode::invalid_input, "components"},
        {"components: [{series: OVA, weight: '1.1'}, {series: PPC, weight: '-0.1'}]", ErrorCode::invalid_input,
         "components[1].weight"},
        {"components: []", ErrorCode::invalid_input, "components"},
        {"catch_up: none", ErrorCode::parse_error, "components"},
        {"components: [{series: OVA, weight: '1'}]\ncatch_up: geometric", ErrorCode::parse_error, "catch_up"},
        {"components: [{series: OVA, weight: '1'}]\nrate_rounding: {at: sum}", ErrorCode::parse_error, "rate_rounding.at"},
        {"components: [{series: OVA, weight: '1'}]\nrate_rounding: {scale: 2, decimals: 2}", ErrorCode::parse_error,
         "rate_rounding.decimals"},
        {"components: [{series: OVA, weight: '1'}]\ntariff_rounding: {chain: monthly}", ErrorCode::parse_error,
         "tariff_rounding.chain"},
        {"components: [{series: OVA, weight: '1'}]\ntariff_rounding: {scale: -1}", ErrorCode::invalid_input,
         "tariff_rounding.scale"},
        {"components: [{series: OVA, weight: '1'}]\nweights: 90/10", ErrorCode::parse_error, "weights"},
        {"components: [{series: OVA, weight: '1'}]\neffective: '02-29'", ErrorCode::parse_error, "effective"},
        {"components: [{series: OVA, weight: '1'}]\neffective: '1-1'", ErrorCode::parse_error, "effective"},
        {"components: [{series: OVA, weight: 'one'}]", ErrorCode::parse_error, "components[0].weight"},
        {"components: [{series: OVA, weight: '0.5'}, {series: OVA, weight: '0.5'}]", ErrorCode::invalid_input,
         "components[1].series"},
        {"indexation:\n  components: [{series: OVA, weight: '0.5'}]", ErrorCode::invalid_input, "indexation.components"},
    };
    for (const Case& c : cases) {
        INFO(c.yaml);
        const auto e = error_of<Error>([&] { (void)IndexationClause::parse(c.yaml, "clause.yaml"); });
        CHECK(e.code() == c.code);
        CHECK(e.path() == c.path);
        CHECK(e.line() > 0);
        CHECK(e.where().source == "clause.yaml");
    }
}

TEST_CASE("an unknown series is an InvalidInput at the component", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    const auto c = IndexationClause::parse("components:\n  - {series: OVA, weight: '0.5'}\n  - {series: CBS, weight: '0.5'}\n",
                                           "c.yaml");
    for (auto f : std::vector<std::function<void()>>{[&] { c.validate(s); }, [&] { (void)c.rate(2024, s); },
                                                      [&] { (void)c.schedule("1"_eur, 2023, 2024, s); },
                                                      [&] { (void)c.catch_up_amount("1"_eur, 2024, s); }}) {
        const auto e = error_of<InvalidInput>(f);
        CHECK(e.path() == "components[1].series");
        CHECK(e.line() == 3);
        CHECK(e.message().find("CBS") != std::string::npos);
    }
    // once the user adds a series with that id, it is known
    const IndexSeries cbs("CBS", "test", {fig(2024, P, "6"), fig(2023, P, "5"), fig(2023, D, "5")});
    CHECK_NOTHROW(c.validate(s.with(cbs)));
    CHECK(c.rate(2024, s.with(cbs)).rate_percent == "5.47"_dec);  // 0.5 x 4.94 + 0.5 x 6
}

TEST_CASE("clause defaults, round trip and the indexation wrapper", "[indexation]") {
    const auto minimal = IndexationClause::parse("components: [{series: OVA, weight: '1'}]");
    CHECK(minimal.catch_up() == CatchUp::none);
    CHECK(minimal.first_contract_year_catch_up());
    CHECK(minimal.rate_rounding().at == RateRoundingAt::none);
    CHECK(minimal.tariff_rounding() == TariffRounding{TariffChain::yearly, 2, RoundingMode::half_up});
    CHECK(minimal.effective() == MonthDay{1, 1});
    CHECK_FALSE(minimal.terms().rate_rounding.has_value());
    // a stated rate_rounding without `at` rounds the total
    const auto stated = IndexationClause::parse("components: [{series: OVA, weight: '1'}]\nrate_rounding: {}");
    CHECK(stated.rate_rounding() == RateRounding{RateRoundingAt::total, 2, RoundingMode::half_up});

    const IndexationClause c = vng();
    const IndexationClause back = IndexationClause::from_node(io::parse_yaml(io::to_yaml(c.to_node())));
    CHECK(back == c);
    CHECK(IndexationClause::from_node(io::parse_yaml(io::to_yaml(minimal.to_node()))) == minimal);
    const auto wrapped = IndexationClause::parse(std::string("indexation:\n") + [] {
        std::string indented;
        std::istringstream in(vng_clause_yaml);
        for (std::string l; std::getline(in, l);) indented += "  " + l + "\n";
        return indented;
    }());
    CHECK(wrapped == c);
    const auto json = IndexationClause::parse(io::to_json(c.to_node()));
    CHECK(json == c);
    CHECK(c.effective().in_year(2024) == make_date(2024, 1, 1));
    CHECK(IndexationClause::parse("components: [{series: OVA, weight: '1'}]\neffective: '07-01'").effective().in_year(2025) ==
          make_date(2025, 7, 1));
}

TEST_CASE("clauses built in code are validated", "[indexation]") {
    IndexationClause::Terms t;
    t.components = {{"OVA", "0.5"_dec, {}}, {"PPC", "0.4"_dec, {}}};
    CHECK(error_of<InvalidInput>([&] { (void)IndexationClause{t}; }).path() == "components");
    t.components = {{"OVA", "1.5"_dec, {}}, {"PPC", "-0.5"_dec, {}}};
    CHECK(error_of<InvalidInput>([&] { (void)IndexationClause{t}; }).path() == "components[1].weight");
    t.components = {{"OVA", "0.75"_dec, {}}, {"PPC", "0.25"_dec, {}}};
    t.rate_rounding = RateRounding{RateRoundingAt::parts, 17, RoundingMode::half_up};
    CHECK(error_of<InvalidInput>([&] { (void)IndexationClause{t}; }).path() == "rate_rounding.scale");
    t.rate_rounding = RateRounding{RateRoundingAt::parts, 2, RoundingMode::half_up};
    const IndexationClause c(t);
    // 0.75 x 4.94 + 0.25 x 2.51 = 3.705 + 0.6275 = 4.3325 -> 4.33
    CHECK(c.rate(2024, IndexSeriesSet::bundled()).rate_percent == "4.33"_dec);
}

// --------------------------------------------------------------------------- series

TEST_CASE("bundled series: OVA and PPC with every figure sourced", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    CHECK(s.ids() == std::vector<std::string>{"OVA", "PPC"});
    std::size_t n = 0;
    for (const IndexSeries& series : s.series()) {
        CHECK_FALSE(series.name().empty());
        CHECK_FALSE(series.source_note().empty());
        for (const IndexFigure& f : series.figures()) {
            INFO(series.id() << " " << f.year << " " << index_status_name(f.status));
            CHECK(f.source.find_first_not_of(' ') != std::string::npos);
            ++n;
        }
    }
    CHECK(n > 50);
    // the research figures of §6.1-6.2 that the worked examples and the issue rely on
    CHECK(s.at("OVA").figure(2024, D).percent == "6.00"_dec);
    CHECK(s.at("OVA").figure(2025, P).percent == "4.18"_dec);
    CHECK(s.at("PPC").figure(2010, D).percent == "-0.31"_dec);
    CHECK(s.at("PPC").figure(2025, P).percent == "1.82"_dec);
    // the PPC 2023 conflict is recorded in the note
    const IndexFigure& ppc23 = s.at("PPC").figure(2023, D);
    CHECK(ppc23.percent == "7.02"_dec);
    CHECK(ppc23.note.find("9.99") != std::string::npos);
    CHECK(ppc23.note.find("NZa") != std::string::npos);
    // figures that the research marks unconfirmed are absent, never zero
    CHECK(s.at("OVA").find(2025, D) == nullptr);
    CHECK(s.at("OVA").find(2015, P) == nullptr);
    CHECK(s.at("PPC").find(2026, P) == nullptr);
    CHECK(s.at("OVA").figure(2022, P).published == make_date(2021, 11, 19));
}

TEST_CASE("series reader: strict, round trip, user series add and replace", "[indexation]") {
    const std::string text = R"(zorginkoop_index_series: 1
id: TEST
name: A test series
values:
  - {year: 2024, status: definitive, percent: "3.1", source: "x", published: "2025-03-01", note: "n"}
  - {year: 2024, status: provisional, percent: 2.5, source: "y"}
)";
    const IndexSeries t = IndexSeries::parse(text, "t.yaml");
    CHECK(t.id() == "TEST");
    REQUIRE(t.figures().size() == 2);
    CHECK(t.figures()[0].status == P);  // kept in order: provisional before definitive
    CHECK(t.figure(2024, P).percent == "2.5"_dec);
    CHECK(t.figure(2024, D).published == make_date(2025, 3, 1));
    CHECK(IndexSeries::from_node(io::parse_yaml(io::to_yaml(t.to_node()))) == t);
    CHECK(IndexSeries::parse(io::to_json(t.to_node())) == t);
    const auto m = error_of<MissingData>([&] { (void)t.figure(2023, D); });
    CHECK((m.series() == "TEST" && m.year() == 2023 && m.status() == "definitive"));

    const IndexSeriesSet b = IndexSeriesSet::bundled();
    const IndexSeriesSet added = b.with(t);
    CHECK(added.ids() == std::vector<std::string>{"OVA", "PPC", "TEST"});
    const IndexSeries ppc("PPC", "replacement", {fig(2024, P, "9.5")});
    const IndexSeriesSet replaced = b.with(ppc);
    CHECK(replaced.size() == 2);
    CHECK(replaced.at("PPC").figures().size() == 1);
    CHECK(b.at("PPC").figures().size() > 1);  // the original set is unchanged
    CHECK_THROWS_AS(IndexSeriesSet({t, t}), InvalidInput);
    CHECK_THROWS_AS(b.at("CPI"), InvalidInput);
    CHECK_THROWS_AS(IndexSeries("X", "", {fig(2024, P, "1"), fig(2024, P, "2")}), InvalidInput);
    IndexFigure unsourced = fig(2024, P, "1");
    unsourced.source = "";
    CHECK_THROWS_AS(IndexSeries("X", "", {unsourced}), InvalidInput);
}

TEST_CASE("fixtures: bad clauses and series give their typed errors with paths", "[indexation]") {
    const std::regex expect_re("# expect: (\\w+) (\\w+) (\\S+)(?: (\\d+))?");
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(zktest::source_path("tests/fixtures/indexation"))) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("bad_", 0) != 0) continue;
        ++n;
        std::ifstream in(entry.path());
        std::string head;
        std::getline(in, head);
        std::smatch m;
        INFO(name);
        REQUIRE(std::regex_match(head, m, expect_re));
        const std::string file = entry.path().string();
        const auto e = error_of<Error>([&] {
            if (m[1] == "clause")
                (void)IndexationClause::from_node(io::Reader(io::read_file(file), "", file), IndexSeriesSet::bundled());
            else
                (void)IndexSeries::load(file);
        });
        CHECK(e.code_name() == m[2].str());
        CHECK(e.path() == m[3].str());
        if (m[4].matched) CHECK(e.line() == std::stoul(m[4].str()));
        CHECK(e.where().source == file);
    }
    CHECK(n >= 20);
}

// --------------------------------------------------------------------------- catch-up as money, budgets

TEST_CASE("the catch-up as money for a turnover", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    const CatchUpSettlement c = vng().catch_up_amount("100000.00"_eur, 2024, s);
    CHECK(c.over_year == 2023);
    CHECK(c.catch_up_percent == "1.60"_dec);
    CHECK(c.amount == "1600.00"_eur);
    CHECK(c.figures.size() == 4);  // only the figures of 2023
    CHECK(vng_with("catch_up", "catch_up: additive").catch_up_amount("100000"_eur, 2024, s).amount == "1670.00"_eur);
    // at: none settles the unrounded percentage: 100000 x 1.5970340648712094 % = 1597.03...
    CHECK(vng_with("rate_rounding", "").catch_up_amount("100000"_eur, 2024, s).amount == "1597.03"_eur);
    const CatchUpSettlement first = vng().catch_up_amount("100000"_eur, 2024, s, 2023);
    CHECK_FALSE(first.applied);
    CHECK(first.amount == "0"_eur);
    // over 2024 (settled in 2025): only 2024 figures are needed, even without 2025 ones
    const CatchUpSettlement c25 = vng().catch_up_amount("1000.00"_eur, 2025, s);
    CHECK(c25.catch_up_percent == "0.97"_dec);
    CHECK(c25.amount == "9.70"_eur);
    CHECK_THROWS_AS(vng().catch_up_amount("-1"_eur, 2024, s), InvalidInput);
    const auto m = error_of<MissingData>([&] { (void)vng().catch_up_amount("1"_eur, 2026, s); });
    CHECK((m.series() == "OVA" && m.year() == 2025 && m.status() == "definitive"));
}

TEST_CASE("budgets of the task variant are indexed with the same clause", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    CHECK(vng().index_budget("1000000.00"_eur, 2023, 2024, s) == "1063000.00"_eur);
    // whole euros: 1234567.89 x 1.063 = 1312345.66707 -> 1312346
    CHECK(vng().index_budget("1234567.89"_eur, 2023, 2024, s, RoundingPolicy(RoundingMode::half_up, 0)) ==
          "1312346"_eur);
    CHECK(vng().index_budget("1234567.89"_eur, 2023, 2024, s) == "1312345.67"_eur);
    CHECK_THROWS_AS(vng().index_budget("1"_eur, 2023, 2024, s, RoundingPolicy(RoundingMode::half_up, 2, "0.60"_dec)),
                    InvalidInput);
}

// --------------------------------------------------------------------------- properties (deterministic)

TEST_CASE("properties: zero index, equal series, chaining, catch-up kinds", "[indexation]") {
    const char* percents[] = {"-3.25", "0", "0.01", "1.5", "2.49", "4.74", "6.36", "9.99", "12.5"};
    const char* tariffs[] = {"0.01", "1.00", "60.23", "99.99", "1234.56"};
    for (const char* at : {"parts", "total", "none"}) {
        for (const char* kind : {"multiplicative", "additive", "none"}) {
            const auto clause = IndexationClause::parse(std::string("components: [{series: A, weight: '0.3'}, {series: B, weight: '0.7'}]\n") +
                                                        "catch_up: " + kind + "\nrate_rounding: {scale: 2, at: " + at + "}\n");
            // a zero index leaves tariffs unchanged
            std::vector<IndexFigure> zeros;
            for (int y = 2020; y <= 2025; ++y) {
                zeros.push_back(fig(y, P, "0"));
                zeros.push_back(fig(y, D, "0.00"));
            }
            const IndexSeriesSet z({IndexSeries("A", "", zeros), IndexSeries("B", "", zeros)});
            for (const char* t : tariffs) {
                const Schedule sch = clause.schedule(Money::parse(t), 2020, 2025, z);
                for (const ScheduleRow& r : sch.rows) CHECK(r.tariff == Money::parse(t));
            }
            for (const char* p : percents) {
                for (const char* d : percents) {
                    INFO(at << " " << kind << " " << p << " " << d);
                    std::vector<IndexFigure> f{fig(2023, P, p), fig(2023, D, d), fig(2024, P, d)};
                    const IndexSeriesSet equal({IndexSeries("A", "", f), IndexSeries("B", "", f)});
                    const auto single = IndexationClause::parse(std::string("components: [{series: A, weight: '1'}]\ncatch_up: ") +
                                                                kind + "\nrate_rounding: {scale: 2, at: " + at + "}\n");
                    const RateDerivation both = clause.rate(2024, equal), one = single.rate(2024, equal);
                    // equal series with weights summing to 1 give that series' rate
                    if (std::string(at) == "none" && std::string(kind) == "multiplicative")
                        CHECK((both.rate_percent - one.rate_percent).abs() <= "0.0000000000000001"_dec);
                    else
                        CHECK(both.rate_percent == one.rate_percent);
                    // additive and multiplicative agree when provisional equals definitive
                    std::vector<IndexFigure> same{fig(2023, P, p), fig(2023, D, p), fig(2024, P, d)};
                    const IndexSeriesSet ss({IndexSeries("A", "", same), IndexSeries("B", "", f)});
                    const std::vector<IndexFigure> f2{fig(2023, P, d), fig(2023, D, d), fig(2024, P, p)};
                    const IndexSeriesSet ss2({IndexSeries("A", "", same), IndexSeries("B", "", f2)});
                    const auto mult = IndexationClause::parse(std::string("components: [{series: A, weight: '0.3'}, {series: B, weight: '0.7'}]\n") +
                                                              "catch_up: multiplicative\nrate_rounding: {scale: 2, at: " + at + "}\n");
                    const auto add = IndexationClause::parse(std::string("components: [{series: A, weight: '0.3'}, {series: B, weight: '0.7'}]\n") +
                                                             "catch_up: additive\nrate_rounding: {scale: 2, at: " + at + "}\n");
                    CHECK(mult.rate(2024, ss2).rate_percent == add.rate(2024, ss2).rate_percent);
                    CHECK(mult.rate(2024, ss2).catch_up_percent == Decimal(0));
                }
            }
        }
    }
    // yearly chaining without rounding equals the product of the factors
    std::vector<IndexFigure> f;
    const char* rates[] = {"4.74", "6.36", "-0.31", "9.25"};
    for (int i = 0; i < 4; ++i) f.push_back(fig(2021 + i, P, rates[i]));
    const IndexSeriesSet one({IndexSeries("A", "", f)});
    const auto yearly = IndexationClause::parse("components: [{series: A, weight: '1'}]\ntariff_rounding: {scale: 16}");
    const auto cumulative =
        IndexationClause::parse("components: [{series: A, weight: '1'}]\ntariff_rounding: {scale: 16, chain: cumulative}");
    const Schedule y = yearly.schedule("60.23"_eur, 2020, 2023, one), c = cumulative.schedule("60.23"_eur, 2020, 2023, one);
    // 60.23 x 1.0474 x 1.0636 x 0.9969 = 66.88868... (exact: 2 + 4 + 4 + 4 = 14 decimals)
    const Decimal product = "60.23"_dec * "1.0474"_dec * "1.0636"_dec * "0.9969"_dec;
    CHECK(product.fraction_digits() <= 14);
    CHECK(y.final_tariff().amount() == product);
    CHECK(c.final_tariff().amount() == product);
    CHECK(y.rows.back().cumulative_factor == "1.0474"_dec * "1.0636"_dec * "0.9969"_dec);
}

// --------------------------------------------------------------------------- completeness check

TEST_CASE("completeness check for PRICE-008: problems, not exceptions", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    auto codes = [](const std::vector<ClauseProblem>& ps) {
        std::vector<std::string> out;
        for (const auto& p : ps) out.push_back(p.code + (p.series.empty() ? "" : " " + p.series) +
                                               (p.year ? " " + std::to_string(p.year) + " " + p.status : ""));
        return out;
    };
    CHECK(check_clause(vng(), s, {2024, 2025}).empty());
    CHECK(codes(check_clause(vng(), s, {2024, 2025, 2026})) ==
          std::vector<std::string>{"missing_figure OVA 2026 provisional", "missing_figure OVA 2025 definitive",
                                   "missing_figure PPC 2026 provisional", "missing_figure PPC 2025 definitive"});
    // no catch-up over the first contract year 2025: the definitive 2025 figures are not needed
    CHECK(codes(check_clause(vng(), s, {2026}, 2025)) ==
          std::vector<std::string>{"missing_figure OVA 2026 provisional", "missing_figure PPC 2026 provisional"});

    const io::Node raw = io::parse_yaml(R"(components:
  - {series: OVA, weight: "0.9"}
  - {series: CPI, weight: "0.2"}
  - {series: PPC, weight: "-0.1"}
catch_up: additive
)",
                                        "doc.yaml");
    const auto ps = check_clause(io::Reader(raw, "contract_clauses.indexation", "doc.yaml"), s, {2024});
    CHECK(codes(ps) == std::vector<std::string>{"negative_weight PPC", "unknown_series CPI", "rate_rounding_not_stated",
                                                "tariff_rounding_not_stated"});
    REQUIRE(ps.size() == 4);
    CHECK(ps[0].where.path == "contract_clauses.indexation.components[2].weight");
    CHECK(ps[0].where.line == 4);
    CHECK(ps[1].where.path == "contract_clauses.indexation.components[1].series");
    CHECK(ps[2].where.path == "contract_clauses.indexation.rate_rounding");

    const io::Node sum = io::parse_yaml("components: [{series: OVA, weight: '0.9'}, {series: PPC, weight: '0.2'}]\n"
                                        "rate_rounding: {at: parts}\ntariff_rounding: {}");
    const auto ps2 = check_clause(io::Reader(sum, ""), s, {2024});
    REQUIRE(ps2.size() == 1);
    CHECK(ps2[0].code == "weights_sum");
    CHECK(ps2[0].params == std::vector<std::pair<std::string, std::string>>{{"sum", "1.1"}});

    const io::Node unreadable = io::parse_yaml("components: [{series: OVA, weight: '1'}]\ncatch_up: sometimes");
    const auto ps3 = check_clause(io::Reader(unreadable, ""), s, {2024});
    REQUIRE(ps3.size() == 1);
    CHECK(ps3[0].code == "invalid");
    CHECK(ps3[0].where.path == "catch_up");

    // every problem has its message in both catalogues, with the same placeholders as its params
    for (Lang lang : {Lang::nl, Lang::en}) {
        const MessageCatalogue cat = bundled_messages(lang);
        for (const auto& list : {ps, ps2, ps3, check_clause(vng(), s, {2026})})
            for (const ClauseProblem& p : list) {
                INFO(p.message_key);
                CHECK_NOTHROW(cat.render(p.message_key, p.params));
            }
    }
}

// --------------------------------------------------------------------------- presentation

TEST_CASE("derivation as JSON, text and SVG", "[indexation]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    const RateDerivation r = vng().rate(2024, s);
    const io::Node n = r.to_node();
    REQUIRE(n.find("rate_percent"));
    CHECK(n.find("rate_percent")->text() == "6.30");
    CHECK(n.find("figures")->items().size() == 6);
    const std::string json = io::to_json(n);
    CHECK(json.find("\"rate_percent\": \"6.30\"") != std::string::npos);
    CHECK(json.find("\"year\": 2024") != std::string::npos);

    const std::string en = rate_text(r, Lang::en);
    CHECK(en.find("Rate 2024: 4.70 % + 1.60 % = 6.30 %") != std::string::npos);
    CHECK(en.find("PPC 2023 definitive: 7.02 %") != std::string::npos);
    const std::string nl = rate_text(r, Lang::nl);
    CHECK(nl.find("Indexcijfer 2024: 4.70 % + 1.60 % = 6.30 %") != std::string::npos);
    CHECK(nl.find("definitief") != std::string::npos);

    const Schedule sch = vng().schedule("60.23"_eur, 2023, 2025, s);
    const std::string svg = schedule_svg(sch, "Begeleiding <uur> & meer", Lang::en);
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
    CHECK(svg.find("Begeleiding &lt;uur&gt; &amp; meer") != std::string::npos);
    for (const char* label : {">2023<", ">2024<", ">2025<", ">60.23<", ">64.02<", ">67.16<"})
        CHECK(svg.find(label) != std::string::npos);
    const std::string text = schedule_text(sch, Lang::en);
    CHECK(text.find("EUR 67.16") != std::string::npos);
}

TEST_CASE("effective day MM-DD", "[indexation]") {
    CHECK(MonthDay::parse("01-01") == MonthDay{1, 1});
    CHECK(MonthDay::parse("12-31").to_string() == "12-31");
    for (const char* bad : {"1-01", "00-01", "13-01", "04-31", "02-29", "01/01", "aa-bb", ""})
        CHECK_THROWS_AS(MonthDay::parse(bad), InvalidInput);
}

// ---- VNG 2025 and conflicting figures -------------------------------------------------------

TEST_CASE("VNG 2025 (update of 2 October 2024): 4.96 % from the bundled series, additive catch-up", "[indexation][vng2025]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    const IndexationClause clause = IndexationClause::load(zktest::source_path("examples/indexation/vng-2025.yaml"));
    CHECK(clause.catch_up() == CatchUp::additive);
    const RateDerivation r = clause.rate(2025, s);
    // Wp = 0.9 x 4.18 + 0.1 x 1.82 = 3.944; C = (0.9 x 6.00 + 0.1 x 3.10) - (0.9 x 4.94 + 0.1 x 2.51)
    // = 5.710 - 4.697 = 1.013; 4.957 -> 4.96.
    CHECK(r.unrounded_weighted_provisional_percent == "3.944"_dec);
    CHECK(r.unrounded_catch_up_percent == "1.013"_dec);
    CHECK(r.unrounded_rate_percent == "4.957"_dec);
    CHECK(r.rate_percent == "4.96"_dec);
    CHECK(r.catch_up_method == CatchUp::additive);
    CHECK(r.catch_up_applied);
    CHECK(clause.index("64.02"_eur, 2024, 2025, s) == "67.20"_eur);  // 64.02 x 1.0496 = 67.195392
    // The multiplicative reading (the advice before its update) is kept as a labelled variant.
    const IndexationClause variant =
        IndexationClause::load(zktest::source_path("examples/indexation/vng-2025-multiplicative-variant.yaml"));
    CHECK(variant.rate(2025, s).rate_percent == "4.91"_dec);
}

TEST_CASE("conflicting figures are flagged in the series and in every derivation that uses them", "[indexation][conflicting]") {
    const IndexSeriesSet s = IndexSeriesSet::bundled();
    const IndexFigure& ova2021 = s.at("OVA").figure(2021, IndexStatus::provisional);
    CHECK(ova2021.percent == "3.24"_dec);
    CHECK(ova2021.conflicting);
    CHECK(ova2021.note.find("1.5 %") != std::string::npos);
    CHECK(s.at("PPC").figure(2023, IndexStatus::definitive).conflicting);
    CHECK_FALSE(s.at("OVA").figure(2022, IndexStatus::provisional).conflicting);
    CHECK_FALSE(s.at("OVA").figure(2021, IndexStatus::definitive).conflicting);

    // The catch-up over 2021 (rate of 2022) uses OVA 2021 provisional (an OVA-only clause: PPC
    // 2021 provisional is not in the bundled data).
    const IndexationClause ova_only = IndexationClause::parse(
        "components: [{series: OVA, weight: \"1\"}]\ncatch_up: multiplicative\nrate_rounding: {at: total}\n", "ova.yaml");
    const RateDerivation r2022 = ova_only.rate(2022, s);
    CHECK(r2022.uses_conflicting_figures());
    bool found = false;
    for (const UsedFigure& f : r2022.figures)
        if (f.series == "OVA" && f.year == 2021 && f.status == IndexStatus::provisional) found = f.conflicting;
    CHECK(found);
    const io::Node n = r2022.to_node();
    REQUIRE(n.find("uses_conflicting_figures") != nullptr);
    CHECK(n.find("uses_conflicting_figures")->text() == "true");
    CHECK(io::to_json(n).find("\"conflicting\": true") != std::string::npos);
    CHECK(rate_text(r2022, Lang::en).find("conflicting: the sources disagree on this figure") != std::string::npos);
    CHECK(rate_text(r2022, Lang::nl).find("tegenstrijdig") != std::string::npos);
    CHECK(rate_text(vng().rate(2025, s), Lang::en).find("conflicting") == std::string::npos);
    // Without a catch-up the 2021 figure is not used: nothing conflicting.
    CHECK_FALSE(IndexationClause::parse("components: [{series: OVA, weight: \"1\"}]\n", "none.yaml")
                    .rate(2022, s)
                    .uses_conflicting_figures());
    // The rate of 2025 rests on no conflicting figure.
    const RateDerivation r2025 = vng().rate(2025, s);
    CHECK_FALSE(r2025.uses_conflicting_figures());
    CHECK(r2025.to_node().find("uses_conflicting_figures")->text() == "false");
    // The catch-up settled as money says so too (PPC 2023 definitive).
    CHECK(vng().catch_up_amount("1000.00"_eur, 2024, s).uses_conflicting_figures());
}

TEST_CASE("the conflicting key of a series: read, written back, typed errors", "[indexation][conflicting]") {
    const char* text = R"(zorginkoop_index_series: 1
id: X
values:
  - {year: 2021, status: provisional, percent: "3.24", source: "a", conflicting: true}
  - {year: 2021, status: definitive, percent: "2.01", source: "b"}
)";
    const IndexSeries x = IndexSeries::parse(text, "x.yaml");
    CHECK(x.figure(2021, IndexStatus::provisional).conflicting);
    CHECK_FALSE(x.figure(2021, IndexStatus::definitive).conflicting);
    const std::string yaml = io::to_yaml(x.to_node());
    CHECK(yaml.find("conflicting: true") != std::string::npos);
    CHECK(IndexSeries::parse(yaml, "again.yaml") == x);
    CHECK(IndexSeries::parse(io::to_json(x.to_node()), "again.json") == x);
    IndexSeries flipped("X", "", {x.figures()[0]});
    IndexFigure f = x.figures()[0];
    f.conflicting = false;
    CHECK(IndexSeries("X", "", {f}) != flipped);  // the flag is part of a figure's identity
    const std::string bad = std::regex_replace(std::string(text), std::regex("conflicting: true"), "conflicting: \"yes\"");
    const auto e = error_of<ParseError>([&] { (void)IndexSeries::parse(bad, "bad.yaml"); });
    CHECK(e.where().path == "values[0].conflicting");
    CHECK(e.where().line == 4u);
}
