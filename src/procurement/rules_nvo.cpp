// §9 Norm voor Opdrachtgeverschap and continuity (NVO-*): the eight agreements of the VNG norm
// (10 June 2020, as quoted in seed 000 ch. 1.3) and Besluit Jeugdwet art. 2.2.1 for the regiovisie.

#include <algorithm>
#include <map>

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

void nvo_001(const Document& doc, const RuleContext&, Emitter& out) {
    const auto ps = products(doc);
    if (ps.empty()) return;
    std::map<std::string, std::vector<const ProductRef*>> by_category;
    for (const auto& p : ps)
        if (p.product->category && p.product->funding) by_category[*p.product->category].push_back(&p);
    if (by_category.empty()) {
        out.not_evaluated("lots[].products[].category", {ps.front().path});
        return;
    }
    for (const auto& [category, items] : by_category) {
        std::vector<std::string> variants;
        for (const auto* p : items) {
            const std::string v = name(*p->product->funding);
            if (std::find(variants.begin(), variants.end(), v) == variants.end()) variants.push_back(v);
        }
        if (variants.size() < 2) continue;
        std::vector<std::string> paths;
        for (const auto* p : items) paths.push_back(p->path + ".funding");
        out.emit("mixed", {{"category", category}, {"variants", join(variants)}}, paths);
    }
}

void nvo_002(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.continuity || !doc.continuity->bridging_agreements) {
        out.not_evaluated("continuity.bridging_agreements");
        return;
    }
    if (!*doc.continuity->bridging_agreements) out.emit("no_bridging", {}, {"continuity.bridging_agreements"});
}

void nvo_003(const Document& doc, const RuleContext&, Emitter& out) {
    std::vector<std::string> paths, names;
    for (const auto& p : products(doc))
        if (!p.product->cost_model) {
            paths.push_back(p.path);
            names.push_back(product_label(p));
        }
    if (paths.empty()) return;
    out.emit("no_cost_model", {{"count", std::to_string(paths.size())}, {"products", join(names)}}, paths);
}

void nvo_004(const Document& doc, const RuleContext& c, Emitter& out) {
    const std::optional<std::string> visie = doc.authority ? doc.authority->regiovisie : std::nullopt;
    if (!visie) {
        out.emit("none", {}, {"authority"});
        return;
    }
    if (doc.law == Law::jeugdwet && c.reference_date &&
        !(date::sys_days{*c.reference_date} < date::sys_days{parse_date("2026-01-01")}))
        out.emit("prescribed", {{"regiovisie", *visie}}, {"authority.regiovisie"}, {"prescribed"});
}

}  // namespace

// The bodies of the NVO rules by id; everything else about a rule is its file,
// data/rules/nvo/<ID>.yaml.
std::vector<RuleBody> nvo_rules() {
    return {
        {"NVO-001", nvo_001},
        {"NVO-002", nvo_002},
        {"NVO-003", nvo_003},
        {"NVO-004", nvo_004},
    };
}

}  // namespace zorginkoop::procurement::detail
