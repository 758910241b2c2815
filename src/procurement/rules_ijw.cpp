// §8 iJw / iWmo (IJW-*): tariffs as LDT_Bedrag, product categories (JZ020, WMO020) and codes, WJ756
// units, and the IV081 minute arithmetic. The iStandaarden are binding through Regeling Jeugdwet
// art. 6c.1 and Uitvoeringsregeling Wmo 2015 art. 3j for the effort and output variants.

#include <algorithm>
#include <cctype>

#include "zorginkoop/core/error.hpp"

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

/// Task products carry a budget, not a tariff or unit; the tariff and unit rules skip them.
/// The largest LDT_Bedrag amount in euro (99999999 eurocents).
Decimal ldt_max() { return Money::from_cents(ijw::max_amount_cents).amount(); }

bool priced(const Product& p) { return !p.funding || *p.funding != FundingVariant::task; }

void ijw_001(const Document& doc, const RuleContext&, Emitter& out) {
    std::vector<std::string> missing;
    for (const auto& p : products(doc)) {
        const Product& x = *p.product;
        if (!priced(x)) continue;
        if (!x.tariff) {
            missing.push_back(p.path + ".tariff");
            continue;
        }
        // Compared with the LDT_Bedrag range before scaling to cents, so that a tariff near the
        // Decimal range is reported as too large instead of overflowing.
        const Decimal amount = x.tariff->amount();
        const char* problem = nullptr;
        if (ldt_max() < amount) problem = "too_large";
        else if (amount < -ldt_max()) problem = "negative";
        else {
            const Decimal cents = amount * Decimal(100);
            if (!cents.is_integer()) problem = "fraction";
            else if (x.tariff->sign() < 0) problem = "negative";
        }
        if (!problem) continue;
        out.emit(problem, {{"product", product_label(p)}, {"tariff", x.tariff->amount().to_string()}, {"maximum", "999999.99"}},
                 {p.path + ".tariff"});
    }
    if (!missing.empty()) out.not_evaluated("lots[].products[].tariff", missing);
}

bool valid_category(Law law, const std::string& c) {
    if (c.size() != 2 || !std::isdigit(static_cast<unsigned char>(c[0])) || !std::isdigit(static_cast<unsigned char>(c[1])))
        return false;
    const int v = (c[0] - '0') * 10 + (c[1] - '0');
    if (law == Law::jeugdwet) return (v >= 31 && v <= 38) || (v >= 40 && v <= 55);
    return v >= 1 && v <= 18;
}

/// A code point that shows as nothing: the Unicode White_Space characters (the ASCII spaces, tabs
/// and line breaks, U+0085, the no-break space U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029,
/// U+202F, U+205F, U+3000) and the zero-width characters U+180E, U+200B-U+200D, U+2060 and U+FEFF.
bool invisible(char32_t cp) {
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 || cp == 0x180E ||
           (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF;
}

/// Only white space (ASCII or Unicode, U+00A0 and the like) or zero-width characters: no product
/// code at all (a code of the iJw/iWmo messages has at least one visible character). Bytes that are
/// not well-formed UTF-8 count as visible: such a code is not blank.
bool blank(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = 0;
        const std::size_t n = zorginkoop::detail::decode_utf8(s, i, cp);
        if (n == 0 || !invisible(cp)) return false;
        i += n;
    }
    return true;
}

void ijw_002(const Document& doc, const RuleContext&, Emitter& out) {
    std::vector<std::string> missing;
    std::string first_missing;
    for (const auto& p : products(doc)) {
        const Product& x = *p.product;
        if (!x.category || !x.code) {
            const std::string field = p.path + (!x.category ? ".category" : ".code");
            if (first_missing.empty()) first_missing = !x.category ? "lots[].products[].category" : "lots[].products[].code";
            missing.push_back(field);
        }
        if (x.category && !valid_category(doc.law, *x.category))
            out.emit(doc.law == Law::jeugdwet ? "category_jeugd" : "category_wmo",
                     {{"product", product_label(p)}, {"category", *x.category}}, {p.path + ".category"});
        if (x.code && !x.code->empty() && blank(*x.code))
            out.emit("code_blank", {{"product", x.name ? *x.name : p.path}, {"code", *x.code}}, {p.path + ".code"});
        else if (x.code && (x.code->empty() || x.code->size() > 5))
            out.emit("code", {{"product", product_label(p)}, {"code", *x.code}, {"length", std::to_string(x.code->size())}},
                     {p.path + ".code"});
    }
    if (!missing.empty()) out.not_evaluated(first_missing, missing);
}

void ijw_003(const Document& doc, const RuleContext&, Emitter& out) {
    std::vector<std::string> missing;
    for (const auto& p : products(doc)) {
        const Product& x = *p.product;
        if (x.unit_text && !x.unit) {
            out.emit("unknown", {{"product", product_label(p)}, {"unit", *x.unit_text}}, {p.path + ".unit"});
            continue;
        }
        if (!x.unit_text && priced(x)) missing.push_back(p.path + ".unit");
    }
    if (!missing.empty()) out.not_evaluated("lots[].products[].unit", missing);
}

void ijw_004(const Document& doc, const RuleContext&, Emitter& out) {
    for (const auto& p : products(doc)) {
        const Product& x = *p.product;
        if (!x.declared_per_minute.value_or(false)) continue;
        if (x.unit && *x.unit != ijw::Unit::uur) continue;  // the rule is about hourly tariffs
        if (!x.tariff) {
            out.not_evaluated(p.path + ".tariff", {p.path + ".declared_per_minute"});
            continue;
        }
        if (ldt_max() < x.tariff->amount() || x.tariff->sign() < 0) continue;  // IJW-001
        const Decimal cents = x.tariff->amount() * Decimal(100);
        if (!cents.is_integer()) continue;  // IJW-001
        if ((cents / Decimal(60)).is_integer()) continue;
        const Money minute = ijw::minute_tariff(*x.tariff);
        const Money via_minutes = minute * Decimal(60);
        out.emit("not_divisible",
                 {{"product", product_label(p)},
                  {"hourly", fmt(*x.tariff)},
                  {"minute_tariff", fmt(minute)},
                  {"sixty_minutes", fmt(via_minutes)},
                  {"difference_per_hour", fmt(via_minutes - *x.tariff)}},
                 {p.path + ".tariff", p.path + ".declared_per_minute"});
    }
}

}  // namespace

// The bodies of the IJW rules by id; everything else about a rule is its file,
// data/rules/ijw/<ID>.yaml.
std::vector<RuleBody> ijw_rules() {
    return {
        {"IJW-001", ijw_001},
        {"IJW-002", ijw_002},
        {"IJW-003", ijw_003},
        {"IJW-004", ijw_004},
    };
}

}  // namespace zorginkoop::procurement::detail
