#include "convert.hpp"

#include <pybind11/stl.h>

namespace zkpy {

using namespace zorginkoop;

namespace {
py::handle decimal_class() {
    PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<py::object> storage;
    return storage.call_once_and_store_result([] { return py::module_::import("decimal").attr("Decimal"); }).get_stored();
}
py::handle date_class() {
    PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<py::object> storage;
    return storage.call_once_and_store_result([] { return py::module_::import("datetime").attr("date"); }).get_stored();
}
}  // namespace

void raise_float_error(const std::string& what) {
    throw py::type_error(what + ": Python float is binary floating point and cannot hold decimal amounts, rates "
                                "or hours exactly; pass a str (\"12.30\"), an int or a decimal.Decimal");
}

Decimal to_decimal(py::handle value, const std::string& what) {
    if (py::isinstance<py::bool_>(value)) throw py::type_error(what + ": expected a decimal number, not a bool");
    if (py::isinstance<py::float_>(value)) raise_float_error(what);
    if (py::isinstance<py::str>(value)) return Decimal::parse(value.cast<std::string>());
    if (py::isinstance<py::int_>(value)) return Decimal::parse(py::str(value).cast<std::string>());
    if (py::isinstance(value, decimal_class())) {
        if (!value.attr("is_finite")().cast<bool>())
            throw py::value_error(what + ": " + py::str(value).cast<std::string>() + " is not a finite number");
        return Decimal::parse(py::str(value).cast<std::string>());
    }
    if (py::isinstance<Money>(value)) return value.cast<const Money&>().amount();
    if (py::isinstance<Rate>(value)) return value.cast<const Rate&>().value();
    throw py::type_error(what + ": expected str, int or decimal.Decimal, got " +
                         py::str(py::type::of(value).attr("__name__")).cast<std::string>());
}

py::object from_decimal(const Decimal& d) { return decimal_class()(d.to_string()); }

Date to_date(py::handle value, const std::string& what) {
    if (py::isinstance<py::str>(value)) return parse_date(value.cast<std::string>());
    if (py::isinstance(value, date_class()) &&
        !py::isinstance(value, py::module_::import("datetime").attr("datetime"))) {
        return make_date(value.attr("year").cast<int>(), value.attr("month").cast<unsigned>(),
                         value.attr("day").cast<unsigned>());
    }
    throw py::type_error(what + ": expected datetime.date or an ISO date string");
}

py::object from_date(const Date& d) {
    return date_class()(static_cast<int>(d.year()), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

io::Node to_node(py::handle value, const std::string& path) {
    const std::string where = path.empty() ? std::string("value") : path;
    if (value.is_none()) return io::Node::null();
    if (py::isinstance<py::bool_>(value))
        return io::Node::scalar(value.cast<bool>() ? "true" : "false", io::Node::Style::plain);
    if (py::isinstance<py::float_>(value)) raise_float_error(where);
    if (py::isinstance<py::int_>(value)) return io::Node::scalar(py::str(value).cast<std::string>(), io::Node::Style::plain);
    if (py::isinstance<py::str>(value)) return io::Node::scalar(value.cast<std::string>(), io::Node::Style::quoted);
    if (py::isinstance(value, decimal_class()) || py::isinstance<Money>(value) || py::isinstance<Rate>(value))
        return io::Node::scalar(to_decimal(value, where).to_string(), io::Node::Style::plain);
    if (py::isinstance(value, date_class()))
        return io::Node::scalar(format_date(to_date(value, where)), io::Node::Style::plain);
    if (py::isinstance<py::dict>(value) || py::hasattr(value, "keys")) {
        io::Node m = io::Node::mapping();
        for (auto item : value.attr("items")()) {
            auto pair = item.cast<py::tuple>();
            if (!py::isinstance<py::str>(pair[0]))
                throw py::type_error(where + ": mapping keys must be str");
            const std::string key = pair[0].cast<std::string>();
            m.add(key, to_node(pair[1], path.empty() ? key : path + "." + key));
        }
        return m;
    }
    if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
        io::Node s = io::Node::sequence();
        std::size_t i = 0;
        for (auto item : value) s.push_back(to_node(item, path + "[" + std::to_string(i++) + "]"));
        return s;
    }
    throw py::type_error(where + ": cannot use a value of type " +
                         py::str(py::type::of(value).attr("__name__")).cast<std::string>());
}

py::object from_node(const io::Node& n) {
    switch (n.kind()) {
        case io::Node::Kind::null: return py::none();
        case io::Node::Kind::scalar:
            // Plain true/false are booleans (so that to_dict → from_dict round-trips); every other
            // scalar stays text, so that decimals never pass through float.
            if (n.style() == io::Node::Style::plain && (n.text() == "true" || n.text() == "false"))
                return py::bool_(n.text() == "true");
            return py::str(n.text());
        case io::Node::Kind::sequence: {
            py::list l;
            for (const auto& i : n.items()) l.append(from_node(i));
            return std::move(l);
        }
        case io::Node::Kind::mapping: {
            py::dict d;
            for (const auto& m : n.members()) d[py::str(m.key)] = from_node(m.value);
            return std::move(d);
        }
    }
    return py::none();
}

}  // namespace zkpy
