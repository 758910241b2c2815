#pragma once
// Declarations judged against the contract: every Prestatie of a JW323 / WMO323 message
// (declarations/message.hpp) against the products of the contract's procurement document
// (procurement/document.hpp), with the rules DECL-001 … DECL-007 (docs/declarations.md):
//
//   DECL-001  the product (ProductCategorie + ProductCode) is not a product of the contract;
//   DECL-002  Eenheid differs from the contracted unit (per minute, IV081: 01);
//   DECL-003  ProductTarief differs from the contracted (indexed) tariff of the product period;
//   DECL-004  IngediendBedrag differs from GeleverdVolume × tariff (IV081 for minutes; unit 83:
//             the amount equals the volume);
//   DECL-005  TotaalIngediendBedrag differs from the signed sum of the lines (IV086);
//   DECL-006  one ReferentieNummer on two lines of the message;
//   DECL-007  the product period lies outside term.start … term.end (that line gets DECL-007 only).
//
// The contract's tariffs are those of the year of term.start; with an indexation clause, later
// years use the tariff indexed with the bundled series (IndexSeriesSet::bundled), the clause's
// effective day deciding the year of a period. A figure not published makes DECL-003/004 "not
// evaluated" for the lines that need it, never an error.
//
// The rules are declared like the procurement rules (procurement::Rule: id, titles in Dutch and
// English, severity, citations, note); their messages are `decl.<ID>.<variant>` in
// data/messages/declarations.<lang>.yaml.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zorginkoop/declarations/message.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/procurement/document.hpp"
#include "zorginkoop/procurement/rule.hpp"
#include "zorginkoop/report/report.hpp"

namespace zorginkoop::declarations {

/// Date-stamped version of the DECL rules.
inline constexpr std::string_view ruleset_version = "2026-12-07";

/// The DECL rules, in order (DECL-001 … DECL-007). Their `run` is null: they judge a message,
/// not a document; `stage` is funding.
const std::vector<procurement::Rule>& rule_catalogue();
/// The DECL rule with this id; InvalidInput when unknown.
const procurement::Rule& find_rule(std::string_view id);

/// The verdict of one line, as the batch gives it (one row per line).
struct LineVerdict {
    bool product_known = false;            ///< DECL-001 silent
    std::optional<bool> unit_ok;           ///< DECL-002; nullopt when not judged
    std::optional<bool> tariff_ok;         ///< DECL-003; nullopt when not judged
    std::optional<bool> amount_ok;         ///< DECL-004; nullopt when not judged
    bool in_term = true;                   ///< DECL-007 silent
    std::optional<std::int64_t> expected_tariff_cents;
    std::optional<std::int64_t> expected_amount_cents;
    std::string not_evaluated;             ///< why DECL-003/004 were not judged (a missing figure)
    /// The rules that fired on the line, in order ("DECL-001", ...).
    std::vector<std::string> rules;
};

/// The contract prepared once for many lines: its products by category and code, its term and
/// its (indexed) tariffs. Immutable; safe to share between threads.
class Contract {
public:
    explicit Contract(const procurement::Document& doc,
                      const IndexSeriesSet& series = IndexSeriesSet::bundled());
    const procurement::Document& document() const noexcept { return *doc_; }

    /// The line judged alone (DECL-001 … DECL-004, DECL-007; DECL-005 and DECL-006 are about the
    /// message as a whole).
    LineVerdict judge(const Line& line) const;

    struct Match {
        const procurement::Product* product = nullptr;
        std::string path;  ///< lots[i].products[j]
    };
    /// The contract product with this category and code (the first one), or nullopt.
    std::optional<Match> find(std::string_view category, std::string_view code) const;
    /// The contracted tariff (whole cents) of `product` for a period starting on `day`; nullopt
    /// with `missing` set when an index figure is not published (or the product has no tariff).
    std::optional<Money> tariff_on(const procurement::Product& product, const Date& day, std::string& missing) const;

private:
    struct Indexed {
        std::optional<Money> tariff;
        std::string missing;
    };
    std::optional<Money> index(const procurement::Product& product, int year, std::string& missing) const;

    const procurement::Document* doc_;
    IndexSeriesSet series_;
    std::vector<std::pair<std::string, Match>> products_;  // "category\x1f code" → match, sorted
    /// The indexed tariffs of every product for the years after term.start up to term.end's year,
    /// computed once: (product, year) → tariff or the missing figure.
    std::map<std::pair<const procurement::Product*, int>, Indexed> indexed_;
};

/// Every line and the message total judged against the contract: a Report in the shape of
/// procurement::check (findings with rule, message key, locations in the message and the
/// contract, citations). `contract` must outlive the call.
Report check_declarations(const procurement::Document& contract, const Message& message,
                          const IndexSeriesSet& series = IndexSeriesSet::bundled());
/// Load the contract (YAML or JSON) and the message (XML), and check.
Report check_declarations_files(const std::string& contract_path, const std::string& message_path);

}  // namespace zorginkoop::declarations
