// Rules read against the text of the law: TERM-004 on modifications for unforeseen circumstances
// (Aw 2.163e lid 1 onder c), IJW-002 on product codes of Unicode white space, SAS-006 on a standstill
// the authority sets itself (not extended by the Algemene termijnenwet) and SAS-009 as information only.

#include <catch2/catch.hpp>

#include <algorithm>

#include "rule_findings.hpp"
#include "support.hpp"
#include "zorginkoop/procurement/check.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;

namespace {

using namespace zktest;

const std::string aw = "BWBR0032203";  // the Aanbestedingswet 2012

}  // namespace

TEST_CASE("TERM-004: unforeseen circumstances above 50 % of the original value is an error", "[law][procurement][term]") {
    const Report r = check_file(fixture("TERM-004.fires-unforeseen-over-half"));
    const Finding* f = first_of(r, "TERM-004");
    REQUIRE(f);
    CHECK(f->message_key == "check.TERM-004.unforeseen_over_half");
    CHECK(f->severity == Severity::error);
    CHECK(evidence(*f, "value") == "1000000.01");
    CHECK(evidence(*f, "maximum") == "1000000.00");
    CHECK(evidence(*f, "route") == "2.163e");
    CHECK(citation(*f, aw, "2.163e", "1", "c"));
    CHECK_FALSE(citation(*f, aw, "2.163d"));

    // Exactly half is within the limit: information (the other conditions are not in the document).
    Document d = load_document(fixture("TERM-004.fires-unforeseen-over-half"));
    d.modifications->at(0).value = Money::parse("1000000.00");
    const Report within = check(d);
    f = first_of(within, "TERM-004");
    REQUIRE(f);
    CHECK(f->message_key == "check.TERM-004.route");
    CHECK(f->severity == Severity::info);
    CHECK_FALSE(citation(*f, aw, "2.163e", "1", "c"));

    // Additional services keep their own variant and cite 2.163d.
    d.modifications->at(0).value = Money::parse("1000000.01");
    d.modifications->at(0).route = std::optional<ModificationRoute>{ModificationRoute::r2_163d};
    const Report additional = check(d);
    f = first_of(additional, "TERM-004");
    REQUIRE(f);
    CHECK(f->message_key == "check.TERM-004.additional_over_half");
    CHECK(f->severity == Severity::error);
    CHECK(citation(*f, aw, "2.163d"));
    CHECK_FALSE(citation(*f, aw, "2.163e"));

    // A review clause (2.163c) has no such limit in the rule: information whatever the amount.
    d.modifications->at(0).route = std::optional<ModificationRoute>{ModificationRoute::r2_163c};
    const Report review = check(d);
    f = first_of(review, "TERM-004");
    REQUIRE(f);
    CHECK(f->severity == Severity::info);
}

TEST_CASE("IJW-002: a product code of only Unicode white space is invalid", "[law][procurement][ijw]") {
    const Report r = check_file(fixture("IJW-002.fires-unicode-blank-code"));
    const Finding* f = first_of(r, "IJW-002");
    REQUIRE(f);
    CHECK(f->message_key == "check.IJW-002.code_blank");
    CHECK(evidence(*f, "code") == "\u00a0\u00a0\u3000");

    Document d = load_document(fixture("IJW-002.silent"));
    for (const char* blank : {"\u00a0", "\u2007", "\u202f", "\u3000", "\u200b", "\ufeff", "\u2028", " \u00a0\t"}) {
        INFO(blank);
        d.lots->at(0).products->at(0).code = blank;
        const Report x = check(d);
        const Finding* g = first_of(x, "IJW-002");
        REQUIRE(g);
        CHECK(g->message_key == "check.IJW-002.code_blank");
    }
    // A visible character among the spaces is a code (judged on its length, not as blank).
    for (const char* code : {"\u00a0A", "5\u00a0", "\u00e9"}) {
        INFO(code);
        d.lots->at(0).products->at(0).code = code;
        const Report x = check(d);
        for (const Finding* g : findings_of(x, "IJW-002")) CHECK(g->message_key != "check.IJW-002.code_blank");
    }
}

TEST_CASE("SAS-006: a standstill the SAS procedure sets itself is not extended", "[law][procurement][termijnenwet]") {
    // The standstill of the full regime (Aw 2.127) is a statutory period: the Algemene termijnenwet
    // extends it from Sunday 2023-05-21 to Monday 2023-05-22, and a contract concluded that Monday fires.
    const Report full = check_file(fixture("SAS-006.fires-extended"));
    const Finding* f = first_of(full, "SAS-006");
    REQUIRE(f);
    CHECK(f->message_key == "check.SAS-006.concluded_early_full_extended");
    // For SAS the 20 days are the authority's own period (Aw 2.39 lid 2 excludes 2.127): the Act does
    // not extend it and the same dates are no finding.
    CHECK(findings_of(check_file(fixture("SAS-006.silent-sas-not-extended")), "SAS-006").empty());
    Document d = load_document(fixture("SAS-006.silent-sas-not-extended"));
    for (const char* concluded : {"2023-05-20", "2023-05-21", "2023-05-22"}) {
        INFO(concluded);
        d.award->contract_concluded = parse_date(concluded);
        CHECK(findings_of(check(d), "SAS-006").empty());
    }
}

TEST_CASE("SAS-009: the SAS option and provider categories are information only", "[law][procurement][sas]") {
    const Report r = check_file(fixture("SAS-009.fires"));
    const auto all = findings_of(r, "SAS-009");
    REQUIRE_FALSE(all.empty());
    bool misfit = false;
    for (const Finding* f : all) {
        CHECK(f->severity == Severity::info);
        misfit = misfit || f->message_key == "check.SAS-009.misfit";
    }
    CHECK(misfit);
}
