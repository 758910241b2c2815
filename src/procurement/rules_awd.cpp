// §5 Award (AWD-*): Jeugdwet art. 2.12 and 2.13, Wmo 2015 art. 2.6.4 and 2.6.5, old Jeugdwet
// art. 2.11 lid 2-3 and old Wmo 2.6.4 lid 2-3, Aw 2012 art. 2.114-2.115, Uitvoeringsbesluit Wmo
// 2015 art. 5.1 lid 1.

#include <algorithm>

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

bool has_quality(const Award& a) {
    return a.criteria && std::any_of(a.criteria->begin(), a.criteria->end(), [](const Criterion& c) {
               return c.kind && *c.kind == CriterionKind::quality;
           });
}

/// AWD-001 and AWD-002: lowest price alone, or no quality criterion. `full_regime_price_only`:
/// under the full regime (Aw 2.114 applies) only the lowest price is barred (AWD-001).
void quality_check(const Document& doc, const RuleContext& c, Emitter& out, bool full_regime_price_only) {
    const bool full = c.kind && is_full_regime(*c.kind);
    const std::vector<std::string> tags{full ? "full" : "light"};
    const Award* a = doc.award ? &*doc.award : nullptr;
    const std::optional<AwardBasis> basis = a ? a->basis : std::nullopt;
    if (basis == AwardBasis::lowest_price) {
        out.emit("lowest_price", {{"basis", name(*basis)}}, {"award.basis"}, tags);
        return;
    }
    if (full && full_regime_price_only) {
        // Jeugdwet 2.12 lid 2 / Wmo 2.6.4 lid 2 bar only the lowest price (Aw 2.114 lid 2 onder c);
        // the lowest cost (onder b) and the criteria are left to Aw 2.114-2.115 (AWD-003).
        if (!basis) out.not_evaluated("award.basis", {"award"});
        return;
    }
    const bool criteria = a && a->criteria && !a->criteria->empty();
    if (criteria) {
        if (!has_quality(*a))
            out.emit("no_quality", {{"basis", basis ? name(*basis) : "-"}, {"criteria", std::to_string(a->criteria->size())}},
                     {"award.criteria"}, tags);
        return;
    }
    if (!basis) {
        out.not_evaluated("award.basis", {"award"});
        return;
    }
    if (*basis == AwardBasis::best_price_quality) return;  // the price-quality ratio weighs quality
    out.emit("no_quality", {{"basis", name(*basis)}, {"criteria", "0"}}, {"award.basis"}, tags);
}

void awd_001(const Document& doc, const RuleContext& c, Emitter& out) { quality_check(doc, c, out, true); }
void awd_002(const Document& doc, const RuleContext& c, Emitter& out) { quality_check(doc, c, out, false); }

void awd_003(const Document& doc, const RuleContext&, Emitter& out) {
    const Award* a = doc.award ? &*doc.award : nullptr;
    if (!a || !a->basis) {
        out.not_evaluated("award.basis", {"award"});
        return;
    }
    if (*a->basis != AwardBasis::best_price_quality) return;
    if (!a->criteria) {
        out.not_evaluated("award.criteria", {"award"});
        return;
    }
    for (std::size_t i = 0; i < a->criteria->size(); ++i) {
        const Criterion& k = (*a->criteria)[i];
        if (k.weight || k.order) continue;
        out.emit("unweighted", {{"criterion", k.name}}, {"award.criteria[" + std::to_string(i) + "]"});
    }
}

void awd_004(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.award || !doc.award->continuity_considered) {
        out.not_evaluated("award.continuity_considered");
        return;
    }
    if (!*doc.award->continuity_considered) out.emit("not_considered", {}, {"award.continuity_considered"});
}

void awd_005(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.contract_clauses || !doc.contract_clauses->staff_takeover_consultation) {
        out.not_evaluated("contract_clauses.staff_takeover_consultation");
        return;
    }
    if (!*doc.contract_clauses->staff_takeover_consultation)
        out.emit(doc.law == Law::jeugdwet ? "missing_jeugdwet" : "missing_wmo", {},
                 {"contract_clauses.staff_takeover_consultation"});
}

}  // namespace

// The bodies of the AWD rules by id; everything else about a rule is its file,
// data/rules/awd/<ID>.yaml.
std::vector<RuleBody> awd_rules() {
    return {
        {"AWD-001", awd_001},
        {"AWD-002", awd_002},
        {"AWD-003", awd_003},
        {"AWD-004", awd_004},
        {"AWD-005", awd_005},
    };
}

}  // namespace zorginkoop::procurement::detail
