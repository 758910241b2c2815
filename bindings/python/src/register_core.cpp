// Money, Rate, RoundingPolicy, dates and the iJw helpers.

#include <functional>

#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "py_types.hpp"
#include "zorginkoop/core.hpp"
#include "zorginkoop/tariff/ijw.hpp"

namespace py = pybind11;
using namespace zorginkoop;
using zkpy::from_decimal;
using zkpy::to_decimal;

namespace {

RoundingPolicy make_policy(const zkpy::ModeArg& mode, zkpy::Int scale, zkpy::OptNumber multiple_of) {
    std::optional<Decimal> step;
    if (!multiple_of.is_none()) step = to_decimal(multiple_of, "multiple_of");
    return RoundingPolicy(parse_rounding_mode(mode.cast<std::string>()), zkpy::to_int(scale, "scale"), step);
}

bool is_decimal(py::handle o) { return py::isinstance(o, py::module_::import("decimal").attr("Decimal")); }

/// An amount of euros Money meets in comparisons and sums: a decimal.Decimal or an int (not a
/// bool, not a str). A float is a TypeError (no binary floating point near money).
std::optional<Decimal> euros(py::handle o, const char* op) {
    if (py::isinstance<py::float_>(o) || zkpy::is_numpy_scalar_kind(o, "f")) zkpy::raise_float_error(std::string("Money ") + op + " float");
    if (py::isinstance<py::bool_>(o)) return std::nullopt;
    if (py::isinstance<py::int_>(o) || is_decimal(o)) return to_decimal(o, "amount");
    return std::nullopt;
}
py::object not_implemented() { return py::reinterpret_borrow<py::object>(Py_NotImplemented); }

/// Money or euros (Decimal, int) as a Decimal amount; nullopt for anything else.
std::optional<Decimal> amount_of(py::handle o, const char* op) {
    if (py::isinstance<Money>(o)) return o.cast<const Money&>().amount();
    return euros(o, op);
}

bool is_number_like(py::handle o) {
    return py::isinstance<py::int_>(o) || py::isinstance<py::str>(o) ||
           py::isinstance(o, py::module_::import("decimal").attr("Decimal"));
}

}  // namespace

/// The words of EndOfMonth (core/date.hpp has none: only add_months here reads them); also read
/// by vocabularies() in module.cpp.
const char* end_of_month_name(EndOfMonth p) noexcept {
    switch (p) {
        case EndOfMonth::clamp: return "clamp";
        case EndOfMonth::refuse: return "refuse";
    }
    return "clamp";
}
EndOfMonth parse_end_of_month(const std::string& word) {
    if (word == end_of_month_name(EndOfMonth::clamp)) return EndOfMonth::clamp;
    if (word == end_of_month_name(EndOfMonth::refuse)) return EndOfMonth::refuse;
    throw InvalidInput("end_of_month must be 'clamp' or 'refuse'");
}

void register_core(py::module_& m) {
    py::class_<RoundingPolicy>(m, "RoundingPolicy", "How an amount is rounded: mode (half_up, half_even, up, down), scale (decimals) and an optional multiple_of step.")
        .def(py::init(&make_policy), py::arg("mode") = "half_up", py::arg("scale") = py::int_(2),
             py::arg("multiple_of") = py::none())
        .def_property_readonly("mode", [](const RoundingPolicy& p) -> zkpy::RoundingModeValue { return zkpy::word("RoundingMode", rounding_mode_name(p.mode)); })
        .def_property_readonly("scale", [](const RoundingPolicy& p) { return p.scale; })
        .def_property_readonly("multiple_of", [](const RoundingPolicy& p) -> zkpy::OptDecimal {
            if (!p.multiple_of) return py::none();
            return from_decimal(*p.multiple_of);
        })
        .def("apply", [](const RoundingPolicy& p, zkpy::Number v) -> zkpy::DecimalValue { return from_decimal(p.apply(to_decimal(v, "value"))); },
             py::arg("value"))
        .def("describe", &RoundingPolicy::describe)
        .def_static("cents", &RoundingPolicy::cents,
                    "Whole cents, half up (the Dutch default): RoundingPolicy('half_up', 2).")
        .def("__eq__", [](const RoundingPolicy& a, zkpy::Operand b) -> zkpy::BoolResult {
            if (!py::isinstance<RoundingPolicy>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == b.cast<const RoundingPolicy&>());
        })
        .def("__hash__", [](const RoundingPolicy& p) {
            return py::hash(py::make_tuple(static_cast<int>(p.mode), p.scale,
                                           p.multiple_of ? p.multiple_of->to_string() : std::string()));
        })
        .def("__repr__", [](const RoundingPolicy& p) {
            std::string s = std::string("RoundingPolicy('") + rounding_mode_name(p.mode) + "', " + std::to_string(p.scale);
            if (p.multiple_of) s += ", multiple_of=Decimal('" + p.multiple_of->to_string() + "')";
            return s + ")";
        });

    py::class_<Rate>(m, "Rate", "An exact fraction (0.22 is 22 %); from str, int or decimal.Decimal, never float.")
        .def(py::init([](zkpy::Number v) { return Rate(to_decimal(v, "Rate")); }), py::arg("value"))
        .def_static("from_percent", [](zkpy::Number v) { return Rate::from_percent(to_decimal(v, "percent")); },
                    py::arg("percent"))
        .def("to_decimal", [](const Rate& r) -> zkpy::DecimalValue { return from_decimal(r.value()); })
        .def("percent", [](const Rate& r) -> zkpy::DecimalValue { return from_decimal(r.percent()); })
        .def("round", &Rate::round, py::arg("policy"))
        .def("__str__", &Rate::to_string)
        .def("__repr__", [](const Rate& r) { return "Rate('" + r.to_string() + "')"; })
        .def("__hash__", [](const Rate& r) { return py::hash(py::str("Rate:" + r.to_string())); })
        .def("__eq__", [](const Rate& a, zkpy::Operand b) -> zkpy::BoolResult {
            if (!py::isinstance<Rate>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == b.cast<const Rate&>());
        })
        .def(py::self < py::self)
        .def(py::self <= py::self)
        .def(py::self > py::self)
        .def(py::self >= py::self)
        .def(py::self + py::self)
        .def(py::self - py::self)
        .def(-py::self)
        .def("__mul__", [](const Rate& a, zkpy::Operand b) -> zkpy::RateResult {
            if (py::isinstance<Rate>(b)) return py::cast(a * b.cast<const Rate&>());
            if (py::isinstance<py::float_>(b)) zkpy::raise_float_error("Rate * float");
            if (is_number_like(b)) return py::cast(a * to_decimal(b, "factor"));
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        })
        .def("__rmul__", [](const Rate& a, zkpy::Operand b) -> zkpy::RateResult {
            if (py::isinstance<py::float_>(b)) zkpy::raise_float_error("float * Rate");
            if (is_number_like(b)) return py::cast(a * to_decimal(b, "factor"));
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        });

    py::class_<Money>(m, "Money", "An exact amount in euros; from str, int or decimal.Decimal, never float. Money * Money is a TypeError.")
        .def(py::init([](zkpy::Number v) { return Money(to_decimal(v, "Money")); }), py::arg("value"))
        .def_static("from_cents", [](zkpy::Int c) { return Money::from_cents(zkpy::to_int64(c, "cents")); },
                    py::arg("cents"))
        .def("to_cents", &Money::to_cents)
        // at least cents, as the amount is written (Decimal("54.30"), not Decimal("54.3"))
        .def("to_decimal", [](const Money& a) -> zkpy::DecimalValue { return from_decimal(a.amount(), 2); })
        .def("round", &Money::round, py::arg("policy"))
        .def("__str__", &Money::to_string)
        .def("__repr__", [](const Money& a) { return "Money('" + a.to_string() + "')"; })
        // Money equals the Decimal (or int) of the same amount of euros, so it hashes as that Decimal.
        .def("__hash__", [](const Money& a) { return py::hash(from_decimal(a.amount())); })
        .def("__eq__", [](const Money& a, zkpy::Operand b) -> zkpy::BoolResult {
            auto v = amount_of(b, "==");
            return v ? py::bool_(a.amount() == *v) : not_implemented();
        })
        .def("__ne__", [](const Money& a, zkpy::Operand b) -> zkpy::BoolResult {
            auto v = amount_of(b, "!=");
            return v ? py::bool_(a.amount() != *v) : not_implemented();
        })
        .def("__lt__", [](const Money& a, zkpy::Operand b) -> zkpy::BoolResult {
            auto v = amount_of(b, "<");
            return v ? py::bool_(a.amount() < *v) : not_implemented();
        })
        .def("__le__", [](const Money& a, zkpy::Operand b) -> zkpy::BoolResult {
            auto v = amount_of(b, "<=");
            return v ? py::bool_(a.amount() <= *v) : not_implemented();
        })
        .def("__gt__", [](const Money& a, zkpy::Operand b) -> zkpy::BoolResult {
            auto v = amount_of(b, ">");
            return v ? py::bool_(a.amount() > *v) : not_implemented();
        })
        .def("__ge__", [](const Money& a, zkpy::Operand b) -> zkpy::BoolResult {
            auto v = amount_of(b, ">=");
            return v ? py::bool_(a.amount() >= *v) : not_implemented();
        })
        // A Decimal or int added to (subtracted from) Money is an amount of euros; sum() starts at 0.
        .def("__add__", [](const Money& a, zkpy::Operand b) -> zkpy::MoneyResult {
            auto v = amount_of(b, "+");
            return v ? py::cast(a + Money(*v)) : not_implemented();
        })
        .def("__radd__", [](const Money& a, zkpy::Operand b) -> zkpy::MoneyResult {
            auto v = euros(b, "+");
            return v ? py::cast(Money(*v) + a) : not_implemented();
        })
        .def("__sub__", [](const Money& a, zkpy::Operand b) -> zkpy::MoneyResult {
            auto v = amount_of(b, "-");
            return v ? py::cast(a - Money(*v)) : not_implemented();
        })
        .def("__rsub__", [](const Money& a, zkpy::Operand b) -> zkpy::MoneyResult {
            auto v = euros(b, "-");
            return v ? py::cast(Money(*v) - a) : not_implemented();
        })
        .def(-py::self)
        // round(m, n): half up (away from zero) to n decimals, the default of RoundingPolicy.
        .def("__round__", [](const Money& a, zkpy::OptInt ndigits) {
            const int scale = ndigits.is_none() ? 0 : zkpy::to_int(ndigits, "ndigits");
            return a.round(RoundingPolicy(RoundingPolicy{}.mode, scale));  // the default mode: half_up
        }, py::arg("ndigits") = py::none())
        // format(m, ".2f"): the Decimal's format, with ties rounded half up as round() does.
        .def("__format__", [](const Money& a, const std::string& spec) -> py::str {
            if (spec.empty()) return py::str(a.to_string());
            py::module_ decimal = py::module_::import("decimal");
            py::object ctx = decimal.attr("Context")();
            ctx.attr("prec") = 80;  // more digits than a Money holds: only the spec rounds
            ctx.attr("rounding") = decimal.attr("ROUND_HALF_UP");
            py::object manager = decimal.attr("localcontext")(ctx);
            manager.attr("__enter__")();
            py::str out;
            try {
                out = from_decimal(a.amount(), 2).attr("__format__")(spec);
            } catch (...) {
                manager.attr("__exit__")(py::none(), py::none(), py::none());
                throw;
            }
            manager.attr("__exit__")(py::none(), py::none(), py::none());
            return out;
        }, py::arg("format_spec"))
        .def("__abs__", &Money::abs)
        .def("__bool__", [](const Money& a) { return !a.is_zero(); })
        .def("__mul__", [](const Money& a, zkpy::Operand b) -> zkpy::MoneyResult {
            if (py::isinstance<Money>(b)) throw py::type_error("Money * Money has no meaning; multiply by a number or a Rate");
            if (py::isinstance<Rate>(b)) return py::cast(a * b.cast<const Rate&>());
            if (py::isinstance<py::float_>(b)) zkpy::raise_float_error("Money * float");
            if (is_number_like(b)) return py::cast(a * to_decimal(b, "factor"));
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        })
        .def("__rmul__", [](const Money& a, zkpy::Operand b) -> zkpy::MoneyResult {
            if (py::isinstance<Rate>(b)) return py::cast(b.cast<const Rate&>() * a);
            if (py::isinstance<py::float_>(b)) zkpy::raise_float_error("float * Money");
            if (is_number_like(b)) return py::cast(to_decimal(b, "factor") * a);
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        })
        .def("__truediv__", [](const Money& a, zkpy::Operand b) -> zkpy::MoneyOrDecimal {
            if (py::isinstance<Money>(b)) return from_decimal(a / b.cast<const Money&>());
            if (py::isinstance<py::float_>(b)) zkpy::raise_float_error("Money / float");
            if (is_number_like(b)) return py::cast(a / to_decimal(b, "divisor"));
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        });

    // Dates
    m.def("term_end", [](zkpy::DateArg start, zkpy::Int months) -> zkpy::DateValue {
        return zkpy::from_date(term_end(zkpy::to_date(start, "start"), zkpy::to_int(months, "months")));
    }, "The last day of a term of `months` months from `start` (the day before the corresponding day; EU Regulation 1182/71 art. 3(2)(c)).", py::arg("start"), py::arg("months"));
    m.def("end_of_quarter", [](zkpy::DateArg d) -> zkpy::DateValue { return zkpy::from_date(end_of_quarter(zkpy::to_date(d, "date"))); }, "The last day of the quarter of `date`.", py::arg("date"));
    m.def("add_months", [](zkpy::DateArg d, zkpy::Int months, const std::string& policy) -> zkpy::DateValue {
        return zkpy::from_date(add_months(zkpy::to_date(d, "date"), zkpy::to_int(months, "months"),
                                          parse_end_of_month(policy)));
    }, "`date` plus `months` months; end_of_month 'clamp' (to the month's last day) or 'refuse' (InvalidInput).", py::arg("date"), py::arg("months"), py::arg("end_of_month"));
    m.def("parse_date", [](const std::string& s) -> zkpy::DateValue { return zkpy::from_date(parse_date(s)); }, "A date from ISO text YYYY-MM-DD (0001-01-01..9999-12-31).", py::arg("text"));

    // iJw helpers
    m.def("ijw_amount_cents", [](const Money& t) { return ijw::to_amount_cents(t); }, "The iJw amount of a tariff in whole eurocents.", py::arg("tariff"));
    m.def("ijw_minute_tariff", &ijw::minute_tariff, "The minute tariff (IV081) of an hourly tariff.", py::arg("hourly"));
    m.def("ijw_minute_invoice", [](const Money& hourly, zkpy::Int minutes) {
        return ijw::minute_invoice(hourly, zkpy::to_int64(minutes, "minutes"));
    }, "The invoice amount of `minutes` minutes at an hourly tariff (IV081).", py::arg("hourly"), py::arg("minutes"));
    m.def("ijw_unit", [](const std::string& code_or_name) {
        const auto& i = ijw::info(ijw::parse_unit(code_or_name));
        return py::make_tuple(std::string(i.code), std::string(i.name), std::string(i.label));
    }, "The iJw unit (code, name, label) of a unit code or name.", py::arg("code_or_name"));
}
