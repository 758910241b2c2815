#pragma once
// The two statutes under which care is bought: Jeugdwet (youth care) and Wmo 2015 (social support).

#include <string>
#include <string_view>

#include "zorginkoop/core/enum_table.hpp"
#include "zorginkoop/core/error.hpp"

namespace zorginkoop {

enum class Law { jeugdwet, wmo2015 };

/// The words of the two laws, as every format writes them (`law: jeugdwet`).
inline constexpr EnumTable<Law, 2> law_table{{{{Law::jeugdwet, "jeugdwet"}, {Law::wmo2015, "wmo2015"}}}};

inline constexpr const char* law_name(Law l) noexcept { return law_table.name(l); }

inline Law parse_law(std::string_view s) {
    if (auto l = law_table.find(s)) return *l;
    throw InvalidInput("unknown law '" + std::string(s) + "' (expected " + law_table.alternatives() + ")");
}

}  // namespace zorginkoop
