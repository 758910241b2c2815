// §1 Which regime applies (REG-*): Aw 2012 art. 2.6a and 2.38, Directive 2014/24/EU art. 74 and
// Annex XIV.

#include <algorithm>
#include <string_view>

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

const std::vector<ProcedureKind> not_public_contract{ProcedureKind::open_house, ProcedureKind::subsidy};

void reg_001(const Document& doc, const RuleContext& c, Emitter& out) {
    if (!c.regime_value) {
        out.not_evaluated("estimated_value.declared");
        return;
    }
    const Money threshold = sas_threshold();
    Fields f{{"value", fmt(*c.regime_value)},
             {"declared", doc.estimated_value && doc.estimated_value->declared ? fmt(*doc.estimated_value->declared) : "-"},
             {"computed", c.computed_value ? fmt(*c.computed_value) : "-"},
             {"threshold", fmt(threshold)}};
    out.emit(*c.part2_applies ? "applies" : "below", std::move(f), {"estimated_value"});
}

void reg_002(const Document&, const RuleContext& c, Emitter& out) {
    if (!c.part2_applies || !*c.part2_applies) return;  // stated only above the threshold
    if (!c.kind) {
        out.emit("default", {{"kind", "-"}}, {"procedure"});
        return;
    }
    const char* variant = *c.kind == ProcedureKind::sas ? "sas" : is_full_regime(*c.kind) ? "full" : "other";
    out.emit(variant, {{"kind", name(*c.kind)}}, {"procedure.kind"});
}

/// The known light-regime CPV set of rules.md REG-003.
bool known_light_regime(const std::string& code) {
    static const char* listed[] = {"75121000-0", "75122000-7", "75123000-4", "79622000-0", "79624000-4",
                                   "79625000-1", "80110000-8", "80300000-7", "80420000-4", "80430000-7",
                                   "80511000-9", "80520000-5", "80590000-6", "92500000-6", "92600000-7",
                                   "98133000-4", "98133110-8", "75200000-8", "75231200-6", "75231240-8",
                                   "79611000-0"};
    // Compare the eight digits (the stem): a code without its check digit, as eForms notices write
    // it (75121000), is the listed 75121000-0.
    const std::string digits = code.substr(0, 8);
    for (const char* l : listed)
        if (digits == std::string_view(l).substr(0, 8)) return true;
    // 85000000-9 to 85323000-9.
    return digits >= "85000000" && digits <= "85323000";
}

void reg_003(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.procedure || !doc.procedure->cpv) {
        out.not_evaluated("procedure.cpv");
        return;
    }
    const auto& cpv = *doc.procedure->cpv;
    for (std::size_t i = 0; i < cpv.size(); ++i)
        if (!known_light_regime(cpv[i]))
            out.emit("unconfirmed", {{"cpv", cpv[i]}}, {"procedure.cpv[" + std::to_string(i) + "]"});
}

}  // namespace

std::vector<Rule> reg_rules() {
    return {
        declare("REG-001", Severity::info, Stage::regime, reg_001).except(not_public_contract)
            .titled("Toepasselijk regime: raming tegen de SAS-drempel van EUR 750.000",
                    "Applicable regime: estimated value against the EUR 750,000 threshold")
            .citing({cite(aw, "2.6a"), cite(directive, "74"), cite(directive, "4", "", "d")})
            .noting("EUR 750,000 (Aw art. 2.6a; Directive 2014/24/EU art. 4 onder d), not indexed."),
        declare("REG-002", Severity::info, Stage::regime, reg_002).except(not_public_contract)
            .titled("SAS-procedure is de standaard boven de drempel voor zorg en welzijn",
                    "SAS procedure is the default for health and social care services")
            .citing({cite(aw, "2.38", "2")}),
        declare("REG-003", Severity::warning, Stage::regime, reg_003).except(not_public_contract)
            .titled("CPV-code niet bevestigd als dienst van bijlage XIV",
                    "CPV code not confirmed as an Annex XIV service")
            .citing({cite(directive, "77", "1"), cite(directive, "74")})
            .noting("The CPV codes of Annex XIV itself have not been checked against the official text; the known set is the art. 77 list "
                    "plus four codes, so the finding says membership could not be confirmed."),
    };
}

}  // namespace zorginkoop::procurement::detail
