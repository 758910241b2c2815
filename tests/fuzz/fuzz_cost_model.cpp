// libFuzzer target for the cost model reader (docs/cost-model.md) and the build-up.
// The first byte chooses the reader (even: YAML; odd: JSON); the rest is the model text.
// Typed errors (zorginkoop::Error) are the expected outcome of bad input; anything else — a crash,
// a sanitizer report, another exception, a hang — is a bug. A model that reads must build up (or
// fail with a typed error) and survive its own round trip: read -> to_node -> YAML -> read equal.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/tariff/build_up.hpp"
#include "zorginkoop/tariff/cost_model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto in = zkfuzz::split(data, size);
    try {
        const auto model = in.json ? zorginkoop::CostModel::parse_json(in.text, "fuzz.json")
                                   : zorginkoop::CostModel::parse_yaml(in.text, "fuzz.yaml");
        const auto again = zorginkoop::CostModel::parse_yaml(zorginkoop::io::to_yaml(model.to_node()), "again.yaml");
        if (again != model) __builtin_trap();
        const auto again_json = zorginkoop::CostModel::parse_json(zorginkoop::io::to_json(model.to_node()), "again.json");
        if (again_json != model) __builtin_trap();
        try {
            const auto b = zorginkoop::build_up(model);
            (void)b;
        } catch (const zorginkoop::Error&) {
        }
    } catch (const zorginkoop::Error&) {
    }
    return 0;
}
