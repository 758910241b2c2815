#pragma once
// Shared by the libFuzzer targets: the first byte of an input chooses the reader (even, e.g. '0':
// YAML; odd, e.g. '1': JSON), the rest is the text; documents are read without following cost
// model paths and with a 1 MiB limit.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "zorginkoop/io/node.hpp"
#include "zorginkoop/procurement/document.hpp"

namespace zkfuzz {

struct Input {
    bool json = false;
    std::string_view text;
};

/// The reader and the text of a non-empty input.
inline Input split(const std::uint8_t* data, std::size_t size) {
    return Input{(data[0] & 1u) != 0, std::string_view(reinterpret_cast<const char*>(data + 1), size - 1)};
}

/// The tree of the text, by the reader the input chose.
inline zorginkoop::io::Node read_node(const Input& in) {
    return in.json ? zorginkoop::io::parse_json(in.text, "fuzz.json") : zorginkoop::io::parse_yaml(in.text, "fuzz.yaml");
}

inline zorginkoop::procurement::ReadOptions document_options() {
    zorginkoop::procurement::ReadOptions options;
    options.load_cost_models = false;
    options.limits.max_bytes = 1u << 20;
    return options;
}

inline zorginkoop::procurement::Document read_document(const Input& in) {
    return in.json ? zorginkoop::procurement::parse_document_json(in.text, "fuzz.json", document_options())
                   : zorginkoop::procurement::parse_document_yaml(in.text, "fuzz.yaml", document_options());
}

}  // namespace zkfuzz
