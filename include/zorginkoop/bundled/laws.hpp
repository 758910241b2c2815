#pragma once
// The law data read from YAML, and the law data bundled with the library: the registry of the laws
// the library cites (data/law/laws.yaml) and the royal decrees that assimilate days with public
// holidays for the Algemene termijnenwet, art. 3 lid 3 (data/law/holidays.yaml). law/registry.hpp
// and core/holidays.hpp hold the values; this unit, above io and law, does the reading.

#include <string>

#include "zorginkoop/core/holidays.hpp"
#include "zorginkoop/law/registry.hpp"

namespace zorginkoop {

namespace io {
class Node;
}

/// Reads a law list (data/law/laws.yaml format, `zorginkoop_laws: 1`). Unknown keys, bad dates,
/// an unknown kind, or a key, id or version name listed twice are a ParseError / InvalidInput
/// naming the path.
LawRegistry law_registry_from_node(const io::Node& node, const std::string& source = {});

/// The bundled data/law/laws.yaml: the laws the procurement rules cite, the Algemene
/// termijnenwet, the judgments and the guidance the rules cite. Read once per process
/// (thread-safe initialisation) and immutable afterwards.
const LawRegistry& bundled_laws();

/// Reads a decree list (data/law/holidays.yaml format, `zorginkoop_holiday_decrees: 1`). Unknown
/// keys, bad dates, a key listed twice, a decree without days or a day listed twice are a
/// ParseError / InvalidInput naming the path.
HolidayCalendar holiday_calendar_from_node(const io::Node& node, const std::string& source = {});

/// The bundled decrees (data/law/holidays.yaml): read once per process, immutable afterwards.
const HolidayCalendar& bundled_holiday_calendar();

}  // namespace zorginkoop
