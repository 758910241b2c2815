#pragma once
// Presentation of indexation results: readable text (Dutch or English, from the message
// catalogues) and an SVG step chart of a schedule's tariffs over the years. Numbers are written
// as exact decimal strings.

#include <string>

#include "zorginkoop/indexation/derivation.hpp"
#include "zorginkoop/law/registry.hpp"

namespace zorginkoop {

/// The derivation of a rate as text: the figures used with their sources, the weighted
/// provisional, the catch-up per component, the rounding and the rate.
std::string rate_text(const RateDerivation& d, Lang lang);
/// A schedule as text: the base tariff and one line per year (rate, tariff).
std::string schedule_text(const Schedule& s, Lang lang);
/// A standalone SVG document (XML): the tariff per year as a step chart, with axes, year labels
/// and the exact tariffs as labels. `title` is escaped.
std::string schedule_svg(const Schedule& s, const std::string& title, Lang lang);

}  // namespace zorginkoop
