// libFuzzer target for the eForms importer: the XML reader (libxml2, no DTD, no entities), the
// notice reader and the merge, the check of the imported document and its YAML round trip.
// The input is one to three notices separated by a line "--8<--" (the merge of the notices of one
// procedure, and its refusals). Typed errors (zorginkoop::Error) are the expected outcome of bad
// input; anything else (a crash, a sanitizer report, another exception, a hang) is a bug.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/xml.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/procurement/eforms.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace zorginkoop;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    io::ReadLimits limits;
    limits.max_bytes = 1u << 20;
    try {
        std::vector<procurement::EformsNotice> notices;
        constexpr std::string_view cut = "\n--8<--\n";
        while (notices.size() < 3) {
            const std::size_t at = notices.size() < 2 ? text.find(cut) : std::string_view::npos;
            const std::string_view one = text.substr(0, at);
            const std::string name = "notice" + std::to_string(notices.size()) + ".xml";
            notices.push_back(procurement::EformsNotice{io::parse_xml(one, name, limits), name});
            if (at == std::string_view::npos) break;
            text.remove_prefix(at + cut.size());
        }
        const procurement::EformsImport imported = procurement::import_eforms(notices, Law::jeugdwet);
        const Report report = procurement::check(imported.document);
        // The imported document must survive its own round trip.
        const auto again = procurement::parse_document_yaml(io::to_yaml(imported.document.to_node()), "again.yaml");
        if (again != imported.document) __builtin_trap();
        (void)report;
    } catch (const Error&) {
    }
    return 0;
}
