#pragma once
// Rate: a dimensionless fraction ("0.08" is 8 %). Rates scale money; they never add to it.

#include <string>
#include <string_view>

#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/rounding.hpp"

namespace zorginkoop {

class Rate {
public:
    Rate() = default;
    explicit Rate(const Decimal& fraction) : value_(fraction) {}
    Rate(double) = delete;  // binary floating point cannot hold decimal rates exactly
    Rate(float) = delete;   // binary floating point cannot hold decimal rates exactly

    static Rate parse(std::string_view text) { return Rate(Decimal::parse(text)); }
    /// From a percentage: from_percent(6.30) == Rate(0.063).
    static Rate from_percent(const Decimal& percent) { return Rate(percent / Decimal(100)); }

    const Decimal& value() const noexcept { return value_; }
    Decimal percent() const { return value_ * Decimal(100); }
    std::string to_string() const { return value_.to_string(); }

    Rate round(const RoundingPolicy& p) const { return Rate(p.apply(value_)); }

    Rate operator-() const { return Rate(-value_); }
    friend Rate operator+(const Rate& a, const Rate& b) { return Rate(a.value_ + b.value_); }
    friend Rate operator-(const Rate& a, const Rate& b) { return Rate(a.value_ - b.value_); }
    friend Rate operator*(const Rate& a, const Rate& b) { return Rate(a.value_ * b.value_); }
    friend Rate operator*(const Rate& a, const Decimal& k) { return Rate(a.value_ * k); }
    friend Rate operator*(const Decimal& k, const Rate& a) { return Rate(k * a.value_); }
    friend Rate operator/(const Rate& a, const Decimal& k) { return Rate(a.value_ / k); }
    Rate& operator+=(const Rate& o) { return *this = *this + o; }
    Rate& operator-=(const Rate& o) { return *this = *this - o; }

    friend bool operator==(const Rate& a, const Rate& b) { return a.value_ == b.value_; }
    friend bool operator!=(const Rate& a, const Rate& b) { return a.value_ != b.value_; }
    friend bool operator<(const Rate& a, const Rate& b) { return a.value_ < b.value_; }
    friend bool operator<=(const Rate& a, const Rate& b) { return a.value_ <= b.value_; }
    friend bool operator>(const Rate& a, const Rate& b) { return a.value_ > b.value_; }
    friend bool operator>=(const Rate& a, const Rate& b) { return a.value_ >= b.value_; }

private:
    Decimal value_;
};

inline std::ostream& operator<<(std::ostream& os, const Rate& r) { return os << r.to_string(); }

}  // namespace zorginkoop
