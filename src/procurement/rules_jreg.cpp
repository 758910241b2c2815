// §10 Regional contracting (JREG-*): Besluit Jeugdwet art. 2.2.3 (the ten forms of youth care that
// will have to be contracted regionally) and Wet verbetering beschikbaarheid jeugdzorg art. VIII.

#include <algorithm>
#include <cctype>

#include "rule_support.hpp"

namespace zorginkoop::procurement::detail {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// Whether a product falls in one of the forms of art. 2.2.3: by JZ020 category (35 pleegzorg, 36-38
/// and 43-44 verblijf, 46 crisis) or, without one, by words in its name. An approximation: the
/// document format has no field for the forms.
bool regional_form(const Product& p) {
    if (p.category) {
        static const char* cats[] = {"35", "36", "37", "38", "43", "44", "46"};
        for (const char* c : cats)
            if (*p.category == c) return true;
    }
    if (!p.name) return false;
    const std::string n = lower(*p.name);
    static const char* words[] = {"verblijf", "pleegzorg", "gezinshuis", "crisis", "dagbehandeling", "jeugdzorgplus",
                                  "3-milieu", "driemilieu", "forensisch", "zintuig", "seksueel", "huiselijk geweld",
                                  "eergerelateerd", "onzindelijk", "hoogspecialistische ggz", "residentieel",
                                  "gesloten"};
    for (const char* w : words)
        if (n.find(w) != std::string::npos) return true;
    return false;
}

void jreg_001(const Document& doc, const RuleContext& c, Emitter& out) {
    std::vector<std::string> paths, names;
    for (const auto& p : products(doc))
        if (regional_form(*p.product)) {
            paths.push_back(p.path);
            names.push_back(product_label(p));
        }
    if (paths.empty()) return;
    const std::optional<Date> from = c.options.regional_contracting_from;
    out.emit("regional", {{"products", join(names)}, {"in_force", from ? fmt(*from) : "-"}}, paths);
    if (!from || !doc.term || !doc.term->end || !doc.term->extensions) return;
    // Art. VIII: contracts concluded before the date are unaffected, extensions not yet agreed are
    // not protected. An extension is taken as agreed when it starts.
    const std::optional<Date> concluded =
        doc.award ? (doc.award->contract_concluded ? doc.award->contract_concluded : doc.award->date) : std::nullopt;
    if (!concluded || !(date::sys_days{*concluded} < date::sys_days{*from})) return;
    Date start = add_days(*doc.term->end, 1);
    const auto& exts = *doc.term->extensions;
    for (std::size_t i = 0; i < exts.size(); ++i) {
        if (!(date::sys_days{start} < date::sys_days{*from}))
            out.emit(Severity::warning, "extension",
                     {{"extension", "term.extensions[" + std::to_string(i) + "]"},
                      {"extension_start", fmt(start)},
                      {"in_force", fmt(*from)},
                      {"products", join(names)}},
                     {"term.extensions[" + std::to_string(i) + "]"}, {"transition"});
        start = add_days(term_end(start, exts[i].months), 1);
    }
}

}  // namespace

// The bodies of the JREG rules by id; everything else about a rule is its file,
// data/rules/jreg/<ID>.yaml.
std::vector<RuleBody> jreg_rules() {
    return {
        {"JREG-001", jreg_001},
    };
}

}  // namespace zorginkoop::procurement::detail
