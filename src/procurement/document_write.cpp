// Writing a procurement document back as a tree (Document::to_node), and field-by-field equality,
// both driven by the field tables (document_fields.hpp).

#include "zorginkoop/procurement/document.hpp"
#include "document_fields.hpp"

namespace zorginkoop::procurement {

io::Node Document::to_node() const { return fields::write_fields(*this); }

bool operator==(const Document& a, const Document& b) { return fields::equal_fields(a, b); }

}  // namespace zorginkoop::procurement
