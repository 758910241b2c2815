// The holiday decrees read from their data file (data/law/holidays.yaml, embedded in the library).

#include "zorginkoop/law/holiday_decrees.hpp"

#include "zorginkoop/data.hpp"
#include "zorginkoop/io/reader.hpp"

namespace zorginkoop {

namespace {

std::string optional_text(io::MapReader& m, std::string_view key) {
    const auto v = m.value(key);
    return v ? v->text() : std::string{};
}

}  // namespace

HolidayCalendar holiday_calendar_from_node(const io::Node& node, const std::string& source) {
    io::MapReader top(io::Reader(node, "", source));
    if (top.require("zorginkoop_holiday_decrees").integer() != 1)
        top.require("zorginkoop_holiday_decrees").fail("unsupported format version (this library reads 1)");
    std::vector<HolidayDecree> decrees;
    for (const auto& item : top.require("decrees").items()) {
        io::MapReader m(item);
        HolidayDecree d;
        const io::Reader key = m.require("key");
        d.key = key.text();
        for (const auto& other : decrees)
            if (other.key == d.key) key.invalid("decree key '" + d.key + "' is listed twice");
        d.title = m.require("title").text();
        if (const auto date = m.value("date")) (void)date->date();  // checked; documentation only
        d.publication = optional_text(m, "publication");
        (void)optional_text(m, "publication_source");
        d.bwb = optional_text(m, "bwb");
        (void)m.require("source").text();
        d.confirmed = m.require("confirmed").boolean();
        (void)optional_text(m, "missing");
        const io::Reader days = m.require("days");
        for (const auto& day : days.items()) {
            const Date x = day.date();
            for (const auto& seen : d.days)
                if (date::sys_days{seen} == date::sys_days{x}) day.invalid(format_date(x) + " is listed twice");
            for (const auto& other : decrees)
                for (const auto& seen : other.days)
                    if (date::sys_days{seen} == date::sys_days{x})
                        day.invalid(format_date(x) + " is also listed by '" + other.key + "'");
            d.days.push_back(x);
        }
        if (d.days.empty()) days.invalid("a decree assimilates at least one day");
        m.finish("a holiday decree");
        decrees.push_back(std::move(d));
    }
    top.finish("the holiday decree list");
    return HolidayCalendar(std::move(decrees));
}

const HolidayCalendar& bundled_holiday_calendar() {
    static const HolidayCalendar calendar = holiday_calendar_from_node(
        io::parse_yaml(bundled_file("law/holidays.yaml"), "law/holidays.yaml"), "law/holidays.yaml");
    return calendar;
}

}  // namespace zorginkoop
