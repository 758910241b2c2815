// The check: the rule catalogue in catalogue order, the facts derived once from the document
// (reference date, effective procedure kind, computed value, regime), the scope and dates-in-force
// gates every rule passes, and the report.

#include "zorginkoop/procurement/check.hpp"

#include <algorithm>

#include "rule_support.hpp"
#include "zorginkoop/bundled/laws.hpp"

namespace zorginkoop::procurement {

using namespace detail;

// ---- Emitter --------------------------------------------------------------------------------------

bool Emitter::in_scope(const Citation& c) const {
    return !c.law || *c.law == doc_.law;
}

std::vector<LegalRef> Emitter::citations(const std::vector<std::string>& tags) const {
    // A finding without tags (e.g. "not evaluated") of a rule whose citations are all tagged cites
    // them all: it cannot tell which of them applies.
    const bool all_tagged = std::all_of(rule_.citations.begin(), rule_.citations.end(),
                                        [&](const Citation& c) { return !c.tag.empty() || !in_scope(c); });
    const bool every_tag = tags.empty() && all_tagged;
    std::vector<LegalRef> out;
    for (const auto& c : rule_.citations) {
        if (!in_scope(c)) continue;
        if (!every_tag && !c.tag.empty() && std::find(tags.begin(), tags.end(), c.tag) == tags.end()) continue;
        std::optional<LegalRef> r = resolve_citation(c, ctx_.reference_date, *ctx_.laws);
        if (!r) continue;  // the provision did not exist on the reference date
        // Two citations may resolve to one provision (a rule citing the old and the new place).
        const bool seen = std::any_of(out.begin(), out.end(), [&](const LegalRef& o) {
            return o.law_id == r->law_id && o.article == r->article && o.lid == r->lid && o.onderdeel == r->onderdeel &&
                   o.version_date == r->version_date;
        });
        if (!seen) out.push_back(std::move(*r));
    }
    return out;
}

namespace {
/// The locations of `paths` in `doc`, into `f`. One finding about many places (every product
/// without a cost model) lists at most `cap` locations (0: all); its evidence
/// `locations_not_listed` counts the others (the serialisers state it).
void add_locations(Finding& f, const Document& doc, const std::vector<std::string>& paths, std::size_t cap) {
    const std::size_t n = cap == 0 ? paths.size() : std::min(paths.size(), cap);
    for (std::size_t i = 0; i < n; ++i) f.locations.push_back(doc.location(paths[i]));
    if (paths.size() > n) f.evidence.emplace_back("locations_not_listed", std::to_string(paths.size() - n));
}
}  // namespace

bool Emitter::omit(Severity severity, const std::string& message_key) {
    ++emitted_;
    if (!omitted_ || max_findings_ == 0 || emitted_ <= max_findings_) return false;
    auto it = std::find_if(omitted_->begin(), omitted_->end(), [&](const OmittedFindings& o) {
        return o.rule == rule_.id && o.severity == severity && o.message_key == message_key;
    });
    if (it == omitted_->end()) it = omitted_->insert(omitted_->end(), OmittedFindings{rule_.id, severity, message_key, 0});
    ++it->count;
    scratch_ = Finding{};
    return true;
}

namespace {
// `path` ("lots[2].products") matches `pattern` ("lots[].products"; "[]" is any index).
bool path_matches(std::string_view path, std::string_view pattern) {
    std::size_t i = 0, j = 0;
    while (i < path.size() && j < pattern.size()) {
        if (pattern.compare(j, 2, "[]") == 0 && path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos) return false;
            i = close + 1;
            j += 2;
        } else if (path[i] == pattern[j]) {
            ++i;
            ++j;
        } else {
            return false;
        }
    }
    return i == path.size() && j == pattern.size();
}
}  // namespace

Finding& Emitter::emit(Severity severity, std::string_view variant, Fields fields, const std::vector<std::string>& paths,
                       const std::vector<std::string>& tags) {
    if (!paths.empty())
        for (const auto& field : ctx_.options.not_stated)
            if (path_matches(paths.front(), field)) return not_evaluated(paths.front(), paths);
    if (omit(severity, "check." + rule_.id + "." + std::string(variant))) return scratch_;
    Finding f;
    f.rule = rule_.id;
    f.severity = severity;
    f.message_key = "check." + rule_.id + "." + std::string(variant);
    f.params = fields;
    f.evidence = std::move(fields);
    add_locations(f, doc_, paths, max_findings_);
    f.citations = citations(tags);
    out_.push_back(std::move(f));
    return out_.back();
}

Finding& Emitter::not_evaluated(const std::string& field, const std::vector<std::string>& paths) {
    if (omit(Severity::info, std::string(not_evaluated_key))) return scratch_;
    Finding f;
    f.rule = rule_.id;
    f.severity = Severity::info;
    f.message_key = std::string(not_evaluated_key);
    f.params = {{"field", field}, {"rule", rule_.id}};
    f.evidence = {{"missing", field}};
    if (paths.empty()) f.locations.push_back(doc_.location(field));
    add_locations(f, doc_, paths, max_findings_);
    f.citations = citations({});
    out_.push_back(std::move(f));
    return out_.back();
}

// ---- context ------------------------------------------------------------------------------------

RuleContext derive_context(const Document& doc, const CheckOptions& options) {
    RuleContext c;
    c.options = options;
    // Reference date: the first contract notice or prior information notice, else award.date, else
    // term.start; as_of overrides.
    if (options.as_of) {
        c.reference_date = options.as_of;
        c.reference_date_source = "as_of";
    } else {
        if (doc.publications) {
            for (std::size_t i = 0; i < doc.publications->size(); ++i) {
                const auto& p = (*doc.publications)[i];
                if ((p.kind == PublicationKind::contract_notice || p.kind == PublicationKind::prior_information_notice) &&
                    p.date && (!c.reference_date || date::sys_days{*p.date} < date::sys_days{*c.reference_date})) {
                    c.reference_date = p.date;
                    c.reference_date_source = pub_path(i) + ".date";
                }
            }
        }
        if (!c.reference_date && doc.award && doc.award->date) {
            c.reference_date = doc.award->date;
            c.reference_date_source = "award.date";
        }
        if (!c.reference_date && doc.term && doc.term->start) {
            c.reference_date = doc.term->start;
            c.reference_date_source = "term.start";
        }
    }
    if (doc.procedure) c.declared_kind = doc.procedure->kind;
    c.kind = c.declared_kind;
    if (c.declared_kind == ProcedureKind::open_house) {
        bool capped = false;
        if (doc.open_house && doc.open_house->max_providers && *doc.open_house->max_providers) capped = true;
        if (doc.open_house && doc.open_house->ranking.value_or(false)) capped = true;
        if (doc.lots)
            for (const auto& l : *doc.lots)
                if (l.max_providers && *l.max_providers) capped = true;
        if (capped) {
            c.open_house_is_public_contract = true;
            c.kind = ProcedureKind::sas;
        }
    }
    const ValueParts v = value_parts(doc);
    c.computed_value = v.computed;
    std::optional<Money> declared;
    if (doc.estimated_value) declared = doc.estimated_value->declared;
    if (declared && c.computed_value) c.regime_value = *declared < *c.computed_value ? *c.computed_value : *declared;
    else if (declared) c.regime_value = declared;
    else c.regime_value = c.computed_value;
    if (c.regime_value) c.part2_applies = *c.regime_value >= sas_threshold();
    return c;
}

// ---- check --------------------------------------------------------------------------------------

namespace {

bool in_law(std::optional<Law> s, Law l) { return !s || *s == l; }

bool contains(const std::vector<ProcedureKind>& v, ProcedureKind k) { return std::find(v.begin(), v.end(), k) != v.end(); }

const std::string reference_date_field = "publications[].date / award.date / term.start";

/// An Overflow raised while checking `doc`, again with the document's source and the line and
/// column of its path, and `rule` (when a rule raised it) in front of the message. The rules name
/// the document value their arithmetic started from (overflow_at); the rule id is never a path.
[[noreturn]] void rethrow_located(const Document& doc, const Overflow& e, const std::string& rule) {
    Location at = e.where();
    if (at.source.empty()) at.source = doc.source;
    if (!at.path.empty() && at.line == 0) at = std::move(at).on(doc.location(at.path).position());
    throw Overflow(rule.empty() ? e.message() : rule + ": " + e.message(), std::move(at));
}

}  // namespace

Report check(const Document& doc, const CheckOptions& options) {
    const LawRegistry& laws = bundled_laws();
    RuleContext ctx;
    try {
        ctx = derive_context(doc, options);
    } catch (const Overflow& e) {
        rethrow_located(doc, e, {});
    }
    ctx.laws = &laws;
    ctx.holidays = ctx.options.holidays ? &*ctx.options.holidays : &bundled_holiday_calendar();
    ctx.bands = &PlausibilityBands::bundled();

    const auto& catalogue = rule_catalogue();
    std::vector<std::pair<std::size_t, Finding>> found;
    std::vector<OmittedFindings> omitted;
    for (std::size_t index = 0; index < catalogue.size(); ++index) {
        const Rule& rule = catalogue[index];
        std::vector<Finding> out;
        Emitter emit(rule, doc, ctx, out, options.max_findings_per_rule, omitted);
        [&] {
            if (!in_law(rule.law, doc.law)) return;
            // The Open House rules judge the declared kind; §2-§5 judge the effective one (OH-001).
            const std::optional<ProcedureKind> kind = rule.stage == Stage::open_house ? ctx.declared_kind : ctx.kind;
            // A rule not in force on a known reference date is not run, whatever else the document
            // leaves open (its kind, say): nothing about it can be reported.
            const bool out_of_force = ctx.reference_date &&
                ((rule.in_force_from && date::sys_days{*ctx.reference_date} < date::sys_days{*rule.in_force_from}) ||
                 (rule.in_force_to && date::sys_days{*ctx.reference_date} > date::sys_days{*rule.in_force_to}));
            if (out_of_force) return;
            if (!rule.only_kinds.empty()) {
                if (!kind) {
                    emit.not_evaluated("procedure.kind");
                    return;
                }
                if (!contains(rule.only_kinds, *kind)) return;
            }
            if (kind && contains(rule.except_kinds, *kind)) return;
            if ((rule.in_force_from || rule.in_force_to) && !ctx.reference_date) {
                emit.not_evaluated(reference_date_field, {"publications", "award.date", "term.start"});
                return;
            }
            if (rule.needs_part2) {
                if (!ctx.part2_applies) {
                    emit.not_evaluated("estimated_value.declared");
                    return;
                }
                if (!*ctx.part2_applies) return;
            }
            try {
                rule.run(doc, ctx, emit);
            } catch (const Overflow& e) {
                rethrow_located(doc, e, rule.id);
            }
        }();
        for (auto& f : out) found.emplace_back(index, std::move(f));
    }
    // Catalogue order, then document location (line, column); ties keep the rule's own order.
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        const std::size_t la = a.second.locations.empty() ? 0 : a.second.locations.front().line;
        const std::size_t lb = b.second.locations.empty() ? 0 : b.second.locations.front().line;
        if (la != lb) return la < lb;
        const std::size_t ca = a.second.locations.empty() ? 0 : a.second.locations.front().column;
        const std::size_t cb = b.second.locations.empty() ? 0 : b.second.locations.front().column;
        return ca < cb;
    });

    Report report;
    report.ruleset_version = std::string(ruleset_version);
    report.reference_date = ctx.reference_date;
    report.subject = doc.id;
    report.context.emplace_back("law", name(doc.law));
    report.context.emplace_back("procedure_kind", ctx.declared_kind ? name(*ctx.declared_kind) : "-");
    if (ctx.open_house_is_public_contract) report.context.emplace_back("checked_as", name(*ctx.kind));
    report.context.emplace_back("reference_date_from", ctx.reference_date ? ctx.reference_date_source : "-");
    report.context.emplace_back("estimated_value", ctx.regime_value ? fmt(*ctx.regime_value) : "-");
    report.context.emplace_back("aw_part2", ctx.part2_applies ? (*ctx.part2_applies ? "yes" : "no") : "-");
    for (auto& f : found) report.findings.push_back(std::move(f.second));
    report.omitted = std::move(omitted);
    report.rules = describe_rules(rule_catalogue(), report.findings);
    return report;
}

Report check_file(const std::string& path, const CheckOptions& options) { return check(load_document(path), options); }

}  // namespace zorginkoop::procurement
