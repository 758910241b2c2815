// The check: the rule catalogue in catalogue order, the facts derived once from the document
// (reference date, effective procedure kind, computed value, regime), the scope and dates-in-force
// gates every rule passes, and the report.

#include "zorginkoop/procurement/check.hpp"

#include <algorithm>

#include "rule_support.hpp"
#include "zorginkoop/bundled/laws.hpp"

namespace zorginkoop::procurement {

namespace detail {

Citation cite(const std::string& law_key, const std::string& article, const std::string& lid,
              const std::string& onderdeel, std::optional<Law> law, const std::string& tag) {
    const LawRegistry& laws = bundled_laws();
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
    c.version_date = bundled_laws().version_date(law_key, version);
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

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    // A list in a message names at most max_listed items and counts the others ("… (+1900)"), so
    // that a finding about every product of 100,000 lots stays a readable message.
    constexpr std::size_t max_listed = 100;
    const std::size_t n = std::min(items.size(), max_listed);
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? sep : std::string()) + items[i];
    if (items.size() > n) out += sep + "\u2026 (+" + std::to_string(items.size() - n) + ")";
    return out;
}

std::vector<ProductRef> products(const Document& doc) {
    std::vector<ProductRef> out;
    if (!doc.lots) return out;
    for (std::size_t i = 0; i < doc.lots->size(); ++i) {
        const Lot& lot = (*doc.lots)[i];
        if (!lot.products) continue;
        for (std::size_t j = 0; j < lot.products->size(); ++j)
            out.push_back(ProductRef{&lot, &(*lot.products)[j], product_path(i, j)});
    }
    return out;
}

std::string product_label(const ProductRef& p) {
    if (p.product->code) return *p.product->code;
    if (p.product->name) return *p.product->name;
    return p.path;
}

std::optional<int> initial_term_months(const Document& doc) {
    if (!doc.term || !doc.term->start || !doc.term->end) return std::nullopt;
    return term_months(*doc.term->start, *doc.term->end);
}

int extension_months(const Document& doc) {
    // One extension is at most 1200 months (document reader), but their number is not limited: the
    // total is taken in 64 bits and refused beyond the months of the calendar range (years
    // 0001-9999), so that initial term + extensions always fits an int.
    constexpr long long limit = 12LL * 9999;
    long long m = 0;
    if (doc.term && doc.term->extensions) {
        const auto& exts = *doc.term->extensions;
        for (std::size_t i = 0; i < exts.size(); ++i) {
            m += exts[i].months;
            if (m > limit || m < -limit)
                throw Overflow("the extensions up to this one add up to " + std::to_string(m) +
                                   " months, beyond the dates zorginkoop handles (0001-01-01 to 9999-12-31)",
                               Location::at("term.extensions[" + std::to_string(i) + "].months").in(doc.source));
        }
    }
    return static_cast<int>(m);
}

namespace {
/// sum += value, where an Overflow names `path` (the value that took the sum out of range).
template <class PathFn>
void add_at(Money& sum, const Money& value, PathFn path) {
    try {
        sum += value;
    } catch (const Overflow& e) {
        const std::string at = path();
        throw Overflow("the sum of the values up to " + at + ": " + e.message(), Location::at(at));
    }
}
}  // namespace

ValueParts value_parts(const Document& doc) {
    ValueParts v;
    const EstimatedValue* ev = doc.estimated_value ? &*doc.estimated_value : nullptr;
    if (ev && ev->initial_term_value) {
        Money a = *ev->initial_term_value;
        std::vector<std::string> parts{"initial_term_value " + fmt(*ev->initial_term_value)};
        if (doc.term && doc.term->extensions) {
            const auto& exts = *doc.term->extensions;
            for (std::size_t i = 0; i < exts.size(); ++i) {
                if (exts[i].value) {
                    add_at(a, *exts[i].value, [&] { return "term.extensions[" + std::to_string(i) + "].value"; });
                    parts.push_back("term.extensions[" + std::to_string(i) + "].value " + fmt(*exts[i].value));
                } else {
                    v.a_missing.push_back("term.extensions[" + std::to_string(i) + "].value");
                }
            }
        }
        if (ev->other_options_value) {
            add_at(a, *ev->other_options_value, [] { return std::string("estimated_value.other_options_value"); });
            parts.push_back("other_options_value " + fmt(*ev->other_options_value));
        } else {
            v.a_missing.push_back("estimated_value.other_options_value");
        }
        v.a = a;
        v.a_built = join(parts, " + ");
    }
    if (doc.lots) {
        Money b;
        bool any = false;
        std::vector<std::string> parts;
        for (std::size_t i = 0; i < doc.lots->size(); ++i) {
            const Lot& l = (*doc.lots)[i];
            if (l.estimated_value) {
                add_at(b, *l.estimated_value, [&] { return lot_path(i) + ".estimated_value"; });
                any = true;
                parts.push_back("lot " + l.id + " " + fmt(*l.estimated_value));
            } else {
                v.b_missing.push_back(lot_path(i) + ".estimated_value");
            }
        }
        if (any) {
            v.b = b;
            v.b_built = join(parts, " + ");
        }
    }
    if (v.a && v.b) v.computed = *v.a < *v.b ? *v.b : *v.a;
    else if (v.a) v.computed = v.a;
    else if (v.b) v.computed = v.b;
    return v;
}

std::vector<std::pair<std::size_t, const Publication*>> publications_of(const Document& doc, PublicationKind kind) {
    std::vector<std::pair<std::size_t, const Publication*>> out;
    if (!doc.publications) return out;
    for (std::size_t i = 0; i < doc.publications->size(); ++i)
        if ((*doc.publications)[i].kind == kind) out.emplace_back(i, &(*doc.publications)[i]);
    return out;
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

// ---- catalogue ----------------------------------------------------------------------------------

const std::vector<Rule>& rule_catalogue() {
    static const std::vector<Rule> all = [] {
        std::vector<Rule> out;
        // Catalogue order of rules.md: REG, VAL, SAS, TERM, AWD, PRICE, OH, FUND, IJW, NVO, JREG.
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

Money sas_threshold() { return Money(Decimal(750000)); }

// ---- context ------------------------------------------------------------------------------------

RuleContext derive_context(const Document& doc, const CheckOptions& options) {
    RuleContext c;
    c.options = options;
    // Reference date: the first contract notice or prior information notice, else award.date, else
    // term.start (rules.md); as_of overrides.
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
            if (!rule.only_kinds.empty()) {
                if (!kind) {
                    emit.not_evaluated("procedure.kind");
                    return;
                }
                if (!contains(rule.only_kinds, *kind)) return;
            }
            if (kind && contains(rule.except_kinds, *kind)) return;
            if (rule.in_force_from || rule.in_force_to) {
                if (!ctx.reference_date) {
                    emit.not_evaluated(reference_date_field, {"publications", "award.date", "term.start"});
                    return;
                }
                const auto ref = date::sys_days{*ctx.reference_date};
                if (rule.in_force_from && ref < date::sys_days{*rule.in_force_from}) return;
                if (rule.in_force_to && ref > date::sys_days{*rule.in_force_to}) return;
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
