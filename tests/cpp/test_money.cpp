#include <catch2/catch.hpp>

#include "zorginkoop/core.hpp"
#include "zorginkoop/tariff/ijw.hpp"

using namespace zorginkoop;
using namespace zorginkoop::literals;

TEST_CASE("Money arithmetic", "[money]") {
    CHECK("0.1"_eur + "0.2"_eur == "0.3"_eur);
    CHECK(12.30_eur == "12.3"_eur);  // the numeric literal is parsed as text
    CHECK("10.00"_eur - "12.50"_eur == "-2.5"_eur);
    CHECK("60.23"_eur * Decimal(3) == "180.69"_eur);
    CHECK("100"_eur * "0.08"_rate == "8"_eur);
    CHECK("0.08"_rate * "100"_eur == "8"_eur);
    CHECK("10"_eur / "4"_eur == "2.5"_dec);
    CHECK("10"_eur / Decimal(4) == "2.5"_eur);
    CHECK(("12.3"_eur).to_string() == "12.30");
    CHECK(("60.228104"_eur).to_string() == "60.228104");
    CHECK(("-0.5"_eur).abs() == "0.5"_eur);
}

TEST_CASE("Money to and from eurocents", "[money][ijw]") {
    CHECK(Money::parse("999999.99").to_cents() == 99999999);
    CHECK(Money::parse("-1.05").to_cents() == -105);
    CHECK(Money::from_cents(6023) == "60.23"_eur);
    CHECK(Money::from_cents(-5) == "-0.05"_eur);
    CHECK_THROWS_AS(Money::parse("1.005").to_cents(), InvalidInput);
    CHECK(Money::parse("1.005").round(RoundingPolicy::cents()).to_cents() == 101);
}

TEST_CASE("Rate", "[rate]") {
    CHECK(Rate::from_percent("6.30"_dec) == "0.063"_rate);
    CHECK("0.063"_rate.percent() == "6.3"_dec);
    CHECK("0.9"_rate + "0.1"_rate == "1"_rate);
    CHECK(("0.9"_rate * "0.0474"_dec).value() == "0.04266"_dec);
    CHECK("0.0629695"_rate.round(RoundingPolicy(RoundingMode::half_up, 4)) == "0.063"_rate);
}

TEST_CASE("Rate::from_percent refuses a percentage it would have to round", "[rate]") {
    // 16 fractional digits of a percentage are 18 of the fraction: exact
    CHECK(Rate::from_percent("1.0000000000000001"_dec).value() == Decimal::parse("0.010000000000000001"));
    CHECK(Rate::from_percent("-0.0000000000000001"_dec).value() == Decimal::parse("-1e-18"));
    // one more digit would be rounded away: refused like Decimal::parse("1e-19")
    CHECK_THROWS_AS(Decimal::parse("1e-19"), InvalidInput);
    CHECK_THROWS_AS(Rate::from_percent("1.000000000000000001"_dec), InvalidInput);
    CHECK_THROWS_AS(Rate::from_percent("5e-17"_dec), InvalidInput);
    CHECK_THROWS_AS(Rate::from_percent("-0.00000000000000005"_dec), InvalidInput);
    CHECK_THROWS_WITH(Rate::from_percent("1.000000000000000001"_dec),
                      Catch::Contains("'1.000000000000000001'") && Catch::Contains("16 fractional digits"));
}

TEST_CASE("iJw helpers", "[ijw]") {
    CHECK(ijw::to_amount_cents("60.23"_eur) == 6023);
    CHECK(ijw::to_amount_cents("0"_eur) == 0);
    CHECK_THROWS_AS(ijw::to_amount_cents("1000000.00"_eur), InvalidInput);
    CHECK_THROWS_AS(ijw::to_amount_cents("-0.01"_eur), InvalidInput);
    CHECK_THROWS_AS(ijw::to_amount_cents("60.228"_eur), InvalidInput);
    // IV081 examples: 1.455 → 1.46, 1.454 → 1.45
    CHECK(ijw::minute_tariff("87.30"_eur) == "1.46"_eur);  // 87.30 / 60 = 1.455
    CHECK(ijw::minute_tariff("87.24"_eur) == "1.45"_eur);  // 87.24 / 60 = 1.454
    CHECK(ijw::minute_tariff("60.23"_eur) == "1.00"_eur);
    CHECK(ijw::minute_tariff("63.29"_eur) == "1.05"_eur);
    CHECK(ijw::minute_invoice("60.23"_eur, 45) == "45.17"_eur);  // 45.1725, not 45 × 1.00
    CHECK(ijw::minute_invoice("63.29"_eur, 90) == "94.94"_eur);  // 94.935 → 94.94
    CHECK_THROWS_AS(ijw::minute_invoice("60.23"_eur, -1), InvalidInput);
    CHECK(ijw::parse_unit("uur") == ijw::Unit::uur);
    CHECK(ijw::parse_unit("04") == ijw::Unit::uur);
    CHECK(ijw::info(ijw::Unit::dagdeel).code == "16");
    CHECK(ijw::info(ijw::Unit::stuks_inspanning).code == "84");
    CHECK_THROWS_AS(ijw::parse_unit("4"), InvalidInput);
    CHECK_THROWS_AS(ijw::parse_unit("02"), InvalidInput);
}
