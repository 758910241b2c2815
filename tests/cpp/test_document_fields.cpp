// The field tables of the procurement document: one list of fields drives reading, writing,
// equality and the JSON Schema, and docs/document-format.md documents exactly those fields.

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "support.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/procurement/document.hpp"
#include "zorginkoop/procurement/schema.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;

namespace {

std::string read_source(const std::string& relative) {
    std::ifstream in(zktest::source_path(relative), std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A document that states every field of the format.
const char* const every_field = R"(zorginkoop: 1
id: "every-field"
title: "Every field"
law: jeugdwet
authority:
  name: "Regio"
  municipalities: ["A", "B"]
  regiovisie: "Visie"
procedure:
  kind: sas
  sas_option: 2
  framework_agreement: true
  cpv: ["85311000-2"]
  cross_border_interest: false
  exclusion_grounds: true
  suitability_requirements: true
  self_declaration_required: false
  award_record: true
  standstill_days: null
  lots_motivation: "one lot"
  duration_justification: null
  price_route_accounted_to_council: true
planning:
  started: "2025-01-01"
estimated_value:
  declared: "100.00"
  initial_term_value: "80.00"
  other_options_value: "0.00"
  total_price_stated: true
  monthly_amount: null
term:
  start: "2026-01-01"
  end: "2027-12-31"
  indefinite: false
  extensions:
    - months: 12
      value: "10.00"
lots:
  - id: 1
    title: "Lot"
    provider_category: A
    estimated_value: "50.00"
    max_providers: null
    products:
      - code: "45A01"
        category: "45"
        name: "Begeleiding"
        funding: effort
        funding_form: per_unit
        unit: "04"
        tariff: "60.00"
        declared_per_minute: true
        price_basis: fixed
        cost_model: "models/begeleiding.yaml"
        ceiling: {volume: "100"}
      - code: "45A02"
        ceiling: {budget: "5000"}
publications:
  - kind: contract_notice
    date: "2025-02-01"
    eforms_subtype: 20
    continuous: false
    states_service_type: true
    states_award_without_further_publication: false
    invites_written_interest: true
award:
  date: "2025-06-01"
  contract_concluded: "2025-07-01"
  basis: best_price_quality
  criteria:
    - name: "Kwaliteit"
      kind: quality
      weight: "60"
      order: 1
  continuity_considered: true
  bundled_quarterly: false
contract_clauses:
  staff_takeover_consultation: true
  subcontracting_real_price: true
  tariff_differentiation: false
  indexation:
    components:
      - series: OVA
        weight: "1"
open_house:
  announced_publicly: true
  identical_conditions: true
  max_providers: 10
  ranking: false
  client_chooses_provider: true
  entry:
    during_term: true
    moments_per_year: 4
continuity:
  bridging_agreements: true
modifications:
  - date: "2027-01-01"
    value: "5.00"
    changes_overall_nature: false
    route: "2.163b"
expect:
  fires: ["SAS-003"]
  silent: ["SAS-001"]
  no_errors: false
)";

Document read_every_field() {
    ReadOptions options;
    options.load_cost_models = false;
    return parse_document_yaml(every_field, "every-field.yaml", options);
}

/// The keys of a tree as paths (`a.b`, lists as `[]`), not looking inside cost models and
/// indexation clauses (formats of their own).
void tree_paths(const io::Node& n, const std::string& path, std::set<std::string>& out) {
    if (n.is_sequence()) {
        for (const auto& i : n.items()) tree_paths(i, path + "[]", out);
    } else if (n.is_mapping()) {
        for (const auto& m : n.members()) {
            const std::string p = path.empty() ? m.key : path + "." + m.key;
            out.insert(p);
            if (m.key != "indexation" && m.key != "cost_model") tree_paths(m.value, p, out);
        }
    }
}

}  // namespace

TEST_CASE("the checked-in JSON Schema is the one generated from the field tables", "[procurement][schema]") {
    const std::string generated = document_schema_json();
    CHECK(generated == read_source("data/schema/zorginkoop-document.schema.json"));
    // What a schema generated from the tables must say.
    const io::Node schema = io::parse_json(generated);
    const io::Node& defs = *schema.find("$defs");
    const io::Node& lot = *defs.find("lot");
    CHECK(lot.find("additionalProperties")->text() == "false");
    REQUIRE(lot.find("required") != nullptr);
    CHECK(lot.find("required")->items().at(0).text() == "id");
    const io::Node& months = *defs.find("extension")->find("properties")->find("months");
    CHECK(months.find("minimum")->text() == "1");
    CHECK(months.find("maximum")->text() == "1200");
    const io::Node& route = *defs.find("modification")->find("properties")->find("route");
    CHECK(route.find("anyOf")->items().at(0).find("enum")->items().at(0).text() == "2.163b");
    CHECK(defs.find("cost_model") != nullptr);
    CHECK(defs.find("indexation_clause") != nullptr);
    CHECK(defs.find("open_house")->find("properties")->find("entry")->find("additionalProperties")->text() == "false");
}

TEST_CASE("the field paths of the tables: every key once, nested structs included", "[procurement][schema]") {
    const auto paths = document_field_paths();
    const std::set<std::string> unique(paths.begin(), paths.end());
    CHECK(unique.size() == paths.size());
    CHECK(paths.front() == "zorginkoop");
    for (const char* p : {"id", "law", "lots[].id", "lots[].products[].tariff", "lots[].products[].unit",
                          "lots[].products[].ceiling.budget", "open_house.entry.moments_per_year",
                          "term.extensions[].months", "expect.no_errors", "contract_clauses.indexation"}) {
        INFO(p);
        CHECK(unique.count(p) == 1);
    }
    CHECK(unique.count("contract_clauses.indexation.components") == 0);
}

TEST_CASE("document-format.md documents every field of the tables and no other", "[procurement][schema][docs]") {
    const std::string page = read_source("docs/document-format.md");
    // A field is documented by a heading (### `lots[].id`) or a list item (- `open_house.entry.during_term` ...).
    std::set<std::string> documented;
    const std::regex heading(R"(^#+ `([^`]+)`[ \t]*$)");
    const std::regex item(R"(^- `([a-z_]+(\.[a-z_]+|\[\])+)`.*$)");
    std::istringstream lines(page);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (std::regex_match(line, m, heading) || std::regex_match(line, m, item)) documented.insert(m[1].str());
    }
    // The keys inside an indexation clause and a cost model belong to those formats (their own
    // readers); the page may describe them.
    for (auto it = documented.begin(); it != documented.end();)
        if (it->rfind("contract_clauses.indexation.", 0) == 0 || it->rfind("lots[].products[].cost_model.", 0) == 0)
            it = documented.erase(it);
        else
            ++it;
    CHECK(documented.count("open_house.entry.during_term") == 1);
    const auto paths = document_field_paths();
    const std::set<std::string> table(paths.begin(), paths.end());
    std::vector<std::string> undocumented, unknown;
    std::set_difference(table.begin(), table.end(), documented.begin(), documented.end(), std::back_inserter(undocumented));
    std::set_difference(documented.begin(), documented.end(), table.begin(), table.end(), std::back_inserter(unknown));
    CHECK(undocumented == std::vector<std::string>{});
    CHECK(unknown == std::vector<std::string>{});
}

TEST_CASE("a document stating every field writes every field of the tables and reads back equal",
          "[procurement][document]") {
    const Document doc = read_every_field();
    const io::Node tree = doc.to_node();
    std::set<std::string> written;
    tree_paths(tree, "", written);
    const auto paths = document_field_paths();
    const std::set<std::string> table(paths.begin(), paths.end());
    CHECK(written == table);
    ReadOptions options;
    options.load_cost_models = false;
    const Document back = read_document(tree, "back", options);
    CHECK(back == doc);
    CHECK(io::to_yaml(back.to_node()) == io::to_yaml(tree));
}

TEST_CASE("equality compares every field of the tables", "[procurement][document]") {
    const Document doc = read_every_field();
    REQUIRE(doc == read_every_field());
    auto changed = [&](auto&& change) {
        Document d = read_every_field();
        change(d);
        return d != doc;
    };
    CHECK(changed([](Document& d) { d.format_version = 2; }));
    CHECK(changed([](Document& d) { d.lots->at(0).id_is_number = false; }));
    CHECK(changed([](Document& d) { d.lots->at(0).products->at(0).unit_text = "uur"; }));
    CHECK(changed([](Document& d) { d.lots->at(0).products->at(0).unit.reset(); }));
    CHECK(changed([](Document& d) { d.lots->at(0).products->at(1).ceiling->value().kind = CeilingKind::volume; }));
    CHECK(changed([](Document& d) { d.lots->at(0).products->at(0).cost_model->path = "other.yaml"; }));
    CHECK(changed([](Document& d) { d.procedure->standstill_days.reset(); }));  // null against absent
    CHECK(changed([](Document& d) { d.term->extensions->at(0).months = 6; }));
    CHECK(changed([](Document& d) { d.award->criteria->at(0).weight = Decimal(61); }));
    CHECK(changed([](Document& d) { d.open_house->entry->moments_per_year = 5; }));
    CHECK(changed([](Document& d) { d.modifications->at(0).route = std::optional<ModificationRoute>{}; }));
    CHECK(changed([](Document& d) { d.contract_clauses->indexation.reset(); }));
    CHECK(changed([](Document& d) { d.expect->silent->push_back("SAS-002"); }));
    // Where the document came from is not part of it.
    CHECK_FALSE(changed([](Document& d) {
        d.source = "elsewhere";
        d.marks.clear();
    }));
}

TEST_CASE("the table's readers keep their messages, paths and cross-field checks", "[procurement][document][bad]") {
    auto error_of = [](const std::string& yaml) -> std::string {
        try {
            parse_document_yaml(yaml, "t.yaml");
        } catch (const Error& e) {
            return e.what();
        }
        return "<no error>";
    };
    const std::string head = "zorginkoop: 1\nid: x\nlaw: jeugdwet\n";
    CHECK_THAT(error_of(head + "term: {start: '2026-01-01', end: '2025-01-01'}\n"),
               Catch::Contains("the term ends (2025-01-01) before it starts (2026-01-01)") && Catch::Contains("term.end"));
    CHECK_THAT(error_of(head + "lots: [{id: a}, {id: a}]\n"),
               Catch::Contains("lot id 'a' is used twice") && Catch::Contains("lots[1]"));
    CHECK_THAT(error_of(head + "lots: [{id: a, products: [{unit: '04', colour: red}]}]\n"),
               Catch::Contains("unknown key 'colour' in a product") && Catch::Contains("lots[0].products[0].colour"));
    CHECK_THAT(error_of(head + "term: {extensions: [{value: '1.00'}]}\n"),
               Catch::Contains("required key 'months' is missing") && Catch::Contains("term.extensions[0].months"));
    CHECK_THAT(error_of(head + "procedure: {sas_option: 5}\n"),
               Catch::Contains("expected a whole number from 1 to 4, found 5") && Catch::Contains("procedure.sas_option"));
    CHECK_THAT(error_of("zorginkoop: 2\nid: x\nlaw: jeugdwet\n"), Catch::Contains("unsupported format version"));
    CHECK_THAT(error_of("zorginkoop: 1\nid: ''\nlaw: jeugdwet\n"), Catch::Contains("the document id must not be empty"));
}
