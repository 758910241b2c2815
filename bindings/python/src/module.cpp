// zorginkoop._core: the compiled part of the Python package. The public API is the pure-Python
// package zorginkoop, which re-exports these classes with typed stubs.

#include <pybind11/pybind11.h>

#include "convert.hpp"
#include "zorginkoop/core/error.hpp"
#include "zorginkoop/report/serialise.hpp"
#include "zorginkoop/version.hpp"

namespace py = pybind11;

void register_core(py::module_& m);
void register_io(py::module_& m);
void register_report(py::module_& m);
void register_indexation(py::module_& m);
void register_tariff(py::module_& m);
void register_batch(py::module_& m);
void register_procurement(py::module_& m);
void register_declarations(py::module_& m);

namespace {

/// Raise the Python class of zorginkoop.errors that matches the C++ error, one to one. The text
/// (str(exc)) and `message` are escaped as in the text reports (terminal_safe: ESC, BEL and the
/// other controls from a user's keys, paths or file names become visible \x1b escapes); `path`
/// and `source` keep the exact strings, for programs.
void raise_error(const zorginkoop::Error& e) {
    py::module_ errors = py::module_::import("zorginkoop.errors");
    const char* cls_name = "ZorginkoopError";
    switch (e.code()) {
        case zorginkoop::ErrorCode::invalid_input: cls_name = "InvalidInput"; break;
        case zorginkoop::ErrorCode::parse_error: cls_name = "ParseError"; break;
        case zorginkoop::ErrorCode::missing_data: cls_name = "MissingData"; break;
        case zorginkoop::ErrorCode::ambiguous_date: cls_name = "AmbiguousDate"; break;
        case zorginkoop::ErrorCode::overflow: cls_name = "Overflow"; break;
    }
    py::object cls = errors.attr(cls_name);
    py::dict kwargs;
    kwargs["message"] = zorginkoop::terminal_safe(e.message());
    kwargs["path"] = zkpy::text_to_python(e.path());
    kwargs["line"] = e.line();
    kwargs["column"] = e.column();
    kwargs["source"] = zkpy::text_to_python(e.where().source);
    if (auto* md = dynamic_cast<const zorginkoop::MissingData*>(&e)) {
        kwargs["series"] = md->series();
        kwargs["year"] = md->year();
        kwargs["status"] = md->status();
    }
    py::object exc = cls(py::str(zorginkoop::terminal_safe(e.what())), **kwargs);
    PyErr_SetObject(cls.ptr(), exc.ptr());
}

}  // namespace

PYBIND11_MODULE(_core, m) {
    m.doc() = "Compiled core of zorginkoop (use the zorginkoop package, not this module)";
    m.attr("__version__") = zorginkoop::version_string;
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const zorginkoop::Error& e) {
            raise_error(e);
        }
    });
    register_core(m);
    register_io(m);
    register_report(m);
    register_indexation(m);
    register_tariff(m);
    register_batch(m);
    register_procurement(m);
    register_declarations(m);
}
