// Output that must hold for any input: tariff JSON at every rounding scale, and user strings that
// can neither drive a terminal (text output) nor break an SVG document (XML).

#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "support.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/indexation/render.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/report/serialise.hpp"
#include "zorginkoop/tariff/serialise.hpp"

using namespace zorginkoop;
using namespace zorginkoop::literals;

namespace {

/// The worked example (tests/fixtures/tariff/good-uur.yaml) with one piece of text replaced.
CostModel model_with(const std::string& from, const std::string& to) {
    std::string text = io::read_text_file(zktest::source_path("tests/fixtures/tariff/good-uur.yaml"));
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return CostModel::parse_yaml(text, "good-uur.yaml");
}

const std::string worked_rounding = "rounding: {mode: half_up, scale: 2, at: [final]}";

/// Every byte a terminal or an XML parser could act on, with text around it.
const std::string hostile = std::string("A\x1b[2J\x1b]0;pwned\x07") + std::string(1, '\0') + "\r\n\t\x7f" +
                            "\xc2\x85\xc2\x9b" + "<b>&\"'" + "]]>" + "\xe2\x80\xae" + "\xef\xbf\xbe" + "\x9b" + "Z";

/// No C0 control (but the newlines that end lines), no DEL, no C1 control, no stray byte.
bool terminal_clean(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
        if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9f)
            return false;
        if (c == 0x9b && (i == 0 || static_cast<unsigned char>(s[i - 1]) < 0x80)) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("terminal_safe writes controls and stray bytes as visible escapes", "[output][escape]") {
    CHECK(terminal_safe("plain text, é € ∑ 😀 \\ / ~") == "plain text, é € ∑ 😀 \\ / ~");
    CHECK(terminal_safe("a\x1b[31mb") == "a\\x1b[31mb");
    CHECK(terminal_safe(std::string("n\0l", 3)) == "n\\x00l");
    CHECK(terminal_safe("\x07\r\n\t\x7f") == "\\x07\\x0d\\x0a\\x09\\x7f");
    CHECK(terminal_safe("\xc2\x9b" "2J") == "\\u009b2J");        // C1 CSI
    CHECK(terminal_safe("\xc2\x85") == "\\u0085");                // C1 NEL
    CHECK(terminal_safe("\x9b" "2J") == "\\x9b2J");               // a lone byte 0x9b, CSI on 8-bit terminals
    CHECK(terminal_safe("\xe2\x80\xae" "abc") == "\\u202eabc");  // right-to-left override
    CHECK(terminal_safe("\xef\xbf\xbe\xef\xbf\xbf") == "\\ufffe\\uffff");
    CHECK(terminal_safe("\xc0\xaf") == "\\xc0\\xaf");              // overlong '/'
    CHECK(terminal_safe("\xed\xa0\x80") == "\\xed\\xa0\\x80");      // an encoded surrogate
    CHECK(terminal_safe("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // beyond U+10FFFF
    CHECK(terminal_safe("x\xe2\x82") == "x\\xe2\\x82");            // truncated sequence
    CHECK(terminal_clean(terminal_safe(hostile)));
}

TEST_CASE("terminal_safe escapes the line separators and the bidirectional marks", "[output][escape]") {
    CHECK(terminal_safe("a\xe2\x80\xa8" "b") == "a\\u2028b");  // LINE SEPARATOR
    CHECK(terminal_safe("a\xe2\x80\xa9" "b") == "a\\u2029b");  // PARAGRAPH SEPARATOR
    CHECK(terminal_safe("a\xe2\x80\x8e" "b") == "a\\u200eb");  // LEFT-TO-RIGHT MARK
    CHECK(terminal_safe("a\xe2\x80\x8f" "b") == "a\\u200fb");  // RIGHT-TO-LEFT MARK
    CHECK(terminal_safe("a\xd8\x9c" "b") == "a\\u061cb");       // ARABIC LETTER MARK
    for (const char* c : {"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",
                          "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9"}) {
        CAPTURE(c);
        CHECK(terminal_safe(c).rfind("\\u20", 0) == 0);
    }
    // neighbours that are ordinary text stay as they are
    CHECK(terminal_safe("\xe2\x80\x8d\xe2\x80\x94\xe2\x80\xaf\xe2\x81\xa0") ==
          "\xe2\x80\x8d\xe2\x80\x94\xe2\x80\xaf\xe2\x81\xa0");  // ZWJ, em dash, narrow nbsp, word joiner
    CHECK(xml_escape("\xe2\x80\xa8\xe2\x80\x8f") == "\\u2028\\u200f");
}

TEST_CASE("xml_escape gives XML character data for any bytes", "[output][escape]") {
    CHECK(xml_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    CHECK(xml_escape("]]>") == "]]&gt;");
    CHECK(xml_escape(std::string("\x1b\0\x0b", 3)) == "\\x1b\\x00\\x0b");
    CHECK(xml_escape("\xef\xbf\xbe\xff") == "\\ufffe\\xff");
    CHECK(xml_escape("Zorg & Welzijn · é") == "Zorg &amp; Welzijn · é");
    const std::string e = xml_escape(hostile);
    CHECK(terminal_clean(e));
    CHECK(e.find('<') == std::string::npos);
    CHECK(e.find('"') == std::string::npos);
}

TEST_CASE("tariff JSON at rounding scales 0 to 6 and with multiple_of", "[output][tariff]") {
    for (int scale = 0; scale <= 6; ++scale) {
        CAPTURE(scale);
        const CostModel m =
            model_with(worked_rounding, "rounding: {mode: half_up, scale: " + std::to_string(scale) + ", at: [final]}");
        const BuildUp b = build_up(m);
        const auto j = nlohmann::json::parse(to_json(m, b));
        CHECK(Decimal::parse(j["tariff"].get<std::string>()) ==
              b.total.amount().round_to_scale(scale, RoundingMode::half_up));
        CHECK(j["rounding"]["scale"] == scale);
        // 60.228104...: whole cents up to scale 2, fractions of a cent from scale 3 on
        if (scale <= 2) CHECK(j["tariff_cents"] == b.tariff.to_cents());
        else CHECK(j["tariff_cents"].is_null());
        CHECK(Decimal::parse(j["minute_tariff"].get<std::string>()) == ijw::minute_tariff(b.tariff).amount());
        CHECK_FALSE(to_text(m, b).empty());
        CHECK_FALSE(to_svg(m, b).empty());
        const RealismCheck c = check_tariff(b.tariff, m, PriceBasis::floor, PlausibilityBands::bundled());
        CHECK(nlohmann::json::parse(to_json(m, b, &c))["verdict"]["verdict"] == "realistic");
    }
    struct Case {
        const char* rounding;
        const char* tariff;
        nlohmann::json cents;
    };
    for (const Case& k : {Case{"{mode: half_up, scale: 2, multiple_of: \"0.05\"}", "60.25", 6025},
                          Case{"{mode: down, scale: 2, multiple_of: \"0.07\"}", "60.20", 6020},
                          Case{"{mode: half_up, scale: 3, multiple_of: \"0.005\"}", "60.230", 6023},
                          Case{"{mode: up, scale: 0, multiple_of: \"5\"}", "65", 6500},
                          Case{"{mode: half_up, scale: 4, multiple_of: \"0.0025\"}", "60.2275", nullptr},
                          Case{"{mode: half_up, scale: 6, multiple_of: \"0.000125\"}", "60.228125", nullptr},
                          Case{"{mode: half_up, scale: 4, multiple_of: \"0.0100\"}", "60.23", 6023}}) {
        CAPTURE(k.rounding);
        const CostModel m = model_with(worked_rounding, std::string("rounding: ") + k.rounding);
        const auto j = nlohmann::json::parse(to_json(m, build_up(m)));
        CHECK(Decimal::parse(j["tariff"].get<std::string>()) == Decimal::parse(k.tariff));
        CHECK(j["tariff_cents"] == k.cents);
        CHECK_FALSE(j["rounding"]["multiple_of"].is_null());
    }
}

TEST_CASE("a hostile model name in tariff text, JSON and SVG", "[output][tariff][escape]") {
    CostModel m = model_with("name: Begeleiding individueel", "name: x");
    m.name = hostile;
    const BuildUp b = build_up(m);
    const std::string text = to_text(m, b);
    CHECK(terminal_clean(text));
    CHECK(text.find("A\\x1b[2J\\x1b]0;pwned\\x07\\x00\\x0d\\x0a\\x09\\x7f\\u0085\\u009b") != std::string::npos);
    const auto j = nlohmann::json::parse(to_json(m, b));
    CHECK(j["name"] == hostile.substr(0, hostile.size() - 2) + "\xef\xbf\xbd" "Z");  // the stray byte becomes U+FFFD
    const std::string svg = to_svg(m, b);
    CHECK(terminal_clean(svg));
    CHECK(svg.find("&lt;b&gt;&amp;&quot;&apos;]]&gt;") != std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
}

TEST_CASE("hostile strings in a report: text escaped, JSON and SARIF exact", "[output][report][escape]") {
    const std::string name = "doc\x1b[2J\xc2\x9b" "31m\r\x07";
    Report r;
    r.subject = name;
    r.context = {{"key\x1b", name}};
    Finding f;
    f.rule = "X-001";
    f.severity = Severity::error;
    f.message_key = "rule.not_evaluated";
    f.params = {{"field", name}};
    f.locations = {Location::at(name).in(name).line_col(3, 1)};
    r.findings.push_back(f);
    const std::string text = to_text(r);
    CHECK(terminal_clean(text));
    CHECK(text.find("doc\\x1b[2J\\u009b31m\\x0d\\x07") != std::string::npos);
    const auto j = nlohmann::json::parse(to_json(r));
    CHECK(j["subject"] == name);
    CHECK(j["context"]["key\x1b"] == name);
    CHECK(j["findings"][0]["params"]["field"] == name);
    CHECK(j["findings"][0]["locations"][0]["path"] == name);
    CHECK(j["findings"][0]["message"].get<std::string>().find(name) != std::string::npos);
    const auto s = nlohmann::json::parse(to_sarif(r));
    const auto& res = s["runs"][0]["results"][0];
    CHECK(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == name);
    CHECK(res["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == name);
    CHECK(s["runs"][0]["properties"]["subject"] == name);
    r.subject = "bad \xff byte";  // not UTF-8: only the C++ API can pass it
    CHECK(nlohmann::json::parse(to_json(r))["subject"] == "bad \xef\xbf\xbd byte");
    CHECK(nlohmann::json::parse(to_sarif(r))["runs"][0]["properties"]["subject"] == "bad \xef\xbf\xbd byte");
}

TEST_CASE("hostile series source and note in the rate text; hostile SVG title", "[output][indexation][escape]") {
    const IndexSeries own = IndexSeries::parse(
        "zorginkoop_index_series: 1\n"
        "id: OWN\n"
        "name: \"own\\e[2J\"\n"
        "unit: percent\n"
        "values:\n"
        "  - {year: 2023, status: provisional, percent: \"2.00\", source: \"src\\e]0;t\\a\"}\n"
        "  - {year: 2023, status: definitive, percent: \"2.50\", source: \"s\", note: \"n\\r\\x9b\\u009b\"}\n"
        "  - {year: 2024, status: provisional, percent: \"3.00\", source: \"s\"}\n",
        "own.yaml");
    const IndexSeriesSet series = IndexSeriesSet::bundled().with(own);
    const IndexationClause clause = IndexationClause::parse(
        "components:\n  - {series: OWN, weight: \"1\"}\ncatch_up: additive\neffective: \"01-01\"\n", "clause.yaml");
    const RateDerivation d = clause.rate(2024, series, std::nullopt);
    const std::string text = rate_text(d, Lang::en);
    CHECK(terminal_clean(text));
    CHECK(text.find("src\\x1b]0;t\\x07") != std::string::npos);
    CHECK(text.find("n\\x0d\\u009b\\u009b") != std::string::npos);
    const Schedule s = clause.schedule("60.23"_eur, 2023, 2024, series, std::nullopt);
    const std::string svg = schedule_svg(s, hostile, Lang::en);
    CHECK(terminal_clean(svg));
    CHECK(svg.find("<title>A\\x1b[2J") != std::string::npos);
    CHECK(svg.find("&lt;b&gt;&amp;&quot;&apos;]]&gt;") != std::string::npos);
    // JSON of the derivation keeps the exact strings
    const auto j = nlohmann::json::parse(io::to_json(d.to_node()));
    bool exact = false;
    for (const auto& figure : j["figures"]) exact = exact || figure["source"] == "src\x1b]0;t\a";
    CHECK(exact);
}
