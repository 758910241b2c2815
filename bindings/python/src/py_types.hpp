#pragma once
// Python objects with the type the generated stubs give them (scripts/gen_stubs.sh reads the
// signatures pybind11 writes). A binding that takes "any number" or returns a decimal.Decimal
// declares it with one of these instead of py::handle / py::object, so that the stub says
// `str | int | decimal.Decimal` or `decimal.Decimal` rather than `Any`. They are plain py::object
// otherwise: every value is accepted as it is and read by the convert.hpp functions.

#include <pybind11/pybind11.h>

namespace zkpy {

namespace py = pybind11;

namespace detail {
inline bool any_object(PyObject*) { return true; }
}  // namespace detail

/// A py::object whose stub type is Tag::name.
template <class Tag>
class Typed : public py::object {
public:
    PYBIND11_OBJECT_DEFAULT(Typed, py::object, detail::any_object)
};

struct NumberTag {  // what to_decimal reads (a float is refused there with a TypeError)
    static constexpr auto name = py::detail::const_name("str | int | decimal.Decimal");
};
struct DecimalTag {
    static constexpr auto name = py::detail::const_name("decimal.Decimal");
};
struct OptDecimalTag {
    static constexpr auto name = py::detail::const_name("decimal.Decimal | None");
};
struct IntTag {  // what to_int reads (int and numpy integers)
    static constexpr auto name = py::detail::const_name("int");
};
struct AnyTag {  // an operand of a binary operator (NotImplemented for a foreign type)
    static constexpr auto name = py::detail::const_name("object");
};
struct BoolTag {  // a comparison, or NotImplemented for a foreign type
    static constexpr auto name = py::detail::const_name("bool");
};
struct MoneyTag {  // Money, or NotImplemented for a foreign type
    static constexpr auto name = py::detail::const_name("Money");
};
struct RateTag {
    static constexpr auto name = py::detail::const_name("Rate");
};
struct RoundingModeTag {
    static constexpr auto name = py::detail::const_name("zorginkoop.enums.RoundingMode");
};
struct OptNumberTag {
    static constexpr auto name = py::detail::const_name("str | int | decimal.Decimal | None");
};
struct OptIntTag {
    static constexpr auto name = py::detail::const_name("int | None");
};
struct MoneyOrDecimalTag {  // Money / Money is a number, Money / number is Money
    static constexpr auto name = py::detail::const_name("Money | decimal.Decimal");
};
struct DateTag {
    static constexpr auto name = py::detail::const_name("datetime.date");
};
struct OptDateTag {
    static constexpr auto name = py::detail::const_name("datetime.date | None");
};
struct DateArgTag {  // what to_date reads
    static constexpr auto name = py::detail::const_name("datetime.date | str");
};
struct ModeArgTag {
    static constexpr auto name = py::detail::const_name("zorginkoop.enums.RoundingMode | str");
};

using Number = Typed<NumberTag>;
using OptNumber = Typed<OptNumberTag>;
using OptInt = Typed<OptIntTag>;
using MoneyOrDecimal = Typed<MoneyOrDecimalTag>;
using ModeArg = Typed<ModeArgTag>;
using DateValue = Typed<DateTag>;
using DateArg = Typed<DateArgTag>;
using OptDate = Typed<OptDateTag>;
using RoundingModeValue = Typed<RoundingModeTag>;
using DecimalValue = Typed<DecimalTag>;
using OptDecimal = Typed<OptDecimalTag>;
using Int = Typed<IntTag>;
using Operand = Typed<AnyTag>;
using BoolResult = Typed<BoolTag>;
using MoneyResult = Typed<MoneyTag>;
using RateResult = Typed<RateTag>;

}  // namespace zkpy

namespace pybind11::detail {
template <class Tag>
struct handle_type_name<zkpy::Typed<Tag>> {
    static constexpr auto name = Tag::name;
};
}  // namespace pybind11::detail
