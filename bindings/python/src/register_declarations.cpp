// zorginkoop._core: declarations (JW323 / WMO323) judged against a contract, one message at a time
// or as a batch of declaration lines read from Arrow buffers (no Python object per row).

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstring>
#include <string>
#include <vector>

#include "arrow_buffers.hpp"
#include "zorginkoop/declarations/check.hpp"

namespace py = pybind11;
using namespace zorginkoop;
using namespace zorginkoop::declarations;

namespace {

/// One Arrow array of a declaration line table, with its column name (arrow_buffers.hpp).
struct Column : zkpy::ArrowArray {
    std::string name;
};

Column column(const std::string& name, const py::tuple& t) {
    Column c;
    static_cast<zkpy::ArrowArray&>(c) = zkpy::arrow_array(t);
    c.name = name;
    return c;
}

/// Output buffers of one column.
struct Out {
    std::vector<unsigned char> validity, bits;  // bool: bits
    std::vector<std::int64_t> values;           // int64
    std::vector<std::int32_t> offsets{0};       // string
    std::string data;
    std::int64_t nulls = 0;

    static void set(std::vector<unsigned char>& bitmap, std::size_t i, bool v) {
        if (v) bitmap[i / 8] |= static_cast<unsigned char>(1u << (i % 8));
    }
};

py::tuple bool_column(const char* name, Out& o) {
    return py::make_tuple(name, "bool", o.nulls, py::bytes(reinterpret_cast<const char*>(o.validity.data()), o.validity.size()),
                          py::bytes(reinterpret_cast<const char*>(o.bits.data()), o.bits.size()));
}
py::tuple int_column(const char* name, Out& o) {
    return py::make_tuple(name, "int64", o.nulls, py::bytes(reinterpret_cast<const char*>(o.validity.data()), o.validity.size()),
                          py::bytes(reinterpret_cast<const char*>(o.values.data()), o.values.size() * 8));
}
py::tuple text_column(const char* name, Out& o) {
    return py::make_tuple(name, "text", o.nulls, py::bytes(reinterpret_cast<const char*>(o.validity.data()), o.validity.size()),
                          py::bytes(reinterpret_cast<const char*>(o.offsets.data()), o.offsets.size() * 4),
                          py::bytes(o.data));
}

}  // namespace

void register_declarations(py::module_& m) {
    m.attr("declarations_ruleset_version") = std::string(declarations::ruleset_version);

    m.def("check_declarations", [](const procurement::Document& contract, py::object message) {
        Message msg;
        if (py::isinstance<py::bytes>(message)) {
            const std::string xml = message.cast<std::string>();
            msg = parse_message(xml, "<bytes>");
        } else {
            msg = load_message(py::str(message).cast<std::string>());
        }
        py::gil_scoped_release release;
        return check_declarations(contract, msg);
    }, py::arg("contract"), py::arg("message"));

    // The batch: `columns` maps the iJw element names to arrays (see Column); returns
    // (rows, [(name, kind, nulls, validity, buffers...)]).
    m.def("judge_declaration_lines", [](const procurement::Document& contract, const py::dict& columns) {
        const auto get = [&](const char* name, bool required) -> std::optional<Column> {
            if (!columns.contains(name)) {
                if (required) throw InvalidInput(std::string("the declaration lines have no column ") + name);
                return std::nullopt;
            }
            return column(name, columns[name].cast<py::tuple>());
        };
        const Column category = *get("ProductCategorie", true), code = *get("ProductCode", true),
                     start = *get("Begindatum", true), end = *get("Einddatum", true),
                     volume = *get("GeleverdVolume", true), unit = *get("Eenheid", true),
                     amount = *get("IngediendBedrag", true);
        const std::optional<Column> tariff = get("ProductTarief", false);
        const std::int64_t n = category.length;
        for (const Column* c : {&code, &start, &end, &volume, &unit, &amount})
            if (c->length != n) throw InvalidInput("column " + c->name + " has another length than ProductCategorie");
        if (tariff && tariff->length != n) throw InvalidInput("column ProductTarief has another length than ProductCategorie");

        const std::size_t rows = static_cast<std::size_t>(n);
        const std::size_t bitmap = (rows + 7) / 8;
        Out known, unit_ok, tariff_ok, amount_ok, in_term, expected_tariff, expected_amount, rules, not_evaluated;
        for (Out* o : {&known, &unit_ok, &tariff_ok, &amount_ok, &in_term, &expected_tariff, &expected_amount, &rules,
                       &not_evaluated}) {
            o->validity.assign(bitmap, 0);
            o->bits.assign(bitmap, 0);
        }
        expected_tariff.values.assign(rows, 0);
        expected_amount.values.assign(rows, 0);
        {
            py::gil_scoped_release release;
            const Contract judge(contract);
            const auto put_bool = [](Out& o, std::size_t i, std::optional<bool> v) {
                if (!v) {
                    ++o.nulls;
                    return;
                }
                Out::set(o.validity, i, true);
                Out::set(o.bits, i, *v);
            };
            const auto put_int = [](Out& o, std::size_t i, std::optional<std::int64_t> v) {
                if (!v) {
                    ++o.nulls;
                    return;
                }
                Out::set(o.validity, i, true);
                o.values[i] = *v;
            };
            const auto put_text = [](Out& o, std::size_t i, const std::string* v) {
                if (!v) ++o.nulls;
                else {
                    Out::set(o.validity, i, true);
                    o.data += *v;
                }
                o.offsets.push_back(static_cast<std::int32_t>(o.data.size()));
            };
            const date::sys_days epoch{date::year{1970} / 1 / 1};
            for (std::size_t i = 0; i < rows; ++i) {
                const auto r = static_cast<std::int64_t>(i);
                std::string problem;
                for (const Column* c : {&category, &code, &start, &end, &volume, &unit, &amount})
                    if (!c->valid(r)) problem = "rows[" + std::to_string(i) + "]." + c->name + " is missing";
                if (!problem.empty()) {
                    for (Out* o : {&known, &unit_ok, &tariff_ok, &amount_ok, &in_term}) put_bool(*o, i, std::nullopt);
                    put_int(expected_tariff, i, std::nullopt);
                    put_int(expected_amount, i, std::nullopt);
                    put_text(rules, i, nullptr);
                    put_text(not_evaluated, i, &problem);
                    continue;
                }
                Line l;
                l.category = std::string(category.text(r));
                l.code = std::string(code.text(r));
                l.period_start = Date{epoch + date::days{start.int32(r)}};
                l.period_end = Date{epoch + date::days{end.int32(r)}};
                l.volume = volume.int64(r);
                l.unit = std::string(unit.text(r));
                if (tariff && tariff->valid(r)) l.tariff_cents = tariff->int64(r);
                l.amount.cents = amount.int64(r);
                const LineVerdict v = judge.judge(l);
                put_bool(known, i, v.product_known);
                put_bool(unit_ok, i, v.unit_ok);
                put_bool(tariff_ok, i, v.tariff_ok);
                put_bool(amount_ok, i, v.amount_ok);
                put_bool(in_term, i, v.in_term);
                put_int(expected_tariff, i, v.expected_tariff_cents);
                put_int(expected_amount, i, v.expected_amount_cents);
                std::string fired;
                for (const auto& id : v.rules) fired += (fired.empty() ? "" : ",") + id;
                put_text(rules, i, &fired);
                put_text(not_evaluated, i, v.not_evaluated.empty() ? nullptr : &v.not_evaluated);
            }
        }
        py::list out;
        out.append(bool_column("product_known", known));
        out.append(bool_column("unit_ok", unit_ok));
        out.append(bool_column("tariff_ok", tariff_ok));
        out.append(bool_column("amount_ok", amount_ok));
        out.append(bool_column("in_term", in_term));
        out.append(int_column("expected_tariff_cents", expected_tariff));
        out.append(int_column("expected_amount_cents", expected_amount));
        out.append(text_column("rules", rules));
        out.append(text_column("not_evaluated", not_evaluated));
        return py::make_tuple(n, out);
    }, py::arg("contract"), py::arg("arrays"));
}
