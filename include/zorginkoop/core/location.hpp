#pragma once
// Location: one place in an input, used by errors (Error::where()), findings (Finding::locations)
// and the readers. Position is its line/column part, the only part every io::Node carries.
//
// A Location is built only through named steps, so that fields of the same or convertible types
// cannot be swapped silently (a literal 0 converts to a string):
//
//   Location::at("lots[0].tariff").in("doc.yaml").on(node.mark())
//   Location::at("award.date").line_col(12, 3)
//   Location{}.in("messages")
//
// Brace forms with the fields in some order (`Location{"x", 0, 0, "doc.yaml"}`) do not compile.

#include <cstddef>
#include <string>
#include <utility>

namespace zorginkoop {

/// A line and column in a text input, both 1-based; 0 when unknown.
struct Position {
    std::size_t line = 0;
    std::size_t column = 0;

    friend bool operator==(const Position& a, const Position& b) noexcept {
        return a.line == b.line && a.column == b.column;
    }
    friend bool operator!=(const Position& a, const Position& b) noexcept { return !(a == b); }
};

/// Where in an input something was found: `source` names the input (a file name; empty for
/// in-memory input), `path` is a document path such as `lots[1].products[3].tariff`, and the
/// Position part (`line`, `column`, 1-based, 0 when unknown) is where the reader saw it.
class Location : public Position {
public:
    /// Nowhere known: no source, no path, line and column 0.
    Location() noexcept {}

    /// At a document path, in no named source, with no line and column.
    static Location at(std::string p) {
        Location l;
        l.path = std::move(p);
        return l;
    }

    /// This location in the input named `source`.
    Location in(std::string name) const& { return Location(*this).in(std::move(name)); }
    Location in(std::string name) && {
        source = std::move(name);
        return std::move(*this);
    }
    /// This location at another document path (source and position kept).
    Location with_path(std::string p) const& { return Location(*this).with_path(std::move(p)); }
    Location with_path(std::string p) && {
        path = std::move(p);
        return std::move(*this);
    }
    /// This location at a position in the text (a reader's mark).
    Location on(Position p) const& { return Location(*this).on(p); }
    Location on(Position p) && {
        static_cast<Position&>(*this) = p;
        return std::move(*this);
    }
    /// This location at `line` and `column` (1-based, 0 when unknown).
    Location line_col(std::size_t l, std::size_t c) const& { return on(Position{l, c}); }
    Location line_col(std::size_t l, std::size_t c) && { return std::move(*this).on(Position{l, c}); }

    /// The line/column part.
    const Position& position() const noexcept { return *this; }

    std::string source;  // file name, or empty for in-memory input
    std::string path;

    friend bool operator==(const Location& a, const Location& b) {
        return a.position() == b.position() && a.path == b.path && a.source == b.source;
    }
    friend bool operator!=(const Location& a, const Location& b) { return !(a == b); }
};

/// The former name of Location (error locations); the same type.
using SourceLocation [[deprecated("use zorginkoop::Location")]] = Location;

}  // namespace zorginkoop
