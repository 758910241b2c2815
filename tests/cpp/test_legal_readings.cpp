// Legal readings of the procurement rules: AWD-001 under the full regime, the Algemene termijnenwet
// on the SAS deadlines (not on TERM-005, counted back), citations of the version in force on the
// reference date, TERM-003/TERM-004 citations and IJW-002 on blank product codes.

#include <catch2/catch.hpp>

#include <algorithm>

#include "rule_findings.hpp"
#include "support.hpp"
#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/procurement/check.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;

namespace {

using namespace zktest;

bool cites_termijnenwet(const Finding& f) { return citation(f, "BWBR0002448", "1", "1") && citation(f, "BWBR0002448", "3"); }

}  // namespace

TEST_CASE("AWD-001: where Aw 2.114 applies only the lowest price is barred", "[law][procurement]") {
    // european_open, lowest cost with a cost criterion: Jeugdwet 2.12 lid 2 does not bar it
    CHECK(findings_of(check_file(fixture("AWD-001.silent-full-lowest-cost")), "AWD-001").empty());

    const Report price = check_file(fixture("AWD-001.fires-full-lowest-price"));
    const Finding* f = first_of(price, "AWD-001");
    REQUIRE(f);
    CHECK(f->message_key == "check.AWD-001.lowest_price");
    CHECK(citation(*f, "BWBR0034925", "2.12", "2"));
    CHECK_FALSE(citation(*f, "BWBR0034925", "2.12", "1"));  // lid 1 is for where 2.114 does not apply
    CHECK(citation(*f, "BWBR0032203", "2.114", "4"));

    // SAS (2.114 does not apply): lowest cost without a quality criterion fires under lid 1
    const Report sas = check_file(fixture("AWD-001.fires-sas-lowest-cost"));
    f = first_of(sas, "AWD-001");
    REQUIRE(f);
    CHECK(f->message_key == "check.AWD-001.no_quality");
    CHECK(citation(*f, "BWBR0034925", "2.12", "1"));
    CHECK_FALSE(citation(*f, "BWBR0034925", "2.12", "2"));
}

TEST_CASE("SAS-003: a deadline on a Saturday, Easter Monday or Koningsdag moves to the next working day",
          "[law][procurement][termijnenwet]") {
    // award 2023-05-04 + 30 days = Saturday 2023-06-03 → Monday 2023-06-05
    CHECK(findings_of(check_file(fixture("SAS-003.silent-saturday")), "SAS-003").empty());
    const Report late = check_file(fixture("SAS-003.fires-saturday"));
    const Finding* f = first_of(late, "SAS-003");
    REQUIRE(f);
    CHECK(f->message_key == "check.SAS-003.late_extended");
    CHECK(evidence(*f, "deadline_nominal") == "2023-06-03");
    CHECK(evidence(*f, "deadline") == "2023-06-05");
    CHECK(evidence(*f, "days_late") == "1");
    CHECK(cites_termijnenwet(*f));
    CHECK(citation(*f, "BWBR0032203", "2.134", "1"));

    // The quarter rule: 2023-06-30 + 30 = Sunday 2023-07-30 → Monday 2023-07-31
    CHECK(findings_of(check_file(fixture("SAS-003.silent-quarter-extended")), "SAS-003").empty());

    struct Case {
        const char* award;
        const char* nominal;
        const char* extended;
    };
    const Case cases[] = {
        {"2024-03-02", "2024-04-01", "2024-04-02"},  // tweede Paasdag 2024
        {"2023-03-28", "2023-04-27", "2023-05-01"},  // Koningsdag 2023 (a Thursday), then 28 April assimilated by decree
        {"2025-03-27", "2025-04-26", "2025-04-28"},  // Koningsdag 2025, on the Saturday
        {"2024-04-05", "2024-05-05", "2024-05-06"},  // the fifth of May 2024 (a Sunday)
    };
    for (const auto& c : cases) {
        INFO(c.award);
        Document d = load_document(fixture("SAS-003.fires"));
        d.award->date = parse_date(c.award);
        d.publications->at(1).date = parse_date(c.extended);
        CHECK(findings_of(check(d), "SAS-003").empty());  // published on the extended last day: in time
        d.publications->at(1).date = add_days(parse_date(c.extended), 1);
        const Report r = check(d);
        const Finding* x = first_of(r, "SAS-003");
        REQUIRE(x);
        CHECK(evidence(*x, "deadline_nominal") == c.nominal);
        CHECK(evidence(*x, "deadline") == c.extended);
        CHECK(cites_termijnenwet(*x));
    }

    // No shift: no nominal date in the evidence and no Algemene termijnenwet citation.
    const Report plain = check_file(fixture("SAS-003.fires"));
    f = first_of(plain, "SAS-003");
    REQUIRE(f);
    CHECK(f->message_key == "check.SAS-003.late");
    CHECK(evidence(*f, "deadline") == "2023-05-31");
    CHECK(evidence(*f, "deadline_nominal") == "<none>");
    CHECK_FALSE(citation(*f, "BWBR0002448", "1"));
}

TEST_CASE("SAS-006 and SAS-007: the standstill and the ex-ante wait are extended", "[law][procurement][termijnenwet]") {
    const Report early = check_file(fixture("SAS-006.fires-extended"));
    const Finding* f = first_of(early, "SAS-006");
    REQUIRE(f);
    CHECK(f->message_key == "check.SAS-006.concluded_early_full_extended");
    CHECK(f->severity == Severity::error);
    CHECK(evidence(*f, "deadline_nominal") == "2023-05-21");
    CHECK(evidence(*f, "deadline") == "2023-05-22");
    CHECK(cites_termijnenwet(*f));
    CHECK(citation(*f, "BWBR0032203", "2.127", "3"));
    CHECK(findings_of(check_file(fixture("SAS-006.silent-extended")), "SAS-006").empty());

    // SAS: the standstill is not statutory; the Act does not extend it and its dates are not judged.
    Document sas = load_document(fixture("SAS-006.fires-extended"));
    sas.procedure->kind = ProcedureKind::sas;
    CHECK(findings_of(check(sas), "SAS-006").empty());

    const Report veat = check_file(fixture("SAS-007.fires-extended"));
    f = first_of(veat, "SAS-007");
    REQUIRE(f);
    CHECK(f->message_key == "check.SAS-007.voidable_extended");
    CHECK(evidence(*f, "deadline_nominal") == "2023-05-29");  // tweede Pinksterdag 2023
    CHECK(evidence(*f, "deadline") == "2023-05-30");
    CHECK(evidence(*f, "veat") == "publications[1]");
    CHECK(cites_termijnenwet(*f));
    CHECK(findings_of(check_file(fixture("SAS-007.silent-extended")), "SAS-007").empty());
}

TEST_CASE("TERM-005 counts back and is not extended", "[law][procurement][termijnenwet]") {
    // Wmo: award at least 3 months before term.start 2024-04-01, i.e. by Nieuwjaarsdag 2024-01-01.
    Document d = load_document(fixture("TERM-005.fires"));
    d.term->start = parse_date("2024-04-01");
    d.award->date = parse_date("2024-01-02");
    const Report r = check(d);
    const Finding* f = first_of(r, "TERM-005");
    REQUIRE(f);
    CHECK(evidence(*f, "latest") == "2024-01-01");
    CHECK_FALSE(citation(*f, "BWBR0002448", "1"));
}

TEST_CASE("citations link the version in force on the reference date", "[law][procurement][citations]") {
    Document d = load_document(fixture("AWD-001.fires"));
    d.publications->at(0).date = parse_date("2023-02-01");  // the reference date
    const Report r = check(d);
    REQUIRE(r.reference_date);
    CHECK(format_date(*r.reference_date) == "2023-02-01");
    const LawRegistry laws = bundled_laws();
    std::size_t bwb = 0;
    for (const auto& f : r.findings)
        for (const auto& c : f.citations) {
            if (laws.at(c.law_id).kind != LawKind::bwb) {
                CHECK(c.url.find("&g=") == std::string::npos);
                continue;
            }
            INFO(f.rule << " " << c.url);
            ++bwb;
            REQUIRE(c.version_date);
            CHECK(format_date(*c.version_date) == "2023-02-01");
            CHECK(c.url.size() > 13);
            CHECK(c.url.substr(c.url.size() - 13) == "&g=2023-02-01");
        }
    CHECK(bwb > 5);

    // An explicitly dated historic citation keeps its date (AWD-002, before 2022-07-01).
    CheckOptions old;
    old.as_of = parse_date("2021-06-01");
    const Report h = check(d, old);
    const Finding* f = first_of(h, "AWD-002");
    REQUIRE(f);
    const LegalRef* c = citation(*f, "BWBR0034925", "2.11", "2");
    REQUIRE(c);
    CHECK(format_date(*c->version_date) == "2022-01-01");
    CHECK(c->url.find("&g=2022-01-01") != std::string::npos);

    // Without a reference date: the version the research quoted (Aw 2012: 2026-04-30).
    Document undated = d;
    undated.publications.reset();
    undated.award->date.reset();
    undated.award->contract_concluded.reset();
    undated.term->start.reset();
    const Report u = check(undated);
    REQUIRE_FALSE(u.reference_date);
    bool seen = false;
    for (const auto& x : u.findings)
        for (const auto& y : x.citations)
            if (y.law_id == "BWBR0032203") {
                seen = true;
                CHECK(format_date(*y.version_date) == "2026-04-30");
            }
    CHECK(seen);
}

TEST_CASE("Wmo 2015 art. 2.6.6 lid 1 is cited without onderdeel a before 2024-07-01", "[law][procurement][citations]") {
    const LawRegistry laws = bundled_laws();
    const Rule& rule = find_rule("PRICE-010");
    Document doc;
    doc.law = Law::wmo2015;
    auto cited = [&](const char* reference) {
        RuleContext ctx;
        ctx.laws = &laws;
        ctx.reference_date = parse_date(reference);
        std::vector<Finding> out;
        Emitter emit(rule, doc, ctx, out);
        emit.emit("below_cao", {}, {});
        REQUIRE(out.size() == 1);
        const LegalRef* c = citation(out.front(), "BWBR0035362", "2.6.6", "1");
        REQUIRE(c);
        return *c;
    };
    const LegalRef before = cited("2024-06-30");
    CHECK(before.onderdeel.empty());
    CHECK(before.url.find("&onderdeel=") == std::string::npos);
    CHECK(before.url.find("&g=2024-06-30") != std::string::npos);
    CHECK(cited("2023-03-01").onderdeel.empty());
    const LegalRef from = cited("2024-07-01");
    CHECK(from.onderdeel == "a");
    CHECK(from.url.find("&onderdeel=a&g=2024-07-01") != std::string::npos);
    CHECK(cited("2026-01-01").onderdeel == "a");
}

TEST_CASE("TERM-003 cites the Contractstandaarden, TERM-004 Aw 2.163b lid 2", "[law][procurement][citations]") {
    const Rule& t3 = find_rule("TERM-003");
    REQUIRE(t3.citations.size() == 1);
    CHECK(t3.citations.front().law_id == "guidance:contractstandaarden-wmo");
    const Report r = check_file(fixture("TERM-003.fires"));
    const Finding* f = first_of(r, "TERM-003");
    REQUIRE(f);
    CHECK(citation(*f, "guidance:contractstandaarden-wmo", ""));
    CHECK_FALSE(citation(*f, "guidance:vng-norm-opdrachtgeverschap", "afspraak 7"));

    const Rule& t4 = find_rule("TERM-004");
    CHECK(std::any_of(t4.citations.begin(), t4.citations.end(),
                      [](const Citation& c) { return c.law_id == "BWBR0032203" && c.article == "2.163b" && c.lid == "2"; }));
}

TEST_CASE("IJW-002: a product code of only white space is invalid", "[law][procurement]") {
    const Report r = check_file(fixture("IJW-002.fires-blank-code"));
    const Finding* f = first_of(r, "IJW-002");
    REQUIRE(f);
    CHECK(f->message_key == "check.IJW-002.code_blank");
    CHECK(evidence(*f, "code") == "   ");
    CHECK(evidence(*f, "product") == "Ambulante jeugdhulp");
    REQUIRE_FALSE(f->locations.empty());
    CHECK(f->locations.front().path == "lots[0].products[0].code");
    Document d = load_document(fixture("IJW-002.silent"));
    d.lots->at(0).products->at(0).code = "\t";
    CHECK(first_of(check(d), "IJW-002"));
}

TEST_CASE("IJW-001: a tariff near the Decimal range is too large for LDT_Bedrag, not an overflow", "[law][procurement]") {
    Document d = load_document(fixture("IJW-002.silent"));
    Product& p = d.lots->at(0).products->at(0);
    p.cost_model.reset();  // IJW-001 alone: PRICE-006 would compare with the cost price
    for (const char* amount : {"340000000000000000000", "3400000000000000000.5", "1000000.00"}) {
        p.tariff = Money::parse(amount);
        Report r;
        REQUIRE_NOTHROW(r = check(d));
        const Finding* f = first_of(r, "IJW-001");
        REQUIRE(f);
        CHECK(f->message_key == "check.IJW-001.too_large");
    }
    p.tariff = Money::parse("-340000000000000000000");
    const Report negative = check(d);
    const Finding* f = first_of(negative, "IJW-001");
    REQUIRE(f);
    CHECK(f->message_key == "check.IJW-001.negative");
    // With its cost model, PRICE-006 cannot express the gap of such a tariff: a typed error that
    // names the tariff.
    Document priced = load_document(fixture("IJW-002.silent"));
    priced.lots->at(0).products->at(0).tariff = Money::parse("-340000000000000000000");
    try {
        (void)check(priced);
        FAIL("no Overflow");
    } catch (const Overflow& e) {
        CHECK(e.where().path == "lots[0].products[0].tariff");
        CHECK(e.where().line > 0);
        CHECK(std::string(e.what()).find("PRICE-006") != std::string::npos);
    }
    p.tariff = Money::parse("999999.99");
    CHECK_FALSE(first_of(check(d), "IJW-001"));
}
