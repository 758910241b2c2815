#include <catch2/catch.hpp>

#include "zorginkoop/core.hpp"

using namespace zorginkoop;

TEST_CASE("strict ISO dates", "[date]") {
    CHECK(format_date(parse_date("2024-02-29")) == "2024-02-29");
    CHECK_THROWS_AS(parse_date("2024-02-30"), InvalidInput);
    CHECK_THROWS_AS(parse_date("2023-02-29"), InvalidInput);
    CHECK_THROWS_AS(parse_date("2024-13-01"), InvalidInput);
    CHECK_THROWS_AS(parse_date("2024-00-10"), InvalidInput);
    CHECK_THROWS_AS(parse_date("2024-1-01"), InvalidInput);
    CHECK_THROWS_AS(parse_date("2024-01-01T00:00"), InvalidInput);
    CHECK_THROWS_AS(parse_date("01-01-2024"), InvalidInput);
    CHECK_THROWS_AS(parse_date(""), InvalidInput);
    CHECK_THROWS_AS(make_date(2023, 4, 31), InvalidInput);
}

TEST_CASE("month arithmetic with an explicit end-of-month policy", "[date]") {
    CHECK(format_date(add_months(parse_date("2024-01-31"), 1, EndOfMonth::clamp)) == "2024-02-29");
    CHECK(format_date(add_months(parse_date("2023-01-31"), 1, EndOfMonth::clamp)) == "2023-02-28");
    CHECK_THROWS_AS(add_months(parse_date("2024-01-31"), 1, EndOfMonth::refuse), AmbiguousDate);
    CHECK(format_date(add_months(parse_date("2024-01-15"), 13, EndOfMonth::refuse)) == "2025-02-15");
    CHECK(format_date(add_months(parse_date("2024-03-31"), -1, EndOfMonth::clamp)) == "2024-02-29");
}

TEST_CASE("days, quarters and terms", "[date]") {
    CHECK(days_between(parse_date("2022-06-30"), parse_date("2022-07-30")) == 30);
    CHECK(days_between(parse_date("2024-01-01"), parse_date("2023-12-31")) == -1);
    CHECK(format_date(add_days(parse_date("2022-06-30"), 30)) == "2022-07-30");
    CHECK(format_date(end_of_quarter(parse_date("2022-08-15"))) == "2022-09-30");
    CHECK(format_date(end_of_quarter(parse_date("2022-12-31"))) == "2022-12-31");
    CHECK(format_date(end_of_quarter(parse_date("2023-01-01"))) == "2023-03-31");
    CHECK(format_date(end_of_quarter(parse_date("2023-04-01"))) == "2023-06-30");
    CHECK(format_date(term_end(parse_date("2023-01-01"), 60)) == "2027-12-31");
    CHECK(format_date(term_end(parse_date("2023-01-01"), 12)) == "2023-12-31");
    CHECK(format_date(term_end(parse_date("2023-07-15"), 36)) == "2026-07-14");
    CHECK(format_date(term_end(parse_date("2023-01-31"), 1)) == "2023-02-28");
    CHECK(format_date(term_end(parse_date("2024-01-31"), 1)) == "2024-02-29");
    CHECK(format_date(term_end(parse_date("2023-03-31"), 1)) == "2023-04-30");
    CHECK_THROWS_AS(term_end(parse_date("2023-01-01"), 0), InvalidInput);
    CHECK(term_months(parse_date("2023-01-01"), parse_date("2027-12-31")) == 60);
    CHECK(term_months(parse_date("2018-01-01"), parse_date("2020-12-31")) == 36);
    CHECK(term_months(parse_date("2023-01-01"), parse_date("2023-01-15")) == 1);
    CHECK_THROWS_AS(term_months(parse_date("2023-01-01"), parse_date("2022-12-31")), InvalidInput);
}
