// Location: the one place-in-an-input type of errors, findings and readers. Its equality, its
// named builders, that the old positional forms do not compile, and that the readers put source,
// path, line and column in the right fields.

#include <catch2/catch.hpp>

#include <string>
#include <type_traits>

#include "zorginkoop/core/error.hpp"
#include "zorginkoop/core/location.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"
#include "zorginkoop/procurement/document.hpp"
#include "zorginkoop/report/finding.hpp"
#include "zorginkoop/tariff/cost_model.hpp"

using namespace zorginkoop;

namespace {

/// Where the error thrown by `f` is ("(no error)" when none is thrown).
template <class F>
Location where_of(F&& f) {
    try { f(); } catch (const Error& e) { return e.where(); }
    return Location::at("(no error)");
}

void check_at(const Location& l, const std::string& source, const std::string& path, std::size_t line,
              std::size_t column) {
    CHECK(l.source == source);
    CHECK(l.path == path);
    CHECK(l.line == line);
    CHECK(l.column == column);
}

}  // namespace

// The forms that used to build a location positionally no longer compile (the compiler finds
// every site; a literal 0 would otherwise convert to a string).
static_assert(!std::is_aggregate<Location>::value, "Location is built through its named steps");
static_assert(!std::is_constructible<Location, const char*, int, int, std::string>::value, "old finding form");
static_assert(!std::is_constructible<Location, std::string, std::string, std::size_t, std::size_t>::value,
              "old error form");
static_assert(!std::is_constructible<Location, std::string, std::string>::value, "old error form");
static_assert(!std::is_constructible<Location, std::string>::value, "old error form (source only)");
static_assert(!std::is_convertible<const char*, Location>::value, "no implicit Location from text");
static_assert(std::is_same<io::Mark, Position>::value, "a node's mark is a Position");
static_assert(sizeof(io::Mark) == 2 * sizeof(std::size_t), "a node's mark holds no strings");

TEST_CASE("location: Position equality compares line and column", "[location]") {
    CHECK(Position{3, 4} == Position{3, 4});
    CHECK(Position{3, 4} != Position{4, 3});
    CHECK(Position{3, 4} != Position{3, 5});
    CHECK(Position{} == Position{0, 0});
}

TEST_CASE("location: the builders fill the field they name", "[location]") {
    const Location none;
    check_at(none, "", "", 0, 0);

    check_at(Location::at("lots[0].tariff"), "", "lots[0].tariff", 0, 0);
    check_at(Location{}.in("doc.yaml"), "doc.yaml", "", 0, 0);
    check_at(Location::at("award.date").in("doc.yaml").line_col(12, 3), "doc.yaml", "award.date", 12, 3);
    check_at(Location::at("award.date").on(Position{12, 3}).in("doc.yaml"), "doc.yaml", "award.date", 12, 3);

    // on a named (lvalue) location the builders return a changed copy and leave it as it was
    const Location base = Location::at("a").in("s.yaml").line_col(2, 5);
    check_at(base.with_path("a.b"), "s.yaml", "a.b", 2, 5);
    check_at(base.in("t.yaml"), "t.yaml", "a", 2, 5);
    check_at(base.line_col(7, 1), "s.yaml", "a", 7, 1);
    check_at(base.on(Position{}), "s.yaml", "a", 0, 0);
    check_at(base, "s.yaml", "a", 2, 5);
    CHECK(base.position() == Position{2, 5});
}

TEST_CASE("location: equality compares source, path, line and column", "[location]") {
    const Location l = Location::at("p").in("s").line_col(1, 2);
    CHECK(l == Location::at("p").in("s").line_col(1, 2));
    CHECK_FALSE(l != Location::at("p").in("s").line_col(1, 2));
    CHECK(l != l.in("t"));
    CHECK(l != l.with_path("q"));
    CHECK(l != l.line_col(2, 2));
    CHECK(l != l.line_col(1, 3));
    CHECK(l != l.line_col(2, 1));  // line and column swapped
    // a source and a path with the same text are different places
    CHECK(Location::at("x") != Location{}.in("x"));
    CHECK(Location{} == Location());
}

TEST_CASE("location: SourceLocation is the same type, kept for users", "[location]") {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    CHECK(std::is_same<SourceLocation, Location>::value);
#pragma GCC diagnostic pop
    const Error e(ErrorCode::invalid_input, "bad", Location::at("a.b").in("f.yaml").line_col(4, 2));
    check_at(e.where(), "f.yaml", "a.b", 4, 2);
    CHECK(e.path() == "a.b");
    CHECK(e.line() == 4);
    CHECK(e.column() == 2);
    CHECK(std::string(e.what()) == "f.yaml:4:2: a.b: bad");
}

TEST_CASE("location: YAML and JSON reader errors put source, path, line and column in their fields", "[location][io]") {
    const Location yaml = where_of([] { (void)io::parse_yaml("a:\n  b: 1\n  b: 2\n", "in.yaml"); });
    check_at(yaml, "in.yaml", "a.b", 3, 3);
    const Location json = where_of([] { (void)io::parse_json("{\n \"a\": 1,\n   \"a\": 2}", "in.json"); });
    check_at(json, "in.json", "a", 3, 4);
}

TEST_CASE("location: a mapping reader names the key's place", "[location][io]") {
    const io::Node n = io::parse_yaml("x:\n  known: 1\n    \n  unknwn: 2\n", "r.yaml");
    io::Reader r(*n.find("x"), "x", "r.yaml");
    check_at(r.where(), "r.yaml", "x", 2, 3);
    check_at(r.where(n.find("x")->members()[1]), "r.yaml", "x.unknwn", 4, 3);
    const Location e = where_of([&] {
        io::MapReader m(r);
        (void)m.get("known");
        m.finish();
    });
    check_at(e, "r.yaml", "x.unknwn", 4, 3);
}

TEST_CASE("location: document, cost model and clause reader errors carry the right fields", "[location][procurement]") {
    const Location doc = where_of(
        [] { (void)procurement::parse_document_yaml("zorginkoop: 1\nid: w\nlaw: jeugdwet\n  \nbogus: 1\n", "d.yaml"); });
    check_at(doc, "d.yaml", "bogus", 5, 1);

    const Location model = where_of([] {
        (void)CostModel::parse_yaml("zorginkoop_cost_model: 1\nlaw: jeugdwet\nunit: '04'\nstaff:\n"
                                            "  - {monthly_salary: '3500.00', share: '1', bogus: 1}\n",
                                            "m.yaml");
    });
    check_at(model, "m.yaml", "staff[0].bogus", 5, 45);

    const Location clause = where_of([] {
        (void)IndexationClause::parse("components: [{series: OVA, weight: '1'}]\n\nbogus: 1\n", "c.yaml");
    });
    check_at(clause, "c.yaml", "bogus", 3, 1);
}

TEST_CASE("location: a finding's location from a document carries source, path, line and column", "[location][procurement]") {
    const procurement::Document d =
        procurement::parse_document_yaml("zorginkoop: 1\nid: w\nlaw: jeugdwet\naward:\n    date: 2026-01-05\n", "f.yaml");
    check_at(d.location("award.date"), "f.yaml", "award.date", 5, 11);
    // a path not read: the line and column of the nearest enclosing field read (award's mapping,
    // then the document's)
    check_at(d.location("award.nothing"), "f.yaml", "award.nothing", 5, 5);
    check_at(d.location("elsewhere"), "f.yaml", "elsewhere", 1, 1);
}
