// §5 Award (AWD-*): Jeugdwet art. 2.12 and 2.13, Wmo 2015 art. 2.6.4 and 2.6.5, old Jeugdwet
// art. 2.11 lid 2-3 and old Wmo 2.6.4 lid 2-3, Aw 2012 art. 2.114-2.115, Uitvoeringsbesluit Wmo
// 2015 art. 5.1 lid 1.

#include <algorithm>

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

const std::vector<ProcedureKind> not_public_contract{ProcedureKind::open_house, ProcedureKind::subsidy};
const std::vector<ProcedureKind> full_regime{ProcedureKind::european_open, ProcedureKind::european_restricted,
                                             ProcedureKind::european_competitive_dialogue};

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

std::vector<Rule> awd_rules() {
    return {
        declare("AWD-001", Severity::error, Stage::award, awd_001).except(not_public_contract).in_force("2022-07-01")
            .titled("Gunning niet louter op laagste prijs; kwaliteit moet meewegen",
                    "No award on lowest price alone; quality must count")
            .citing({cite(jeugdwet, "2.12", "1", "", Law::jeugdwet, "light"),
                     cite(wmo, "2.6.4", "1", "", Law::wmo2015, "light"),
                     cite(jeugdwet, "2.12", "2", "", Law::jeugdwet, "full"),
                     cite(wmo, "2.6.4", "2", "", Law::wmo2015, "full"),
                     cite(aw, "2.114", "4", "", std::nullopt, "full")})
            .noting("In force 2022-07-01 (Stb. 2022, 188 and 241). Where Aw 2.114 does not apply (SAS, below the "
                    "threshold; lid 1): lowest price, or no quality taken into account, fires; quality counts when a "
                    "criterion has kind quality, or when the basis is best_price_quality and no criteria are listed. "
                    "Under the full regime (european_*, Aw 2.114 applies; lid 2) only the lowest price fires; the "
                    "lowest cost does not."),
        declare("AWD-002", Severity::error, Stage::award, awd_002)
            .titled("Oude regel: gunning op EMVI met een kwaliteitscriterium",
                    "Former rule: award on MEAT with a quality criterion")
            .except(not_public_contract).in_force("2015-01-01", "2022-06-30")
            .citing({cite_version(jeugdwet, "2.11", "2", "", "before_2022_07", Law::jeugdwet),
                     cite_version(jeugdwet, "2.11", "3", "", "before_2022_07", Law::jeugdwet),
                     cite_version(wmo, "2.6.4", "2", "", "before_2022_07", Law::wmo2015),
                     cite_version(wmo, "2.6.4", "3", "", "before_2022_07", Law::wmo2015)})
            .noting("Applies the wording in force until 30 June 2022, quoted below. Whether the sub-criteria were "
                    "published in the notice is not in the document format and is not checked."),
        declare("AWD-003", Severity::error, Stage::award, awd_003).only(full_regime)
            .titled("Subgunningscriteria zonder weging, marge of volgorde",
                    "Award sub-criteria without weight, range or order")
            .citing({cite(aw, "2.115", "4"), cite(aw, "2.115", "5"), cite(aw, "2.114", "2", "a")}),
        declare("AWD-004", Severity::error, Stage::award, awd_004).law(Law::wmo2015).except(not_public_contract)
            .titled("Wmo: continuïteit van hulpverlening niet meegewogen bij gunning",
                    "Wmo: continuity of care not taken into account at award")
            .citing({cite(wmo, "2.6.5", "2")})
            .noting("Every product is taken to be a maatwerkvoorziening; no dates in force are applied (the article is "
                    "verified in the current text only)."),
        declare("AWD-005", Severity::error, Stage::award, awd_005).except({ProcedureKind::subsidy})
            .titled("Geen verplichting tot overleg over overname van personeel",
                    "No obligation to consult on taking over staff")
            .citing({cite(uitv_besluit_wmo, "5.1", "1", "", Law::wmo2015),
                     cite(jeugdwet, "2.13", "1", "", Law::jeugdwet)})
            .noting("Applies to every contract, Open House admissions included (both articles speak of an overeenkomst); "
                    "no dates in force are applied."),
    };
}

}  // namespace zorginkoop::procurement::detail
