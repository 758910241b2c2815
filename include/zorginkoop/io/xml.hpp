#pragma once
// XmlElement: the namespace-aware element tree that the readers of published XML formats (eForms
// notices, iJw/iWmo messages) consume. Read by libxml2 with network access, DTDs and entity
// expansion off: a document with a DOCTYPE is refused before any of its declarations take effect
// (no external entity is ever read, no "billion laughs" is expanded), entity references other than
// the five predefined ones are errors, and only UTF-8 input is accepted. The size and depth limits
// are those of the YAML and JSON readers (ReadLimits). Errors are ParseError with line and column.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "zorginkoop/io/node.hpp"

namespace zorginkoop::io {

struct XmlAttribute {
    std::string ns;    ///< namespace URI; empty for an unqualified attribute
    std::string name;  ///< local name
    std::string value;
};

class XmlElement {
public:
    std::string ns;      ///< namespace URI; empty when the element is in no namespace
    std::string prefix;  ///< the prefix as written (empty for the default namespace); for messages only
    std::string name;    ///< local name
    std::vector<XmlAttribute> attributes;
    std::string text;    ///< the element's own character data (text and CDATA), as written
    std::vector<XmlElement> children;
    Mark mark;           ///< line and column of the start tag's '<' (1-based)

    /// `prefix:name`, or `name` without a prefix.
    std::string qname() const { return prefix.empty() ? name : prefix + ":" + name; }
    bool is(std::string_view ns_uri, std::string_view local) const { return ns == ns_uri && name == local; }

    /// The first child element with this namespace URI and local name, or nullptr.
    const XmlElement* child(std::string_view ns_uri, std::string_view local) const;
    /// Every child element with this namespace URI and local name, in document order.
    std::vector<const XmlElement*> children_named(std::string_view ns_uri, std::string_view local) const;
    /// The value of the attribute with this local name (and namespace URI), or nullptr.
    const std::string* attribute(std::string_view local, std::string_view ns_uri = {}) const;
};

/// Parse XML text into its root element. `source` names the input in errors (a file name).
/// Throws ParseError (with line and column) for malformed XML, a DOCTYPE, an undeclared entity,
/// an encoding other than UTF-8, nesting deeper than `limits.max_depth` or input larger than
/// `limits.max_bytes`.
XmlElement parse_xml(std::string_view text, const std::string& source = {}, const ReadLimits& limits = {});
/// Read and parse an XML file (read_text_file, then parse_xml).
XmlElement read_xml_file(const std::string& path, const ReadLimits& limits = {});

inline const XmlElement* XmlElement::child(std::string_view ns_uri, std::string_view local) const {
    for (const auto& c : children)
        if (c.is(ns_uri, local)) return &c;
    return nullptr;
}

inline std::vector<const XmlElement*> XmlElement::children_named(std::string_view ns_uri, std::string_view local) const {
    std::vector<const XmlElement*> out;
    for (const auto& c : children)
        if (c.is(ns_uri, local)) out.push_back(&c);
    return out;
}

inline const std::string* XmlElement::attribute(std::string_view local, std::string_view ns_uri) const {
    for (const auto& a : attributes)
        if (a.name == local && a.ns == ns_uri) return &a.value;
    return nullptr;
}

}  // namespace zorginkoop::io
