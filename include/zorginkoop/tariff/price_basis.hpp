#pragma once
// PriceBasis: how a tariff relates to its cost price (docs/cost-model.md, "The realism check and the price basis"). One enumeration for
// the realism check of the tariff module and for the products of a procurement document
// (`price_basis:`).

#include <string_view>

#include "zorginkoop/core/enum_table.hpp"

namespace zorginkoop {

/// fixed: the tariff must equal the cost price after rounding; floor: the tariff must not be
/// below it; substantiated: the provider's build-up must cover every element and its parameters
/// must be plausible (and the tariff must cover it).
enum class PriceBasis { fixed, floor, substantiated };

/// "fixed", "floor", "substantiated" (the words of the document and cost-model formats).
inline constexpr EnumTable<PriceBasis, 3> price_basis_table{
    {{{PriceBasis::fixed, "fixed"}, {PriceBasis::floor, "floor"}, {PriceBasis::substantiated, "substantiated"}}}};

inline const char* price_basis_name(PriceBasis b) noexcept { return price_basis_table.name(b); }
/// InvalidInput for any other word (without a path: the caller names where it was read).
PriceBasis parse_price_basis(std::string_view s);

}  // namespace zorginkoop
