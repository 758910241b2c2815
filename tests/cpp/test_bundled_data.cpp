// Bundled data (the law registry, the plausibility bands) is read once per process and shared,
// also when many threads ask for it at once.

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/tariff/realism.hpp"

using namespace zorginkoop;

TEST_CASE("bundled law registry and plausibility bands are read once and shared", "[bundled][cache]") {
    const LawRegistry& laws = bundled_laws();
    const PlausibilityBands& bands = PlausibilityBands::bundled();
    CHECK(&laws == &bundled_laws());
    CHECK(&bands == &PlausibilityBands::bundled());
    CHECK(laws.contains("BWBR0034925"));
    CHECK(!bands.bands.empty());
    // from many threads at once: one object, fully built
    std::vector<const LawRegistry*> seen_laws(8, nullptr);
    std::vector<const PlausibilityBands*> seen_bands(8, nullptr);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen_laws.size(); ++i)
        threads.emplace_back([&, i] {
            seen_laws[i] = &bundled_laws();
            seen_bands[i] = &PlausibilityBands::bundled();
        });
    for (auto& t : threads) t.join();
    for (std::size_t i = 0; i < seen_laws.size(); ++i) {
        CHECK(seen_laws[i] == &laws);
        CHECK(seen_bands[i] == &bands);
    }
}
