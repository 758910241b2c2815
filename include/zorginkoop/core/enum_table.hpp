#pragma once
// EnumTable: the one list of the words of a closed vocabulary (a law, a rounding mode, a price
// basis, ...) as the formats write them. Each vocabulary has one table, declared beside its enum
// in the lowest level that owns it; its name and parse functions, the readers (io::Reader::
// enumeration), the writers, the JSON Schemas and the Python bindings all use that table.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zorginkoop {

template <class E, std::size_t N>
struct EnumTable {
    std::array<std::pair<E, const char*>, N> rows;

    /// The word of `v` ("?" for a value outside the table).
    constexpr const char* name(E v) const noexcept {
        for (const auto& r : rows)
            if (r.first == v) return r.second;
        return "?";
    }
    /// The value whose word is `word`, or nothing.
    constexpr std::optional<E> find(std::string_view word) const noexcept {
        for (const auto& r : rows)
            if (word == r.second) return r.first;
        return std::nullopt;
    }
    /// The words in table order.
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        out.reserve(N);
        for (const auto& r : rows) out.emplace_back(r.second);
        return out;
    }
    /// "a, b or c" (for "expected ..." messages).
    std::string alternatives() const {
        std::string out;
        for (std::size_t i = 0; i < N; ++i) {
            if (i) out += i + 1 == N ? " or " : ", ";
            out += rows[i].second;
        }
        return out;
    }
    /// "a, b, c" (for "is not one of: ..." messages).
    std::string listed() const {
        std::string out;
        for (const auto& r : rows) out += (out.empty() ? "" : ", ") + std::string(r.second);
        return out;
    }
};

}  // namespace zorginkoop
