// Declarations (JW323 / WMO323) judged against the contract: the DECL rules on their fixtures
// (tests/fixtures/declarations, written by make_declaration_fixtures.py), the figures they compute,
// the refusals of the reader, and the rule declarations themselves (titles, citations, messages).

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "message_checks.hpp"
#include "support.hpp"
#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/declarations/check.hpp"
#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/report/messages.hpp"
#include "zorginkoop/report/serialise.hpp"

using namespace zorginkoop;
using namespace zorginkoop::declarations;

namespace {

std::string fixture(const std::string& name) { return zktest::source_path("tests/fixtures/declarations/" + name); }

const procurement::Document& jeugd() {
    static const procurement::Document d = procurement::load_document(fixture("contract-jeugd.zorginkoop.yaml"));
    return d;
}

Report judge(const std::string& message, const procurement::Document& contract = jeugd()) {
    return check_declarations(contract, load_message(fixture(message)));
}

std::set<std::string> fired(const Report& r) {
    std::set<std::string> out;
    for (const auto& f : r.findings)
        if (procurement::fired(f)) out.insert(f.rule);
    return out;
}

const Finding& first_of(const Report& r, const std::string& rule) {
    for (const auto& f : r.findings)
        if (f.rule == rule) return f;
    FAIL("no finding of " << rule);
    throw std::logic_error("unreachable");
}

std::string evidence(const Finding& f, const std::string& name) {
    for (const auto& [k, v] : f.evidence)
        if (k == name) return v;
    return "<absent>";
}

/// The ParseError of reading `xml` (the clean message with one replacement).
ParseError read_error(const std::string& from, const std::string& to) {
    std::string xml = io::read_text_file(fixture("jw323-clean.xml"));
    const auto at = xml.find(from);
    REQUIRE(at != std::string::npos);
    xml.replace(at, from.size(), to);
    try {
        (void)parse_message(xml, "m.xml");
    } catch (const ParseError& e) {
        return e;
    }
    FAIL("no ParseError after replacing " << from << " by " << to);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a JW323 message is read into its lines", "[declarations]") {
    const Message m = load_message(fixture("jw323-clean.xml"));
    CHECK(m.law == Law::jeugdwet);
    CHECK(m.message_code == 490);
    CHECK(m.version == "3.2");
    CHECK(m.declaration_number == "D2024-0001");
    CHECK(m.total.cents == 200221);
    CHECK_FALSE(m.total.credit);
    REQUIRE(m.lines.size() == 6);
    const Line& credit = m.lines[5];
    CHECK(credit.reference == "R-0006");
    CHECK(credit.previous_reference == std::optional<std::string>("R-0001"));
    CHECK(credit.amount.signed_cents() == -4517);
    CHECK(m.lines[4].unit == "83");
    CHECK_FALSE(m.lines[4].tariff_cents.has_value());
    CHECK(m.lines[0].path == "Declaratie.Clienten.Client[0].Prestaties.Prestatie[0]");
    CHECK(m.lines[0].location.line > 30);
    CHECK(m.lines[0].location.source == fixture("jw323-clean.xml"));
}

TEST_CASE("a clean message has no findings (JW323 and WMO323)", "[declarations]") {
    const Report r = judge("jw323-clean.xml");
    CHECK(r.findings.empty());
    CHECK_FALSE(r.has_errors());
    CHECK(r.subject == "D2024-0001");
    const auto wmo = procurement::load_document(fixture("contract-wmo.zorginkoop.yaml"));
    CHECK(judge("wmo323-clean.xml", wmo).findings.empty());
}

TEST_CASE("every DECL rule fires alone on its fixture and stays silent on the other", "[declarations][meta]") {
    for (const auto& rule : rule_catalogue()) {
        INFO(rule.id);
        const Report fires = judge("rules/" + rule.id + ".fires.xml");
        CHECK(fired(fires) == std::set<std::string>{rule.id});
        CHECK(fires.has_errors());
        const Report silent = judge("rules/" + rule.id + ".silent.xml");
        for (const auto& f : silent.findings) CHECK(f.rule != rule.id);  // not even "not evaluated"
    }
}

TEST_CASE("the DECL rules are declared completely", "[declarations][meta]") {
    const LawRegistry& laws = bundled_laws();
    const MessageCatalogue& nl = bundled_messages(Lang::nl);
    const MessageCatalogue& en = bundled_messages(Lang::en);
    REQUIRE(rule_catalogue().size() == 7);
    std::set<std::string> titles;
    for (const auto& rule : rule_catalogue()) {
        INFO(rule.id);
        CHECK(rule.run == nullptr);
        CHECK_FALSE(rule.title.nl.empty());
        CHECK_FALSE(rule.title.en.empty());
        CHECK(rule.title.nl.size() <= 70);
        CHECK(rule.title.en.size() <= 70);
        CHECK(titles.insert(rule.title.en).second);
        CHECK_FALSE(rule.note.empty());
        CHECK_THROWS_AS(procurement::find_rule(rule.id), InvalidInput);  // not a rule of the document check
        bool binding = false;
        for (const auto& c : rule.citations) {
            CHECK_NOTHROW(laws.cite(c.law_id, c.article, c.lid, c.onderdeel, c.version_date));
            if (is_binding(laws.at(c.law_id).kind)) binding = true;
        }
        if (rule.severity == Severity::error) CHECK(binding);
        const std::size_t n = zktest::check_same_placeholders(nl, en, "decl." + rule.id + ".");
        CHECK(n >= 1);
    }
    for (const auto& key : en.keys())
        if (key.rfind("decl.", 0) == 0) {
            CHECK(nl.contains(key));
            CHECK_NOTHROW(find_rule(key.substr(5, key.find('.', 5) - 5)));
        }
    CHECK_THROWS_AS(find_rule("DECL-999"), InvalidInput);
}

TEST_CASE("every finding of every fixture renders in both languages and points at the message", "[declarations][meta]") {
    for (const auto& rule : rule_catalogue())
        for (const char* kind : {".fires.xml", ".silent.xml"}) {
            const std::string name = "rules/" + rule.id + kind;
            for (const auto& f : judge(name).findings) {
                INFO(name << " " << f.message_key);
                CHECK_NOTHROW(f.message(Lang::nl));
                CHECK_NOTHROW(f.message(Lang::en));
                CHECK_FALSE(f.citations.empty());
                REQUIRE_FALSE(f.locations.empty());
                CHECK(f.locations.front().line > 0);
            }
        }
}

TEST_CASE("DECL-004 and DECL-003 compute with IV081 and the indexed tariff", "[declarations]") {
    // 45 minutes of 60.23 an hour: 60.23 x 45 / 60 = 45.1725 -> 45.17, not 45 x 1.00.
    const Report r4 = judge("rules/DECL-004.fires.xml");
    const Finding& minute = first_of(r4, "DECL-004");
    CHECK(evidence(minute, "amount") == "45.00");
    CHECK(evidence(minute, "expected") == "45.17");
    CHECK(minute.message_key == "decl.DECL-004.differs");
    CHECK(minute.locations.at(0).path == "Declaratie.Clienten.Client[0].Prestaties.Prestatie[0].IngediendBedrag");
    CHECK(minute.locations.at(1).path == "lots[0].products[0].tariff");
    CHECK(minute.locations.at(1).line > 0);
    // 2024: 120.00 indexed with 6.30 % is 127.56; 120.00 declared.
    const Report r3 = judge("rules/DECL-003.fires.xml");
    const Finding& tariff = first_of(r3, "DECL-003");
    CHECK(evidence(tariff, "tariff") == "120.00");
    CHECK(evidence(tariff, "expected") == "127.56");
    CHECK(tariff.message(Lang::en).find("127.56") != std::string::npos);
}

TEST_CASE("the line verdicts of the batch", "[declarations]") {
    const Contract contract(jeugd());
    const Message m = load_message(fixture("jw323-clean.xml"));
    const LineVerdict minute2024 = contract.judge(m.lines[1]);
    CHECK(minute2024.rules.empty());
    CHECK(minute2024.expected_tariff_cents == std::optional<std::int64_t>(107));   // 64.02 / 60 -> 1.07
    CHECK(minute2024.expected_amount_cents == std::optional<std::int64_t>(9603));  // 64.02 x 90 / 60
    const LineVerdict euro = contract.judge(m.lines[4]);
    CHECK(euro.expected_amount_cents == std::optional<std::int64_t>(2350));
    CHECK_FALSE(euro.tariff_ok.has_value());
    Line wrong = m.lines[4];
    wrong.amount.cents = 2349;
    CHECK(contract.judge(wrong).rules == std::vector<std::string>{"DECL-004"});
}

TEST_CASE("unit 83: the amount is the volume", "[declarations]") {
    std::string xml = io::read_text_file(fixture("jw323-clean.xml"));
    const std::string from = "<jw323:GeleverdVolume>2350</jw323:GeleverdVolume>";
    xml.replace(xml.find(from), from.size(), "<jw323:GeleverdVolume>2400</jw323:GeleverdVolume>");
    const Report r = check_declarations(jeugd(), parse_message(xml, "m.xml"));
    CHECK(fired(r) == std::set<std::string>{"DECL-004"});
    CHECK(first_of(r, "DECL-004").message_key == "decl.DECL-004.euro");
}

TEST_CASE("a missing index figure or ProductTarief makes DECL-003/004 not evaluated, never an error", "[declarations]") {
    const Report r = judge("jw323-2026.xml");
    CHECK(fired(r).empty());
    CHECK_FALSE(r.has_errors());
    std::set<std::string> not_evaluated;
    for (const auto& f : r.findings) {
        CHECK(f.message_key == procurement::not_evaluated_key);
        CHECK(f.severity == Severity::info);
        not_evaluated.insert(f.rule);
        CHECK(evidence(f, "missing").find("index figure") != std::string::npos);
    }
    CHECK(not_evaluated == std::set<std::string>{"DECL-003", "DECL-004"});

    std::string xml = io::read_text_file(fixture("jw323-clean.xml"));
    const std::string tariff = "<jw323:ProductTarief>12756</jw323:ProductTarief>";
    xml.erase(xml.find(tariff), tariff.size());
    const Report without = check_declarations(jeugd(), parse_message(xml, "m.xml"));
    CHECK(fired(without).empty());
    REQUIRE(without.findings.size() == 1);
    CHECK(without.findings[0].rule == "DECL-003");
    CHECK(without.findings[0].message_key == procurement::not_evaluated_key);
}

TEST_CASE("WMO323 against a Wmo contract; the law must match", "[declarations]") {
    const auto wmo = procurement::load_document(fixture("contract-wmo.zorginkoop.yaml"));
    const Report r = judge("wmo323-tariff.xml", wmo);
    CHECK(fired(r) == std::set<std::string>{"DECL-003", "DECL-004"});
    // The citations are those of the Wmo: Uitvoeringsregeling Wmo 2015, not the Regeling Jeugdwet.
    const auto& cites = first_of(r, "DECL-003").citations;
    CHECK(std::any_of(cites.begin(), cites.end(), [](const LegalRef& c) { return c.law_id == "BWBR0036096"; }));
    CHECK(std::none_of(cites.begin(), cites.end(), [](const LegalRef& c) { return c.law_id == "BWBR0036007"; }));
    CHECK_THROWS_AS(judge("wmo323-clean.xml"), InvalidInput);
    CHECK_THROWS_AS(judge("jw323-clean.xml", wmo), InvalidInput);
}

TEST_CASE("DECL-006 names the first occurrence; DECL-007 is the only finding of its line", "[declarations]") {
    const Report r6 = judge("rules/DECL-006.fires.xml");
    const Finding& dup = first_of(r6, "DECL-006");
    CHECK(evidence(dup, "first") == "Declaratie.Clienten.Client[0].Prestaties.Prestatie[0]");
    REQUIRE(dup.locations.size() == 2);
    CHECK(dup.locations[1].line < dup.locations[0].line);
    const Report term = judge("rules/DECL-007.fires.xml");
    CHECK(fired(term) == std::set<std::string>{"DECL-007"});
    CHECK(evidence(first_of(term, "DECL-007"), "term_start") == "2023-01-01");
}

TEST_CASE("the report is the report of check: JSON and SARIF carry the DECL titles", "[declarations]") {
    const Report r = judge("rules/DECL-001.fires.xml");
    const std::string json = to_json(r);
    CHECK(json.find("\"rule\": \"DECL-001\"") != std::string::npos);
    CHECK(json.find("\"message_key\": \"decl.DECL-001.unknown\"") != std::string::npos);
    RenderOptions en;
    en.lang = Lang::en;
    const std::string sarif = to_sarif(r, en);
    CHECK(sarif.find(find_rule("DECL-001").title.en) != std::string::npos);
    CHECK(sarif.find("docs/rules/DECL-001.md") != std::string::npos);
}

TEST_CASE("an unusable message is a ParseError naming the element, line and column", "[declarations][errors]") {
    SECTION("another root namespace") {
        const ParseError e = read_error("http://www.istandaarden.nl/ijw/3_2/jw323/schema", "urn:other");
        CHECK(e.where().line == 3);
        CHECK(e.message().find("not a JW323 or WMO323") != std::string::npos);
    }
    SECTION("the BerichtCode of another message") {
        const ParseError e = read_error("<ijw:BerichtCode>490<", "<ijw:BerichtCode>484<");
        CHECK(e.where().path == "Header.BerichtCode");
        CHECK(e.where().line == 5);
        CHECK(e.where().column == 5);
    }
    SECTION("a missing required element") {
        const ParseError e = read_error("<jw323:Eenheid>14</jw323:Eenheid>", "");
        CHECK(e.where().path == "Declaratie.Clienten.Client[0].Prestaties.Prestatie[3]");
        CHECK(e.message().find("Eenheid") != std::string::npos);
        CHECK(e.where().source == "m.xml");
    }
    SECTION("DebetCredit other than D or C") {
        const ParseError e = read_error("<ijw:DebetCredit>C</ijw:DebetCredit>", "<ijw:DebetCredit>X</ijw:DebetCredit>");
        CHECK(e.where().path == "Declaratie.Clienten.Client[0].Prestaties.Prestatie[5].IngediendBedrag.DebetCredit");
    }
    SECTION("a date with a time zone (RS032)") {
        const ParseError e = read_error("<ijw:Begindatum>2023-06-01<", "<ijw:Begindatum>2023-06-01+01:00<");
        CHECK(e.where().path == "Declaratie.Clienten.Client[0].Prestaties.Prestatie[4].ProductPeriode.Begindatum");
    }
    SECTION("an amount that is not whole eurocents, or too large") {
        CHECK(read_error(">4517<", ">45.17<").where().path.find("IngediendBedrag.Bedrag") != std::string::npos);
        CHECK(read_error(">4517<", ">100000000<").message().find("larger than 99999999") != std::string::npos);
        CHECK(read_error(">4517<", ">-4517<").where().path.find("Bedrag") != std::string::npos);
    }
    SECTION("a period that ends before it starts") {
        const ParseError e = read_error("<ijw:Einddatum>2023-06-30<", "<ijw:Einddatum>2023-05-30<");
        CHECK(e.where().path == "Declaratie.Clienten.Client[0].Prestaties.Prestatie[4].ProductPeriode");
    }
    SECTION("a DOCTYPE (entities are never expanded)") {
        const ParseError e = read_error("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                                        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>");
        CHECK(e.where().line >= 1);
    }
}
