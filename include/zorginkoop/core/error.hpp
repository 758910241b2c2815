#pragma once
// The typed error hierarchy. Exceptions are for misuse and unreadable input; non-compliance of a
// procurement document is a Finding in a Report, never an exception. Each class has a stable code
// (error_code_name) that tests and the Python layer rely on; messages may change, codes do not.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "zorginkoop/core/location.hpp"

namespace zorginkoop {

enum class ErrorCode { invalid_input, parse_error, missing_data, ambiguous_date, overflow };

/// Stable machine-readable name of an error code ("invalid_input", "parse_error", ...).
inline const char* error_code_name(ErrorCode code) noexcept {
    switch (code) {
        case ErrorCode::invalid_input: return "invalid_input";
        case ErrorCode::parse_error: return "parse_error";
        case ErrorCode::missing_data: return "missing_data";
        case ErrorCode::ambiguous_date: return "ambiguous_date";
        case ErrorCode::overflow: return "overflow";
    }
    return "unknown";
}

namespace detail {
/// Decodes the UTF-8 sequence at text[i] into `cp` and returns its length (1 to 4), or 0 when the
/// bytes there are not well-formed UTF-8 (overlong forms, surrogates and values above U+10FFFF
/// included).
inline std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1Fu;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0Fu;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07u;
        min = 0x10000;
    } else {
        return 0;
    }
    if (text.size() - i < len) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

/// True for a character that can stand as itself in a message or a YAML plain or double-quoted
/// scalar: YAML's printable set (YAML 1.2 §5.1, as libyaml's reader applies it) without the
/// tab, the line breaks (U+0085, U+2028, U+2029) and the byte-order mark U+FEFF.
inline bool is_printable(char32_t cp) noexcept {
    if (cp >= 0x20 && cp <= 0x7E) return true;
    if (cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF) return false;
    return (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/// `text` in single quotes for an error message: whole UTF-8 characters only (at most
/// `max_chars`, then "..."), control and other non-printable characters as \n, \t, \r or
/// \uXXXX, and bytes that are not UTF-8 as \xNN, so a message is always valid UTF-8.
inline std::string quote_text(std::string_view text, std::size_t max_chars = 64) {
    static const char* hex = "0123456789ABCDEF";
    std::string out = "'";
    std::size_t chars = 0, i = 0;
    while (i < text.size()) {
        if (chars == max_chars) {
            out += "...";
            break;
        }
        char32_t cp = 0;
        const std::size_t len = decode_utf8(text, i, cp);
        ++chars;
        if (len == 0) {
            const auto b = static_cast<unsigned char>(text[i]);
            out += "\\x";
            out += hex[b >> 4];
            out += hex[b & 15];
            ++i;
            continue;
        }
        if (is_printable(cp)) {
            out.append(text.substr(i, len));
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\r') {
            out += "\\r";
        } else {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 15];
        }
        i += len;
    }
    return out + "'";
}

/// The whole UTF-8 character at text[i] (one byte when the bytes there are not UTF-8).
inline std::string_view utf8_char_at(std::string_view text, std::size_t i) noexcept {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    return text.substr(i, len == 0 ? 1 : len);
}

inline std::string format_error(const std::string& message, const Location& at) {
    std::string out;
    if (!at.source.empty()) out += at.source;
    if (at.line != 0) {
        if (!out.empty()) out += ':';
        out += std::to_string(at.line);
        if (at.column != 0) out += ':' + std::to_string(at.column);
    }
    if (!out.empty()) out += ": ";
    if (!at.path.empty()) out += at.path + ": ";
    return out + message;
}
}  // namespace detail

/// Base of every exception the library throws on purpose.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, std::string message, Location where = {})
        : std::runtime_error(detail::format_error(message, where)),
          code_(code),
          message_(std::move(message)),
          where_(std::move(where)) {}

    ErrorCode code() const noexcept { return code_; }
    const char* code_name() const noexcept { return error_code_name(code_); }
    /// The message without the location prefix.
    const std::string& message() const noexcept { return message_; }
    const Location& where() const noexcept { return where_; }
    const std::string& path() const noexcept { return where_.path; }
    std::size_t line() const noexcept { return where_.line; }
    std::size_t column() const noexcept { return where_.column; }

private:
    ErrorCode code_;
    std::string message_;
    Location where_;
};

/// A value that is well-formed but not allowed (negative salary, shares not summing to 1, an
/// unknown law id, division by zero).
class InvalidInput : public Error {
public:
    explicit InvalidInput(std::string message, Location where = {})
        : Error(ErrorCode::invalid_input, std::move(message), std::move(where)) {}
};

/// Input that cannot be read: malformed YAML or JSON, an unknown or duplicate key, a value of the
/// wrong type. Always names the path, and line/column where the reader knows them.
class ParseError : public Error {
public:
    explicit ParseError(std::string message, Location where = {})
        : Error(ErrorCode::parse_error, std::move(message), std::move(where)) {}
};

/// A figure that is needed but not available (an index figure not yet published).
class MissingData : public Error {
public:
    MissingData(std::string message, std::string series, int year, std::string status,
                Location where = {})
        : Error(ErrorCode::missing_data, std::move(message), std::move(where)),
          series_(std::move(series)),
          year_(year),
          status_(std::move(status)) {}

    const std::string& series() const noexcept { return series_; }
    int year() const noexcept { return year_; }
    const std::string& status() const noexcept { return status_; }

private:
    std::string series_;
    int year_;
    std::string status_;
};

/// A date computation without a single right answer under the chosen policy (month arithmetic
/// landing on a day that does not exist with EndOfMonth::refuse).
class AmbiguousDate : public Error {
public:
    explicit AmbiguousDate(std::string message, Location where = {})
        : Error(ErrorCode::ambiguous_date, std::move(message), std::move(where)) {}
};

/// A value outside the exact range of the library's numbers. Never wraps.
class Overflow : public Error {
public:
    explicit Overflow(std::string message, Location where = {})
        : Error(ErrorCode::overflow, std::move(message), std::move(where)) {}
};

}  // namespace zorginkoop
