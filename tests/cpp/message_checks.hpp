#pragma once
// Checks that the Dutch and English message catalogues agree on a family of keys.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <string>

#include "zorginkoop/core/i18n.hpp"

namespace zktest {

/// For every Dutch key starting with `prefix`: the English catalogue has it too, with the same
/// placeholders. Returns how many Dutch keys start with `prefix`.
inline std::size_t check_same_placeholders(const zorginkoop::MessageCatalogue& nl, const zorginkoop::MessageCatalogue& en,
                                           const std::string& prefix) {
    std::size_t n = 0;
    for (const auto& key : nl.keys()) {
        if (key.rfind(prefix, 0) != 0) continue;
        ++n;
        INFO(key);
        REQUIRE(en.contains(key));
        auto a = zorginkoop::MessageCatalogue::placeholders(nl.text(key));
        auto b = zorginkoop::MessageCatalogue::placeholders(en.text(key));
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        CHECK(a == b);
    }
    return n;
}

}  // namespace zktest
