#pragma once
// Dutch public holidays and working days in the sense of the Algemene termijnenwet (BWBR0002448),
// and the extension of a statutory period that ends on a day that is not a working day.
//
// Art. 1: "1 Een in een wet gestelde termijn die op een zaterdag, zondag of algemeen erkende
// feestdag eindigt, wordt verlengd tot en met de eerstvolgende dag die niet een zaterdag, zondag of
// algemeen erkende feestdag is. 2 Het vorige lid geldt niet voor termijnen, bepaald door
// terugrekening vanaf een tijdstip of een gebeurtenis."
//
// Art. 3: "1 Algemeen erkende feestdagen in de zin van deze wet zijn: de Nieuwjaarsdag, de
// Christelijke tweede Paas- en Pinksterdag, de beide Kerstdagen, de Hemelvaartsdag, de dag waarop
// de verjaardag van de Koning wordt gevierd en de vijfde mei. 2 Voor de toepassing van deze wet
// wordt de Goede Vrijdag met de in het vorige lid genoemde dagen gelijkgesteld. 3 Wij kunnen
// bepaalde dagen voor de toepassing van deze wet met de in het eerste lid genoemde gelijkstellen."
// The fifth of May is listed without condition, so it is a holiday in every year.
//
// Art. 4 lid 1 onder a excludes, among others, periods described in more than 90 days, twelve
// weeks or three months, or in years: the callers apply art. 1 only to periods of at most 90 days.
//
// Days a royal decree assimilates under art. 3 lid 3 ("Wij kunnen bepaalde dagen voor de toepassing
// van deze wet met de in het eerste lid genoemde gelijkstellen"; the decree is published in the
// Staatscourant, usually for three years at a time) are a HolidayCalendar's decrees: the library's
// are data/law/holidays.yaml (bundled/laws.hpp reads them); core reads no data. The free
// functions below know only the days of the Act itself. Not modelled: art. 2 (a period of at least
// three days that must contain two working days). The day on which the King's birthday is celebrated is 27 April, or
// 26 April when the 27th is a Sunday: that shift is fixed by royal decree, not by the Act itself
// (the Act only names "de dag waarop de verjaardag van de Koning wordt gevierd"); the research
// behind this library does not quote the decree. Koningsdag exists from 2014 (before, Koninginnedag
// on 30 April) and is computed for every year here; before 2014 the result is not the historic day.
//
// Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher).

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "zorginkoop/core/date.hpp"

namespace zorginkoop {

/// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).
inline Date easter_sunday(int year) {
    if (year < 1583 || year > 9999) throw InvalidInput("easter_sunday: year " + std::to_string(year) + " outside 1583..9999");
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return make_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

/// Koningsdag: 27 April, or 26 April when 27 April is a Sunday.
inline Date kings_day(int year) {
    const Date d = make_date(year, 4, 27);
    return date::weekday{date::sys_days{d}} == date::Sunday ? make_date(year, 4, 26) : d;
}

/// Whether `d` is an "algemeen erkende feestdag" of Algemene termijnenwet art. 3 lid 1, or Good
/// Friday (lid 2). Days assimilated by royal decree (lid 3) are not included.
inline bool is_public_holiday(const Date& d) {
    const int y = static_cast<int>(d.year());
    const unsigned m = static_cast<unsigned>(d.month());
    const unsigned day = static_cast<unsigned>(d.day());
    if (m == 1 && day == 1) return true;                   // Nieuwjaarsdag
    if (m == 12 && (day == 25 || day == 26)) return true;  // de beide Kerstdagen
    if (m == 5 && day == 5) return true;                   // de vijfde mei
    if (m == 4 && date::sys_days{d} == date::sys_days{kings_day(y)}) return true;
    if (m < 3 || m > 6) return false;  // the Easter-dependent days fall between 20 March and 14 June
    const date::sys_days easter{easter_sunday(y)};
    const date::sys_days x{d};
    return x == easter - date::days{2}      // Goede Vrijdag (lid 2)
           || x == easter + date::days{1}   // tweede Paasdag
           || x == easter + date::days{39}  // Hemelvaartsdag
           || x == easter + date::days{50};  // tweede Pinksterdag
}

/// A day that is not a Saturday, Sunday or public holiday (Algemene termijnenwet art. 1).
inline bool is_working_day(const Date& d) {
    const date::weekday w{date::sys_days{d}};
    return w != date::Saturday && w != date::Sunday && !is_public_holiday(d);
}

/// Algemene termijnenwet art. 1 lid 1: a period that ends on `end` runs to and including the next
/// working day. A working day is returned as it is. Not for periods counted backwards (lid 2) nor
/// for those art. 4 excludes; the caller decides.
inline Date extend_to_working_day(const Date& end) {
    Date d = end;
    while (!is_working_day(d)) d = add_days(d, 1);
    return d;
}

/// A royal decree under Algemene termijnenwet art. 3 lid 3: the days it assimilates with the
/// public holidays of art. 3 lid 1, with how it is cited.
struct HolidayDecree {
    std::string key;    // stable key ("atw_2023_2025")
    std::string title;  // the decree's title ("Besluit gelijkstelling van ... met een algemeen erkende feestdag")
    /// Where it was published ("Stcrt. 2016, 58653"); empty when not known.
    std::string publication;
    /// The id of its consolidation on wetten.overheid.nl ("BWBR0038666"); empty when none.
    std::string bwb;
    std::vector<Date> days;
    /// Whether the days were checked against the decree's own text (false: secondary sources only).
    bool confirmed = false;

    /// How a finding names it: the title, with the publication and the BWB id when known.
    std::string citation() const {
        std::string refs = publication;
        if (!bwb.empty()) refs += (refs.empty() ? "" : "; ") + bwb;
        return refs.empty() ? title : title + " (" + refs + ")";
    }
};

/// The working days of the Algemene termijnenwet with the days assimilated by royal decree (art. 3
/// lid 3). An immutable value: the library's decrees are `bundled_holiday_calendar()`
/// (bundled/laws.hpp); a default-constructed calendar knows the Act's own days only.
class HolidayCalendar {
public:
    HolidayCalendar() = default;
    /// A day listed twice, in one decree or in two, is an InvalidInput naming both.
    explicit HolidayCalendar(std::vector<HolidayDecree> decrees) : decrees_(std::move(decrees)) {
        for (std::size_t i = 0; i < decrees_.size(); ++i)
            for (std::size_t j = 0; j < decrees_[i].days.size(); ++j)
                for (std::size_t k = i; k < decrees_.size(); ++k)
                    for (std::size_t l = (k == i ? j + 1 : 0); l < decrees_[k].days.size(); ++l)
                        if (date::sys_days{decrees_[i].days[j]} == date::sys_days{decrees_[k].days[l]})
                            throw InvalidInput("holiday decrees: " + format_date(decrees_[i].days[j]) + " is listed by '" +
                                               decrees_[i].key + "' and by '" + decrees_[k].key + "'");
    }

    const std::vector<HolidayDecree>& decrees() const noexcept { return decrees_; }

    /// The decree that assimilates `d` with a public holiday, or nullptr.
    const HolidayDecree* assimilated_by(const Date& d) const noexcept {
        for (const auto& decree : decrees_)
            for (const auto& day : decree.days)
                if (date::sys_days{day} == date::sys_days{d}) return &decree;
        return nullptr;
    }
    /// A public holiday of art. 3 lid 1 or 2, or a day a decree assimilates with one (lid 3).
    bool is_holiday(const Date& d) const { return is_public_holiday(d) || assimilated_by(d) != nullptr; }
    bool is_working_day(const Date& d) const {
        const date::weekday w{date::sys_days{d}};
        return w != date::Saturday && w != date::Sunday && !is_holiday(d);
    }
    /// Art. 1 lid 1 with the assimilated days (see the free function).
    Date extend_to_working_day(const Date& end) const {
        Date d = end;
        while (!is_working_day(d)) d = add_days(d, 1);
        return d;
    }
    /// The assimilated days from `from` up to, not including, `to`, with their decrees, in date order:
    /// the days that moved a period ending on `from` to `to`.
    std::vector<std::pair<Date, const HolidayDecree*>> assimilated_between(const Date& from, const Date& to) const {
        std::vector<std::pair<Date, const HolidayDecree*>> out;
        for (Date d = from; date::sys_days{d} < date::sys_days{to}; d = add_days(d, 1))
            if (const HolidayDecree* decree = assimilated_by(d)) out.emplace_back(d, decree);
        return out;
    }

private:
    std::vector<HolidayDecree> decrees_;
};

}  // namespace zorginkoop
