#pragma once
// Dates: aliases over Howard Hinnant's date.h (never tz.h), strict ISO parsing, month arithmetic
// with an explicit end-of-month policy, and the contract-term and deadline arithmetic the rules use.
// Every date is in 0001-01-01 .. 9999-12-31 (four-digit ISO years): parsing refuses others, and
// arithmetic that would leave that range throws Overflow instead of printing a malformed date.

#include <cstdint>
#include <string>
#include <string_view>

#include <date/date.h>

#include "zorginkoop/core/error.hpp"

namespace zorginkoop {

using Date = date::year_month_day;

/// What month arithmetic does when the day does not exist in the target month
/// (2024-01-31 + 1 month): clamp to the month's last day, or refuse (AmbiguousDate).
enum class EndOfMonth { clamp, refuse };

namespace detail {
inline constexpr int min_year = 1;
inline constexpr int max_year = 9999;
inline constexpr const char* date_range_text = "0001-01-01 to 9999-12-31";

inline bool year_in_range(long long y) noexcept { return y >= min_year && y <= max_year; }

[[noreturn]] inline void date_out_of_range(const std::string& what) {
    throw Overflow(what + " is outside the dates zorginkoop handles (" + date_range_text + ")");
}

/// The calendar month `months` after the month of `d`, computed in 64 bits; Overflow when its
/// year is outside 1-9999.
inline date::year_month shift_months(const Date& d, long long months);
}  // namespace detail

inline Date make_date(int y, unsigned m, unsigned d) {
    Date out{date::year{y}, date::month{m}, date::day{d}};
    if (!out.ok())
        throw InvalidInput("date " + std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d) +
                           " does not exist");
    if (!detail::year_in_range(y))
        throw InvalidInput("date " + std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d) +
                           " is outside " + detail::date_range_text);
    return out;
}

/// Strict ISO 8601 calendar date YYYY-MM-DD with a year 0001-9999; the day must exist
/// (2024-02-30 is an error).
inline Date parse_date(std::string_view text) {
    auto bad = [&](const char* why) {
        return InvalidInput(detail::quote_text(text, 40) + " is not a date (YYYY-MM-DD): " + why);
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad("expected the form YYYY-MM-DD");
    auto num = [&](std::size_t pos, std::size_t len) {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (text[i] < '0' || text[i] > '9') throw bad("non-digit character");
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (y < detail::min_year) throw bad("year out of range (0001-9999)");
    if (m < 1 || m > 12) throw bad("month out of range");
    Date out{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
    if (!out.ok()) throw bad("day does not exist in that month");
    return out;
}

/// YYYY-MM-DD. A date that does not exist or lies outside 0001-01-01 .. 9999-12-31 (only a date
/// built from date.h parts directly can) is an Overflow, never a malformed text.
inline std::string format_date(const Date& d) {
    if (!d.ok() || !detail::year_in_range(static_cast<int>(d.year())))
        detail::date_out_of_range("a date with year " + std::to_string(static_cast<int>(d.year())) + ", month " +
                                  std::to_string(static_cast<unsigned>(d.month())) + ", day " +
                                  std::to_string(static_cast<unsigned>(d.day())));
    char buf[16];
    const int y = static_cast<int>(d.year());
    const unsigned m = static_cast<unsigned>(d.month()), dd = static_cast<unsigned>(d.day());
    buf[0] = static_cast<char>('0' + (y / 1000) % 10);
    buf[1] = static_cast<char>('0' + (y / 100) % 10);
    buf[2] = static_cast<char>('0' + (y / 10) % 10);
    buf[3] = static_cast<char>('0' + y % 10);
    buf[4] = '-';
    buf[5] = static_cast<char>('0' + m / 10);
    buf[6] = static_cast<char>('0' + m % 10);
    buf[7] = '-';
    buf[8] = static_cast<char>('0' + dd / 10);
    buf[9] = static_cast<char>('0' + dd % 10);
    return std::string(buf, 10);
}

/// `d` plus `days` calendar days; Overflow when that leaves 0001-01-01 .. 9999-12-31.
inline Date add_days(const Date& d, long days) {
    const long long first = date::sys_days{date::year{detail::min_year} / 1 / 1}.time_since_epoch().count();
    const long long last = date::sys_days{date::year{detail::max_year} / 12 / 31}.time_since_epoch().count();
    const long long day = date::sys_days{d}.time_since_epoch().count();
    if (!d.ok() || !detail::year_in_range(static_cast<int>(d.year())) || days < first - day || days > last - day)
        detail::date_out_of_range(format_date(d) + " + " + std::to_string(days) + " days");
    return Date{date::sys_days{date::days{static_cast<int>(day + days)}}};
}

inline date::year_month detail::shift_months(const Date& d, long long months) {
    const long long index = static_cast<long long>(static_cast<int>(d.year())) * 12 +
                            static_cast<long long>(static_cast<unsigned>(d.month())) - 1 + months;
    const long long y = index >= 0 ? index / 12 : -((-index + 11) / 12);
    if (!d.ok() || !year_in_range(static_cast<int>(d.year())) || !year_in_range(y))
        date_out_of_range(format_date(d) + " + " + std::to_string(months) + " months");
    return date::year_month{date::year{static_cast<int>(y)}, date::month{static_cast<unsigned>(index - y * 12 + 1)}};
}

/// Calendar days from `from` to `to` (negative when `to` is earlier).
inline long days_between(const Date& from, const Date& to) {
    return static_cast<long>((date::sys_days{to} - date::sys_days{from}).count());
}

/// `d` plus `months` calendar months, with the end-of-month policy; Overflow when the month is
/// outside 0001-01 .. 9999-12.
inline Date add_months(const Date& d, int months, EndOfMonth policy) {
    const date::year_month ym = detail::shift_months(d, months);
    Date out{ym.year(), ym.month(), d.day()};
    if (out.ok()) return out;
    if (policy == EndOfMonth::refuse)
        throw AmbiguousDate(format_date(d) + " + " + std::to_string(months) + " months: day " +
                            std::to_string(static_cast<unsigned>(d.day())) + " does not exist in the target month");
    return Date{date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}};
}

inline Date end_of_month(const Date& d) {
    return Date{date::year_month_day_last{d.year(), date::month_day_last{d.month()}}};
}

/// Last day of the calendar quarter containing `d` (used by the quarterly award-notice rule).
inline Date end_of_quarter(const Date& d) {
    const unsigned m = static_cast<unsigned>(d.month());
    const unsigned last = ((m - 1) / 3 + 1) * 3;
    return end_of_month(Date{d.year(), date::month{last}, date::day{1}});
}

namespace detail {
/// term_end without the range check, as a day count (date.h's own years reach 32767).
inline date::sys_days term_end_days(const Date& start, int months) {
    const date::year_month ym = date::year_month{start.year(), start.month()} + date::months{months};
    const Date corresponding{ym.year(), ym.month(), start.day()};
    if (!corresponding.ok()) return date::sys_days{date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}};
    return date::sys_days{corresponding} - date::days{1};
}
}  // namespace detail

/// Inclusive end date of a term of `months` months starting on `start` (inclusive): the day
/// before the corresponding day `months` later; when that day does not exist in the target month
/// the term ends on that month's last day (EU Regulation 1182/71 art. 3(2)(c)). Examples:
/// 2023-01-01 + 60 → 2027-12-31; 2023-01-31 + 1 → 2023-02-28; 2023-03-31 + 1 → 2023-04-30.
inline Date term_end(const Date& start, int months) {
    if (months <= 0) throw InvalidInput("a term needs a positive number of months");
    // More months than the range holds always end after 9999-12-31 (and would strain date.h's
    // own month arithmetic); fewer are computed, then checked.
    constexpr int months_in_range = (detail::max_year - detail::min_year + 1) * 12;
    const Date end = months > months_in_range ? Date{} : Date{detail::term_end_days(start, months)};
    if (months > months_in_range || !detail::year_in_range(static_cast<int>(end.year())))
        detail::date_out_of_range("the end of a term of " + std::to_string(months) + " months from " + format_date(start));
    return end;
}

/// Whole months from `start` to the day after `end_inclusive` when the term is a whole number of
/// months (term_end(start, n) == end_inclusive); otherwise the months rounded up.
inline int term_months(const Date& start, const Date& end_inclusive) {
    if (date::sys_days{end_inclusive} < date::sys_days{start})
        throw InvalidInput("term ends (" + format_date(end_inclusive) + ") before it starts (" + format_date(start) + ")");
    const int approx = (static_cast<int>(end_inclusive.year()) - static_cast<int>(start.year())) * 12 +
                       (static_cast<int>(static_cast<unsigned>(end_inclusive.month())) -
                        static_cast<int>(static_cast<unsigned>(start.month())));
    for (int n = approx < 1 ? 1 : approx; n <= approx + 2; ++n)
        if (detail::term_end_days(start, n) >= date::sys_days{end_inclusive}) return n;
    return approx + 2;
}

inline int year_of(const Date& d) { return static_cast<int>(d.year()); }

}  // namespace zorginkoop
