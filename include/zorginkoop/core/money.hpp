#pragma once
// Money: an exact amount in euros. Money + Money, Money * Decimal, Money * Rate and Money / Money
// (a ratio) exist; Money + Rate and Money * Money do not compile (tests/compile_fail).

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/rate.hpp"
#include "zorginkoop/core/rounding.hpp"

namespace zorginkoop {

class Money {
public:
    Money() = default;
    explicit Money(const Decimal& euros) : amount_(euros) {}
    Money(double) = delete;  // binary floating point cannot hold euro amounts exactly
    Money(float) = delete;   // binary floating point cannot hold euro amounts exactly

    static Money parse(std::string_view text) { return Money(Decimal::parse(text)); }
    static Money from_cents(std::int64_t cents) { return Money(Decimal::from_scaled(cents, 2)); }

    const Decimal& amount() const noexcept { return amount_; }
    /// Whole eurocents (iJw amounts); InvalidInput when the amount has fractions of a cent
    /// (round first), Overflow beyond int64.
    std::int64_t to_cents() const {
        Decimal cents = amount_ * Decimal(100);
        if (!cents.is_integer())
            throw InvalidInput("amount " + amount_.to_string() + " has fractions of a cent; round it first");
        return cents.to_int64();
    }
    /// Text with at least two decimals: "12.30", "60.228104".
    std::string to_string() const { return amount_.to_string(2); }

    Money round(const RoundingPolicy& p) const { return Money(p.apply(amount_)); }
    Money abs() const { return Money(amount_.abs()); }
    int sign() const noexcept { return amount_.sign(); }
    bool is_zero() const noexcept { return amount_.is_zero(); }

    Money operator-() const { return Money(-amount_); }
    friend Money operator+(const Money& a, const Money& b) { return Money(a.amount_ + b.amount_); }
    friend Money operator-(const Money& a, const Money& b) { return Money(a.amount_ - b.amount_); }
    friend Money operator*(const Money& a, const Decimal& k) { return Money(a.amount_ * k); }
    friend Money operator*(const Decimal& k, const Money& a) { return Money(k * a.amount_); }
    friend Money operator*(const Money& a, const Rate& r) { return Money(a.amount_ * r.value()); }
    friend Money operator*(const Rate& r, const Money& a) { return Money(r.value() * a.amount_); }
    friend Money operator/(const Money& a, const Decimal& k) { return Money(a.amount_ / k); }
    /// The ratio of two amounts.
    friend Decimal operator/(const Money& a, const Money& b) { return a.amount_ / b.amount_; }
    Money& operator+=(const Money& o) { return *this = *this + o; }
    Money& operator-=(const Money& o) { return *this = *this - o; }

    friend bool operator==(const Money& a, const Money& b) { return a.amount_ == b.amount_; }
    friend bool operator!=(const Money& a, const Money& b) { return a.amount_ != b.amount_; }
    friend bool operator<(const Money& a, const Money& b) { return a.amount_ < b.amount_; }
    friend bool operator<=(const Money& a, const Money& b) { return a.amount_ <= b.amount_; }
    friend bool operator>(const Money& a, const Money& b) { return a.amount_ > b.amount_; }
    friend bool operator>=(const Money& a, const Money& b) { return a.amount_ >= b.amount_; }

private:
    Decimal amount_;
};

inline std::ostream& operator<<(std::ostream& os, const Money& m) { return os << "EUR " << m.to_string(); }

namespace literals {
/// "12.30"_eur
inline Money operator""_eur(const char* text, std::size_t n) { return Money::parse(std::string_view(text, n)); }
/// 12.30_eur: the literal's characters are parsed as text, never through a double.
inline Money operator""_eur(const char* text) { return Money::parse(text); }
/// "0.08"_rate
inline Rate operator""_rate(const char* text, std::size_t n) { return Rate::parse(std::string_view(text, n)); }
/// "12.5"_dec
inline Decimal operator""_dec(const char* text, std::size_t n) { return Decimal::parse(std::string_view(text, n)); }
}  // namespace literals

}  // namespace zorginkoop
