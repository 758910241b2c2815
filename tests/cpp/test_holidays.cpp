// Public holidays and working days of the Algemene termijnenwet (art. 1, 3): Easter and the days
// derived from it, Koningsdag, the fifth of May, and the extension of a period to the next working day.

#include <catch2/catch.hpp>

#include "zorginkoop/core/holidays.hpp"

using namespace zorginkoop;

namespace {

// Easter Sunday 2019-2030 (published church calendars), the test data of the algorithm.
const char* const easter_table[][2] = {
    {"2019", "2019-04-21"}, {"2020", "2020-04-12"}, {"2021", "2021-04-04"}, {"2022", "2022-04-17"},
    {"2023", "2023-04-09"}, {"2024", "2024-03-31"}, {"2025", "2025-04-20"}, {"2026", "2026-04-05"},
    {"2027", "2027-03-28"}, {"2028", "2028-04-16"}, {"2029", "2029-04-01"}, {"2030", "2030-04-21"},
};

Date d(const char* text) { return parse_date(text); }
std::string plus(const Date& x, long days) { return format_date(add_days(x, days)); }

}  // namespace

TEST_CASE("Easter Sunday by the anonymous Gregorian algorithm", "[holidays]") {
    for (const auto& row : easter_table) {
        INFO(row[0]);
        CHECK(format_date(easter_sunday(std::stoi(row[0]))) == row[1]);
    }
    // The extremes of the Gregorian cycle and a few well-known years.
    CHECK(format_date(easter_sunday(1818)) == "1818-03-22");
    CHECK(format_date(easter_sunday(2285)) == "2285-03-22");
    CHECK(format_date(easter_sunday(1943)) == "1943-04-25");
    CHECK(format_date(easter_sunday(2038)) == "2038-04-25");
    CHECK(format_date(easter_sunday(2000)) == "2000-04-23");
    CHECK_THROWS_AS(easter_sunday(1500), InvalidInput);
}

TEST_CASE("the holidays of Algemene termijnenwet art. 3, year by year", "[holidays]") {
    for (const auto& row : easter_table) {
        const int year = std::stoi(row[0]);
        INFO(year);
        const Date easter = d(row[1]);
        // lid 2: Goede Vrijdag; lid 1: tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag
        CHECK(is_public_holiday(add_days(easter, -2)));
        CHECK(is_public_holiday(add_days(easter, 1)));
        CHECK(is_public_holiday(add_days(easter, 39)));
        CHECK(is_public_holiday(add_days(easter, 50)));
        CHECK_FALSE(is_public_holiday(add_days(easter, -1)));  // Holy Saturday
        CHECK_FALSE(is_public_holiday(add_days(easter, 40)));  // the Friday after Ascension
        CHECK_FALSE(is_working_day(easter));                    // a Sunday
        // fixed days; the fifth of May in every year
        CHECK(is_public_holiday(make_date(year, 1, 1)));
        CHECK(is_public_holiday(make_date(year, 5, 5)));
        CHECK(is_public_holiday(make_date(year, 12, 25)));
        CHECK(is_public_holiday(make_date(year, 12, 26)));
        CHECK_FALSE(is_public_holiday(make_date(year, 5, 1)));
        CHECK_FALSE(is_public_holiday(make_date(year, 12, 24)));
        CHECK_FALSE(is_public_holiday(make_date(year, 12, 31)));
        // Nine holidays a year: none of 2019-2030 has two on one day.
        int count = 0;
        for (Date x = make_date(year, 1, 1); static_cast<int>(x.year()) == year; x = add_days(x, 1))
            if (is_public_holiday(x)) ++count;
        CHECK(count == 9);
    }
    CHECK(plus(d("2024-03-31"), 39) == "2024-05-09");  // Hemelvaartsdag 2024
}

TEST_CASE("Koningsdag: 27 April, 26 April when the 27th is a Sunday", "[holidays]") {
    CHECK(format_date(kings_day(2025)) == "2025-04-26");  // 27 April 2025 is a Sunday
    CHECK(is_public_holiday(d("2025-04-26")));
    CHECK_FALSE(is_public_holiday(d("2025-04-27")));
    CHECK(format_date(kings_day(2014)) == "2014-04-26");
    CHECK(format_date(kings_day(2023)) == "2023-04-27");
    CHECK(is_public_holiday(d("2023-04-27")));
    CHECK_FALSE(is_public_holiday(d("2023-04-26")));
    CHECK_FALSE(is_working_day(d("2023-04-27")));
    CHECK(format_date(kings_day(2031)) == "2031-04-26");  // 27 April 2031 is a Sunday
}

TEST_CASE("working days and the extension of Algemene termijnenwet art. 1", "[holidays]") {
    CHECK(is_working_day(d("2024-04-02")));
    CHECK_FALSE(is_working_day(d("2024-04-06")));  // Saturday
    CHECK_FALSE(is_working_day(d("2024-04-07")));  // Sunday
    // A working day stays.
    CHECK(format_date(extend_to_working_day(d("2024-04-02"))) == "2024-04-02");
    // Saturday → Monday
    CHECK(format_date(extend_to_working_day(d("2023-06-03"))) == "2023-06-05");
    // Goede Vrijdag 2024 → Saturday, Sunday, tweede Paasdag → Tuesday
    CHECK(format_date(extend_to_working_day(d("2024-03-29"))) == "2024-04-02");
    // Koningsdag 2023 (Thursday) → Friday
    CHECK(format_date(extend_to_working_day(d("2023-04-27"))) == "2023-04-28");
    // Koningsdag 2025 on the Saturday → Monday
    CHECK(format_date(extend_to_working_day(d("2025-04-26"))) == "2025-04-28");
    // Saturday before Christmas 2023 → Sunday, 1e and 2e Kerstdag → Wednesday
    CHECK(format_date(extend_to_working_day(d("2023-12-23"))) == "2023-12-27");
    // Hemelvaartsdag 2026 → the Friday after it (not a holiday under the Act)
    CHECK(format_date(extend_to_working_day(d("2026-05-14"))) == "2026-05-15");
    // 2e Pinksterdag 2024 → Tuesday
    CHECK(format_date(extend_to_working_day(d("2024-05-20"))) == "2024-05-21");
    // the fifth of May 2025, a Monday → Tuesday
    CHECK(format_date(extend_to_working_day(d("2025-05-05"))) == "2025-05-06");
    // Nieuwjaarsdag 2022 on a Saturday → Monday 3 January
    CHECK(format_date(extend_to_working_day(d("2022-01-01"))) == "2022-01-03");
}
