// The value computation the rules and the check share: the products of a document, the months of
// its term and extensions, the parts of the estimated value (VAL-001) and the Part 2 threshold.

#include <algorithm>

#include "rule_support.hpp"

namespace zorginkoop::procurement {

namespace detail {

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

Money sas_threshold() { return Money(Decimal(750000)); }

}  // namespace zorginkoop::procurement
