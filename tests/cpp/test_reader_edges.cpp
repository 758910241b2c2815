// A bad byte (control character, invalid UTF-8, U+FFFE) is reported at its own line and column
// by every YAML reader: document, cost model, clause, series and plausibility bands.

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "support.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/procurement/document.hpp"
#include "zorginkoop/tariff/cost_model.hpp"
#include "zorginkoop/tariff/realism.hpp"

using namespace zorginkoop;

namespace {

/// `text` with " # é" and `bad` appended to line `line` (1-based); `column` is set to the column
/// (in characters) of the first byte of `bad`.
std::string with_bad_byte(const std::string& text, std::size_t line, const std::string& bad, std::size_t& column) {
    std::size_t start = 0;
    for (std::size_t n = 1; n < line; ++n) start = text.find('\n', start) + 1;
    const std::size_t end = text.find('\n', start);
    const std::string content = text.substr(start, end - start);
    std::size_t chars = 0;
    for (unsigned char c : content)
        if ((c & 0xC0) != 0x80) ++chars;
    column = chars + 4 + 1;  // " # é" is four characters
    return text.substr(0, end) + " # \xC3\xA9" + bad + text.substr(end);
}

struct BadByte {
    const char* what;
    std::string bytes;
};

const std::vector<BadByte> bad_bytes{{"a control character", "\x01"},
                                     {"an invalid leading UTF-8 byte", "\xFF"},
                                     {"U+FFFE", "\xEF\xBF\xBE"},
                                     {"an escape character", "\x1B"}};

template <class Read>
void check_reader(const std::string& name, const std::string& text, Read read) {
    for (std::size_t line : {std::size_t{4}, std::size_t{5}}) {
        for (const auto& bad : bad_bytes) {
            std::size_t column = 0;
            const std::string input = with_bad_byte(text, line, bad.bytes, column);
            INFO(name << ", " << bad.what << " on line " << line << ", column " << column);
            try {
                read(input);
                FAIL("no ParseError");
            } catch (const ParseError& e) {
                CHECK(e.where().line == line);
                CHECK(e.where().column == column);
            }
        }
    }
}

}  // namespace

TEST_CASE("Every YAML reader reports a bad byte at its own line and column", "[io][yaml][edges]") {
    check_reader("document", zktest::read_source("tests/fixtures/procurement/rules/VAL-002.fires.zorginkoop.yaml"),
                 [](const std::string& t) { (void)procurement::parse_document_yaml(t, "doc.yaml"); });
    check_reader("cost model", zktest::read_source("examples/models/wmo-begeleiding-uur.yaml"),
                 [](const std::string& t) { (void)CostModel::parse_yaml(t, "model.yaml"); });
    check_reader("clause",
                 "# an indexation clause\n# with comments\ncomponents:\n- series: OVA\n  weight: \"0.9\"\n"
                 "- series: PPC\n  weight: \"0.1\"\n",
                 [](const std::string& t) { (void)IndexationClause::parse(t, "clause.yaml"); });
    check_reader("series", zktest::read_source("tests/fixtures/indexation/ppc_nza_2023.yaml"),
                 [](const std::string& t) { (void)IndexSeries::parse(t, "series.yaml"); });
    const auto dir = std::filesystem::temp_directory_path() / "zk_reader_edges";
    std::filesystem::create_directories(dir);
    const std::string bands_file = (dir / "bands.yaml").string();
    check_reader("bands", zktest::read_source("data/bands/default.yaml"), [&](const std::string& t) {
        std::ofstream(bands_file, std::ios::binary) << t;
        (void)PlausibilityBands::load(bands_file);
    });
    std::filesystem::remove_all(dir);
}

TEST_CASE("A bad byte after CR LF line ends and a BOM is still at its line and column", "[io][yaml][edges]") {
    const std::string text = "\xEF\xBB\xBFzorginkoop: 1\r\nid: x\r\n# \xE2\x82\xAC\xE2\x82\xAC\r\ntitle: \"a\x02\"\r\n";
    try {
        (void)io::parse_yaml(text, "crlf.yaml");
        FAIL("no ParseError");
    } catch (const ParseError& e) {
        CHECK(e.where().line == 4);
        CHECK(e.where().column == 10);
        CHECK(e.where().source == "crlf.yaml");
    }
}
