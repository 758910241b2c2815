// §2 Estimated value (VAL-*): Aw 2012 art. 2.13-2.18.

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

std::optional<Money> declared(const Document& doc) {
    if (!doc.estimated_value) return std::nullopt;
    return doc.estimated_value->declared;
}

void val_001(const Document& doc, const RuleContext&, Emitter& out) {
    const ValueParts v = value_parts(doc);
    if (!v.computed) {
        out.not_evaluated("estimated_value.initial_term_value", {"estimated_value", "lots"});
        return;
    }
    const auto d = declared(doc);
    if (!d) {
        out.not_evaluated("estimated_value.declared");
        return;
    }
    if (!(*d < *v.computed)) return;
    const bool from_a = v.a && *v.a == *v.computed;
    Fields f{{"declared", fmt(*d)},
             {"computed", fmt(*v.computed)},
             {"built", from_a ? v.a_built : v.b_built},
             {"gap", fmt(*v.computed - *d)}};
    if (v.a) f.emplace_back("initial_term_and_options", fmt(*v.a));
    if (v.b) f.emplace_back("sum_of_lots", fmt(*v.b));
    const auto& missing = from_a ? v.a_missing : v.b_missing;
    if (!missing.empty()) f.emplace_back("not_given", join(missing));
    out.emit("too_low", std::move(f), {"estimated_value.declared", from_a ? "estimated_value.initial_term_value" : "lots"});
}

void val_002(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.estimated_value || !doc.estimated_value->total_price_stated) {
        out.not_evaluated("estimated_value.total_price_stated");
        return;
    }
    if (*doc.estimated_value->total_price_stated) return;
    const bool indefinite = doc.term && doc.term->indefinite.value_or(false);
    std::optional<int> months;
    if (!indefinite) {
        const auto initial = initial_term_months(doc);
        if (!initial) {
            out.not_evaluated("term.end", {"term"});
            return;
        }
        months = *initial + extension_months(doc);
        if (*months <= 48) return;  // Aw 2.17 onder d: the value over the whole term (VAL-001)
    }
    const auto& monthly = doc.estimated_value->monthly_amount;
    if (!monthly || !*monthly) {
        out.not_evaluated("estimated_value.monthly_amount");
        return;
    }
    const auto d = declared(doc);
    if (!d) {
        out.not_evaluated("estimated_value.declared");
        return;
    }
    const Money required =
        overflow_at("estimated_value.monthly_amount", [&] { return Money(**monthly * Decimal(48)); });
    if (!(*d < required)) return;
    out.emit(indefinite ? "indefinite" : "long",
             {{"declared", fmt(*d)},
              {"monthly_amount", fmt(**monthly)},
              {"required", fmt(required)},
              {"months", indefinite ? std::string("-") : fmt(*months)}},
             {"estimated_value.declared", "estimated_value.monthly_amount"});
}

void val_003(const Document& doc, const RuleContext&, Emitter& out) {
    if (!doc.lots || doc.lots->empty()) {
        out.not_evaluated("lots");
        return;
    }
    Money total;
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < doc.lots->size(); ++i) {
        if ((*doc.lots)[i].estimated_value)
            overflow_at(lot_path(i) + ".estimated_value", [&] { total += *(*doc.lots)[i].estimated_value; });
        else missing.push_back(lot_path(i) + ".estimated_value");
    }
    if (!missing.empty()) {
        out.not_evaluated(missing.front(), missing);
        return;
    }
    const Money threshold = sas_threshold();
    if (total < threshold) return;  // lid 1-2: aggregated below the threshold, no Part 2
    // Lid 3 onder b: service lots of at most EUR 80,000 each, together at most 20 % of the total,
    // may be placed without Part 2. Small lots are exempted in document order while the share holds.
    const Money small_max(Decimal(80000));
    const Money share_max = total * Decimal::parse("0.20");
    Money exempt;
    for (std::size_t i = 0; i < doc.lots->size(); ++i) {
        const Lot& l = (*doc.lots)[i];
        const Money v = *l.estimated_value;
        const bool small = v <= small_max;
        if (small && exempt + v <= share_max) {
            exempt += v;
            continue;
        }
        out.emit(small ? "share" : "large",
                 {{"lot", l.id},
                  {"value", fmt(v)},
                  {"total", fmt(total)},
                  {"threshold", fmt(threshold)},
                  {"small_lot_max", fmt(small_max)},
                  {"share_max", fmt(share_max)},
                  {"exempted_so_far", fmt(exempt)}},
                 {lot_path(i) + ".estimated_value", "procedure.kind"});
    }
}

void val_004(const Document& doc, const RuleContext&, Emitter& out) {
    const auto d = declared(doc);
    if (!d) {
        out.not_evaluated("estimated_value.declared");
        return;
    }
    const Money threshold = sas_threshold();
    const Money lower = threshold * Decimal::parse("0.9");
    if (*d < lower || !(*d < threshold)) return;
    const std::size_t extensions = doc.term && doc.term->extensions ? doc.term->extensions->size() : 0;
    const std::size_t lots = doc.lots ? doc.lots->size() : 0;
    if (extensions == 0 && lots == 0) return;
    out.emit("near_threshold",
             {{"declared", fmt(*d)},
              {"threshold", fmt(threshold)},
              {"margin", fmt(threshold - *d)},
              {"extensions", std::to_string(extensions)},
              {"lots", std::to_string(lots)}},
             {"estimated_value.declared"});
}

}  // namespace

// The bodies of the VAL rules by id; everything else about a rule is its file,
// data/rules/val/<ID>.yaml.
std::vector<RuleBody> val_rules() {
    return {
        {"VAL-001", val_001},
        {"VAL-002", val_002},
        {"VAL-003", val_003},
        {"VAL-004", val_004},
    };
}

}  // namespace zorginkoop::procurement::detail
