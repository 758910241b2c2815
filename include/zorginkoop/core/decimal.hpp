#pragma once
// Decimal: exact fixed-point decimal number with 18 fractional digits, stored on a checked
// 128-bit Boost.Multiprecision integer (range about +-3.4e20). Products and quotients are computed
// on checked 256-bit integers, which hold any product of two stored values, and rounded back to
// 18 fractional digits half-even; only the narrowing back can overflow, and it throws Overflow.
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

#include "zorginkoop/core/error.hpp"

namespace zorginkoop {

/// How a value is rounded to a scale or a multiple.
/// half_up: ties away from zero (the Dutch default, IV081); half_even: ties to even;
/// up: away from zero; down: toward zero (truncation).
enum class RoundingMode { half_up, half_even, up, down };

inline const char* rounding_mode_name(RoundingMode m) noexcept {
    switch (m) {
        case RoundingMode::half_up: return "half_up";
        case RoundingMode::half_even: return "half_even";
        case RoundingMode::up: return "up";
        case RoundingMode::down: return "down";
    }
    return "half_up";
}

inline RoundingMode parse_rounding_mode(std::string_view name) {
    if (name == "half_up") return RoundingMode::half_up;
    if (name == "half_even") return RoundingMode::half_even;
    if (name == "up") return RoundingMode::up;
    if (name == "down") return RoundingMode::down;
    throw InvalidInput("unknown rounding mode '" + std::string(name) +
                       "' (expected half_up, half_even, up or down)");
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
}  // namespace detail

class Decimal {
public:
    static constexpr int scale = 18;  // fractional digits kept exactly

    constexpr Decimal() = default;

    /// From an integer (exact).
    template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
    Decimal(I value)  // NOLINT(google-explicit-constructor): integers are exact
        : raw_(detail::narrow(detail::wide_int(value) * one_raw(), "integer conversion")) {}

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
        detail::wide_int p = detail::wide_int(a.raw_) * detail::wide_int(b.raw_);
        return from_raw(detail::narrow(
            detail::divide_rounded(p, one_raw(), RoundingMode::half_even), "multiplication"));
    }
    /// Quotient rounded half-even to 18 fractional digits; InvalidInput on division by zero.
    friend Decimal operator/(const Decimal& a, const Decimal& b) {
        if (b.raw_.is_zero()) throw InvalidInput("division by zero");
        detail::wide_int n = detail::wide_int(a.raw_) * one_raw();
        detail::wide_int d = detail::wide_int(b.raw_);
        if (d.sign() < 0) {
            n = -n;
            d = -d;
        }
        return from_raw(detail::narrow(detail::divide_rounded(n, d, RoundingMode::half_even), "division"));
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
    static const detail::wide_int& one_raw() { return detail::pow10_wide(scale); }
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
#if defined(__SIZEOF_INT128__)
    static_assert(sizeof(boost::multiprecision::limb_type) == 8, "64-bit limbs expected");
    __extension__ typedef unsigned __int128 u128;  // a GCC/Clang extension; -Wpedantic is told so
    const auto& backend = raw_.backend();
    u128 v = backend.limbs()[0];
    if (backend.size() > 1) v |= static_cast<u128>(backend.limbs()[1]) << 64;
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
        return InvalidInput("'" + std::string(text.substr(0, 64)) + (text.size() > 64 ? "..." : "") +
                            "' is not a decimal number: " + why);
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
            if (mantissa.size() > 60) throw Overflow("'" + std::string(text.substr(0, 64)) + "...' has too many digits");
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
    if (i != text.size()) throw fail("unexpected character '" + std::string(1, text[i]) + "'");
    if (mantissa.empty()) return Decimal();  // zero, whatever the exponent
    // value = mantissa * 10^(exponent - frac_digits); strip trailing zeros of the mantissa
    long shift = exponent - frac_digits;
    while (!mantissa.empty() && mantissa.back() == '0' && shift < 0) {
        mantissa.pop_back();
        ++shift;
    }
    if (shift < -scale) throw fail("more than 18 fractional digits (zorginkoop keeps 18 exactly and does not round input)");
    long digits_total = static_cast<long>(mantissa.size()) + shift + scale;
    if (digits_total > 40) throw Overflow("'" + std::string(text.substr(0, 64)) + "' is outside the exact range of zorginkoop::Decimal");
    detail::wide_int v = 0;
    for (char c : mantissa) v = v * 10 + (c - '0');
    v *= detail::pow10_wide(static_cast<int>(shift + scale));
    if (negative) v = -v;
    return from_raw(detail::narrow(v, "parsing"));
}

inline std::ostream& operator<<(std::ostream& os, const Decimal& d) { return os << d.to_string(); }

}  // namespace zorginkoop
