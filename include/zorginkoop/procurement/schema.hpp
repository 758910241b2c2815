#pragma once
// The JSON Schema of the procurement document format (data/schema/zorginkoop-document.schema.json),
// generated from the same field tables that drive reading, writing and equality.

#include <string>
#include <vector>

#include "zorginkoop/io/node.hpp"

namespace zorginkoop::procurement {

/// The JSON Schema (draft 2020-12) of a document: every field, its type, words, bounds and
/// required keys, and `additionalProperties: false` on every mapping. The cost model's own
/// definitions come from the cost model format (zorginkoop-cost-model.schema.json).
io::Node document_schema();

/// document_schema() as the checked-in file is written: JSON, indented by two, ending in a newline.
std::string document_schema_json();

/// Every key of the document format as a path (`lots[].products[].tariff`, lists as `[]`), in
/// table order. The keys inside a cost model and an indexation clause belong to those formats
/// and are not listed.
std::vector<std::string> document_field_paths();

}  // namespace zorginkoop::procurement
