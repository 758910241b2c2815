#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/data.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/report/serialise.hpp"

using namespace zorginkoop;

namespace {
Report sample() {
    const LawRegistry laws = bundled_laws();
    Report r;
    r.ruleset_version = "2026-11-22";
    r.reference_date = parse_date("2022-06-30");
    r.subject = "example";
    r.context = {{"law", "jeugdwet"}};
    Finding f;
    f.rule = "X-001";
    f.severity = Severity::error;
    f.message_key = "rule.not_evaluated";
    f.params = {{"field", "award.date"}};
    f.evidence = {{"field", "award.date"}};
    f.locations = {Location::at("award.date").in("doc.yaml").line_col(12, 3)};
    f.citations = {laws.cite("BWBR0032203", "2.134", "1", "", parse_date("2026-04-30"))};
    r.findings.push_back(f);
    Finding g = f;
    g.severity = Severity::info;
    g.locations.clear();
    r.findings.push_back(g);
    return r;
}
}  // namespace

TEST_CASE("law registry", "[law]") {
    const LawRegistry laws = bundled_laws();
    for (const char* id : {"BWBR0034925", "BWBR0035779", "BWBR0035362", "BWBR0035733", "BWBR0032203", "BWBR0036007",
                           "BWBR0036096", "BWBR0051641", "32014L0024"})
        CHECK(laws.contains(id));
    CHECK_THROWS_AS(laws.at("BWBR9999999"), InvalidInput);
    CHECK_THROWS_AS(laws.cite("BWBR9999999", "1"), InvalidInput);
    const LegalRef r = laws.cite("BWBR0034925", "2.12", "1", "", parse_date("2026-01-01"));
    CHECK(r.url == "https://wetten.overheid.nl/jci1.3:c:BWBR0034925&artikel=2.12&lid=1&g=2026-01-01");
    CHECK(laws.label(r, Lang::nl) == "art. 2.12 lid 1 Jeugdwet");
    CHECK(laws.label(r, Lang::en) == "Youth Act, article 2.12(1)");
    const LegalRef eu = laws.cite("32014L0024", "74");
    CHECK(eu.url.find("CELEX:32014L0024") != std::string::npos);
}

TEST_CASE("the bundled catalogues are read once per language", "[report][messages]") {
    const MessageCatalogue& nl = bundled_messages(Lang::nl);
    const MessageCatalogue& en = bundled_messages(Lang::en);
    CHECK(&nl == &bundled_messages(Lang::nl));
    CHECK(&en == &bundled_messages(Lang::en));
    CHECK(&nl != &en);
    CHECK(nl.lang() == Lang::nl);
    CHECK(en.lang() == Lang::en);
}

TEST_CASE("message catalogues have the same keys and placeholders", "[report][messages]") {
    const auto nl = bundled_messages(Lang::nl);
    const auto en = bundled_messages(Lang::en);
    REQUIRE(nl.keys() == en.keys());
    for (const auto& k : nl.keys()) {
        auto a = MessageCatalogue::placeholders(nl.text(k));
        auto b = MessageCatalogue::placeholders(en.text(k));
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        INFO(k);
        CHECK(a == b);
    }
    CHECK(nl.render("rule.not_evaluated", {{"field", "award.date"}}) == "Niet beoordeeld: het veld award.date ontbreekt.");
    CHECK_THROWS_AS(nl.render("rule.not_evaluated", {}), InvalidInput);
    CHECK_THROWS_AS(nl.text("no.such.key"), InvalidInput);
    CHECK_THROWS_AS(read_message_catalogue("a: 1\nb: [x]\n", Lang::nl), ParseError);
}

TEST_CASE("JSON report", "[report]") {
    const auto j = nlohmann::json::parse(to_json(sample(), RenderOptions{Lang::en, nullptr, nullptr}));
    CHECK(j["schema_version"] == report_json_schema_version);
    CHECK(j["writer"]["name"] == "zorginkoop");
    CHECK(j["reference_date"] == "2022-06-30");
    CHECK(j["summary"]["error"] == 1);
    CHECK(j["summary"]["info"] == 1);
    CHECK(j["summary"]["warning"] == 0);
    const auto& f = j["findings"][0];
    CHECK(f["rule"] == "X-001");
    CHECK(f["severity"] == "error");
    CHECK(f["message"] == "Not evaluated: the field award.date is missing.");
    CHECK(f["locations"][0]["line"] == 12);
    CHECK(f["citations"][0]["law_id"] == "BWBR0032203");
    CHECK(f["citations"][0]["article"] == "2.134");
    CHECK(f["citations"][0]["version_date"] == "2026-04-30");
    CHECK(f["evidence"]["field"] == "award.date");
}

TEST_CASE("SARIF report", "[report]") {
    const auto s = nlohmann::json::parse(to_sarif(sample()));
    CHECK(s["version"] == "2.1.0");
    const auto& run = s["runs"][0];
    CHECK(run["tool"]["driver"]["name"] == "zorginkoop");
    CHECK(run["tool"]["driver"]["rules"].size() == 1);
    CHECK(run["results"].size() == 2);
    CHECK(run["results"][0]["level"] == "error");
    CHECK(run["results"][1]["level"] == "note");
    CHECK(run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 12);
    CHECK(run["results"][0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "award.date");
}

TEST_CASE("text report in Dutch and English", "[report]") {
    const std::string nl = to_text(sample());
    CHECK(nl.find("FOUT") != std::string::npos);
    CHECK(nl.find("peildatum 2022-06-30") != std::string::npos);
    CHECK(nl.find("art. 2.134 lid 1 Aw 2012") != std::string::npos);
    CHECK(nl.find("Samenvatting: 1 fout(en), 0 waarschuwing(en), 1 melding(en)") != std::string::npos);
    const std::string en = to_text(sample(), RenderOptions{Lang::en, nullptr, nullptr});
    CHECK(en.find("ERROR") != std::string::npos);
    CHECK(en.find("(line 12, column 3)") != std::string::npos);
    CHECK(en.find("Public Procurement Act 2012, article 2.134(1)") != std::string::npos);
}

TEST_CASE("bundled data", "[data]") {
    const auto files = bundled_files();
    CHECK(std::find(files.begin(), files.end(), "messages/core.nl.yaml") != files.end());
    for (const auto& f : files) {
        INFO(f);
        CHECK_NOTHROW(io::parse_yaml(bundled_file(f), f));
    }
    CHECK_THROWS_AS(bundled_file("nope.yaml"), InvalidInput);
}

TEST_CASE("a finding renders its own message in Dutch and English", "[report][messages][i18n]") {
    const Finding f = sample().findings.at(0);
    CHECK(f.message(Lang::en) == "Not evaluated: the field award.date is missing.");
    CHECK(f.message(Lang::en) == bundled_messages(Lang::en).render(f.message_key, f.params));
    CHECK(f.message(Lang::nl) == bundled_messages(Lang::nl).render(f.message_key, f.params));
    CHECK(f.message(Lang::nl) != f.message(Lang::en));
    CHECK(f.message(parse_lang("nl")) == f.message(Lang::nl));
    Finding unknown = f;
    unknown.message_key = "no.such.key";
    CHECK_THROWS_AS(unknown.message(Lang::nl), InvalidInput);
    Finding unfilled = f;
    unfilled.params.clear();
    CHECK_THROWS_AS(unfilled.message(Lang::en), InvalidInput);
    CHECK(std::string(lang_name(Lang::en)) == "en");
    CHECK_THROWS_AS(parse_lang("de"), InvalidInput);
}

namespace {
Finding not_evaluated(const std::string& rule, const std::string& field) {
    Finding f;
    f.rule = rule;
    f.severity = Severity::info;
    f.message_key = "rule.not_evaluated";
    f.params = {{"field", field}, {"rule", rule}};
    f.evidence = {{"missing", field}};
    f.locations = {Location::at(field).in("doc.yaml").line_col(4, 1)};
    return f;
}
Report with_not_evaluated() {
    Report r;
    r.subject = "not-evaluated";
    Finding fired;
    fired.rule = "X-009";
    fired.severity = Severity::warning;
    fired.message_key = "rule.not_evaluated";  // not info: shown as a finding of its own
    fired.params = {{"field", "award.basis"}};
    r.findings = {not_evaluated("X-001", "term.start"), not_evaluated("X-002", "procedure.kind"), fired,
                  not_evaluated("X-003", "procedure.kind"), not_evaluated("X-003", "procedure.kind"),
                  not_evaluated("X-004", "term.start"), not_evaluated("X-005", "procedure.kind"),
                  not_evaluated("X-006", "award.date")};
    return r;
}
}  // namespace

TEST_CASE("text report: one line for the rules not evaluated, or none", "[report][not_evaluated]") {
    const Report r = with_not_evaluated();
    const std::string nl = to_text(r);
    CHECK(nl.find("INFO         Niet beoordeeld, want een veld ontbreekt: procedure.kind (3 regels), term.start "
                  "(2 regels), award.date (1 regel)\n") != std::string::npos);
    CHECK(nl.find("Niet beoordeeld: het veld procedure.kind ontbreekt.") == std::string::npos);
    CHECK(nl.find("X-002") == std::string::npos);
    CHECK(nl.find("WAARSCHUWING X-009") != std::string::npos);
    CHECK(nl.find("Niet beoordeeld: het veld award.basis ontbreekt.") != std::string::npos);
    CHECK(nl.find("Samenvatting: 0 fout(en), 1 waarschuwing(en), 7 melding(en)") != std::string::npos);
    const std::string en = to_text(r, RenderOptions{Lang::en, nullptr, nullptr});
    CHECK(en.find("INFO         Not evaluated, a field is missing: procedure.kind (3 rules), term.start (2 rules), "
                  "award.date (1 rule)\n") != std::string::npos);
    CHECK(en.find("Not evaluated: the field term.start is missing.") == std::string::npos);

    RenderOptions hide;
    hide.hide_not_evaluated = true;
    const std::string hidden = to_text(r, hide);
    CHECK(hidden.find("Niet beoordeeld, want") == std::string::npos);
    CHECK(hidden.find("procedure.kind") == std::string::npos);
    CHECK(hidden.find("WAARSCHUWING X-009") != std::string::npos);
    CHECK(hidden.find("Geen bevindingen.") == std::string::npos);

    // The machine formats keep every finding, whatever the option says.
    CHECK(nlohmann::json::parse(to_json(r, hide))["findings"].size() == r.findings.size());
    CHECK(nlohmann::json::parse(to_sarif(r, hide))["runs"][0]["results"].size() == r.findings.size());

    // Without any such finding there is no line.
    Report none;
    none.findings = {r.findings[2]};
    CHECK(to_text(none).find("Niet beoordeeld, want") == std::string::npos);
}
