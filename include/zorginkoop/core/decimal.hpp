#pragma once
// Decimal: exact fixed-point decimal number with 18 fractional digits, stored on a checked
// 128-bit Boost.Multiprecision integer (range about +-3.4e20). Products and quotients are computed
// on checked 256-bit integers, which hold any product of two stored values, and rounded back to
// 18 fractional digits half-even; only the narrowing back can overflow, and it throws Overflow.
// Where the compiler has a native unsigned 128-bit integer (GCC, Clang), products, quotients,
// integer conversion and rounding to a scale take a native path with a hand-written 256-bit
// intermediate instead; it gives the same value in every digit and hands every result out of
// range to the Boost path, which throws Overflow (tests/cpp/test_decimal_fastpath.cpp compares
// the two).
// There is no constructor from double or float: decimals come from text or integers only.

#include <array>
#include <cstdint>
#include <ostream>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include <boost/multiprecision/cpp_int.hpp>

#include "zorginkoop/core/enum_table.hpp"
#include "zorginkoop/core/error.hpp"

namespace zorginkoop {

/// How a value is rounded to a scale or a multiple.
/// half_up: ties away from zero (the Dutch default, IV081); half_even: ties to even;
/// up: away from zero; down: toward zero (truncation).
enum class RoundingMode { half_up, half_even, up, down };

/// The words of the rounding modes, as every format writes them.
inline constexpr EnumTable<RoundingMode, 4> rounding_mode_table{{{{RoundingMode::half_up, "half_up"},
                                                                 {RoundingMode::half_even, "half_even"},
                                                                 {RoundingMode::up, "up"},
                                                                 {RoundingMode::down, "down"}}}};

inline const char* rounding_mode_name(RoundingMode m) noexcept { return rounding_mode_table.name(m); }

inline RoundingMode parse_rounding_mode(std::string_view name) {
    if (auto m = rounding_mode_table.find(name)) return *m;
    throw InvalidInput("unknown rounding mode " + detail::quote_text(name) + " (expected " +
                       rounding_mode_table.alternatives() + ")");
}

namespace detail {
namespace bmp = boost::multiprecision;
using raw_int = bmp::number<
    bmp::cpp_int_backend<128, 128, bmp::signed_magnitude, bmp::checked, void>, bmp::et_off>;
using wide_int = bmp::number<
    bmp::cpp_int_backend<256, 256, bmp::signed_magnitude, bmp::checked, void>, bmp::et_off>;

inline const wide_int& pow10_wide(int n) {
    // 10^0 .. 10^76 fit in 256 bits; computed once per n (immutable after first use).
    static const auto table = [] {
        std::array<wide_int, 77> t{};
        t[0] = 1;
        for (std::size_t i = 1; i < t.size(); ++i) t[i] = t[i - 1] * 10;
        return t;
    }();
    return table.at(static_cast<std::size_t>(n));
}

inline const wide_int& raw_max() {
    static const wide_int m = wide_int(std::numeric_limits<raw_int>::max());
    return m;
}

/// q = n / d rounded per mode; d > 0.
inline wide_int divide_rounded(const wide_int& n, const wide_int& d, RoundingMode mode) {
    wide_int q = n / d;  // truncates toward zero
    wide_int r = n % d;  // same sign as n
    if (r == 0) return q;
    const int s = n.sign();
    wide_int twice = abs(r) * 2;
    bool away = false;
    switch (mode) {
        case RoundingMode::down: away = false; break;
        case RoundingMode::up: away = true; break;
        case RoundingMode::half_up: away = twice >= d; break;
        case RoundingMode::half_even:
            away = twice > d || (twice == d && bmp::bit_test(abs(q), 0));
            break;
    }
    if (away) q += s;
    return q;
}

inline raw_int narrow(const wide_int& w, const char* what) {
    if (abs(w) > raw_max())
        throw Overflow(std::string("result of ") + what +
                       " is outside the exact range of zorginkoop::Decimal (about 3.4e20)");
    return raw_int(w);
}

/// 10^18, the stored value of 1.
inline const wide_int& one_wide() { return pow10_wide(18); }

/// The product of two stored values (each times 10^18), rounded half-even to 18 fractional
/// digits, on checked 256-bit integers; Overflow when it is out of range. The reference for the
/// native path below.
inline raw_int multiply_wide(const raw_int& a, const raw_int& b) {
    const wide_int p = wide_int(a) * wide_int(b);
    return narrow(divide_rounded(p, one_wide(), RoundingMode::half_even), "multiplication");
}

/// The quotient of two stored values, rounded half-even to 18 fractional digits, on checked
/// 256-bit integers; b is not zero. Overflow when it is out of range.
inline raw_int divide_wide(const raw_int& a, const raw_int& b) {
    wide_int n = wide_int(a) * one_wide();
    wide_int d = wide_int(b);
    if (d.sign() < 0) {
        n = -n;
        d = -d;
    }
    return narrow(divide_rounded(n, d, RoundingMode::half_even), "division");
}

#if defined(__SIZEOF_INT128__) && defined(BOOST_HAS_INT128)
#define ZORGINKOOP_DECIMAL_NATIVE 1
// The native path: magnitudes on unsigned __int128 (a GCC/Clang extension; -Wpedantic is told
// so), 256-bit intermediates as 64-bit limbs, signs applied at the end (every rounding mode is
// symmetric around zero).
__extension__ typedef unsigned __int128 u128;
using u64 = std::uint64_t;

inline constexpr u64 ten18 = 1000000000000000000ULL;
inline constexpr u128 raw_magnitude_max = ~u128(0);  // the checked 128-bit magnitude's maximum

inline constexpr u64 lo64(u128 v) noexcept { return static_cast<u64>(v); }
inline constexpr u64 hi64(u128 v) noexcept { return static_cast<u64>(v >> 64); }
inline constexpr u128 join64(u64 hi, u64 lo) noexcept { return (static_cast<u128>(hi) << 64) | lo; }

inline u64 pow10_u64(int n) noexcept {
    static constexpr u64 table[19] = {1ULL,
                                      10ULL,
                                      100ULL,
                                      1000ULL,
                                      10000ULL,
                                      100000ULL,
                                      1000000ULL,
                                      10000000ULL,
                                      100000000ULL,
                                      1000000000ULL,
                                      10000000000ULL,
                                      100000000000ULL,
                                      1000000000000ULL,
                                      10000000000000ULL,
                                      100000000000000ULL,
                                      1000000000000000ULL,
                                      10000000000000000ULL,
                                      100000000000000000ULL,
                                      ten18};
    return table[n];
}

/// |r| as a native integer.
inline u128 magnitude(const raw_int& r) noexcept {
    const auto& b = r.backend();
    if constexpr (sizeof(*b.limbs()) == sizeof(u128)) {
        return b.limbs()[0];  // Boost stores a 128-bit value in one native limb
    } else {
        u128 v = b.limbs()[0];
        if (b.size() > 1) v |= static_cast<u128>(b.limbs()[1]) << 64;
        return v;
    }
}

inline raw_int make_raw(u128 magnitude_value, bool negative) {
    raw_int r(magnitude_value);
    if (negative && magnitude_value != 0) r = -r;
    return r;
}

inline bool is_negative(const raw_int& r) noexcept { return r.sign() < 0; }

/// (hi:lo) / d for hi < d (the quotient fits in 64 bits), and the remainder.
inline u64 div_2by1(u64 hi, u64 lo, u64 d, u64& rem) noexcept {
#if defined(__x86_64__)
    u64 q, r;
    __asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d) : "cc");
    rem = r;
    return q;
#else
    const u128 n = join64(hi, lo);
    const u64 q = static_cast<u64>(n / d);
    rem = static_cast<u64>(n - static_cast<u128>(q) * d);
    return q;
#endif
}

/// Whether a quotient of magnitudes with remainder r (0 <= r < d) rounds away from zero.
template <class T>
inline bool rounds_away(RoundingMode mode, bool quotient_odd, T r, T d) noexcept {
    if (r == 0) return false;
    const T rest = d - r;  // r > rest is 2r > d, without overflowing T
    switch (mode) {
        case RoundingMode::down: return false;
        case RoundingMode::up: return true;
        case RoundingMode::half_up: return r >= rest;
        case RoundingMode::half_even: return r > rest || (r == rest && quotient_odd);
    }
    return false;
}

/// One quotient limb of the three-limb window (u2:u1:u0) by the normalised two-limb divisor
/// (v1:v0) (top bit of v1 set), where (u2:u1) < (v1:v0); `rem` gets the remainder (< divisor).
/// Knuth's algorithm D step: the estimate from the top limbs is at most two too large, and for a
/// two-limb divisor the correction test on v0 makes it exact.
inline u64 div_3by2(u64 u2, u64 u1, u64 u0, u64 v1, u64 v0, u128& rem) noexcept {
    u64 qhat;
    u128 rhat;
    if (u2 >= v1) {  // then u2 == v1 and the quotient limb is below 2^64
        qhat = ~u64(0);
        rhat = join64(u2, u1) - static_cast<u128>(qhat) * v1;
    } else {
        u64 r;
        qhat = div_2by1(u2, u1, v1, r);
        rhat = r;
    }
    while (hi64(rhat) == 0 && static_cast<u128>(qhat) * v0 > join64(lo64(rhat), u0)) {
        --qhat;
        rhat += v1;
    }
    const u128 p0 = static_cast<u128>(qhat) * v0;
    const u128 p1 = static_cast<u128>(qhat) * v1 + hi64(p0);
    rem = join64(u1, u0) - join64(lo64(p1), lo64(p0));  // the exact remainder fits in 128 bits
    return qhat;
}

/// The native product: false when the result is out of range (the caller then takes the Boost
/// path, which throws Overflow).
inline bool multiply_native(const raw_int& a, const raw_int& b, raw_int& out) {
    const u128 x = magnitude(a), y = magnitude(b);
    // x * y in four limbs w3:w2:w1:w0, from the four 64x64 partial products
    const u128 p00 = static_cast<u128>(lo64(x)) * lo64(y);
    const u128 p01 = static_cast<u128>(lo64(x)) * hi64(y);
    const u128 p10 = static_cast<u128>(hi64(x)) * lo64(y);
    const u128 p11 = static_cast<u128>(hi64(x)) * hi64(y);
    const u128 mid = static_cast<u128>(hi64(p00)) + lo64(p01) + lo64(p10);
    const u64 w0 = lo64(p00), w1 = lo64(mid);
    const u128 high = p11 + hi64(p01) + hi64(p10) + hi64(mid);  // w3:w2, below 2^128
    // (w3:w2:w1:w0) / 10^18 < 2^128 exactly when (w3:w2) < 10^18
    if (high >= ten18) return false;
    u64 r;
    const u64 q1 = div_2by1(lo64(high), w1, ten18, r);
    const u64 q0 = div_2by1(r, w0, ten18, r);
    u128 q = join64(q1, q0);
    if (rounds_away(RoundingMode::half_even, (q0 & 1) != 0, r, ten18)) {
        if (q == raw_magnitude_max) return false;
        ++q;
    }
    out = make_raw(q, is_negative(a) != is_negative(b));
    return true;
}

/// The native quotient (b not zero): false when the result is out of range.
inline bool divide_native(const raw_int& a, const raw_int& b, raw_int& out) {
    const u128 x = magnitude(a), d = magnitude(b);
    // n = x * 10^18 in three limbs n2:n1:n0 (below 2^188)
    const u128 t0 = static_cast<u128>(lo64(x)) * ten18;
    const u128 t1 = static_cast<u128>(hi64(x)) * ten18 + hi64(t0);
    const u64 n0 = lo64(t0), n1 = lo64(t1), n2 = hi64(t1);
    u128 q, r;
    if (hi64(d) == 0) {
        const u64 d0 = lo64(d);
        if (n2 >= d0) return false;  // the quotient is 2^128 or more
        u64 r64;
        const u64 q1 = div_2by1(n2, n1, d0, r64);
        const u64 q0 = div_2by1(r64, n0, d0, r64);
        q = join64(q1, q0);
        r = r64;
    } else {
        // A divisor of two limbs: the quotient is below 2^124. Normalise so that the divisor's
        // top bit is set, then two steps of algorithm D.
        const int s = __builtin_clzll(hi64(d));
        const u128 v = d << s;
        const u64 u3 = s ? n2 >> (64 - s) : 0;
        const u64 u2 = s ? (n2 << s) | (n1 >> (64 - s)) : n2;
        const u64 u1 = s ? (n1 << s) | (n0 >> (64 - s)) : n1;
        const u64 u0 = n0 << s;
        u128 rem;
        const u64 q1 = div_3by2(u3, u2, u1, hi64(v), lo64(v), rem);
        const u64 q0 = div_3by2(hi64(rem), lo64(rem), u0, hi64(v), lo64(v), rem);
        q = join64(q1, q0);
        r = rem >> s;
    }
    if (rounds_away(RoundingMode::half_even, (q & 1) != 0, r, d)) {
        if (q == raw_magnitude_max) return false;
        ++q;
    }
    out = make_raw(q, is_negative(a) != is_negative(b));
    return true;
}
#endif
}  // namespace detail

class Decimal {
public:
    static constexpr int scale = 18;  // fractional digits kept exactly

    constexpr Decimal() = default;

    /// From an integer (exact).
    template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
    Decimal(I value)  // NOLINT(google-explicit-constructor): integers are exact
        : raw_(from_integer(value)) {}

    Decimal(double) = delete;       // binary floating point cannot hold decimal amounts exactly
    Decimal(float) = delete;        // binary floating point cannot hold decimal amounts exactly
    Decimal(long double) = delete;  // binary floating point cannot hold decimal amounts exactly
    Decimal(bool) = delete;

    /// Parse decimal text: [+-]digits[.digits][e[+-]digits]. More than 18 fractional digits is
    /// an InvalidInput (nothing is rounded silently); a value beyond the range is Overflow.
    static Decimal parse(std::string_view text);

    /// The value times 10^-18, as stored.
    static Decimal from_raw(const detail::raw_int& raw) {
        Decimal d;
        d.raw_ = raw;
        return d;
    }
    /// An integer times 10^-exponent (exponent 0..18), e.g. from_scaled(1230, 2) == 12.30.
    static Decimal from_scaled(long long units, int exponent) {
        if (exponent < 0 || exponent > scale)
            throw InvalidInput("exponent must be between 0 and 18");
        return from_raw(detail::narrow(detail::wide_int(units) * detail::pow10_wide(scale - exponent),
                                       "scaling"));
    }
    const detail::raw_int& raw() const noexcept { return raw_; }

    /// Canonical text: no exponent, no trailing fractional zeros ("12.3", "-0.05", "7").
    std::string to_string() const { return format(0); }
    /// Text with at least `min_fraction_digits` fractional digits ("12.30" for 2).
    std::string to_string(int min_fraction_digits) const { return format(min_fraction_digits); }

    int sign() const noexcept { return raw_.sign(); }
    bool is_zero() const noexcept { return raw_.is_zero(); }
    /// Number of fractional digits needed to print the value exactly (0..18).
    int fraction_digits() const;
    bool is_integer() const { return fraction_digits() == 0; }
    /// The integer value; InvalidInput when the value has a fractional part, Overflow beyond int64.
    std::int64_t to_int64() const;

    Decimal abs() const { return from_raw(boost::multiprecision::abs(raw_)); }
    Decimal operator-() const { return from_raw(-raw_); }
    Decimal operator+() const { return *this; }

    friend Decimal operator+(const Decimal& a, const Decimal& b) {
        try {
            return from_raw(a.raw_ + b.raw_);  // checked: throws std::overflow_error, never wraps
        } catch (const std::overflow_error&) {
            throw Overflow("result of addition is outside the exact range of zorginkoop::Decimal (about 3.4e20)");
        }
    }
    friend Decimal operator-(const Decimal& a, const Decimal& b) {
        try {
            return from_raw(a.raw_ - b.raw_);
        } catch (const std::overflow_error&) {
            throw Overflow("result of subtraction is outside the exact range of zorginkoop::Decimal (about 3.4e20)");
        }
    }
    /// Exact product rounded half-even to 18 fractional digits.
    friend Decimal operator*(const Decimal& a, const Decimal& b) {
#ifdef ZORGINKOOP_DECIMAL_NATIVE
        Decimal out;
        if (detail::multiply_native(a.raw_, b.raw_, out.raw_)) return out;
#endif
        return from_raw(detail::multiply_wide(a.raw_, b.raw_));
    }
    /// Quotient rounded half-even to 18 fractional digits; InvalidInput on division by zero.
    friend Decimal operator/(const Decimal& a, const Decimal& b) {
        if (b.raw_.is_zero()) throw InvalidInput("division by zero");
#ifdef ZORGINKOOP_DECIMAL_NATIVE
        Decimal out;
        if (detail::divide_native(a.raw_, b.raw_, out.raw_)) return out;
#endif
        return from_raw(detail::divide_wide(a.raw_, b.raw_));
    }
    Decimal& operator+=(const Decimal& o) { return *this = *this + o; }
    Decimal& operator-=(const Decimal& o) { return *this = *this - o; }
    Decimal& operator*=(const Decimal& o) { return *this = *this * o; }
    Decimal& operator/=(const Decimal& o) { return *this = *this / o; }

    friend bool operator==(const Decimal& a, const Decimal& b) { return a.raw_ == b.raw_; }
    friend bool operator!=(const Decimal& a, const Decimal& b) { return a.raw_ != b.raw_; }
    friend bool operator<(const Decimal& a, const Decimal& b) { return a.raw_ < b.raw_; }
    friend bool operator<=(const Decimal& a, const Decimal& b) { return a.raw_ <= b.raw_; }
    friend bool operator>(const Decimal& a, const Decimal& b) { return a.raw_ > b.raw_; }
    friend bool operator>=(const Decimal& a, const Decimal& b) { return a.raw_ >= b.raw_; }

    /// Round to `digits` fractional digits (0..18).
    Decimal round_to_scale(int digits, RoundingMode mode) const {
        if (digits < 0 || digits > scale)
            throw InvalidInput("rounding scale must be between 0 and 18, got " + std::to_string(digits));
        if (digits == scale) return *this;
#ifdef ZORGINKOOP_DECIMAL_NATIVE
        {
            const detail::u64 unit = detail::pow10_u64(scale - digits);
            const detail::u128 m = detail::magnitude(raw_);
            detail::u64 r;
            const detail::u64 q0 = detail::div_2by1(detail::hi64(m) % unit, detail::lo64(m), unit, r);
            detail::u128 out = m - r;
            bool in_range = true;
            if (detail::rounds_away(mode, (q0 & 1) != 0, r, unit)) {
                in_range = out <= detail::raw_magnitude_max - unit;
                out += unit;
            }
            if (in_range) return from_raw(detail::make_raw(out, detail::is_negative(raw_)));
        }
#endif
        const detail::wide_int& unit = detail::pow10_wide(scale - digits);
        detail::wide_int q = detail::divide_rounded(detail::wide_int(raw_), unit, mode);
        return from_raw(detail::narrow(q * unit, "rounding"));
    }
    /// Round to a whole multiple of `step` (> 0), e.g. 0.60 or 1.00.
    Decimal round_to_multiple(const Decimal& step, RoundingMode mode) const {
        if (step.sign() <= 0) throw InvalidInput("multiple_of must be positive");
        detail::wide_int unit(step.raw_);
        detail::wide_int q = detail::divide_rounded(detail::wide_int(raw_), unit, mode);
        return from_raw(detail::narrow(q * unit, "rounding"));
    }

    /// A Decimal usable as the unit 1.
    static Decimal one() { return Decimal(1); }

private:
    static const detail::wide_int& one_raw() { return detail::one_wide(); }
    template <class I>
    static detail::raw_int from_integer(I value) {
#ifdef ZORGINKOOP_DECIMAL_NATIVE
        if constexpr (sizeof(I) <= sizeof(detail::u64)) {
            // |value| < 2^64, so |value| * 10^18 < 2^124 always fits
            bool negative = false;
            if constexpr (std::is_signed_v<I>) negative = value < 0;
            const detail::u64 m = negative ? detail::u64(0) - static_cast<detail::u64>(value) : static_cast<detail::u64>(value);
            return detail::make_raw(static_cast<detail::u128>(m) * detail::ten18, negative);
        }
#endif
        return detail::narrow(detail::wide_int(value) * one_raw(), "integer conversion");
    }
    std::string format(int min_fraction_digits) const;
    std::string magnitude_digits() const;

    detail::raw_int raw_{};
};

inline int Decimal::fraction_digits() const {
    if (raw_.is_zero()) return 0;
    detail::raw_int v = boost::multiprecision::abs(raw_);
    int digits = scale;
    while (digits > 0 && v % 10 == 0) {
        v /= 10;
        --digits;
    }
    return digits;
}

inline std::int64_t Decimal::to_int64() const {
    if (!is_integer()) throw InvalidInput("value " + to_string() + " is not a whole number");
    detail::wide_int q = detail::wide_int(raw_) / one_raw();
    if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min())
        throw Overflow("value " + to_string() + " does not fit in a 64-bit integer");
    return static_cast<std::int64_t>(q);
}

/// The decimal digits of |raw|. With a native 128-bit integer type this avoids the general
/// (and slow) Boost conversion; the value is the same either way.
inline std::string Decimal::magnitude_digits() const {
#ifdef ZORGINKOOP_DECIMAL_NATIVE
    using detail::u128;
    u128 v = detail::magnitude(raw_);
    char buf[48];
    char* end = buf + sizeof(buf);
    char* p = end;
    constexpr unsigned long long chunk = 10000000000000000000ULL;  // 10^19
    do {
        unsigned long long part = static_cast<unsigned long long>(v % chunk);
        v /= chunk;
        for (int i = 0; i < 19 && (part != 0 || v != 0); ++i) {
            *--p = static_cast<char>('0' + part % 10);
            part /= 10;
        }
    } while (v != 0);
    if (p == end) *--p = '0';
    return std::string(p, end);
#else
    return boost::multiprecision::abs(raw_).str();
#endif
}

inline std::string Decimal::format(int min_fraction_digits) const {
    if (min_fraction_digits < 0) min_fraction_digits = 0;
    if (min_fraction_digits > scale) min_fraction_digits = scale;
    std::string digits = magnitude_digits();
    if (digits.size() <= static_cast<std::size_t>(scale))
        digits.insert(0, static_cast<std::size_t>(scale) + 1 - digits.size(), '0');
    std::string whole = digits.substr(0, digits.size() - scale);
    std::string frac = digits.substr(digits.size() - scale);
    std::size_t keep = frac.find_last_not_of('0');
    keep = (keep == std::string::npos) ? 0 : keep + 1;
    if (keep < static_cast<std::size_t>(min_fraction_digits)) keep = static_cast<std::size_t>(min_fraction_digits);
    frac.resize(keep);
    std::string out = raw_.sign() < 0 ? "-" : "";
    out += whole;
    if (!frac.empty()) out += "." + frac;
    return out;
}

inline Decimal Decimal::parse(std::string_view text) {
    auto fail = [&](const std::string& why) -> InvalidInput {
        return InvalidInput(detail::quote_text(text) + " is not a decimal number: " + why);
    };
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    std::string mantissa;  // all digits, leading zeros stripped
    int frac_digits = 0;
    bool any_digit = false, seen_point = false;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            any_digit = true;
            if (seen_point) ++frac_digits;
            if (!(mantissa.empty() && c == '0')) mantissa.push_back(c);
            if (mantissa.size() > 60) throw Overflow(detail::quote_text(text) + " has too many digits");
            if (frac_digits > 4096) throw fail("too many digits");
        } else if (c == '.' && !seen_point) {
            seen_point = true;
        } else {
            break;
        }
    }
    if (!any_digit) throw fail("no digits");
    long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool eneg = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) eneg = text[i++] == '-';
        bool edigit = false;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            edigit = true;
            if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');
        }
        if (!edigit) throw fail("exponent without digits");
        if (eneg) exponent = -exponent;
    }
    if (i != text.size()) throw fail("unexpected character " + detail::quote_text(detail::utf8_char_at(text, i)));
    if (mantissa.empty()) return Decimal();  // zero, whatever the exponent
    // value = mantissa * 10^(exponent - frac_digits); strip trailing zeros of the mantissa
    long shift = exponent - frac_digits;
    while (!mantissa.empty() && mantissa.back() == '0' && shift < 0) {
        mantissa.pop_back();
        ++shift;
    }
    if (shift < -scale) throw fail("more than 18 fractional digits (zorginkoop keeps 18 exactly and does not round input)");
    long digits_total = static_cast<long>(mantissa.size()) + shift + scale;
    if (digits_total > 40) throw Overflow(detail::quote_text(text) + " is outside the exact range of zorginkoop::Decimal");
    detail::wide_int v = 0;
    for (char c : mantissa) v = v * 10 + (c - '0');
    v *= detail::pow10_wide(static_cast<int>(shift + scale));
    if (negative) v = -v;
    return from_raw(detail::narrow(v, "parsing"));
}

inline std::ostream& operator<<(std::ostream& os, const Decimal& d) { return os << d.to_string(); }

}  // namespace zorginkoop
