// The document model's typed parts: each product's cost model read once by the tariff module (and
// shared between products that share it), the contract's indexation clause read by the indexation
// module, one PriceBasis for both modules.

#include <catch2/catch.hpp>

#include <type_traits>

#include "support.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/tariff/realism.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;

namespace {

std::string model_yaml(const std::string& salary, const std::string& indent) {
    const std::string lines[] = {
        "zorginkoop_cost_model: 1",
        "name: Begeleiding",
        "law: jeugdwet",
        "unit: \"04\"",
        "staff: [{function: Begeleider, monthly_salary: \"" + salary + "\", share: \"1\", holiday_pay: \"0.08\"}]",
        "hours: {annual_hours: \"1878\", productivity: \"0.75\"}",
        "travel: {per_hour: \"1.50\"}",
        "overhead: {rate: \"0.22\", convention: markup}",
        "indexation: {clause: true}",
    };
    std::string s;
    for (const auto& l : lines) s += indent + l + "\n";
    return s;
}

std::string product_yaml(const std::string& name, const std::string& salary) {
    return "      - name: " + name + "\n        unit: \"04\"\n        tariff: \"60.00\"\n        price_basis: floor\n" +
           "        cost_model:\n" + model_yaml(salary, "          ");
}

std::string document_yaml(const std::string& products) {
    return "zorginkoop: 1\nid: models\nlaw: jeugdwet\nterm: {start: 2025-01-01}\nlots:\n  - id: A\n    products:\n" +
           products;
}

const CostModelRef& ref(const Document& d, std::size_t i) { return *d.lots->at(0).products->at(i).cost_model; }

}  // namespace

TEST_CASE("document: each product holds its cost model, read once by the tariff module", "[procurement][document][models]") {
    const Document d = parse_document_yaml(document_yaml(product_yaml("A", "3500.00") + product_yaml("B", "3600.00")), "m.yaml");
    REQUIRE(ref(d, 0).model);
    REQUIRE(ref(d, 1).model);
    CHECK(ref(d, 0).loaded);
    CHECK(ref(d, 0).model->staff.at(0).monthly_salary == Money::parse("3500.00"));
    CHECK(ref(d, 1).model->staff.at(0).monthly_salary == Money::parse("3600.00"));
    CHECK(ref(d, 0).model != ref(d, 1).model);
    CHECK(*ref(d, 0).model == CostModel::parse_yaml(model_yaml("3500.00", "")));
}

TEST_CASE("document: products with identical inline models share one model in memory", "[procurement][document][models]") {
    const Document d = parse_document_yaml(
        document_yaml(product_yaml("A", "3500.00") + product_yaml("B", "3500.00") + product_yaml("C", "3500.01")), "m.yaml");
    REQUIRE(ref(d, 0).model);
    CHECK(ref(d, 0).model == ref(d, 1).model);  // the same object
    CHECK(ref(d, 0).model != ref(d, 2).model);
    CHECK(ref(d, 0).model.use_count() >= 2);
}

TEST_CASE("document: products naming the same model file share one model", "[procurement][document][models]") {
    const std::string yaml =
        "zorginkoop: 1\nid: files\nlaw: jeugdwet\nlots:\n  - id: A\n    products:\n"
        "      - {name: A, cost_model: ../models/begeleiding-individueel.yaml}\n"
        "      - {name: B, cost_model: ../models/begeleiding-individueel.yaml}\n"
        "      - {name: C, cost_model: ../models/dagbesteding-groep.yaml}\n";
    ReadOptions o;
    o.base_dir = zktest::source_path("examples/cases");
    const Document d = parse_document_yaml(yaml, "files.yaml", o);
    REQUIRE(ref(d, 0).model);
    CHECK(ref(d, 0).model == ref(d, 1).model);
    CHECK(ref(d, 0).model != ref(d, 2).model);
    CHECK(ref(d, 0).path == "../models/begeleiding-individueel.yaml");
    CHECK(*ref(d, 0).model == CostModel::load(zktest::source_path("examples/models/begeleiding-individueel.yaml")));
    // not loaded: the paths only
    o.load_cost_models = false;
    const Document paths = parse_document_yaml(yaml, "files.yaml", o);
    CHECK_FALSE(ref(paths, 0).model);
    CHECK_FALSE(ref(paths, 0).loaded);
    CHECK(paths.to_node() == d.to_node());  // written as the paths in both cases
}

TEST_CASE("document: an inline cost model is written back and reads back equal", "[procurement][document][models]") {
    const Document d = parse_document_yaml(document_yaml(product_yaml("A", "3500.00")), "m.yaml");
    const io::Node n = d.to_node();
    const io::Node* model = n.find("lots")->items().at(0).find("products")->items().at(0).find("cost_model");
    REQUIRE(model);
    REQUIRE(model->is_mapping());
    CHECK(model->find("staff"));
    CHECK(model->find("travel"));
    const Document again = read_document(n);
    CHECK(again == d);
    CHECK(*ref(again, 0).model == *ref(d, 0).model);
    Document other = again;
    CostModel changed = *ref(again, 0).model;
    changed.staff.at(0).monthly_salary = Money::parse("3500.01");
    other.lots->at(0).products->at(0).cost_model->model = std::make_shared<const CostModel>(changed);
    CHECK(other != d);
}

TEST_CASE("document: a bad inline cost model is a read error naming the document path and line", "[procurement][document][models]") {
    const std::string yaml = document_yaml(product_yaml("A", "-1.00"));
    try {
        (void)parse_document_yaml(yaml, "bad.yaml");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.path().rfind("lots[0].products[0].cost_model.staff[0]", 0) == 0);
        CHECK(e.line() > 0);
        CHECK(e.where().source == "bad.yaml");
    }
}

TEST_CASE("document: the indexation clause is read by the indexation module", "[procurement][document][clause]") {
    const std::string yaml =
        "zorginkoop: 1\nid: clause\nlaw: jeugdwet\ncontract_clauses:\n  indexation:\n"
        "    components: [{series: OVA, weight: \"0.9\"}, {series: PPC, weight: \"0.1\"}]\n"
        "    catch_up: multiplicative\n    effective: \"01-01\"\n";
    const Document d = parse_document_yaml(yaml, "clause.yaml");
    REQUIRE(d.contract_clauses);
    REQUIRE(d.contract_clauses->indexation);
    const IndexationClause& c = *d.contract_clauses->indexation;
    CHECK(c.catch_up() == CatchUp::multiplicative);
    REQUIRE(c.components().size() == 2);
    CHECK(c.components()[1].series == "PPC");
    CHECK(c.components()[1].where.path == "contract_clauses.indexation.components[1].series");
    CHECK(c == IndexationClause::parse("components: [{series: OVA, weight: \"0.9\"}, {series: PPC, weight: \"0.1\"}]\n"
                                       "catch_up: multiplicative\neffective: \"01-01\"\n"));
    CHECK(d.location("contract_clauses.indexation.catch_up").line == 7);
    CHECK(read_document(d.to_node()) == d);
}

TEST_CASE("document: `indexation: {catch_up: none}` is refused as the clause reader refuses it", "[procurement][document][clause]") {
    // indexation-clause.md: components are required (at least one); so is the document format.
    const std::string yaml = "zorginkoop: 1\nid: none\nlaw: jeugdwet\ncontract_clauses:\n  indexation: {catch_up: none}\n";
    try {
        (void)parse_document_yaml(yaml, "none.yaml");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.path() == "contract_clauses.indexation.components");
        CHECK(e.line() == 5);
    }
    CHECK_THROWS_AS(IndexationClause::parse("catch_up: none\n"), ParseError);
    // what the clause reader refuses, the document refuses too
    CHECK_THROWS_AS(parse_document_yaml("zorginkoop: 1\nid: w\nlaw: jeugdwet\ncontract_clauses:\n  indexation:\n"
                                        "    components: [{series: OVA, weight: \"0.9\"}]\n"),
                    InvalidInput);
    // and the wrapped form of a clause file is not a document field
    CHECK_THROWS_AS(parse_document_yaml("zorginkoop: 1\nid: w\nlaw: jeugdwet\ncontract_clauses:\n  indexation:\n"
                                        "    indexation: {components: [{series: OVA, weight: \"1\"}]}\n"),
                    ParseError);
}

TEST_CASE("one PriceBasis: the document's products and the realism check share the enumeration", "[procurement][document]") {
    STATIC_REQUIRE(std::is_same_v<procurement::PriceBasis, zorginkoop::PriceBasis>);
    CHECK(std::string(name(PriceBasis::substantiated)) == price_basis_name(PriceBasis::substantiated));
    const Document d = parse_document_yaml(document_yaml(product_yaml("A", "3500.00")), "m.yaml");
    const Product& p = d.lots->at(0).products->at(0);
    REQUIRE(p.price_basis);
    const RealismCheck r = check_tariff(*p.tariff, *p.cost_model->model, *p.price_basis);
    CHECK(r.basis == PriceBasis::floor);
}

TEST_CASE("PRICE-006: an Overflow in the model's build-up names the model's field, not the tariff", "[procurement][models][price]") {
    // Before 2024-07-01 PRICE-003 is not in force: PRICE-006 is the first rule to build the model.
    const std::string yaml = "zorginkoop: 1\nid: early\nlaw: jeugdwet\nterm: {start: 2023-01-01}\nlots:\n  - id: A\n"
                             "    products:\n" +
                             product_yaml("A", "100000000000000000000");
    const Document d = parse_document_yaml(yaml, "early.yaml");
    try {
        (void)check(d);
        FAIL("no Overflow");
    } catch (const Overflow& e) {
        CHECK(e.path() == "lots[0].products[0].cost_model.staff[0].monthly_salary");
        CHECK(std::string(e.what()).find("PRICE-006") != std::string::npos);
    }
}
