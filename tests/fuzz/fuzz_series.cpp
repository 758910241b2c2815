// libFuzzer target for the index series reader (docs/indexation-clause.md).
// The first byte chooses the reader (even: YAML; odd: JSON); the rest is the series text.
// Typed errors (zorginkoop::Error) are the expected outcome of bad input; anything else — a crash,
// a sanitizer report, another exception, a hang — is a bug. A series that reads must survive its
// own round trip (read -> to_node -> YAML and JSON -> read equal), every figure must be found
// again by year and status, and a rate must be computable from it or fail with a typed error.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/node.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    try {
        const auto series = zorginkoop::IndexSeries::from_node(zkfuzz::read_node(zkfuzz::split(data, size)), "fuzz");
        const auto again = zorginkoop::IndexSeries::parse(zorginkoop::io::to_yaml(series.to_node()), "again.yaml");
        if (again != series) __builtin_trap();
        const auto again_json = zorginkoop::IndexSeries::parse(zorginkoop::io::to_json(series.to_node()), "again.json");
        if (again_json != series) __builtin_trap();
        for (const auto& f : series.figures())
            if (series.find(f.year, f.status) == nullptr || series.figure(f.year, f.status) != f) __builtin_trap();
        // A one-component clause on this series, for the years the series covers.
        static const auto clause = zorginkoop::IndexationClause::parse(
            "components: [{series: FUZZ, weight: \"1\"}]\ncatch_up: additive\nrate_rounding: {at: total}\n", "clause.yaml");
        const auto set = zorginkoop::IndexSeriesSet({zorginkoop::IndexSeries("FUZZ", series.name(), series.figures())});
        for (const auto& f : series.figures()) {
            try {
                const auto rate = clause.rate(f.year, set);
                (void)zorginkoop::io::to_json(rate.to_node());
            } catch (const zorginkoop::Error&) {
            }
        }
    } catch (const zorginkoop::Error&) {
    }
    return 0;
}
