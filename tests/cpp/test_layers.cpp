// What the layers hand each other as values: a report describes its own rules (the report layer
// knows no rule catalogue), catalogues and registries are built from plain values, and data sets
// come in as parameters.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.hpp"
#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/report/serialise.hpp"
#include "zorginkoop/tariff/build_up.hpp"

using namespace zorginkoop;

TEST_CASE("SARIF describes a rule from the report's own description", "[report][sarif][layers]") {
    Report r;
    Finding f;
    f.rule = "LOCAL-001";
    f.severity = Severity::info;
    f.message_key = std::string(procurement::not_evaluated_key);
    f.params = {{"field", "award.date"}};
    r.findings.push_back(f);
    r.rules.push_back(RuleDescription{"LOCAL-001", "Lokale regel", "Local rule", "A note.", Severity::warning});
    RenderOptions english;
    english.lang = Lang::en;
    const auto d = nlohmann::json::parse(to_sarif(r, english))["runs"][0]["tool"]["driver"]["rules"][0];
    CHECK(d["id"] == "LOCAL-001");
    CHECK(d["shortDescription"]["text"] == "Local rule");
    CHECK(d["fullDescription"]["text"] == "Local rule\n\nA note.");
    CHECK(d["defaultConfiguration"]["level"] == "warning");
    CHECK(d["properties"]["title"]["nl"] == "Lokale regel");
    CHECK(d["properties"]["rule_page"] == "docs/rules/LOCAL-001.md");
    const auto nl = nlohmann::json::parse(to_sarif(r))["runs"][0]["tool"]["driver"]["rules"][0];
    CHECK(nl["shortDescription"]["text"] == "Lokale regel");
}

TEST_CASE("the procurement check describes the rules of its findings", "[procurement][report][layers]") {
    const Report r = procurement::check(
        procurement::load_document(zktest::source_path("examples/cases/rijnmond-2023.zorginkoop.yaml")));
    REQUIRE(!r.findings.empty());
    std::vector<std::string> ids;
    for (const auto& f : r.findings)
        if (std::find(ids.begin(), ids.end(), f.rule) == ids.end()) ids.push_back(f.rule);
    REQUIRE(r.rules.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const procurement::Rule& rule = procurement::find_rule(ids[i]);
        CHECK(r.rules[i].id == ids[i]);
        CHECK(r.rules[i].title_nl == rule.title.nl);
        CHECK(r.rules[i].title_en == rule.title.en);
        CHECK(r.rules[i].note == rule.note);
        CHECK(r.rules[i].severity == rule.severity);
    }
}

TEST_CASE("a message catalogue from plain entries", "[core][messages][layers]") {
    const MessageCatalogue c(Lang::en, {{"b.x", "B {n}"}, {"a", "A"}}, "mine");
    CHECK(c.keys() == std::vector<std::string>{"a", "b.x"});
    CHECK(c.render("b.x", {{"n", "1"}}) == "B 1");
    CHECK_THROWS_AS(MessageCatalogue(Lang::nl, {{"a", "1"}, {"a", "2"}}, "mine"), ParseError);
    const MessageCatalogue read = read_message_catalogue("b:\n  x: B {n}\na: A\n", Lang::en, "mine.yaml");
    CHECK(read.keys() == c.keys());
    CHECK(read.text("b.x") == "B {n}");
}

TEST_CASE("the statutory basis is cited from the registry it is given", "[tariff][law][layers]") {
    CHECK(statutory_basis(Law::jeugdwet, bundled_laws()) == statutory_basis(Law::jeugdwet));
    const LawRegistry none(std::vector<LegalSource>{});
    CHECK_THROWS_AS(statutory_basis(Law::jeugdwet, none), InvalidInput);
}

TEST_CASE("a citation has one field order in JSON", "[report][law][layers]") {
    const LawRegistry& laws = bundled_laws();
    const LegalRef r = laws.cite("BWBR0032203", "2.134", "1");
    const Fields f = citation_fields(r, laws, Lang::en);
    std::vector<std::string> names;
    for (const auto& [name, value] : f) names.push_back(name);
    CHECK(names == std::vector<std::string>{"law_id", "law", "article", "lid", "url", "label"});
    CHECK(f.back().second == laws.label(r, Lang::en));
}
