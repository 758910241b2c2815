#pragma once
// Dates: aliases over Howard Hinnant's date.h (never tz.h), strict ISO parsing, month arithmetic
// with an explicit end-of-month policy, and the contract-term and deadline arithmetic the rules use.

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

inline Date make_date(int y, unsigned m, unsigned d) {
    Date out{date::year{y}, date::month{m}, date::day{d}};
    if (!out.ok())
        throw InvalidInput("date " + std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d) +
                           " does not exist");
    return out;
}

/// Strict ISO 8601 calendar date YYYY-MM-DD; the day must exist (2024-02-30 is an error).
inline Date parse_date(std::string_view text) {
    auto bad = [&](const char* why) {
        return InvalidInput("'" + std::string(text.substr(0, 40)) + "' is not a date (YYYY-MM-DD): " + why);
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
    if (m < 1 || m > 12) throw bad("month out of range");
    Date out{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
    if (!out.ok()) throw bad("day does not exist in that month");
    return out;
}

inline std::string format_date(const Date& d) {
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

inline Date add_days(const Date& d, long days) {
    return Date{date::sys_days{d} + date::days{days}};
}

/// Calendar days from `from` to `to` (negative when `to` is earlier).
inline long days_between(const Date& from, const Date& to) {
    return static_cast<long>((date::sys_days{to} - date::sys_days{from}).count());
}

inline Date add_months(const Date& d, int months, EndOfMonth policy) {
    date::year_month ym = date::year_month{d.year(), d.month()} + date::months{months};
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

/// Inclusive end date of a term of `months` months starting on `start` (inclusive): the day
/// before the corresponding day `months` later; when that day does not exist in the target month
/// the term ends on that month's last day (EU Regulation 1182/71 art. 3(2)(c)). Examples:
/// 2023-01-01 + 60 → 2027-12-31; 2023-01-31 + 1 → 2023-02-28; 2023-03-31 + 1 → 2023-04-30.
inline Date term_end(const Date& start, int months) {
    if (months <= 0) throw InvalidInput("a term needs a positive number of months");
    date::year_month ym = date::year_month{start.year(), start.month()} + date::months{months};
    Date corresponding{ym.year(), ym.month(), start.day()};
    if (!corresponding.ok()) return Date{date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}};
    return add_days(corresponding, -1);
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
        if (date::sys_days{term_end(start, n)} >= date::sys_days{end_inclusive}) return n;
    return approx + 2;
}

inline int year_of(const Date& d) { return static_cast<int>(d.year()); }

}  // namespace zorginkoop
