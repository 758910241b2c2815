// User text made safe for a terminal and for XML (declared in zorginkoop/report/serialise.hpp).
// Names, paths, notes and other strings from a user's files are shown as they are, except the
// characters that can move the cursor, rewrite the screen or break an XML document: those are
// written out as visible escapes, \x1b for a byte or a C0 control, \u009b for a code point.

#include <cstddef>
#include <string>
#include <string_view>

#include "zorginkoop/report/serialise.hpp"

namespace zorginkoop {
namespace {

/// Length of the well-formed UTF-8 sequence that starts at s[i], with its code point in `cp`;
/// 0 when the bytes there are not well-formed UTF-8 (a stray continuation byte, an overlong form,
/// an encoded surrogate, a code point beyond U+10FFFF or a truncated sequence).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    std::size_t n = 0;
    if (lead < 0x80) {
        cp = lead;
        return 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        n = 2;
        cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        cp = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        cp = lead & 0x07u;
    } else {
        return 0;
    }
    if (s.size() - i < n) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0u) != 0x80u) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/// Code points never shown as they are: C0 controls (NUL, BEL, BS, TAB, LF, CR, ESC, ...), DEL,
/// C1 controls (U+0080-U+009F, CSI U+009B among them), the noncharacters U+FFFE and U+FFFF
/// (not XML characters), the line and paragraph separators U+2028 and U+2029 (which break a
/// line in many viewers and editors), and the bidirectional formatting characters of Unicode
/// (UAX #9): the marks U+200E, U+200F and U+061C and the embedding, override and isolate controls
/// U+202A-U+202E and U+2066-U+2069, which reorder what a reader sees on the line.
bool is_unsafe(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x200E || cp == 0x200F || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

void append_hex(std::string& out, unsigned long value, int digits) {
    static const char hex[] = "0123456789abcdef";
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += hex[(value >> shift) & 0xFu];
}

/// `text` with every unsafe code point and every byte that is not well-formed UTF-8 written as a
/// visible escape; everything else is copied unchanged.
template <class Append>
void escape_unsafe(std::string_view text, Append&& append_safe, std::string& out) {
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = 0;
        const std::size_t n = decode_utf8(text, i, cp);
        if (n == 0) {  // a byte that is not UTF-8
            out += "\\x";
            append_hex(out, static_cast<unsigned char>(text[i]), 2);
            ++i;
            continue;
        }
        if (!is_unsafe(cp)) {
            append_safe(out, text.substr(i, n));
        } else if (cp < 0x80) {
            out += "\\x";
            append_hex(out, cp, 2);
        } else {
            out += "\\u";
            append_hex(out, cp, 4);
        }
        i += n;
    }
}

}  // namespace

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    escape_unsafe(text, [](std::string& o, std::string_view part) { o += part; }, out);
    return out;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    escape_unsafe(
        text,
        [](std::string& o, std::string_view part) {
            if (part.size() != 1) {
                o += part;
                return;
            }
            switch (part[0]) {
                case '&': o += "&amp;"; break;
                case '<': o += "&lt;"; break;
                case '>': o += "&gt;"; break;
                case '"': o += "&quot;"; break;
                case '\'': o += "&apos;"; break;
                default: o += part[0];
            }
        },
        out);
    return out;
}

}  // namespace zorginkoop
