// Indexation: IndexSeries, IndexSeriesSet, IndexationClause and their results. The public Python
// API is zorginkoop.indexation, which wraps IndexationClause so that rates come back as
// decimal.Decimal (percent) carrying their derivation.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "py_types.hpp"
#include "zorginkoop/indexation/check.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/indexation/render.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/law/registry.hpp"

namespace py = pybind11;
using namespace zorginkoop;
using zkpy::from_decimal;

namespace {

/// decimal.Decimal with at least `digits` fractional digits ("6.30" rather than "6.3").
zkpy::DecimalValue dec(const Decimal& d, int digits = 0) {
    return py::module_::import("decimal").attr("Decimal")(d.to_string(digits));
}
zkpy::OptDecimal opt_dec(const std::optional<Decimal>& d) { return d ? py::object(dec(*d)) : py::object(py::none()); }
py::object opt_int(const std::optional<int>& v) { return v ? py::object(py::int_(*v)) : py::object(py::none()); }

std::string path_text(py::handle p) { return zkpy::to_path(p, "path"); }

std::optional<int> opt_year(py::handle v) { return zkpy::to_opt_int(v, "first_contract_year"); }
std::optional<Date> opt_as_of(py::handle v) {
    if (v.is_none()) return std::nullopt;
    return zkpy::to_date(v, "as_of");
}

/// A figures file as a path (str or os.PathLike) or as a mapping (the tree of the file).
IndexSeriesSet overlay_arg(const IndexSeriesSet& set, py::handle figures) {
    if (py::isinstance<py::str>(figures) || py::hasattr(figures, "__fspath__")) return set.overlay_file(path_text(figures));
    return set.overlay(zkpy::to_node(figures, ""));
}
int year_arg(py::handle v, const char* what = "year") { return zkpy::to_int(v, what); }

Money to_money(py::handle v, const std::string& what) {
    if (py::isinstance<Money>(v)) return v.cast<Money>();
    return Money(zkpy::to_decimal(v, what));
}

IndexStatus status_arg(const std::string& s) { return parse_index_status(s); }

py::dict rounding_dict(const RateRounding& r) {
    py::dict d;
    d["at"] = zkpy::word("RateRoundingAt", rate_rounding_at_name(r.at));
    d["scale"] = r.scale;
    d["mode"] = zkpy::word("RoundingMode", rounding_mode_name(r.mode));
    return d;
}
py::dict rounding_dict(const TariffRounding& r) {
    py::dict d;
    d["scale"] = r.scale;
    d["mode"] = zkpy::word("RoundingMode", rounding_mode_name(r.mode));
    d["chain"] = zkpy::word("TariffChain", tariff_chain_name(r.chain));
    return d;
}

int rate_digits(const RateDerivation& d) { return d.rounding.at == RateRoundingAt::none ? 0 : d.rounding.scale; }
int part_digits(const RateDerivation& d) { return d.rounding.at == RateRoundingAt::parts ? d.rounding.scale : 0; }

/// An IndexSeries from the same tree the readers produce: id, values and the optional keys.
IndexSeries series_from_parts(const std::string& id, py::handle values, const std::string& name,
                              const std::string& source_note) {
    io::Node root = io::Node::mapping();
    root.add("zorginkoop_index_series", io::Node::scalar("1", io::Node::Style::plain));
    root.add("id", io::Node::scalar(id, io::Node::Style::quoted));
    root.add("name", io::Node::scalar(name, io::Node::Style::quoted));
    if (!source_note.empty()) root.add("source_note", io::Node::scalar(source_note, io::Node::Style::quoted));
    io::Node list = io::Node::sequence();
    std::size_t i = 0;
    for (py::handle item : values) {
        const std::string path = "values[" + std::to_string(i++) + "]";
        if (py::isinstance<IndexFigure>(item)) {
            const IndexFigure& f = item.cast<const IndexFigure&>();
            io::Node m = io::Node::mapping();
            m.add("year", io::Node::scalar(std::to_string(f.year), io::Node::Style::plain));
            m.add("status", io::Node::scalar(index_status_name(f.status), io::Node::Style::plain));
            m.add("percent", io::Node::scalar(f.percent.to_string(), io::Node::Style::quoted));
            m.add("source", io::Node::scalar(f.source, io::Node::Style::quoted));
            if (f.published) m.add("published", io::Node::scalar(format_date(*f.published), io::Node::Style::quoted));
            if (!f.note.empty()) m.add("note", io::Node::scalar(f.note, io::Node::Style::quoted));
            if (f.conflicting) m.add("conflicting", io::Node::scalar("true", io::Node::Style::plain));
            list.push_back(std::move(m));
        } else {
            list.push_back(zkpy::to_node(item, path));
        }
    }
    root.add("values", std::move(list));
    return IndexSeries::from_node(root);
}

py::list problems_list(const std::vector<ClauseProblem>& ps) { return py::cast(ps); }

}  // namespace

void register_indexation(py::module_& m) {
    py::class_<IndexFigure>(m, "IndexFigure", "One published index figure: year, status (provisional or definitive), percent and source.")
        .def_readonly("year", &IndexFigure::year)
        .def_property_readonly("status", [](const IndexFigure& f) { return zkpy::word("IndexStatus", index_status_name(f.status)); })
        .def_property_readonly("percent", [](const IndexFigure& f) { return dec(f.percent, 2); })
        .def_readonly("source", &IndexFigure::source)
        .def_property_readonly("published", [](const IndexFigure& f) -> py::object {
            if (!f.published) return py::none();
            return zkpy::from_date(*f.published);
        })
        .def_readonly("note", &IndexFigure::note)
        .def_readonly("conflicting", &IndexFigure::conflicting)
        .def("__eq__", [](const IndexFigure& a, py::handle b) -> py::object {
            if (!py::isinstance<IndexFigure>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == b.cast<const IndexFigure&>());
        })
        // Equal figures have the same year, status and percent (the hash needs no more).
        .def("__hash__", [](const IndexFigure& f) {
            return py::hash(py::make_tuple(f.year, index_status_name(f.status), f.percent.to_string()));
        })
        .def("__repr__", [](const IndexFigure& f) {
            return "IndexFigure(" + std::to_string(f.year) + ", '" + index_status_name(f.status) + "', Decimal('" +
                   f.percent.to_string(2) + "'))";
        });

    py::class_<IndexSeries>(m, "IndexSeries", "An index series (e.g. OVA, PPC): its figures by year and status, with sources.")
        .def(py::init(&series_from_parts), py::arg("id"), py::arg("values"), py::arg("name") = "",
             py::arg("source_note") = "")
        .def_static("from_dict", [](py::handle mapping, const std::string& source) {
            return IndexSeries::from_node(zkpy::to_node(mapping, ""), source);
        }, py::arg("mapping"), py::arg("source") = "")
        .def_static("parse", [](const std::string& text, const std::string& source) { return IndexSeries::parse(text, source); },
                    py::arg("text"), py::arg("source") = "")
        .def_static("load", [](py::handle path) { return IndexSeries::load(path_text(path)); }, py::arg("path"))
        .def_static("bundled", [] { return IndexSeriesSet::bundled().series(); })
        .def_static("bundled", [](const std::string& id) { return IndexSeriesSet::bundled().at(id); }, py::arg("id"))
        .def_property_readonly("id", &IndexSeries::id)
        .def_property_readonly("name", &IndexSeries::name)
        .def_property_readonly("unit", &IndexSeries::unit)
        .def_property_readonly("source_note", &IndexSeries::source_note)
        .def_property_readonly("figures", [](const IndexSeries& s) { return s.figures(); })
        .def("figure", [](const IndexSeries& s, py::handle year, const std::string& status) {
            return s.figure(year_arg(year), status_arg(status));
        }, py::arg("year"), py::arg("status"))
        .def("find", [](const IndexSeries& s, py::handle year, const std::string& status) -> py::object {
            const IndexFigure* f = s.find(year_arg(year), status_arg(status));
            if (!f) return py::none();
            return py::cast(*f);
        }, py::arg("year"), py::arg("status"))
        .def("percent", [](const IndexSeries& s, py::handle year, const std::string& status) {
            return dec(s.figure(year_arg(year), status_arg(status)).percent, 2);
        }, py::arg("year"), py::arg("status"))
        .def_property_readonly("last_year", &IndexSeries::last_year)
        .def_property_readonly("definitive_due", [](const IndexSeries& s) -> py::object {
            if (!s.definitive_due()) return py::none();
            py::dict d;
            d["day"] = s.definitive_due()->day_text();
            d["source"] = s.definitive_due()->source;
            return std::move(d);
        })
        .def("definitive_due_date", [](const IndexSeries& s, py::handle year) -> py::object {
            const auto d = s.definitive_due_date(year_arg(year));
            if (!d) return py::none();
            return zkpy::from_date(*d);
        }, py::arg("year"))
        .def("definitive_overdue", [](const IndexSeries& s, py::handle year, py::handle as_of) {
            return s.definitive_overdue(year_arg(year), zkpy::to_date(as_of, "as_of"));
        }, py::arg("year"), py::arg("as_of"))
        .def("to_dict", [](const IndexSeries& s) { return zkpy::from_node(s.to_node()); })
        .def("to_yaml", [](const IndexSeries& s) { return io::to_yaml(s.to_node()); })
        .def("to_json", [](const IndexSeries& s) { return io::to_json(s.to_node()); })
        .def("__len__", [](const IndexSeries& s) { return s.figures().size(); })
        .def("__eq__", [](const IndexSeries& a, py::handle b) -> py::object {
            if (!py::isinstance<IndexSeries>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == b.cast<const IndexSeries&>());
        })
        .def("__hash__", [](const IndexSeries& s) { return py::hash(py::make_tuple(s.id(), s.figures().size())); })
        .def("__repr__", [](const IndexSeries& s) {
            return "IndexSeries('" + s.id() + "', " + std::to_string(s.figures().size()) + " figures)";
        });

    py::class_<IndexSeriesSet>(m, "IndexSeriesSet", "The index series a computation may use, by id (IndexSeriesSet.bundled() holds OVA and PPC).")
        .def(py::init([](const std::vector<IndexSeries>& s) { return IndexSeriesSet(s); }),
             py::arg("series") = std::vector<IndexSeries>{})
        .def_static("bundled", &IndexSeriesSet::bundled)
        .def("with_series", [](const IndexSeriesSet& set, py::handle s) {
            if (py::isinstance<IndexSeries>(s)) return set.with(s.cast<IndexSeries>());
            if (py::isinstance<py::str>(s) || py::isinstance<py::bytes>(s) || py::isinstance<py::dict>(s) ||
                !py::isinstance<py::iterable>(s))
                throw py::type_error("series: expected an IndexSeries or a list of IndexSeries, got " +
                                     zkpy::type_name(s));
            std::vector<IndexSeries> items;
            for (py::handle item : s) {
                if (!py::isinstance<IndexSeries>(item))
                    throw py::type_error("series[" + std::to_string(items.size()) + "]: expected an IndexSeries, got " +
                                         zkpy::type_name(item));
                items.push_back(item.cast<IndexSeries>());
            }
            return set.with(items);
        }, py::arg("series"))
        .def("overlay", &overlay_arg, py::arg("figures"))
        .def("with_file", [](const IndexSeriesSet& set, py::handle path) { return set.with_file(path_text(path)); },
             py::arg("path"))
        .def("ids", &IndexSeriesSet::ids)
        .def("get", [](const IndexSeriesSet& set, const std::string& id) -> py::object {
            const IndexSeries* s = set.find(id);
            if (!s) return py::none();
            return py::cast(*s);
        }, py::arg("id"))
        .def("__contains__", [](const IndexSeriesSet& set, const std::string& id) { return set.contains(id); })
        .def("__getitem__", [](const IndexSeriesSet& set, const std::string& id) {
            const IndexSeries* s = set.find(id);
            if (!s) throw py::key_error(id);
            return *s;
        })
        .def("__len__", &IndexSeriesSet::size)
        .def("__iter__", [](const IndexSeriesSet& set) { return py::iter(py::cast(set.series())); })
        .def("__repr__", [](const IndexSeriesSet& set) {
            std::string ids;
            for (const auto& id : set.ids()) ids += (ids.empty() ? "'" : ", '") + id + "'";
            return "IndexSeriesSet([" + ids + "])";
        });

    py::class_<UsedFigure>(m, "UsedFigure", "A figure a rate was derived from.")
        .def_readonly("series", &UsedFigure::series)
        .def_readonly("year", &UsedFigure::year)
        .def_property_readonly("status", [](const UsedFigure& f) { return zkpy::word("IndexStatus", index_status_name(f.status)); })
        .def_property_readonly("percent", [](const UsedFigure& f) { return dec(f.percent, 2); })
        .def_readonly("source", &UsedFigure::source)
        .def_property_readonly("published", [](const UsedFigure& f) -> py::object {
            if (!f.published) return py::none();
            return zkpy::from_date(*f.published);
        })
        .def_readonly("note", &UsedFigure::note)
        .def_readonly("conflicting", &UsedFigure::conflicting)
        .def_property_readonly("definitive_due", [](const UsedFigure& f) -> py::object {
            if (!f.definitive_due) return py::none();
            return zkpy::from_date(*f.definitive_due);
        })
        .def_readonly("definitive_overdue", &UsedFigure::definitive_overdue)
        .def("__repr__", [](const UsedFigure& f) {
            return "UsedFigure('" + f.series + "', " + std::to_string(f.year) + ", '" + index_status_name(f.status) +
                   "', Decimal('" + f.percent.to_string(2) + "'))";
        });

    py::class_<ComponentDerivation>(m, "ComponentDerivation", "The part of an indexation rate that one weighted component contributes.")
        .def_readonly("series", &ComponentDerivation::series)
        .def_property_readonly("weight", [](const ComponentDerivation& c) { return dec(c.weight); })
        .def_property_readonly("provisional_percent", [](const ComponentDerivation& c) { return opt_dec(c.provisional_percent); })
        .def_property_readonly("weighted_provisional_percent",
                               [](const ComponentDerivation& c) { return opt_dec(c.weighted_provisional_percent); })
        .def_property_readonly("previous_provisional_percent",
                               [](const ComponentDerivation& c) { return opt_dec(c.previous_provisional_percent); })
        .def_property_readonly("previous_definitive_percent",
                               [](const ComponentDerivation& c) { return opt_dec(c.previous_definitive_percent); })
        .def_property_readonly("catch_up_factor_minus_one_percent",
                               [](const ComponentDerivation& c) { return opt_dec(c.catch_up_factor_minus_one_percent); })
        .def_property_readonly("catch_up_term_percent",
                               [](const ComponentDerivation& c) { return opt_dec(c.catch_up_term_percent); });

    py::class_<RateDerivation>(m, "RateDerivation", "How an indexation rate was derived: weighted provisional figures, catch-up and rounding.")
        .def_readonly("year", &RateDerivation::year)
        .def_property_readonly("uses_conflicting_figures", &RateDerivation::uses_conflicting_figures)
        .def_property_readonly("uses_overdue_provisional_figures", &RateDerivation::uses_overdue_provisional_figures)
        .def_property_readonly("as_of", [](const RateDerivation& d) -> zkpy::OptDate {
            if (!d.as_of) return py::none();
            return zkpy::from_date(*d.as_of);
        })
        .def_property_readonly("effective", [](const RateDerivation& d) { return zkpy::from_date(d.effective); })
        .def_property_readonly("catch_up_method", [](const RateDerivation& d) { return zkpy::word("CatchUp", catch_up_name(d.catch_up_method)); })
        .def_readonly("catch_up_applied", &RateDerivation::catch_up_applied)
        .def_readonly("catch_up_skipped", &RateDerivation::catch_up_skipped)
        .def_property_readonly("catch_up_over_year", &RateDerivation::catch_up_over_year)
        .def_property_readonly("first_contract_year", [](const RateDerivation& d) { return opt_int(d.first_contract_year); })
        .def_property_readonly("rounding", [](const RateDerivation& d) { return rounding_dict(d.rounding); })
        .def_property_readonly("rate_percent", [](const RateDerivation& d) { return dec(d.rate_percent, rate_digits(d)); })
        .def_property_readonly("rate", &RateDerivation::rate)
        .def_property_readonly("factor", [](const RateDerivation& d) { return dec(d.factor()); })
        .def_property_readonly("weighted_provisional_percent",
                               [](const RateDerivation& d) { return dec(d.weighted_provisional_percent, part_digits(d)); })
        .def_property_readonly("catch_up_percent", [](const RateDerivation& d) { return dec(d.catch_up_percent, part_digits(d)); })
        .def_property_readonly("unrounded_weighted_provisional_percent",
                               [](const RateDerivation& d) { return dec(d.unrounded_weighted_provisional_percent); })
        .def_property_readonly("unrounded_catch_up_percent", [](const RateDerivation& d) { return dec(d.unrounded_catch_up_percent); })
        .def_property_readonly("unrounded_rate_percent", [](const RateDerivation& d) { return dec(d.unrounded_rate_percent); })
        .def_readonly("components", &RateDerivation::components)
        .def_readonly("figures", &RateDerivation::figures)
        .def("to_dict", [](const RateDerivation& d) { return zkpy::from_node(d.to_node()); })
        .def("to_json", [](const RateDerivation& d) { return io::to_json(d.to_node()); })
        .def("to_text", [](const RateDerivation& d, const std::string& lang) { return rate_text(d, parse_lang(lang)); },
             py::arg("lang") = "nl");

    py::class_<ScheduleRow>(m, "ScheduleRow", "One year of a tariff schedule.")
        .def_readonly("year", &ScheduleRow::year)
        .def_readonly("rate", &ScheduleRow::rate)
        .def_property_readonly("factor", [](const ScheduleRow& r) { return dec(r.factor); })
        .def_property_readonly("cumulative_factor", [](const ScheduleRow& r) { return dec(r.cumulative_factor); })
        .def_readonly("unrounded_tariff", &ScheduleRow::unrounded_tariff)
        .def_readonly("tariff", &ScheduleRow::tariff);

    py::class_<Schedule>(m, "Schedule", "A tariff indexed year by year.")
        .def_readonly("base_year", &Schedule::base_year)
        .def_readonly("base_tariff", &Schedule::base_tariff)
        .def_property_readonly("to_year", &Schedule::to_year)
        .def_property_readonly("rounding", [](const Schedule& s) { return rounding_dict(s.rounding); })
        .def_property_readonly("first_contract_year", [](const Schedule& s) { return opt_int(s.first_contract_year); })
        .def_readonly("rows", &Schedule::rows)
        .def_property_readonly("final_tariff", [](const Schedule& s) { return s.final_tariff(); })
        .def("tariff", [](const Schedule& s, py::handle year) { return s.tariff(year_arg(year)); }, py::arg("year"))
        .def("to_dict", [](const Schedule& s) { return zkpy::from_node(s.to_node()); })
        .def("to_json", [](const Schedule& s) { return io::to_json(s.to_node()); })
        .def("to_text", [](const Schedule& s, const std::string& lang) { return schedule_text(s, parse_lang(lang)); },
             py::arg("lang") = "nl")
        .def("to_svg", [](const Schedule& s, const std::string& title, const std::string& lang) {
            return schedule_svg(s, title, parse_lang(lang));
        }, py::arg("title") = "", py::arg("lang") = "nl");

    py::class_<CatchUpSettlement>(m, "CatchUpSettlement", "The catch-up (nacalculatie) of one year settled on a turnover.")
        .def_readonly("year", &CatchUpSettlement::year)
        .def_property_readonly("uses_conflicting_figures", &CatchUpSettlement::uses_conflicting_figures)
        .def_readonly("over_year", &CatchUpSettlement::over_year)
        .def_property_readonly("method", [](const CatchUpSettlement& s) { return zkpy::word("CatchUp", catch_up_name(s.method)); })
        .def_readonly("applied", &CatchUpSettlement::applied)
        .def_readonly("skipped", &CatchUpSettlement::skipped)
        .def_readonly("turnover", &CatchUpSettlement::turnover)
        .def_property_readonly("unrounded_catch_up_percent",
                               [](const CatchUpSettlement& s) { return dec(s.unrounded_catch_up_percent); })
        .def_property_readonly("catch_up_percent", [](const CatchUpSettlement& s) { return dec(s.catch_up_percent); })
        .def_readonly("unrounded_amount", &CatchUpSettlement::unrounded_amount)
        .def_readonly("amount", &CatchUpSettlement::amount)
        .def_readonly("components", &CatchUpSettlement::components)
        .def_readonly("figures", &CatchUpSettlement::figures)
        .def("to_dict", [](const CatchUpSettlement& s) { return zkpy::from_node(s.to_node()); })
        .def("to_json", [](const CatchUpSettlement& s) { return io::to_json(s.to_node()); });

    m.def("clause_findings", [] {
        py::list out;
        for (const ClauseFinding& f : clause_findings()) {
            py::dict d;
            d["id"] = f.id;
            d["code"] = f.code;
            d["alias"] = f.alias;
            d["severity"] = severity_name(f.severity);
            d["message_key"] = f.message_key;
            d["basis"] = f.basis;
            out.append(d);
        }
        return out;
    }, "The declared clause findings: id (INDEX-001 ...), code, alias (the rule id reports write), severity, "
       "message_key, basis.");
    py::class_<ClauseProblem>(m, "ClauseProblem", "A problem found in an indexation clause: a rule id, a path and a message.")
        .def_readonly("code", &ClauseProblem::code)
        .def_readonly("rule", &ClauseProblem::rule)
        .def_readonly("message_key", &ClauseProblem::message_key)
        .def_property_readonly("params", [](const ClauseProblem& p) {
            py::dict d;
            for (const auto& [k, v] : p.params) d[py::str(k)] = v;
            return d;
        })
        .def_readonly("message", &ClauseProblem::message)
        .def_property_readonly("path", [](const ClauseProblem& p) { return p.where.path; })
        .def_property_readonly("line", [](const ClauseProblem& p) { return p.where.line; })
        .def_property_readonly("column", [](const ClauseProblem& p) { return p.where.column; })
        .def_property_readonly("source", [](const ClauseProblem& p) { return p.where.source; })
        .def_readonly("series", &ClauseProblem::series)
        .def_readonly("year", &ClauseProblem::year)
        .def_readonly("status", &ClauseProblem::status)
        .def("__repr__", [](const ClauseProblem& p) { return "ClauseProblem('" + p.code + "', '" + p.where.path + "')"; });
    // after ClauseProblem, so that its signature names the Python class
    m.def("clause_problems_report", [](const std::vector<ClauseProblem>& problems, const std::string& subject) {
        return to_report(problems, subject);
    }, py::arg("problems"), py::arg("subject") = "");

    py::class_<IndexationClause>(m, "IndexationClause", "An indexation clause as the C++ library reads it; zorginkoop.IndexationClause wraps it.")
        .def_static("from_dict", [](py::handle mapping, const std::string& source) {
            return IndexationClause::from_node(zkpy::to_node(mapping, ""), source);
        }, py::arg("mapping"), py::arg("source") = "")
        .def_static("parse", [](const std::string& text, const std::string& source) {
            return IndexationClause::parse(text, source);
        }, py::arg("text"), py::arg("source") = "")
        .def_static("load", [](py::handle path) { return IndexationClause::load(path_text(path)); }, py::arg("path"))
        .def("validate", &IndexationClause::validate, py::arg("series"))
        .def_property_readonly("components", [](const IndexationClause& c) {
            py::list out;
            for (const IndexComponent& x : c.components()) out.append(py::make_tuple(x.series, dec(x.weight)));
            return out;
        })
        .def_property_readonly("catch_up", [](const IndexationClause& c) { return zkpy::word("CatchUp", catch_up_name(c.catch_up())); })
        .def_property_readonly("first_contract_year_catch_up", &IndexationClause::first_contract_year_catch_up)
        .def_property_readonly("rate_rounding", [](const IndexationClause& c) { return rounding_dict(c.rate_rounding()); })
        .def_property_readonly("tariff_rounding", [](const IndexationClause& c) { return rounding_dict(c.tariff_rounding()); })
        .def_property_readonly("effective", [](const IndexationClause& c) { return c.effective().to_string(); })
        .def("catch_up_applies", [](const IndexationClause& c, py::handle year, py::handle fcy) {
            return c.catch_up_applies(year_arg(year), opt_year(fcy));
        }, py::arg("year"), py::arg("first_contract_year") = py::none())
        .def("rate", [](const IndexationClause& c, py::handle year, const IndexSeriesSet& s, py::handle fcy,
                        py::handle as_of) {
            return c.rate(year_arg(year), s, opt_year(fcy), opt_as_of(as_of));
        }, py::arg("year"), py::arg("series"), py::arg("first_contract_year") = py::none(), py::arg("as_of") = py::none())
        .def("schedule", [](const IndexationClause& c, py::handle tariff, py::handle from, py::handle to,
                            const IndexSeriesSet& s, py::handle fcy, py::handle as_of) {
            return c.schedule(to_money(tariff, "tariff"), year_arg(from, "from_year"), year_arg(to, "to_year"), s,
                              opt_year(fcy), opt_as_of(as_of));
        }, py::arg("tariff"), py::arg("from_year"), py::arg("to_year"), py::arg("series"),
           py::arg("first_contract_year") = py::none(), py::arg("as_of") = py::none())
        .def("index", [](const IndexationClause& c, py::handle tariff, py::handle from, py::handle to,
                         const IndexSeriesSet& s, py::handle fcy) {
            return c.index(to_money(tariff, "tariff"), year_arg(from, "from_year"), year_arg(to, "to_year"), s,
                           opt_year(fcy));
        }, py::arg("tariff"), py::arg("from_year"), py::arg("to_year"), py::arg("series"),
           py::arg("first_contract_year") = py::none())
        .def("budget_schedule", [](const IndexationClause& c, py::handle budget, py::handle from, py::handle to,
                                   const IndexSeriesSet& s, std::optional<RoundingPolicy> rounding, py::handle fcy) {
            return c.budget_schedule(to_money(budget, "budget"), year_arg(from, "from_year"), year_arg(to, "to_year"), s,
                                     rounding, opt_year(fcy));
        }, py::arg("budget"), py::arg("from_year"), py::arg("to_year"), py::arg("series"),
           py::arg("rounding") = py::none(), py::arg("first_contract_year") = py::none())
        .def("catch_up_amount", [](const IndexationClause& c, py::handle turnover, py::handle year,
                                   const IndexSeriesSet& s, py::handle fcy) {
            return c.catch_up_amount(to_money(turnover, "turnover"), year_arg(year), s, opt_year(fcy));
        }, py::arg("turnover"), py::arg("year"), py::arg("series"), py::arg("first_contract_year") = py::none())
        .def("check", [](const IndexationClause& c, const IndexSeriesSet& s, py::handle years, py::handle fcy) {
            return problems_list(check_clause(c, s, zkpy::to_int_list(years, "years"), opt_year(fcy)));
        },
             py::arg("series"), py::arg("years"), py::arg("first_contract_year") = py::none())
        .def("to_dict", [](const IndexationClause& c) { return zkpy::from_node(c.to_node()); })
        .def("to_yaml", [](const IndexationClause& c) { return io::to_yaml(c.to_node()); })
        .def("__eq__", [](const IndexationClause& a, py::handle b) -> py::object {
            if (!py::isinstance<IndexationClause>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == b.cast<const IndexationClause&>());
        });

    m.def("check_indexation_clause", [](py::handle mapping, const IndexSeriesSet& s, py::handle years,
                                        py::handle fcy, const std::string& source) {
        const io::Node n = zkpy::to_node(mapping, "");
        return problems_list(
            check_clause(io::Reader(n, "", source), s, zkpy::to_int_list(years, "years"), opt_year(fcy)));
    }, py::arg("mapping"), py::arg("series"), py::arg("years"), py::arg("first_contract_year") = py::none(),
       py::arg("source") = "");
    m.def("check_indexation_clause_text", [](const std::string& text, const IndexSeriesSet& s, py::handle years,
                                             py::handle fcy, const std::string& source) {
        const io::Node n = io::parse_yaml(text, source);
        return problems_list(
            check_clause(io::Reader(n, "", source), s, zkpy::to_int_list(years, "years"), opt_year(fcy)));
    }, py::arg("text"), py::arg("series"), py::arg("years"), py::arg("first_contract_year") = py::none(),
       py::arg("source") = "");
}
