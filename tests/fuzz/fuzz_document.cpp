// libFuzzer target for the procurement document reader (YAML and JSON) and the check.
// The first byte chooses the reader (even, e.g. '0': YAML; odd, e.g. '1': JSON); the rest is the document text.
// Typed errors (zorginkoop::Error) are the expected outcome of bad input; anything else — a crash,
// a sanitizer report, another exception, a hang — is a bug. Cost model paths are not followed.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/procurement/check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    try {
        const auto doc = zkfuzz::read_document(zkfuzz::split(data, size));
        const auto report = zorginkoop::procurement::check(doc);
        // The document must survive its own round trip.
        const auto again = zorginkoop::procurement::parse_document_yaml(zorginkoop::io::to_yaml(doc.to_node()), "again.yaml",
                                                                        zkfuzz::document_options());
        if (again != doc) __builtin_trap();
        (void)report;
    } catch (const zorginkoop::Error&) {
    }
    return 0;
}
