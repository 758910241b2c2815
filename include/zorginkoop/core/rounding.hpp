#pragma once
// RoundingPolicy: rounding as a value, passed where it applies and recorded in every result.

#include <optional>
#include <string>

#include "zorginkoop/core/decimal.hpp"

namespace zorginkoop {

struct RoundingPolicy {
    RoundingMode mode = RoundingMode::half_up;
    int scale = 2;                       // fractional digits of the result (0..18)
    std::optional<Decimal> multiple_of;  // when set: round to a whole multiple of it instead

    RoundingPolicy() = default;
    RoundingPolicy(RoundingMode m, int s, std::optional<Decimal> step = std::nullopt)
        : mode(m), scale(s), multiple_of(std::move(step)) {
        validate();
    }

    /// The Dutch default: half-up to whole cents.
    static RoundingPolicy cents() { return RoundingPolicy(RoundingMode::half_up, 2); }

    /// InvalidInput when the scale is outside 0..18, multiple_of is not positive, or multiple_of
    /// has more fractional digits than the scale.
    void validate() const {
        if (scale < 0 || scale > Decimal::scale)
            throw InvalidInput("rounding scale must be between 0 and 18, got " + std::to_string(scale));
        if (multiple_of) {
            if (multiple_of->sign() <= 0)
                throw InvalidInput("multiple_of must be positive, got " + multiple_of->to_string());
            if (multiple_of->fraction_digits() > scale)
                throw InvalidInput("multiple_of " + multiple_of->to_string() + " has more fractional digits than scale " +
                                   std::to_string(scale));
        }
    }

    Decimal apply(const Decimal& value) const {
        if (multiple_of) return value.round_to_multiple(*multiple_of, mode);
        return value.round_to_scale(scale, mode);
    }

    /// "half_up, 2 decimals" / "half_up, multiple of 0.60".
    std::string describe() const {
        std::string s = rounding_mode_name(mode);
        if (multiple_of) return s + ", multiple of " + multiple_of->to_string(scale);
        return s + ", " + std::to_string(scale) + " decimals";
    }

    friend bool operator==(const RoundingPolicy& a, const RoundingPolicy& b) {
        return a.mode == b.mode && a.scale == b.scale && a.multiple_of == b.multiple_of;
    }
    friend bool operator!=(const RoundingPolicy& a, const RoundingPolicy& b) { return !(a == b); }
};

inline Decimal round(const Decimal& value, const RoundingPolicy& policy) { return policy.apply(value); }

}  // namespace zorginkoop
