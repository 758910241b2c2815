#pragma once
// A build-up and a realism check as text (Dutch or English), JSON and an SVG waterfall chart.

#include <string>

#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/tariff/realism.hpp"

namespace zorginkoop {

/// Version of the JSON layout of build-ups and checks; raised on any incompatible change.
inline constexpr int tariff_json_schema_version = 1;

/// JSON: tariff (decimal string), total (unrounded), lines (line, amount, elements),
/// uncovered_elements, rounding, intermediate values; with a check, a `verdict` object.
std::string to_json(const CostModel& model, const BuildUp& build_up, const RealismCheck* check = nullptr);
/// A table with the element letters, the intermediate values and, with a check, the verdict.
std::string to_text(const CostModel& model, const BuildUp& build_up, const RealismCheck* check = nullptr,
                    Lang lang = Lang::nl);
/// The build-up as a waterfall: one bar per line, coloured by statutory element, ending in the
/// tariff (and the checked tariff, when given).
std::string to_svg(const CostModel& model, const BuildUp& build_up, const RealismCheck* check = nullptr,
                   Lang lang = Lang::nl);

}  // namespace zorginkoop
