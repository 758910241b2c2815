// Cost models, build-ups, the realism check, plausibility bands, and the batch entry points that
// process many rows in C++ with the GIL released.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>

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
        return CostModel::load(zkpy::to_path(obj, "model"));
    return CostModel::from_node(zkpy::to_node(obj, path), "", path);
}

PlausibilityBands bands_from(py::handle obj) {
    if (obj.is_none()) return PlausibilityBands::bundled();
    if (py::isinstance<PlausibilityBands>(obj)) return obj.cast<PlausibilityBands>();
    if (py::isinstance<py::str>(obj) || py::hasattr(obj, "__fspath__"))
        return PlausibilityBands::bundled().overridden_by(
            PlausibilityBands::load(zkpy::to_path(obj, "bands")));
    return PlausibilityBands::bundled().overridden_by(PlausibilityBands::from_node(zkpy::to_node(obj, "bands")));
}

// pandas objects never reach these functions: zorginkoop.tariff turns a DataFrame into a mapping
// of object arrays and a Series into an object array, and makes DataFrame results.
bool is_path(py::handle obj) { return py::isinstance<py::str>(obj) || py::hasattr(obj, "__fspath__"); }
bool is_mapping(py::handle obj) {
    return py::isinstance<py::dict>(obj) || (py::hasattr(obj, "keys") && py::hasattr(obj, "items"));
}

/// The same error with `prefix` put before its path (rows[3] + staff → rows[3].staff).
[[noreturn]] void rethrow_at(const Error& e, const std::string& prefix) {
    Location at = e.where();
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
    if (PyUnicode_CheckExact(v.ptr()) || PyLong_CheckExact(v.ptr())) return false;
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
    std::vector<py::object> keep_alive;           // what holds the Python CostModel objects pointed to
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
        rows.keep_alive.push_back(items);  // the list holds the CostModel objects pointed to
        rows.models.reserve(items.size());
        std::vector<char> is_model(items.size());
        for (auto item : items) {
            const std::size_t r = i++;
            if (py::isinstance<CostModel>(item)) {  // no copy: point into the Python object
                is_model[r] = 1;
                rows.models.push_back(&item.cast<const CostModel&>());
                continue;
            }
            const std::string path = "rows[" + std::to_string(r) + "]";
            record(r, [&] {
                if (is_missing(item)) throw InvalidInput("no cost model (None or NaN)", Location::at(path));
                return model_from(item, path);
            });
            rows.models.push_back(nullptr);  // filled in below
        }
        std::vector<std::string> errors(rows.models.size());
        for (std::size_t r = 0, j = 0; r < rows.models.size(); ++r)
            if (!is_model[r]) {
                rows.models[r] = rows.owned[j].has_value() ? &*rows.owned[j] : nullptr;
                errors[r] = rows.errors[j];
                ++j;
            }
        rows.errors = std::move(errors);
        return rows;
    }
    // A base model and a table of overrides.
    if (!is_mapping(table))
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
                if (is_missing(v)) throw InvalidInput("no value (None or NaN)", Location::at(path));
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
void compute_rows(Rows& rows, bool collect, std::size_t lo, std::size_t hi, F&& f) {
    std::size_t failed = rows.models.size();
    std::exception_ptr first;
    {
        py::gil_scoped_release release;
        for (std::size_t i = lo; i < hi; ++i) {
            if (!rows.models[i]) continue;
            try {
                f(i);
            } catch (const Error& e) {
                if (!collect) {
                    failed = i;
                    first = std::current_exception();
                    break;
                }
                Location at = e.where();
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

/// One cell of a decimal column: a value (None when absent) and the fractional digits it is shown
/// with as decimal.Decimal (the scale it was rounded to; Arrow keeps 18).
struct DecimalCell {
    std::optional<Decimal> value;
    int digits = 0;
};

/// A column of a batch result: decimal (decimal.Decimal, or Arrow decimal128(38,18)) or text
/// (str, or Arrow utf8), read from a row's result by `decimal` or `text`.
template <class R>
struct ColumnSpec {
    const char* name;
    std::function<DecimalCell(const R&)> decimal;
    std::function<std::string(const R&)> text;
};

/// Arrow's decimal128(38, 18) holds |value × 10^18| < 10^38; Decimal's range is wider (±3.4e20).
/// Writes the 16 little-endian two's-complement bytes, or returns false when out of range.
bool to_decimal128(const Decimal& d, unsigned char* out) {
    static const auto limit = [] {
        detail::raw_int l = 1;
        for (int i = 0; i < 38; ++i) l *= 10;
        return l;
    }();
    const detail::raw_int& raw = d.raw();
    const bool negative = raw.sign() < 0;
#ifdef ZORGINKOOP_DECIMAL_NATIVE
    static const detail::u128 native_limit = detail::magnitude(limit);
    detail::u128 mag = detail::magnitude(raw);
    if (mag >= native_limit) return false;
    std::uint64_t lo = static_cast<std::uint64_t>(mag), hi = static_cast<std::uint64_t>(mag >> 64);
#else
    const detail::raw_int mag = negative ? detail::raw_int(-raw) : raw;
    if (mag >= limit) return false;
    std::uint64_t lo = static_cast<std::uint64_t>(mag & detail::raw_int(~std::uint64_t(0)));
    std::uint64_t hi = static_cast<std::uint64_t>(mag >> 64);
#endif
    if (negative) {  // two's complement of the magnitude
        lo = ~lo + 1;
        hi = ~hi + (lo == 0 ? 1 : 0);
    }
    for (int i = 0; i < 8; ++i) {
        out[i] = static_cast<unsigned char>(lo >> (8 * i));
        out[8 + i] = static_cast<unsigned char>(hi >> (8 * i));
    }
    return true;
}

/// The columns of a batch result, filled a chunk of rows at a time (so that the results of a chunk
/// are dropped before the next is computed: a batch's memory does not grow with full results).
/// Python output: a dict of lists (decimal.Decimal, str, None; zorginkoop.tariff makes it a
/// DataFrame when an input is a pandas object). Arrow output: (rows, columns), per column a tuple
/// (name, "decimal" | "text", null_count, validity bitmap or None, buffers...) that
/// zorginkoop.tariff wraps with pyarrow, without a Python object per cell. A value outside
/// decimal128(38,18) is an Overflow naming rows[i].column (in collect mode, that row's error).
template <class R>
class Emitter {
public:
    Emitter(const std::vector<ColumnSpec<R>>& specs, std::size_t n, bool collect, bool arrow)
        : specs_(specs), n_(n), collect_(collect), arrow_(arrow), lists_(arrow ? 0 : specs.size()),
          bufs_(arrow ? specs.size() + 1 : 0), present_(specs.size()) {
        for (std::size_t c = 0; c < bufs_.size(); ++c) {  // the last one: the error column
            bufs_[c].validity.assign((n + 7) / 8, 0);
            if (c < specs.size() && specs[c].decimal) bufs_[c].data.assign(n * 16, '\0');
        }
    }

    /// Rows lo, lo + 1, ... whose results are out[0], out[1], ... (nullopt: the row failed).
    void add(const std::vector<std::optional<R>>& out, std::size_t lo, std::vector<std::string>& errors) {
        for (std::size_t k = 0; k < out.size(); ++k)
            if (arrow_)
                arrow_row(lo + k, out[k] ? &*out[k] : nullptr, errors);
            else
                python_row(lo + k, out[k] ? &*out[k] : nullptr, errors);
    }

    py::object finish() {
        if (!arrow_) {
            py::dict cols;
            for (std::size_t c = 0; c < specs_.size(); ++c) cols[specs_[c].name] = lists_[c];
            if (collect_) cols["error"] = error_list_;
            return std::move(cols);
        }
        auto bytes = [](const void* p, std::size_t size) { return py::bytes(static_cast<const char*>(p), size); };
        py::list cols;
        for (std::size_t c = 0; c < bufs_.size(); ++c) {
            if (c == specs_.size() && !collect_) break;
            const Buffers& b = bufs_[c];
            const bool is_decimal = c < specs_.size() && specs_[c].decimal;
            py::object validity = b.nulls == 0 ? py::object(py::none()) : py::object(bytes(b.validity.data(), b.validity.size()));
            const char* name = c < specs_.size() ? specs_[c].name : "error";
            if (is_decimal)
                cols.append(py::make_tuple(name, "decimal", b.nulls, validity, bytes(b.data.data(), b.data.size())));
            else
                cols.append(py::make_tuple(name, "text", b.nulls, validity,
                                           bytes(b.offsets.data(), b.offsets.size() * sizeof(std::int32_t)),
                                           bytes(b.data.data(), b.data.size())));
        }
        return py::make_tuple(n_, cols);
    }

private:
    struct Buffers {
        std::string data;  // 16 bytes a row (decimal) or the text bytes
        std::vector<std::int32_t> offsets{0};
        std::vector<unsigned char> validity;
        std::size_t nulls = 0;
    };

    void python_row(std::size_t r, const R* result, const std::vector<std::string>& errors) {
        for (std::size_t c = 0; c < specs_.size(); ++c) {
            if (!result) {
                lists_[c].append(py::none());
            } else if (specs_[c].decimal) {
                const DecimalCell cell = specs_[c].decimal(*result);
                lists_[c].append(cell.value ? from_decimal(*cell.value, cell.digits) : py::none());
            } else {
                lists_[c].append(specs_[c].text(*result));
            }
        }
        error_list_.append(result ? py::object(py::none()) : py::object(py::str(errors[r])));
    }

    static void set_valid(Buffers& b, std::size_t r) { b.validity[r / 8] |= static_cast<unsigned char>(1u << (r % 8)); }
    static void put_text(Buffers& b, std::size_t r, const std::string* s) {
        if (s) {
            if (b.data.size() + s->size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
                throw Overflow("more than 2 GiB of text in one column", Location::at("rows[" + std::to_string(r) + "]"));
            b.data += *s;
            set_valid(b, r);
        } else {
            ++b.nulls;
        }
        b.offsets.push_back(static_cast<std::int32_t>(b.data.size()));
    }

    void arrow_row(std::size_t r, const R* result, std::vector<std::string>& errors) {
        bool ok = result != nullptr;
        for (std::size_t c = 0; ok && c < specs_.size(); ++c) {  // the decimals first: a value out of range fails the row
            present_[c] = false;
            if (!specs_[c].decimal) continue;
            const DecimalCell cell = specs_[c].decimal(*result);
            if (!cell.value) continue;
            present_[c] = true;
            if (!to_decimal128(*cell.value, reinterpret_cast<unsigned char*>(&bufs_[c].data[r * 16]))) {
                const std::string message = cell.value->to_string() + " is outside Arrow's decimal128(38, 18) "
                                            "(at most 20 digits before the point)";
                const Location at = Location::at("rows[" + std::to_string(r) + "]." + specs_[c].name);
                if (!collect_) throw Overflow(message, at);
                errors[r] = "overflow: " + detail::format_error(message, at);
                ok = false;
            }
        }
        for (std::size_t c = 0; c < specs_.size(); ++c) {
            if (specs_[c].decimal) {
                if (ok && present_[c]) {
                    set_valid(bufs_[c], r);
                } else {
                    std::fill_n(&bufs_[c].data[r * 16], 16, '\0');
                    ++bufs_[c].nulls;
                }
            } else {
                const std::string text = ok ? specs_[c].text(*result) : std::string();
                put_text(bufs_[c], r, ok ? &text : nullptr);
            }
        }
        put_text(bufs_.back(), r, ok ? nullptr : &errors[r]);
    }

    const std::vector<ColumnSpec<R>>& specs_;
    std::size_t n_;
    bool collect_, arrow_;
    std::vector<py::list> lists_;
    py::list error_list_;
    std::vector<Buffers> bufs_;
    std::vector<char> present_;
};

/// Computes `f(i)` (a row's result) for every row that has a model and emits the columns, a chunk
/// of rows at a time: compute_rows (without the GIL) then the Emitter (with it).
template <class R, class F>
py::object run_batch(Rows& rows, const std::vector<ColumnSpec<R>>& specs, bool collect, bool arrow, F&& f) {
    const std::size_t n = rows.models.size();
    constexpr std::size_t chunk = 512;
    Emitter<R> emitter(specs, n, collect, arrow);
    std::vector<std::optional<R>> out;
    for (std::size_t lo = 0; lo < n; lo += chunk) {
        const std::size_t hi = std::min(n, lo + chunk);
        out.clear();
        out.resize(hi - lo);
        compute_rows(rows, collect, lo, hi, [&](std::size_t i) { out[i - lo] = f(i); });
        emitter.add(out, lo, rows.errors);
    }
    return emitter.finish();
}

/// "python" or "arrow".
bool arrow_output(const std::string& output) {
    if (output != "python" && output != "arrow") throw InvalidInput("output must be 'python' or 'arrow'");
    return output == "arrow";
}

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

    // Batch: many models (or one base model and a table of overrides) at once.
    m.def("build_up_many", [](py::handle models, py::handle table, const std::string& errors, const std::string& output) {
        if (errors != "raise" && errors != "collect") throw InvalidInput("errors must be 'raise' or 'collect'");
        const bool collect = errors == "collect";
        const bool arrow = arrow_output(output);
        Rows rows = rows_from(models, table, collect);
        static const std::vector<ColumnSpec<BuildUp>> specs = {
            {"tariff", [](const BuildUp& b) { return DecimalCell{b.tariff.amount(), tariff_digits(b)}; }, {}},
            {"total", [](const BuildUp& b) { return DecimalCell{b.total.amount(), 2}; }, {}},
            {"cost_per_productive_hour", [](const BuildUp& b) {
                return DecimalCell{b.cost_per_productive_hour.amount(), b.rounding.at_hour_cost ? b.rounding.policy.scale : 2};
            }, {}},
            {"productivity", [](const BuildUp& b) { return DecimalCell{b.productivity.value(), 0}; }, {}},
            {"hours_per_unit", [](const BuildUp& b) { return DecimalCell{b.hours_per_unit, 0}; }, {}},
            {"uncovered_elements", {}, [](const BuildUp& b) { return b.uncovered_elements; }},
        };
        return run_batch(rows, specs, collect, arrow, [&](std::size_t i) { return build_up(*rows.models[i]); });
    }, py::arg("models"), py::arg("table") = py::none(), py::arg("errors") = "raise", py::arg("output") = "python",
    "The raw batch build-up behind zorginkoop.tariff.build_up_many (documented there).");

    m.def("check_tariffs", [](py::handle tariffs, py::handle models, py::handle table, const std::string& basis,
                              py::handle bands, const std::string& errors, const std::string& output) {
        if (errors != "raise" && errors != "collect") throw InvalidInput("errors must be 'raise' or 'collect'");
        const bool collect = errors == "collect";
        const bool arrow = arrow_output(output);
        const PriceBasis pb = parse_price_basis(basis);
        const PlausibilityBands bs = bands_from(bands);
        if (py::isinstance<py::str>(tariffs) || py::isinstance<py::bytes>(tariffs) || is_mapping(tariffs) ||
            !py::isinstance<py::iterable>(tariffs))
            throw py::type_error("tariffs: expected a sequence of tariffs, one per row (str, int, decimal.Decimal or "
                                 "Money; a list, tuple, numpy integer array or pandas Series); got " +
                                 zkpy::type_name(tariffs));
        std::vector<Money> ts;
        std::vector<std::string> tariff_errors;
        std::size_t i = 0;
        for (auto t : py::iter(tariffs)) {
            const std::size_t row = i++;
            const auto path = [row] { return "tariffs[" + std::to_string(row) + "]"; };  // made on an error only
            Money amount;
            tariff_errors.push_back(attempt([&] {
                if (is_missing(t)) throw InvalidInput("no tariff (None or NaN)", Location::at(path()));
                try {
                    amount = Money(PyUnicode_CheckExact(t.ptr()) ? zkpy::to_decimal(t, {}) : zkpy::to_decimal(t, path()));
                } catch (const Error& e) {
                    rethrow_at(e, path());
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
        auto optional_value = [](const auto& x) { return x ? std::optional<Decimal>(x->value()) : std::nullopt; };
        static const std::vector<ColumnSpec<RealismCheck>> specs = {
            {"verdict", {}, [](const RealismCheck& c) { return std::string(verdict_name(c.verdict)); }},
            {"cost_price", [](const RealismCheck& c) { return DecimalCell{c.cost_price.amount(), tariff_digits(c.build_up)}; }, {}},
            {"gap", [](const RealismCheck& c) { return DecimalCell{c.gap.amount(), 2}; }, {}},
            {"gap_percent", [](const RealismCheck& c) { return DecimalCell{c.gap_percent, 0}; }, {}},
            {"uncovered_elements", {}, [](const RealismCheck& c) { return c.uncovered_elements; }},
            {"out_of_band", {}, [](const RealismCheck& c) {
                std::string params;
                for (const auto& x : c.out_of_band) params += (params.empty() ? "" : ",") + x.path;
                return params;
            }},
            {"break_even_productivity", [=](const RealismCheck& c) { return DecimalCell{optional_value(c.break_even.productivity), 0}; }, {}},
            {"break_even_overhead_rate", [=](const RealismCheck& c) { return DecimalCell{optional_value(c.break_even.overhead_rate), 0}; }, {}},
            {"break_even_salary_factor", [](const RealismCheck& c) { return DecimalCell{c.break_even.salary_factor, 0}; }, {}},
        };
        return run_batch(rows, specs, collect, arrow,
                         [&](std::size_t r) { return check_tariff(ts[r], *rows.models[r], pb, bs); });
    }, py::arg("tariffs"), py::arg("models"), py::arg("table") = py::none(), py::arg("basis") = "floor",
       py::arg("bands") = py::none(), py::arg("errors") = "raise", py::arg("output") = "python",
    "The raw batch realism check behind zorginkoop.tariff.check_tariffs (documented there).");
}
