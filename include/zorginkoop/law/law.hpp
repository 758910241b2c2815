#pragma once
// The two statutes under which care is bought: Jeugdwet (youth care) and Wmo 2015 (social support).

#include <string>
#include <string_view>

#include "zorginkoop/core/error.hpp"

namespace zorginkoop {

enum class Law { jeugdwet, wmo2015 };

inline const char* law_name(Law l) noexcept { return l == Law::jeugdwet ? "jeugdwet" : "wmo2015"; }

inline Law parse_law(std::string_view s) {
    if (s == "jeugdwet") return Law::jeugdwet;
    if (s == "wmo2015") return Law::wmo2015;
    throw InvalidInput("unknown law '" + std::string(s) + "' (expected jeugdwet or wmo2015)");
}

}  // namespace zorginkoop
