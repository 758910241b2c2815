// The rule catalogue: the declarations of the rule groups in catalogue order, and how a rule's
// citation resolves to a dated LegalRef.

#include <algorithm>

#include "rule_support.hpp"

namespace zorginkoop::procurement {

namespace detail {

Citation cite(const std::string& law_key, const std::string& article, const std::string& lid,
              const std::string& onderdeel, std::optional<Law> law, const std::string& tag) {
    const LawRegistry& laws = LawRegistry::bundled();
    const LegalSource& source = laws.by_key(law_key);
    // A rule cites only provisions the law data lists with their dates (official texts).
    if (!source.provisions.empty() && !laws.lists(source.id, ProvisionPlace{article, lid, onderdeel}))
        throw InvalidInput(source.short_nl + " art. " + article + (lid.empty() ? "" : " lid " + lid) +
                           (onderdeel.empty() ? "" : " onder " + onderdeel) +
                           " is cited but not listed in data/law/laws.yaml (provisions)");
    Citation c;
    c.law_id = source.id;
    c.article = article;
    c.lid = lid;
    c.onderdeel = onderdeel;
    if (source.version) c.version_date = source.version->date;
    c.law = law;
    c.tag = tag;
    c.law_key = source.key;
    return c;
}

Citation cite_version(const std::string& law_key, const std::string& article, const std::string& lid,
                      const std::string& onderdeel, const char* version, std::optional<Law> law, const std::string& tag) {
    Citation c = cite(law_key, article, lid, onderdeel, law, tag);
    c.version_date = LawRegistry::bundled().version_date(law_key, version);
    c.pinned = true;
    return c;
}

RuleDecl::RuleDecl(const char* id, Severity severity, Stage stage, RuleFn body) {
    rule_.id = id;
    rule_.severity = severity;
    rule_.stage = stage;
    rule_.run = body;
}
RuleDecl&& RuleDecl::titled(const char* nl, const char* en) && {
    rule_.title = RuleTitle{nl, en};
    return std::move(*this);
}
RuleDecl&& RuleDecl::law(std::optional<Law> scope) && {
    rule_.law = scope;
    return std::move(*this);
}
RuleDecl&& RuleDecl::only(std::vector<ProcedureKind> kinds) && {
    rule_.only_kinds = std::move(kinds);
    return std::move(*this);
}
RuleDecl&& RuleDecl::except(std::vector<ProcedureKind> kinds) && {
    rule_.except_kinds = std::move(kinds);
    return std::move(*this);
}
RuleDecl&& RuleDecl::part2() && {
    rule_.needs_part2 = true;
    return std::move(*this);
}
RuleDecl&& RuleDecl::in_force(const char* from, const char* to) && {
    if (from) rule_.in_force_from = parse_date(from);
    if (to) rule_.in_force_to = parse_date(to);
    return std::move(*this);
}
RuleDecl&& RuleDecl::citing(std::vector<Citation> citations) && {
    rule_.citations = std::move(citations);
    return std::move(*this);
}
RuleDecl&& RuleDecl::noting(std::string note) && {
    rule_.note = std::move(note);
    return std::move(*this);
}

}  // namespace detail

using namespace detail;

// ---- citations -----------------------------------------------------------------------------------

std::optional<LegalRef> resolve_citation(const Citation& c, const std::optional<Date>& reference_date, const LawRegistry& laws) {
    // The version in force on the reference date (geldigheidsdatum) for official texts; the
    // quoted version without a reference date; a pinned historic version as it is.
    const LegalSource& law = laws.at(c.law_id);
    std::optional<Date> version = c.version_date;
    if (!c.pinned && reference_date && law.kind == LawKind::bwb) version = reference_date;
    ProvisionPlace place{c.article, c.lid, c.onderdeel};
    if (version && law.kind == LawKind::bwb) {
        const std::optional<ProvisionPlace> then = laws.place_in_force(c.law_id, place, *version);
        if (!then) return std::nullopt;
        place = *then;
    }
    return laws.cite(c.law_id, place.article, place.lid, place.onderdeel, version);
}

// ---- catalogue ----------------------------------------------------------------------------------

const std::vector<Rule>& rule_catalogue() {
    static const std::vector<Rule> all = [] {
        std::vector<Rule> out;
        // Catalogue order: REG, VAL, SAS, TERM, AWD, PRICE, OH, FUND, IJW, NVO, JREG.
        for (auto group : {reg_rules, val_rules, sas_rules, term_rules, awd_rules, price_rules, oh_rules, fund_rules, ijw_rules,
                           nvo_rules, jreg_rules})
            for (auto& r : group()) out.push_back(std::move(r));
        return out;
    }();
    return all;
}

const Rule& find_rule(std::string_view id) {
    for (const auto& r : rule_catalogue())
        if (r.id == id) return r;
    throw InvalidInput("unknown rule id '" + std::string(id) + "'");
}

}  // namespace zorginkoop::procurement
