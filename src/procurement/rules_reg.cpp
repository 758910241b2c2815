// §1 Which regime applies (REG-*): Aw 2012 art. 2.6a and 2.38, Directive 2014/24/EU art. 74 and
// Annex XIV.

#include <algorithm>
#include <string_view>

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

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

/// The known light-regime CPV set of REG-003 (data/rules/reg/REG-003.yaml).
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

// The bodies of the REG rules by id; everything else about a rule is its file,
// data/rules/reg/<ID>.yaml.
std::vector<RuleBody> reg_rules() {
    return {
        {"REG-001", reg_001},
        {"REG-002", reg_002},
        {"REG-003", reg_003},
    };
}

}  // namespace zorginkoop::procurement::detail
