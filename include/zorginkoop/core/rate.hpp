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
    /// From a percentage: from_percent(6.30) == Rate(0.063). A percentage with more than 16
    /// fractional digits would need more than the 18 a Decimal keeps once divided by 100: it is an
    /// InvalidInput (as parsing text with more than 18 fractional digits is), never rounded.
    static Rate from_percent(const Decimal& percent) {
        if (percent.raw() % 100 != 0)
            throw InvalidInput("percentage " + detail::quote_text(percent.to_string()) +
                               " has more than 16 fractional digits: as a fraction it would need more "
                               "than 18, and zorginkoop keeps 18 exactly and does not round input");
        return Rate(percent / Decimal(100));
    }

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
