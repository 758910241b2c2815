// Finding and Report, and their serialisation to text, JSON and SARIF.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/declarations/check.hpp"
#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/procurement/rule.hpp"
#include "zorginkoop/report/serialise.hpp"

namespace py = pybind11;
using namespace zorginkoop;

namespace {
RenderOptions opts(const std::string& lang) {
    RenderOptions o;
    o.lang = parse_lang(lang);
    return o;
}
py::dict fields_dict(const Fields& f) {
    py::dict d;
    for (const auto& [k, v] : f) d[py::str(k)] = v;
    return d;
}
}  // namespace

void register_report(py::module_& m) {
    py::class_<LegalRef>(m, "LegalRef", "A structured citation: law id (BWB or CELEX), article, lid, onderdeel, version date and URL.")
        .def_readonly("law_id", &LegalRef::law_id)
        .def_readonly("article", &LegalRef::article)
        .def_readonly("lid", &LegalRef::lid)
        .def_readonly("onderdeel", &LegalRef::onderdeel)
        .def_property_readonly("version_date", [](const LegalRef& r) -> py::object {
            if (!r.version_date) return py::none();
            return zkpy::from_date(*r.version_date);
        })
        .def_readonly("url", &LegalRef::url)
        .def("label", [](const LegalRef& r, const std::string& lang) { return bundled_laws().label(r, parse_lang(lang)); },
             py::arg("lang") = "nl")
        .def("__eq__", [](const LegalRef& a, py::handle b) -> py::object {
            if (!py::isinstance<LegalRef>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == b.cast<const LegalRef&>());
        })
        .def("__hash__", [](const LegalRef& r) {
            return py::hash(py::make_tuple(r.law_id, r.article, r.lid, r.onderdeel, r.url,
                                           r.version_date ? format_date(*r.version_date) : std::string()));
        })
        .def("__repr__", [](const LegalRef& r) { return "LegalRef('" + bundled_laws().label(r, Lang::en) + "')"; });

    m.def("cite", [](const std::string& law_id, const std::string& article, const std::string& lid,
                     const std::string& onderdeel, py::object version_date) {
        std::optional<Date> d;
        if (!version_date.is_none()) d = zkpy::to_date(version_date, "version_date");
        return bundled_laws().cite(law_id, article, lid, onderdeel, d);
    }, "A LegalRef to a known law (see known_laws), with article, lid, onderdeel and version date.", py::arg("law_id"), py::arg("article"), py::arg("lid") = "", py::arg("onderdeel") = "",
       py::arg("version_date") = py::none());
    m.def("known_laws", [] {
        py::list out;
        const LawRegistry& laws = bundled_laws();
        for (const auto& l : laws.laws()) out.append(py::make_tuple(l.id, l.title_nl, l.title_en));
        return out;
    }, "The laws the bundled registry knows: (id, Dutch title, English title).");

    py::class_<Location>(m, "Location", "A place in a document: path, line and column (0 when unknown), source file.")
        .def_readonly("path", &Location::path)
        .def_readonly("line", &Location::line)
        .def_readonly("column", &Location::column)
        .def_readonly("source", &Location::source)
        .def("__repr__", [](const Location& l) {
            return "Location('" + l.path + "', line=" + std::to_string(l.line) + ", column=" + std::to_string(l.column) + ")";
        });

    py::class_<Finding>(m, "Finding", "A finding as the C++ library returns it; zorginkoop.Finding is its frozen Python value.")
        .def_readonly("rule", &Finding::rule)
        .def_property_readonly("severity", [](const Finding& f) { return zkpy::word("Severity", severity_name(f.severity)); })
        .def_readonly("message_key", &Finding::message_key)
        .def_property_readonly("params", [](const Finding& f) { return fields_dict(f.params); })
        .def_readonly("locations", &Finding::locations)
        .def_property_readonly("evidence", [](const Finding& f) { return fields_dict(f.evidence); })
        .def_readonly("citations", &Finding::citations)
        .def("message", [](const Finding& f, const std::string& lang) {
            return bundled_messages(parse_lang(lang)).render(f.message_key, f.params);
        }, py::arg("lang") = "nl")
        .def("__repr__", [](const Finding& f) { return "Finding('" + f.rule + "', '" + severity_name(f.severity) + "')"; });

    py::class_<Report>(m, "Report", "A report as the C++ library returns it; zorginkoop.Report is its frozen Python value.")
        .def_readonly("library_version", &Report::library_version)
        .def_readonly("ruleset_version", &Report::ruleset_version)
        .def_property_readonly("reference_date", [](const Report& r) -> py::object {
            if (!r.reference_date) return py::none();
            return zkpy::from_date(*r.reference_date);
        })
        .def_readonly("subject", &Report::subject)
        .def_property_readonly("context", [](const Report& r) { return fields_dict(r.context); })
        .def_readonly("findings", &Report::findings)
        .def_property_readonly("omitted", [](const Report& r) {
            py::list out;
            for (const auto& o : r.omitted) {
                py::dict d;
                d["rule"] = o.rule;
                d["severity"] = std::string(severity_name(o.severity));
                d["message_key"] = o.message_key;
                d["count"] = o.count;
                out.append(std::move(d));
            }
            return out;
        })
        .def("count", [](const Report& r, const std::string& s) { return r.count(parse_severity(s)); }, py::arg("severity"))
        .def_property_readonly("errors", [](const Report& r) {
            std::vector<Finding> out;
            for (const auto& f : r.findings)
                if (f.severity == Severity::error) out.push_back(f);
            return out;
        })
        .def("has_errors", &Report::has_errors)
        .def("to_json", [](const Report& r, const std::string& lang) { return to_json(r, opts(lang)); }, py::arg("lang") = "nl")
        .def("to_sarif", [](const Report& r, const std::string& lang, const std::string& rule_docs_uri) {
            return to_sarif(r, opts(lang), SarifOptions{rule_docs_uri});
        }, py::arg("lang") = "nl", py::arg("rule_docs_uri") = "")
        .def("to_text", [](const Report& r, const std::string& lang, bool hide_not_evaluated) {
            RenderOptions o = opts(lang);
            o.hide_not_evaluated = hide_not_evaluated;
            return to_text(r, o);
        }, py::arg("lang") = "nl", py::kw_only(), py::arg("hide_not_evaluated") = false);

    // A report built by hand (tests, tools that merge reports).
    m.def("make_finding", [](const std::string& rule, const std::string& severity, const std::string& message_key,
                             const std::map<std::string, std::string>& params, const std::string& path,
                             std::vector<LegalRef> citations) {
        Finding f;
        f.rule = rule;
        f.severity = parse_severity(severity);
        f.message_key = message_key;
        for (const auto& [k, v] : params) {
            f.params.emplace_back(k, v);
            f.evidence.emplace_back(k, v);
        }
        if (!path.empty()) f.locations.push_back(Location::at(path));
        f.citations = std::move(citations);
        return f;
    }, py::arg("rule"), py::arg("severity"), py::arg("message_key"), py::arg("params"), py::arg("path") = "",
       py::arg("citations") = std::vector<LegalRef>{});
    m.def("make_report", [](std::vector<Finding> findings, const std::string& subject, const std::string& ruleset_version,
                            py::object reference_date) {
        Report r;
        r.findings = std::move(findings);
        // the rules of the catalogues describe themselves in SARIF, as in a report of a check
        r.rules = procurement::describe_rules(procurement::rule_catalogue(), r.findings);
        for (auto& d : procurement::describe_rules(declarations::rule_catalogue(), r.findings)) r.rules.push_back(std::move(d));
        r.subject = subject;
        r.ruleset_version = ruleset_version;
        if (!reference_date.is_none()) r.reference_date = zkpy::to_date(reference_date, "reference_date");
        return r;
    }, py::arg("findings"), py::arg("subject") = "", py::arg("ruleset_version") = "", py::arg("reference_date") = py::none());
}
