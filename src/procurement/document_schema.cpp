// The JSON Schema of the document format, generated from the field tables (document_fields.hpp).

#include "zorginkoop/procurement/schema.hpp"

#include "document_fields.hpp"
#include "zorginkoop/data.hpp"

namespace zorginkoop::procurement {

namespace fields {

namespace {

void add_all(Defs& defs, const io::Node& from) {
    for (const auto& m : from.members()) defs.add(m.key, m.value);
}

/// The definitions of the cost model format (zorginkoop-cost-model.schema.json): the exact
/// decimals, amounts and fractions, and the cost model itself.
Node cost_model_defs() {
    const Node model = io::parse_json(bundled_file("schema/zorginkoop-cost-model.schema.json"),
                                      "schema/zorginkoop-cost-model.schema.json");
    return *model.find("$defs");
}

bool is_cost_model_def(const std::string& name) { return name == "cost_model" || name.rfind("cm_", 0) == 0; }

}  // namespace

/// `#/$defs/cost_model` is added by document_schema(), after the document's own definitions.
Node CostModelCodec::schema(Defs&) const {
    Node path = schema_type("string");
    path.add("minLength", plain("1"));
    Node any = Node::sequence();
    any.push_back(std::move(path));
    any.push_back(schema_ref("cost_model"));
    Node n = Node::mapping();
    n.add("anyOf", std::move(any));
    return n;
}

Node CeilingCodec::schema(Defs& defs) const {
    Node any = Node::sequence();
    any.push_back(schema_ref("amount"));
    for (const char* key : {"volume", "budget"}) {
        Node properties = Node::mapping();
        properties.add(key, schema_ref("amount"));
        Node required = Node::sequence();
        required.push_back(quoted(key));
        Node one = schema_type("object");
        one.add("additionalProperties", plain("false"));
        one.add("properties", std::move(properties));
        one.add("required", std::move(required));
        any.push_back(std::move(one));
    }
    Node def = Node::mapping();
    def.add("description", quoted("An amount, or a mapping with either volume or budget."));
    def.add("anyOf", std::move(any));
    defs.add("ceiling", std::move(def));
    return schema_ref("ceiling");
}

Node IndexationCodec::schema(Defs& defs) const {
    // The clause's own definitions (zorginkoop-indexation-clause.schema.json): the clause is read
    // by the indexation module, not by a field table.
    const Node clause = io::parse_json(bundled_file("schema/zorginkoop-indexation-clause.schema.json"),
                                       "schema/zorginkoop-indexation-clause.schema.json");
    for (const char* name : {"index_component", "indexation_clause"}) defs.add(name, *clause.find("$defs")->find(name));
    return schema_ref("indexation_clause");
}

}  // namespace fields

io::Node document_schema() {
    using fields::quoted;
    fields::Defs defs;
    // The shared value definitions first (decimals and amounts of the cost model format, dates,
    // rule ids), then the structs as the tables reach them, the cost model's own last: $defs
    // keeps a stable order whatever field names a definition first.
    const io::Node model_defs = fields::cost_model_defs();
    for (const auto& m : model_defs.members())
        if (!fields::is_cost_model_def(m.key)) defs.add(m.key, m.value);
    fields::Day{}.schema(defs);
    fields::RuleIds{}.schema(defs);
    const io::Node body = fields::struct_schema<Document>(defs);
    fields::add_all(defs, model_defs);  // the cost model itself (named by lots[].products[].cost_model)
    io::Node n = io::Node::mapping();
    n.add("$schema", quoted("https://json-schema.org/draft/2020-12/schema"));
    n.add("$id", quoted("urn:zorginkoop:schema:document:" + std::to_string(document_format_version)));
    n.add("title", quoted("zorginkoop procurement document"));
    n.add("description", quoted("A procurement of Jeugdwet or Wmo 2015 care, checked by zorginkoop against its rule "
                                "catalogue (document-format.md)."));
    for (const auto& m : body.members()) n.add(m.key, m.value);
    n.add("$defs", std::move(defs.node));
    return n;
}

std::string document_schema_json() { return io::to_json(document_schema(), 2); }

std::vector<std::string> document_field_paths() {
    std::vector<std::string> out;
    fields::field_paths<Document>(out, "");
    return out;
}

}  // namespace zorginkoop::procurement
