// zorginkoop._core: the compiled part of the Python package. The public API is the pure-Python
// package zorginkoop, which re-exports these classes with typed stubs.

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "py_types.hpp"
#include "zorginkoop/core/error.hpp"
#include "zorginkoop/indexation/derivation.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/procurement/document.hpp"
#include "zorginkoop/procurement/rule.hpp"
#include "zorginkoop/report/serialise.hpp"
#include "zorginkoop/tariff/price_basis.hpp"
#include "zorginkoop/tariff/realism.hpp"
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
const char* stage_name(zorginkoop::procurement::Stage s) noexcept;  // register_procurement.cpp
const char* end_of_month_name(zorginkoop::EndOfMonth p) noexcept;    // register_core.cpp
zorginkoop::EndOfMonth parse_end_of_month(const std::string& word);  // register_core.cpp

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

/// The words of a closed vocabulary, in the order of the C++ enumeration, read from the library's
/// own name function: the values 0, 1, 2, ... until the name repeats or is no word (the name
/// functions answer a fallback for a value past the last). No copy of the words is kept here.
template <class E, class Name>
std::vector<std::string> words(Name name) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (int i = 0; i < 256; ++i) {
        const std::string w = name(static_cast<E>(i));
        if (w.empty() || w == "?" || !seen.insert(w).second) break;
        out.push_back(w);
    }
    return out;
}
/// As words(), and each word must read back (through the library's parse function) as its value.
template <class E, class Name, class Parse>
std::vector<std::string> words(Name name, Parse parse) {
    std::vector<std::string> out = words<E>(name);
    for (std::size_t i = 0; i < out.size(); ++i)
        if (parse(out[i]) != static_cast<E>(i)) throw std::logic_error("vocabulary word does not read back: " + out[i]);
    return out;
}

struct VocabulariesTag {
    static constexpr auto name = py::detail::const_name("dict[str, list[str]]");
};

zkpy::Typed<VocabulariesTag> vocabularies() {
    using namespace zorginkoop;
    py::dict d;
    d["law"] = words<Law>(law_name, parse_law);
    d["lang"] = words<Lang>(lang_name, parse_lang);
    d["rounding_mode"] = words<RoundingMode>(rounding_mode_name, parse_rounding_mode);
    d["severity"] = words<Severity>(severity_name, parse_severity);
    d["price_basis"] = words<PriceBasis>(price_basis_name, parse_price_basis);
    d["verdict"] = words<Verdict>(verdict_name);
    d["index_status"] = words<IndexStatus>(index_status_name, parse_index_status);
    d["catch_up"] = words<CatchUp>(catch_up_name);
    d["rate_rounding_at"] = words<RateRoundingAt>(rate_rounding_at_name);
    d["tariff_chain"] = words<TariffChain>(tariff_chain_name);
    d["overhead_convention"] = overhead_convention_table.names();
    d["stage"] = words<procurement::Stage>(stage_name);
    d["end_of_month"] = words<EndOfMonth>(end_of_month_name, parse_end_of_month);
    d["procedure_kind"] = words<procurement::ProcedureKind>(
        [](procurement::ProcedureKind k) { return procurement::name(k); });
    return d;
}

/// __all__ of a module: its public names, sorted (what the generated stubs list).
void set_all(py::module_& mod) {
    py::list names;
    for (auto item : mod.attr("__dict__").cast<py::dict>())
        if (item.first.cast<std::string>().rfind('_', 0) != 0) names.append(item.first);
    names.attr("sort")();
    mod.attr("__all__") = names;
}

struct Area {
    const char* name;
    void (*add)(py::module_&);
    const char* doc;
};

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
    m.def("vocabularies", &vocabularies,
          "The closed vocabularies of the library (law, lang, rounding_mode, severity, ...): name -> its words, in "
          "the order of the C++ enumeration, read from the library's name functions.");
    // One submodule per area (layers point down: core <- io <- report <- tariff, indexation <-
    // procurement, declarations), each importable as zorginkoop._core.<area>. Every name stays
    // reachable at the top of _core too (zorginkoop._core.Money is zorginkoop._core.core.Money).
    const Area areas[] = {
        {"core", register_core, "Money, Rate, RoundingPolicy, dates and the iJw helpers."},
        {"io", register_io, "The YAML/JSON readers and the Python mapping -> tree conversion."},
        {"report", register_report, "Findings, reports, citations and their renderings."},
        {"indexation", register_indexation, "Index series, indexation clauses, rates and schedules."},
        {"tariff", register_tariff, "Cost models, the reele-prijs build-up and the realism check."},
        {"batch", register_batch, "The batch engine: many build-ups and realism checks over columns of overrides."},
        {"procurement", register_procurement, "Procurement documents, the check and the rule catalogue."},
        {"declarations", register_declarations, "iJw declaration messages and their check."},
    };
    py::object modules = py::module_::import("sys").attr("modules");
    for (const Area& a : areas) {
        py::module_ sub = m.def_submodule(a.name, a.doc);
        a.add(sub);
        modules[sub.attr("__name__")] = sub;
        for (auto item : sub.attr("__dict__").cast<py::dict>()) {
            const std::string key = item.first.cast<std::string>();
            if (key.rfind("__", 0) != 0) m.attr(item.first) = item.second;
        }
        set_all(sub);
    }
    set_all(m);
}
