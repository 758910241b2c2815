// The XML reader (libxml2): namespaces, positions, and the refusals that keep hostile input out.
#include <catch2/catch.hpp>

#include <string>

#include "zorginkoop/io/xml.hpp"

using namespace zorginkoop;
using namespace zorginkoop::io;

namespace {

ParseError parse_error_of(const std::string& text, const ReadLimits& limits = {}) {
    try {
        (void)parse_xml(text, "t.xml", limits);
    } catch (const ParseError& e) {
        return e;
    }
    FAIL("no ParseError for: " << text);
    throw;  // not reached
}

const char* const kNs = "urn:example:a";

}  // namespace

TEST_CASE("XML elements keep namespaces, attributes, text and start positions", "[io][xml]") {
    const std::string text =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<a:Root xmlns:a=\"urn:example:a\" xmlns=\"urn:example:b\" id=\"r1\">\n"
        "  <a:Item currencyID=\"EUR\">12.50</a:Item>\n"
        "  <Other>x &amp; y &lt; z</Other><a:Item>été</a:Item>\n"
        "  <a:Note><![CDATA[<kept>]]></a:Note>\n"
        "</a:Root>\n";
    const XmlElement root = parse_xml(text, "t.xml");
    CHECK(root.is(kNs, "Root"));
    CHECK(root.qname() == "a:Root");
    REQUIRE(root.attribute("id"));
    CHECK(*root.attribute("id") == "r1");
    CHECK(root.mark.line == 2);
    CHECK(root.mark.column == 1);
    const auto items = root.children_named(kNs, "Item");
    REQUIRE(items.size() == 2);
    CHECK(items[0]->text == "12.50");
    CHECK(*items[0]->attribute("currencyID") == "EUR");
    CHECK(items[0]->mark.line == 3);
    CHECK(items[0]->mark.column == 3);
    CHECK(items[1]->text == "été");
    CHECK(items[1]->mark.line == 4);
    CHECK(items[1]->mark.column == 34);
    const XmlElement* other = root.child("urn:example:b", "Other");
    REQUIRE(other);
    CHECK(other->text == "x & y < z");
    CHECK(other->mark.column == 3);
    REQUIRE(root.child(kNs, "Note"));
    CHECK(root.child(kNs, "Note")->text == "<kept>");
    CHECK(root.child(kNs, "Missing") == nullptr);
}

TEST_CASE("XML columns count characters after a byte order mark and multi-byte text", "[io][xml]") {
    const std::string text = "\xEF\xBB\xBF<r>\n<é/><x/></r>";
    const XmlElement root = parse_xml(text);
    CHECK(root.mark.line == 1);
    CHECK(root.mark.column == 1);
    REQUIRE(root.children.size() == 2);
    CHECK(root.children[1].name == "x");
    CHECK(root.children[1].mark.line == 2);
    CHECK(root.children[1].mark.column == 5);
}

TEST_CASE("XML with a DOCTYPE is refused before any entity takes effect", "[io][xml]") {
    SECTION("an external entity is never read") {
        const auto e = parse_error_of(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>");
        CHECK(std::string(e.what()).find("DOCTYPE") != std::string::npos);
        CHECK(e.where().line == 2);
        CHECK(e.where().source == "t.xml");
    }
    SECTION("billion laughs") {
        std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
        for (int i = 1; i < 10; ++i) {
            const std::string prev = i == 1 ? "lol" : "lol" + std::to_string(i - 1);
            bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
            for (int k = 0; k < 10; ++k) bomb += "&" + prev + ";";
            bomb += "\">\n";
        }
        bomb += "]>\n<lolz>&lol9;</lolz>\n";
        const auto e = parse_error_of(bomb);
        CHECK(std::string(e.what()).find("DOCTYPE") != std::string::npos);
    }
    SECTION("an external DTD") {
        const auto e = parse_error_of("<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\"><r/>");
        CHECK(std::string(e.what()).find("DOCTYPE") != std::string::npos);
    }
}

TEST_CASE("XML entity references other than the predefined ones are errors", "[io][xml]") {
    const auto e = parse_error_of("<r>\n  <v>&nbsp;</v>\n</r>");
    CHECK(e.where().line == 2);
    CHECK(std::string(e.what()).find("nbsp") != std::string::npos);
}

TEST_CASE("XML in an encoding other than UTF-8 is refused", "[io][xml]") {
    const auto latin = parse_error_of("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>caf\xE9</r>");
    CHECK(std::string(latin.what()).find("UTF-8") != std::string::npos);
    const std::string utf16("\xFF\xFE<\0r\0/\0>\0", 10);
    CHECK_THROWS_AS(parse_xml(utf16), ParseError);
}

TEST_CASE("XML syntax errors, limits and trailing content name the place", "[io][xml]") {
    SECTION("mismatched tag") {
        const auto e = parse_error_of("<r>\n<a>\n</b>\n</r>");
        CHECK(e.where().line == 3);
        CHECK(e.where().column > 0);
        CHECK(e.where().source == "t.xml");
    }
    SECTION("undeclared prefix") {
        CHECK_THROWS_AS(parse_xml("<p:r/>"), ParseError);
    }
    SECTION("empty input") {
        CHECK_THROWS_AS(parse_xml(""), ParseError);
    }
    SECTION("not XML at all") {
        CHECK_THROWS_AS(parse_xml("tariff: 12"), ParseError);
    }
    SECTION("depth") {
        std::string deep;
        for (int i = 0; i < 10; ++i) deep += "<d>";
        for (int i = 0; i < 10; ++i) deep += "</d>";
        ReadLimits limits;
        limits.max_depth = 5;
        const auto e = parse_error_of(deep, limits);
        CHECK(std::string(e.what()).find("nesting") != std::string::npos);
        CHECK(e.where().path == "d/d/d/d/d");
        CHECK_NOTHROW(parse_xml(deep));
    }
    SECTION("size") {
        ReadLimits limits;
        limits.max_bytes = 8;
        const auto e = parse_error_of("<r>0123456789</r>", limits);
        CHECK(std::string(e.what()).find("limit") != std::string::npos);
    }
}
