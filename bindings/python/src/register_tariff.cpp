// Cost models, build-ups, the realism check, plausibility bands, and the batch entry points that
// process many rows in C++ with the GIL released.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/tariff/serialise.hpp"

namespace py = pybind11;
using namespace zorginkoop;
using zkpy::from_decimal;

namespace {

py::list letters(const std::string& s) {
    py::list l;
    for (char c : s) l.append(std::string(1, c));
    return l;
}

/// A CostModel from a CostModel, a mapping, or a path (str / os.PathLike).
CostModel model_from(py::handle obj, const std::string& path) {
    if (py::isinstance<CostModel>(obj)) return obj.cast<CostModel>();
    if (py::isinstance<py::str>(obj) || py::hasattr(obj, "__fspath__"))
        return CostModel::load(py::str(py::module_::import("os").attr("fspath")(obj)).cast<std::string>());
    return CostModel::from_node(zkpy::to_node(obj, path), "", path);
}

PlausibilityBands bands_from(py::handle obj) {
    if (obj.is_none()) return PlausibilityBands::bundled();
    if (py::isinstance<PlausibilityBands>(obj)) return obj.cast<PlausibilityBands>();
    if (py::isinstance<py::str>(obj) || py::hasattr(obj, "__fspath__"))
        return PlausibilityBands::bundled().overridden_by(
            PlausibilityBands::load(py::str(py::module_::import("os").attr("fspath")(obj)).cast<std::string>()));
    return PlausibilityBands::bundled().overridden_by(PlausibilityBands::from_node(zkpy::to_node(obj, "bands")));
}

py::object maybe_frame(py::dict columns, bool as_frame) {
    if (!as_frame) return std::move(columns);
    return py::module_::import("pandas").attr("DataFrame")(columns);
}

bool is_frame(py::handle obj) {
    return py::hasattr(obj, "columns") && py::hasattr(obj, "iloc") && py::hasattr(obj, "items");
}

/// Rows as trees: a sequence of models (CostModel or mapping), or a base model with a table of
/// overrides (mapping of column → sequence, or a DataFrame) whose columns are dotted paths.
struct Rows {
    std::vector<std::optional<CostModel>> owned;  // models read from mappings or paths
    std::vector<const CostModel*> models;         // one per row; null when the row failed
    std::vector<std::string> errors;
    std::vector<py::object> keep_alive;           // the Python CostModel objects pointed to
};

io::Node* node_at(io::Node& root, const std::string& dotted, const std::string& column) {
    io::Node* cur = &root;
    std::size_t i = 0;
    while (i < dotted.size()) {
        if (dotted[i] == '.') {
            ++i;
            continue;
        }
        if (dotted[i] == '[') {
            const std::size_t close = dotted.find(']', i);
            if (close == std::string::npos) throw InvalidInput("column '" + column + "': unbalanced [");
            const std::size_t index = std::stoul(dotted.substr(i + 1, close - i - 1));
            if (!cur->is_sequence() || index >= cur->items().size())
                throw InvalidInput("column '" + column + "': no item " + std::to_string(index) + " in the base model");
            cur = &cur->items()[index];
            i = close + 1;
            continue;
        }
        std::size_t end = dotted.find_first_of(".[", i);
        if (end == std::string::npos) end = dotted.size();
        const std::string key = dotted.substr(i, end - i);
        if (cur->is_null()) *cur = io::Node::mapping();
        if (!cur->is_mapping()) throw InvalidInput("column '" + column + "': '" + key + "' is not inside a mapping");
        io::Node* next = nullptr;
        for (auto& m : cur->members())
            if (m.key == key) next = &m.value;
        if (!next) {
            cur->add(key, io::Node::null());
            next = &cur->members().back().value;
        }
        cur = next;
        i = end;
    }
    return cur;
}

Rows rows_from(py::handle models, py::handle table, bool collect) {
    Rows rows;
    auto record = [&](const std::function<CostModel()>& make) {
        try {
            rows.owned.emplace_back(make());
            rows.errors.emplace_back();
        } catch (const Error& e) {
            if (!collect) throw;
            rows.owned.emplace_back(std::nullopt);
            rows.errors.emplace_back(e.what());
        }
    };
    if (table.is_none()) {
        std::size_t i = 0;
        py::list items = py::module_::import("builtins").attr("list")(models);
        rows.models.reserve(items.size());
        for (auto item : items) {
            const std::string path = "rows[" + std::to_string(i++) + "]";
            if (py::isinstance<CostModel>(item)) {  // no copy: point into the Python object
                rows.keep_alive.push_back(py::reinterpret_borrow<py::object>(item));
                rows.models.push_back(&item.cast<const CostModel&>());
                rows.errors.emplace_back();
                continue;
            }
            record([&] { return model_from(item, path); });
            rows.models.push_back(nullptr);  // filled in below
        }
        for (std::size_t r = 0, j = 0; r < rows.models.size(); ++r)
            if (!py::isinstance<CostModel>(items[r])) {
                rows.models[r] = rows.owned[j].has_value() ? &*rows.owned[j] : nullptr;
                ++j;
            }
        return rows;
    }
    // A base model and a table of overrides.
    const io::Node base = py::isinstance<CostModel>(models) ? models.cast<CostModel>().to_node()
                          : (py::isinstance<py::str>(models) || py::hasattr(models, "__fspath__"))
                              ? model_from(models, "base").to_node()
                              : zkpy::to_node(models, "base");
    std::vector<std::pair<std::string, std::vector<io::Node>>> columns;
    std::size_t n = 0;
    for (auto item : table.attr("items")()) {
        auto pair = item.cast<py::tuple>();
        const std::string name = py::str(pair[0]).cast<std::string>();
        std::vector<io::Node> values;
        std::size_t r = 0;
        for (auto v : py::iter(pair[1])) values.push_back(zkpy::to_node(v, name + "[" + std::to_string(r++) + "]"));
        if (!columns.empty() && values.size() != n)
            throw InvalidInput("column '" + name + "' has " + std::to_string(values.size()) + " rows, others " + std::to_string(n));
        n = values.size();
        columns.emplace_back(name, std::move(values));
    }
    for (std::size_t r = 0; r < n; ++r) {
        record([&] {
            io::Node row = base;
            for (const auto& [name, values] : columns) *node_at(row, name, name) = values[r];
            return CostModel::from_node(row, "", "rows[" + std::to_string(r) + "]");
        });
    }
    // pointers are taken once `owned` no longer grows
    for (const auto& o : rows.owned) rows.models.push_back(o ? &*o : nullptr);
    return rows;
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
    py::class_<CostModel>(m, "CostModel")
        .def_static("from_dict", [](py::handle d) { return CostModel::from_node(zkpy::to_node(d, "")); }, py::arg("mapping"))
        .def_static("load", [](py::handle p) {
            return CostModel::load(py::str(py::module_::import("os").attr("fspath")(p)).cast<std::string>());
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

    py::class_<BuildUpLine>(m, "BuildUpLine")
        .def_property_readonly("line", [](const BuildUpLine& l) { return std::string(cost_line_name(l.line)); })
        .def_readonly("amount", &BuildUpLine::amount)
        .def_property_readonly("elements", [](const BuildUpLine& l) { return letters(l.elements); })
        .def("__repr__", [](const BuildUpLine& l) {
            return "BuildUpLine('" + std::string(cost_line_name(l.line)) + "', Money('" + l.amount.to_string() + "'), '" + l.elements + "')";
        });

    py::class_<PyBuildUp>(m, "BuildUp")
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
        .def("to_json", [](const PyBuildUp& p) { return to_json(p.model, p.b); })
        .def("to_text", [](const PyBuildUp& p, const std::string& lang) { return to_text(p.model, p.b, nullptr, parse_lang(lang)); },
             py::arg("lang") = "nl")
        .def("to_svg", [](const PyBuildUp& p, const std::string& lang) { return to_svg(p.model, p.b, nullptr, parse_lang(lang)); },
             py::arg("lang") = "nl")
        .def("__repr__", [](const PyBuildUp& p) { return "BuildUp(tariff=Money('" + p.b.tariff.to_string() + "'))"; });

    m.def("build_up", [](py::handle model) {
        CostModel c = model_from(model, "");
        BuildUp b = build_up(c);
        return PyBuildUp{std::move(c), std::move(b)};
    }, py::arg("model"));

    py::class_<PlausibilityBands>(m, "PlausibilityBands")
        .def_static("bundled", &PlausibilityBands::bundled)
        .def_static("load", [](py::handle p) {
            return PlausibilityBands::load(py::str(py::module_::import("os").attr("fspath")(p)).cast<std::string>());
        }, py::arg("path"))
        .def_static("from_dict", [](py::handle d) { return PlausibilityBands::from_node(zkpy::to_node(d, "")); }, py::arg("mapping"))
        .def("overridden_by", &PlausibilityBands::overridden_by, py::arg("other"))
        .def_readonly("id", &PlausibilityBands::id)
        .def_property_readonly("parameters", [](const PlausibilityBands& b) {
            py::list l;
            for (const auto& x : b.bands) l.append(x.parameter);
            return l;
        });

    py::class_<PyCheck>(m, "RealismCheck")
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
        .def("to_json", [](const PyCheck& c) { return to_json(c.model, c.r.build_up, &c.r); })
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

    // Batch: many models (or one base model and a table of overrides) at once.
    m.def("build_up_many", [](py::handle models, py::handle table, const std::string& errors) {
        if (errors != "raise" && errors != "collect") throw InvalidInput("errors must be 'raise' or 'collect'");
        const bool frame = is_frame(table) || (table.is_none() && is_frame(models));
        Rows rows = rows_from(models, table, errors == "collect");
        const std::size_t n = rows.models.size();
        std::vector<std::optional<BuildUp>> out(n);
        {
            py::gil_scoped_release release;
            for (std::size_t i = 0; i < n; ++i)
                if (rows.models[i]) out[i] = build_up(*rows.models[i]);
        }
        py::list tariff, total, k, productivity, hours_per_unit, uncovered, error;
        for (std::size_t i = 0; i < n; ++i) {
            if (!out[i]) {
                for (py::list* col : {&tariff, &total, &k, &productivity, &hours_per_unit, &uncovered}) col->append(py::none());
                error.append(rows.errors[i]);
                continue;
            }
            const BuildUp& b = *out[i];
            tariff.append(from_decimal(b.tariff.amount()));
            total.append(from_decimal(b.total.amount()));
            k.append(from_decimal(b.cost_per_productive_hour.amount()));
            productivity.append(from_decimal(b.productivity.value()));
            hours_per_unit.append(from_decimal(b.hours_per_unit));
            uncovered.append(b.uncovered_elements);
            error.append(py::none());
        }
        py::dict cols;
        cols["tariff"] = tariff;
        cols["total"] = total;
        cols["cost_per_productive_hour"] = k;
        cols["productivity"] = productivity;
        cols["hours_per_unit"] = hours_per_unit;
        cols["uncovered_elements"] = uncovered;
        if (errors == "collect") cols["error"] = error;
        return maybe_frame(cols, frame);
    }, py::arg("models"), py::arg("table") = py::none(), py::arg("errors") = "raise");

    m.def("check_tariffs", [](py::handle tariffs, py::handle models, py::handle table, const std::string& basis,
                              py::handle bands, const std::string& errors) {
        if (errors != "raise" && errors != "collect") throw InvalidInput("errors must be 'raise' or 'collect'");
        const bool frame = is_frame(table) || (table.is_none() && is_frame(models));
        const PriceBasis pb = parse_price_basis(basis);
        const PlausibilityBands bs = bands_from(bands);
        std::vector<Money> ts;
        std::size_t i = 0;
        for (auto t : py::iter(tariffs)) ts.emplace_back(zkpy::to_decimal(t, "tariffs[" + std::to_string(i++) + "]"));
        Rows rows;
        if (table.is_none() && (py::isinstance<CostModel>(models) || py::isinstance<py::dict>(models) ||
                                py::isinstance<py::str>(models) || py::hasattr(models, "__fspath__"))) {
            rows.owned.emplace_back(model_from(models, "model"));
            rows.models.assign(ts.size(), &*rows.owned.front());
            rows.errors.assign(ts.size(), std::string());
        } else {
            rows = rows_from(models, table, errors == "collect");
        }
        if (rows.models.size() != ts.size())
            throw InvalidInput(std::to_string(ts.size()) + " tariffs for " + std::to_string(rows.models.size()) + " models");
        const std::size_t n = ts.size();
        std::vector<std::optional<RealismCheck>> out(n);
        {
            py::gil_scoped_release release;
            for (std::size_t r = 0; r < n; ++r)
                if (rows.models[r]) out[r] = check_tariff(ts[r], *rows.models[r], pb, bs);
        }
        py::list verdict, cost, gap, gap_pct, uncovered, oob, be_prod, be_oh, be_sal, error;
        for (std::size_t r = 0; r < n; ++r) {
            if (!out[r]) {
                for (py::list* col : {&verdict, &cost, &gap, &gap_pct, &uncovered, &oob, &be_prod, &be_oh, &be_sal})
                    col->append(py::none());
                error.append(rows.errors[r]);
                continue;
            }
            const RealismCheck& c = *out[r];
            verdict.append(verdict_name(c.verdict));
            cost.append(from_decimal(c.cost_price.amount()));
            gap.append(from_decimal(c.gap.amount()));
            gap_pct.append(from_decimal(c.gap_percent));
            uncovered.append(c.uncovered_elements);
            std::string params;
            for (const auto& x : c.out_of_band) params += (params.empty() ? "" : ",") + x.path;
            oob.append(params);
            be_prod.append(c.break_even.productivity ? from_decimal(c.break_even.productivity->value()) : py::none());
            be_oh.append(c.break_even.overhead_rate ? from_decimal(c.break_even.overhead_rate->value()) : py::none());
            be_sal.append(c.break_even.salary_factor ? from_decimal(*c.break_even.salary_factor) : py::none());
            error.append(py::none());
        }
        py::dict cols;
        cols["verdict"] = verdict;
        cols["cost_price"] = cost;
        cols["gap"] = gap;
        cols["gap_percent"] = gap_pct;
        cols["uncovered_elements"] = uncovered;
        cols["out_of_band"] = oob;
        cols["break_even_productivity"] = be_prod;
        cols["break_even_overhead_rate"] = be_oh;
        cols["break_even_salary_factor"] = be_sal;
        if (errors == "collect") cols["error"] = error;
        return maybe_frame(cols, frame);
    }, py::arg("tariffs"), py::arg("models"), py::arg("table") = py::none(), py::arg("basis") = "floor",
       py::arg("bands") = py::none(), py::arg("errors") = "raise");
}
