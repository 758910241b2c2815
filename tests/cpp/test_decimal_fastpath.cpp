// Decimal multiply, divide, integer conversion and rounding to a scale: the native 128-bit path
// must give the same value in every digit as the checked 256-bit Boost path, and throw Overflow
// exactly where that path does. Operands: every pair of edge values (zero, one unit, 10^18 and its
// neighbours, powers of two and ten, the range's ends), random values of every bit length, exact
// half-even ties and their neighbours. The generator is seeded, so a failure repeats.

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "zorginkoop/core/decimal.hpp"

using namespace zorginkoop;
using detail::raw_int;
using detail::wide_int;

namespace {

raw_int compose(std::uint64_t hi, std::uint64_t lo, bool negative) {
    raw_int m(hi);
    m <<= 64;
    m |= raw_int(lo);
    return negative ? raw_int(-m) : m;
}

const raw_int& raw_max() {
    static const raw_int m = std::numeric_limits<raw_int>::max();
    return m;
}

raw_int pow10_raw(int n) {
    raw_int v = 1;
    for (int i = 0; i < n; ++i) v *= 10;
    return v;
}

/// Magnitudes where the arithmetic changes: limb and range boundaries, 10^k, the square root of
/// the largest product that still fits.
std::vector<raw_int> edge_magnitudes() {
    std::vector<raw_int> out;
    auto add = [&](const raw_int& v) {
        for (int d = -2; d <= 2; ++d) {
            if (d < 0 && v < raw_int(-d)) continue;
            if (d > 0 && v > raw_max() - d) continue;
            out.push_back(v + d);
        }
    };
    add(0);
    add(5);
    for (int k = 0; k <= 38; ++k) add(pow10_raw(k));
    for (int b : {32, 59, 60, 63, 64, 65, 96, 100, 120, 126, 127}) add(raw_int(1) << b);
    add(raw_max());
    add(raw_max() / pow10_raw(18));                 // the largest integer
    add(pow10_raw(18) / 2);                         // 0.5
    add(raw_int(std::numeric_limits<std::uint64_t>::max()));
    add(compose(0x4563918244f40000ULL, 0, false));  // about sqrt(2^128 * 10^18) in the high limb
    add(raw_int("18446744073709551616000000000"));  // 2^64 * 10^9
    return out;
}

class Operands {
public:
    explicit Operands(std::uint64_t seed) : gen_(seed) {}

    /// A value of a random bit length 0..128 (so small and large values are equally likely).
    raw_int any() {
        const int bits = static_cast<int>(gen_() % 129);
        std::uint64_t hi = gen_(), lo = gen_();
        if (bits <= 64) {
            hi = 0;
            lo = bits == 0 ? 0 : (bits == 64 ? lo : lo & ((std::uint64_t(1) << bits) - 1));
        } else if (bits < 128) {
            hi &= (std::uint64_t(1) << (bits - 64)) - 1;
        }
        return compose(hi, lo, (gen_() & 1) != 0);
    }
    std::uint64_t below(std::uint64_t n) { return gen_() % n; }
    bool coin() { return (gen_() & 1) != 0; }

private:
    std::mt19937_64 gen_;
};

std::string show(const raw_int& v) { return v.str(); }

struct Tally {
    long compared = 0;
    long overflows = 0;
    long mismatches = 0;
    std::string first;

    void note(const std::string& what) {
        if (mismatches++ == 0) first = what;
    }
};

/// The native result (`fast`) against the 256-bit one (`wide`): equal, or Overflow from both.
template <class Wide, class Fast>
void compare(const std::string& what, Wide wide_fn, Fast fast_fn, Tally& t) {
    bool wide_overflow = false, fast_overflow = false;
    raw_int wide, fast;
    try {
        wide = wide_fn();
    } catch (const Overflow&) {
        wide_overflow = true;
    }
    try {
        fast = fast_fn();
    } catch (const Overflow&) {
        fast_overflow = true;
    }
    ++t.compared;
    if (wide_overflow) ++t.overflows;
    if (wide_overflow != fast_overflow || (!wide_overflow && wide != fast))
        t.note(what + ": wide " + (wide_overflow ? "Overflow" : show(wide)) + ", native " +
               (fast_overflow ? "Overflow" : show(fast)));
}

void compare_multiply(const raw_int& a, const raw_int& b, Tally& t) {
    compare(
        show(a) + " * " + show(b), [&] { return detail::multiply_wide(a, b); },
        [&] { return (Decimal::from_raw(a) * Decimal::from_raw(b)).raw(); }, t);
}

void compare_divide(const raw_int& a, const raw_int& b, Tally& t) {
    if (b.is_zero()) return;
    compare(
        show(a) + " / " + show(b), [&] { return detail::divide_wide(a, b); },
        [&] { return (Decimal::from_raw(a) / Decimal::from_raw(b)).raw(); }, t);
}

/// round_to_scale against the same rounding done on 256-bit integers.
void compare_round(const raw_int& a, int digits, RoundingMode mode, Tally& t) {
    compare(
        "round(" + show(a) + ", " + std::to_string(digits) + ", " + rounding_mode_name(mode) + ")",
        [&] {
            const wide_int& unit = detail::pow10_wide(Decimal::scale - digits);
            return detail::narrow(detail::divide_rounded(wide_int(a), unit, mode) * unit, "rounding");
        },
        [&] { return Decimal::from_raw(a).round_to_scale(digits, mode).raw(); }, t);
}

void report(const Tally& t, long at_least) {
    INFO("compared " << t.compared << ", of which out of range " << t.overflows << "; first difference: " << t.first);
    CHECK(t.mismatches == 0);
    CHECK(t.compared >= at_least);
}

}  // namespace

TEST_CASE("native multiply equals the 256-bit path on edge operands", "[decimal][fastpath]") {
    const auto edges = edge_magnitudes();
    Tally t;
    for (const auto& a : edges)
        for (const auto& b : edges)
            for (int signs = 0; signs < 4; ++signs)
                compare_multiply((signs & 1) ? raw_int(-a) : a, (signs & 2) ? raw_int(-b) : b, t);
    report(t, 50000);
    CHECK(t.overflows > 0);  // the range's end is among the operands
}

TEST_CASE("native divide equals the 256-bit path on edge operands", "[decimal][fastpath]") {
    const auto edges = edge_magnitudes();
    Tally t;
    for (const auto& a : edges)
        for (const auto& b : edges)
            for (int signs = 0; signs < 4; ++signs)
                compare_divide((signs & 1) ? raw_int(-a) : a, (signs & 2) ? raw_int(-b) : b, t);
    report(t, 50000);
    CHECK(t.overflows > 0);
}

TEST_CASE("native multiply and divide equal the 256-bit path on random operands", "[decimal][fastpath]") {
    Operands r(20260101);
    Tally mul, div;
    for (int i = 0; i < 200000; ++i) {
        const raw_int a = r.any(), b = r.any();
        compare_multiply(a, b, mul);
        compare_divide(a, b, div);
    }
    report(mul, 200000);
    report(div, 190000);
}

TEST_CASE("native multiply and divide round exact ties to even, like the 256-bit path", "[decimal][fastpath]") {
    Operands r(7);
    const raw_int half = pow10_raw(18) / 2;   // 0.5
    const raw_int two = pow10_raw(18) * 2;    // 2
    Tally mul, div;
    long ties_up = 0, ties_down = 0;
    for (int i = 0; i < 100000; ++i) {
        // 0.5 * k (k units of 10^-18): an exact tie for odd k
        raw_int k = r.any();
        if (k.is_zero()) k = 1;
        const bool neg = r.coin();
        compare_multiply(neg ? raw_int(-half) : half, k, mul);
        for (int d = -1; d <= 1; d += 2) compare_multiply(half, k + d, mul);
        // (m * (2t + 1)) units / (2m): (2t + 1) / 2 units, an exact tie
        const raw_int m = raw_int(r.below(1000000) + 1);
        const raw_int odd = raw_int(r.below(std::uint64_t(1) << 60)) * 2 + 1;
        const raw_int n = m * odd;
        const raw_int d = two * m;
        compare_divide(neg ? raw_int(-n) : n, d, div);
        compare_divide(n + 1, d, div);
        compare_divide(n - 1, d, div);
        const Decimal q = Decimal::from_raw(n) / Decimal::from_raw(d);
        (bit_test(odd, 1) ? ties_up : ties_down) += 1;
        // half-even: (2t + 1) / 2 rounds to t or t + 1, whichever is even
        const raw_int t = odd / 2;
        CHECK(q.raw() == (bit_test(t, 0) ? raw_int(t + 1) : t));
    }
    report(mul, 300000);
    report(div, 300000);
    CHECK(ties_up > 0);
    CHECK(ties_down > 0);
    CHECK((Decimal::parse("0.5") * Decimal::from_raw(raw_int(3))).raw() == raw_int(2));  // 1.5 units -> 2
    CHECK((Decimal::parse("0.5") * Decimal::from_raw(raw_int(5))).raw() == raw_int(2));  // 2.5 units -> 2
    CHECK((Decimal::parse("-0.5") * Decimal::from_raw(raw_int(5))).raw() == raw_int(-2));
}

TEST_CASE("native rounding to a scale and integer conversion equal the 256-bit path", "[decimal][fastpath]") {
    Operands r(42);
    Tally t;
    const RoundingMode modes[] = {RoundingMode::half_up, RoundingMode::half_even, RoundingMode::up, RoundingMode::down};
    for (const auto& e : edge_magnitudes())
        for (int digits = 0; digits < Decimal::scale; ++digits)
            for (RoundingMode mode : modes) {
                compare_round(e, digits, mode, t);
                compare_round(raw_int(-e), digits, mode, t);
            }
    for (int i = 0; i < 50000; ++i) {
        const raw_int a = r.any();
        const int digits = static_cast<int>(r.below(Decimal::scale));
        compare_round(a, digits, modes[r.below(4)], t);
        // ties at that scale: a multiple of the unit plus half a unit
        const wide_int unit = detail::pow10_wide(Decimal::scale - digits);
        const wide_int tie = wide_int(a) - wide_int(a) % unit + unit / 2;
        if (abs(tie) <= detail::raw_max()) compare_round(raw_int(tie), digits, modes[r.below(4)], t);
    }
    report(t, 100000);

    long ints = 0, differ = 0;
    auto integer = [&](auto v) {
        ++ints;
        const raw_int expected = detail::narrow(wide_int(v) * detail::pow10_wide(18), "integer conversion");
        if (Decimal(v).raw() != expected) ++differ;
    };
    for (long long v : {0LL, 1LL, -1LL, 12LL, -313LL, std::numeric_limits<long long>::max(),
                        std::numeric_limits<long long>::min()})
        integer(v);
    integer(std::numeric_limits<unsigned long long>::max());
    integer(std::numeric_limits<int>::min());
    integer(static_cast<unsigned char>(255));
    integer(static_cast<short>(-7));
    for (int i = 0; i < 10000; ++i) integer(static_cast<long long>(r.any() % raw_int(std::numeric_limits<long long>::max())));
    CHECK(differ == 0);
    CHECK(ints > 10000);
}

TEST_CASE("native path: out of range results still throw Overflow, division by zero InvalidInput", "[decimal][fastpath]") {
    const Decimal max = Decimal::from_raw(raw_max());
    CHECK_THROWS_AS(max * Decimal(2), Overflow);
    CHECK_THROWS_AS(max / Decimal::parse("0.5"), Overflow);
    CHECK_THROWS_AS(Decimal(-1) * max * Decimal::parse("1.000000000000000001"), Overflow);
    CHECK_THROWS_AS(max.round_to_scale(0, RoundingMode::up), Overflow);
    CHECK_THROWS_AS(Decimal(1) / Decimal(), InvalidInput);
    CHECK((max * Decimal(1)) == max);
    CHECK((-max / Decimal(-1)) == max);
}
