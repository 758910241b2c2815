#pragma once
// The tariff build-up of docs/cost-model.md: every line with its amount and the statutory cost
// elements it covers for the model's law, the intermediate values, and the rounding used.

#include <optional>
#include <string>
#include <vector>

#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/law/legal_ref.hpp"
#include "zorginkoop/tariff/cost_model.hpp"

namespace zorginkoop {

enum class CostLine {
    professional,
    non_productive,
    travel,
    training,
    municipal_obligations,
    client_bound_other,
    overhead,
    risk_margin,
    indexation,
};

const char* cost_line_name(CostLine line) noexcept;

/// A cost element a price must at least be based on: Uitvoeringsbesluit Wmo 2015 art. 5.4 lid 1
/// a-f (from 2024-07-01) or Besluit Jeugdwet art. 2.3 lid 1 a-d (from 2024-07-01).
struct StatutoryElement {
    char letter;
    const char* nl;
    const char* en;
};

const std::vector<StatutoryElement>& statutory_elements(Law law);
/// The article the elements come from, as a citation (version 2024-07-01), from `laws`.
LegalRef statutory_basis(Law law, const LawRegistry& laws = bundled_laws());
/// The letters of the elements a line covers under `law` (docs/cost-model.md); empty for lines that
/// are allowed extras (risk margin; client-bound other costs under the Wmo).
std::string elements_of(CostLine line, Law law);
/// The letters of the elements the model states explicitly (a value of zero counts; a field left
/// out does not). Wmo d (travel and training costs) needs both travel and training.
std::string covered_elements(const CostModel& model);

struct BuildUpLine {
    CostLine line;
    Money amount;
    std::string elements;  // letters, e.g. "a" or "d"
};

struct BuildUp {
    Law law = Law::jeugdwet;
    ijw::Unit unit = ijw::Unit::uur;
    std::vector<BuildUpLine> lines;
    Money direct_cost;                   // the sum of the lines before overhead
    Money total;                         // unrounded (for the minute unit: the hourly total)
    Money tariff;                        // rounded per the model's rounding; per minute for unit 01
    std::optional<Money> hourly_tariff;  // unit 01: the rounded hourly tariff the minute tariff comes from
    Money annual_cost_per_fte;           // L_mix
    std::vector<Money> staff_annual_costs;  // L_i per staff line
    Decimal annual_hours;
    Decimal productive_hours;            // P
    Rate productivity;                   // P / annual
    Money professional_per_hour;         // L_mix / annual
    Money non_productive_per_hour;       // K − professional
    Money cost_per_productive_hour;      // K = L_mix / P
    Decimal hours_per_unit;              // h
    std::string covered_elements;
    std::string uncovered_elements;
    BuildUpRounding rounding;

    const BuildUpLine* find(CostLine line) const {
        for (const auto& l : lines)
            if (l.line == line) return &l;
        return nullptr;
    }
};

/// The build-up of a model. Cannot fail on a model read by CostModel's readers (they validate)
/// except with Overflow, when an amount leaves the exact range of Decimal; the Overflow names the
/// part of the model it comes from (`staff[0].monthly_salary`, `hours`, `overhead.rate`), after
/// `path` when given (the model's own path, e.g. `lots[0].products[2].cost_model`). A model built
/// in code with impossible values gives InvalidInput.
BuildUp build_up(const CostModel& model, const std::string& path = {});

/// The annual hours per FTE of a model: annual_hours, or hours_per_week × weeks_per_year
/// (default 52 1/6, i.e. hours_per_week × 313 / 6).
Decimal annual_hours(const Hours& hours);

}  // namespace zorginkoop
