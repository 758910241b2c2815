// §4 Term and modification (TERM-*): Aw 2012 art. 2.140 and 2.163b-e, Uitvoeringsbesluit Wmo 2015
// art. 5.1 lid 2, and guidance (PIANOo, Contractstandaarden, Norm voor Opdrachtgeverschap, Leergang).

#include <algorithm>

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

bool before(const Date& a, const Date& b) { return date::sys_days{a} < date::sys_days{b}; }

void term_001(const Document& doc, const RuleContext&, Emitter& out) {
    const Term* t = doc.term ? &*doc.term : nullptr;
    if (t && t->indefinite && *t->indefinite) {
        out.emit("indefinite", {}, {"term.indefinite"});
        return;
    }
    if (!(t && (t->indefinite || t->end))) out.not_evaluated("term.indefinite", {"term"});
}

void term_002(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.procedure || !doc.procedure->framework_agreement) {
        out.not_evaluated("procedure.framework_agreement");
        return;
    }
    if (!*doc.procedure->framework_agreement) return;
    const bool indefinite = doc.term && doc.term->indefinite.value_or(false);
    std::string total = "-";
    if (!indefinite) {
        const auto initial = initial_term_months(doc);
        if (!initial) {
            out.not_evaluated(doc.term && doc.term->start ? "term.end" : "term.start", {"term"});
            return;
        }
        const int months = *initial + extension_months(doc);
        if (months <= 48) return;
        total = std::to_string(months);
    }
    const auto& j = doc.procedure->duration_justification;
    if (j && *j && !(*j)->empty()) return;
    out.emit(indefinite ? "indefinite" : "long", {{"months", total}, {"maximum", "48"}},
             {"procedure.duration_justification", "term"});
}

void term_003(const Document& doc, const RuleContext&, Emitter& out) {
    if (doc.term && doc.term->indefinite.value_or(false)) return;
    const auto initial = initial_term_months(doc);
    if (!initial) {
        out.not_evaluated(doc.term && doc.term->start ? "term.end" : "term.start", {"term"});
        return;
    }
    if (*initial >= 36) return;
    out.emit("short",
             {{"months", std::to_string(*initial)},
              {"start", fmt(*doc.term->start)},
              {"end", fmt(*doc.term->end)},
              {"minimum", "36"}},
             {"term.end", "term.start"});
}

void term_004(const Document& doc, const RuleContext& c, Emitter& out) {
    if (!doc.modifications || doc.modifications->empty()) return;
    std::optional<Money> original;
    if (doc.estimated_value && doc.estimated_value->declared) original = doc.estimated_value->declared;
    else original = c.computed_value;
    if (!original) {
        out.not_evaluated("estimated_value.declared", {"modifications"});
        return;
    }
    const auto& mods = *doc.modifications;
    std::vector<std::size_t> order(mods.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const bool all_dated = std::all_of(mods.begin(), mods.end(), [](const Modification& m) { return m.date.has_value(); });
    if (all_dated)
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return before(*mods[a].date, *mods[b].date); });
    const Money threshold = sas_threshold();
    const Money ten = *original * Decimal::parse("0.10");
    const Money limit = ten < threshold ? ten : threshold;
    const Money half = *original * Decimal::parse("0.50");
    Money cumulative;
    for (std::size_t i : order) {
        const Modification& m = mods[i];
        const std::string path = "modifications[" + std::to_string(i) + "]";
        if (!m.value) {
            out.not_evaluated(path + ".value");
            continue;
        }
        const std::optional<ModificationRoute> route = m.route && *m.route ? **m.route : std::optional<ModificationRoute>{};
        if (route && *route != ModificationRoute::r2_163b) {
            Fields f{{"modification", path}, {"value", fmt(*m.value)}, {"route", name(*route)}, {"original", fmt(*original)}};
            // Aw 2.163d (additional services) and 2.163e lid 1 onder c (unforeseen circumstances) cap
            // the price increase at 50 % of the original value, for each modification on its own
            // (Directive 2014/24/EU art. 72 lid 1 onder b and c).
            const bool capped = *route == ModificationRoute::r2_163d || *route == ModificationRoute::r2_163e;
            if (capped && half < *m.value) {
                f.emplace_back("maximum", fmt(half));
                const bool additional = *route == ModificationRoute::r2_163d;
                out.emit(Severity::error, additional ? "additional_over_half" : "unforeseen_over_half", std::move(f),
                         {path + ".value", path + ".route"}, {additional ? "2.163d" : "2.163e"});
            } else {
                out.emit(Severity::info, "route", std::move(f), {path + ".route"});
            }
            continue;
        }
        if (!m.changes_overall_nature) {
            out.not_evaluated(path + ".changes_overall_nature");
            continue;
        }
        overflow_at(path + ".value", [&] { cumulative += *m.value; });
        Fields f{{"modification", path},
                 {"value", fmt(*m.value)},
                 {"cumulative", fmt(cumulative)},
                 {"original", fmt(*original)},
                 {"ten_percent", fmt(ten)},
                 {"threshold", fmt(threshold)},
                 {"limit", fmt(limit)}};
        if (*m.changes_overall_nature) {
            out.emit(Severity::error, "nature", std::move(f), {path + ".changes_overall_nature"});
        } else if (!(cumulative < limit)) {
            out.emit(Severity::error, "too_large", std::move(f), {path + ".value"});
        } else {
            out.emit(Severity::info, "allowed", std::move(f), {path});
        }
    }
}

void term_005(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.term || !doc.term->start) {
        out.not_evaluated("term.start");
        return;
    }
    if (!doc.award || !doc.award->date) {
        out.not_evaluated("award.date");
        return;
    }
    const Date latest = add_months(*doc.term->start, -3, EndOfMonth::clamp);
    if (!before(latest, *doc.award->date)) return;
    out.emit("late",
             {{"award_date", fmt(*doc.award->date)}, {"start", fmt(*doc.term->start)}, {"latest", fmt(latest)}},
             {"award.date", "term.start"});
}

void term_006(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.term || !doc.term->start) {
        out.not_evaluated("term.start");
        return;
    }
    const Date start = *doc.term->start;
    const std::optional<Date> started = doc.planning ? doc.planning->started : std::nullopt;
    const std::optional<Date> signed_on = doc.award ? doc.award->contract_concluded : std::nullopt;
    if (!started && !signed_on) {
        out.not_evaluated("planning.started", {"planning", "award.contract_concluded"});
        return;
    }
    if (started) {
        const Date advised = add_months(start, -24, EndOfMonth::clamp);
        if (before(advised, *started))
            out.emit("late_preparation",
                     {{"started", fmt(*started)}, {"start", fmt(start)}, {"advised", fmt(advised)}},
                     {"planning.started", "term.start"});
    }
    if (signed_on) {
        const Date advised = add_months(start, -6, EndOfMonth::clamp);
        if (before(advised, *signed_on))
            out.emit("late_contract",
                     {{"contract_concluded", fmt(*signed_on)}, {"start", fmt(start)}, {"advised", fmt(advised)}},
                     {"award.contract_concluded", "term.start"});
    }
}

}  // namespace

// The bodies of the TERM rules by id; everything else about a rule is its file,
// data/rules/term/<ID>.yaml.
std::vector<RuleBody> term_rules() {
    return {
        {"TERM-001", term_001},
        {"TERM-002", term_002},
        {"TERM-003", term_003},
        {"TERM-004", term_004},
        {"TERM-005", term_005},
        {"TERM-006", term_006},
    };
}

}  // namespace zorginkoop::procurement::detail
