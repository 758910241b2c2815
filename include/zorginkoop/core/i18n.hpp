#pragma once
// The languages the library speaks (Dutch, English) and the message catalogues that render its texts:
// every message, rule title, law label and report is available in both. A catalogue is plain values
// (message keys with {name} placeholders); core reads no files. The bundled catalogues are data files
// (data/messages/<part>.<lang>.yaml) compiled into the library and read by bundled/messages.hpp
// (bundled_messages). A finding renders itself with Finding::message(Lang).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

/// Ordered name → value pairs; values are text (money and rates as exact decimal strings, dates ISO).
using Fields = std::vector<std::pair<std::string, std::string>>;

class MessageCatalogue {
public:
    MessageCatalogue() = default;
    /// A catalogue of `lang` from its entries (key, template), in any order; a key listed twice is
    /// a ParseError at that key in `source`. (Reading one from YAML: read_message_catalogue in
    /// bundled/messages.hpp.)
    MessageCatalogue(Lang lang, std::vector<std::pair<std::string, std::string>> entries, const std::string& source = {});

    Lang lang() const noexcept { return lang_; }
    bool contains(std::string_view key) const;
    /// The template; InvalidInput for an unknown key.
    const std::string& text(std::string_view key) const;
    /// The template with every {name} replaced by its parameter; a placeholder without a
    /// parameter is an InvalidInput (a message is never shown half filled). A parameter whose
    /// value is a word of the formats (an enum name such as `fixed`) is shown as the catalogue's
    /// `value.<name>.<value>` when there is one (value_text).
    std::string render(std::string_view key, const Fields& params) const;
    /// The text of value `value` of parameter (or report context key) `name`: the entry
    /// `value.<name>.<value>`, else `value.any.<value>` (true, false), else the value itself.
    std::string value_text(std::string_view name, const std::string& value) const;
    std::vector<std::string> keys() const;
    /// The placeholders a template uses, in order of appearance.
    static std::vector<std::string> placeholders(std::string_view text);

private:
    Lang lang_ = Lang::nl;
    std::vector<std::pair<std::string, std::string>> entries_;  // sorted by key
};


}  // namespace zorginkoop
