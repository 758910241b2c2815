#include <catch2/catch.hpp>

#include "support.hpp"
#include "zorginkoop/core.hpp"

using namespace zorginkoop;

TEST_CASE("golden rounding table", "[rounding][golden]") {
    const auto rows = zktest::read_csv("tests/golden/rounding.csv");
    REQUIRE(rows.size() >= 40);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 5);
        std::optional<Decimal> step;
        if (!row[3].empty()) step = Decimal::parse(row[3]);
        const RoundingPolicy policy(parse_rounding_mode(row[1]), std::stoi(row[2]), step);
        INFO(row[0] << " " << row[1] << " scale " << row[2] << " multiple_of '" << row[3] << "'");
        CHECK(policy.apply(Decimal::parse(row[0])) == Decimal::parse(row[4]));
        CHECK(Money::parse(row[0]).round(policy) == Money::parse(row[4]));
    }
}

TEST_CASE("rounding policy validation", "[rounding]") {
    CHECK_THROWS_AS(RoundingPolicy(RoundingMode::half_up, -1), InvalidInput);
    CHECK_THROWS_AS(RoundingPolicy(RoundingMode::half_up, 19), InvalidInput);
    CHECK_THROWS_AS(RoundingPolicy(RoundingMode::half_up, 2, Decimal(0)), InvalidInput);
    CHECK_THROWS_AS(RoundingPolicy(RoundingMode::half_up, 2, Decimal::parse("-0.6")), InvalidInput);
    CHECK_THROWS_AS(RoundingPolicy(RoundingMode::half_up, 1, Decimal::parse("0.05")), InvalidInput);
    CHECK_THROWS_AS(parse_rounding_mode("ceiling"), InvalidInput);
    CHECK(RoundingPolicy::cents().describe() == "half_up, 2 decimals");
    CHECK(RoundingPolicy(RoundingMode::half_even, 2, Decimal::parse("0.6")).describe() == "half_even, multiple of 0.60");
}
