// DECL-001 … DECL-007: the lines of a JW323 / WMO323 message judged against the contract.

#include "zorginkoop/declarations/check.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "../procurement/rule_support.hpp"
#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/core/error.hpp"
#include "zorginkoop/tariff/ijw.hpp"

namespace zorginkoop::declarations {

using procurement::Citation;
using procurement::Rule;
using procurement::Stage;
namespace pd = procurement::detail;

namespace {

/// The rules the declaration check implements (it judges each line in one pass, so a rule has no
/// body of its own); everything else about a rule is its file, data/rules/decl/<ID>.yaml.
std::vector<procurement::RuleBody> implemented() {
    return {{"DECL-001", nullptr}, {"DECL-002", nullptr}, {"DECL-003", nullptr}, {"DECL-004", nullptr},
            {"DECL-005", nullptr}, {"DECL-006", nullptr}, {"DECL-007", nullptr}};
}

std::string cents_text(std::int64_t cents) { return Money::from_cents(cents).to_string(); }

std::string key_of(std::string_view category, std::string_view code) {
    std::string k(category);
    k += '\x1f';
    k += code;
    return k;
}

/// The WJ756 code a line of this product must carry ("01" for a per-minute hourly product).
std::optional<std::string> expected_unit(const procurement::Product& p) {
    if (!p.unit) return std::nullopt;
    if (*p.unit == ijw::Unit::uur && p.declared_per_minute.value_or(false)) return std::string("01");
    return std::string(ijw::info(*p.unit).code);
}

bool per_minute(const procurement::Product& p, const Line& l) {
    return l.unit == "01" && p.unit && *p.unit == ijw::Unit::uur && p.declared_per_minute.value_or(false);
}

bool before(const Date& a, const Date& b) { return date::sys_days{a} < date::sys_days{b}; }

}  // namespace

const std::vector<Rule>& rule_catalogue() {
    static const std::vector<Rule> rules = pd::bundled_rules("decl", implemented());
    return rules;
}

const Rule& find_rule(std::string_view id) {
    for (const auto& r : rule_catalogue())
        if (r.id == id) return r;
    throw InvalidInput("unknown declaration rule id '" + std::string(id) + "'");
}

// ---- Contract -------------------------------------------------------------------------------------

Contract::Contract(const procurement::Document& doc, const IndexSeriesSet& series) : doc_(&doc), series_(series) {
    for (const auto& p : pd::products(doc)) {
        if (!p.product->category || !p.product->code) continue;
        products_.emplace_back(key_of(*p.product->category, *p.product->code), Match{p.product, p.path});
    }
    // The first product of a category and code wins (stable sort keeps document order).
    std::stable_sort(products_.begin(), products_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    // The indexed tariffs of the term's years, once (a line then looks its tariff up).
    if (doc.contract_clauses && doc.contract_clauses->indexation && doc.term && doc.term->start && doc.term->end) {
        const int first = year_of(*doc.term->start), last = year_of(*doc.term->end);
        for (const auto& p : pd::products(doc)) {
            if (!p.product->tariff) continue;
            for (int year = first + 1; year <= last; ++year) {
                Indexed entry;
                entry.tariff = index(*p.product, year, entry.missing);
                indexed_.emplace(std::make_pair(p.product, year), std::move(entry));
            }
        }
    }
}

std::optional<Money> Contract::index(const procurement::Product& product, int year, std::string& missing) const {
    const procurement::Document& doc = *doc_;
    const IndexationClause& clause = *doc.contract_clauses->indexation;
    const int base_year = year_of(*doc.term->start);
    try {
        return clause.index(*product.tariff, base_year, year, series_, base_year);
    } catch (const MissingData& e) {
        missing = "index figure " + e.series() + " " + std::to_string(e.year()) + " (" + e.status() + ")";
        return std::nullopt;
    }
}

std::optional<Contract::Match> Contract::find(std::string_view category, std::string_view code) const {
    const std::string k = key_of(category, code);
    const auto it = std::lower_bound(products_.begin(), products_.end(), k,
                                     [](const auto& e, const std::string& key) { return e.first < key; });
    if (it == products_.end() || it->first != k) return std::nullopt;
    return it->second;
}

std::optional<Money> Contract::tariff_on(const procurement::Product& product, const Date& day, std::string& missing) const {
    if (!product.tariff) {
        missing = "lots[].products[].tariff";
        return std::nullopt;
    }
    const procurement::Document& doc = *doc_;
    const IndexationClause* clause = nullptr;
    if (doc.contract_clauses && doc.contract_clauses->indexation) clause = &*doc.contract_clauses->indexation;
    if (!clause || !doc.term || !doc.term->start) return product.tariff;
    const int base_year = year_of(*doc.term->start);
    int year = year_of(day);
    if (before(day, clause->effective().in_year(year))) --year;
    if (year <= base_year) return product.tariff;
    const auto cached = indexed_.find(std::make_pair(&product, year));
    if (cached != indexed_.end()) {
        if (!cached->second.tariff) missing = cached->second.missing;
        return cached->second.tariff;
    }
    return index(product, year, missing);
}

LineVerdict Contract::judge(const Line& line) const {
    LineVerdict v;
    const procurement::Document& doc = *doc_;
    if (doc.term && doc.term->start) {
        const bool early = before(line.period_start, *doc.term->start);
        const bool late = doc.term->end && before(*doc.term->end, line.period_end);
        if (early || late) {
            v.in_term = false;
            v.product_known = find(line.category, line.code).has_value();
            v.rules.push_back("DECL-007");
            return v;
        }
    }
    const auto match = find(line.category, line.code);
    if (!match) {
        v.rules.push_back("DECL-001");
        return v;
    }
    v.product_known = true;
    const procurement::Product& p = *match->product;
    const auto unit = expected_unit(p);
    if (unit) {
        v.unit_ok = line.unit == *unit;
        if (!*v.unit_ok) {
            v.rules.push_back("DECL-002");
            return v;
        }
    }
    if (line.unit == "83") {  // euro's: the amount is the volume (CS339); no tariff
        v.expected_amount_cents = line.volume;
        v.amount_ok = line.amount.cents == line.volume;
        if (!*v.amount_ok) v.rules.push_back("DECL-004");
        return v;
    }
    std::string missing;
    const auto tariff = tariff_on(p, line.period_start, missing);
    if (!tariff) {
        v.not_evaluated = missing;
        return v;
    }
    const bool minute = per_minute(p, line);
    const RoundingPolicy cents(RoundingMode::half_up, 2);
    const Money expected_tariff = minute ? ijw::minute_tariff(*tariff) : *tariff;
    const Money expected_amount = minute ? ijw::minute_invoice(*tariff, line.volume)
                                         : (*tariff * Decimal(line.volume)).round(cents);
    if (expected_tariff.amount() == expected_tariff.round(cents).amount())
        v.expected_tariff_cents = expected_tariff.to_cents();
    v.expected_amount_cents = expected_amount.to_cents();
    if (line.tariff_cents) {
        v.tariff_ok = Money::from_cents(*line.tariff_cents).amount() == expected_tariff.amount();
        if (!*v.tariff_ok) v.rules.push_back("DECL-003");
    }
    v.amount_ok = line.amount.cents == *v.expected_amount_cents;
    if (!*v.amount_ok) v.rules.push_back("DECL-004");
    return v;
}

// ---- check ------------------------------------------------------------------------------------------

namespace {

class Out {
public:
    Out(const Message& m, const LawRegistry& laws) : message_(m), laws_(laws) {
        if (m.declaration_date) reference_ = m.declaration_date;
    }

    Finding& emit(const std::string& rule_id, Severity severity, std::string_view variant, Fields fields,
                  std::vector<Location> locations, bool not_evaluated = false) {
        const auto& rules = rule_catalogue();
        std::size_t index = 0;
        while (index < rules.size() && rules[index].id != rule_id) ++index;
        const Rule& rule = rules.at(index);
        Finding f;
        f.rule = rule.id;
        f.severity = severity;
        f.message_key = not_evaluated ? std::string(procurement::not_evaluated_key)
                                      : "decl." + rule.id + "." + std::string(variant);
        f.params = fields;
        f.evidence = std::move(fields);
        f.locations = std::move(locations);
        const LawRegistry& laws = laws_;
        for (const auto& c : rule.citations) {
            if (c.law && *c.law != message_.law) continue;
            if (std::optional<LegalRef> r = procurement::resolve_citation(c, reference_, laws)) f.citations.push_back(std::move(*r));
        }
        found_.emplace_back(index, std::move(f));
        return found_.back().second;
    }
    Finding& emit(const std::string& rule_id, std::string_view variant, Fields fields, std::vector<Location> locations) {
        return emit(rule_id, find_rule(rule_id).severity, variant, std::move(fields), std::move(locations));
    }
    Finding& not_evaluated(const std::string& rule_id, const std::string& field, std::vector<Location> locations) {
        Finding& f = emit(rule_id, Severity::info, {}, {{"field", field}, {"rule", rule_id}}, std::move(locations), true);
        f.evidence = {{"missing", field}};  // as procurement's "not evaluated"
        return f;
    }

    std::vector<Finding> take() {
        std::stable_sort(found_.begin(), found_.end(), [](const auto& a, const auto& b) {
            if (a.first != b.first) return a.first < b.first;
            const std::size_t la = a.second.locations.empty() ? 0 : a.second.locations.front().line;
            const std::size_t lb = b.second.locations.empty() ? 0 : b.second.locations.front().line;
            return la < lb;
        });
        std::vector<Finding> out;
        for (auto& f : found_) out.push_back(std::move(f.second));
        return out;
    }
    const std::optional<Date>& reference() const { return reference_; }

private:
    const Message& message_;
    const LawRegistry& laws_;
    std::optional<Date> reference_;
    std::vector<std::pair<std::size_t, Finding>> found_;
};

Fields line_fields(const Line& l) {
    return {{"client", l.bsn}, {"reference", l.reference}, {"category", l.category}, {"code", l.code}};
}

Fields with(Fields f, Fields more) {
    for (auto& m : more) f.push_back(std::move(m));
    return f;
}

}  // namespace

Report check_declarations(const procurement::Document& doc, const Message& m, const IndexSeriesSet& series) {
    if (doc.law != m.law)
        throw InvalidInput(std::string("the message is a ") + (m.law == Law::jeugdwet ? "JW323 (Jeugdwet)" : "WMO323 (Wmo 2015)") +
                               " declaration, but contract '" + doc.id + "' is under the " +
                               (doc.law == Law::jeugdwet ? "Jeugdwet" : "Wmo 2015"),
                           Location::at("law").in(doc.source).on(doc.location("law").position()));
    const Contract contract(doc, series);
    Out out(m, bundled_laws());
    const auto contract_at = [&](const std::string& path) { return doc.location(path); };

    // DECL-007 needs term.start.
    if (!(doc.term && doc.term->start))
        out.not_evaluated("DECL-007", "term.start", {contract_at("term.start")});

    std::map<std::string, std::vector<Location>, std::less<>> tariff_missing;  // field → lines
    std::map<std::string, std::vector<Location>, std::less<>> rate_missing;    // field → lines (DECL-003/004)
    std::vector<Location> unit_missing;
    for (const Line& l : m.lines) {
        const LineVerdict v = contract.judge(l);
        const auto match = contract.find(l.category, l.code);
        const std::string product_path = match ? match->path : std::string();
        if (!v.in_term) {
            out.emit("DECL-007", "outside",
                     with(line_fields(l), {{"period_start", format_date(l.period_start)},
                                           {"period_end", format_date(l.period_end)},
                                           {"term_start", format_date(*doc.term->start)},
                                           {"term_end", doc.term->end ? format_date(*doc.term->end) : std::string("-")}}),
                     {l.period_location, contract_at("term")});
            continue;
        }
        if (!v.product_known) {
            out.emit("DECL-001", "unknown", line_fields(l), {l.location, contract_at("lots")});
            continue;
        }
        const procurement::Product& p = *match->product;
        if (!v.unit_ok && !expected_unit(p)) unit_missing.push_back(contract_at(product_path + ".unit"));
        if (v.unit_ok && !*v.unit_ok) {
            out.emit("DECL-002", "differs", with(line_fields(l), {{"unit", l.unit}, {"expected", *expected_unit(p)}}),
                     {l.unit_location, contract_at(product_path + ".unit")});
            continue;
        }
        if (!v.not_evaluated.empty()) {
            auto& bucket = v.not_evaluated == "lots[].products[].tariff" ? tariff_missing : rate_missing;
            bucket[v.not_evaluated].push_back(l.location);
            continue;
        }
        if (l.unit != "83" && !l.tariff_cents)
            out.not_evaluated("DECL-003", l.path + ".ProductTarief", {l.location});
        if (v.tariff_ok && !*v.tariff_ok)
            out.emit("DECL-003", "differs",
                     with(line_fields(l), {{"tariff", cents_text(*l.tariff_cents)},
                                           {"expected", v.expected_tariff_cents ? cents_text(*v.expected_tariff_cents)
                                                                                : p.tariff->to_string()},
                                           {"period_start", format_date(l.period_start)}}),
                     {l.tariff_location, contract_at(product_path + ".tariff")});
        if (v.amount_ok && !*v.amount_ok)
            out.emit("DECL-004", l.unit == "83" ? "euro" : "differs",
                     with(line_fields(l), {{"amount", cents_text(l.amount.cents)},
                                           {"expected", cents_text(*v.expected_amount_cents)},
                                           {"volume", std::to_string(l.volume)},
                                           {"unit", l.unit}}),
                     {l.amount_location, contract_at(product_path + ".tariff")});
    }
    if (!unit_missing.empty()) out.not_evaluated("DECL-002", "lots[].products[].unit", unit_missing);
    for (auto& [field, where] : tariff_missing) {
        out.not_evaluated("DECL-003", field, where);
        out.not_evaluated("DECL-004", field, where);
    }
    for (auto& [field, where] : rate_missing) {
        out.not_evaluated("DECL-003", field, where);
        out.not_evaluated("DECL-004", field, where);
    }

    // DECL-005: the total against the signed sum of the lines (IV086).
    std::int64_t sum = 0;
    for (const Line& l : m.lines) sum += l.amount.signed_cents();
    if (sum != m.total.signed_cents())
        out.emit("DECL-005", "differs",
                 {{"total", cents_text(m.total.signed_cents())}, {"sum", cents_text(sum)},
                  {"lines", std::to_string(m.lines.size())}},
                 {m.total_location});

    // DECL-006: a ReferentieNummer used twice.
    std::unordered_map<std::string, const Line*> first;
    for (const Line& l : m.lines) {
        const auto [it, fresh] = first.emplace(l.reference, &l);
        if (fresh) continue;
        out.emit("DECL-006", "duplicate",
                 with(line_fields(l), {{"first", it->second->path}}), {l.location, it->second->location});
    }

    Report r;
    r.ruleset_version = std::string(ruleset_version);
    r.reference_date = out.reference();
    r.subject = m.declaration_number;
    r.context = {{"law", procurement::name(m.law)},
                 {"message", m.law == Law::jeugdwet ? "JW323" : "WMO323"},
                 {"message_version", m.version},
                 {"contract", doc.id},
                 {"lines", std::to_string(m.lines.size())}};
    r.findings = out.take();
    r.rules = procurement::describe_rules(rule_catalogue(), r.findings);
    return r;
}

Report check_declarations_files(const std::string& contract_path, const std::string& message_path) {
    const procurement::Document doc = procurement::load_document(contract_path);
    const Message m = load_message(message_path);
    return check_declarations(doc, m);
}

}  // namespace zorginkoop::declarations
