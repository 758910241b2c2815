// The procurement document reader and writer, the check's framework (reference date, deadlines,
// report assembly) and bad documents.

#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rule_findings.hpp"
#include "support.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/report/serialise.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_in(const std::string& relative, const std::string& suffix) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(zktest::source_path(relative))) {
        const std::string p = e.path().string();
        if (p.size() >= suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0) out.push_back(p);
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// The first finding of `rule`, "not evaluated" ones included.
const Finding* first_of(const Report& r, const std::string& rule) {
    for (const auto& f : r.findings)
        if (f.rule == rule) return &f;
    return nullptr;
}

using zktest::evidence;

}  // namespace

TEST_CASE("every example and fixture survives load, save as YAML and JSON, load", "[procurement][document]") {
    auto docs = files_in("examples/cases", ".zorginkoop.yaml");
    for (const auto& f : files_in("tests/fixtures/procurement/rules", ".zorginkoop.yaml")) docs.push_back(f);
    REQUIRE(docs.size() >= 9 + 90);
    for (const auto& path : docs) {
        INFO(path);
        const Document doc = load_document(path);
        const std::string base = fs::path(path).parent_path().string();
        ReadOptions ro;
        ro.base_dir = base;
        const Document from_yaml = parse_document_yaml(io::to_yaml(doc.to_node()), "again.yaml", ro);
        const Document from_json = parse_document_json(io::to_json(doc.to_node()), "again.json", ro);
        CHECK(from_yaml == doc);
        CHECK(from_json == doc);
        CHECK(io::to_json(from_json.to_node()) == io::to_json(from_yaml.to_node()));
    }
}

TEST_CASE("the reader keeps null apart from absent and normalises units", "[procurement][document]") {
    const Document d = parse_document_yaml(
        "zorginkoop: 1\nid: x\nlaw: jeugdwet\nprocedure: {standstill_days: null}\n"
        "open_house: {max_providers: null}\nlots:\n  - id: 7\n    max_providers: 3\n    products:\n"
        "      - {unit: uur, tariff: 60.23, ceiling: null}\n      - {unit: week}\n");
    REQUIRE(d.procedure);
    CHECK(d.procedure->standstill_days.has_value());
    CHECK_FALSE(d.procedure->standstill_days->has_value());
    CHECK_FALSE(d.procedure->lots_motivation.has_value());
    CHECK(d.open_house->max_providers.has_value());
    CHECK_FALSE(d.open_house->max_providers->has_value());
    const Lot& lot = d.lots->at(0);
    CHECK(lot.id == "7");
    CHECK(lot.id_is_number);
    CHECK(**lot.max_providers == 3);
    const Product& p = lot.products->at(0);
    CHECK(p.unit == ijw::Unit::uur);
    CHECK(*p.unit_text == "uur");
    CHECK(p.tariff->to_string() == "60.23");
    CHECK(p.ceiling.has_value());
    CHECK_FALSE(p.ceiling->has_value());
    CHECK_FALSE(lot.products->at(1).unit.has_value());  // kept as written; IJW-003 reports it
    CHECK(d.location("lots[0].products[0].tariff").line == 10);
    CHECK(d.location("lots[0].products[0].nothing").line == 10);  // nearest enclosing field
}

TEST_CASE("bad documents give typed errors with path and line", "[procurement][document][bad]") {
    const auto rows = zktest::read_csv("tests/fixtures/procurement/bad/cases.csv");
    REQUIRE(rows.size() >= 15);
    for (const auto& row : rows) {
        INFO(row[0]);
        try {
            (void)load_document(zktest::source_path("tests/fixtures/procurement/bad/" + row[0]));
            FAIL("no error for " + row[0]);
        } catch (const Error& e) {
            CHECK(std::string(e.code_name()) == row[1]);
            CHECK(e.path() == row[2]);
            if (row[3] != "0") CHECK(e.line() == std::stoul(row[3]));
        }
    }
}

TEST_CASE("hostile documents: deep nesting and a 5 MB file", "[procurement][document][bad]") {
    std::string deep = "zorginkoop: 1\nid: deep\nlaw: jeugdwet\ntitle: ";
    for (int i = 0; i < 100000; ++i) deep += "[";
    CHECK_THROWS_AS(parse_document_yaml(deep), ParseError);
    std::string deep_json = "{\"zorginkoop\": 1, \"id\": \"deep\", \"law\": \"jeugdwet\", \"title\": ";
    for (int i = 0; i < 100000; ++i) deep_json += "[";
    CHECK_THROWS_AS(parse_document_json(deep_json), ParseError);

    std::string big = "zorginkoop: 1\nid: big\nlaw: jeugdwet\nlots:\n";
    std::size_t i = 0;
    while (big.size() < 5u * 1024u * 1024u)
        big += "  - {id: L" + std::to_string(i++) + ", products: [{name: Ambulant, funding: effort, unit: \"04\", tariff: \"60.23\"}]}\n";
    const Document d = parse_document_yaml(big);
    const Report r = check(d);
    CHECK(d.lots->size() == i);
    CHECK(first_of(r, "NVO-003") != nullptr);
    ReadOptions small;
    small.limits.max_bytes = 1024 * 1024;
    CHECK_THROWS_AS(parse_document_yaml(big, "big.yaml", small), ParseError);
}

TEST_CASE("reference date: first start notice, else award, else term start; as_of overrides", "[procurement][check]") {
    Document d = parse_document_yaml(
        "zorginkoop: 1\nid: x\nlaw: jeugdwet\nterm: {start: 2024-01-01}\naward: {date: 2023-05-01}\n"
        "publications:\n  - {kind: award_notice, date: 2023-05-10}\n  - {kind: contract_notice, date: 2022-10-01}\n"
        "  - {kind: prior_information_notice, date: 2022-09-01}\n");
    CHECK(format_date(*derive_context(d).reference_date) == "2022-09-01");
    d.publications.reset();
    CHECK(format_date(*derive_context(d).reference_date) == "2023-05-01");
    d.award.reset();
    CHECK(format_date(*derive_context(d).reference_date) == "2024-01-01");
    CheckOptions o;
    o.as_of = parse_date("2021-01-01");
    CHECK(format_date(*derive_context(d, o).reference_date) == "2021-01-01");
    d.term.reset();
    CHECK_FALSE(derive_context(d).reference_date.has_value());
    // Rules with dates in force are then not evaluated, naming the missing dates.
    const Report r = check(d);
    const Finding* awd = first_of(r, "AWD-001");
    REQUIRE(awd);
    CHECK(awd->message_key == "rule.not_evaluated");
    CHECK(awd->severity == Severity::info);
}

TEST_CASE("SAS-003 deadlines in calendar days, with the quarter rule", "[procurement][check]") {
    const std::string base = zktest::source_path("tests/fixtures/procurement/rules/");
    const Report late = check_file(base + "SAS-003.fires.zorginkoop.yaml");
    const Finding* f = first_of(late, "SAS-003");
    REQUIRE(f);
    CHECK(evidence(*f, "deadline") == "2023-05-31");
    CHECK(evidence(*f, "published") == "2023-06-15");
    CHECK(evidence(*f, "days_late") == "15");
    const Report quarter = check_file(base + "SAS-003.fires-quarter.zorginkoop.yaml");
    f = first_of(quarter, "SAS-003");
    REQUIRE(f);
    CHECK(evidence(*f, "quarter_end") == "2023-06-30");
    CHECK(evidence(*f, "deadline_nominal") == "2023-07-30");  // a Sunday (Algemene termijnenwet art. 1)
    CHECK(evidence(*f, "deadline") == "2023-07-31");
    CHECK(evidence(*f, "days_late") == "1");
}

TEST_CASE("an Open House with a cap is checked as SAS (OH-001)", "[procurement][check]") {
    const Report r = check_file(zktest::source_path("tests/fixtures/procurement/rules/OH-001.fires.zorginkoop.yaml"));
    REQUIRE(first_of(r, "OH-001"));
    CHECK(first_of(r, "OH-001")->severity == Severity::error);
    CHECK(first_of(r, "REG-001"));  // §1-§5 now run
    CHECK(first_of(r, "SAS-009"));
    const Report open = check_file(zktest::source_path("tests/fixtures/procurement/rules/OH-001.silent.zorginkoop.yaml"));
    CHECK_FALSE(first_of(open, "REG-001"));
    CHECK_FALSE(first_of(open, "SAS-001"));
}

TEST_CASE("findings in catalogue order; JSON and SARIF reports", "[procurement][report]") {
    const Report r = check_file(zktest::source_path("examples/cases/rijnmond-2023.zorginkoop.yaml"));
    const auto& cat = rule_catalogue();
    std::size_t last = 0;
    for (const auto& f : r.findings) {
        std::size_t idx = 0;
        while (idx < cat.size() && cat[idx].id != f.rule) ++idx;
        REQUIRE(idx < cat.size());
        CHECK(idx >= last);
        last = idx;
    }
    const auto j = nlohmann::json::parse(to_json(r));
    CHECK(j["ruleset_version"] == std::string(ruleset_version));
    CHECK(j["reference_date"] == "2023-01-01");
    CHECK(j.contains("summary"));
    for (const auto& f : j["findings"]) {
        for (const char* k : {"rule", "severity", "message", "locations", "citations", "evidence"}) CHECK(f.contains(k));
    }
    const auto s = nlohmann::json::parse(to_sarif(r, RenderOptions{Lang::en, nullptr, nullptr}));
    CHECK(s["version"] == "2.1.0");
    CHECK(s["runs"][0]["results"].size() == r.findings.size());
}

TEST_CASE("the check is pure: same document, same report", "[procurement][check]") {
    const Document d = load_document(zktest::source_path("examples/cases/midden-ijssel-oost-veluwe-2026.zorginkoop.yaml"));
    CHECK(to_json(check(d)) == to_json(check(d)));
}

TEST_CASE("SARIF rule descriptors carry the rule's title, note, level and page", "[procurement][report][sarif]") {
    const Report r = check(load_document(zktest::source_path("examples/cases/rijnmond-2023.zorginkoop.yaml")));
    const Rule& fund = find_rule("FUND-001");
    auto descriptor = [](const nlohmann::json& s, const std::string& id) {
        for (const auto& d : s["runs"][0]["tool"]["driver"]["rules"])
            if (d["id"] == id) return d;
        FAIL("no descriptor for " << id);
        return nlohmann::json();
    };
    RenderOptions english;
    english.lang = Lang::en;
    const auto en = nlohmann::json::parse(to_sarif(r, english));
    const auto d = descriptor(en, "FUND-001");
    CHECK(d["shortDescription"]["text"] == fund.title.en);
    const std::string full = d["fullDescription"]["text"];
    CHECK(full.rfind(fund.title.en, 0) == 0);
    CHECK(full.find(fund.note) != std::string::npos);
    CHECK(d["defaultConfiguration"]["level"] == "error");
    CHECK(d["properties"]["rule_page"] == "docs/rules/FUND-001.md");
    CHECK(d["properties"]["title"]["nl"] == fund.title.nl);
    // Without a published location of the pages, helpUri is the first cited text (absolute).
    const auto& cited = first_of(r, "FUND-001")->citations;
    REQUIRE(!cited.empty());
    REQUIRE(!cited[0].url.empty());
    CHECK(d["helpUri"] == cited[0].url);
    CHECK(d["help"]["text"].get<std::string>().find("docs/rules/FUND-001.md") != std::string::npos);

    const auto nl = nlohmann::json::parse(to_sarif(r));
    CHECK(descriptor(nl, "FUND-001")["shortDescription"]["text"] == fund.title.nl);

    SarifOptions published;
    published.rule_docs_uri = "https://example.org/zorginkoop/docs/rules";
    const auto pub = nlohmann::json::parse(to_sarif(r, {}, published));
    CHECK(descriptor(pub, "FUND-001")["helpUri"] == "https://example.org/zorginkoop/docs/rules/FUND-001.md");
    published.rule_docs_uri = "https://example.org/rules/";
    CHECK(descriptor(nlohmann::json::parse(to_sarif(r, {}, published)), "FUND-001")["helpUri"] ==
          "https://example.org/rules/FUND-001.md");
    for (const char* relative : {"docs/rules/", "/docs/rules/", ":x/", "1http://a/"}) {
        published.rule_docs_uri = relative;
        INFO(relative);
        CHECK_THROWS_AS(to_sarif(r, {}, published), InvalidInput);
    }
}

TEST_CASE("SARIF describes a rule outside the catalogue by its id", "[procurement][report][sarif]") {
    Report r;
    Finding f;
    f.rule = "X-001";
    f.severity = Severity::warning;
    f.message_key = std::string(not_evaluated_key);
    f.params = {{"field", "award.date"}};
    r.findings.push_back(f);
    const auto s = nlohmann::json::parse(to_sarif(r));
    const auto& d = s["runs"][0]["tool"]["driver"]["rules"][0];
    CHECK(d["shortDescription"]["text"] == "X-001");
    CHECK_FALSE(d.contains("fullDescription"));
    CHECK_FALSE(d.contains("properties"));
}
