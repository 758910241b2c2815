#pragma once
// The error a call throws, for tests that look at its path, line, column and message.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <utility>

namespace zktest {

/// The exception of class `E` that `f` throws; the test fails when it throws none.
template <class E, class F>
E error_of(F&& f) {
    try {
        std::forward<F>(f)();
    } catch (const E& e) {
        return e;
    }
    FAIL("expected an error of the named class");
    throw std::logic_error("unreachable");
}

}  // namespace zktest
