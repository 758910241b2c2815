#include "convert.hpp"

#include <limits>
#include <vector>

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

std::string type_name(py::handle value) {
    return py::str(py::type::of(value).attr("__name__")).cast<std::string>();
}

bool is_numpy_scalar_kind(py::handle value, const char* kinds) {
    // numpy scalars are not subclasses of int (and numpy bool is not one of bool); they carry a
    // dtype whose kind names the family. Only values of numpy's own types are looked at.
    const py::object module = py::getattr(py::type::of(value), "__module__", py::none());
    if (!py::isinstance<py::str>(module) || module.cast<std::string>() != "numpy") return false;
    const py::object dtype = py::getattr(value, "dtype", py::none());
    if (dtype.is_none()) return false;
    const py::object kind = py::getattr(dtype, "kind", py::none());
    if (!py::isinstance<py::str>(kind)) return false;
    const std::string k = kind.cast<std::string>();
    return k.size() == 1 && std::string(kinds).find(k[0]) != std::string::npos;
}

namespace {
bool is_bool_like(py::handle value) { return py::isinstance<py::bool_>(value) || is_numpy_scalar_kind(value, "b"); }
bool is_float_like(py::handle value) { return py::isinstance<py::float_>(value) || is_numpy_scalar_kind(value, "fc"); }
/// int, or a numpy integer (anything with __index__ that is not a bool).
bool is_int_like(py::handle value) {
    return !is_bool_like(value) && (py::isinstance<py::int_>(value) || PyIndex_Check(value.ptr()) != 0);
}
/// The exact int of an int-like value: an int subclass by its value (never through an overridden
/// __str__, __repr__ or __index__: PyNumber_Index copies the value of an int subclass), a numpy
/// integer or another __index__ value through operator.index.
py::int_ exact_int(py::handle value) {
    PyObject* i = PyNumber_Index(value.ptr());
    if (!i) throw py::error_already_set();
    return py::reinterpret_steal<py::int_>(i);
}
/// The decimal text of an int-like value. An int far beyond the range of Decimal (about 3.4e20)
/// is an Overflow here, before Python's limit on int-to-text conversion could raise a ValueError.
std::string int_text(py::handle value) {
    const py::int_ i = exact_int(value);
    const auto bits = i.attr("bit_length")().cast<std::size_t>();
    if (bits > 256)
        throw Overflow("an integer of " + std::to_string(bits) + " bits is outside the exact range of numbers");
    PyObject* text = PyObject_Str(i.ptr());  // the exact int's own conversion
    if (!text) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(text).cast<std::string>();
}
/// The text of a decimal.Decimal (or a subclass) by its value: Decimal.__str__ of the base class,
/// never a subclass's own __str__ or as_tuple.
std::string decimal_text(py::handle value) {
    return py::str(decimal_class().attr("__str__")(value)).cast<std::string>();
}
bool decimal_is_finite(py::handle value) { return decimal_class().attr("is_finite")(value).cast<bool>(); }
}  // namespace

Decimal to_decimal(py::handle value, const std::string& what) {
    if (PyUnicode_CheckExact(value.ptr())) {  // the common case first: no attribute look-ups
        Py_ssize_t size = 0;
        const char* text = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
        if (!text) throw py::error_already_set();
        return Decimal::parse(std::string_view(text, static_cast<std::size_t>(size)));
    }
    if (is_bool_like(value)) throw py::type_error(what + ": expected a decimal number, not a bool");
    if (is_float_like(value)) raise_float_error(what);
    if (py::isinstance<py::str>(value)) return Decimal::parse(value.cast<std::string>());
    if (is_int_like(value)) {
        try {
            return Decimal::parse(int_text(value));
        } catch (const Overflow& e) {
            throw Overflow(what + ": " + e.message());
        }
    }
    if (py::isinstance(value, decimal_class())) {
        const std::string text = decimal_text(value);
        if (!decimal_is_finite(value)) throw InvalidInput(what + ": " + text + " is not a finite number");
        return Decimal::parse(text);
    }
    if (py::isinstance<Money>(value)) return value.cast<const Money&>().amount();
    if (py::isinstance<Rate>(value)) return value.cast<const Rate&>().value();
    throw py::type_error(what + ": expected str, int or decimal.Decimal, got " + type_name(value));
}

std::int64_t to_int64(py::handle value, const std::string& what) {
    if (is_bool_like(value)) throw py::type_error(what + ": expected an int, not a bool");
    if (is_float_like(value))
        throw py::type_error(what + ": expected an int, not a float (a whole number is never taken from a float)");
    if (!is_int_like(value))
        throw py::type_error(what + ": expected an int, got " + type_name(value) +
                             " (a value with a fraction is refused rather than truncated)");
    const py::int_ i(py::reinterpret_steal<py::object>([&] {
        PyObject* r = PyNumber_Index(value.ptr());
        if (!r) throw py::error_already_set();
        return r;
    }()));
    int overflow = 0;
    const long long x = PyLong_AsLongLongAndOverflow(i.ptr(), &overflow);
    if (overflow != 0)
        throw Overflow(what + ": " + py::str(i).cast<std::string>() + " does not fit in a 64-bit integer");
    if (x == -1 && PyErr_Occurred()) throw py::error_already_set();
    return static_cast<std::int64_t>(x);
}

int to_int(py::handle value, const std::string& what) {
    const std::int64_t x = to_int64(value, what);
    if (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max())
        throw Overflow(what + ": " + std::to_string(x) + " is out of range");
    return static_cast<int>(x);
}

std::optional<int> to_opt_int(py::handle value, const std::string& what) {
    if (value.is_none()) return std::nullopt;
    return to_int(value, what);
}

std::vector<int> to_int_list(py::handle value, const std::string& what) {
    if (py::isinstance<py::str>(value) || py::isinstance<py::bytes>(value) || is_int_like(value) ||
        !py::isinstance<py::iterable>(value))
        throw py::type_error(what + ": expected a sequence of int, got " + type_name(value));
    std::vector<int> out;
    for (py::handle item : value) out.push_back(to_int(item, what + "[" + std::to_string(out.size()) + "]"));
    return out;
}

py::object from_decimal(const Decimal& d) { return decimal_class()(d.to_string()); }
py::object from_decimal(const Decimal& d, int min_fraction_digits) {
    return decimal_class()(d.to_string(min_fraction_digits));
}

std::string to_path(py::handle value, const std::string& what) {
    py::object encoded;
    try {
        encoded = py::module_::import("os").attr("fsencode")(value);
    } catch (py::error_already_set& e) {
        if (!e.matches(PyExc_UnicodeError)) throw;
        throw InvalidInput(what + ": the path " + py::repr(value).cast<std::string>() +
                           " is not a file name of this system (it holds a lone surrogate)");
    }
    if (!py::isinstance<py::bytes>(encoded))
        throw py::type_error(what + ": expected a path (str or os.PathLike), got " + type_name(value));
    return encoded.cast<std::string>();
}

py::str text_to_python(const std::string& text) {
    PyObject* s = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "surrogateescape");
    if (!s) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(s);
}

Date to_date(py::handle value, const std::string& what) {
    if (py::isinstance<py::str>(value)) return parse_date(value.cast<std::string>());
    if (py::isinstance(value, date_class()) &&
        !py::isinstance(value, py::module_::import("datetime").attr("datetime"))) {
        // by value: datetime.date.isoformat of the base class, never a subclass's own attributes
        return parse_date(py::str(date_class().attr("isoformat")(value)).cast<std::string>());
    }
    throw py::type_error(what + ": expected datetime.date or an ISO date string");
}

py::object from_date(const Date& d) {
    return date_class()(static_cast<int>(d.year()), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

namespace {

/// Text of a str; text that is not valid Unicode (lone surrogates) is a ParseError at `where`.
std::string utf8(py::handle s, const std::string& where) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(s.ptr(), &size);
    if (!data) {
        PyErr_Clear();
        throw ParseError("text that is not valid Unicode", Location::at(where));
    }
    return std::string(data, static_cast<std::size_t>(size));
}

/// Builds the tree without trusting the shape of the Python value: nesting is bounded like the
/// readers' (so that a deep value cannot exhaust the stack), and the containers on the current
/// path are remembered (a container that contains itself would never end).
class NodeBuilder {
public:
    io::Node build(py::handle value, const std::string& path) {
        const std::string what = path.empty() ? std::string("value") : path;
        if (value.is_none()) return io::Node::null();
        if (is_bool_like(value))
            return io::Node::scalar(value.cast<bool>() ? "true" : "false", io::Node::Style::plain);
        if (is_float_like(value)) raise_float_error(what);
        if (py::isinstance<py::str>(value)) return io::Node::scalar(utf8(value, path), io::Node::Style::quoted);
        if (is_int_like(value) || py::isinstance(value, decimal_class()) || py::isinstance<Money>(value) ||
            py::isinstance<Rate>(value))
            return io::Node::scalar(number_text(value, path), io::Node::Style::plain);
        if (py::isinstance(value, date_class()))
            return io::Node::scalar(format_date(to_date(value, what)), io::Node::Style::plain);
        const bool mapping =
            py::isinstance<py::dict>(value) || (py::hasattr(value, "keys") && py::hasattr(value, "items"));
        const bool sequence = !mapping && (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value));
        if (!mapping && !sequence)
            throw ParseError("a value of type " + type_name(value) +
                                 " cannot be read (use a mapping, a list, str, int, decimal.Decimal, bool, "
                                 "datetime.date or None)",
                             Location::at(path));
        for (PyObject* p : open_)
            if (p == value.ptr())
                throw ParseError("the value contains itself (a cycle of containers)", Location::at(path));
        if (open_.size() >= limits_.max_depth)
            throw ParseError("nesting deeper than " + std::to_string(limits_.max_depth) + " levels",
                             Location::at(path));
        open_.push_back(value.ptr());
        io::Node n = mapping ? build_mapping(value, path) : build_sequence(value, path);
        open_.pop_back();
        return n;
    }

private:
    /// The canonical text of a number at `path`. A number that is not finite (NaN, Infinity) is a
    /// ParseError and one outside the range of Decimal an Overflow, each naming the path.
    /// An int keeps its digits (only an int of more than 256 bits is refused).
    static std::string number_text(py::handle value, const std::string& path) {
        const Location at = Location::at(path);
        try {
            if (is_int_like(value)) return int_text(value);
            if (py::isinstance(value, decimal_class())) {
                const std::string text = decimal_text(value);
                if (!decimal_is_finite(value))
                    throw ParseError(text + " is not a finite number (NaN and Infinity are not amounts)", at);
                return Decimal::parse(text).to_string();
            }
            return to_decimal(value, path).to_string();  // Money, Rate: always in range
        } catch (const Overflow& e) {
            if (!e.path().empty()) throw;
            throw Overflow(e.message(), at);
        } catch (const InvalidInput& e) {
            throw ParseError(e.message(), at);
        }
    }

    io::Node build_mapping(py::handle value, const std::string& path) {
        io::Node m = io::Node::mapping();
        for (py::handle item : value.attr("items")()) {
            const py::tuple pair = py::reinterpret_borrow<py::object>(item).cast<py::tuple>();
            if (pair.size() != 2) throw ParseError("items() must give (key, value) pairs", Location::at(path));
            if (!py::isinstance<py::str>(pair[0]))
                throw ParseError("mapping keys must be str, not " + type_name(pair[0]) + " (" +
                                     py::repr(pair[0]).cast<std::string>() + ")",
                                 Location::at(path));
            const std::string key = utf8(pair[0], path);
            m.add(key, build(pair[1], path.empty() ? key : path + "." + key));
        }
        return m;
    }
    io::Node build_sequence(py::handle value, const std::string& path) {
        io::Node s = io::Node::sequence();
        std::size_t i = 0;
        for (py::handle item : value) s.push_back(build(item, path + "[" + std::to_string(i++) + "]"));
        return s;
    }

    std::vector<PyObject*> open_;
    io::ReadLimits limits_;
};

}  // namespace

io::Node to_node(py::handle value, const std::string& path) { return NodeBuilder().build(value, path); }

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

py::object word(const char* enum_class, const char* text) {
    static py::object* enums = nullptr;  // the module, kept for the life of the process
    if (!enums) enums = new py::object(py::module_::import("zorginkoop.enums"));
    return enums->attr(enum_class)(py::str(text));
}

}  // namespace zkpy
