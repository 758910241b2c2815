// Days assimilated with public holidays by royal decree (Algemene termijnenwet art. 3 lid 3): the
// bundled decrees (data/law/holidays.yaml), the calendar built from them, the reader's errors, and
// the SAS deadlines they extend, with the decree named in the evidence.

#include <catch2/catch.hpp>

#include "rule_findings.hpp"
#include "support.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/procurement/check.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;

namespace {

using zktest::evidence;
using zktest::first_of;
using zktest::fixture;

Date d(const char* text) { return parse_date(text); }

HolidayCalendar read(const std::string& yaml) {
    return holiday_calendar_from_node(io::parse_yaml(yaml, "holidays.yaml"), "holidays.yaml");
}

const std::string head = "zorginkoop_holiday_decrees: 1\ndecrees:\n";
std::string decree(const std::string& key, const std::string& days) {
    return "  - key: " + key + "\n    title: t\n    date: null\n    publication: null\n    publication_source: null\n"
           "    bwb: null\n    source: s\n    confirmed: false\n    missing: m\n    days: [" + days + "]\n";
}

}  // namespace

TEST_CASE("the bundled decrees: the Friday after Ascension Day and the bridge days are no working days",
          "[holidays][termijnenwet]") {
    const HolidayCalendar& cal = bundled_holiday_calendar();
    // Ascension Day 2024-05-09, 2025-05-29; the Fridays after are assimilated by the decree of 2023-2025
    for (const char* day : {"2024-05-10", "2025-05-30", "2023-04-28", "2023-05-19", "2024-12-27"}) {
        INFO(day);
        CHECK_FALSE(cal.is_working_day(d(day)));
        REQUIRE(cal.assimilated_by(d(day)));
        CHECK(cal.assimilated_by(d(day))->key == "atw_2023_2025");
        CHECK(is_working_day(d(day)));  // the Act's own days: a working day
    }
    CHECK(format_date(cal.extend_to_working_day(d("2024-05-10"))) == "2024-05-13");
    CHECK(format_date(cal.extend_to_working_day(d("2025-05-30"))) == "2025-06-02");
    CHECK(format_date(extend_to_working_day(d("2024-05-10"))) == "2024-05-10");
    // Koningsdag 2023 (Thursday) and the Friday after: to Monday 2023-05-01
    CHECK(format_date(cal.extend_to_working_day(d("2023-04-27"))) == "2023-05-01");
    // the decree of 2017-2019, read in its consolidated text (BWBR0038666)
    const HolidayDecree* y2018 = cal.assimilated_by(d("2018-12-24"));
    REQUIRE(y2018);
    CHECK(y2018->bwb == "BWBR0038666");
    CHECK(y2018->confirmed);
    CHECK(y2018->citation().find("BWBR0038666") != std::string::npos);
    // 2026-2028
    for (const char* day : {"2026-01-02", "2026-05-15", "2027-05-07", "2028-04-28", "2028-05-26"}) {
        INFO(day);
        REQUIRE(cal.assimilated_by(d(day)));
        CHECK(cal.assimilated_by(d(day))->key == "atw_2026_2028");
    }
    // ordinary Fridays stay working days
    CHECK(cal.is_working_day(d("2024-05-03")));
    CHECK(cal.is_working_day(d("2024-05-17")));
    // every decree lists its days in its own period and names its source
    for (const auto& x : cal.decrees()) {
        INFO(x.key);
        CHECK_FALSE(x.days.empty());
        CHECK_FALSE(x.title.empty());
    }
}

TEST_CASE("a decree's days count only where it lists them: a day before its period is not moved", "[holidays][termijnenwet]") {
    // A calendar with one decree for 2024: the Friday after Ascension 2023 (before its period) and 2025 stay working days.
    const HolidayCalendar cal = read(head + decree("only_2024", "2024-05-10"));
    CHECK_FALSE(cal.is_working_day(d("2024-05-10")));
    CHECK(cal.is_working_day(d("2023-05-19")));
    CHECK(format_date(cal.extend_to_working_day(d("2023-05-19"))) == "2023-05-19");
    CHECK(cal.is_working_day(d("2025-05-30")));
    const auto crossed = cal.assimilated_between(d("2024-05-09"), d("2024-05-13"));
    REQUIRE(crossed.size() == 1);
    CHECK(format_date(crossed[0].first) == "2024-05-10");
    CHECK(crossed[0].second->key == "only_2024");
    // no decrees: the Act's days only
    CHECK(HolidayCalendar{}.is_working_day(d("2024-05-10")));
}

TEST_CASE("the decree reader names the path of bad data", "[holidays][termijnenwet]") {
    CHECK_NOTHROW(read(head + decree("a", "2024-05-10") + decree("b", "2025-05-30")));
    try {
        read(head + decree("a", "2024-05-10") + decree("b", "2024-05-10"));
        FAIL("a day in two decrees was accepted");
    } catch (const InvalidInput& e) {
        CHECK(e.where().path == "decrees[1].days[0]");
    }
    try {
        read(head + decree("a", "2024-05-10, 2024-05-10"));
        FAIL("a day listed twice was accepted");
    } catch (const InvalidInput& e) {
        CHECK(e.where().path == "decrees[0].days[1]");
    }
    try {
        read(head + decree("a", "2024-05-10") + decree("a", "2025-05-30"));
        FAIL("a key listed twice was accepted");
    } catch (const InvalidInput& e) {
        CHECK(e.where().path == "decrees[1].key");
    }
    CHECK_THROWS_AS(read(head + decree("a", "")), InvalidInput);
    try {
        read(head + decree("a", "2024-02-30"));
        FAIL("a bad date was accepted");
    } catch (const Error& e) {
        CHECK(e.where().path == "decrees[0].days[0]");
        CHECK(e.where().line == 12);
    }
    CHECK_THROWS_AS(read(head + decree("a", "2024-05-10") + "    dayz: []\n"), ParseError);
    CHECK_THROWS_AS(read("zorginkoop_holiday_decrees: 2\ndecrees: []\n"), ParseError);
}

TEST_CASE("SAS-003: a deadline on a day assimilated by decree moves to the next working day, naming the decree",
          "[law][procurement][termijnenwet][holidays]") {
    struct Case {
        const char* award;
        const char* nominal;
        const char* extended;
        const char* decree;
    };
    const Case cases[] = {
        {"2024-04-10", "2024-05-10", "2024-05-13", "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024"},
        {"2025-04-30", "2025-05-30", "2025-06-02", "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024"},
        {"2018-11-24", "2018-12-24", "2018-12-27", "BWBR0038666"},  // 24 December assimilated, then Christmas
    };
    for (const auto& c : cases) {
        INFO(c.award);
        Document doc = load_document(fixture("SAS-003.fires"));
        doc.award->date = parse_date(c.award);
        doc.publications->at(1).date = parse_date(c.extended);
        CHECK_FALSE(first_of(check(doc), "SAS-003"));  // published on the extended last day: in time
        doc.publications->at(1).date = add_days(parse_date(c.extended), 1);
        const Report r = check(doc);
        const Finding* f = first_of(r, "SAS-003");
        REQUIRE(f);
        CHECK(f->message_key == "check.SAS-003.late_extended");
        CHECK(evidence(*f, "deadline_nominal") == c.nominal);
        CHECK(evidence(*f, "deadline") == c.extended);
        CHECK(evidence(*f, "assimilated_days").find(c.nominal) == 0);
        CHECK(evidence(*f, "holiday_decree").find(c.decree) != std::string::npos);

        // Without the decree's days (a calendar of the Act alone) the deadline is the nominal day.
        CheckOptions act_only;
        act_only.holidays = HolidayCalendar{};
        Document early = doc;
        early.publications->at(1).date = add_days(parse_date(c.nominal), 1);
        const Report act_report = check(early, act_only);
        const Finding* g = first_of(act_report, "SAS-003");
        if (std::string(c.nominal) == "2018-12-24") continue;  // Christmas still extends it under the Act
        REQUIRE(g);
        CHECK(evidence(*g, "deadline") == c.nominal);
        CHECK(evidence(*g, "holiday_decree") == "<none>");
    }

    // A period moved only by a Sunday names no decree.
    Document doc = load_document(fixture("SAS-003.fires"));
    doc.award->date = parse_date("2024-04-05");  // + 30 = Sunday 2024-05-05 (also the fifth of May)
    doc.publications->at(1).date = parse_date("2024-05-07");
    const Report sunday = check(doc);
    const Finding* f = first_of(sunday, "SAS-003");
    REQUIRE(f);
    CHECK(evidence(*f, "deadline") == "2024-05-06");
    CHECK(evidence(*f, "assimilated_days") == "<none>");
    CHECK(evidence(*f, "holiday_decree") == "<none>");
}

TEST_CASE("SAS-006 and SAS-007 take the decree days from the check's calendar", "[law][procurement][termijnenwet][holidays]") {
    // SAS-006 (full regime): standstill of 20 days from the award decision; make it end on 2024-05-10.
    Document doc = load_document(fixture("SAS-006.fires-extended"));
    doc.award->date = parse_date("2024-04-20");
    doc.procedure->standstill_days = Nullable<std::int64_t>(std::int64_t{20});
    doc.award->contract_concluded = parse_date("2024-05-11");  // after the nominal end, before the extended one
    const Report r = check(doc);
    const Finding* f = first_of(r, "SAS-006");
    REQUIRE(f);
    CHECK(f->message_key == "check.SAS-006.concluded_early_full_extended");
    CHECK(evidence(*f, "deadline_nominal") == "2024-05-10");
    CHECK(evidence(*f, "deadline") == "2024-05-13");
    CHECK(evidence(*f, "holiday_decree").find("10 mei 2024") != std::string::npos);
    CheckOptions act_only;
    act_only.holidays = HolidayCalendar{};
    CHECK_FALSE(first_of(check(doc, act_only), "SAS-006"));
}
