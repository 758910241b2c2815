// The procurement check: documents (read from a file or a Python mapping), check(), and the rule
// catalogue. Report, Finding and LegalRef are bound in register_report.cpp.

#include <cctype>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/declarations/check.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/procurement/eforms.hpp"
#include "zorginkoop/indexation/derivation.hpp"
#include "zorginkoop/tariff/cost_model.hpp"
#include "zorginkoop/tariff/realism.hpp"

namespace py = pybind11;
using namespace zorginkoop;
using namespace zorginkoop::procurement;

namespace {

procurement::CheckOptions options(py::object as_of, py::object regional_contracting_from, std::size_t max_findings_per_rule) {
    procurement::CheckOptions o;
    o.max_findings_per_rule = max_findings_per_rule;
    if (!as_of.is_none()) o.as_of = zkpy::to_date(as_of, "as_of");
    if (!regional_contracting_from.is_none())
        o.regional_contracting_from = zkpy::to_date(regional_contracting_from, "regional_contracting_from");
    return o;
}

Document read_any(py::object document, py::object base_dir) {
    ReadOptions ro;
    if (!base_dir.is_none()) ro.base_dir = zkpy::to_path(base_dir, "base_dir");
    if (py::isinstance<py::str>(document) || py::hasattr(document, "__fspath__")) {
        const std::string path = zkpy::to_path(document, "document");
        py::gil_scoped_release release;
        return load_document(path, ro);
    }
    const io::Node node = zkpy::to_node(document, "");
    py::gil_scoped_release release;
    return read_document(node, "", ro);
}

}  // namespace

/// The word of a rule stage (also read by vocabularies() in module.cpp).
const char* stage_name(Stage s) noexcept { return stage_table.name(s); }

namespace {

const char* scope_name(std::optional<Law> s) { return s ? law_name(*s) : "both"; }

/// A document tree as plain Python that load_document reads back: plain whole numbers as int,
/// other plain numbers as decimal.Decimal (never float), true/false as bool, the rest as str.
py::object to_python(const io::Node& n) {
    switch (n.kind()) {
        case io::Node::Kind::null: return py::none();
        case io::Node::Kind::scalar: {
            const std::string& t = n.text();
            if (n.style() == io::Node::Style::plain) {
                if (t == "true" || t == "false") return py::bool_(t == "true");
                bool digits = !t.empty();
                for (std::size_t i = 0; i < t.size(); ++i)
                    if (!(std::isdigit(static_cast<unsigned char>(t[i])) || (i == 0 && t[i] == '-' && t.size() > 1))) digits = false;
                if (digits) return py::int_(py::str(t));
                try {
                    (void)Decimal::parse(t);
                    return py::module_::import("decimal").attr("Decimal")(t);
                } catch (const Error&) {
                }
            }
            return py::str(t);
        }
        case io::Node::Kind::sequence: {
            py::list l;
            for (const auto& i : n.items()) l.append(to_python(i));
            return std::move(l);
        }
        case io::Node::Kind::mapping: {
            py::dict d;
            for (const auto& m : n.members()) d[py::str(m.key)] = to_python(m.value);
            return std::move(d);
        }
    }
    return py::none();
}

py::object opt_date(const std::optional<Date>& d) { return d ? zkpy::from_date(*d) : py::none(); }

}  // namespace

void register_procurement(py::module_& m) {
    py::class_<Document>(m, "Document", "A procurement document (docs/document-format.md), read strictly; check it with zorginkoop.check.")
        .def_readonly("id", &Document::id)
        .def_property_readonly("law", [](const Document& d) { return zkpy::word("Law", name(d.law)); })
        .def_property_readonly("title", [](const Document& d) -> py::object {
            return d.title ? py::object(py::str(*d.title)) : py::none();
        })
        .def_property_readonly("procedure_kind", [](const Document& d) -> py::object {
            if (!d.procedure || !d.procedure->kind) return py::none();
            return zkpy::word("ProcedureKind", name(*d.procedure->kind));
        })
        .def_readonly("source", &Document::source)
        .def_property_readonly("expect", [](const Document& d) -> py::object {
            if (!d.expect) return py::none();
            py::dict e;
            e["fires"] = d.expect->fires ? py::cast(*d.expect->fires) : py::object(py::none());
            e["silent"] = d.expect->silent ? py::cast(*d.expect->silent) : py::object(py::none());
            e["no_errors"] = d.expect->no_errors ? py::object(py::bool_(*d.expect->no_errors)) : py::object(py::none());
            return std::move(e);
        })
        .def("to_dict", [](const Document& d) { return to_python(d.to_node()); })
        .def("to_yaml", [](const Document& d) { return io::to_yaml(d.to_node()); })
        .def("to_json", [](const Document& d) { return io::to_json(d.to_node()); })
        .def("__eq__", [](const Document& a, py::handle b) -> py::object {
            if (!py::isinstance<Document>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == b.cast<const Document&>());
        })
        .def("__hash__", [](const Document& d) { return py::hash(py::make_tuple(d.id, name(d.law))); })
        .def("__repr__", [](const Document& d) { return "Document('" + d.id + "')"; });

    m.def("load_document", [](py::object document, py::object base_dir) { return read_any(document, base_dir); },
          py::arg("document"), "Read a procurement document strictly from a path or a mapping.", py::arg("base_dir") = py::none());
    m.def("parse_document", [](const std::string& text, const std::string& format, const std::string& source) {
        py::gil_scoped_release release;
        if (format == "json") return parse_document_json(text, source);
        if (format == "yaml") return parse_document_yaml(text, source);
        throw InvalidInput("format must be yaml or json, not '" + format + "'");
    }, py::arg("text"), py::arg("format") = "yaml", py::arg("source") = "");

    m.def("check_document", [](py::object document, py::object as_of, py::object base_dir,
                               py::object regional_contracting_from, std::size_t max_findings_per_rule,
                               std::vector<std::string> not_stated) {
        procurement::CheckOptions o = options(as_of, regional_contracting_from, max_findings_per_rule);
        o.not_stated = std::move(not_stated);
        if (py::isinstance<Document>(document)) {
            const Document& d = document.cast<const Document&>();
            py::gil_scoped_release release;
            return check(d, o);
        }
        const Document d = read_any(document, base_dir);
        py::gil_scoped_release release;
        return check(d, o);
    }, py::arg("document"), py::arg("as_of") = py::none(), py::arg("base_dir") = py::none(),
       py::arg("regional_contracting_from") = py::none(),
       py::arg("max_findings_per_rule") = procurement::CheckOptions::default_max_findings_per_rule,
       py::arg("not_stated") = std::vector<std::string>{});

    m.def("import_eforms", [](const std::vector<std::string>& paths, const std::string& law) {
        const Law l = parse_law(law);
        EformsImport r;
        {
            py::gil_scoped_release release;
            r = import_eforms_files(paths, l);
        }
        py::list gaps;
        for (const auto& n : r.not_carried) {
            py::dict g;
            g["field"] = n.field;
            g["eforms"] = n.eforms;
            g["reason"] = name(n.reason);
            g["detail"] = n.detail;
            gaps.append(std::move(g));
        }
        return py::make_tuple(std::move(r.document), std::move(gaps));
    }, py::arg("paths"), py::arg("law"),
       "The eForms notices of one procedure merged into a document: (document, fields not carried).");


    // A rule as a dict (the untyped export that zorginkoop.procurement.Rule reads).
    const auto rule_dict = [](const Rule& r) {
        const LawRegistry& laws = bundled_laws();
        py::dict d;
        d["id"] = r.id;
        py::dict title;
        title["nl"] = r.title.nl;
        title["en"] = r.title.en;
        d["title"] = title;
        d["severity"] = severity_name(r.severity);
        d["stage"] = stage_name(r.stage);
        d["law"] = scope_name(r.law);
        py::list only, except, cites;
        for (auto k : r.only_kinds) only.append(name(k));
        for (auto k : r.except_kinds) except.append(name(k));
        for (const auto& c : r.citations)
            if (std::optional<LegalRef> ref = resolve_citation(c, std::nullopt, laws)) cites.append(*ref);
        d["only_kinds"] = only;
        d["except_kinds"] = except;
        d["needs_part2"] = r.needs_part2;
        d["in_force_from"] = opt_date(r.in_force_from);
        d["in_force_to"] = opt_date(r.in_force_to);
        d["citations"] = cites;
        d["binding"] = [&] {
            for (const auto& c : r.citations)
                if (is_binding(laws.at(c.law_id).kind)) return true;
            return false;
        }();
        d["note"] = r.note;
        return d;
    };
    m.def("rule_catalogue", [rule_dict] {
        py::list out;
        for (const auto& r : rule_catalogue()) out.append(rule_dict(r));
        return out;
    });
    // The DECL rules (declarations/check.hpp): declared like the rules of the check, for messages.
    m.def("declaration_rule_catalogue", [rule_dict] {
        py::list out;
        for (const auto& r : declarations::rule_catalogue()) out.append(rule_dict(r));
        return out;
    });
    m.attr("ruleset_version") = std::string(ruleset_version);
}
