// The batch entry points behind zorginkoop.tariff.build_up_many and check_tariffs: the rows are
// computed by the C++ batch engine (zorginkoop/tariff/batch.hpp) with the GIL released. A table of
// overrides arrives column by column, as Arrow string buffers (no Python object per cell) or, for
// a column Arrow cannot hold as text, as its cells; results leave as columns of decimal.Decimal /
// str / None, or as Arrow buffers.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>

#include <pybind11/gil_safe_call_once.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "arrow_buffers.hpp"
#include "convert.hpp"
#include "tariff_args.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/tariff/batch.hpp"

namespace py = pybind11;
using namespace zorginkoop;
namespace zb = zorginkoop::batch;
using zkpy::bands_from;
using zkpy::model_from;

namespace {

bool is_path(py::handle obj) { return py::isinstance<py::str>(obj) || py::hasattr(obj, "__fspath__"); }
bool is_mapping(py::handle obj) {
    return py::isinstance<py::dict>(obj) || (py::hasattr(obj, "keys") && py::hasattr(obj, "items"));
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

/// A row error of the batch from a typed error, a TypeError or a ValueError (collect mode), or
/// nullopt when `f` succeeds; other errors, and every error when raising, propagate.
template <class F>
std::optional<zb::RowError> attempt(std::size_t row, F&& f, bool collect) {
    zb::RowError out;
    out.row = row;
    try {
        f();
        return std::nullopt;
    } catch (const Error& e) {
        if (!collect) throw;
        out.code = e.code();
        out.text = std::string(e.code_name()) + ": " + e.what();
        out.error = std::current_exception();
    } catch (const py::type_error& e) {
        if (!collect) throw;
        out.text = std::string("type_error: ") + e.what();
    } catch (const py::value_error& e) {
        if (!collect) throw;
        out.text = std::string("value_error: ") + e.what();
    } catch (py::error_already_set& e) {
        if (!collect || !(e.matches(PyExc_TypeError) || e.matches(PyExc_ValueError))) throw;
        out.text = std::string(e.matches(PyExc_TypeError) ? "type_error: " : "value_error: ") + e.what();
    }
    return out;
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

/// A sequence of models, one per row: CostModel objects are pointed to, mappings and paths read.
struct ModelRows {
    std::vector<std::optional<CostModel>> owned;
    std::vector<const CostModel*> models;
    std::vector<zb::RowError> errors;
    py::list keep_alive;  // holds the CostModel objects pointed to
};

ModelRows model_rows(py::handle models, bool collect) {
    require_model_sequence(models);
    ModelRows rows;
    rows.keep_alive = py::module_::import("builtins").attr("list")(models);
    const std::size_t n = rows.keep_alive.size();
    rows.models.assign(n, nullptr);
    rows.owned.resize(n);
    for (std::size_t r = 0; r < n; ++r) {
        py::handle item = rows.keep_alive[r];
        if (py::isinstance<CostModel>(item)) {  // no copy: point into the Python object
            rows.models[r] = &item.cast<const CostModel&>();
            continue;
        }
        const std::string path = "rows[" + std::to_string(r) + "]";
        auto error = attempt(r, [&] {
            try {
                if (is_missing(item)) throw InvalidInput("no cost model (None or NaN)", Location::at(path));
                rows.owned[r].emplace(model_from(item, path));
            } catch (const Error& e) {
                zb::rethrow_at(e, path);
            }
        }, collect);
        if (error) rows.errors.push_back(std::move(*error));
        else rows.models[r] = &*rows.owned[r];
    }
    return rows;
}

/// The base model of a table as a tree.
io::Node base_node(py::handle models) {
    if (!(py::isinstance<CostModel>(models) || is_mapping(models) || is_path(models)))
        throw py::type_error("models: with a table of overrides, expected one base cost model (CostModel, mapping or "
                             "path); got " + zkpy::type_name(models));
    return py::isinstance<CostModel>(models) ? models.cast<const CostModel&>().to_node()
           : is_path(models)                 ? model_from(models, "base").to_node()
                                             : zkpy::to_node(models, "base");
}

/// One column of a table. An Arrow column: ("arrow", name, length, offset, nulls, validity or None,
/// offsets, data, quoted, canonical, round_digits): `canonical` numbers are written as Decimal
/// writes them (as a decimal.Decimal cell is); round_digits >= 0 rounds each number half-even to
/// that many digits (floats, by their shortest repr). A cell column: ("cells", name, sequence),
/// each cell read as one value of the cost-model format.
zb::Column read_column(const py::tuple& spec, bool collect) {
    const std::string kind = spec[0].cast<std::string>();
    const std::string name = spec[1].cast<std::string>();
    const auto at = [&](std::size_t r) { return "rows[" + std::to_string(r) + "]." + name; };
    if (kind == "cells") {
        py::handle values = spec[2];
        if (py::isinstance<py::str>(values) || py::isinstance<py::bytes>(values) || is_mapping(values) ||
            !py::isinstance<py::iterable>(values))
            throw py::type_error("table['" + name + "']: expected a sequence of values, one per row; got " +
                                 zkpy::type_name(values));
        zb::Column col = zb::Column::of_trees(name, {});
        std::size_t r = 0;
        for (auto v : py::iter(values)) {
            const std::size_t row = r++;
            io::Node node;
            auto error = attempt(row, [&] {
                if (is_missing(v)) throw InvalidInput("no value (None or NaN)", Location::at(at(row)));
                node = zkpy::to_node(v, at(row));
            }, collect);
            if (col.valid.empty() && error) col.valid.assign(row, 1);
            if (!col.valid.empty()) col.valid.push_back(error ? 0 : 1);
            if (error) col.errors.push_back(std::move(*error));
            col.trees.push_back(std::move(node));
        }
        return col;
    }
    const zkpy::ArrowArray a = zkpy::arrow_array(spec, 2);  // fields 2-7: the string array
    const bool quoted = spec[8].cast<bool>(), canonical = spec[9].cast<bool>();
    const int round_digits = spec[10].cast<int>();
    const std::size_t n = static_cast<std::size_t>(a.length);
    zb::Column col = zb::Column::of_text(name, {}, quoted);
    col.texts.resize(n);
    if (a.nulls > 0) col.valid.assign(n, 1);
    py::gil_scoped_release release;
    for (std::size_t r = 0; r < n; ++r) {
        if (!a.valid(static_cast<std::int64_t>(r))) {
            col.valid[r] = 0;
            continue;
        }
        const std::string_view t = a.text(static_cast<std::int64_t>(r));
        if (!canonical && round_digits < 0) {
            col.texts[r].assign(t.data(), t.size());
            continue;
        }
        try {
            Decimal d = Decimal::parse(t);
            if (round_digits >= 0) d = d.round_to_scale(round_digits, RoundingMode::half_even);
            col.texts[r] = d.to_string();
        } catch (const Error&) {  // left as written: the reader reports it with the row's path
            col.texts[r].assign(t.data(), t.size());
        }
    }
    return col;
}

zb::Table read_table(py::handle models, const py::list& columns, bool collect) {
    zb::Table t;
    t.base = base_node(models);
    for (auto c : columns) t.columns.push_back(read_column(c.cast<py::tuple>(), collect));
    return t;
}

/// Options with a progress callback(done, total) that takes the GIL; its return value is ignored,
/// an exception it raises stops the batch and is raised once the engine has returned.
struct Progress {
    py::object callback;
    std::exception_ptr error;
    void install(zb::Options& o, std::size_t every) {
        if (callback.is_none()) return;
        o.progress_every = every;
        o.progress = [this](std::size_t done, std::size_t all) {
            py::gil_scoped_acquire gil;
            try {
                callback(done, all);
                return true;
            } catch (...) {
                error = std::current_exception();
                return false;
            }
        };
    }
    void raise_if_failed() const {
        if (error) std::rethrow_exception(error);
    }
};

// ---- output ----

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

/// A result column: decimal (value, digits shown; nullopt: None) or text, per row.
struct OutColumn {
    const char* name;
    std::function<std::optional<Decimal>(std::size_t)> decimal;
    std::function<int(std::size_t)> digits;
    std::function<std::string(std::size_t)> text;
};

/// decimal.Decimal, looked up once.
py::handle decimal_type() {
    PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<py::object> storage;
    return storage.call_once_and_store_result([] { return py::module_::import("decimal").attr("Decimal"); }).get_stored();
}

/// decimal.Decimal of a value, made by calling the class once with the text; a value equal to the
/// previous one of the column (with the same digits) is the same immutable object.
class DecimalMaker {
public:
    py::object operator()(const Decimal& d, int digits) {
        if (last_ && digits == last_digits_ && d == last_value_) return last_;
        const std::string s = d.to_string(digits);
        PyObject* text = PyUnicode_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size()));
        if (!text) throw py::error_already_set();
        PyObject* value = PyObject_CallOneArg(decimal_type().ptr(), text);
        Py_DECREF(text);
        if (!value) throw py::error_already_set();
        last_ = py::reinterpret_steal<py::object>(value);
        last_value_ = d;
        last_digits_ = digits;
        return last_;
    }

private:
    py::object last_;
    Decimal last_value_;
    int last_digits_ = 0;
};

bool selected(const std::optional<std::vector<std::string>>& select, const char* name) {
    return !select || std::find(select->begin(), select->end(), name) != select->end();
}

void check_selection(const std::optional<std::vector<std::string>>& select, const std::vector<OutColumn>& cols,
                     bool collect) {
    if (!select) return;
    for (const auto& s : *select) {
        const bool known = std::any_of(cols.begin(), cols.end(), [&](const OutColumn& c) { return s == c.name; }) ||
                           (s == "error" && collect);
        if (!known) {
            std::string names;
            for (const auto& c : cols) names += (names.empty() ? "" : ", ") + std::string(c.name);
            throw InvalidInput("columns: no result column '" + s + "' (" + names + (collect ? ", error" : "") + ")");
        }
    }
}

/// Python output: a dict of lists (Decimal, str, None), the columns asked for (all by default).
py::dict python_output(std::size_t n, const std::vector<unsigned char>& ok, const std::vector<OutColumn>& cols,
                       const std::vector<zb::RowError>& errors, bool collect,
                       const std::optional<std::vector<std::string>>& select) {
    py::dict out;
    for (const auto& c : cols) {
        if (!selected(select, c.name)) continue;
        PyObject* list = PyList_New(static_cast<Py_ssize_t>(n));
        if (!list) throw py::error_already_set();
        py::object owner = py::reinterpret_steal<py::object>(list);
        DecimalMaker make;
        for (std::size_t r = 0; r < n; ++r) {
            py::object cell;
            if (!ok[r]) {
                cell = py::none();
            } else if (c.decimal) {
                const std::optional<Decimal> v = c.decimal(r);
                cell = v ? make(*v, c.digits(r)) : py::object(py::none());
            } else {
                cell = py::str(c.text(r));
            }
            PyList_SET_ITEM(list, static_cast<Py_ssize_t>(r), cell.release().ptr());
        }
        out[c.name] = owner;
    }
    if (collect && selected(select, "error")) {
        py::list e(n);
        for (std::size_t r = 0; r < n; ++r) e[r] = py::none();
        for (const auto& x : errors) e[x.row] = py::str(x.text);
        out["error"] = e;
    }
    return out;
}

/// Arrow output: (rows, columns), per column (name, "decimal" | "text", null_count, validity or
/// None, buffers...). A value outside decimal128(38,18) is an Overflow naming rows[i].column (in
/// collect mode, that row's error, and the row's cells are null).
py::tuple arrow_output(std::size_t n, const std::vector<unsigned char>& ok, const std::vector<OutColumn>& cols,
                       const std::vector<zb::RowError>& errors, bool collect,
                       const std::optional<std::vector<std::string>>& select) {
    std::vector<const OutColumn*> chosen;
    for (const auto& c : cols)
        if (selected(select, c.name)) chosen.push_back(&c);
    struct Buffers {
        std::string data;
        std::vector<std::int32_t> offsets{0};
        std::vector<unsigned char> validity;
        std::size_t nulls = 0;
    };
    std::vector<Buffers> bufs(chosen.size());
    for (std::size_t c = 0; c < chosen.size(); ++c) {
        bufs[c].validity.assign((n + 7) / 8, 0);
        if (chosen[c]->decimal) bufs[c].data.assign(n * 16, '\0');
    }
    // Error text per row (collect), extended by the rows whose values do not fit.
    std::vector<const std::string*> error_of(n, nullptr);
    std::vector<std::string> overflow_text(n);
    for (const auto& e : errors) error_of[e.row] = &e.text;
    {
        py::gil_scoped_release release;
        std::vector<char> present(chosen.size());
        for (std::size_t r = 0; r < n; ++r) {
            bool row_ok = ok[r] != 0;
            for (std::size_t c = 0; row_ok && c < chosen.size(); ++c) {
                present[c] = 0;
                if (!chosen[c]->decimal) continue;
                const std::optional<Decimal> v = chosen[c]->decimal(r);
                if (!v) continue;
                present[c] = 1;
                if (!to_decimal128(*v, reinterpret_cast<unsigned char*>(&bufs[c].data[r * 16]))) {
                    const std::string message = v->to_string() + " is outside Arrow's decimal128(38, 18) "
                                                "(at most 20 digits before the point)";
                    const Location at = Location::at("rows[" + std::to_string(r) + "]." + chosen[c]->name);
                    if (!collect) throw Overflow(message, at);
                    overflow_text[r] = "overflow: " + detail::format_error(message, at);
                    error_of[r] = &overflow_text[r];
                    row_ok = false;
                }
            }
            for (std::size_t c = 0; c < chosen.size(); ++c) {
                Buffers& b = bufs[c];
                if (chosen[c]->decimal) {
                    if (row_ok && present[c]) {
                        b.validity[r / 8] |= static_cast<unsigned char>(1u << (r % 8));
                    } else {
                        std::fill_n(&b.data[r * 16], 16, '\0');
                        ++b.nulls;
                    }
                    continue;
                }
                if (row_ok) {
                    b.data += chosen[c]->text(r);
                    if (b.data.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
                        throw Overflow("more than 2 GiB of text in one column", Location::at("rows[" + std::to_string(r) + "]"));
                    b.validity[r / 8] |= static_cast<unsigned char>(1u << (r % 8));
                } else {
                    ++b.nulls;
                }
                b.offsets.push_back(static_cast<std::int32_t>(b.data.size()));
            }
        }
    }
    auto bytes = [](const void* p, std::size_t size) { return py::bytes(static_cast<const char*>(p), size); };
    py::list out;
    for (std::size_t c = 0; c < chosen.size(); ++c) {
        const Buffers& b = bufs[c];
        py::object validity = b.nulls == 0 ? py::object(py::none()) : py::object(bytes(b.validity.data(), b.validity.size()));
        if (chosen[c]->decimal)
            out.append(py::make_tuple(chosen[c]->name, "decimal", b.nulls, validity, bytes(b.data.data(), b.data.size())));
        else
            out.append(py::make_tuple(chosen[c]->name, "text", b.nulls, validity,
                                      bytes(b.offsets.data(), b.offsets.size() * sizeof(std::int32_t)),
                                      bytes(b.data.data(), b.data.size())));
    }
    if (collect && selected(select, "error")) {
        Buffers e;
        e.validity.assign((n + 7) / 8, 0);
        for (std::size_t r = 0; r < n; ++r) {
            if (error_of[r]) {
                e.data += *error_of[r];
                e.validity[r / 8] |= static_cast<unsigned char>(1u << (r % 8));
            } else {
                ++e.nulls;
            }
            e.offsets.push_back(static_cast<std::int32_t>(e.data.size()));
        }
        py::object validity = e.nulls == 0 ? py::object(py::none()) : py::object(bytes(e.validity.data(), e.validity.size()));
        out.append(py::make_tuple("error", "text", e.nulls, validity,
                                  bytes(e.offsets.data(), e.offsets.size() * sizeof(std::int32_t)),
                                  bytes(e.data.data(), e.data.size())));
    }
    return py::make_tuple(n, out);
}

/// "python" or "arrow".
bool wants_arrow(const std::string& output) {
    if (output != "python" && output != "arrow") throw InvalidInput("output must be 'python' or 'arrow'");
    return output == "arrow";
}
bool collects(const std::string& errors) {
    if (errors != "raise" && errors != "collect") throw InvalidInput("errors must be 'raise' or 'collect'");
    return errors == "collect";
}

std::vector<OutColumn> build_up_columns(const zb::BuildUpColumns& b) {
    return {
        {"tariff", [&](std::size_t r) { return std::optional<Decimal>(b.tariff[r]); },
         [&](std::size_t r) { return int(b.tariff_digits[r]); }, {}},
        {"total", [&](std::size_t r) { return std::optional<Decimal>(b.total[r]); }, [](std::size_t) { return 2; }, {}},
        {"cost_per_productive_hour", [&](std::size_t r) { return std::optional<Decimal>(b.cost_per_productive_hour[r]); },
         [&](std::size_t r) { return int(b.hour_cost_digits[r]); }, {}},
        {"productivity", [&](std::size_t r) { return std::optional<Decimal>(b.productivity[r]); },
         [](std::size_t) { return 0; }, {}},
        {"hours_per_unit", [&](std::size_t r) { return std::optional<Decimal>(b.hours_per_unit[r]); },
         [](std::size_t) { return 0; }, {}},
        {"uncovered_elements", {}, {}, [&](std::size_t r) { return zb::element_letters(b.uncovered[r]); }},
    };
}

std::vector<OutColumn> check_columns(const zb::CheckColumns& c, const PlausibilityBands& bands) {
    return {
        {"verdict", {}, {}, [&](std::size_t r) { return std::string(verdict_name(c.verdict[r])); }},
        {"cost_price", [&](std::size_t r) { return std::optional<Decimal>(c.cost_price[r]); },
         [&](std::size_t r) { return int(c.cost_price_digits[r]); }, {}},
        {"gap", [&](std::size_t r) { return std::optional<Decimal>(c.gap[r]); }, [](std::size_t) { return 2; }, {}},
        {"gap_percent", [&](std::size_t r) { return std::optional<Decimal>(c.gap_percent[r]); },
         [](std::size_t) { return 0; }, {}},
        {"uncovered_elements", {}, {}, [&](std::size_t r) { return zb::element_letters(c.uncovered[r]); }},
        {"out_of_band", {}, {}, [&](std::size_t r) {
             std::string params;
             for (std::uint32_t h = c.band_begin[r]; h < c.band_end[r]; ++h)
                 params += (params.empty() ? "" : ",") + c.hit_path(c.hits[h], bands);
             return params;
         }},
        {"break_even_productivity", [&](std::size_t r) { return c.break_even_productivity[r]; },
         [](std::size_t) { return 0; }, {}},
        {"break_even_overhead_rate", [&](std::size_t r) { return c.break_even_overhead_rate[r]; },
         [](std::size_t) { return 0; }, {}},
        {"break_even_salary_factor", [&](std::size_t r) { return c.break_even_salary_factor[r]; },
         [](std::size_t) { return 0; }, {}},
    };
}

/// The tariffs of a check, read from a sequence (errors at tariffs[i]).
zb::Tariffs read_tariffs(py::handle tariffs, bool collect) {
    if (py::isinstance<py::str>(tariffs) || py::isinstance<py::bytes>(tariffs) || is_mapping(tariffs) ||
        !py::isinstance<py::iterable>(tariffs))
        throw py::type_error("tariffs: expected a sequence of tariffs, one per row (str, int, decimal.Decimal or "
                             "Money; a list, tuple, numpy integer array or pandas Series); got " +
                             zkpy::type_name(tariffs));
    zb::Tariffs out;
    std::size_t i = 0;
    for (auto t : py::iter(tariffs)) {
        const std::size_t row = i++;
        const auto path = [row] { return "tariffs[" + std::to_string(row) + "]"; };  // made on an error only
        std::optional<Money> amount;
        auto error = attempt(row, [&] {
            if (is_missing(t)) throw InvalidInput("no tariff (None or NaN)", Location::at(path()));
            try {
                amount = Money(PyUnicode_CheckExact(t.ptr()) ? zkpy::to_decimal(t, {}) : zkpy::to_decimal(t, path()));
            } catch (const Error& e) {
                zb::rethrow_at(e, path());
            }
        }, collect);
        if (error) out.errors.push_back(std::move(*error));
        out.values.push_back(amount);
    }
    return out;
}

/// One basis for every row (a str) or one per row (a sequence of str; errors at basis[i]).
std::vector<PriceBasis> read_bases(py::handle basis) {
    if (py::isinstance<py::str>(basis)) return {parse_price_basis(basis.cast<std::string>())};
    if (!py::isinstance<py::iterable>(basis) || is_mapping(basis) || py::isinstance<py::bytes>(basis))
        throw py::type_error("basis: expected 'floor', 'fixed' or 'substantiated', or a sequence of them (one per "
                             "row); got " + zkpy::type_name(basis));
    std::vector<PriceBasis> out;
    std::size_t i = 0;
    for (auto b : py::iter(basis)) {
        const Location at = Location::at("basis[" + std::to_string(i++) + "]");
        if (is_missing(b)) throw InvalidInput("no price basis (None or NaN)", at);
        if (!py::isinstance<py::str>(b))
            throw py::type_error("basis[" + std::to_string(i - 1) + "]: expected a str, got " + zkpy::type_name(b));
        try {
            out.push_back(parse_price_basis(py::str(b).cast<std::string>()));
        } catch (const Error& e) {
            throw InvalidInput(e.message(), at);
        }
    }
    if (out.empty()) out.push_back(PriceBasis::floor);  // no rows
    return out;
}

using Select = std::optional<std::vector<std::string>>;

}  // namespace

void register_batch(py::module_& m) {
    // One base model and a table of overrides (columns as read_column describes them), or a
    // sequence of models (table None).
    m.def("batch_build_up", [](py::handle models, py::object columns, const std::string& errors,
                               const std::string& output, Select select, py::object progress, std::size_t every) {
        const bool collect = collects(errors);
        const bool arrow = wants_arrow(output);
        zb::Options o;
        o.collect = collect;
        o.lines = false;
        Progress p{std::move(progress), nullptr};
        p.install(o, every);
        zb::BuildUpColumns b;
        if (columns.is_none()) {
            ModelRows rows = model_rows(models, collect);
            py::gil_scoped_release release;
            b = zb::build_up_many(rows.models, rows.errors, o);
        } else {
            const zb::Table t = read_table(models, columns.cast<py::list>(), collect);
            py::gil_scoped_release release;
            b = zb::build_up_many(t, o);
        }
        p.raise_if_failed();
        const auto cols = build_up_columns(b);
        check_selection(select, cols, collect);
        if (arrow) return py::object(arrow_output(b.rows, b.ok, cols, b.errors, collect, select));
        return py::object(python_output(b.rows, b.ok, cols, b.errors, collect, select));
    }, py::arg("models"), py::arg("table_columns"), py::arg("errors") = "raise", py::arg("output") = "python",
       py::arg("columns_out") = py::none(), py::arg("progress") = py::none(), py::arg("progress_every") = 4096,
       "The raw batch build-up behind zorginkoop.tariff.build_up_many (documented there).");

    m.def("batch_check_tariffs", [](py::handle tariffs, py::handle models, py::object columns, py::handle basis,
                                    py::handle bands, const std::string& errors, const std::string& output,
                                    Select select, py::object progress, std::size_t every) {
        const bool collect = collects(errors);
        const bool arrow = wants_arrow(output);
        const std::vector<PriceBasis> bases = read_bases(basis);
        const PlausibilityBands bs = bands_from(bands);
        zb::Options o;
        o.collect = collect;
        Progress p{std::move(progress), nullptr};
        p.install(o, every);
        const zb::Tariffs ts = read_tariffs(tariffs, collect);
        zb::CheckColumns c;
        if (columns.is_none() && (py::isinstance<CostModel>(models) || is_mapping(models) || is_path(models))) {
            const CostModel one = model_from(models, "model");
            std::vector<const CostModel*> all(ts.values.size(), &one);
            py::gil_scoped_release release;
            c = zb::check_tariffs(ts, all, {}, bases, bs, o);
        } else if (columns.is_none()) {
            ModelRows rows = model_rows(models, collect);
            py::gil_scoped_release release;
            c = zb::check_tariffs(ts, rows.models, rows.errors, bases, bs, o);
        } else {
            const zb::Table t = read_table(models, columns.cast<py::list>(), collect);
            py::gil_scoped_release release;
            c = zb::check_tariffs(ts, t, bases, bs, o);
        }
        p.raise_if_failed();
        const auto cols = check_columns(c, bs);
        check_selection(select, cols, collect);
        if (arrow) return py::object(arrow_output(c.rows, c.ok, cols, c.errors, collect, select));
        return py::object(python_output(c.rows, c.ok, cols, c.errors, collect, select));
    }, py::arg("tariffs"), py::arg("models"), py::arg("table_columns"), py::arg("basis") = "floor",
       py::arg("bands") = py::none(), py::arg("errors") = "raise", py::arg("output") = "python",
       py::arg("columns_out") = py::none(), py::arg("progress") = py::none(), py::arg("progress_every") = 4096,
       "The raw batch realism check behind zorginkoop.tariff.check_tariffs (documented there).");
}
