// §7 Open House (OH-*): CJEU C-410/14 Falk Pharma and C-9/17 Tirkkonen, Aw 2012 art. 1.9, PIANOo.
// These rules judge the declared kind (open_house); when OH-001 finds a cap, ranking or selection,
// the rules of §2-§5 run as for a SAS procedure (see derive_context).

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

void oh_001(const Document& doc, const RuleContext&, Emitter& out) {
    std::vector<std::string> reasons;
    std::vector<std::string> paths;
    if (doc.open_house && doc.open_house->max_providers && *doc.open_house->max_providers) {
        reasons.push_back("open_house.max_providers " + std::to_string(**doc.open_house->max_providers));
        paths.push_back("open_house.max_providers");
    }
    if (doc.open_house && doc.open_house->ranking.value_or(false)) {
        reasons.push_back("open_house.ranking");
        paths.push_back("open_house.ranking");
    }
    if (doc.lots)
        for (std::size_t i = 0; i < doc.lots->size(); ++i) {
            const Lot& l = (*doc.lots)[i];
            if (l.max_providers && *l.max_providers) {
                reasons.push_back("lot " + l.id + " max_providers " + std::to_string(**l.max_providers));
                paths.push_back(lot_path(i) + ".max_providers");
            }
        }
    if (!reasons.empty()) {
        out.emit("public_contract", {{"reasons", join(reasons, "; ")}}, paths);
        return;
    }
    if (!doc.open_house || !doc.open_house->max_providers) {
        out.not_evaluated("open_house.max_providers", {"open_house"});
        return;
    }
    if (!doc.open_house->ranking) out.not_evaluated("open_house.ranking", {"open_house"});
}

void oh_002(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.open_house || !doc.open_house->identical_conditions) {
        out.not_evaluated("open_house.identical_conditions", {"open_house"});
        return;
    }
    if (!*doc.open_house->identical_conditions) out.emit("not_identical", {}, {"open_house.identical_conditions"});
}

void oh_003(const Document& doc, const RuleContext&, Emitter& out) {
    const std::optional<bool> announced = doc.open_house ? doc.open_house->announced_publicly : std::nullopt;
    if (announced) {
        if (!*announced) out.emit("not_announced", {}, {"open_house.announced_publicly"});
        return;
    }
    if (!publications_of(doc, PublicationKind::open_house_announcement).empty()) return;
    out.not_evaluated("open_house.announced_publicly", {"open_house"});
}

void oh_004(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.open_house || !doc.open_house->client_chooses_provider) {
        out.not_evaluated("open_house.client_chooses_provider", {"open_house"});
        return;
    }
    if (!*doc.open_house->client_chooses_provider) out.emit("steered", {}, {"open_house.client_chooses_provider"});
}

void oh_005(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.open_house || !doc.open_house->entry) {
        out.not_evaluated("open_house.entry", {"open_house"});
        return;
    }
    const OpenHouseEntry& e = *doc.open_house->entry;
    const bool during = e.during_term.value_or(false);
    const std::int64_t moments = e.moments_per_year.value_or(0);
    const bool no_entry = !during && moments == 0 && (e.during_term || e.moments_per_year);
    Fields f{{"during_term", e.during_term ? fmt(*e.during_term) : "-"},
             {"moments_per_year", e.moments_per_year ? std::to_string(*e.moments_per_year) : "-"}};
    if (no_entry) {
        const bool indefinite = doc.term && doc.term->indefinite.value_or(false);
        const auto initial = initial_term_months(doc);
        if (indefinite || initial) {
            const int months = indefinite ? 0 : *initial + extension_months(doc);
            if (indefinite || months > 24) {
                f.emplace_back("months", indefinite ? std::string("-") : std::to_string(months));
                out.emit(Severity::warning, "no_entry_long_term", std::move(f), {"open_house.entry", "term"});
                return;
            }
        }
        out.emit("no_entry", std::move(f), {"open_house.entry"});
        return;
    }
    out.emit("entry", std::move(f), {"open_house.entry"});
}

void oh_006(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.procedure || !doc.procedure->cross_border_interest) {
        out.not_evaluated("procedure.cross_border_interest");
        return;
    }
    if (*doc.procedure->cross_border_interest) out.emit("treaty", {}, {"procedure.cross_border_interest"});
}

}  // namespace

// The bodies of the OH rules by id; everything else about a rule is its file,
// data/rules/oh/<ID>.yaml.
std::vector<RuleBody> oh_rules() {
    return {
        {"OH-001", oh_001},
        {"OH-002", oh_002},
        {"OH-003", oh_003},
        {"OH-004", oh_004},
        {"OH-005", oh_005},
        {"OH-006", oh_006},
    };
}

}  // namespace zorginkoop::procurement::detail
