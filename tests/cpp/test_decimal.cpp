#include <catch2/catch.hpp>

#include "zorginkoop/core.hpp"

using namespace zorginkoop;
using namespace zorginkoop::literals;

TEST_CASE("Decimal parses and prints exactly", "[decimal]") {
    CHECK(Decimal::parse("12.30").to_string() == "12.3");
    CHECK(Decimal::parse("12.30").to_string(2) == "12.30");
    CHECK(Decimal::parse("-0.05").to_string() == "-0.05");
    CHECK(Decimal::parse("+7").to_string() == "7");
    CHECK(Decimal::parse("0").to_string() == "0");
    CHECK(Decimal::parse("-0.000").to_string() == "0");
    CHECK(Decimal::parse("1.5e3").to_string() == "1500");
    CHECK(Decimal::parse("125E-2").to_string() == "1.25");
    CHECK(Decimal::parse("0.000000000000000001").to_string() == "0.000000000000000001");
    CHECK(Decimal::parse("123456789012345678901.5").to_string() == "123456789012345678901.5");
    CHECK(Decimal::parse(".5").to_string() == "0.5");
    CHECK(Decimal::parse("5.").to_string() == "5");
}

TEST_CASE("Decimal rejects what it cannot hold exactly", "[decimal]") {
    CHECK_THROWS_AS(Decimal::parse(""), InvalidInput);
    CHECK_THROWS_AS(Decimal::parse("abc"), InvalidInput);
    CHECK_THROWS_AS(Decimal::parse("1,5"), InvalidInput);
    CHECK_THROWS_AS(Decimal::parse("1.5.2"), InvalidInput);
    CHECK_THROWS_AS(Decimal::parse(" 1"), InvalidInput);
    CHECK_THROWS_AS(Decimal::parse("1e"), InvalidInput);
    CHECK_THROWS_AS(Decimal::parse("nan"), InvalidInput);
    CHECK_THROWS_AS(Decimal::parse("0.0000000000000000001"), InvalidInput);  // 19 fractional digits
    CHECK_THROWS_AS(Decimal::parse("1e-19"), InvalidInput);
    CHECK_THROWS_AS(Decimal::parse("1e30"), Overflow);
    CHECK_THROWS_AS(Decimal::parse("1e99999999999"), Overflow);
    CHECK_THROWS_AS(Decimal::parse(std::string(100, '9')), Overflow);
    CHECK(Decimal::parse("0e99999999999").is_zero());
    CHECK(Decimal::parse("1.000000000000000000000000").to_string() == "1");  // zeros are not digits lost
}

TEST_CASE("Decimal arithmetic is exact and checked", "[decimal]") {
    CHECK("0.1"_dec + "0.2"_dec == "0.3"_dec);
    CHECK("1.1"_dec * "1.1"_dec == "1.21"_dec);
    CHECK("10"_dec / "4"_dec == "2.5"_dec);
    CHECK((Decimal(1) / Decimal(3)).to_string() == "0.333333333333333333");
    CHECK((Decimal(2) / Decimal(3)).to_string() == "0.666666666666666667");  // half-even at digit 18
    CHECK((Decimal(-2) / Decimal(3)).to_string() == "-0.666666666666666667");
    CHECK((Decimal(2) / Decimal(-3)).to_string() == "-0.666666666666666667");
    CHECK(("62539.008"_dec / "1376.964"_dec).to_string() == "45.41804143027704428");
    CHECK_THROWS_AS(Decimal(1) / Decimal(0), InvalidInput);
    const Decimal big = Decimal::parse("300000000000000000000");
    CHECK_THROWS_AS(big + big, Overflow);
    CHECK_THROWS_AS(big * Decimal(2), Overflow);
    CHECK_THROWS_AS(big / "0.5"_dec, Overflow);
    CHECK(("-3.5"_dec).abs() == "3.5"_dec);
    CHECK("1.50"_dec == "1.5"_dec);
    CHECK("1.49"_dec < "1.5"_dec);
    CHECK("-2"_dec < "-1.99"_dec);
    CHECK("7.000"_dec.is_integer());
    CHECK("7.001"_dec.fraction_digits() == 3);
    CHECK("123"_dec.to_int64() == 123);
    CHECK_THROWS_AS("1.5"_dec.to_int64(), InvalidInput);
}

TEST_CASE("No Decimal, Money or Rate from binary floating point", "[decimal]") {
    STATIC_REQUIRE_FALSE(std::is_constructible_v<Decimal, double>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<Decimal, float>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<Money, double>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<Rate, double>);
    STATIC_REQUIRE(std::is_constructible_v<Decimal, int>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<Decimal, Money>);  // explicit only
    STATIC_REQUIRE_FALSE(std::is_convertible_v<Money, Decimal>);
}
