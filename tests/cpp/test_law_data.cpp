// The law data file (data/law/laws.yaml): its ids and version dates are the ones the library cited
// before they moved into data (a change in the file must change this table too), every law the rules
// cite is in it, and a bad law file is a typed error naming the path.

#include <catch2/catch.hpp>

#include <set>
#include <type_traits>

#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/tariff/build_up.hpp"

using namespace zorginkoop;

namespace {

struct Expected {
    const char* key;
    const char* id;
    LawKind kind;
    const char* version;  // nullptr: no version basis
};

// The ids of the former registry table and the dates of the former version_of() (the consolidated
// versions of data/law/laws.yaml).
const Expected expected[] = {
    {"jeugdwet", "BWBR0034925", LawKind::bwb, "2026-01-01"},
    {"besluit_jeugdwet", "BWBR0035779", LawKind::bwb, "2026-01-01"},
    {"wmo2015", "BWBR0035362", LawKind::bwb, "2026-07-01"},
    {"uitv_besluit_wmo", "BWBR0035733", LawKind::bwb, "2026-01-01"},
    {"aw2012", "BWBR0032203", LawKind::bwb, "2026-04-30"},
    {"regeling_jeugdwet", "BWBR0036007", LawKind::bwb, "2026-01-01"},
    {"uitv_regeling_wmo", "BWBR0036096", LawKind::bwb, "2025-03-20"},
    {"wet_beschikbaarheid_jeugdzorg", "BWBR0051641", LawKind::bwb, nullptr},
    {"termijnenwet", "BWBR0002448", LawKind::bwb, nullptr},
    {"directive_2014_24", "32014L0024", LawKind::celex, nullptr},
    {"falk_pharma", "ECLI:EU:C:2016:399", LawKind::ecli, nullptr},
    {"tirkkonen", "ECLI:EU:C:2018:142", LawKind::ecli, nullptr},
    {"haaglanden_rb", "ECLI:NL:RBDHA:2019:11096", LawKind::ecli, nullptr},
    {"haaglanden_hof", "ECLI:NL:GHDHA:2020:1120", LawKind::ecli, nullptr},
    {"vng_norm_opdrachtgeverschap", "guidance:vng-norm-opdrachtgeverschap", LawKind::guidance, nullptr},
    {"contractstandaarden_wmo", "guidance:contractstandaarden-wmo", LawKind::guidance, nullptr},
    {"pianoo_open_house", "guidance:pianoo-open-house", LawKind::guidance, nullptr},
    {"pianoo_contractduur", "guidance:pianoo-contractduur", LawKind::guidance, nullptr},
    {"istandaarden_ijw_iwmo", "guidance:istandaarden-ijw-iwmo-3.2", LawKind::guidance, nullptr},
    {"begrippenlijst_jw_wmo", "guidance:begrippenlijst-jw-wmo", LawKind::guidance, nullptr},
    {"eforms_sdk", "guidance:eforms-sdk-notice-types", LawKind::guidance, nullptr},
    {"seed_leergang_2018", "guidance:seed-leergang-inkoop-jeugdhulp-2018", LawKind::guidance, nullptr},
    {"seed_rijnmond_2023", "guidance:seed-inkoopstrategie-rijnmond-2023", LawKind::guidance, nullptr},
    {"seed_miov_2026", "guidance:seed-inkoopstrategie-miov-2026", LawKind::guidance, nullptr},
    {"contract_document", "guidance:contract-document", LawKind::guidance, nullptr},
};

LawRegistry read(const std::string& yaml) { return law_registry_from_node(io::parse_yaml(yaml, "laws.yaml"), "laws.yaml"); }

const std::string head = "zorginkoop_laws: 1\nlaws:\n";
const std::string jw = "  - key: jeugdwet\n    id: BWBR0034925\n    kind: bwb\n    title_nl: Jeugdwet\n"
                       "    short_nl: Jeugdwet\n    title_en: Youth Act\n    source: s\n";

}  // namespace

TEST_CASE("law data: ids and version dates are the ones cited before", "[law][data]") {
    const LawRegistry& laws = bundled_laws();
    REQUIRE(laws.laws().size() == std::size(expected));
    std::size_t i = 0;
    for (const auto& e : expected) {
        INFO(e.key);
        const LegalSource& law = laws.by_key(e.key);
        CHECK(law.id == e.id);
        CHECK(law.kind == e.kind);
        CHECK(laws.laws()[i++].key == e.key);  // the order of the former table
        CHECK_FALSE(law.source.empty());
        if (e.version) {
            REQUIRE(law.version);
            CHECK(format_date(law.version->date) == e.version);
            CHECK_FALSE(law.version->source.empty());
        } else {
            CHECK_FALSE(law.version);
        }
    }
    // The other dated versions: the reële-prijs texts of the tariff build-up and the historic texts
    // of AWD-002 and PRICE-008/PRICE-012.
    CHECK(format_date(laws.version_date("besluit_jeugdwet", "reele_prijs")) == "2024-07-01");
    CHECK(format_date(laws.version_date("uitv_besluit_wmo", "reele_prijs")) == "2024-07-01");
    CHECK(format_date(laws.version_date("uitv_besluit_wmo", "before_2024_07")) == "2022-01-01");
    CHECK(format_date(laws.version_date("jeugdwet", "before_2022_07")) == "2022-01-01");
    CHECK(format_date(laws.version_date("wmo2015", "before_2022_07")) == "2015-01-01");
    CHECK_THROWS_AS(laws.version_date("jeugdwet", "reele_prijs"), InvalidInput);
    CHECK_THROWS_AS(laws.by_key("BWBR0034925"), InvalidInput);  // a key, not an id
}

TEST_CASE("law data: every law the rules cite is in the data file", "[law][data][procurement]") {
    const LawRegistry& laws = bundled_laws();
    std::set<std::string> cited;
    for (const auto& rule : procurement::rule_catalogue())
        for (const auto& c : rule.citations) {
            INFO(rule.id << " " << c.law_id);
            REQUIRE_FALSE(c.law_key.empty());
            CHECK(laws.by_key(c.law_key).id == c.law_id);
            cited.insert(c.law_key);
        }
    CHECK(cited.count("jeugdwet") == 1);
    CHECK(cited.count("termijnenwet") == 1);
    CHECK(cited.count("haaglanden_hof") == 1);
    // The tariff build-up cites the reële-prijs texts through the same data.
    const LegalRef jw_basis = statutory_basis(Law::jeugdwet);
    CHECK(jw_basis.law_id == laws.by_key("besluit_jeugdwet").id);
    CHECK(jw_basis.version_date == laws.version_date("besluit_jeugdwet", "reele_prijs"));
    const LegalRef wmo_basis = statutory_basis(Law::wmo2015);
    CHECK(wmo_basis.law_id == laws.by_key("uitv_besluit_wmo").id);
    CHECK(wmo_basis.url == "https://wetten.overheid.nl/jci1.3:c:BWBR0035733&artikel=5.4&lid=1&g=2024-07-01");
}

TEST_CASE("law data: a bad law file is a typed error naming the path", "[law][data][errors]") {
    const LawRegistry ok = read(head + jw + "    version: {date: 2026-01-01, source: s}\n");
    CHECK(ok.by_key("jeugdwet").version->date == make_date(2026, 1, 1));

    // an unknown key in an entry
    try {
        read(head + jw + "    bwb_id: BWBR0034925\n");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.path().find("laws[0]") == 0);
        CHECK(e.line() > 0);
    }
    // a bad date
    try {
        read(head + jw + "    version: {date: 2026-02-30, source: s}\n");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.path() == "laws[0].version.date");
    }
    // an unknown kind, a missing source, a bad key, a missing format version
    CHECK_THROWS_AS(read(head + "  - key: x\n    id: X\n    kind: statute\n    title_nl: a\n    short_nl: a\n"
                                "    title_en: a\n    source: s\n"),
                    ParseError);
    CHECK_THROWS_AS(read(head + "  - key: x\n    id: X\n    kind: bwb\n    title_nl: a\n    short_nl: a\n"
                                "    title_en: a\n"),
                    ParseError);
    CHECK_THROWS_AS(read(head + "  - key: Jeugd-wet\n    id: X\n    kind: bwb\n    title_nl: a\n    short_nl: a\n"
                                "    title_en: a\n    source: s\n"),
                    ParseError);
    CHECK_THROWS_AS(read("laws: []\n"), ParseError);
    // a key, an id or a version name listed twice
    try {
        read(head + jw + jw);
        FAIL("no error");
    } catch (const InvalidInput& e) {
        CHECK(e.path() == "laws[1].key");
    }
    CHECK_THROWS_AS(read(head + jw + "  - key: other\n    id: BWBR0034925\n    kind: bwb\n    title_nl: a\n"
                                     "    short_nl: a\n    title_en: a\n    source: s\n"),
                    InvalidInput);
    CHECK_THROWS_AS(read(head + jw + "    versions:\n      - {name: a, date: 2022-01-01, source: s}\n"
                                     "      - {name: a, date: 2023-01-01, source: s}\n"),
                    InvalidInput);
}

TEST_CASE("one Law enum: documents, cost models, rules and citations share zorginkoop::Law", "[law]") {
    static_assert(std::is_same_v<decltype(procurement::Document{}.law), Law>);
    static_assert(std::is_same_v<decltype(CostModel{}.law), Law>);
    static_assert(std::is_same_v<decltype(procurement::Rule{}.law), std::optional<Law>>);
    static_assert(std::is_same_v<decltype(procurement::Citation{}.law), std::optional<Law>>);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    static_assert(std::is_same_v<procurement::CareLaw, Law>);  // the former name still compiles
#pragma GCC diagnostic pop
    // A rule for one law, and one for both (no law).
    CHECK(procurement::find_rule("PRICE-001").law == Law::wmo2015);
    CHECK_FALSE(procurement::find_rule("REG-001").law.has_value());
    CHECK(std::string(procurement::name(Law::wmo2015)) == law_name(Law::wmo2015));
}

TEST_CASE("one citation type: a rule's citation is a LegalRef resolved by the registry", "[law]") {
    static_assert(std::is_base_of_v<LegalRef, procurement::Citation>);
    const LawRegistry& laws = bundled_laws();
    for (const auto& rule : procurement::rule_catalogue())
        for (const auto& c : rule.citations) {
            INFO(rule.id << " " << c.law_id << " " << c.article);
            CHECK(c.url.empty());  // declared, not yet resolved
            const LegalRef& declared = c;
            const LegalRef resolved = laws.cite(c.law_id, c.article, c.lid, c.onderdeel, c.version_date);
            CHECK(resolved.law_id == declared.law_id);
            CHECK(resolved.article == declared.article);
            CHECK(resolved.version_date == declared.version_date);
            // Resolving adds the URL; guidance has none, so there the two are equal.
            if (laws.at(c.law_id).kind == LawKind::guidance)
                CHECK(resolved == declared);
            else
                CHECK((!resolved.url.empty() && resolved != declared));
        }
}
