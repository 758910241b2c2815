#pragma once
// A build-up and a realism check as text (Dutch or English), JSON and an SVG waterfall chart.

#include <string>

#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/report/report.hpp"
#include "zorginkoop/tariff/realism.hpp"

namespace zorginkoop {

/// Version of the JSON layout of build-ups and checks; raised on any incompatible change.
inline constexpr int tariff_json_schema_version = 1;

/// JSON: tariff (decimal string), total (unrounded), lines (line, amount, elements),
/// uncovered_elements, rounding, intermediate values; with a check, a `verdict` object.
/// The statutory basis is cited from `laws` (the bundled registry unless given), in `lang`.
std::string to_json(const CostModel& model, const BuildUp& build_up, const RealismCheck* check = nullptr,
                    Lang lang = Lang::nl, const LawRegistry& laws = bundled_laws());
/// A table with the element letters, the intermediate values and, with a check, the verdict.
std::string to_text(const CostModel& model, const BuildUp& build_up, const RealismCheck* check = nullptr,
                    Lang lang = Lang::nl, const LawRegistry& laws = bundled_laws());
/// The build-up as a waterfall: one bar per line, coloured by statutory element, ending in the
/// tariff (and the checked tariff, when given).
std::string to_svg(const CostModel& model, const BuildUp& build_up, const RealismCheck* check = nullptr,
                   Lang lang = Lang::nl);

/// Rule ids of the realism check's findings in a Report.
inline constexpr const char* tariff_realism_rule = "TARIFF-REALISM";
inline constexpr const char* tariff_band_rule = "TARIFF-BAND";

/// The realism check as a Report, for the report serialisers (to_text, to_json, to_sarif of
/// report/serialise.hpp): one TARIFF-REALISM finding with the verdict (message key
/// tariff.finding.<verdict>; info when realistic, warning when implausible, error when below cost
/// or when cost elements are missing), its evidence and the statutory basis of the cost elements;
/// then one TARIFF-BAND warning per parameter outside its plausibility band, at the parameter's
/// path in the model. Context: law, unit, price basis.
Report to_report(const CostModel& model, const RealismCheck& check);

}  // namespace zorginkoop
