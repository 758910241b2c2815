// zorginkoop schema
// The JSON Schema of the procurement document, generated from the field tables of the reader.

#include <iostream>

#include "commands.hpp"
#include "zorginkoop/procurement/schema.hpp"

namespace zkcli {

namespace {

const char* const help =
    "usage: zorginkoop schema\n"
    "\n"
    "The JSON Schema (draft 2020-12) of the procurement document format, generated from the\n"
    "field tables the reader uses; the same as data/schema/zorginkoop-document.schema.json.\n"
    "\n"
    "options:\n"
    "  -h, --help        this help\n";

}  // namespace

int cmd_schema(Args& a) {
    const ParsedArgs p = parse_args(a, "schema", {});
    if (p.help) {
        std::cout << help << exit_status_help("not used by schema");
        return 0;
    }
    no_arguments(p, "schema");
    std::cout << zorginkoop::procurement::document_schema_json();
    return 0;
}

}  // namespace zkcli
