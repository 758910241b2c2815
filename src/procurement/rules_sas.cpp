// §3 Publication and procedure steps for SAS above the threshold (SAS-*): Aw 2012 art. 2.39,
// 2.58a, 2.62, 2.132, 2.134, 2.127, 4.15-4.16, 1.5; eForms notice subtypes; a regional policy
// classification of the SAS options (SAS-009, information only); Algemene termijnenwet art. 1 and 3 for the deadlines of SAS-003, -006 and -007.

#include <algorithm>

#include "rule_support.hpp"
#include "zorginkoop/core/holidays.hpp"

namespace zorginkoop::procurement::detail {

namespace {

bool before(const Date& a, const Date& b) { return date::sys_days{a} < date::sys_days{b}; }

/// The end of a statutory period counted forward: the nominal last day, and that day moved to the
/// next working day by Algemene termijnenwet art. 1 lid 1 when it is a Saturday, Sunday, public
/// holiday (art. 3 lid 1-2) or a day a royal decree assimilates with one (art. 3 lid 3; the
/// calendar's decrees). Only for periods of at most 90 days (art. 4 lid 1 onder a): the periods here
/// are 20 and 30 days. That the Act covers the Aw 2012 periods follows from its art. 1 ("een in een
/// wet gestelde termijn").
struct PeriodEnd {
    Date nominal;
    Date end;
    /// The days assimilated by decree that the period crossed while it was extended, with their decree.
    std::vector<std::pair<Date, const HolidayDecree*>> assimilated;
    bool extended() const { return date::sys_days{nominal} != date::sys_days{end}; }
};
PeriodEnd statutory_period_end(const RuleContext& c, const Date& nominal, bool at_most_90_days = true) {
    static const HolidayCalendar act_only;  // a context without a calendar: the Act's own days
    const HolidayCalendar& calendar = c.holidays ? *c.holidays : act_only;
    if (!at_most_90_days) return PeriodEnd{nominal, nominal, {}};
    const Date end = calendar.extend_to_working_day(nominal);
    return PeriodEnd{nominal, end, calendar.assimilated_between(nominal, end)};
}

/// The message variant, evidence and citation tags of a finding about a period that may have been
/// extended: "<variant>_extended" with `deadline_nominal` and the Algemene termijnenwet citations
/// when it was; when a day assimilated by royal decree moved it, `assimilated_days` and
/// `holiday_decree` name the days and the decree.
std::string variant_of(const std::string& variant, const PeriodEnd& p) {
    return p.extended() ? variant + "_extended" : variant;
}
std::vector<std::string> tags_of(const PeriodEnd& p, std::vector<std::string> tags = {}) {
    if (p.extended()) tags.emplace_back(tag_extended);
    return tags;
}
void add_period(Fields& f, const PeriodEnd& p) {
    f.emplace_back("deadline", fmt(p.end));
    if (!p.extended()) return;
    f.emplace_back("deadline_nominal", fmt(p.nominal));
    if (p.assimilated.empty()) return;
    std::vector<std::string> days, decrees;
    for (const auto& [day, decree] : p.assimilated) {
        days.push_back(fmt(day));
        const std::string name = decree->citation();
        if (std::find(decrees.begin(), decrees.end(), name) == decrees.end()) decrees.push_back(name);
    }
    f.emplace_back("assimilated_days", join(days));
    f.emplace_back("holiday_decree", join(decrees, "; "));
}

/// Whether a start publication (contract notice or prior information notice) precedes the award.
/// nullopt: cannot tell (a start notice without a date while the award date is known).
struct StartCheck {
    bool has_publications = false;
    std::optional<bool> ok;
    std::string undated_path;
    std::vector<std::string> found;
};
StartCheck start_publication(const Document& doc) {
    StartCheck s;
    if (!doc.publications) return s;
    s.has_publications = true;
    const std::optional<Date> award = doc.award ? doc.award->date : std::nullopt;
    bool undated = false;
    for (std::size_t i = 0; i < doc.publications->size(); ++i) {
        const auto& p = (*doc.publications)[i];
        if (p.kind != PublicationKind::contract_notice && p.kind != PublicationKind::prior_information_notice) continue;
        s.found.push_back(std::string(name(p.kind)) + (p.date ? " " + fmt(*p.date) : ""));
        if (!award || (p.date && before(*p.date, *award))) {
            s.ok = true;
            return s;
        }
        if (!p.date && !undated) {
            undated = true;
            s.undated_path = pub_path(i) + ".date";
        }
    }
    if (!undated) s.ok = false;
    return s;
}

void sas_001(const Document& doc, const RuleContext&, Emitter& out) {
    const StartCheck s = start_publication(doc);
    if (!s.has_publications) {
        out.not_evaluated("publications");
        return;
    }
    if (!s.ok) {
        out.not_evaluated(s.undated_path);
        return;
    }
    if (*s.ok) return;
    const std::optional<Date> award = doc.award ? doc.award->date : std::nullopt;
    out.emit(award ? "none_before_award" : "none",
             {{"award_date", award ? fmt(*award) : "-"}, {"start_publications", s.found.empty() ? "-" : join(s.found)}},
             {"publications", "award.date"});
}

void sas_002(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.publications) return;  // SAS-001 reports the missing publications
    if (!publications_of(doc, PublicationKind::contract_notice).empty()) return;  // the PIN is not the call
    for (const auto& [i, p] : publications_of(doc, PublicationKind::prior_information_notice)) {
        if (p->eforms_subtype && *p->eforms_subtype == 4) continue;  // a PIN for information only
        const std::string path = pub_path(i);
        const std::pair<const char*, const std::optional<bool>*> checks[] = {
            {"states_service_type", &p->states_service_type},
            {"states_award_without_further_publication", &p->states_award_without_further_publication},
            {"invites_written_interest", &p->invites_written_interest},
            {"continuous", &p->continuous},
        };
        std::vector<std::string> failing;
        std::vector<std::string> paths{path};
        std::string absent;
        for (const auto& [key, value] : checks) {
            if (!value->has_value()) {
                if (absent.empty()) absent = path + "." + key;
            } else if (!**value) {
                failing.push_back(key);
                paths.push_back(path + "." + key);
            }
        }
        if (!failing.empty())
            out.emit("incomplete", {{"publication", path}, {"date", p->date ? fmt(*p->date) : "-"}, {"missing", join(failing)}},
                     paths);
        else if (!absent.empty())
            out.not_evaluated(absent);
    }
}

void sas_003(const Document& doc, const RuleContext& c, Emitter& out) {
    if (!doc.award || !doc.award->date) {
        out.not_evaluated("award.date");
        return;
    }
    if (!doc.publications) {
        out.not_evaluated("publications");
        return;
    }
    const Date award = *doc.award->date;
    const bool bundled = doc.award->bundled_quarterly.value_or(false);
    const PeriodEnd period = statutory_period_end(c, bundled ? add_days(end_of_quarter(award), 30) : add_days(award, 30));
    const Date deadline = period.end;
    const auto notices = publications_of(doc, PublicationKind::award_notice);
    Fields base{{"award_date", fmt(award)}};
    add_period(base, period);
    base.emplace_back("bundled_quarterly", fmt(bundled));
    if (bundled) base.emplace_back("quarter_end", fmt(end_of_quarter(award)));
    if (notices.empty()) {
        out.emit(variant_of(bundled ? "missing_bundled" : "missing", period), base, {"publications", "award.date"},
                 tags_of(period));
        return;
    }
    // The earliest dated award notice counts.
    std::optional<std::pair<std::size_t, Date>> first;
    std::string undated;
    for (const auto& [i, p] : notices) {
        if (!p->date) {
            if (undated.empty()) undated = pub_path(i) + ".date";
            continue;
        }
        if (!first || before(*p->date, first->second)) first = std::make_pair(i, *p->date);
    }
    if (!first) {
        out.not_evaluated(undated);
        return;
    }
    if (!before(deadline, first->second)) return;
    Fields f = base;
    f.emplace_back("published", fmt(first->second));
    f.emplace_back("days_late", std::to_string(days_between(deadline, first->second)));
    out.emit(variant_of(bundled ? "late_bundled" : "late", period), std::move(f),
             {pub_path(first->first) + ".date", "award.date"}, tags_of(period));
}

void sas_004(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.procedure || !doc.procedure->award_record) {
        out.not_evaluated("procedure.award_record");
        return;
    }
    if (!*doc.procedure->award_record) out.emit("missing", {}, {"procedure.award_record"});
}

void sas_005(const Document& doc, const RuleContext&, Emitter& out) {
    const Procedure* p = doc.procedure ? &*doc.procedure : nullptr;
    const std::optional<bool> exclusion = p ? p->exclusion_grounds : std::nullopt;
    const std::optional<bool> suitability = p ? p->suitability_requirements : std::nullopt;
    const bool any = exclusion.value_or(false) || suitability.value_or(false);
    if (!any) {
        if (!exclusion) out.not_evaluated("procedure.exclusion_grounds");
        else if (!suitability) out.not_evaluated("procedure.suitability_requirements");
        return;
    }
    if (!p->self_declaration_required) {
        out.not_evaluated("procedure.self_declaration_required");
        return;
    }
    if (*p->self_declaration_required) return;
    out.emit("missing",
             {{"exclusion_grounds", fmt(exclusion.value_or(false))}, {"suitability_requirements", fmt(suitability.value_or(false))}},
             {"procedure.self_declaration_required"});
}

void sas_006(const Document& doc, const RuleContext& c, Emitter& out) {
    const bool full = c.kind && is_full_regime(*c.kind);
    const Nullable<std::int64_t> days = doc.procedure ? doc.procedure->standstill_days : Nullable<std::int64_t>{};
    const Severity sev = full ? Severity::error : Severity::warning;
    const std::vector<std::string> tags = full ? std::vector<std::string>{"full"} : std::vector<std::string>{};
    if (!days || !*days) {
        out.emit(sev, full ? "none_full" : "none", {{"minimum", "20"}}, {"procedure.standstill_days"}, tags);
        return;
    }
    if (**days < 20) {
        out.emit(sev, full ? "short_full" : "short", {{"days", std::to_string(**days)}, {"minimum", "20"}},
                 {"procedure.standstill_days"}, tags);
        return;
    }
    // Full regime: the standstill of Aw 2.127 is a statutory period, counted from the day after the
    // award decision (award.date); the contract may be concluded once it has ended, extended by the
    // Algemene termijnenwet. For SAS the standstill is not statutory (Aw 2.39 lid 2) and the Act,
    // which covers periods set by law, does not extend it; its dates are not checked.
    if (!full || !doc.award || !doc.award->date || !doc.award->contract_concluded) return;
    const Date concluded = *doc.award->contract_concluded;
    // Concluded more than a week after the nominal end: past any extension (no run of Saturdays,
    // Sundays and holidays is that long); this also keeps the date arithmetic in range.
    if (days_between(*doc.award->date, concluded) - 7 > **days) return;
    const PeriodEnd period = statutory_period_end(c, add_days(*doc.award->date, static_cast<long>(**days)), **days <= 90);
    if (before(period.end, concluded)) return;
    Fields f{{"days", std::to_string(**days)}, {"award_date", fmt(*doc.award->date)}, {"contract_concluded", fmt(concluded)}};
    add_period(f, period);
    out.emit(sev, variant_of("concluded_early_full", period), std::move(f),
             {"award.contract_concluded", "award.date", "procedure.standstill_days"}, tags_of(period, tags));
}

void sas_007(const Document& doc, const RuleContext& c, Emitter& out) {
    const StartCheck s = start_publication(doc);
    if (!s.has_publications) {
        out.not_evaluated("publications");
        return;
    }
    if (!s.ok || *s.ok) return;  // SAS-001 judges undated notices
    if (!doc.award || !doc.award->contract_concluded) return;  // fires only with a contract date
    const Date concluded = *doc.award->contract_concluded;
    // Aw 4.16 lid 1 onder c: a voluntary ex-ante notice and at least 20 calendar days, counted from the
    // day after its publication, before the contract is concluded; the period ends on the 20th day,
    // extended to the next working day by the Algemene termijnenwet.
    std::optional<std::pair<std::size_t, PeriodEnd>> shifted;  // a notice only the extension makes too late
    for (const auto& [i, p] : publications_of(doc, PublicationKind::voluntary_ex_ante)) {
        if (!p->date) continue;
        const PeriodEnd period = statutory_period_end(c, add_days(*p->date, 20));
        if (before(period.end, concluded)) return;
        if (before(period.nominal, concluded) && !shifted) shifted = std::make_pair(i, period);
    }
    Fields f{{"contract_concluded", fmt(concluded)},
             {"claim_window_after_notice", "30"},
             {"claim_window_after_contract", "6"},
             {"veat_wait_days", "20"}};
    if (!shifted) {
        out.emit("voidable", std::move(f), {"award.contract_concluded", "publications"});
        return;
    }
    f.emplace_back("veat", pub_path(shifted->first));
    add_period(f, shifted->second);
    out.emit("voidable_extended", std::move(f), {"award.contract_concluded", pub_path(shifted->first) + ".date"},
             tags_of(shifted->second));
}

std::optional<std::vector<std::int64_t>> expected_subtypes(PublicationKind k, bool full) {
    switch (k) {
        case PublicationKind::prior_information_notice:
            if (full) return std::nullopt;
            return std::vector<std::int64_t>{12};
        case PublicationKind::contract_notice: return std::vector<std::int64_t>{full ? 16 : 20};
        case PublicationKind::award_notice: return std::vector<std::int64_t>{full ? 29 : 33};
        case PublicationKind::voluntary_ex_ante: return std::vector<std::int64_t>{25};
        case PublicationKind::modification_notice: return std::vector<std::int64_t>{38};
        case PublicationKind::open_house_announcement: return std::nullopt;
    }
    return std::nullopt;
}

void sas_008(const Document& doc, const RuleContext& c, Emitter& out) {
    if (!doc.publications) return;
    const bool full = c.kind && is_full_regime(*c.kind);
    for (std::size_t i = 0; i < doc.publications->size(); ++i) {
        const auto& p = (*doc.publications)[i];
        if (!p.eforms_subtype) continue;
        const auto expected = expected_subtypes(p.kind, full);
        if (!expected) continue;
        if (std::find(expected->begin(), expected->end(), *p.eforms_subtype) != expected->end()) continue;
        out.emit(full ? "mismatch_full" : "mismatch",
                 {{"publication", pub_path(i)},
                  {"kind", name(p.kind)},
                  {"subtype", std::to_string(*p.eforms_subtype)},
                  {"expected", std::to_string(expected->front())}},
                 {pub_path(i) + ".eforms_subtype"});
    }
}

const char* fitting_options(ProviderCategory c) {
    switch (c) {
        case ProviderCategory::A: return "3, 4";
        case ProviderCategory::B: return "2, 3";
        case ProviderCategory::C: return "1, 2";
    }
    return "";
}
bool fits(ProviderCategory c, int option) {
    switch (c) {
        case ProviderCategory::A: return option == 3 || option == 4;
        case ProviderCategory::B: return option == 2 || option == 3;
        case ProviderCategory::C: return option == 1 || option == 2;
    }
    return false;
}

void sas_009(const Document& doc, const RuleContext&, Emitter& out) {
    const std::optional<int> option = doc.procedure ? doc.procedure->sas_option : std::nullopt;
    std::vector<std::string> categories;
    if (doc.lots)
        for (const auto& l : *doc.lots)
            if (l.provider_category) categories.push_back("lot " + l.id + " " + name(*l.provider_category) + " → SAS " +
                                                          fitting_options(*l.provider_category));
    if (!option) {
        if (categories.empty()) {
            out.not_evaluated("procedure.sas_option");
            return;
        }
        out.emit("by_category", {{"categories", join(categories, "; ")}}, {"procedure"});
        return;
    }
    out.emit("option", {{"option", std::to_string(*option)}, {"categories", categories.empty() ? "-" : join(categories, "; ")}},
             {"procedure.sas_option"});
    if (!doc.lots) return;
    for (std::size_t i = 0; i < doc.lots->size(); ++i) {
        const Lot& l = (*doc.lots)[i];
        if (!l.provider_category || fits(*l.provider_category, *option)) continue;
        out.emit("misfit",
                 {{"lot", l.id},
                  {"category", name(*l.provider_category)},
                  {"option", std::to_string(*option)},
                  {"fitting", fitting_options(*l.provider_category)}},
                 {lot_path(i) + ".provider_category", "procedure.sas_option"});
    }
}

void sas_010(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.lots) {
        out.not_evaluated("lots");
        return;
    }
    if (doc.lots->size() >= 2) return;
    if (doc.procedure && doc.procedure->lots_motivation && *doc.procedure->lots_motivation &&
        !(*doc.procedure->lots_motivation)->empty())
        return;
    out.emit("no_lots", {{"lots", std::to_string(doc.lots->size())}}, {"lots", "procedure.lots_motivation"});
}

}  // namespace

// The bodies of the SAS rules by id; everything else about a rule is its file,
// data/rules/sas/<ID>.yaml.
std::vector<RuleBody> sas_rules() {
    return {
        {"SAS-001", sas_001},
        {"SAS-002", sas_002},
        {"SAS-003", sas_003},
        {"SAS-004", sas_004},
        {"SAS-005", sas_005},
        {"SAS-006", sas_006},
        {"SAS-007", sas_007},
        {"SAS-008", sas_008},
        {"SAS-009", sas_009},
        {"SAS-010", sas_010},
    };
}

}  // namespace zorginkoop::procurement::detail
