// §6 Reële prijs (PRICE-*): the statutory cost elements of each product's cost model, the price
// basis, the tariff against its computed cost price, plausible parameters, indexation, the
// overhead convention and CAO wages. The cost models are read and built by the tariff module
// (docs/cost-model.md); a model that cannot be read makes the document unreadable (ParseError or
// InvalidInput naming lots[i].products[j].cost_model…), exactly as a malformed field would.

#include "rule_support.hpp"
#include "zorginkoop/tariff/realism.hpp"

namespace zorginkoop::procurement::detail {

namespace {

// The Haaglanden case on overhead percentages defined on different bases (PRICE-009).
constexpr const char* haaglanden_rb = "haaglanden_rb";
constexpr const char* haaglanden_hof = "haaglanden_hof";

/// The product's cost model, read by the tariff module with the document; nullptr when the
/// product has none (or its file was not loaded).
const CostModel* model_of(const ProductRef& p) {
    const auto& c = p.product->cost_model;
    return c && c->model ? c->model.get() : nullptr;
}

/// The statutory elements of `law` that the model's build-up leaves uncovered.
std::string uncovered_under(const CostModel& m, Law law, const std::string& path) {
    if (m.law == law) return build_up(m, path).uncovered_elements;
    CostModel as_law = m;
    as_law.law = law;  // the elements of the document's law, whatever the model says
    return build_up(as_law, path).uncovered_elements;
}

std::string element_names(const std::string& letters, Law law, bool nl) {
    std::vector<std::string> parts;
    for (char c : letters)
        for (const auto& e : statutory_elements(law))
            if (e.letter == c) parts.push_back(std::string(1, c) + " (" + (nl ? e.nl : e.en) + ")");
    return join(parts, "; ");
}

/// Per product with a cost model: the elements its build-up leaves uncovered.
void uncovered(const Document& doc, Emitter& out, Law law) {
    bool any = false;
    std::vector<std::string> without;
    for (const auto& p : products(doc)) {
        const CostModel* m = model_of(p);
        if (!m) {
            without.push_back(p.path + ".cost_model");
            continue;
        }
        any = true;
        const std::string missing = uncovered_under(*m, law, p.path + ".cost_model");
        if (missing.empty()) continue;
        out.emit("missing",
                 {{"product", product_label(p)},
                  {"elements", std::string(missing)},
                  {"names_nl", element_names(missing, law, true)},
                  {"names_en", element_names(missing, law, false)}},
                 {p.path + ".cost_model"});
    }
    if (!any) out.not_evaluated("lots[].products[].cost_model", without);
}

void price_001(const Document& doc, const RuleContext&, Emitter& out) { uncovered(doc, out, Law::wmo2015); }
void price_003(const Document& doc, const RuleContext&, Emitter& out) { uncovered(doc, out, Law::jeugdwet); }

void price_002(const Document& doc, const RuleContext&, Emitter& out) {
    std::vector<std::string> missing;
    for (const auto& p : products(doc)) {
        const Product& x = *p.product;
        if (!x.price_basis) {
            missing.push_back(p.path + ".price_basis");
        } else if (*x.price_basis == PriceBasis::substantiated) {
            const auto& accounted = doc.procedure ? doc.procedure->price_route_accounted_to_council : std::nullopt;
            if (!accounted)
                out.not_evaluated("procedure.price_route_accounted_to_council", {p.path + ".price_basis"});
            else if (!*accounted)
                out.emit("route", {{"product", product_label(p)}}, {p.path + ".price_basis", "procedure.price_route_accounted_to_council"});
        }
        if (const CostModel* m = model_of(p)) {
            const std::string gaps = uncovered_under(*m, Law::wmo2015, p.path + ".cost_model");
            if (!gaps.empty())
                out.emit("missing",
                         {{"product", product_label(p)},
                          {"elements", gaps},
                          {"names_nl", element_names(gaps, Law::wmo2015, true)},
                          {"names_en", element_names(gaps, Law::wmo2015, false)}},
                         {p.path + ".cost_model"});
        }
    }
    if (!missing.empty()) out.not_evaluated("lots[].products[].price_basis", missing);
}

void price_004(const Document& doc, const RuleContext&, Emitter& out) {
    const auto v = doc.contract_clauses ? doc.contract_clauses->subcontracting_real_price : std::nullopt;
    if (!v) return void(out.not_evaluated("contract_clauses.subcontracting_real_price"));
    if (!*v) out.emit("missing", {{"clause", "false"}}, {"contract_clauses.subcontracting_real_price"});
}

void price_005(const Document& doc, const RuleContext&, Emitter& out) {
    const auto v = doc.contract_clauses ? doc.contract_clauses->tariff_differentiation : std::nullopt;
    if (!v) return void(out.not_evaluated("contract_clauses.tariff_differentiation"));
    if (!*v) out.emit("missing", {{"clause", "false"}}, {"contract_clauses.tariff_differentiation"});
}

/// Default tolerance of PRICE-006: any cent.
const Money& tolerance() {
    static const Money t = Money::parse("0.005");
    return t;
}

/// The cost price of the model and the tariff's gap to it, from the realism check of the tariff
/// module (check_tariff). A tariff that check cannot take (zero or less, or so large that its
/// break-even values leave the range) is compared with the build-up directly; an Overflow of the
/// gap itself is left to the caller.
std::pair<Money, Money> gap_of(const Money& tariff, const CostModel& m, PriceBasis basis, const std::string& path) {
    try {
        const RealismCheck r = check_tariff(tariff, m, basis);
        return {r.cost_price, r.gap};
    } catch (const InvalidInput&) {
    } catch (const Overflow&) {
    }
    const Money cost_price = build_up(m, path).tariff;  // an error here names the model's field
    return {cost_price, tariff - cost_price};
}

void price_006(const Document& doc, const RuleContext&, Emitter& out) {
    std::vector<std::string> missing;
    bool any = false;
    for (const auto& p : products(doc)) {
        const Product& x = *p.product;
        if (!x.price_basis || *x.price_basis == PriceBasis::substantiated) continue;
        const CostModel* m = model_of(p);
        if (!m) continue;
        if (!x.tariff) {
            missing.push_back(p.path + ".tariff");
            continue;
        }
        any = true;
        Money cost_price;
        Money gap;
        Decimal pct;
        try {
            const auto [c, g] = gap_of(*x.tariff, *m, *x.price_basis, p.path + ".cost_model");
            cost_price = c;
            gap = g;
            if (gap.sign() >= 0 || gap.abs() <= tolerance()) continue;
            pct = (gap / cost_price * Decimal(100)).round_to_scale(2, RoundingMode::half_up);
        } catch (const Overflow& e) {  // a tariff near the range: name it
            if (!e.path().empty()) throw;  // the model's own field (its build-up)
            throw Overflow("the gap between the tariff and the cost price: " + e.message(),
                           Location::at(p.path + ".tariff"));
        }
        out.emit("below_cost",
                 {{"product", product_label(p)},
                  {"tariff", x.tariff->to_string()},
                  {"cost_price", cost_price.to_string()},
                  {"gap", gap.to_string()},
                  {"gap_percent", pct.to_string(2)},
                  {"price_basis", *x.price_basis == PriceBasis::fixed ? "fixed" : "floor"},
                  {"unit", std::string(ijw::info(m->unit).code)}},
                 {p.path + ".tariff", p.path + ".cost_model"});
    }
    if (!missing.empty()) out.not_evaluated("lots[].products[].tariff", missing);
    (void)any;
}

void price_007(const Document& doc, const RuleContext& ctx, Emitter& out) {
    const PlausibilityBands& bands = *ctx.bands;
    for (const auto& p : products(doc)) {
        const CostModel* m = model_of(p);
        if (!m) continue;
        for (const auto& x : out_of_band(*m, build_up(*m, p.path + ".cost_model"), bands)) {
            const std::string range = band_range(x.band);
            out.emit("out_of_band",
                     {{"product", product_label(p)},
                      {"parameter", x.parameter},
                      {"value", x.value.to_string()},
                      {"band", range},
                      {"confirmed", x.band.confirmed ? "true" : "false"},
                      {"source", x.band.source}},
                     {p.path + ".cost_model." + x.path});
        }
    }
}

void price_008(const Document& doc, const RuleContext& ctx, Emitter& out) {
    // Element d of the Besluit Jeugdwet exists from 2024-07-01; element e of the Wmo from 2017-06-01
    // (the rule's own date).
    if (doc.law == Law::jeugdwet && ctx.reference_date &&
        date::sys_days{*ctx.reference_date} < date::sys_days{make_date(2024, 7, 1)})
        return;
    if (doc.contract_clauses && doc.contract_clauses->indexation) return;  // a clause is there
    // Without a clause the rule needs evidence: cost models that are given and lack the element.
    // With neither (a document that does not state its clause, and no models) it is not evaluated.
    std::vector<std::string> models;
    for (const auto& p : products(doc)) {
        const CostModel* m = model_of(p);
        if (!m) continue;
        if (m->indexation) return;  // an indexation element in a cost model
        models.push_back(p.path + ".cost_model");
    }
    if (models.empty()) return void(out.not_evaluated("contract_clauses.indexation"));
    const bool wmo = doc.law == Law::wmo2015;
    out.emit("missing", {{"element", wmo ? "e" : "d"}}, models);
}

void price_009(const Document& doc, const RuleContext&, Emitter& out) {
    for (const auto& p : products(doc)) {
        const CostModel* m = model_of(p);
        if (!m || !m->overhead || m->overhead->convention) continue;
        out.emit("not_stated", {{"product", product_label(p)}, {"rate", m->overhead->rate.to_string()}},
                 {p.path + ".cost_model.overhead"});
    }
}

void price_010(const Document& doc, const RuleContext&, Emitter& out) {
    for (const auto& p : products(doc)) {
        const CostModel* m = model_of(p);
        if (!m) continue;
        for (std::size_t i = 0; i < m->staff.size(); ++i) {
            const StaffLine& s = m->staff[i];
            if (!s.cao) continue;
            const std::string at = p.path + ".cost_model.staff[" + std::to_string(i) + "]";
            if (!s.cao->scale_amount) {
                out.not_evaluated(at + ".cao.scale_amount", {at + ".cao"});
                continue;
            }
            if (s.monthly_salary >= *s.cao->scale_amount) continue;
            out.emit("below_cao",
                     {{"product", product_label(p)},
                      {"function", s.function.empty() ? at : s.function},
                      {"salary", s.monthly_salary.to_string()},
                      {"cao", s.cao->name},
                      {"scale", s.cao->scale},
                      {"step", s.cao->step},
                      {"scale_amount", s.cao->scale_amount->to_string()}},
                     {at + ".monthly_salary", at + ".cao.scale_amount"});
        }
    }
}

void price_011(const Document& doc, const RuleContext&, Emitter& out) {
    out.emit(doc.law == Law::jeugdwet ? "jeugdwet" : "wmo", {}, {"procedure.kind"});
}

}  // namespace

// The bodies of the PRICE rules by id; everything else about a rule is its file,
// data/rules/price/<ID>.yaml.
std::vector<RuleBody> price_rules() {
    return {
        {"PRICE-001", price_001},
        {"PRICE-002", price_002},
        {"PRICE-003", price_003},
        {"PRICE-004", price_004},
        {"PRICE-005", price_005},
        {"PRICE-006", price_006},
        {"PRICE-007", price_007},
        {"PRICE-008", price_008},
        {"PRICE-009", price_009},
        {"PRICE-010", price_010},
        {"PRICE-011", price_011},
    };
}

}  // namespace zorginkoop::procurement::detail
