// libFuzzer target for the procurement document reader (YAML and JSON) and the check.
// The first byte chooses the reader (even, e.g. '0': YAML; odd, e.g. '1': JSON); the rest is the document text.
// Typed errors (zorginkoop::Error) are the expected outcome of bad input; anything else — a crash,
// a sanitizer report, another exception, a hang — is a bug. Cost model paths are not followed.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "zorginkoop/io/node.hpp"
#include "zorginkoop/procurement/check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool json = (data[0] & 1u) != 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    zorginkoop::procurement::ReadOptions options;
    options.load_cost_models = false;
    options.limits.max_bytes = 1u << 20;
    try {
        const auto doc = json ? zorginkoop::procurement::parse_document_json(text, "fuzz.json", options)
                              : zorginkoop::procurement::parse_document_yaml(text, "fuzz.yaml", options);
        const auto report = zorginkoop::procurement::check(doc);
        // The document must survive its own round trip.
        const auto again = zorginkoop::procurement::parse_document_yaml(zorginkoop::io::to_yaml(doc.to_node()), "again.yaml", options);
        if (again != doc) __builtin_trap();
        (void)report;
    } catch (const zorginkoop::Error&) {
    }
    return 0;
}
