// libFuzzer target for the whole procurement check: read a document (YAML or JSON), check it,
// render the report in every format (text nl and en, JSON, SARIF), and save the document and read
// it back (YAML and JSON), which must give an equal document.
// The first byte chooses the reader (even: YAML; odd: JSON); the rest is the document text.
// Typed errors (zorginkoop::Error) are the expected outcome of bad input; anything else — a crash,
// a sanitizer report, another exception, a hang — is a bug. Cost model paths are not followed.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/report/serialise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    try {
        const auto doc = zkfuzz::read_document(zkfuzz::split(data, size));
        const auto report = zorginkoop::procurement::check(doc);
        zorginkoop::RenderOptions nl;
        zorginkoop::RenderOptions en;
        en.lang = zorginkoop::Lang::en;
        (void)zorginkoop::to_text(report, nl);
        (void)zorginkoop::to_text(report, en);
        (void)zorginkoop::to_json(report, en);
        (void)zorginkoop::to_sarif(report, nl);
        const auto options = zkfuzz::document_options();
        const auto node = doc.to_node();
        const auto from_yaml = zorginkoop::procurement::parse_document_yaml(zorginkoop::io::to_yaml(node), "again.yaml", options);
        if (from_yaml != doc) __builtin_trap();
        const auto from_json = zorginkoop::procurement::parse_document_json(zorginkoop::io::to_json(node), "again.json", options);
        if (from_json != doc) __builtin_trap();
    } catch (const zorginkoop::Error&) {
    }
    return 0;
}
