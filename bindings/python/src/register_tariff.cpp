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

bool is_frame(py::handle obj) {
    return py::hasattr(obj, "columns") && py::hasattr(obj, "iloc") && py::hasattr(obj, "index");
}
/// A pandas DataFrame or Series: its index is carried over to the result.
bool is_pandas(py::handle obj) { return py::hasattr(obj, "iloc") && py::hasattr(obj, "index"); }
bool is_path(py::handle obj) { return py::isinstance<py::str>(obj) || py::hasattr(obj, "__fspath__"); }
bool is_mapping(py::handle obj) {
    return py::isinstance<py::dict>(obj) || (py::hasattr(obj, "keys") && py::hasattr(obj, "items") && !is_pandas(obj));
}

/// The result: a dict of columns, or a DataFrame with the index of the first pandas input.
py::object result(py::dict columns, std::initializer_list<py::handle> inputs) {
    for (py::handle in : inputs)
        if (!in.is_none() && is_pandas(in)) {
            py::dict kwargs;
            kwargs["index"] = in.attr("index");
            return py::module_::import("pandas").attr("DataFrame")(columns, **kwargs);
        }
    return std::move(columns);
}

/// The same error with `prefix` put before its path (rows[3] + staff → rows[3].staff).
[[noreturn]] void rethrow_at(const Error& e, const std::string& prefix) {
    SourceLocation at = e.where();
    at.path = e.path().empty() ? prefix : e.path().rfind(prefix, 0) == 0 ? e.path() : prefix + "." + e.path();
    switch (e.code()) {
        case ErrorCode::invalid_input: throw InvalidInput(e.message(), at);
        case ErrorCode::parse_error: throw ParseError(e.message(), at);
        case ErrorCode::ambiguous_date: throw AmbiguousDate(e.message(), at);
        case ErrorCode::overflow: throw Overflow(e.message(), at);
        case ErrorCode::missing_data: {
            const auto& md = dynamic_cast<const MissingData&>(e);
            throw MissingData(e.message(), md.series(), md.year(), md.status(), at);
        }
    }
    throw;
}

/// None, NaN, pandas.NA and NaT: a cell without a value.
bool is_missing(py::handle v) {
    if (v.is_none()) return true;
    if (py::isinstance<py::float_>(v)) {
        const double d = v.cast<double>();
        return d != d;  // NaN is the only value unequal to itself
    }
    const std::string t = zkpy::type_name(v);
    return t == "NAType" || t == "NaTType";
}

/// Runs `f`; in collect mode a typed error, a TypeError or a ValueError becomes the row's error
/// text (returned), otherwise it propagates.
template <class F>
std::string attempt(F&& f, bool collect) {
    try {
        f();
        return {};
    } catch (const Error& e) {
        if (!collect) throw;
        return std::string(e.code_name()) + ": " + e.what();
    } catch (const py::type_error& e) {
        if (!collect) throw;
        return std::string("type_error: ") + e.what();
    } catch (const py::value_error& e) {
        if (!collect) throw;
        return std::string("value_error: ") + e.what();
    } catch (py::error_already_set& e) {
        if (!collect || !(e.matches(PyExc_TypeError) || e.matches(PyExc_ValueError))) throw;
        return std::string(e.matches(PyExc_TypeError) ? "type_error: " : "value_error: ") + e.what();
    }
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
            const std::string digits = dotted.substr(i + 1, close - i - 1);
            if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
                throw InvalidInput("column '" + column + "': [" + digits + "] is not an item number");
            const std::size_t index = std::stoul(digits);
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

const char* const models_expected =
    "expected a sequence of cost models (CostModel, mapping or path), one per row, or one base model "
    "with a table of overrides";

/// A TypeError when `models` is one model where a sequence of models is expected.
void require_model_sequence(py::handle models) {
    if (py::isinstance<CostModel>(models) || is_mapping(models) || is_path(models))
        throw py::type_error(std::string("models: ") + models_expected + "; got a single " +
                             zkpy::type_name(models) + " (pass [model], or give table=)");
    if (is_frame(models))
        throw py::type_error(std::string("models: ") + models_expected +
                             "; got a DataFrame (a DataFrame is a table of overrides: pass it as table= with a base model)");
    if (!py::isinstance<py::iterable>(models) || py::isinstance<py::bytes>(models))
        throw py::type_error(std::string("models: ") + models_expected + "; got " + zkpy::type_name(models));
}

Rows rows_from(py::handle models, py::handle table, bool collect) {
    Rows rows;
    auto record = [&](std::size_t r, const std::function<CostModel()>& make) {
        std::optional<CostModel> model;
        std::string error = attempt([&] {
            try {
                model.emplace(make());
            } catch (const Error& e) {
                rethrow_at(e, "rows[" + std::to_string(r) + "]");
            }
        }, collect);
        rows.owned.push_back(std::move(model));
        rows.errors.push_back(std::move(error));
    };
    if (table.is_none()) {
        require_model_sequence(models);
        std::size_t i = 0;
        py::list items = py::module_::import("builtins").attr("list")(models);
        rows.models.reserve(items.size());
        for (auto item : items) {
            const std::size_t r = i++;
            if (py::isinstance<CostModel>(item)) {  // no copy: point into the Python object
                rows.keep_alive.push_back(py::reinterpret_borrow<py::object>(item));
                rows.models.push_back(&item.cast<const CostModel&>());
                continue;
            }
            const std::string path = "rows[" + std::to_string(r) + "]";
            record(r, [&] {
                if (is_missing(item)) throw InvalidInput("no cost model (None or NaN)", SourceLocation({}, path));
                return model_from(item, path);
            });
            rows.models.push_back(nullptr);  // filled in below
        }
        std::vector<std::string> errors(rows.models.size());
        for (std::size_t r = 0, j = 0; r < rows.models.size(); ++r)
            if (!py::isinstance<CostModel>(items[r])) {
                rows.models[r] = rows.owned[j].has_value() ? &*rows.owned[j] : nullptr;
                errors[r] = rows.errors[j];
                ++j;
            }
        rows.errors = std::move(errors);
        return rows;
    }
    // A base model and a table of overrides.
    if (!is_frame(table) && !is_mapping(table))
        throw py::type_error("table: expected a mapping of column (a dotted path in the cost model) to values, or a "
                             "pandas DataFrame; got " + zkpy::type_name(table));
    if (!(py::isinstance<CostModel>(models) || is_mapping(models) || is_path(models)))
        throw py::type_error("models: with a table of overrides, expected one base cost model (CostModel, mapping or "
                             "path); got " + zkpy::type_name(models));
    const io::Node base = py::isinstance<CostModel>(models) ? models.cast<CostModel>().to_node()
                          : is_path(models) ? model_from(models, "base").to_node()
                                            : zkpy::to_node(models, "base");
    struct Column {
        std::string name;
        std::vector<io::Node> values;
        std::vector<std::string> errors;  // per cell, empty when the cell was read
    };
    std::vector<Column> columns;
    std::size_t n = 0;
    for (auto item : table.attr("items")()) {
        auto pair = item.cast<py::tuple>();
        if (!py::isinstance<py::str>(pair[0]))
            throw py::type_error("table: column names must be dotted paths in the cost model (str), got " +
                                 zkpy::type_name(pair[0]));
        Column col{pair[0].cast<std::string>(), {}, {}};
        if (py::isinstance<py::str>(pair[1]) || py::isinstance<py::bytes>(pair[1]) || is_mapping(pair[1]) ||
            !py::isinstance<py::iterable>(pair[1]))
            throw py::type_error("table['" + col.name + "']: expected a sequence of values, one per row; got " +
                                 zkpy::type_name(pair[1]));
        std::size_t r = 0;
        for (auto v : py::iter(pair[1])) {
            const std::string path = "rows[" + std::to_string(r++) + "]." + col.name;
            io::Node node;
            col.errors.push_back(attempt([&] {
                if (is_missing(v)) throw InvalidInput("no value (None or NaN)", SourceLocation({}, path));
                node = zkpy::to_node(v, path);
            }, collect));
            col.values.push_back(std::move(node));
        }
        if (!columns.empty() && col.values.size() != n)
            throw InvalidInput("column '" + col.name + "' has " + std::to_string(col.values.size()) + " rows, others " +
                               std::to_string(n));
        n = col.values.size();
        columns.push_back(std::move(col));
    }
    for (std::size_t r = 0; r < n; ++r) {
        std::string cell_error;
        for (const auto& col : columns)
            if (cell_error.empty()) cell_error = col.errors[r];
        if (!cell_error.empty()) {
            rows.owned.emplace_back(std::nullopt);
            rows.errors.push_back(std::move(cell_error));
            continue;
        }
        record(r, [&] {
            io::Node row = base;
            for (const auto& col : columns) *node_at(row, col.name, col.name) = col.values[r];
            return CostModel::from_node(row, "", "rows[" + std::to_string(r) + "]");
        });
    }
    // pointers are taken once `owned` no longer grows
    for (const auto& o : rows.owned) rows.models.push_back(o ? &*o : nullptr);
    return rows;
}

/// Runs `f(i)` for every row that has a model, with the GIL released. A typed error of a row
/// (Overflow, ...) is that row's error in collect mode; otherwise the first one is raised with
/// the row's path.
template <class F>
void compute_rows(Rows& rows, bool collect, F&& f) {
    std::size_t failed = rows.models.size();
    std::exception_ptr first;
    {
        py::gil_scoped_release release;
        for (std::size_t i = 0; i < rows.models.size(); ++i) {
            if (!rows.models[i]) continue;
            try {
                f(i);
            } catch (const Error& e) {
                if (!collect) {
                    failed = i;
                    first = std::current_exception();
                    break;
                }
                SourceLocation at = e.where();
                at.path = "rows[" + std::to_string(i) + "]" + (e.path().empty() ? "" : "." + e.path());
                rows.errors[i] = std::string(e.code_name()) + ": " + detail::format_error(e.message(), at);
                rows.models[i] = nullptr;
            }
        }
    }
    if (first) {
        try {
            std::rethrow_exception(first);
        } catch (const Error& e) {
            rethrow_at(e, "rows[" + std::to_string(failed) + "]");
        }
    }
}

/// decimal.Decimal of a money amount with at least `digits` fractional digits: the scale the
/// amount was rounded to (Decimal("54.30"), not Decimal("54.3")).
py::object money_dec(const Money& m, int digits = 2) { return zkpy::from_decimal(m.amount(), digits); }
/// The scale of the tariff of a build-up: the model's rounding scale, cents for the minute unit.
int tariff_digits(const BuildUp& b) { return b.unit == ijw::Unit::minuut ? 2 : b.rounding.policy.scale; }

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

    // Batch: many models (or one base model and a table of overrides) at once.
    m.def("build_up_many", [](py::handle models, py::handle table, const std::string& errors) {
        if (errors != "raise" && errors != "collect") throw InvalidInput("errors must be 'raise' or 'collect'");
        const bool collect = errors == "collect";
        Rows rows = rows_from(models, table, collect);
        const std::size_t n = rows.models.size();
        std::vector<std::optional<BuildUp>> out(n);
        compute_rows(rows, collect, [&](std::size_t i) { out[i] = build_up(*rows.models[i]); });
        py::list tariff, total, k, productivity, hours_per_unit, uncovered, error;
        for (std::size_t i = 0; i < n; ++i) {
            if (!out[i]) {
                for (py::list* col : {&tariff, &total, &k, &productivity, &hours_per_unit, &uncovered}) col->append(py::none());
                error.append(rows.errors[i]);
                continue;
            }
            const BuildUp& b = *out[i];
            tariff.append(money_dec(b.tariff, tariff_digits(b)));
            total.append(money_dec(b.total));
            k.append(money_dec(b.cost_per_productive_hour, b.rounding.at_hour_cost ? b.rounding.policy.scale : 2));
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
        if (collect) cols["error"] = error;
        return result(cols, {table, models});
    }, py::arg("models"), py::arg("table") = py::none(), py::arg("errors") = "raise",
    R"doc(Build up many cost models at once (the computation runs in C++ with the GIL released).

Parameters
----------
models
    Without ``table``: a sequence of cost models, one per row (each a CostModel, a mapping in the
    cost-model format, or a path to a YAML/JSON file; a list, tuple, numpy object array or pandas
    Series). A single model, a path or a DataFrame given here is a TypeError.
    With ``table``: one base model (CostModel, mapping or path).
table
    Overrides of the base model, one row per result row: a mapping of column -> sequence of values
    (list, tuple, numpy array) or a pandas DataFrame. Each column name is a dotted path in the
    cost model (tariffs.md section 2), with ``[i]`` for list items: ``name``, ``law``, ``unit``;
    ``staff[i].function|monthly_salary|share|holiday_pay|year_end_bonus|irregular_hours|
    other_allowances|employer_charges``, ``staff[i].cao.name|scale|step|scale_amount``;
    ``hours.annual_hours|hours_per_week|weeks_per_year|leave_hours|public_holiday_hours|
    training_hours|meeting_hours|sickness|indirect|productivity``;
    ``travel.per_hour|km_per_hour|rate_per_km|per_unit``;
    ``training.share_of_personnel|per_fte_year|per_unit``;
    ``municipal_obligations.per_hour|hours_per_unit|per_unit``;
    ``client_bound_other.per_unit|per_bed_year|occupancy``; ``overhead.rate|convention``;
    ``risk_margin.rate``; ``indexation.clause|rate``;
    ``delivery.staff_hours_per_unit|staff_per_group|group_size|occupancy``;
    ``rounding.mode|scale|multiple_of``. Items ``[i]`` must exist in the base model. Values are
    str, int (numpy integers included), decimal.Decimal or bool; float (numpy floats included) is
    a TypeError, and None/NaN is an error of that row.
errors
    ``"raise"`` (default): the first bad row raises its error (path ``rows[i]...``).
    ``"collect"``: a bad row (unreadable model, missing or float cell, Overflow in the
    computation) gets None in every column and its message in the ``error`` column.

Returns
-------
A dict of equal-length lists, or a pandas DataFrame (with the index of the input) when ``table``
or ``models`` is a pandas object. Columns: ``tariff`` (Decimal at the model's rounding scale,
Decimal("54.30")), ``total`` (unrounded, at least cents), ``cost_per_productive_hour`` (K),
``productivity`` (fraction), ``hours_per_unit`` (h), ``uncovered_elements`` (str of element
letters), and with ``errors="collect"`` ``error`` (None or the row's message).
)doc");

    m.def("check_tariffs", [](py::handle tariffs, py::handle models, py::handle table, const std::string& basis,
                              py::handle bands, const std::string& errors) {
        if (errors != "raise" && errors != "collect") throw InvalidInput("errors must be 'raise' or 'collect'");
        const bool collect = errors == "collect";
        const PriceBasis pb = parse_price_basis(basis);
        const PlausibilityBands bs = bands_from(bands);
        if (py::isinstance<py::str>(tariffs) || py::isinstance<py::bytes>(tariffs) || is_mapping(tariffs) ||
            is_frame(tariffs) || !py::isinstance<py::iterable>(tariffs))
            throw py::type_error("tariffs: expected a sequence of tariffs, one per row (str, int, decimal.Decimal or "
                                 "Money; a list, tuple, numpy integer array or pandas Series); got " +
                                 zkpy::type_name(tariffs));
        std::vector<Money> ts;
        std::vector<std::string> tariff_errors;
        std::size_t i = 0;
        for (auto t : py::iter(tariffs)) {
            const std::string path = "tariffs[" + std::to_string(i++) + "]";
            Money amount;
            tariff_errors.push_back(attempt([&] {
                if (is_missing(t)) throw InvalidInput("no tariff (None or NaN)", SourceLocation({}, path));
                try {
                    amount = Money(zkpy::to_decimal(t, path));
                } catch (const Error& e) {
                    rethrow_at(e, path);
                }
            }, collect));
            ts.push_back(amount);
        }
        Rows rows;
        if (table.is_none() && (py::isinstance<CostModel>(models) || is_mapping(models) || is_path(models))) {
            rows.owned.emplace_back(model_from(models, "model"));
            rows.models.assign(ts.size(), &*rows.owned.front());
            rows.errors.assign(ts.size(), std::string());
        } else {
            rows = rows_from(models, table, collect);
        }
        if (rows.models.size() != ts.size())
            throw InvalidInput(std::to_string(ts.size()) + " tariffs for " + std::to_string(rows.models.size()) + " models");
        const std::size_t n = ts.size();
        for (std::size_t r = 0; r < n; ++r)
            if (!tariff_errors[r].empty() && rows.errors[r].empty()) {
                rows.errors[r] = tariff_errors[r];
                rows.models[r] = nullptr;
            }
        std::vector<std::optional<RealismCheck>> out(n);
        compute_rows(rows, collect, [&](std::size_t r) { out[r] = check_tariff(ts[r], *rows.models[r], pb, bs); });
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
            cost.append(money_dec(c.cost_price, tariff_digits(c.build_up)));
            gap.append(money_dec(c.gap));
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
        if (collect) cols["error"] = error;
        return result(cols, {table, models, tariffs});
    }, py::arg("tariffs"), py::arg("models"), py::arg("table") = py::none(), py::arg("basis") = "floor",
       py::arg("bands") = py::none(), py::arg("errors") = "raise",
    R"doc(Check many tariffs for realism at once (in C++, with the GIL released).

Parameters
----------
tariffs
    One tariff per row: a sequence (list, tuple, numpy integer array, pandas Series) of str, int,
    decimal.Decimal or Money. A single value is a TypeError; float (numpy floats included) is a
    TypeError; None/NaN is an error of that row.
models
    One cost model for every row (CostModel, mapping or path), a sequence of models (one per
    row), or with ``table`` the base model. See ``build_up_many`` for the sequence and for the
    override paths a table may use.
table
    Overrides of the base model, one row per tariff (mapping of column -> values, or DataFrame).
basis
    ``"floor"`` (default), ``"fixed"`` or ``"substantiated"`` (tariffs.md section 3).
bands
    Plausibility bands: None (the bundled bands), PlausibilityBands, a mapping or a path; a
    mapping or path overrides the bundled bands parameter by parameter.
errors
    ``"raise"`` (default) or ``"collect"``: a bad row (bad or missing tariff, unreadable model,
    missing or float cell, Overflow in the computation) gets None in every column and its message
    in the ``error`` column.

Returns
-------
A dict of equal-length lists, or a pandas DataFrame (with the index of the input) when ``table``,
``models`` or ``tariffs`` is a pandas object. Columns: ``verdict`` (realistic, below_cost,
implausible, elements_missing), ``cost_price`` (Decimal at the model's rounding scale), ``gap``
(tariff - cost price, at least cents), ``gap_percent``, ``uncovered_elements`` (str of element
letters), ``out_of_band`` (comma-separated paths of parameters outside their band),
``break_even_productivity``, ``break_even_overhead_rate``, ``break_even_salary_factor`` (Decimal
or None), and with ``errors="collect"`` ``error`` (None or the row's message).
)doc");
}
