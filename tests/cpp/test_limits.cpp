// Limits: dates confined to 0001-01-01 .. 9999-12-31, month totals that cannot overflow, and
// Overflow errors that name the document or model field they come from.

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/core/date.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/tariff/build_up.hpp"
#include "zorginkoop/tariff/realism.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;

namespace {

const char* const model_yaml =
    "zorginkoop_cost_model: 1\n"
    "law: jeugdwet\n"
    "unit: \"04\"\n"
    "staff:\n"
    "  - {function: Begeleider, monthly_salary: \"SALARY\", share: \"1\", employer_charges: \"0.28\"}\n"
    "hours: {annual_hours: \"1878\", productivity: \"0.7\"}\n"
    "overhead: {rate: \"0.22\", convention: markup}\n";

std::string model_with_salary(const std::string& salary) {
    std::string y = model_yaml;
    y.replace(y.find("SALARY"), 6, salary);
    return y;
}

std::string indent(const std::string& text, const std::string& pad) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        out += pad + text.substr(start, end - start) + "\n";
        start = end == std::string::npos ? text.size() : end + 1;
    }
    return out;
}

/// The Overflow `f` throws (nothing when it throws none).
template <class F>
std::optional<Overflow> overflow_of(F&& f) {
    try {
        f();
    } catch (const Overflow& e) {
        return e;
    }
    return std::nullopt;
}

/// Its path, or "(no Overflow)".
template <class F>
std::string overflow_path(F&& f) {
    const auto e = overflow_of(std::forward<F>(f));
    return e ? e->path() : "(no Overflow)";
}

}  // namespace

TEST_CASE("dates: only years 0001-9999 are read", "[core][date]") {
    CHECK_THROWS_AS(parse_date("0000-01-01"), InvalidInput);
    CHECK_THROWS_AS(parse_date("0000-12-31"), InvalidInput);
    CHECK_THROWS_AS(parse_date("10000-01-01"), InvalidInput);
    CHECK_THROWS_AS(make_date(0, 1, 1), InvalidInput);
    CHECK_THROWS_AS(make_date(10000, 1, 1), InvalidInput);
    CHECK_THROWS_AS(make_date(-5, 1, 1), InvalidInput);
    CHECK(format_date(parse_date("0001-01-01")) == "0001-01-01");
    CHECK(format_date(parse_date("9999-12-31")) == "9999-12-31");
}

TEST_CASE("dates: arithmetic that leaves 0001-01-01..9999-12-31 throws Overflow", "[core][date]") {
    const Date last = parse_date("9999-12-31"), first = parse_date("0001-01-01");
    CHECK_THROWS_AS(add_days(last, 1), Overflow);
    CHECK_THROWS_AS(add_days(first, -1), Overflow);
    CHECK_THROWS_AS(add_days(first, 5000000), Overflow);
    CHECK_THROWS_AS(add_months(parse_date("9999-12-01"), 1, EndOfMonth::clamp), Overflow);
    CHECK_THROWS_AS(add_months(parse_date("0001-02-15"), -2, EndOfMonth::clamp), Overflow);
    CHECK_THROWS_AS(add_months(parse_date("2024-01-01"), 2147483647, EndOfMonth::clamp), Overflow);
    CHECK_THROWS_AS(add_months(parse_date("2024-01-01"), -2147483647 - 1, EndOfMonth::refuse), Overflow);
    CHECK_THROWS_AS(term_end(parse_date("9999-01-02"), 12), Overflow);
    CHECK_THROWS_AS(term_end(parse_date("2024-01-01"), 2147483647), Overflow);
    // a date built from date.h parts directly is never printed malformed
    CHECK_THROWS_AS(format_date(Date{date::year{10000}, date::month{1}, date::day{1}}), Overflow);
    CHECK_THROWS_AS(format_date(Date{date::year{0}, date::month{6}, date::day{1}}), Overflow);
    CHECK_THROWS_AS(format_date(Date{date::year{-1}, date::month{6}, date::day{1}}), Overflow);

    // the edges themselves still work
    CHECK(format_date(add_days(parse_date("9999-12-30"), 1)) == "9999-12-31");
    CHECK(format_date(add_days(parse_date("0001-01-02"), -1)) == "0001-01-01");
    CHECK(format_date(add_months(parse_date("9999-11-30"), 1, EndOfMonth::clamp)) == "9999-12-30");
    CHECK(format_date(add_months(parse_date("0001-03-31"), -2, EndOfMonth::clamp)) == "0001-01-31");
    CHECK(format_date(term_end(parse_date("9999-01-01"), 12)) == "9999-12-31");
    CHECK(term_months(parse_date("9999-11-15"), parse_date("9999-12-31")) == 2);
    CHECK(term_months(parse_date("0001-01-01"), parse_date("9999-12-31")) == 119988);
}

TEST_CASE("check: extension months are summed without overflowing int", "[core][term]") {
    Document d = parse_document_yaml(
        "zorginkoop: 1\nid: long\nlaw: jeugdwet\nprocedure: {kind: sas, framework_agreement: true}\n"
        "term:\n  start: 2024-01-01\n  end: 2026-12-31\n  extensions:\n    - {months: 12}\n");
    // a few extensions: counted as before (TERM-002: 36 + 12 + 2 × 1200 months > 48)
    d.term->extensions->push_back(Extension{1200, std::nullopt});
    d.term->extensions->push_back(Extension{1200, std::nullopt});
    const Report ok = check(d);
    bool term_002 = false;
    for (const auto& f : ok.findings)
        if (f.rule == "TERM-002" && f.evidence.size() > 0 && f.evidence.front().second == "2448") term_002 = true;
    CHECK(term_002);

    // more extension months than the calendar range holds: Overflow naming the extension where the
    // total left it (before: an int that could wrap with enough extensions)
    for (int i = 0; i < 100; ++i) d.term->extensions->push_back(Extension{1200, std::nullopt});
    const auto e = overflow_of([&] { (void)check(d); });
    REQUIRE(e);
    CHECK(e->path() == "term.extensions[100].months");  // 12 + 2 × 1200 + 98 × 1200 > 119988
    CHECK(e->message().rfind("TERM-002: ", 0) == 0);
}

TEST_CASE("check: an Overflow while summing lot values names the lot value, with line and column", "[core][value]") {
    const std::string yaml =
        "zorginkoop: 1\nid: huge\nlaw: wmo2015\n"
        "lots:\n"
        "  - {id: A, estimated_value: \"200000000000000000000\"}\n"
        "  - {id: B, estimated_value: \"200000000000000000000\"}\n"
        "  - {id: C, estimated_value: \"1\"}\n";
    const Document d = parse_document_yaml(yaml, "huge.yaml");
    const auto e = overflow_of([&] { (void)check(d); });
    REQUIRE(e);
    CHECK(e->path() == "lots[1].estimated_value");
    CHECK(e->line() == 6);
    CHECK(e->column() > 0);
    CHECK(e->where().source == "huge.yaml");
}

TEST_CASE("build-up: an Overflow names the field of the cost model", "[core][tariff]") {
    const CostModel huge = CostModel::parse_yaml(model_with_salary("100000000000000000000"));
    CHECK(overflow_path([&] { (void)build_up(huge); }) == "staff[0].monthly_salary");
    CHECK(overflow_path([&] { (void)build_up(huge, "lots[0].products[0].cost_model"); }) ==
          "lots[0].products[0].cost_model.staff[0].monthly_salary");
    CHECK(overflow_path([&] { (void)check_tariff(Money::parse("60"), huge, zorginkoop::PriceBasis::floor); }) ==
          "staff[0].monthly_salary");

    // a model in range, a tariff near the end of the range: the gap to the cost price overflows
    const CostModel normal = CostModel::parse_yaml(model_with_salary("3500.00"));
    CHECK(overflow_path([&] { (void)check_tariff(Money::parse("300000000000000000000"), normal, zorginkoop::PriceBasis::floor); }) ==
          "tariff");
    CHECK_NOTHROW(check_tariff(Money::parse("60"), normal, zorginkoop::PriceBasis::floor));
}

TEST_CASE("check: an Overflow in a price rule names the rule and the model's field in the document", "[core][price]") {
    const std::string yaml = "zorginkoop: 1\nid: price\nlaw: jeugdwet\nterm: {start: 2025-01-01}\n"
                             "lots:\n  - id: A\n    products:\n"
                             "      - name: Begeleiding\n        unit: \"04\"\n        tariff: \"60.00\"\n"
                             "        cost_model:\n" +
                             indent(model_with_salary("100000000000000000000"), "          ");
    const Document d = parse_document_yaml(yaml, "price.yaml");
    const auto e = overflow_of([&] { (void)check(d); });
    REQUIRE(e);
    CHECK(e->path() == "lots[0].products[0].cost_model.staff[0].monthly_salary");
    CHECK(e->message().rfind("PRICE-", 0) == 0);
    CHECK(e->line() > 0);
}
