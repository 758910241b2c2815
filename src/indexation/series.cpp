// IndexSeries and IndexSeriesSet: the strict reader of indexation.md §1, the bundled set.

#include "zorginkoop/indexation/series.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <tuple>

#include "zorginkoop/data.hpp"

namespace zorginkoop {
namespace {

constexpr int min_year = 1000;
constexpr int max_year = 9999;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string figure_path(std::size_t i) { return "values[" + std::to_string(i) + "]"; }

bool figure_less(const IndexFigure& a, const IndexFigure& b) {
    return std::make_tuple(a.year, static_cast<int>(a.status)) < std::make_tuple(b.year, static_cast<int>(b.status));
}

io::Node quoted(const std::string& s) { return io::Node::scalar(s, io::Node::Style::quoted); }
io::Node plain(const std::string& s) { return io::Node::scalar(s, io::Node::Style::plain); }

}  // namespace

IndexStatus parse_index_status(std::string_view name) {
    if (name == "provisional") return IndexStatus::provisional;
    if (name == "definitive") return IndexStatus::definitive;
    throw InvalidInput("unknown index status " + detail::quote_text(name) + " (expected provisional or definitive)");
}

IndexSeries::IndexSeries(std::string id, std::string name, std::vector<IndexFigure> figures, std::string unit,
                         std::string source_note)
    : id_(std::move(id)),
      name_(std::move(name)),
      unit_(std::move(unit)),
      source_note_(std::move(source_note)),
      figures_(std::move(figures)) {
    if (blank(id_)) throw InvalidInput("an index series needs an id", Location::at("id"));
    if (unit_ != "percent")
        throw InvalidInput("unit '" + unit_ + "' is not supported: index figures are percentages (unit: percent)",
                           Location::at("unit"));
    for (std::size_t i = 0; i < figures_.size(); ++i) {
        const IndexFigure& f = figures_[i];
        if (f.year < min_year || f.year > max_year)
            throw InvalidInput("year " + std::to_string(f.year) + " is not a four-digit year",
                               Location::at(figure_path(i) + ".year"));
        if (blank(f.source))
            throw InvalidInput("figure " + std::to_string(f.year) + " " + index_status_name(f.status) +
                                   " of series " + id_ + " has no source",
                               Location::at(figure_path(i) + ".source"));
        if (f.percent <= Decimal(-100))
            throw InvalidInput("an index figure must be above -100 %, got " + f.percent.to_string(),
                               Location::at(figure_path(i) + ".percent"));
        for (std::size_t j = 0; j < i; ++j)
            if (figures_[j].year == f.year && figures_[j].status == f.status)
                throw InvalidInput("series " + id_ + " has two " + index_status_name(f.status) + " figures for " +
                                       std::to_string(f.year),
                                   Location::at(figure_path(i)));
    }
    std::stable_sort(figures_.begin(), figures_.end(), figure_less);
}

IndexSeries IndexSeries::from_node(const io::Reader& r) {
    io::reject_unknown_keys(r, {"zorginkoop_index_series", "id", "name", "unit", "source_note", "values"}, "an index series");
    io::MapReader m(r);
    {
        io::Reader v = m.require("zorginkoop_index_series");
        if (v.integer() != format_version)
            v.fail("unsupported series format version " + v.text() + " (this library reads version 1)");
    }
    io::Reader id_r = m.require("id");
    const std::string id = id_r.text();
    if (blank(id)) id_r.invalid("an index series needs an id");
    std::string name;
    if (auto v = m.value("name")) name = v->text();
    std::string unit = "percent";
    if (auto v = m.value("unit")) unit = v->enumeration({"percent"});
    std::string source_note;
    if (auto v = m.value("source_note")) source_note = v->text();

    std::vector<IndexFigure> figures;
    for (const io::Reader& item : m.require("values").items()) {
        io::reject_unknown_keys(item, {"year", "status", "percent", "source", "published", "note", "conflicting"},
                                 "an index figure");
        io::MapReader f(item);
        IndexFigure fig;
        {
            io::Reader y = f.require("year");
            const long long year = y.integer();
            if (year < min_year || year > max_year) y.invalid("year " + y.text() + " is not a four-digit year");
            fig.year = static_cast<int>(year);
        }
        fig.status = parse_index_status(f.require("status").enumeration({"provisional", "definitive"}));
        {
            io::Reader p = f.require("percent");
            fig.percent = p.decimal();
            if (fig.percent <= Decimal(-100)) p.invalid("an index figure must be above -100 %, got " + p.text());
        }
        {
            io::Reader s = f.require("source");
            fig.source = s.text();
            if (blank(fig.source)) s.invalid("every figure needs a source");
        }
        if (auto v = f.value("published")) fig.published = v->date();
        if (auto v = f.value("note")) fig.note = v->text();
        if (auto v = f.value("conflicting")) fig.conflicting = v->boolean();
        f.finish("an index figure");
        for (const IndexFigure& earlier : figures)
            if (earlier.year == fig.year && earlier.status == fig.status)
                item.invalid("a second " + std::string(index_status_name(fig.status)) + " figure for " +
                             std::to_string(fig.year) + " (at most one figure per year and status)");
        figures.push_back(std::move(fig));
    }
    m.finish("an index series");
    try {
        return IndexSeries(id, std::move(name), std::move(figures), std::move(unit), std::move(source_note));
    } catch (const InvalidInput& e) {
        Location at = e.where();
        at.source = r.source();
        if (!r.path().empty()) at.path = r.path() + "." + at.path;
        throw InvalidInput(e.message(), at);
    }
}

IndexSeries IndexSeries::from_node(const io::Node& n, const std::string& source) {
    return from_node(io::Reader(n, "", source));
}

IndexSeries IndexSeries::parse(std::string_view text, const std::string& source) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    const bool json = first != std::string_view::npos && text[first] == '{';
    const io::Node n = json ? io::parse_json(text, source) : io::parse_yaml(text, source);
    return from_node(n, source);
}

IndexSeries IndexSeries::load(const std::string& path) { return from_node(io::read_file(path), path); }

const IndexFigure* IndexSeries::find(int year, IndexStatus status) const noexcept {
    for (const IndexFigure& f : figures_)
        if (f.year == year && f.status == status) return &f;
    return nullptr;
}

const IndexFigure& IndexSeries::figure(int year, IndexStatus status) const {
    if (const IndexFigure* f = find(year, status)) return *f;
    throw MissingData("series " + id_ + " has no " + index_status_name(status) + " figure for " +
                          std::to_string(year) + " (not published, or not in the series; a missing figure is never taken as zero)",
                      id_, year, index_status_name(status));
}

io::Node IndexSeries::to_node() const {
    io::Node root = io::Node::mapping();
    root.add("zorginkoop_index_series", plain(std::to_string(format_version)));
    root.add("id", quoted(id_));
    root.add("name", quoted(name_));
    root.add("unit", plain(unit_));
    if (!source_note_.empty()) root.add("source_note", quoted(source_note_));
    io::Node values = io::Node::sequence();
    for (const IndexFigure& f : figures_) {
        io::Node v = io::Node::mapping();
        v.add("year", plain(std::to_string(f.year)));
        v.add("status", plain(index_status_name(f.status)));
        v.add("percent", quoted(f.percent.to_string(2)));
        v.add("source", quoted(f.source));
        if (f.published) v.add("published", quoted(format_date(*f.published)));
        if (!f.note.empty()) v.add("note", quoted(f.note));
        if (f.conflicting) v.add("conflicting", plain("true"));
        values.push_back(std::move(v));
    }
    root.add("values", std::move(values));
    return root;
}

// ------------------------------------------------------------------------------------- set

IndexSeriesSet::IndexSeriesSet(std::vector<IndexSeries> series) : series_(std::move(series)) {
    std::stable_sort(series_.begin(), series_.end(),
                     [](const IndexSeries& a, const IndexSeries& b) { return a.id() < b.id(); });
    for (std::size_t i = 1; i < series_.size(); ++i)
        if (series_[i].id() == series_[i - 1].id())
            throw InvalidInput("two index series have the id '" + series_[i].id() + "'");
}

IndexSeriesSet IndexSeriesSet::bundled() {
    std::vector<IndexSeries> out;
    for (const std::string& path : bundled_files()) {
        const std::string prefix = "series/", suffix = ".yaml";
        if (path.rfind(prefix, 0) != 0 || path.size() <= prefix.size() + suffix.size() ||
            path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        out.push_back(IndexSeries::parse(bundled_file(path), "data/" + path));
    }
    return IndexSeriesSet(std::move(out));
}

IndexSeriesSet IndexSeriesSet::with(IndexSeries s) const {
    std::vector<IndexSeries> out;
    out.reserve(series_.size() + 1);
    for (const IndexSeries& x : series_)
        if (x.id() != s.id()) out.push_back(x);
    out.push_back(std::move(s));
    return IndexSeriesSet(std::move(out));
}

IndexSeriesSet IndexSeriesSet::with(const std::vector<IndexSeries>& more) const {
    IndexSeriesSet out = *this;
    for (const IndexSeries& s : more) out = out.with(s);
    return out;
}

const IndexSeries* IndexSeriesSet::find(std::string_view id) const noexcept {
    for (const IndexSeries& s : series_)
        if (s.id() == id) return &s;
    return nullptr;
}

const IndexSeries& IndexSeriesSet::at(std::string_view id) const {
    if (const IndexSeries* s = find(id)) return *s;
    std::string known;
    for (const IndexSeries& s : series_) known += (known.empty() ? "" : ", ") + s.id();
    throw InvalidInput("unknown index series '" + std::string(id) + "' (known: " + (known.empty() ? "none" : known) +
                       ")");
}

std::vector<std::string> IndexSeriesSet::ids() const {
    std::vector<std::string> out;
    for (const IndexSeries& s : series_) out.push_back(s.id());
    return out;
}

}  // namespace zorginkoop
