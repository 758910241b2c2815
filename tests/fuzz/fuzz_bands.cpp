// libFuzzer target for the plausibility-bands reader (`--bands FILE`, rule PRICE-007).
// The first byte chooses the reader (even: YAML; odd: JSON); the rest is the bands text.
// Typed errors (zorginkoop::Error) are the expected outcome of bad input; anything else — a crash,
// a sanitizer report, another exception, a hang — is a bug. Bands that read must override the
// bundled ones (every band of theirs present once, for its parameter), print their ranges, and
// serve a realism check of a fixed cost model in every format.

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/tariff/cost_model.hpp"
#include "zorginkoop/tariff/realism.hpp"
#include "zorginkoop/tariff/serialise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    try {
        const auto bands = zorginkoop::PlausibilityBands::from_node(zkfuzz::read_node(zkfuzz::split(data, size)), "fuzz");
        const auto merged = zorginkoop::PlausibilityBands::bundled().overridden_by(bands);
        for (const auto& b : bands.bands) {
            (void)zorginkoop::band_range(b);
            // A parameter the user's bands name has exactly one band in the merged set (theirs).
            if (std::count_if(merged.bands.begin(), merged.bands.end(),
                              [&](const auto& x) { return x.parameter == b.parameter; }) != 1)
                __builtin_trap();
        }
        static const auto model = zorginkoop::CostModel::parse_yaml(
            "zorginkoop_cost_model: 1\nname: Fuzz\nlaw: jeugdwet\nunit: \"04\"\n"
            "staff:\n  - function: HBO\n    monthly_salary: \"3500.00\"\n    share: \"1\"\n"
            "    holiday_pay: \"0.08\"\n    year_end_bonus: \"0.0833\"\n    employer_charges: \"0.28\"\n"
            "hours:\n  annual_hours: \"1878\"\n  leave_hours: \"144\"\n  sickness: \"0.06\"\n  indirect: \"0.10\"\n"
            "overhead: {rate: \"0.22\", convention: markup}\nrisk_margin: {rate: \"0.02\"}\n"
            "rounding: {mode: half_up, scale: 2, at: [final]}\n",
            "model.yaml");
        const auto bu = zorginkoop::build_up(model);
        try {
            const auto check = zorginkoop::check_tariff(zorginkoop::Money::parse("60.00"), model,
                                                        zorginkoop::PriceBasis::floor, merged);
            (void)zorginkoop::to_json(model, bu, &check);
            (void)zorginkoop::to_text(model, bu, &check, zorginkoop::Lang::en);
        } catch (const zorginkoop::Error&) {
        }
    } catch (const zorginkoop::Error&) {
    }
    return 0;
}
