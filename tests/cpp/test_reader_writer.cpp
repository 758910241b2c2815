// Readers and writers: round trips of every character class, error messages that quote whole
// characters and carry the line of the problem, file errors, JSON numbers out of range,
// misspelt keys, and documents with many lots.

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "errors.hpp"
#include "support.hpp"
#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"
#include "zorginkoop/procurement/document.hpp"
#include "zorginkoop/tariff/cost_model.hpp"
#include "zorginkoop/tariff/realism.hpp"

using namespace zorginkoop;
using namespace zorginkoop::io;

namespace {

using zktest::error_of;

/// Whether every byte sequence in `s` is well-formed UTF-8.
bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = zorginkoop::detail::decode_utf8(s, i, cp);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

/// One name per class of characters YAML does not allow as themselves (or reads as line breaks),
/// plus the ones it does allow that are easy to get wrong.
const char* const character_classes[][2] = {
    {"C0", "a\x01" "b\x1f" "c"},
    {"NUL", ""},  // a C string stops at NUL: built in the test
    {"tab and newlines", "a\tb\nc\rd"},
    {"DEL", "a\x7f" "b"},
    {"C1", "a\xc2\x80" "b\xc2\x9f" "c"},
    {"NEL U+0085", "a\xc2\x85" "b"},
    {"U+00A0", "a\xc2\xa0" "b"},
    {"LS U+2028, PS U+2029", "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c"},
    {"BOM U+FEFF", "\xef\xbb\xbf" "a\xef\xbb\xbf" "b"},
    {"U+FFFE, U+FFFF", "a\xef\xbf\xbe" "b\xef\xbf\xbf" "c"},
    {"astral", "a\xf0\x9f\x98\x80" "b\xf4\x8f\xbf\xbf" "c"},
    {"quotes and backslash", "a\"b\\c'd"},
    {"euro", "6\xe2\x82\xac.23"},
};

Node tree_with_name(const std::string& name, Node::Style style) {
    Node root = Node::mapping();
    root.add("name", Node::scalar(name, style));
    root.add(name, Node::scalar("key", Node::Style::quoted));  // as a key too
    Node list = Node::sequence();
    list.push_back(Node::scalar(name, style));
    root.add("list", std::move(list));
    return root;
}

}  // namespace

TEST_CASE("every character class survives load, save and load again (YAML and JSON)", "[io][reader-writer][roundtrip]") {
    for (const auto& row : character_classes) {
        std::string name = row[1];
        if (std::string(row[0]) == "NUL") name = std::string("a\0b", 3);
        INFO(row[0]);
        for (const auto style : {Node::Style::quoted, Node::Style::plain}) {
            const Node original = tree_with_name(name, style);
            // save as YAML, load, save as YAML and JSON, load both
            const std::string yaml = to_yaml(original);
            CHECK(valid_utf8(yaml));
            const Node from_yaml = parse_yaml(yaml);
            CHECK(from_yaml.find("name")->text() == name);
            CHECK(parse_yaml(to_yaml(from_yaml)) == from_yaml);
            const Node from_json = parse_json(to_json(from_yaml));
            CHECK(from_json.find("name")->text() == name);
            CHECK(from_json.find(name) != nullptr);
            CHECK(parse_json(to_json(from_json, 0)) == from_json);
            CHECK(parse_yaml(to_yaml(from_json)) == from_json);
        }
    }
}

TEST_CASE("YAML escapes from a document load, save and load equal", "[io][reader-writer][roundtrip]") {
    const std::string text =
        "name: \"\\x01\\x7f\\x80\\x9f \\N \\L \\P \\uFEFF \\uFFFE \\uFFFF \\U0001F600 \\0 \\e\"\n"
        "\"k\\N\": 1\n";
    const Node a = parse_yaml(text);
    CHECK(a.find("name")->text() ==
          std::string("\x01\x7f\xc2\x80\xc2\x9f \xc2\x85 \xe2\x80\xa8 \xe2\x80\xa9 \xef\xbb\xbf \xef\xbf\xbe "
                      "\xef\xbf\xbf \xf0\x9f\x98\x80 ") +
              std::string(1, '\0') + " \x1b");
    CHECK(parse_yaml(to_yaml(a)) == a);
    CHECK(parse_json(to_json(a)).find("name")->text() == a.find("name")->text());
    const Node j = parse_json("{\"name\": \"\\u0001\\u007f\\u0080\\u0085\\u2028\\u2029\\ufeff\\ufffe\\uffff\\ud83d\\ude00\"}");
    CHECK(parse_json(to_json(j)) == j);
    CHECK(parse_yaml(to_yaml(j)) == j);
    // nothing YAML forbids is written raw
    const std::string saved = to_yaml(a);
    CHECK_FALSE(contains(saved, "\xc2\x85"));
    CHECK_FALSE(contains(saved, "\xc2\x80"));
    CHECK_FALSE(contains(saved, "\xef\xbf\xbe"));
    CHECK_FALSE(contains(saved, "\xe2\x80\xa8"));
}

TEST_CASE("text that is not UTF-8 cannot be saved: a typed error", "[io][reader-writer][roundtrip]") {
    Node n = Node::mapping();
    n.add("name", Node::scalar("a\xff" "b", Node::Style::quoted));
    CHECK_THROWS_AS(to_yaml(n), InvalidInput);
    CHECK_THROWS_AS(to_json(n), InvalidInput);
}

TEST_CASE("number and date errors quote whole characters and escape control characters", "[io][reader-writer][messages]") {
    const auto euro = error_of<InvalidInput>([] { Decimal::parse("6\xe2\x82\xac.23"); });
    CHECK(valid_utf8(euro.message()));
    CHECK(contains(euro.message(), "'\xe2\x82\xac'"));
    // a long value cut after whole characters
    const std::string long_text = "0." + std::string(61, '0') + "\xe2\x82\xac" + "x";  // byte 64 inside the euro sign
    const auto cut = error_of<InvalidInput>([&] { Decimal::parse(long_text); });
    CHECK(valid_utf8(cut.message()));
    CHECK(contains(cut.message(), "\xe2\x82\xac"));
    const auto digits = error_of<Overflow>([] { Decimal::parse(std::string(62, '9') + "\xc3\xbc"); });
    CHECK(valid_utf8(digits.message()));
    const auto date = error_of<InvalidInput>([] { parse_date("2023-0\xc3\xbc-01"); });
    CHECK(valid_utf8(date.message()));
    CHECK(contains(date.message(), "2023-0\xc3\xbc-01"));
    const auto long_date = error_of<InvalidInput>([] { parse_date("2023-01-01" + std::string(29, ' ') + "\xc3\xbc"); });
    CHECK(valid_utf8(long_date.message()));
    const auto control = error_of<InvalidInput>([] { Decimal::parse("1\n2"); });
    CHECK(contains(control.message(), "'1\\n2'"));
    const auto bad_byte = error_of<InvalidInput>([] { Decimal::parse("1\xff"); });
    CHECK(valid_utf8(bad_byte.message()));
    CHECK(contains(bad_byte.message(), "\\xFF"));
    // through a reader: path, line and the whole character
    const Node n = parse_yaml("a: 1\ntariff: \"6\xe2\x82\xac.23\"\n");
    const auto via_reader = error_of<ParseError>([&] { MapReader(Reader(n, "")).require("tariff").decimal(); });
    CHECK(via_reader.line() == 2);
    CHECK(via_reader.path() == "tariff");
    CHECK(contains(via_reader.message(), "'\xe2\x82\xac'"));
}

TEST_CASE("semantic errors after parsing carry the line of the node", "[io][reader-writer][lines]") {
    const std::string doc = "zorginkoop: 1\nlaw: jeugdwet\nid: \"\"\n";
    const auto e = error_of<ParseError>([&] { procurement::parse_document_yaml(doc, "d.yaml"); });
    CHECK(e.line() == 3);
    CHECK(e.path() == "id");
    const std::string json = "{\"zorginkoop\": 1,\n \"law\": \"jeugdwet\",\n \"id\": \"\"}";
    CHECK(error_of<ParseError>([&] { procurement::parse_document_json(json, "d.json"); }).line() == 3);
}

TEST_CASE("a directory or a missing file given as a file: a clear typed error", "[io][reader-writer][files]") {
    const auto dir = error_of<ParseError>([] { read_file(zktest::source_path("tests")); });
    CHECK(contains(dir.message(), "directory"));
    CHECK_FALSE(contains(dir.message(), "9223372036854775807"));
    CHECK(dir.where().source == zktest::source_path("tests"));
    const auto missing = error_of<ParseError>([] { read_file(zktest::source_path("no/such/file.yaml")); });
    CHECK(contains(missing.message(), "no such file"));
    const auto model = error_of<ParseError>([] { CostModel::load(zktest::source_path("examples")); });
    CHECK(contains(model.message(), "directory"));
}

TEST_CASE("JSON numbers out of range and bad bytes give our own messages", "[io][reader-writer][json]") {
    const auto big = error_of<Overflow>([] { parse_json("{\"a\": [1,\n 1e400]}", "n.json"); });
    CHECK_FALSE(contains(big.message(), "json.exception"));
    CHECK(contains(big.message(), "1e400"));
    CHECK(big.line() == 2);
    CHECK(big.path() == "a[1]");
    CHECK_THROWS_AS(parse_json("-1e400"), Overflow);
    const auto bytes = error_of<ParseError>([] { parse_json("[\"a\xc3(\"]"); });
    CHECK(valid_utf8(bytes.message()));
    CHECK_FALSE(contains(bytes.message(), "json.exception"));
    for (const char* text : {"", "{\"a\": 1} x", "{'a': 1}", "[1, 2,]", "{\"a\": NaN}", "\"\\ud800\"", "\"\x01\"", "[1 2]"}) {
        INFO(text);
        const auto e = error_of<ParseError>([&] { parse_json(text); });
        CHECK_FALSE(contains(e.message(), "json.exception"));
        CHECK(valid_utf8(e.message()));
    }
}

TEST_CASE("a misspelt key is reported before the missing one, naming both", "[io][reader-writer][keys]") {
    const std::string model = "zorginkoop_cost_model: 1\nlwa: jeugdwet\nunit: \"04\"\n";
    const auto e = error_of<ParseError>([&] { CostModel::parse_yaml(model, "m.yaml"); });
    CHECK(contains(e.message(), "unknown key 'lwa'"));
    CHECK(contains(e.message(), "did you mean 'law'?"));
    CHECK(e.line() == 2);
    CHECK(e.path() == "lwa");
    // in a document, and for an unknown key found at the end
    const auto d = error_of<ParseError>([] {
        procurement::parse_document_yaml("zorginkoop: 1\nid: x\nlaw: jeugdwet\ntitel: T\n", "d.yaml");
    });
    CHECK(contains(d.message(), "unknown key 'titel'"));
    CHECK(contains(d.message(), "did you mean 'title'?"));
    CHECK(d.line() == 4);
    // a key far from every known key gets no suggestion; a short key is not taken for another
    const auto far = error_of<ParseError>([] {
        procurement::parse_document_yaml("zorginkoop: 1\nid: x\nlaw: jeugdwet\nsomething: T\n", "d.yaml");
    });
    CHECK_FALSE(contains(far.message(), "did you mean"));
    CHECK(key_distance("lwa", "law") == 1);
    CHECK(is_near_miss("titel", "title"));
    CHECK_FALSE(is_near_miss("xy", "id"));
    CHECK_FALSE(is_near_miss("note", "rate"));  // both keys of an overhead block
    CHECK(is_near_miss("emplyer_charge", "employer_charges"));
    // one of several forms, misspelt
    const std::string travel =
        "law: jeugdwet\nunit: \"04\"\nstaff: [{monthly_salary: \"3000\", share: \"1\"}]\nhours: {annual_hours: \"1500\"}\n"
        "travel: {per_hour_: \"1\"}\n";
    const auto t = error_of<ParseError>([&] { CostModel::parse_yaml(travel, "m.yaml"); });
    CHECK(contains(t.message(), "did you mean 'per_hour'?"));
    CHECK(t.line() == 5);
}

TEST_CASE("a one-line JSON document with 100,000 lots reads correctly", "[io][reader-writer][lots]") {
    const std::size_t n = 100000;
    std::string json = "{\"zorginkoop\":1,\"id\":\"many\",\"law\":\"jeugdwet\",\"lots\":[";
    std::size_t last_column = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i) json += ',';
        if (i + 1 == n) last_column = json.size() + 1;
        json += "{\"id\":\"L" + std::to_string(i) + "\"}";
    }
    json += "]}";
    const Node tree = parse_json(json);
    REQUIRE(tree.find("lots")->items().size() == n);
    CHECK(tree.find("lots")->items().back().mark().line == 1);
    CHECK(tree.find("lots")->items().back().mark().column == last_column);
    const procurement::Document doc = procurement::parse_document_json(json, "many.json");
    REQUIRE(doc.lots);
    CHECK(doc.lots->size() == n);
    CHECK(doc.lots->back().id == "L99999");
    // the same id twice: named at the second one
    std::string dup = json;
    dup.replace(dup.rfind("L99999"), 6, "L12345");
    const auto e = error_of<ParseError>([&] { procurement::parse_document_json(dup, "many.json"); });
    CHECK(e.path() == "lots[99999]");
    CHECK(e.column() == last_column);
}

TEST_CASE("a cost-model block whose chosen key is null is a ParseError naming the key", "[io][tariff]") {
    const std::string base = io::read_text_file(zktest::source_path("tests/fixtures/tariff/good-uur.yaml"));
    REQUIRE_NOTHROW(CostModel::parse_yaml(base));
    const std::pair<const char*, const char*> cases[] = {
        {"travel: {per_hour: \"1.50\"}", "travel: {per_hour: null}"},
        {"travel: {per_hour: \"1.50\"}", "travel: {km_per_hour: , rate_per_km: \"0.19\"}"},
        {"travel: {per_hour: \"1.50\"}", "travel: {km_per_hour: \"2\", rate_per_km: null}"},
        {"training: {share_of_personnel: \"0.015\"}", "training: {share_of_personnel: ~}"},
        {"municipal_obligations: {per_hour: \"0.80\"}", "municipal_obligations: {hours_per_unit: null}"},
        {"client_bound_other: {per_unit: \"0\"}", "client_bound_other: {per_unit: null}"},
    };
    for (const auto& [from, to] : cases) {
        std::string text = base;
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, std::string(from).size(), to);
        INFO(to);
        const ParseError e = error_of<ParseError>([&] { (void)CostModel::parse_yaml(text, "m.yaml"); });
        CHECK(e.where().line > 0);
        CHECK(e.where().path.find('.') != std::string::npos);
    }
}
