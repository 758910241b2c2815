// An Overflow in a rule's own arithmetic names the document value it started from, with its line
// and column (never the rule id as a path).

#include <catch2/catch.hpp>

#include <sstream>

#include "support.hpp"
#include "zorginkoop/procurement/check.hpp"

using namespace zorginkoop;

namespace {

/// The line (1-based) of `text` that starts with `prefix` after its indentation.
std::size_t line_of(const std::string& text, const std::string& prefix) {
    std::istringstream in(text);
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n)
        if (line.find_first_not_of(' ') != std::string::npos && line.compare(line.find_first_not_of(' '), prefix.size(), prefix) == 0)
            return n;
    return 0;
}

}  // namespace

TEST_CASE("VAL-002: an Overflow of the monthly amount names estimated_value.monthly_amount and its line",
          "[procurement][edges]") {
    const std::string file = "tests/fixtures/procurement/rules/VAL-002.fires.zorginkoop.yaml";
    procurement::Document d = procurement::load_document(zktest::source_path(file));
    d.estimated_value->monthly_amount = Money::parse("99999999999999999999.99");
    d.term->indefinite = true;
    try {
        (void)procurement::check(d);
        FAIL("no Overflow");
    } catch (const Overflow& e) {
        CHECK(e.where().path == "estimated_value.monthly_amount");
        CHECK(e.where().line == line_of(zktest::read_source(file), "monthly_amount:"));
        CHECK(e.where().line > 0);
        const std::string what = e.what();
        CHECK(what.find("VAL-002") != std::string::npos);
        CHECK(what.find("VAL-002: VAL-002") == std::string::npos);
    }
}

TEST_CASE("TERM-004: an Overflow of the cumulative modifications names the modification that took it out of range",
          "[procurement][edges]") {
    const std::string file = "tests/fixtures/procurement/rules/TERM-004.fires.zorginkoop.yaml";
    procurement::Document d = procurement::load_document(zktest::source_path(file));
    procurement::Modification second = d.modifications->at(0);
    d.modifications->at(0).value = Money::parse("300000000000000000000");
    second.value = Money::parse("300000000000000000000");
    d.modifications->push_back(second);
    try {
        (void)procurement::check(d);
        FAIL("no Overflow");
    } catch (const Overflow& e) {
        CHECK(e.where().path == "modifications[1].value");
        CHECK(std::string(e.what()).find("TERM-004") != std::string::npos);
    }
}
