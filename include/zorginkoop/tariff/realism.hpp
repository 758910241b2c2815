#pragma once
// The realism check of docs/cost-model.md: is a tariff a reële prijs against a cost model?
// Also the plausibility bands (rule PRICE-007), bundled as data and overridable.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "zorginkoop/tariff/build_up.hpp"
#include "zorginkoop/tariff/price_basis.hpp"

namespace zorginkoop {

enum class Verdict { realistic, below_cost, elements_missing, implausible };

/// The words of the verdicts, as the outputs write them.
inline constexpr EnumTable<Verdict, 4> verdict_table{{{{Verdict::realistic, "realistic"},
                                                       {Verdict::below_cost, "below_cost"},
                                                       {Verdict::elements_missing, "elements_missing"},
                                                       {Verdict::implausible, "implausible"}}}};

inline const char* verdict_name(Verdict v) noexcept { return verdict_table.name(v); }

struct PlausibilityBand {
    std::string parameter;  // holiday_pay, year_end_bonus, employer_charges, productivity,
                            // overhead_rate, risk_margin_rate, leave_hours
    std::optional<Decimal> min, max;  // inclusive
    std::string source;
    std::string basis;
    bool confirmed = false;                   // false: a library default, not a published norm
    std::vector<std::string> applies_to_cao;  // empty: every CAO
    std::string condition;                    // "36 hours per week"
    std::string note;
};

struct PlausibilityBands {
    std::string id;
    int year = 0;
    std::vector<PlausibilityBand> bands;
    /// The bands as the check reads them (parameter, working week of the condition, CAO names),
    /// made once by the readers and overridden_by; out_of_band resolves bands made or changed in
    /// code itself.
    struct Resolved;
    std::shared_ptr<const Resolved> resolved;

    /// The bands bundled with the library (data/bands/default.yaml), read once per process.
    static const PlausibilityBands& bundled();
    static PlausibilityBands from_node(const io::Node& node, const std::string& source = {});
    static PlausibilityBands load(const std::string& file);
    /// These bands with every band of `other` replacing the band of the same parameter (or added).
    PlausibilityBands overridden_by(const PlausibilityBands& other) const;
};

/// A model parameter outside its band.
struct OutOfBand {
    std::string parameter;
    std::string path;  // where in the model: "staff[0].holiday_pay", "hours" (derived productivity)
    Decimal value;
    PlausibilityBand band;
};

/// The band as text: ">= 0.08", "<= 0.25" or ">= 0.65, <= 0.85".
std::string band_range(const PlausibilityBand& band);

std::vector<OutOfBand> out_of_band(const CostModel& model, const BuildUp& build_up, const PlausibilityBands& bands);

/// Values at which the tariff would exactly cover the cost (intermediate rounding ignored).
struct BreakEven {
    std::optional<Rate> productivity;      // productive / annual hours
    std::optional<Decimal> productive_hours;
    std::optional<Rate> overhead_rate;     // in the model's convention (markup when it has none)
    std::optional<Decimal> salary_factor;  // every monthly salary times this
    std::vector<Money> monthly_salaries;   // per staff line
};

BreakEven break_even(const Money& tariff, const CostModel& model, const BuildUp& build_up);

struct RealismCheck {
    Verdict verdict = Verdict::realistic;
    PriceBasis basis = PriceBasis::floor;
    Money tariff;
    Money cost_price;   // the model's rounded tariff
    Money gap;          // tariff − cost price (negative: below cost)
    Decimal gap_percent;  // gap / cost price × 100 (18 digits; round for display)
    std::string uncovered_elements;
    std::vector<OutOfBand> out_of_band;
    BreakEven break_even;
    BuildUp build_up;
};

/// Check a tariff against a cost model. The verdict: fixed and floor — realistic when the tariff is
/// at least the cost price, else below_cost (the law asks that the price be based at least on the
/// cost elements, so a fixed tariff above the cost price is realistic, as in PRICE-006);
/// substantiated — elements_missing when an element is not stated, else implausible when a
/// parameter is outside its band, else below_cost / realistic as for floor. Uncovered elements
/// and out-of-band parameters are reported whatever the basis.
RealismCheck check_tariff(const Money& tariff, const CostModel& model, PriceBasis basis,
                          const PlausibilityBands& bands);
RealismCheck check_tariff(const Money& tariff, const CostModel& model, PriceBasis basis);

}  // namespace zorginkoop
