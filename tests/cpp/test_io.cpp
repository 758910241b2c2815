#include <catch2/catch.hpp>

#include "errors.hpp"
#include "support.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"

using namespace zorginkoop;
using namespace zorginkoop::io;

namespace {
using zktest::error_of;
}  // namespace

TEST_CASE("YAML scalars keep their text", "[io][yaml]") {
    const Node n = parse_yaml("a: 0.1000\nb: \"04\"\nc: 04\nd: ~\ne: true\nf: 2023-01-01\ng: [1, x]\n");
    REQUIRE(n.is_mapping());
    CHECK(n.find("a")->text() == "0.1000");
    CHECK(n.find("a")->style() == Node::Style::plain);
    CHECK(n.find("b")->text() == "04");
    CHECK(n.find("b")->style() == Node::Style::quoted);
    CHECK(n.find("c")->text() == "04");
    CHECK(n.find("d")->is_null());
    CHECK(n.find("e")->text() == "true");
    CHECK(n.find("f")->text() == "2023-01-01");
    CHECK(n.find("g")->items().size() == 2);
    CHECK(n.find("g")->mark().line == 7);
}

TEST_CASE("YAML errors name line and column", "[io][yaml]") {
    auto dup = error_of<ParseError>([] { parse_yaml("a: 1\nb:\n  c: 1\n  c: 2\n", "doc.yaml"); });
    CHECK(dup.line() == 4);
    CHECK(dup.column() == 3);
    CHECK(dup.path() == "b.c");
    CHECK(dup.where().source == "doc.yaml");
    auto syntax = error_of<ParseError>([] { parse_yaml("a: [1, 2\nb: 3\n"); });
    CHECK(syntax.line() >= 1);
    CHECK_THROWS_AS(parse_yaml("a: &x 1\nb: *x\n"), ParseError);             // aliases
    CHECK_THROWS_AS(parse_yaml("a: 1\n---\nb: 2\n"), ParseError);            // two documents
    CHECK_THROWS_AS(parse_yaml("a: !python/object 1\n"), ParseError);        // foreign tags
    CHECK_THROWS_AS(parse_yaml("? [a]\n: 1\n"), ParseError);                 // complex keys
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += "[";
    CHECK_THROWS_AS(parse_yaml(deep), ParseError);
    std::string deep_map;
    for (int i = 0; i < 100; ++i) deep_map += std::string(static_cast<std::size_t>(i * 2), ' ') + "k:\n";
    CHECK_THROWS_AS(parse_yaml(deep_map), ParseError);
    ReadLimits small;
    small.max_bytes = 10;
    CHECK_THROWS_AS(parse_yaml("a: 123456789012", "", small), ParseError);
}

TEST_CASE("JSON numbers keep their text; positions are known", "[io][json]") {
    const Node n = parse_json("{\n  \"a\": 0.1000,\n  \"b\": [1, -2.5e3, \"x\"],\n  \"c\": null,\n  \"d\": true\n}");
    CHECK(n.find("a")->text() == "0.1000");
    CHECK(n.find("a")->mark().line == 2);
    CHECK(n.find("a")->mark().column == 8);
    CHECK(n.find("b")->items()[1].text() == "-2.5e3");
    CHECK(n.find("b")->items()[2].style() == Node::Style::quoted);
    CHECK(n.find("c")->is_null());
    CHECK(n.find("d")->text() == "true");
    CHECK(n.find("d")->mark().line == 5);
    CHECK(parse_json("12345678901234567890123").text() == "12345678901234567890123");
}

TEST_CASE("JSON errors", "[io][json]") {
    auto dup = error_of<ParseError>([] { parse_json("{\"a\": 1,\n \"a\": 2}", "d.json"); });
    CHECK(dup.line() == 2);
    CHECK(dup.column() == 2);
    auto syntax = error_of<ParseError>([] { parse_json("{\"a\": 1,\n \"b\": tru}"); });
    CHECK(syntax.line() == 2);
    CHECK_THROWS_AS(parse_json(""), ParseError);
    CHECK_THROWS_AS(parse_json("{\"a\": 1} x"), ParseError);
    CHECK_THROWS_AS(parse_json("{'a': 1}"), ParseError);
    CHECK_THROWS_AS(parse_json("[1, 2,]"), ParseError);
    CHECK_THROWS_AS(parse_json("{\"a\": NaN}"), ParseError);
    CHECK_THROWS_AS(parse_json(std::string(100000, '[')), ParseError);
}

TEST_CASE("trees round-trip through YAML and JSON", "[io]") {
    const std::string text =
        "zorginkoop: 1\n"
        "title: \"Inkoop: jeugdhulp \\\"2023\\\"\"\n"
        "empty_list: []\n"
        "empty_map: {}\n"
        "lots:\n"
        "  - id: A\n"
        "    products:\n"
        "      - {code: \"45A53\", tariff: \"95.40\", unit: \"04\"}\n"
        "      - code: X\n"
        "        tariff: 12.5\n"
        "    max_providers: null\n"
        "  - [1, [2, 3]]\n"
        "note: \"line one\\nline two\"\n";
    const Node a = parse_yaml(text);
    const Node b = parse_yaml(to_yaml(a));
    CHECK(a == b);
    const Node c = parse_json(to_json(a));
    CHECK(to_json(c) == to_json(a));
    CHECK(parse_json(to_json(c, 0)) == c);
}

TEST_CASE("MapReader names the path of every problem", "[io][reader]") {
    const Node n = parse_yaml("model:\n  salary: \"abc\"\n  extra: 1\n  list: [\"1.5\", x]\n", "m.yaml");
    MapReader root(Reader(n, "", "m.yaml"));
    MapReader model(root.require("model"));
    try {
        model.require("salary").decimal();
        FAIL("expected an error");
    } catch (const ParseError& e) {
        CHECK(e.path() == "model.salary");
        CHECK(e.line() == 2);
        CHECK(e.where().source == "m.yaml");
    }
    auto items = model.require("list").items();
    CHECK(items[0].decimal() == Decimal::parse("1.5"));
    try {
        items[1].decimal();
        FAIL("expected an error");
    } catch (const ParseError& e) {
        CHECK(e.path() == "model.list[1]");
    }
    try {
        model.require("missing");
        FAIL("expected an error");
    } catch (const ParseError& e) {
        CHECK(e.path() == "model.missing");
    }
    try {
        model.finish();
        FAIL("expected an error");
    } catch (const ParseError& e) {
        CHECK(e.path() == "model.extra");
        CHECK(e.line() == 3);
    }
}

TEST_CASE("files", "[io]") {
    CHECK_THROWS_AS(read_file(zktest::source_path("no/such/file.yaml")), ParseError);
    const Node n = read_file(zktest::source_path("data/messages/core.en.yaml"));
    CHECK(n.find("ui") != nullptr);
}
