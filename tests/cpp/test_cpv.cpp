// CPV codes with or without their check digit (eForms writes eight digits): read by the document
// reader, and compared on their eight digits by REG-003.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "zorginkoop/procurement/check.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;

TEST_CASE("CPV codes without a check digit: read, and compared on their eight digits", "[procurement][cpv]") {
    const auto doc_with = [](const std::string& cpv) {
        return parse_document_yaml("zorginkoop: 1\nid: x\nlaw: wmo2015\nprocedure:\n  kind: sas\n  cpv: " + cpv + "\n");
    };
    CHECK(doc_with("[\"75121000\"]").procedure->cpv->front() == "75121000");
    CHECK(doc_with("[\"75121000-0\"]").procedure->cpv->front() == "75121000-0");
    CHECK_THROWS_AS(doc_with("[\"7512100\"]"), ParseError);
    CHECK_THROWS_AS(doc_with("[\"75121000-\"]"), ParseError);
    CHECK_THROWS_AS(doc_with("[\"75121000\", \"75121000-0\"]"), ParseError);  // one code, twice
    const auto reg003_fires = [&](const std::string& cpv) {
        const Report rep = check(doc_with(cpv));
        return std::any_of(rep.findings.begin(), rep.findings.end(),
                           [](const Finding& f) { return f.rule == "REG-003" && fired(f); });
    };
    CHECK(!reg003_fires("[\"75121000-0\"]"));
    CHECK(!reg003_fires("[\"75121000\"]"));  // the listed 75121000-0
    CHECK(!reg003_fires("[\"79625000\"]"));  // the listed 79625000-1
    CHECK(!reg003_fires("[\"85312000\"]"));
    CHECK(reg003_fires("[\"60130000\"]"));
    CHECK(reg003_fires("[\"75121001\"]"));
}
