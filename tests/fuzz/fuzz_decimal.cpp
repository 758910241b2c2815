// libFuzzer target for zorginkoop::Decimal, checked against an independent reference on
// unbounded integers (boost::multiprecision::cpp_int): a value is held as value x 10^18, and
// every rounding (half-even for products and quotients, the four modes for round_to_scale and
// round_to_multiple) is done by hand on quotient and remainder. For parse, +, -, *, /,
// round_to_scale, round_to_multiple and to_string the library and the reference must give the
// same value, or both the same typed error (InvalidInput, or Overflow beyond +-(2^128 - 1) x 10^-18).
//
// Input: byte 0 chooses scale (0..18) and mode of the roundings; the rest is two decimal texts
// separated by the first newline (the second defaults to "1").
//
// Parsing has two stated input limits: more than 60 significant digits (counted from the first
// non-zero digit, trailing zeros included) and more than 4096 fractional digits are refused with
// a typed error even where the value would fit; for such texts any typed error is accepted (a
// value, when given, must still be exact).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/error.hpp"

namespace {

using boost::multiprecision::cpp_int;
using zorginkoop::Decimal;
using zorginkoop::RoundingMode;

enum class Outcome { value, invalid, overflow, invalid_or_overflow, limit };

struct Ref {
    Outcome outcome = Outcome::value;
    cpp_int raw;  // value x 10^18, when outcome is value
};

cpp_int pow10(long n) {
    cpp_int r = 1;
    for (long i = 0; i < n; ++i) r *= 10;
    return r;
}

const cpp_int& max_raw() {
    static const cpp_int m = (cpp_int(1) << 128) - 1;
    return m;
}

Ref checked(cpp_int raw) {
    Ref r;
    if (abs(raw) > max_raw()) {
        r.outcome = Outcome::overflow;
        return r;
    }
    r.raw = std::move(raw);
    return r;
}

// n / d (d > 0) rounded to an integer per mode, by hand: magnitude quotient and remainder.
cpp_int divide(const cpp_int& n, const cpp_int& d, RoundingMode mode) {
    const bool negative = n < 0;
    const cpp_int mag = abs(n);
    cpp_int q = mag / d;
    const cpp_int rem = mag - q * d;
    bool up = false;
    if (rem != 0) {
        const cpp_int twice = rem * 2;
        switch (mode) {
            case RoundingMode::down: up = false; break;
            case RoundingMode::up: up = true; break;
            case RoundingMode::half_up: up = twice >= d; break;
            case RoundingMode::half_even: up = twice > d || (twice == d && (q % 2) == 1); break;
        }
    }
    if (up) q += 1;
    return negative ? cpp_int(-q) : q;
}

// [+-]digits[.digits][(e|E)[+-]digits], at least one mantissa digit.
Ref ref_parse(std::string_view t) {
    Ref bad;
    bad.outcome = Outcome::invalid;
    std::size_t i = 0;
    bool negative = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) negative = t[i++] == '-';
    std::string digits;
    long fraction = 0;
    bool point = false;
    for (; i < t.size(); ++i) {
        if (t[i] >= '0' && t[i] <= '9') {
            digits.push_back(t[i]);
            if (point) ++fraction;
        } else if (t[i] == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (digits.empty()) return bad;
    // The stated input limits, checked while the digits are read: whatever follows, a text over
    // them may be refused with either typed error.
    const std::size_t first = digits.find_first_not_of('0');
    const bool over_limit = (first != std::string::npos && digits.size() - first > 60) || fraction > 4096;
    if (over_limit) bad.outcome = Outcome::invalid_or_overflow;
    long long exponent = 0;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        bool eneg = false;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) eneg = t[i++] == '-';
        const std::size_t start = i;
        for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i)
            if (exponent < 1000000000000LL) exponent = exponent * 10 + (t[i] - '0');
        if (i == start) return bad;
        if (eneg) exponent = -exponent;
    }
    if (i != t.size()) return bad;

    Ref r;
    if (first == std::string::npos) {
        r.raw = 0;  // zero, whatever the exponent
    } else {
        std::string m = digits.substr(first);
        long long shift = exponent - fraction;
        while (m.back() == '0') {
            m.pop_back();
            ++shift;
        }
        const bool inexact = shift < -Decimal::scale;
        const bool too_big = static_cast<long long>(m.size()) + shift + Decimal::scale > 40 ||
                             (!inexact && abs(cpp_int(m) * pow10(static_cast<long>(shift + Decimal::scale))) > max_raw());
        if (inexact && too_big) {
            r.outcome = Outcome::invalid_or_overflow;
        } else if (inexact) {
            r.outcome = Outcome::invalid;
        } else if (too_big) {
            r.outcome = Outcome::overflow;
        } else {
            r.raw = cpp_int(m) * pow10(static_cast<long>(shift + Decimal::scale));
            if (negative) r.raw = -r.raw;
        }
    }
    if (over_limit) {
        if (r.outcome == Outcome::value) r.outcome = Outcome::limit;
        else r.outcome = Outcome::invalid_or_overflow;
    }
    return r;
}

std::string ref_to_string(const cpp_int& raw) {
    std::string digits = cpp_int(abs(raw)).str();
    if (digits.size() <= static_cast<std::size_t>(Decimal::scale))
        digits.insert(0, static_cast<std::size_t>(Decimal::scale) + 1 - digits.size(), '0');
    const std::string whole = digits.substr(0, digits.size() - Decimal::scale);
    std::string frac = digits.substr(digits.size() - Decimal::scale);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    return (raw < 0 ? "-" : "") + whole + (frac.empty() ? "" : "." + frac);
}

cpp_int raw_of(const Decimal& d) { return cpp_int(d.raw().str()); }

// Runs `f` (which returns a Decimal) and checks it against the reference.
template <class F>
void compare(const Ref& want, F&& f) {
    std::optional<Decimal> got;
    Outcome error = Outcome::value;
    try {
        got = f();
    } catch (const zorginkoop::Overflow&) {
        error = Outcome::overflow;
    } catch (const zorginkoop::InvalidInput&) {
        error = Outcome::invalid;
    }
    switch (want.outcome) {
        case Outcome::value:
            if (!got || raw_of(*got) != want.raw) __builtin_trap();
            break;
        case Outcome::invalid:
        case Outcome::overflow:
            if (got || error != want.outcome) __builtin_trap();
            break;
        case Outcome::invalid_or_overflow:
            if (got) __builtin_trap();
            break;
        case Outcome::limit:
            if (got && raw_of(*got) != want.raw) __builtin_trap();
            break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0 || size > 4096) return 0;
    const int scale = data[0] % 19;
    const auto mode = static_cast<RoundingMode>((data[0] / 19) % 4);
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    const std::size_t nl = rest.find('\n');
    const std::string_view ta = rest.substr(0, nl);
    const std::string_view tb = nl == std::string_view::npos ? std::string_view("1") : rest.substr(nl + 1);

    const Ref ra = ref_parse(ta);
    const Ref rb = ref_parse(tb);
    compare(ra, [&] { return Decimal::parse(ta); });
    compare(rb, [&] { return Decimal::parse(tb); });
    if (ra.outcome != Outcome::value || rb.outcome != Outcome::value) return 0;

    const Decimal a = Decimal::parse(ta);
    const Decimal b = Decimal::parse(tb);
    const cpp_int one = pow10(Decimal::scale);

    if (a.to_string() != ref_to_string(ra.raw)) __builtin_trap();
    if (Decimal::parse(a.to_string()) != a) __builtin_trap();

    compare(checked(ra.raw + rb.raw), [&] { return a + b; });
    compare(checked(ra.raw - rb.raw), [&] { return a - b; });
    compare(checked(divide(ra.raw * rb.raw, one, RoundingMode::half_even)), [&] { return a * b; });
    Ref quotient;
    if (rb.raw == 0) {
        quotient.outcome = Outcome::invalid;
    } else {
        const cpp_int n = ra.raw * one * (rb.raw < 0 ? -1 : 1);
        quotient = checked(divide(n, abs(rb.raw), RoundingMode::half_even));
    }
    compare(quotient, [&] { return a / b; });

    const cpp_int unit = pow10(Decimal::scale - scale);
    compare(checked(divide(ra.raw, unit, mode) * unit), [&] { return a.round_to_scale(scale, mode); });
    Ref multiple;
    if (rb.raw <= 0) {
        multiple.outcome = Outcome::invalid;
    } else {
        multiple = checked(divide(ra.raw, rb.raw, mode) * rb.raw);
    }
    compare(multiple, [&] { return a.round_to_multiple(b, mode); });
    return 0;
}
