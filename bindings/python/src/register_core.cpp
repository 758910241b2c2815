// Money, Rate, RoundingPolicy, dates and the iJw helpers.

#include <functional>

#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "zorginkoop/core.hpp"
#include "zorginkoop/tariff/ijw.hpp"

namespace py = pybind11;
using namespace zorginkoop;
using zkpy::from_decimal;
using zkpy::to_decimal;

namespace {

RoundingPolicy make_policy(const std::string& mode, py::handle scale, py::object multiple_of) {
    std::optional<Decimal> step;
    if (!multiple_of.is_none()) step = to_decimal(multiple_of, "multiple_of");
    return RoundingPolicy(parse_rounding_mode(mode), zkpy::to_int(scale, "scale"), step);
}

bool is_number_like(py::handle o) {
    return py::isinstance<py::int_>(o) || py::isinstance<py::str>(o) ||
           py::isinstance(o, py::module_::import("decimal").attr("Decimal"));
}

}  // namespace

void register_core(py::module_& m) {
    py::class_<RoundingPolicy>(m, "RoundingPolicy", "How an amount is rounded: mode (half_up, half_even, up, down), scale (decimals) and an optional multiple_of step.")
        .def(py::init(&make_policy), py::arg("mode") = "half_up", py::arg("scale") = py::int_(2),
             py::arg("multiple_of") = py::none())
        .def_property_readonly("mode", [](const RoundingPolicy& p) { return std::string(rounding_mode_name(p.mode)); })
        .def_property_readonly("scale", [](const RoundingPolicy& p) { return p.scale; })
        .def_property_readonly("multiple_of", [](const RoundingPolicy& p) -> py::object {
            if (!p.multiple_of) return py::none();
            return from_decimal(*p.multiple_of);
        })
        .def("apply", [](const RoundingPolicy& p, py::handle v) { return from_decimal(p.apply(to_decimal(v, "value"))); },
             py::arg("value"))
        .def("describe", &RoundingPolicy::describe)
        .def("__eq__", [](const RoundingPolicy& a, py::handle b) -> py::object {
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
        .def(py::init([](py::handle v) { return Rate(to_decimal(v, "Rate")); }), py::arg("value"))
        .def_static("from_percent", [](py::handle v) { return Rate::from_percent(to_decimal(v, "percent")); },
                    py::arg("percent"))
        .def("to_decimal", [](const Rate& r) { return from_decimal(r.value()); })
        .def("percent", [](const Rate& r) { return from_decimal(r.percent()); })
        .def("round", &Rate::round, py::arg("policy"))
        .def("__str__", &Rate::to_string)
        .def("__repr__", [](const Rate& r) { return "Rate('" + r.to_string() + "')"; })
        .def("__hash__", [](const Rate& r) { return py::hash(py::str("Rate:" + r.to_string())); })
        .def("__eq__", [](const Rate& a, py::handle b) -> py::object {
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
        .def("__mul__", [](const Rate& a, py::handle b) -> py::object {
            if (py::isinstance<Rate>(b)) return py::cast(a * b.cast<const Rate&>());
            if (py::isinstance<py::float_>(b)) zkpy::raise_float_error("Rate * float");
            if (is_number_like(b)) return py::cast(a * to_decimal(b, "factor"));
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        })
        .def("__rmul__", [](const Rate& a, py::handle b) -> py::object {
            if (py::isinstance<py::float_>(b)) zkpy::raise_float_error("float * Rate");
            if (is_number_like(b)) return py::cast(a * to_decimal(b, "factor"));
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        });

    py::class_<Money>(m, "Money", "An exact amount in euros; from str, int or decimal.Decimal, never float. Money * Money is a TypeError.")
        .def(py::init([](py::handle v) { return Money(to_decimal(v, "Money")); }), py::arg("value"))
        .def_static("from_cents", [](py::handle c) { return Money::from_cents(zkpy::to_int64(c, "cents")); },
                    py::arg("cents"))
        .def("to_cents", &Money::to_cents)
        // at least cents, as the amount is written (Decimal("54.30"), not Decimal("54.3"))
        .def("to_decimal", [](const Money& a) { return from_decimal(a.amount(), 2); })
        .def("round", &Money::round, py::arg("policy"))
        .def("__str__", &Money::to_string)
        .def("__repr__", [](const Money& a) { return "Money('" + a.to_string() + "')"; })
        .def("__hash__", [](const Money& a) { return py::hash(py::str("Money:" + a.amount().to_string())); })
        .def("__eq__", [](const Money& a, py::handle b) -> py::object {
            if (!py::isinstance<Money>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == b.cast<const Money&>());
        })
        .def(py::self < py::self)
        .def(py::self <= py::self)
        .def(py::self > py::self)
        .def(py::self >= py::self)
        .def(py::self + py::self)
        .def(py::self - py::self)
        .def(-py::self)
        .def("__abs__", &Money::abs)
        .def("__bool__", [](const Money& a) { return !a.is_zero(); })
        .def("__mul__", [](const Money& a, py::handle b) -> py::object {
            if (py::isinstance<Money>(b)) throw py::type_error("Money * Money has no meaning; multiply by a number or a Rate");
            if (py::isinstance<Rate>(b)) return py::cast(a * b.cast<const Rate&>());
            if (py::isinstance<py::float_>(b)) zkpy::raise_float_error("Money * float");
            if (is_number_like(b)) return py::cast(a * to_decimal(b, "factor"));
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        })
        .def("__rmul__", [](const Money& a, py::handle b) -> py::object {
            if (py::isinstance<Rate>(b)) return py::cast(b.cast<const Rate&>() * a);
            if (py::isinstance<py::float_>(b)) zkpy::raise_float_error("float * Money");
            if (is_number_like(b)) return py::cast(to_decimal(b, "factor") * a);
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        })
        .def("__truediv__", [](const Money& a, py::handle b) -> py::object {
            if (py::isinstance<Money>(b)) return from_decimal(a / b.cast<const Money&>());
            if (py::isinstance<py::float_>(b)) zkpy::raise_float_error("Money / float");
            if (is_number_like(b)) return py::cast(a / to_decimal(b, "divisor"));
            return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        });

    // Dates
    m.def("term_end", [](py::handle start, py::handle months) {
        return zkpy::from_date(term_end(zkpy::to_date(start, "start"), zkpy::to_int(months, "months")));
    }, "The last day of a term of `months` months from `start` (the day before the corresponding day; EU Regulation 1182/71 art. 3(2)(c)).", py::arg("start"), py::arg("months"));
    m.def("end_of_quarter", [](py::handle d) { return zkpy::from_date(end_of_quarter(zkpy::to_date(d, "date"))); }, "The last day of the quarter of `date`.", py::arg("date"));
    m.def("add_months", [](py::handle d, py::handle months, const std::string& policy) {
        EndOfMonth p = policy == "clamp" ? EndOfMonth::clamp : policy == "refuse" ? EndOfMonth::refuse
                       : throw InvalidInput("end_of_month must be 'clamp' or 'refuse'");
        return zkpy::from_date(add_months(zkpy::to_date(d, "date"), zkpy::to_int(months, "months"), p));
    }, "`date` plus `months` months; end_of_month 'clamp' (to the month's last day) or 'refuse' (InvalidInput).", py::arg("date"), py::arg("months"), py::arg("end_of_month"));
    m.def("parse_date", [](const std::string& s) { return zkpy::from_date(parse_date(s)); }, "A date from ISO text YYYY-MM-DD (0001-01-01..9999-12-31).", py::arg("text"));

    // iJw helpers
    m.def("ijw_amount_cents", [](const Money& t) { return ijw::to_amount_cents(t); }, "The iJw amount of a tariff in whole eurocents.", py::arg("tariff"));
    m.def("ijw_minute_tariff", &ijw::minute_tariff, "The minute tariff (IV081) of an hourly tariff.", py::arg("hourly"));
    m.def("ijw_minute_invoice", [](const Money& hourly, py::handle minutes) {
        return ijw::minute_invoice(hourly, zkpy::to_int64(minutes, "minutes"));
    }, "The invoice amount of `minutes` minutes at an hourly tariff (IV081).", py::arg("hourly"), py::arg("minutes"));
    m.def("ijw_unit", [](const std::string& code_or_name) {
        const auto& i = ijw::info(ijw::parse_unit(code_or_name));
        return py::make_tuple(std::string(i.code), std::string(i.name), std::string(i.label));
    }, "The iJw unit (code, name, label) of a unit code or name.", py::arg("code_or_name"));
}
