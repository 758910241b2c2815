// eForms notices read into a procurement document: the mapping of each field, the merge of the
// notices of one procedure, and every refusal (tests/fixtures/eforms/*.xml).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "support.hpp"
#include "zorginkoop/core/date.hpp"
#include "zorginkoop/io/xml.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/procurement/eforms.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;

namespace {

std::string fixture(const std::string& name) { return zktest::source_path("tests/fixtures/eforms/" + name); }

EformsImport import_files(const std::vector<std::string>& names, Law law = Law::jeugdwet) {
    std::vector<std::string> paths;
    for (const auto& n : names) paths.push_back(fixture(n));
    return import_eforms_files(paths, law);
}

ParseError refusal_of(const std::vector<std::string>& names) {
    try {
        (void)import_files(names);
    } catch (const ParseError& e) {
        return e;
    }
    FAIL("no ParseError for " << names.back());
    throw;  // not reached
}

/// The minimal notice with `lot` (elements inside cac:ProcurementProjectLot after cbc:ID) added.
EformsImport import_text(const std::string& lot_content, const std::string& replace_from = {},
                         const std::string& replace_to = {}) {
    std::string text = io::read_text_file(fixture("cn-social_minimal.xml"));
    const std::string id = "<cbc:ID schemeName=\"Lot\">LOT-0001</cbc:ID>";
    text.replace(text.find(id), id.size(), id + lot_content);
    if (!replace_from.empty()) text.replace(text.find(replace_from), replace_from.size(), replace_to);
    return import_eforms({EformsNotice{io::parse_xml(text, "t.xml"), "t.xml"}}, Law::wmo2015);
}

const NotCarried* not_carried(const EformsImport& r, const std::string& field) {
    for (const auto& n : r.not_carried)
        if (n.field == field) return &n;
    return nullptr;
}

Date d(const char* s) { return parse_date(s); }

}  // namespace

TEST_CASE("eForms: a full light-regime contract notice fills every field it carries", "[eforms]") {
    const EformsImport r = import_files({"cn-social_full.xml"});
    const Document& doc = r.document;
    CHECK(doc.id == "b1c7e7a2-5d0e-4c8a-9f3e-2a6d1c9e4b70");  // BT-04
    CHECK(doc.law == Law::jeugdwet);
    CHECK(doc.title == std::optional<std::string>("Regionale inkoop jeugdhulp 2025"));
    REQUIRE(doc.authority);
    CHECK(doc.authority->name == std::optional<std::string>("Gemeente Voorbeeldstad"));  // BT-500 via OPT-300
    REQUIRE(doc.procedure);
    const Procedure& p = *doc.procedure;
    CHECK(p.kind == ProcedureKind::sas);  // subtype 20
    CHECK(p.framework_agreement == true);  // BT-765 fa-wo-rc
    // BT-262/263 of the procedure and the lots, each code once, without a check digit.
    CHECK(p.cpv == std::optional<std::vector<std::string>>({"85312000", "85311000", "85320000"}));
    CHECK(p.exclusion_grounds == true);         // BT-806
    CHECK(p.suitability_requirements == true);  // BT-821
    CHECK(p.self_declaration_required == true); // epo-acc-espd-request
    REQUIRE(doc.estimated_value);
    CHECK(doc.estimated_value->declared == Money::parse("5000000"));  // BT-271 over BT-27
    REQUIRE(doc.term);
    CHECK(doc.term->start == d("2025-01-01"));  // 2025-01-01+01:00
    CHECK(doc.term->end == d("2027-12-31"));    // lot 1 BT-537; lot 2 BT-36 36 months from 2025-01-01
    CHECK(!doc.term->indefinite);
    REQUIRE(doc.lots);
    REQUIRE(doc.lots->size() == 2);
    const Lot& l1 = (*doc.lots)[0];
    CHECK(l1.id == "LOT-0001");
    CHECK(l1.title == std::optional<std::string>("Ambulante jeugdhulp"));
    CHECK(l1.estimated_value == Money::parse("2400000.00"));
    REQUIRE(l1.max_providers);
    CHECK(*l1.max_providers == std::optional<std::int64_t>(12));  // BT-113
    CHECK(!(*doc.lots)[1].max_providers);                         // absent, not "no cap"
    CHECK(!l1.products);
    REQUIRE(doc.publications);
    REQUIRE(doc.publications->size() == 1);
    CHECK((*doc.publications)[0].kind == PublicationKind::contract_notice);
    CHECK((*doc.publications)[0].eforms_subtype == 20);
    CHECK((*doc.publications)[0].date == d("2024-03-01"));  // OPP-012 before BT-05 (2024-02-28)
    REQUIRE(doc.award);
    CHECK(!doc.award->date);
    CHECK(doc.award->basis == AwardBasis::best_price_quality);
    REQUIRE(doc.award->criteria);
    const auto& c = *doc.award->criteria;
    REQUIRE(c.size() == 2);
    CHECK(c[0].name == "Kwaliteit van de zorg");  // BT-734 before BT-540
    CHECK(c[0].kind == CriterionKind::quality);
    CHECK(c[0].weight == Decimal::parse("60"));
    CHECK(!c[0].order);
    CHECK(c[1].kind == CriterionKind::price);
    CHECK(c[1].weight == Decimal::parse("40"));
    // What the notice leaves out is listed, never filled in.
    REQUIRE(not_carried(r, "award.date"));
    CHECK(not_carried(r, "award.date")->reason == NotCarried::Reason::absent);
    CHECK(not_carried(r, "award.date")->eforms == "BT-1451-Contract");
    REQUIRE(not_carried(r, "lots[1].max_providers"));
    CHECK(!not_carried(r, "lots[0].max_providers"));
    CHECK(!not_carried(r, "procedure.cpv"));
    REQUIRE(not_carried(r, "lots[].products"));
    CHECK(not_carried(r, "lots[].products")->reason == NotCarried::Reason::no_eforms_field);
    CHECK(not_carried(r, "contract_clauses"));
    CHECK(!doc.contract_clauses);
    CHECK(!doc.open_house);
    CHECK(!p.standstill_days);
}

TEST_CASE("eForms: an order of importance is an order, and a criterion without a name takes its description", "[eforms]") {
    const EformsImport r = import_files({"cn-social_full.xml"});
    // Lot 2 gives ord-imp criteria; the document takes the first lot that states criteria, so
    // read lot 2 alone.
    const EformsImport two = import_text(
        "<cac:TenderingTerms><cac:AwardingTerms><cac:AwardingCriterion>"
        "<cac:SubordinateAwardingCriterion><ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent>"
        "<efext:EformsExtension><efac:AwardCriterionParameter>"
        "<efbc:ParameterCode listName=\"number-weight\">ord-imp</efbc:ParameterCode>"
        "<efbc:ParameterNumeric>2</efbc:ParameterNumeric></efac:AwardCriterionParameter></efext:EformsExtension>"
        "</ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>"
        "<cbc:AwardingCriterionTypeCode listName=\"award-criterion-type\">cost</cbc:AwardingCriterionTypeCode>"
        "<cbc:Description languageID=\"NLD\">Levenscycluskosten</cbc:Description>"
        "</cac:SubordinateAwardingCriterion></cac:AwardingCriterion></cac:AwardingTerms></cac:TenderingTerms>");
    REQUIRE(two.document.award);
    REQUIRE(two.document.award->criteria);
    const Criterion& c = (*two.document.award->criteria)[0];
    CHECK(c.name == "Levenscycluskosten");
    CHECK(c.order == 2);
    CHECK(!c.weight);
    CHECK(two.document.award->basis == AwardBasis::lowest_cost);
    CHECK(r.document.award->criteria->size() == 2);
}

TEST_CASE("eForms: a minimal notice of SDK 1.10 reports the fields its version does not define", "[eforms]") {
    const EformsImport r = import_files({"cn-social_minimal.xml"}, Law::wmo2015);
    const Document& doc = r.document;
    CHECK(doc.law == Law::wmo2015);
    CHECK((*doc.publications)[0].date == d("2024-02-28"));  // BT-05 2024-02-28Z, no OPP-012
    CHECK(doc.procedure->cpv == std::optional<std::vector<std::string>>({"85312000"}));
    CHECK(!doc.title);
    CHECK(!doc.procedure->exclusion_grounds);
    for (const char* f : {"procedure.exclusion_grounds", "procedure.suitability_requirements",
                          "procedure.self_declaration_required"}) {
        INFO(f);
        REQUIRE(not_carried(r, f));
        CHECK(not_carried(r, f)->reason == NotCarried::Reason::not_in_version);
        CHECK(not_carried(r, f)->detail == "eforms-sdk-1.10; defined from eforms-sdk-1.12");
    }
    CHECK(not_carried(r, "title")->reason == NotCarried::Reason::absent);
    CHECK(not_carried(r, "term.start"));
    CHECK(not_carried(r, "estimated_value.declared"));
}

TEST_CASE("eForms: the same element in a 1.12 notice is read", "[eforms]") {
    // The BT-821 element that SDK 1.10 does not define is read once the version defines it.
    const std::string sel =
        "<cac:TenderingTerms><cac:TendererQualificationRequest><cac:SpecificTendererRequirement>"
        "<cbc:TendererRequirementTypeCode listName=\"selection-criteria-source\">epo-notice</cbc:TendererRequirementTypeCode>"
        "</cac:SpecificTendererRequirement></cac:TendererQualificationRequest></cac:TenderingTerms>";
    CHECK(!import_text(sel).document.procedure->suitability_requirements);
    const EformsImport r = import_text(sel, "eforms-sdk-1.10", "eforms-sdk-1.12");
    CHECK(r.document.procedure->suitability_requirements == true);
    CHECK(!r.document.procedure->self_declaration_required);  // epo-notice is no ESPD request
    REQUIRE(not_carried(r, "procedure.self_declaration_required"));
    CHECK(not_carried(r, "procedure.self_declaration_required")->reason == NotCarried::Reason::absent);
}

TEST_CASE("eForms: a PIN, a contract notice and an award notice of one procedure merge", "[eforms]") {
    const EformsImport r = import_files({"pin-cfc-social.xml", "cn-social_full.xml", "can-social.xml"});
    const Document& doc = r.document;
    REQUIRE(doc.publications->size() == 3);
    const auto& pubs = *doc.publications;
    CHECK(pubs[0].kind == PublicationKind::prior_information_notice);
    CHECK(pubs[0].eforms_subtype == 12);
    CHECK(pubs[0].date == d("2024-01-15"));
    CHECK(pubs[1].kind == PublicationKind::contract_notice);
    CHECK(pubs[1].date == d("2024-03-01"));
    CHECK(pubs[2].kind == PublicationKind::award_notice);
    CHECK(pubs[2].eforms_subtype == 33);
    CHECK(pubs[2].date == d("2024-07-12"));
    CHECK(doc.procedure->kind == ProcedureKind::sas);
    // The award dates come from the award notice: BT-1451 (the earliest decision), never the
    // dummy cac:TenderResult/cbc:AwardDate (OPT-999, 2024-05-01).
    REQUIRE(doc.award);
    CHECK(doc.award->date == d("2024-06-12"));
    CHECK(doc.award->contract_concluded == d("2024-07-05"));  // BT-145
    // Procedure and lot fields come from the contract notice.
    CHECK(doc.estimated_value->declared == Money::parse("5000000"));
    CHECK(*(*doc.lots)[0].max_providers == std::optional<std::int64_t>(12));
    CHECK((*doc.lots)[0].estimated_value == Money::parse("2400000.00"));
    CHECK(!not_carried(r, "award.date"));
    // The order of the files does not matter.
    const EformsImport again = import_files({"can-social.xml", "cn-social_full.xml", "pin-cfc-social.xml"});
    CHECK(again.document == doc);
    // The merged document checks without errors of its own.
    const Report report = check(doc);
    CHECK(report.findings.size() > 0);
}

TEST_CASE("eForms: full-regime notices take their kind from BT-105", "[eforms]") {
    const EformsImport r = import_files({"cn-standard.xml", "can-standard.xml"}, Law::wmo2015);
    const Document& doc = r.document;
    CHECK(doc.procedure->kind == ProcedureKind::european_open);  // subtype 16, BT-105 open
    CHECK(doc.procedure->framework_agreement == false);          // BT-765 none
    CHECK(doc.procedure->cpv == std::optional<std::vector<std::string>>({"60130000"}));
    CHECK(doc.term->start == d("2025-01-01"));
    CHECK(!doc.term->end);  // BT-538 UNKNOWN
    CHECK(!doc.term->indefinite);
    CHECK(doc.award->basis == AwardBasis::lowest_price);
    CHECK(doc.award->date == d("2024-07-30"));
    CHECK((*doc.publications)[1].kind == PublicationKind::award_notice);
    CHECK((*doc.publications)[1].eforms_subtype == 29);
    CHECK(not_carried(r, "term.end"));
}

TEST_CASE("eForms: VEAT and modification notices", "[eforms]") {
    const EformsImport r = import_files({"can-modif.xml", "veat.xml"});
    const Document& doc = r.document;
    CHECK(doc.procedure->kind == ProcedureKind::negotiated_without_notice);  // BT-105 neg-wo-call
    CHECK(doc.term->indefinite == true);                                    // BT-538 UNLIMITED
    CHECK(!doc.term->end);
    REQUIRE(doc.publications->size() == 2);
    CHECK((*doc.publications)[0].kind == PublicationKind::voluntary_ex_ante);
    CHECK((*doc.publications)[0].eforms_subtype == 25);
    CHECK((*doc.publications)[1].kind == PublicationKind::modification_notice);
    CHECK((*doc.publications)[1].eforms_subtype == 38);
    CHECK(!doc.modifications);  // a modification notice says nothing the document's modifications hold
}

TEST_CASE("eForms: a procedure type without a document kind is reported, not guessed", "[eforms]") {
    std::string text = io::read_text_file(fixture("cn-standard.xml"));
    const std::string open = ">open<";
    text.replace(text.find(open), open.size(), ">neg-w-call<");
    const EformsImport r = import_eforms({EformsNotice{io::parse_xml(text, "t.xml"), "t.xml"}}, Law::wmo2015);
    CHECK(!r.document.procedure->kind);
    REQUIRE(not_carried(r, "procedure.kind"));
    CHECK(not_carried(r, "procedure.kind")->detail.find("neg-w-call") != std::string::npos);
}

TEST_CASE("eForms: BT-36 gives the end of the term where no end date is stated", "[eforms]") {
    const auto term_of = [](const std::string& start, const std::string& n, const std::string& unit) {
        return import_text("<cac:ProcurementProject><cac:PlannedPeriod><cbc:StartDate>" + start +
                           "</cbc:StartDate><cbc:DurationMeasure unitCode=\"" + unit + "\">" + n +
                           "</cbc:DurationMeasure></cac:PlannedPeriod></cac:ProcurementProject>")
            .document.term;
    };
    CHECK(term_of("2025-01-01", "36", "MONTH")->end == d("2027-12-31"));
    CHECK(term_of("2024-01-31", "1", "MONTH")->end == d("2024-02-29"));  // no 31 February: its last day
    CHECK(term_of("2024-03-15", "1", "MONTH")->end == d("2024-04-14"));
    CHECK(term_of("2025-01-01", "2", "YEAR")->end == d("2026-12-31"));
    CHECK(term_of("2025-01-01", "2", "WEEK")->end == d("2025-01-14"));
    CHECK(term_of("2025-01-01", "10", "DAY")->end == d("2025-01-10"));
}

TEST_CASE("eForms: notices that are refused", "[eforms]") {
    SECTION("notices of different procedures") {
        const ParseError e = refusal_of({"cn-social_full.xml", "refuse_other-procedure.xml"});
        CHECK(e.path() == "BT-04-notice");
        CHECK(e.message().find("only the notices of one procedure are merged") != std::string::npos);
        CHECK(e.where().source.find("refuse_other-procedure.xml") != std::string::npos);
        CHECK(e.line() > 0);
    }
    SECTION("a concession notice (Directive 2014/23/EU)") {
        const ParseError e = refusal_of({"refuse_concession.xml"});
        CHECK(e.path() == "BT-01-notice");
        CHECK(e.message().find("32014L0023") != std::string::npos);
        CHECK(e.message().find("concessions") != std::string::npos);
    }
    SECTION("a utilities notice (Directive 2014/25/EU)") {
        const ParseError e = refusal_of({"refuse_utilities.xml"});
        CHECK(e.message().find("utilities") != std::string::npos);
    }
    SECTION("an amount in another currency") {
        const ParseError e = refusal_of({"refuse_currency.xml"});
        CHECK(e.message().find("'SEK'") != std::string::npos);
        CHECK(e.path() == "cbc:EstimatedOverallContractAmount");
        CHECK(e.line() > 0);
        CHECK(e.column() > 0);
    }
    SECTION("a subtype that is not read") {
        const ParseError e = refusal_of({"refuse_subtype.xml"});
        CHECK(e.path() == "OPP-070-notice");
        CHECK(e.message().find("'4'") != std::string::npos);
    }
    SECTION("an SDK that is not 1.x") {
        const ParseError e = refusal_of({"refuse_sdk.xml"});
        CHECK(e.path() == "OPT-002-notice");
        CHECK(e.message().find("eforms-sdk-0.7") != std::string::npos);
    }
    SECTION("not a notice at all") {
        const ParseError e = refusal_of({"refuse_not-a-notice.xml"});
        CHECK(e.message().find("not an eForms notice") != std::string::npos);
        CHECK(e.line() == 2);
    }
    SECTION("an external entity, a billion laughs, malformed XML") {
        for (const char* f : {"refuse_external-entity.xml", "refuse_billion-laughs.xml", "refuse_malformed.xml"}) {
            INFO(f);
            const ParseError e = refusal_of({f});
            CHECK(e.line() > 0);
        }
        CHECK(refusal_of({"refuse_external-entity.xml"}).message().find("DOCTYPE") != std::string::npos);
    }
    SECTION("a notice that is no XML") {
        CHECK_THROWS_AS(import_eforms_files({zktest::source_path("tests/fixtures/eforms/README.md")}, Law::jeugdwet),
                        ParseError);
    }
    SECTION("no notice") { CHECK_THROWS_AS(import_eforms({}, Law::jeugdwet), InvalidInput); }
}

TEST_CASE("eForms: malformed values name the field, the notice and the line", "[eforms]") {
    const auto error_of = [](const std::string& lot) -> ParseError {
        try {
            (void)import_text(lot);
        } catch (const ParseError& e) {
            return e;
        }
        FAIL("no ParseError");
        throw;
    };
    const auto period = [](const std::string& inner) {
        return "<cac:ProcurementProject><cac:PlannedPeriod>" + inner + "</cac:PlannedPeriod></cac:ProcurementProject>";
    };
    ParseError e = error_of(period("<cbc:StartDate>2025-02-30</cbc:StartDate>"));
    CHECK(e.path() == "BT-536-Lot (lot LOT-0001)");
    CHECK(e.where().source == "t.xml");
    CHECK(e.line() > 0);
    CHECK(error_of(period("<cbc:StartDate>2025-01-01+1</cbc:StartDate>")).message().find("not a date") != std::string::npos);
    CHECK(error_of(period("<cbc:DescriptionCode>SOMETIMES</cbc:DescriptionCode>")).path() == "BT-538-Lot (lot LOT-0001)");
    CHECK(error_of(period("<cbc:DurationMeasure unitCode=\"HOUR\">3</cbc:DurationMeasure>")).path() == "BT-36-Lot (lot LOT-0001)");
    CHECK(error_of(period("<cbc:StartDate>9999-01-01</cbc:StartDate><cbc:DurationMeasure unitCode=\"YEAR\">5</cbc:DurationMeasure>"))
              .message()
              .find("9999") != std::string::npos);
    const auto amount = [](const std::string& v) {
        return "<cac:ProcurementProject><cac:RequestedTenderTotal><cbc:EstimatedOverallContractAmount currencyID=\"EUR\">" + v +
               "</cbc:EstimatedOverallContractAmount></cac:RequestedTenderTotal></cac:ProcurementProject>";
    };
    CHECK(error_of(amount("-5")).path() == "BT-27-Lot (lot LOT-0001)");
    CHECK(error_of(amount("1e9")).path() == "BT-27-Lot (lot LOT-0001)");
    CHECK(error_of(amount("")).message().find("empty") != std::string::npos);
    CHECK(import_text(amount("1250000.50")).document.lots->front().estimated_value == Money::parse("1250000.50"));
    const auto cpv = [](const std::string& v) {
        return "<cac:ProcurementProject><cac:MainCommodityClassification><cbc:ItemClassificationCode listName=\"cpv\">" + v +
               "</cbc:ItemClassificationCode></cac:MainCommodityClassification></cac:ProcurementProject>";
    };
    CHECK(error_of(cpv("8531200")).path() == "BT-262-Lot (lot LOT-0001)");
    CHECK(error_of(cpv("8531200X")).message().find("not a CPV code") != std::string::npos);
    CHECK(error_of("<cac:TenderingProcess><cac:FrameworkAgreement><cbc:MaximumOperatorQuantity>0"
                   "</cbc:MaximumOperatorQuantity></cac:FrameworkAgreement></cac:TenderingProcess>")
              .path() == "BT-113-Lot (lot LOT-0001)");
}

TEST_CASE("eForms: the imported document writes and reads back as a document", "[eforms]") {
    const EformsImport r = import_files({"pin-cfc-social.xml", "cn-social_full.xml", "can-social.xml"});
    const std::string yaml = io::to_yaml(r.document.to_node());
    const Document back = parse_document_yaml(yaml, "imported.yaml");
    CHECK(back == r.document);
    CHECK(yaml.find("85312000") != std::string::npos);
}

TEST_CASE("eForms: a field the notices cannot state is not evaluated, not a finding about its absence", "[eforms]") {
    const EformsImport r = import_files({"cn-standard.xml", "can-standard.xml"}, Law::wmo2015);
    REQUIRE(not_carried(r, "procedure.standstill_days"));
    const auto sas006 = [](const Report& report) {
        std::vector<const Finding*> out;
        for (const auto& f : report.findings)
            if (f.rule == "SAS-006") out.push_back(&f);
        return out;
    };
    // Checked as a written document, the absent standstill is an error of the full regime.
    const Report as_document = check(r.document);
    const auto written = sas006(as_document);
    REQUIRE(written.size() == 1);
    CHECK(written.front()->severity == Severity::error);
    CHECK(written.front()->message_key == "check.SAS-006.none_full");
    // Checked with what the notices cannot state, SAS-006 is not evaluated for that field.
    CheckOptions options;
    for (const auto& n : r.not_carried) options.not_stated.push_back(n.field);
    const Report as_notices = check(r.document, options);
    const auto imported = sas006(as_notices);
    REQUIRE(imported.size() == 1);
    CHECK(imported.front()->severity == Severity::info);
    CHECK(imported.front()->message_key == "rule.not_evaluated");
    REQUIRE(!imported.front()->evidence.empty());
    CHECK(imported.front()->evidence.front() == std::make_pair(std::string("missing"), std::string("procedure.standstill_days")));
    // "[]" in a not-stated field stands for any index.
    CheckOptions lots;
    lots.not_stated = {"lots[].products"};
    CHECK_NOTHROW(check(r.document, lots));
}
