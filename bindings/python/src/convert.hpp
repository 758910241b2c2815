#pragma once
// Conversions between Python values and the library's exact types. Python float is refused
// everywhere with a TypeError that says why.

#include <pybind11/pybind11.h>

#include "zorginkoop/core.hpp"
#include "zorginkoop/io/node.hpp"

namespace zkpy {

namespace py = pybind11;

/// str, int, decimal.Decimal (finite), Money, Rate → Decimal. `what` names the argument.
zorginkoop::Decimal to_decimal(py::handle value, const std::string& what);
/// decimal.Decimal with the canonical text of `d`.
py::object from_decimal(const zorginkoop::Decimal& d);
/// datetime.date → Date; str "YYYY-MM-DD" accepted too.
zorginkoop::Date to_date(py::handle value, const std::string& what);
py::object from_date(const zorginkoop::Date& d);
/// A Python mapping/list/scalar → Node (the same tree the YAML and JSON readers produce).
/// `path` names the position in errors.
zorginkoop::io::Node to_node(py::handle value, const std::string& path);
/// Node → plain Python (dict, list, str, None); scalars stay text.
py::object from_node(const zorginkoop::io::Node& n);

[[noreturn]] void raise_float_error(const std::string& what);

}  // namespace zkpy
