#pragma once
// Shared helpers of the rule groups (private to the library): the laws by key and how a rule file's
// citation becomes a Citation with its verified version date, evidence formatting, paths, term arithmetic and the value computation of VAL-001.

#include <optional>
#include <string>
#include <vector>

#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/procurement/document.hpp"
#include "zorginkoop/procurement/rule.hpp"

namespace zorginkoop::procurement::detail {

// ---- the laws the rules cite, by their key in data/law/laws.yaml (LawRegistry::by_key gives the
// official id and the consolidated version whose text the rule pages quote). ----------
inline constexpr const char* jeugdwet = "jeugdwet";
inline constexpr const char* besluit_jeugdwet = "besluit_jeugdwet";
inline constexpr const char* wmo = "wmo2015";
inline constexpr const char* uitv_besluit_wmo = "uitv_besluit_wmo";
inline constexpr const char* aw = "aw2012";
inline constexpr const char* regeling_jeugdwet = "regeling_jeugdwet";
inline constexpr const char* uitv_regeling_wmo = "uitv_regeling_wmo";
inline constexpr const char* wet_beschikbaarheid = "wet_beschikbaarheid_jeugdzorg";
inline constexpr const char* directive = "directive_2014_24";
inline constexpr const char* falk_pharma = "falk_pharma";
inline constexpr const char* tirkkonen = "tirkkonen";
// Guidance sources (LawKind::guidance in the registry; their ids are not official identifiers).
inline constexpr const char* g_norm = "vng_norm_opdrachtgeverschap";
inline constexpr const char* g_contractstandaarden = "contractstandaarden_wmo";
inline constexpr const char* g_pianoo_open_house = "pianoo_open_house";
inline constexpr const char* g_pianoo_contractduur = "pianoo_contractduur";
inline constexpr const char* g_istandaarden = "istandaarden_ijw_iwmo";
inline constexpr const char* g_begrippenlijst = "begrippenlijst_jw_wmo";
inline constexpr const char* g_leergang = "seed_leergang_2018";
inline constexpr const char* g_rijnmond = "seed_rijnmond_2023";
inline constexpr const char* g_miov = "seed_miov_2026";
inline constexpr const char* g_eforms = "eforms_sdk";

/// A citation of the consolidated version the law data names for that law (`law_key`: its key in
/// data/law/laws.yaml; an unknown key is an InvalidInput, and so is a provision of an official text
/// that the law's `provisions` do not list: every cited provision carries the dates it exists).
Citation cite(const std::string& law_key, const std::string& article, const std::string& lid = {},
              const std::string& onderdeel = {}, std::optional<Law> law = std::nullopt, const std::string& tag = {});
/// A citation of an explicitly dated (historic) version: `version` names one of the law's
/// `versions` in data/law/laws.yaml.
Citation cite_version(const std::string& law_key, const std::string& article, const std::string& lid,
                      const std::string& onderdeel, const char* version, std::optional<Law> law = std::nullopt,
                      const std::string& tag = {});

// Algemene termijnenwet: cited by findings whose statutory deadline it extends.
inline constexpr const char* termijnenwet = "termijnenwet";
/// The tag under which a rule lists the Algemene termijnenwet citations (art. 1 lid 1, art. 3).
inline constexpr const char* tag_extended = "termijnenwet";

// ---- rule groups, in catalogue order: each lists its bodies by id ---------------------------------
std::vector<RuleBody> reg_rules();
std::vector<RuleBody> val_rules();
std::vector<RuleBody> sas_rules();
std::vector<RuleBody> term_rules();
std::vector<RuleBody> awd_rules();
std::vector<RuleBody> price_rules();
std::vector<RuleBody> oh_rules();
std::vector<RuleBody> fund_rules();
std::vector<RuleBody> ijw_rules();
std::vector<RuleBody> nvo_rules();
std::vector<RuleBody> jreg_rules();
/// The rules of the embedded files data/rules/<group>/*.yaml (read_rule), each joined with its body
/// from `bodies` (join_rules), in id order.
std::vector<Rule> bundled_rules(std::string_view group, const std::vector<RuleBody>& bodies);

// ---- evidence -------------------------------------------------------------------------------------
inline std::string fmt(const Date& d) { return format_date(d); }
inline std::string fmt(const Money& m) { return m.to_string(); }
inline std::string fmt(const Decimal& d) { return d.to_string(); }
inline std::string fmt(bool b) { return b ? "true" : "false"; }
inline std::string fmt(long long v) { return std::to_string(v); }
inline std::string fmt(int v) { return std::to_string(v); }
inline std::string fmt(long v) { return std::to_string(v); }
std::string join(const std::vector<std::string>& items, const std::string& sep = ", ");

// ---- paths ---------------------------------------------------------------------------------------
inline std::string lot_path(std::size_t i) { return "lots[" + std::to_string(i) + "]"; }
inline std::string product_path(std::size_t i, std::size_t j) {
    return lot_path(i) + ".products[" + std::to_string(j) + "]";
}
inline std::string pub_path(std::size_t i) { return "publications[" + std::to_string(i) + "]"; }

/// The result of `f()`, a rule's arithmetic on the document value at `path`: an Overflow that names
/// no path is raised again naming `path` (check() adds the source, line and column).
template <class F>
auto overflow_at(const std::string& path, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const Overflow& e) {
        if (!e.where().path.empty()) throw;
        throw Overflow(e.message(), e.where().with_path(path));
    }
}

/// Every product with its path and its lot, in document order.
struct ProductRef {
    const Lot* lot;
    const Product* product;
    std::string path;
};
std::vector<ProductRef> products(const Document& doc);
/// How a product is named in messages: its code, else its name, else its path.
std::string product_label(const ProductRef& p);

// ---- term and value ----------------------------------------------------------------------------------
/// Months of the initial term (term.start … term.end); nullopt when a date is missing.
std::optional<int> initial_term_months(const Document& doc);
/// Months of the extensions (0 when none are listed).
int extension_months(const Document& doc);

struct ValueParts {
    std::optional<Money> a;  // initial_term_value + extensions' values + other_options_value
    std::string a_built;     // how (a) was built
    std::vector<std::string> a_missing;  // parts that were not given
    std::optional<Money> b;  // sum of lots[].estimated_value
    std::string b_built;
    std::vector<std::string> b_missing;
    std::optional<Money> computed;  // the larger of a and b
};
ValueParts value_parts(const Document& doc);

/// The start publications (contract notices and prior information notices), index and entry.
std::vector<std::pair<std::size_t, const Publication*>> publications_of(const Document& doc, PublicationKind kind);

}  // namespace zorginkoop::procurement::detail
