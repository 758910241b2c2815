// §7 Open House (OH-*): CJEU C-410/14 Falk Pharma and C-9/17 Tirkkonen, Aw 2012 art. 1.9, PIANOo.
// These rules judge the declared kind (open_house); when OH-001 finds a cap, ranking or selection,
// the rules of §2-§5 run as for a SAS procedure (see derive_context).

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

const std::vector<ProcedureKind> open_house_only{ProcedureKind::open_house};

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

std::vector<Rule> oh_rules() {
    auto oh = [](const char* id, Severity severity, RuleFn body) {
        return declare(id, severity, Stage::open_house, body).only(open_house_only);
    };
    return {
        oh("OH-001", Severity::error, oh_001)
            .titled("Open House met plafond, rangschikking of selectie: overheidsopdracht",
                    "Open House with a cap, ranking or selection: a public contract")
            .citing({cite(falk_pharma, ""), cite(tirkkonen, "")})
            .noting("The judgments are cited as a whole: their paragraph numbers have not been checked against the "
                    "official text."),
        oh("OH-002", Severity::error, oh_002)
            .titled("Open House: voorwaarden niet vooraf vastgesteld en gelijk voor allen",
                    "Open House: conditions not predetermined and identical for all")
            .citing({cite(falk_pharma, "")}),
        oh("OH-003", Severity::error, oh_003)
            .titled("Open House: geen openbare aankondiging", "Open House: no public announcement")
            .citing({cite(aw, "1.9", "1"), cite(aw, "1.9", "2"), cite(g_pianoo_open_house, "")})
            .noting("An open_house_announcement publication counts as the public announcement."),
        oh("OH-004", Severity::warning, oh_004)
            .titled("Open House: de gemeente stuurt de keuze van de cliënt",
                    "Open House: the municipality steers the client's choice")
            .citing({cite(g_pianoo_open_house, "")}),
        oh("OH-005", Severity::info, oh_005)
            .titled("Open House: toetreding tijdens de looptijd", "Open House: entry during the term")
            .citing({cite(tirkkonen, ""), cite(g_pianoo_open_house, ""), cite(g_miov, "ch. 6")})
            .noting("No entry moment: during_term false and moments_per_year 0 or absent; the term is the initial term "
                    "plus extensions; warning above 24 months."),
        oh("OH-006", Severity::info, oh_006)
            .titled("Grensoverschrijdend belang: transparantie en gelijke behandeling",
                    "Cross-border interest: transparency and equal treatment")
            .citing({cite(falk_pharma, "")}),
    };
}

}  // namespace zorginkoop::procurement::detail
