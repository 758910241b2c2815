#pragma once
// The results of indexation computations, each with everything it rests on, so that a
// municipality can publish the derivation: the rate of a year (RateDerivation), a schedule of
// yearly tariffs (Schedule), and the catch-up settled as money (CatchUpSettlement).
// Percentages are Decimals in percent ("6.30" is 6.30 %); Rate values are fractions (0.063).

#include <optional>
#include <string>
#include <vector>

#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/money.hpp"
#include "zorginkoop/core/rate.hpp"
#include "zorginkoop/core/rounding.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/node.hpp"

namespace zorginkoop {

/// How last year's provisional figures are corrected (nacalculatie).
enum class CatchUp { none, multiplicative, additive };
/// Where the rate is rounded: the weighted provisional and the catch-up each (parts), their sum
/// once (total), or not at all (none).
enum class RateRoundingAt { parts, total, none };
/// Tariff rounding: every year's tariff rounded before the next year (yearly), or one product of
/// factors applied to the base tariff and rounded once (cumulative).
enum class TariffChain { yearly, cumulative };

/// The words of each vocabulary, as the clause format writes them.
inline constexpr EnumTable<CatchUp, 3> catch_up_table{
    {{{CatchUp::none, "none"}, {CatchUp::multiplicative, "multiplicative"}, {CatchUp::additive, "additive"}}}};
inline constexpr EnumTable<RateRoundingAt, 3> rate_rounding_at_table{
    {{{RateRoundingAt::parts, "parts"}, {RateRoundingAt::total, "total"}, {RateRoundingAt::none, "none"}}}};
inline constexpr EnumTable<TariffChain, 2> tariff_chain_table{
    {{{TariffChain::yearly, "yearly"}, {TariffChain::cumulative, "cumulative"}}}};

inline const char* catch_up_name(CatchUp c) noexcept { return catch_up_table.name(c); }
inline const char* rate_rounding_at_name(RateRoundingAt a) noexcept { return rate_rounding_at_table.name(a); }
inline const char* tariff_chain_name(TariffChain c) noexcept { return tariff_chain_table.name(c); }

/// rate_rounding of a clause. `scale` counts decimals of the percentage: scale 2 rounds 6.294 %
/// to 6.29 %.
struct RateRounding {
    RateRoundingAt at = RateRoundingAt::none;
    int scale = 2;
    RoundingMode mode = RoundingMode::half_up;
    friend bool operator==(const RateRounding& a, const RateRounding& b) {
        return a.at == b.at && a.scale == b.scale && a.mode == b.mode;
    }
    friend bool operator!=(const RateRounding& a, const RateRounding& b) { return !(a == b); }
};

/// tariff_rounding of a clause: scale and mode of the tariff (or budget), and the chain.
struct TariffRounding {
    TariffChain chain = TariffChain::yearly;
    int scale = 2;
    RoundingMode mode = RoundingMode::half_up;
    RoundingPolicy policy() const { return RoundingPolicy(mode, scale); }
    friend bool operator==(const TariffRounding& a, const TariffRounding& b) {
        return a.chain == b.chain && a.scale == b.scale && a.mode == b.mode;
    }
    friend bool operator!=(const TariffRounding& a, const TariffRounding& b) { return !(a == b); }
};

/// A series figure a computation used, with everything needed to cite it.
struct UsedFigure {
    std::string series;
    int year = 0;
    IndexStatus status = IndexStatus::provisional;
    Decimal percent;
    std::string source;
    std::optional<Date> published;
    std::string note;
    bool conflicting = false;  // the sources disagree on this figure (see IndexFigure)
    /// Set by a computation with a reference date (mark_overdue): the day the definitive figure
    /// of this year was due by the series' calendar, for a provisional figure whose definitive
    /// figure is absent from the series; and whether that day is on or before the reference
    /// date (the definitive figure should have been published, and the series lacks it).
    std::optional<Date> definitive_due;
    bool definitive_overdue = false;
};

/// Whether any of `figures` is a provisional figure whose definitive figure is overdue.
inline bool uses_overdue_provisional_figures(const std::vector<UsedFigure>& figures) noexcept {
    for (const UsedFigure& f : figures)
        if (f.definitive_overdue) return true;
    return false;
}

/// Whether any of `figures` is one on which the sources disagree.
inline bool uses_conflicting_figures(const std::vector<UsedFigure>& figures) noexcept {
    for (const UsedFigure& f : figures)
        if (f.conflicting) return true;
    return false;
}

/// One component of the rate: its weight and the figures and terms it contributed (percent).
struct ComponentDerivation {
    std::string series;
    Decimal weight;
    std::optional<Decimal> provisional_percent;           // prov(t) (absent in a settlement)
    std::optional<Decimal> weighted_provisional_percent;  // w x prov(t)
    std::optional<Decimal> previous_provisional_percent;       // prov(t-1), when the catch-up applies
    std::optional<Decimal> previous_definitive_percent;        // def(t-1), when the catch-up applies
    std::optional<Decimal> catch_up_factor_minus_one_percent;  // (1+def)/(1+prov) - 1 (multiplicative)
    std::optional<Decimal> catch_up_term_percent;              // the component's share of C
};

/// The rate of one year with its full derivation. The rate of year t applies on the clause's
/// effective date in t to the tariff of t-1.
struct RateDerivation {
    int year = 0;
    Date effective;                    // the clause's effective day in `year`
    CatchUp catch_up_method = CatchUp::none;
    bool catch_up_applied = false;
    /// Why no catch-up was applied: "" (it was), "none" (the clause has none), or
    /// "first_contract_year" (no catch-up over the first contract year).
    std::string catch_up_skipped;
    std::optional<int> first_contract_year;
    RateRounding rounding;

    /// As used in the rate: rounded to the scale with `at: parts`, full precision otherwise.
    Decimal weighted_provisional_percent;
    Decimal catch_up_percent;
    /// The rate in percent, rounded per `rounding`.
    Decimal rate_percent;
    Decimal unrounded_weighted_provisional_percent;
    Decimal unrounded_catch_up_percent;
    Decimal unrounded_rate_percent;

    std::vector<ComponentDerivation> components;
    /// Every figure used, in the order used: prov(t) per component, then per component
    /// prov(t-1) and def(t-1) when the catch-up applies.
    std::vector<UsedFigure> figures;
    /// The reference date the figures were judged on (mark_overdue), when one was given.
    std::optional<Date> as_of;

    int catch_up_over_year() const noexcept { return year - 1; }
    /// The rate as a fraction (rate_percent / 100).
    Rate rate() const { return Rate::from_percent(rate_percent); }
    /// 1 + rate.
    Decimal factor() const { return Decimal(1) + rate().value(); }
    /// Whether the rate rests on a figure on which the sources disagree.
    bool uses_conflicting_figures() const noexcept { return zorginkoop::uses_conflicting_figures(figures); }
    /// Whether the rate rests on a provisional figure whose definitive figure should have been
    /// published by `as_of` and is not in the series (false without a reference date).
    bool uses_overdue_provisional_figures() const noexcept {
        return zorginkoop::uses_overdue_provisional_figures(figures);
    }
    /// The tree of the derivation; `as_of`, `uses_overdue_provisional_figures` and, per figure,
    /// `definitive_due` and `definitive_overdue` are present only with a reference date.
    io::Node to_node() const;
};

/// Marks the provisional figures of `d` whose definitive figure is absent from `set` with the
/// day it was due (series with a `definitive_due` calendar) and whether that day is on or
/// before `as_of`; sets d.as_of. A series not in the set is left unmarked.
void mark_overdue(RateDerivation& d, const IndexSeriesSet& set, const Date& as_of);

/// One year of a schedule: the rate of that year and the tariff it gives.
struct ScheduleRow {
    int year = 0;
    RateDerivation rate;
    Decimal factor;           // 1 + rate of this year
    Decimal cumulative_factor;  // product of the factors from the base year to this year
    Money unrounded_tariff;   // before tariff rounding
    Money tariff;
};

/// The tariffs of one product (or a budget) for every year after the base year.
struct Schedule {
    int base_year = 0;
    Money base_tariff;
    TariffRounding rounding;
    std::optional<int> first_contract_year;
    std::vector<ScheduleRow> rows;  // base_year + 1 .. to_year

    int to_year() const noexcept { return rows.empty() ? base_year : rows.back().year; }
    /// The tariff of the last year (the base tariff when there are no rows).
    const Money& final_tariff() const noexcept { return rows.empty() ? base_tariff : rows.back().tariff; }
    /// The tariff of `year` (base_year .. to_year); InvalidInput outside.
    const Money& tariff(int year) const;
    io::Node to_node() const;
};

/// The catch-up over `over_year` settled as money on a turnover of that year, instead of through
/// the rate of `year` = over_year + 1.
struct CatchUpSettlement {
    int year = 0;
    int over_year = 0;
    CatchUp method = CatchUp::none;
    bool applied = false;
    std::string skipped;  // "", "none" or "first_contract_year" (see RateDerivation)
    Money turnover;
    Decimal unrounded_catch_up_percent;
    /// The percentage settled: rounded to the clause's rate_rounding scale and mode (unless
    /// `at: none`).
    Decimal catch_up_percent;
    Money unrounded_amount;
    /// turnover x catch_up_percent / 100, rounded per the clause's tariff_rounding scale and mode.
    /// Positive: the provider is owed; negative: the provider owes.
    Money amount;
    RoundingPolicy amount_rounding;
    std::vector<ComponentDerivation> components;
    std::vector<UsedFigure> figures;
    /// Whether the amount rests on a figure on which the sources disagree.
    bool uses_conflicting_figures() const noexcept { return zorginkoop::uses_conflicting_figures(figures); }
    io::Node to_node() const;
};

}  // namespace zorginkoop
