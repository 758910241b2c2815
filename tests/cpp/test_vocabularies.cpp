// One table of words per vocabulary (core/enum_table.hpp), the clause problems as declared
// findings, and the words of the build-up in the output's language.

#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/indexation/check.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"
#include "zorginkoop/law/law.hpp"
#include "zorginkoop/tariff/cost_model.hpp"
#include "zorginkoop/tariff/serialise.hpp"

using namespace zorginkoop;

namespace {

std::string read_error(const std::string& yaml) {
    try {
        (void)CostModel::from_node(io::parse_yaml(yaml, "m.yaml"), "m.yaml");
    } catch (const Error& e) {
        return e.message();
    }
    return "";
}

const char* const model_yaml =
    "law: jeugdwet\nunit: '04'\nstaff:\n  - {monthly_salary: '3000', share: '1'}\nhours: {annual_hours: '1500', productivity: "
    "'0.8'}\n";

}  // namespace

TEST_CASE("a vocabulary's table names, parses and lists its words", "[vocabulary]") {
    CHECK(std::string(law_name(Law::wmo2015)) == "wmo2015");
    CHECK(parse_law("jeugdwet") == Law::jeugdwet);
    CHECK(law_table.alternatives() == "jeugdwet or wmo2015");
    CHECK(rounding_mode_table.listed() == "half_up, half_even, up, down");
    for (const auto& row : rounding_mode_table.rows) CHECK(parse_rounding_mode(row.second) == row.first);
    CHECK_FALSE(price_basis_table.find("ceiling"));
    CHECK(std::string(overhead_convention_table.name(OverheadConvention::share)) == "share");
}

TEST_CASE("the cost model reads and writes its words through the tables", "[vocabulary][tariff]") {
    // The words and the message come from the tables: a new word would show in both.
    const std::string law = read_error(std::string(model_yaml).replace(5, 8, "jeugd"));
    CHECK(law.find("is not one of: " + law_table.listed()) != std::string::npos);
    const std::string conv = read_error(std::string(model_yaml) + "overhead: {rate: '0.1', convention: half}\n");
    CHECK(conv.find("is not one of: " + overhead_convention_table.listed()) != std::string::npos);
    const CostModel m =
        CostModel::from_node(io::parse_yaml(std::string(model_yaml) + "overhead: {rate: '0.1', convention: share}\n"));
    REQUIRE(m.overhead);
    CHECK(m.overhead->convention == OverheadConvention::share);
    CHECK(m.to_node().find("overhead")->find("convention")->text() == "share");
}

TEST_CASE("clause problems are declared findings with stable ids", "[indexation][findings]") {
    const auto& table = clause_findings();
    REQUIRE(table.size() == 8);
    std::set<std::string> ids, codes;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const ClauseFinding& f = table[i];
        INFO(f.code);
        CHECK(std::string(f.id) == "INDEX-00" + std::to_string(i + 1));
        ids.insert(f.id);
        codes.insert(f.code);
        CHECK(std::string(f.message_key) == std::string("indexation.problem.") + f.code);
        CHECK(bundled_messages(Lang::nl).contains(f.message_key));
        CHECK(bundled_messages(Lang::en).contains(f.message_key));
        CHECK(std::string(f.basis) == "contract convention");
        CHECK(clause_problem_rule(f.code) == f.alias);
    }
    CHECK(ids.size() == table.size());
    CHECK(codes.size() == table.size());
    CHECK(std::string(clause_finding("weights_sum").id) == "INDEX-002");
    CHECK(clause_finding("rate_rounding_not_stated").severity == Severity::warning);
    CHECK_THROWS_AS(clause_finding("colour"), InvalidInput);

    // Every problem the check finds carries its declared id; the report takes the severity from
    // the declaration and keeps the rule id reports have always written.
    const io::Node clause = io::parse_yaml(
        "components:\n  - {series: OVA, weight: '0.8'}\n  - {series: XYZ, weight: '-0.1'}\n  - {series: OVA, weight: '0.3'}\n",
        "clause.yaml");
    const auto problems = check_clause(io::Reader(clause, "", "clause.yaml"), IndexSeriesSet::bundled(), {2024});
    REQUIRE(problems.size() >= 4);
    const Report r = to_report(problems);
    for (std::size_t i = 0; i < problems.size(); ++i) {
        INFO(problems[i].code);
        CHECK(problems[i].rule == clause_finding(problems[i].code).id);
        CHECK(r.findings[i].severity == clause_finding(problems[i].code).severity);
        CHECK(r.findings[i].rule == clause_finding(problems[i].code).alias);
    }
    const io::Node bad = io::parse_yaml("components: []\n", "clause.yaml");
    const auto invalid = check_clause(io::Reader(bad, "", "clause.yaml"), IndexSeriesSet::bundled(), {2024});
    REQUIRE(invalid.size() == 1);
    CHECK(invalid[0].rule == "INDEX-001");
}

TEST_CASE("the build-up's words follow the language", "[tariff][vocabulary]") {
    const CostModel m = CostModel::from_node(io::parse_yaml(
        "law: wmo2015\nunit: '04'\nstaff:\n  - {monthly_salary: '3000', share: '1'}\nhours: {annual_hours: '1500', "
        "productivity: '0.8'}\n"));
    const BuildUp b = build_up(m);
    const std::string en = to_text(m, b, nullptr, Lang::en);
    const std::string nl = to_text(m, b, nullptr, Lang::nl);
    CHECK(en.find("unit 04 (Hour)") != std::string::npos);
    CHECK(nl.find("(Uur)") != std::string::npos);
    CHECK(en.find("b (reasonable overhead)") != std::string::npos);
    CHECK(nl.find("b (redelijke overheadkosten)") != std::string::npos);
    const auto jn = nlohmann::json::parse(to_json(m, b, nullptr));
    const auto je = nlohmann::json::parse(to_json(m, b, nullptr, Lang::en));
    CHECK(jn["statutory_basis"]["label"] != je["statutory_basis"]["label"]);
    CHECK(jn == nlohmann::json::parse(to_json(m, b, nullptr, Lang::nl)));
    // The elements' texts are the catalogues'.
    for (Law law : {Law::jeugdwet, Law::wmo2015})
        for (const StatutoryElement& e : statutory_elements(law)) {
            const std::string key = std::string("tariff.statutory_elements.") + law_name(law) + "." + e.letter;
            CHECK(std::string(e.en) == bundled_messages(Lang::en).text(key));
            CHECK(std::string(e.nl) == bundled_messages(Lang::nl).text(key));
        }
}
