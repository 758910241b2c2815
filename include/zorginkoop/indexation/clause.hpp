#pragma once
// IndexationClause: the indexation clause of a contract (docs/indexation-clause.md): weighted
// series, catch-up (nacalculatie), first-contract-year rule, rate rounding, tariff rounding,
// effective day. It observes an IndexSeriesSet passed to every computation; it holds no figures.
//
// Rate of year t (applied on the effective day of t to the tariff of t-1), in fractions:
//   Wp = sum w_i x prov_i(t)
//   C  = sum w_i x ((1 + def_i(t-1)) / (1 + prov_i(t-1)) - 1)        multiplicative
//      = sum w_i x def_i(t-1) - sum w_i x prov_i(t-1)                 additive
//      = 0                                                            none
//   rate = Wp + C, rounded in percent per rate_rounding (parts | total | none)
// Every product and quotient is rounded half-even to 18 fractional digits (Decimal), each term in
// the written order; percent figures become fractions by an exact division by 100.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/error.hpp"
#include "zorginkoop/core/money.hpp"
#include "zorginkoop/core/rounding.hpp"
#include "zorginkoop/indexation/derivation.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"

namespace zorginkoop {

/// One weighted series of a clause. `where` records where it was read (for errors).
struct IndexComponent {
    std::string series;
    Decimal weight;
    Location where;
};

/// The effective day "MM-DD" (a day that exists in every year).
struct MonthDay {
    unsigned month = 1;
    unsigned day = 1;
    /// InvalidInput unless "MM-DD" with a day that exists in every year (02-29 is refused).
    static MonthDay parse(std::string_view text);
    std::string to_string() const;
    Date in_year(int year) const { return make_date(year, month, day); }
    friend bool operator==(const MonthDay& a, const MonthDay& b) { return a.month == b.month && a.day == b.day; }
    friend bool operator!=(const MonthDay& a, const MonthDay& b) { return !(a == b); }
};

class IndexationClause {
public:
    /// The clause as stated: an absent option stays absent (so that a completeness check can
    /// tell "stated" from "defaulted"); the accessors of IndexationClause give the defaults.
    struct Terms {
        std::vector<IndexComponent> components;
        std::optional<CatchUp> catch_up;                      // default none
        std::optional<bool> first_contract_year_catch_up;     // default true
        std::optional<RateRounding> rate_rounding;            // default {at: none}
        std::optional<TariffRounding> tariff_rounding;        // default {scale 2, half_up, yearly}
        std::optional<MonthDay> effective;                    // default 01-01
        Location where;                                 // where the clause was read
    };

    /// Validates the terms: at least one component; every weight exact, non-negative; weights
    /// summing to exactly 1; no series twice; scales 0..16. InvalidInput with the path otherwise.
    explicit IndexationClause(Terms terms);

    /// Strict reader of the clause mapping of §2 (the mapping under `indexation:`; a mapping with
    /// the single key `indexation` is unwrapped). Unknown keys and values are ParseErrors, wrong
    /// weights InvalidInput; every error names the path, line and column. Series ids are not
    /// checked against any set (see validate()).
    static IndexationClause from_node(const io::Reader& r);
    static IndexationClause from_node(const io::Node& n, const std::string& source = {});
    /// As from_node, then validate(known).
    static IndexationClause from_node(const io::Reader& r, const IndexSeriesSet& known);
    static IndexationClause parse(std::string_view text, const std::string& source = {});
    static IndexationClause load(const std::string& path);

    /// InvalidInput at `components[i].series` for the first series that `known` lacks.
    void validate(const IndexSeriesSet& known) const;

    const Terms& terms() const noexcept { return terms_; }
    const std::vector<IndexComponent>& components() const noexcept { return terms_.components; }
    CatchUp catch_up() const noexcept { return terms_.catch_up.value_or(CatchUp::none); }
    bool first_contract_year_catch_up() const noexcept { return terms_.first_contract_year_catch_up.value_or(true); }
    RateRounding rate_rounding() const { return terms_.rate_rounding.value_or(RateRounding{}); }
    TariffRounding tariff_rounding() const { return terms_.tariff_rounding.value_or(TariffRounding{}); }
    MonthDay effective() const { return terms_.effective.value_or(MonthDay{}); }

    /// Whether the catch-up over year - 1 applies: the clause has one, and it is not excluded by
    /// first_contract_year_catch_up: false with year - 1 <= first_contract_year.
    bool catch_up_applies(int year, std::optional<int> first_contract_year = std::nullopt) const;

    /// The rate of `year` with its derivation. MissingData (series, year, status) for a figure
    /// that is not in the set; InvalidInput at the component's path for an unknown series.
    /// With a reference date `as_of`, every provisional figure used whose definitive figure is
    /// due by then (the series' `definitive_due`) and absent from the set is marked
    /// `definitive_overdue` (RateDerivation::uses_overdue_provisional_figures).
    RateDerivation rate(int year, const IndexSeriesSet& series, std::optional<int> first_contract_year = std::nullopt,
                        std::optional<Date> as_of = std::nullopt) const;

    /// The yearly tariffs after `base_year` up to `to_year` (no rows when equal), starting from
    /// `base_tariff` (the tariff valid in base_year, used as given). Per tariff_rounding: yearly,
    /// tariff(t) = round(tariff(t-1) x (1 + rate(t))); cumulative, F(t) = F(t-1) x (1 + rate(t)),
    /// tariff(t) = round(base x F(t)).
    /// `as_of` marks every year's derivation as rate() does.
    Schedule schedule(const Money& base_tariff, int base_year, int to_year, const IndexSeriesSet& series,
                      std::optional<int> first_contract_year = std::nullopt,
                      std::optional<Date> as_of = std::nullopt) const;
    /// The tariff of to_year: schedule(...).final_tariff().
    Money index(const Money& tariff, int from_year, int to_year, const IndexSeriesSet& series,
                std::optional<int> first_contract_year = std::nullopt) const;
    /// A budget of the task funding variant indexed with this clause (Contractstandaarden art.
    /// 3.2): the same computation as a tariff; `rounding` replaces the scale and mode of
    /// tariff_rounding when given (e.g. whole euros), the chain stays the clause's.
    Schedule budget_schedule(const Money& budget, int base_year, int to_year, const IndexSeriesSet& series,
                             std::optional<RoundingPolicy> rounding = std::nullopt,
                             std::optional<int> first_contract_year = std::nullopt) const;
    Money index_budget(const Money& budget, int from_year, int to_year, const IndexSeriesSet& series,
                       std::optional<RoundingPolicy> rounding = std::nullopt,
                       std::optional<int> first_contract_year = std::nullopt) const;

    /// The catch-up that the rate of `year` would carry (over year - 1), settled instead as money
    /// on `turnover`, the turnover of year - 1. Needs only the figures of year - 1.
    CatchUpSettlement catch_up_amount(const Money& turnover, int year, const IndexSeriesSet& series,
                                      std::optional<int> first_contract_year = std::nullopt) const;

    /// The clause as stated (absent options stay absent); from_node(to_node()) gives an equal
    /// clause.
    io::Node to_node() const;

    friend bool operator==(const IndexationClause& a, const IndexationClause& b);
    friend bool operator!=(const IndexationClause& a, const IndexationClause& b) { return !(a == b); }

private:
    Schedule schedule_with(const Money& base, int base_year, int to_year, const IndexSeriesSet& series,
                           const TariffRounding& tr, std::optional<int> first_contract_year,
                           std::optional<Date> as_of = std::nullopt) const;

    Terms terms_;
};

}  // namespace zorginkoop
