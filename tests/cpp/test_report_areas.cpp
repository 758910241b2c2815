// Realism verdicts and indexation clause problems as Findings in a Report: the one report
// serialiser renders all three areas (text nl/en, JSON, SARIF).

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "zorginkoop/indexation/check.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/report/serialise.hpp"
#include "zorginkoop/tariff/serialise.hpp"

using namespace zorginkoop;

namespace {
CostModel example_model() { return CostModel::load(std::string(ZK_SOURCE_DIR) + "/examples/models/begeleiding-individueel.yaml"); }
}  // namespace

TEST_CASE("a realism check as a report", "[report][tariff]") {
    const CostModel m = example_model();
    const RealismCheck below = check_tariff(Money::parse("58.00"), m, PriceBasis::floor);
    const Report r = to_report(m, below);
    REQUIRE(r.findings.size() == 1 + below.out_of_band.size());
    const Finding& f = r.findings.front();
    CHECK(f.rule == tariff_realism_rule);
    CHECK(f.severity == Severity::error);
    CHECK(f.message_key == "tariff.finding.below_cost");
    CHECK(r.has_errors());
    CHECK(f.citations.size() == 1);

    const std::string nl = to_text(r);
    CHECK(nl.find("FOUT         TARIFF-REALISM") != std::string::npos);
    CHECK(nl.find("Tarief 58.00 ligt onder de kostprijs 60.23 (ondergrens); verschil -2.23 (-3.70 %).") != std::string::npos);
    CHECK(nl.find("  wet: Jeugdwet\n  eenheid: 04\n  prijsbasis: ondergrens\n") != std::string::npos);
    const std::string en = to_text(r, RenderOptions{Lang::en, nullptr, nullptr});
    CHECK(en.find("Tariff 58.00 is below the cost price 60.23 (floor); difference -2.23 (-3.70 %).") != std::string::npos);

    const auto j = nlohmann::json::parse(to_json(r));
    CHECK(j["findings"][0]["rule"] == "TARIFF-REALISM");
    CHECK(j["findings"][0]["evidence"]["verdict"] == "below_cost");
    CHECK(j["findings"][0]["evidence"]["cost_price"] == "60.23");
    const auto s = nlohmann::json::parse(to_sarif(r));
    CHECK(s["runs"][0]["results"][0]["ruleId"] == "TARIFF-REALISM");
    CHECK(s["runs"][0]["results"][0]["level"] == "error");

    const Report ok = to_report(m, check_tariff(Money::parse("60.23"), m, PriceBasis::fixed));
    CHECK(ok.findings.front().severity == Severity::info);
    CHECK_FALSE(ok.has_errors());
    CHECK(to_text(ok).find("Tarief 60.23 is reëel tegen de kostprijs 60.23 (vaste prijs)") != std::string::npos);
    // A fixed tariff above the cost price is realistic (information), as PRICE-006 judges it.
    const Report high = to_report(m, check_tariff(Money::parse("70.00"), m, PriceBasis::fixed));
    CHECK(high.findings.front().severity == Severity::info);
    CHECK(high.findings.front().message_key == "tariff.finding.realistic");
    CHECK(to_text(high).find("Tarief 70.00 is reëel tegen de kostprijs 60.23 (vaste prijs); verschil 9.77") != std::string::npos);
}

TEST_CASE("a parameter outside its band is a finding at its path", "[report][tariff]") {
    CostModel m = example_model();
    PlausibilityBands bands;
    bands.id = "test";
    PlausibilityBand overhead;
    overhead.parameter = "overhead_rate";
    overhead.max = Decimal::parse("0.10");
    overhead.source = "test band";
    bands.bands = {overhead};
    const RealismCheck c = check_tariff(Money::parse("60.23"), m, PriceBasis::substantiated, bands);
    REQUIRE_FALSE(c.out_of_band.empty());
    const Report r = to_report(m, c);
    REQUIRE(r.findings.size() == 1 + c.out_of_band.size());
    const Finding& b = r.findings[1];
    CHECK(b.rule == tariff_band_rule);
    CHECK(b.severity == Severity::warning);
    REQUIRE(b.locations.size() == 1);
    CHECK(b.locations[0].path == c.out_of_band[0].path);
    CHECK(to_text(r).find("Parameter overheadpercentage = ") != std::string::npos);
    CHECK(to_text(r).find("(<= 0.1; bevestigd: nee; bron: test band)") != std::string::npos);
    const auto s = nlohmann::json::parse(to_sarif(r));
    CHECK(s["runs"][0]["results"][1]["ruleId"] == "TARIFF-BAND");
    CHECK(s["runs"][0]["results"][1]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == c.out_of_band[0].path);
}

TEST_CASE("indexation clause problems as a report", "[report][indexation]") {
    const io::Node clause = io::parse_yaml(
        "components:\n  - {series: OVA, weight: '0.8'}\n  - {series: PPC, weight: '0.1'}\ncatch_up: multiplicative\n",
        "clause.yaml");
    const auto problems = check_clause(io::Reader(clause, "", "clause.yaml"), IndexSeriesSet::bundled(), {2024});
    REQUIRE(problems.size() >= 2);
    const Report r = to_report(problems, "clause.yaml");
    REQUIRE(r.findings.size() == problems.size());
    CHECK(clause_problem_rule("weights_sum") == "INDEX-WEIGHTS-SUM");
    for (std::size_t i = 0; i < problems.size(); ++i) {
        INFO(problems[i].code);
        CHECK(r.findings[i].rule == clause_problem_rule(problems[i].code));
        CHECK(r.findings[i].message_key == problems[i].message_key);
        CHECK(r.findings[i].locations.at(0).path == problems[i].where.path);
        CHECK(r.findings[i].severity == (problems[i].code.find("rounding_not_stated") != std::string::npos ? Severity::warning
                                                                                                            : Severity::error));
    }
    CHECK(r.findings[0].rule == "INDEX-WEIGHTS-SUM");
    CHECK(r.has_errors());
    const std::string nl = to_text(r);
    CHECK(nl.find("FOUT         INDEX-WEIGHTS-SUM") != std::string::npos);
    CHECK(nl.find("De gewichten tellen op tot 0.9; ze moeten precies 1 zijn.") != std::string::npos);
    CHECK(nl.find("WAARSCHUWING INDEX-RATE-ROUNDING-NOT-STATED") != std::string::npos);
    const auto s = nlohmann::json::parse(to_sarif(r, RenderOptions{Lang::en, nullptr, nullptr}));
    CHECK(s["runs"][0]["results"][0]["ruleId"] == "INDEX-WEIGHTS-SUM");
    CHECK(nlohmann::json::parse(to_json(r))["summary"]["error"] == r.count(Severity::error));
    CHECK(to_report({}).findings.empty());
}
