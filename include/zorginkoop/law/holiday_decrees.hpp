#pragma once
// The royal decrees that assimilate days with public holidays for the Algemene termijnenwet
// (art. 3 lid 3), read from their data file (data/law/holidays.yaml, bundled with the library).

#include <string>

#include "zorginkoop/core/holidays.hpp"

namespace zorginkoop {

namespace io {
class Node;
}

/// Reads a decree list (data/law/holidays.yaml format, `zorginkoop_holiday_decrees: 1`). Unknown
/// keys, bad dates, a key listed twice, a decree without days or a day listed twice are a
/// ParseError / InvalidInput naming the path.
HolidayCalendar holiday_calendar_from_node(const io::Node& node, const std::string& source = {});

/// The bundled decrees (data/law/holidays.yaml): read once per process, immutable afterwards.
const HolidayCalendar& bundled_holiday_calendar();

}  // namespace zorginkoop
