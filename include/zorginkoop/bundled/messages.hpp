#pragma once
// The message catalogues read from YAML, and the catalogues bundled with the library
// (data/messages/<part>.<lang>.yaml). core/i18n.hpp holds the catalogue itself (plain values);
// this unit, above core and io, does the reading.

#include <string>
#include <string_view>

#include "zorginkoop/core/i18n.hpp"

namespace zorginkoop {

/// Parse a catalogue: a YAML mapping `key: template` (nested mappings join keys with dots). A key
/// defined twice, or a value that is neither a text nor a mapping, is a ParseError naming the path.
MessageCatalogue read_message_catalogue(std::string_view yaml, Lang lang, const std::string& source = {});

/// The catalogue compiled into the library: every data/messages/<part>.<lang>.yaml merged
/// (a key defined twice is a ParseError). Read once per language and process (thread-safe
/// initialisation) and immutable afterwards.
const MessageCatalogue& bundled_messages(Lang lang);

}  // namespace zorginkoop
