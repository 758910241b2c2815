#pragma once
// Finding: one observation of a rule about a document or a tariff, with the law it rests on.
// Non-compliance is a Finding, never an exception.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zorginkoop/core/enum_table.hpp"
#include "zorginkoop/core/error.hpp"
#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/core/location.hpp"
#include "zorginkoop/law/legal_ref.hpp"

namespace zorginkoop {

/// error: a statute, AMvB, regulation, directive or binding ruling is violated;
/// warning: guidance is not followed or a legal risk is present; info: a fact to know.
enum class Severity { info, warning, error };

/// The words of the severities, as the outputs write them.
inline constexpr EnumTable<Severity, 3> severity_table{
    {{{Severity::info, "info"}, {Severity::warning, "warning"}, {Severity::error, "error"}}}};

inline const char* severity_name(Severity s) noexcept { return severity_table.name(s); }
inline Severity parse_severity(std::string_view s) {
    if (auto v = severity_table.find(s)) return *v;
    throw InvalidInput("unknown severity '" + std::string(s) + "' (expected " + severity_table.alternatives() + ")");
}

// Fields (ordered name → value pairs) is declared in core/i18n.hpp.

struct Finding {
    std::string rule;         // stable rule id, e.g. "SAS-003"
    Severity severity = Severity::info;
    std::string message_key;  // key in the message catalogues (nl, en)
    Fields params;            // values filled into the message
    std::vector<Location> locations;
    Fields evidence;          // the values the finding rests on
    std::vector<LegalRef> citations;

    /// The message in `lang`, from the bundled catalogue (core/i18n.hpp; built once per
    /// language and process). An unknown key or a placeholder without a parameter is an
    /// InvalidInput. For a catalogue of your own: MessageCatalogue::render(message_key, params).
    std::string message(Lang lang) const;
};

}  // namespace zorginkoop
