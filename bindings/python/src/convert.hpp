#pragma once
// Conversions between Python values and the library's exact types. Python float is refused
// everywhere with a TypeError that says why.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>

#include "zorginkoop/core.hpp"
#include "zorginkoop/io/node.hpp"

namespace zkpy {

namespace py = pybind11;

/// str, int, decimal.Decimal (finite), Money, Rate → Decimal. `what` names the argument.
zorginkoop::Decimal to_decimal(py::handle value, const std::string& what);
/// decimal.Decimal with the canonical text of `d`.
py::object from_decimal(const zorginkoop::Decimal& d);
/// decimal.Decimal with at least `min_fraction_digits` fractional digits (Decimal("54.30")).
py::object from_decimal(const zorginkoop::Decimal& d, int min_fraction_digits);
/// A file path argument (str or os.PathLike) as the bytes of the file name (os.fsencode, so a
/// name read with surrogateescape round-trips); a str that is no file name of this system (a
/// lone surrogate) is an InvalidInput naming `what`.
std::string to_path(py::handle value, const std::string& what);
/// Text from the library (a path, a file name) as str: UTF-8, with any byte that is not UTF-8
/// kept by surrogateescape (the inverse of os.fsencode).
py::str text_to_python(const std::string& text);
/// datetime.date → Date; str "YYYY-MM-DD" accepted too.
zorginkoop::Date to_date(py::handle value, const std::string& what);
py::object from_date(const zorginkoop::Date& d);
/// A Python mapping/list/scalar → Node (the same tree the YAML and JSON readers produce).
/// `path` names the position in errors. Containers nest at most as deep as the readers allow
/// (io::ReadLimits::max_depth); a container that contains itself, a key that is not a str and a
/// value of an unsupported type (set, bytes, any other object) are ParseErrors naming the path.
zorginkoop::io::Node to_node(py::handle value, const std::string& path);
/// Node → plain Python (dict, list, str, None); scalars stay text.
py::object from_node(const zorginkoop::io::Node& n);

[[noreturn]] void raise_float_error(const std::string& what);

/// A word of a closed vocabulary as the member of its str enum in zorginkoop.enums
/// (enum_class "Severity", "Lang", ...): results compare equal to the plain text.
py::object word(const char* enum_class, const char* text);

/// An integer argument: int and numpy integers (operator.index); bool, float, decimal.Decimal,
/// numpy floats and everything else are a TypeError, so that nothing is truncated. Overflow when
/// the value does not fit.
std::int64_t to_int64(py::handle value, const std::string& what);
int to_int(py::handle value, const std::string& what);
/// None, or an integer as to_int.
std::optional<int> to_opt_int(py::handle value, const std::string& what);
/// A sequence of integers (each as to_int, named what[i]); a str or a single int is a TypeError.
std::vector<int> to_int_list(py::handle value, const std::string& what);

/// True for a numpy bool, integer or floating scalar (checked on the dtype kind: 'b', 'iu', 'f').
bool is_numpy_scalar_kind(py::handle value, const char* kinds);
/// Type name of a Python value, for messages.
std::string type_name(py::handle value);

}  // namespace zkpy
