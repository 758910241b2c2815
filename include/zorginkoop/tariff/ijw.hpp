#pragma once
// iJw / iWmo 3.2 helpers: WJ756 units, LDT_Bedrag eurocents, and the IV081 minute arithmetic.
// Source: Zorginstituut Nederland, iJw 3.2 / iWmo 3.2 Basisschema and code lists (WJ756,
// LDT_Bedrag) and rule IV081 (release 3.2, https://www.istandaarden.nl).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "zorginkoop/core/money.hpp"

namespace zorginkoop::ijw {

/// WJ756 (LDT_Eenheid) codes.
enum class Unit { minuut, uur, etmaal, dagdeel, stuks_output, euro, stuks_inspanning };

struct UnitInfo {
    Unit unit;
    std::string_view code;   // "04"
    std::string_view name;   // identifier used in documents ("uur")
    std::string_view label;  // WJ756 meaning ("Uur")
};

inline constexpr std::array<UnitInfo, 7> units{{
    {Unit::minuut, "01", "minuut", "Minuut"},
    {Unit::uur, "04", "uur", "Uur"},
    {Unit::etmaal, "14", "etmaal", "Etmaal"},
    {Unit::dagdeel, "16", "dagdeel", "Dagdeel (4 uur)"},
    {Unit::stuks_output, "82", "stuks_output", "Stuks (output)"},
    {Unit::euro, "83", "euro", "Euro's"},
    {Unit::stuks_inspanning, "84", "stuks_inspanning", "Stuks (inspanning)"},
}};

inline const UnitInfo& info(Unit u) {
    for (const auto& i : units)
        if (i.unit == u) return i;
    throw InvalidInput("unknown unit");
}

/// A WJ756 code ("04") or name ("uur"), normalised; nullopt when neither.
inline std::optional<Unit> find_unit(std::string_view code_or_name) {
    for (const auto& i : units)
        if (i.code == code_or_name || i.name == code_or_name) return i.unit;
    return std::nullopt;
}

inline Unit parse_unit(std::string_view code_or_name) {
    if (auto u = find_unit(code_or_name)) return *u;
    throw InvalidInput("'" + std::string(code_or_name) +
                       "' is not a WJ756 unit (01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82 stuks_output, "
                       "83 euro, 84 stuks_inspanning)");
}

/// LDT_Bedrag: integer eurocents 0 … 99,999,999.
inline constexpr std::int64_t max_amount_cents = 99999999;

/// A tariff as LDT_Bedrag eurocents. InvalidInput when it has fractions of a cent (round it
/// first) or lies outside 0 … 99,999,999.
inline std::int64_t to_amount_cents(const Money& tariff) {
    const std::int64_t cents = tariff.to_cents();
    if (cents < 0 || cents > max_amount_cents)
        throw InvalidInput("tariff " + tariff.to_string() + " is outside LDT_Bedrag (0 to 999999.99 euro)");
    return cents;
}

/// IV081: the minute tariff of an hourly tariff, hourly / 60 rounded half-up to cents.
inline Money minute_tariff(const Money& hourly) {
    return (hourly / Decimal(60)).round(RoundingPolicy(RoundingMode::half_up, 2));
}

/// IV081: the invoice amount for `minutes` minutes of an hourly tariff,
/// hourly × minutes / 60 rounded half-up to cents (never minute_tariff × minutes).
inline Money minute_invoice(const Money& hourly, std::int64_t minutes) {
    if (minutes < 0) throw InvalidInput("minutes must not be negative");
    return (hourly * Decimal(minutes) / Decimal(60)).round(RoundingPolicy(RoundingMode::half_up, 2));
}

}  // namespace zorginkoop::ijw
