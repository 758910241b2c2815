#pragma once
// The languages the library speaks (Dutch, English): every message, rule title, law label and
// report is available in both. Message texts are in the bundled catalogues
// (data/messages/<part>.<lang>.yaml, report/messages.hpp); a finding renders itself with
// Finding::message(Lang).

#include <string>
#include <string_view>

#include "zorginkoop/core/error.hpp"

namespace zorginkoop {

enum class Lang { nl, en };

/// "nl" or "en"; anything else is an InvalidInput.
inline Lang parse_lang(std::string_view s) {
    if (s == "nl") return Lang::nl;
    if (s == "en") return Lang::en;
    throw InvalidInput("unknown language '" + std::string(s) + "' (expected nl or en)");
}
inline const char* lang_name(Lang l) noexcept { return l == Lang::nl ? "nl" : "en"; }

}  // namespace zorginkoop
