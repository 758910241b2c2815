// §8 Funding variants (FUND-*): Regeling Jeugdwet art. 6c.1, Uitvoeringsregeling Wmo 2015 art. 3j,
// iStandaarden rules OP261-OP263 and OP305, the Norm voor Opdrachtgeverschap and the Leergang.

#include <algorithm>
#include <cctype>

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

bool unit_fits(FundingVariant v, ijw::Unit u) {
    switch (v) {
        case FundingVariant::effort:
            return u == ijw::Unit::minuut || u == ijw::Unit::uur || u == ijw::Unit::etmaal || u == ijw::Unit::dagdeel ||
                   u == ijw::Unit::stuks_inspanning;
        case FundingVariant::output: return u == ijw::Unit::stuks_output || u == ijw::Unit::euro;
        case FundingVariant::task: return false;
    }
    return false;
}

const char* allowed_units(FundingVariant v) {
    switch (v) {
        case FundingVariant::effort: return "01, 04, 14, 16, 84";
        case FundingVariant::output: return "82, 83";
        case FundingVariant::task: return "-";
    }
    return "";
}

void fund_001(const Document& doc, const RuleContext&, Emitter& out) {
    for (const auto& p : products(doc))
        if (!p.product->funding) out.emit("missing", {{"product", product_label(p)}}, {p.path});
}

void fund_002(const Document& doc, const RuleContext&, Emitter& out) {
    std::vector<std::string> missing;
    for (const auto& p : products(doc)) {
        const Product& x = *p.product;
        if (!x.funding) continue;  // FUND-001
        if (*x.funding == FundingVariant::task) {
            if (x.unit_text)
                out.emit("task_with_unit", {{"product", product_label(p)}, {"unit", *x.unit_text}}, {p.path + ".unit"});
            continue;
        }
        if (!x.unit_text) {
            missing.push_back(p.path + ".unit");
            continue;
        }
        if (!x.unit) continue;  // not a WJ756 unit: IJW-003
        if (unit_fits(*x.funding, *x.unit)) continue;
        out.emit("mismatch",
                 {{"product", product_label(p)},
                  {"funding", name(*x.funding)},
                  {"unit", std::string(ijw::info(*x.unit).code) + " " + std::string(ijw::info(*x.unit).name)},
                  {"allowed", allowed_units(*x.funding)}},
                 {p.path + ".unit", p.path + ".funding"});
    }
    if (!missing.empty()) out.not_evaluated("lots[].products[].unit", missing);
}

void fund_003(const Document& doc, const RuleContext&, Emitter& out) {
    const auto ps = products(doc);
    if (ps.empty()) return;
    std::size_t effort = 0, output = 0, task = 0;
    std::vector<std::string> paths;
    for (const auto& p : ps) {
        if (!p.product->funding) continue;
        switch (*p.product->funding) {
            case FundingVariant::effort: ++effort; break;
            case FundingVariant::output: ++output; break;
            case FundingVariant::task: ++task; break;
        }
        if (*p.product->funding != FundingVariant::task) paths.push_back(p.path + ".funding");
    }
    if (effort + output + task == 0) {
        out.not_evaluated("lots[].products[].funding", {ps.front().path});
        return;
    }
    const char* standard = doc.law == Law::jeugdwet ? "iJw" : "iWmo";
    Fields f{{"standard", standard},
             {"effort", std::to_string(effort)},
             {"output", std::to_string(output)},
             {"task", std::to_string(task)}};
    if (effort + output > 0) out.emit("messaging", std::move(f), paths, {"messaging"});
    else out.emit("task_only", std::move(f), {ps.front().path + ".funding"}, {"task"});
}

bool mentions_crisis(const Product& p) {
    if (!p.name) return false;
    std::string n = *p.name;
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return n.find("crisis") != std::string::npos;
}

void fund_004(const Document& doc, const RuleContext&, Emitter& out) {
    std::vector<std::string> no_ceiling;
    std::vector<std::string> no_ceiling_names;
    for (const auto& p : products(doc)) {
        const Product& x = *p.product;
        if (x.funding_form == FundingForm::availability && !mentions_crisis(x))
            out.emit("availability", {{"product", product_label(p)}}, {p.path + ".funding_form"});
        if (x.funding_form == FundingForm::cost_plus) {
            const bool indefinite = doc.term && doc.term->indefinite.value_or(false);
            const auto initial = initial_term_months(doc);
            if (!indefinite && !initial) {
                out.not_evaluated("term.end", {p.path + ".funding_form", "term"});
            } else {
                const int months = indefinite ? 0 : *initial + extension_months(doc);
                if (indefinite || months > 12)
                    out.emit("cost_plus_long",
                             {{"product", product_label(p)}, {"months", indefinite ? std::string("-") : std::to_string(months)}},
                             {p.path + ".funding_form", "term"});
            }
        }
        if (x.funding == FundingVariant::effort && (!x.ceiling || !*x.ceiling)) {
            no_ceiling.push_back(p.path);
            no_ceiling_names.push_back(product_label(p));
        }
    }
    if (!no_ceiling.empty())
        out.emit(Severity::info, "no_ceiling", {{"products", join(no_ceiling_names)}, {"count", std::to_string(no_ceiling.size())}},
                 no_ceiling);
}

}  // namespace

// The bodies of the FUND rules by id; everything else about a rule is its file,
// data/rules/fund/<ID>.yaml.
std::vector<RuleBody> fund_rules() {
    return {
        {"FUND-001", fund_001},
        {"FUND-002", fund_002},
        {"FUND-003", fund_003},
        {"FUND-004", fund_004},
    };
}

}  // namespace zorginkoop::procurement::detail
