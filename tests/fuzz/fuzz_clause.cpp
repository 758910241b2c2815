// libFuzzer target for the indexation clause reader (docs/indexation-clause.md) and the computations on it.
// The first byte chooses the reader (even: YAML; odd: JSON) and, with the second, the years of
// the computation; the rest is the clause text. Typed errors (zorginkoop::Error) are the expected
// outcome of bad input or of a figure missing from the bundled series; anything else — a crash, a
// sanitizer report, another exception, a hang — is a bug. A clause that reads must survive its
// own round trip (read -> to_node -> YAML -> read equal) and its derivations must render.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "zorginkoop/core/money.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/indexation/render.hpp"
#include "zorginkoop/io/node.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const int year = 2017 + (data[0] >> 1) % 10;           // 2017 .. 2026: inside and past the data
    const int first_contract_year = year - 1 - data[1] % 3;  // the catch-up year, or before it
    zkfuzz::Input in = zkfuzz::split(data + 1, size - 1);   // the text starts after byte 1
    in.json = (data[0] & 1u) != 0;
    try {
        const auto clause = zorginkoop::IndexationClause::from_node(zkfuzz::read_node(in), "fuzz");
        const auto again = zorginkoop::IndexationClause::parse(zorginkoop::io::to_yaml(clause.to_node()), "again.yaml");
        if (again != clause) __builtin_trap();
        static const auto series = zorginkoop::IndexSeriesSet::bundled();
        try {
            const auto rate = clause.rate(year, series, first_contract_year);
            (void)zorginkoop::io::to_json(rate.to_node());
            (void)zorginkoop::rate_text(rate, zorginkoop::Lang::nl);
            (void)zorginkoop::rate_text(rate, zorginkoop::Lang::en);
        } catch (const zorginkoop::Error&) {
        }
        try {
            const auto s = clause.schedule(zorginkoop::Money::parse("60.23"), year - 2, year, series, first_contract_year);
            (void)zorginkoop::io::to_json(s.to_node());
            (void)zorginkoop::schedule_text(s, zorginkoop::Lang::en);
            (void)zorginkoop::schedule_svg(s, "fuzz", zorginkoop::Lang::nl);
        } catch (const zorginkoop::Error&) {
        }
        try {
            const auto c = clause.catch_up_amount(zorginkoop::Money::parse("1000000.00"), year, series, first_contract_year);
            (void)zorginkoop::io::to_json(c.to_node());
        } catch (const zorginkoop::Error&) {
        }
    } catch (const zorginkoop::Error&) {
    }
    return 0;
}
