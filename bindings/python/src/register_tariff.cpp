// Cost models, build-ups, the realism check and plausibility bands (the batch entry points are in
// register_batch.cpp).

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "tariff_args.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/tariff/serialise.hpp"

namespace py = pybind11;
using namespace zorginkoop;
using zkpy::from_decimal;

namespace zkpy {

/// A CostModel from a CostModel, a mapping, or a path (str / os.PathLike).
zorginkoop::CostModel model_from(py::handle obj, const std::string& path) {
    if (py::isinstance<CostModel>(obj)) return obj.cast<CostModel>();
    if (py::isinstance<py::str>(obj) || py::hasattr(obj, "__fspath__"))
        return CostModel::load(zkpy::to_path(obj, "model"));
    return CostModel::from_node(zkpy::to_node(obj, path), "", path);
}

zorginkoop::PlausibilityBands bands_from(py::handle obj) {
    if (obj.is_none()) return PlausibilityBands::bundled();
    if (py::isinstance<PlausibilityBands>(obj)) return obj.cast<PlausibilityBands>();
    if (py::isinstance<py::str>(obj) || py::hasattr(obj, "__fspath__"))
        return PlausibilityBands::bundled().overridden_by(
            PlausibilityBands::load(zkpy::to_path(obj, "bands")));
    return PlausibilityBands::bundled().overridden_by(PlausibilityBands::from_node(zkpy::to_node(obj, "bands")));
}

}  // namespace zkpy

using zkpy::bands_from;
using zkpy::model_from;

namespace {

py::list letters(const std::string& s) {
    py::list l;
    for (char c : s) l.append(std::string(1, c));
    return l;
}

/// A build-up with the model it came from (for the text, JSON and SVG renderings).
struct PyBuildUp {
    CostModel model;
    BuildUp b;
};
struct PyCheck {
    CostModel model;
    RealismCheck r;
};

}  // namespace

void register_tariff(py::module_& m) {
    py::class_<CostModel>(m, "CostModel", "A cost model (docs/cost-model.md): staff, hours, cost elements, rounding; read strictly from YAML, JSON, a mapping or a file.")
        .def_static("from_dict", [](py::handle d) { return CostModel::from_node(zkpy::to_node(d, "")); }, py::arg("mapping"))
        .def_static("load", [](py::handle p) {
            return CostModel::load(zkpy::to_path(p, "path"));
        }, py::arg("path"))
        .def_static("parse_yaml", [](const std::string& t) { return CostModel::parse_yaml(t); }, py::arg("text"))
        .def_static("parse_json", [](const std::string& t) { return CostModel::parse_json(t); }, py::arg("text"))
        .def("to_dict", [](const CostModel& c) { return zkpy::from_node(c.to_node()); })
        .def("to_yaml", [](const CostModel& c) { return io::to_yaml(c.to_node()); })
        .def("to_json", [](const CostModel& c) { return io::to_json(c.to_node()); })
        .def_property_readonly("name", [](const CostModel& c) { return c.name; })
        .def_property_readonly("law", [](const CostModel& c) { return std::string(law_name(c.law)); })
        .def_property_readonly("unit", [](const CostModel& c) { return std::string(ijw::info(c.unit).code); })
        .def("__eq__", [](const CostModel& a, py::handle b) -> py::object {
            if (!py::isinstance<CostModel>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == b.cast<const CostModel&>());
        })
        .def("__repr__", [](const CostModel& c) {
            return "CostModel('" + c.name + "', law='" + law_name(c.law) + "', unit='" + std::string(ijw::info(c.unit).code) + "')";
        });

    py::class_<BuildUpLine>(m, "BuildUpLine", "One line of a build-up: the cost line, its amount and the elements it covers.")
        .def_property_readonly("line", [](const BuildUpLine& l) { return std::string(cost_line_name(l.line)); })
        .def_readonly("amount", &BuildUpLine::amount)
        .def_property_readonly("elements", [](const BuildUpLine& l) { return letters(l.elements); })
        .def("__repr__", [](const BuildUpLine& l) {
            return "BuildUpLine('" + std::string(cost_line_name(l.line)) + "', Money('" + l.amount.to_string() + "'), '" + l.elements + "')";
        });

    py::class_<PyBuildUp>(m, "BuildUp", "The reele-prijs build-up of a cost model: lines, hours, cost per productive hour and the rounded tariff.")
        .def_property_readonly("tariff", [](const PyBuildUp& p) { return p.b.tariff; })
        .def_property_readonly("total", [](const PyBuildUp& p) { return p.b.total; })
        .def_property_readonly("hourly_tariff", [](const PyBuildUp& p) -> py::object {
            if (!p.b.hourly_tariff) return py::none();
            return py::cast(*p.b.hourly_tariff);
        })
        .def_property_readonly("lines", [](const PyBuildUp& p) { return p.b.lines; })
        .def_property_readonly("direct_cost", [](const PyBuildUp& p) { return p.b.direct_cost; })
        .def_property_readonly("law", [](const PyBuildUp& p) { return std::string(law_name(p.b.law)); })
        .def_property_readonly("unit", [](const PyBuildUp& p) { return std::string(ijw::info(p.b.unit).code); })
        .def_property_readonly("covered_elements", [](const PyBuildUp& p) { return letters(p.b.covered_elements); })
        .def_property_readonly("uncovered_elements", [](const PyBuildUp& p) { return letters(p.b.uncovered_elements); })
        .def_property_readonly("rounding", [](const PyBuildUp& p) { return p.b.rounding.policy; })
        .def_property_readonly("rounding_at", [](const PyBuildUp& p) {
            py::list at;
            if (p.b.rounding.at_hour_cost) at.append("hour_cost");
            if (p.b.rounding.at_line) at.append("line");
            at.append("final");
            return at;
        })
        .def_property_readonly("annual_cost_per_fte", [](const PyBuildUp& p) { return p.b.annual_cost_per_fte; })
        .def_property_readonly("staff_annual_costs", [](const PyBuildUp& p) { return p.b.staff_annual_costs; })
        .def_property_readonly("annual_hours", [](const PyBuildUp& p) { return from_decimal(p.b.annual_hours); })
        .def_property_readonly("productive_hours", [](const PyBuildUp& p) { return from_decimal(p.b.productive_hours); })
        .def_property_readonly("productivity", [](const PyBuildUp& p) { return p.b.productivity; })
        .def_property_readonly("professional_per_hour", [](const PyBuildUp& p) { return p.b.professional_per_hour; })
        .def_property_readonly("non_productive_per_hour", [](const PyBuildUp& p) { return p.b.non_productive_per_hour; })
        .def_property_readonly("cost_per_productive_hour", [](const PyBuildUp& p) { return p.b.cost_per_productive_hour; })
        .def_property_readonly("hours_per_unit", [](const PyBuildUp& p) { return from_decimal(p.b.hours_per_unit); })
        .def("line", [](const PyBuildUp& p, const std::string& name) -> py::object {
            for (const auto& l : p.b.lines)
                if (name == cost_line_name(l.line)) return py::cast(l.amount);
            return py::none();
        }, py::arg("name"))
        .def("to_json", [](const PyBuildUp& p, const std::string& lang) { return to_json(p.model, p.b, nullptr, parse_lang(lang)); },
             py::arg("lang") = "nl")
        .def("to_text", [](const PyBuildUp& p, const std::string& lang) { return to_text(p.model, p.b, nullptr, parse_lang(lang)); },
             py::arg("lang") = "nl")
        .def("to_svg", [](const PyBuildUp& p, const std::string& lang) { return to_svg(p.model, p.b, nullptr, parse_lang(lang)); },
             py::arg("lang") = "nl")
        .def("__repr__", [](const PyBuildUp& p) { return "BuildUp(tariff=Money('" + p.b.tariff.to_string() + "'))"; });

    m.def("build_up", [](py::handle model) {
        CostModel c = model_from(model, "");
        BuildUp b = build_up(c);
        return PyBuildUp{std::move(c), std::move(b)};
    }, "The build-up of one cost model (CostModel, mapping or path).", py::arg("model"));

    py::class_<PlausibilityBands>(m, "PlausibilityBands", "Plausibility bands of cost-model parameters (the bundled ones, or a file or mapping overriding them).")
        .def_static("bundled", &PlausibilityBands::bundled)
        .def_static("load", [](py::handle p) {
            return PlausibilityBands::load(zkpy::to_path(p, "path"));
        }, py::arg("path"))
        .def_static("from_dict", [](py::handle d) { return PlausibilityBands::from_node(zkpy::to_node(d, "")); }, py::arg("mapping"))
        .def("overridden_by", &PlausibilityBands::overridden_by, py::arg("other"))
        .def_readonly("id", &PlausibilityBands::id)
        .def_property_readonly("parameters", [](const PlausibilityBands& b) {
            py::list l;
            for (const auto& x : b.bands) l.append(x.parameter);
            return l;
        });

    py::class_<PyCheck>(m, "RealismCheck", "A realism check as the C++ library returns it; zorginkoop.RealismCheck is its frozen Python value.")
        .def_property_readonly("verdict", [](const PyCheck& c) { return std::string(verdict_name(c.r.verdict)); })
        .def_property_readonly("basis", [](const PyCheck& c) { return std::string(price_basis_name(c.r.basis)); })
        .def_property_readonly("realistic", [](const PyCheck& c) { return c.r.verdict == Verdict::realistic; })
        .def_property_readonly("tariff", [](const PyCheck& c) { return c.r.tariff; })
        .def_property_readonly("cost_price", [](const PyCheck& c) { return c.r.cost_price; })
        .def_property_readonly("gap", [](const PyCheck& c) { return c.r.gap; })
        .def_property_readonly("gap_percent", [](const PyCheck& c) { return from_decimal(c.r.gap_percent); })
        .def_property_readonly("uncovered_elements", [](const PyCheck& c) { return letters(c.r.uncovered_elements); })
        .def_property_readonly("out_of_band", [](const PyCheck& c) {
            py::list l;
            for (const auto& x : c.r.out_of_band) {
                py::dict d;
                d["parameter"] = x.parameter;
                d["path"] = x.path;
                d["value"] = from_decimal(x.value);
                d["min"] = x.band.min ? from_decimal(*x.band.min) : py::none();
                d["max"] = x.band.max ? from_decimal(*x.band.max) : py::none();
                d["source"] = x.band.source;
                d["confirmed"] = x.band.confirmed;
                l.append(d);
            }
            return l;
        })
        .def_property_readonly("break_even_productivity", [](const PyCheck& c) -> py::object {
            if (!c.r.break_even.productivity) return py::none();
            return py::cast(*c.r.break_even.productivity);
        })
        .def_property_readonly("break_even_overhead_rate", [](const PyCheck& c) -> py::object {
            if (!c.r.break_even.overhead_rate) return py::none();
            return py::cast(*c.r.break_even.overhead_rate);
        })
        .def_property_readonly("break_even_salary_factor", [](const PyCheck& c) -> py::object {
            if (!c.r.break_even.salary_factor) return py::none();
            return from_decimal(*c.r.break_even.salary_factor);
        })
        .def_property_readonly("break_even_monthly_salaries", [](const PyCheck& c) { return c.r.break_even.monthly_salaries; })
        .def_property_readonly("build_up", [](const PyCheck& c) { return PyBuildUp{c.model, c.r.build_up}; })
        .def("to_json", [](const PyCheck& c, const std::string& lang) { return to_json(c.model, c.r.build_up, &c.r, parse_lang(lang)); },
             py::arg("lang") = "nl")
        .def("to_report", [](const PyCheck& c) { return to_report(c.model, c.r); })
        .def("to_text", [](const PyCheck& c, const std::string& lang) { return to_text(c.model, c.r.build_up, &c.r, parse_lang(lang)); },
             py::arg("lang") = "nl")
        .def("__repr__", [](const PyCheck& c) {
            return "RealismCheck('" + std::string(verdict_name(c.r.verdict)) + "', tariff=Money('" + c.r.tariff.to_string() +
                   "'), cost_price=Money('" + c.r.cost_price.to_string() + "'))";
        });

    m.def("check_tariff", [](const Money& tariff, py::handle model, const std::string& basis, py::handle bands) {
        CostModel c = model_from(model, "");
        RealismCheck r = check_tariff(tariff, c, parse_price_basis(basis), bands_from(bands));
        return PyCheck{std::move(c), std::move(r)};
    }, py::arg("tariff"), py::arg("model"), py::arg("basis") = "floor", py::arg("bands") = py::none());

}
