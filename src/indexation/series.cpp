// IndexSeries and IndexSeriesSet: the strict reader of the series format (docs/indexation-clause.md), the bundled set.

#include "zorginkoop/indexation/series.hpp"

#include <algorithm>
#include <cctype>
#include <map>
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
    if (auto s = index_status_table.find(name)) return *s;
    throw InvalidInput("unknown index status " + detail::quote_text(name) + " (expected " +
                       index_status_table.alternatives() + ")");
}

IndexSeries::IndexSeries(std::string id, std::string name, std::vector<IndexFigure> figures, std::string unit,
                         std::string source_note, std::optional<DefinitiveDue> definitive_due)
    : id_(std::move(id)),
      name_(std::move(name)),
      unit_(std::move(unit)),
      source_note_(std::move(source_note)),
      figures_(std::move(figures)),
      definitive_due_(std::move(definitive_due)) {
    if (definitive_due_) {
        const Date probe{date::year{2023}, date::month{definitive_due_->month}, date::day{definitive_due_->day}};
        if (!probe.ok()) throw InvalidInput("definitive_due is not a day that exists in every year", Location::at("definitive_due.day"));
        if (blank(definitive_due_->source))
            throw InvalidInput("a publication calendar needs a source", Location::at("definitive_due.source"));
    }
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

namespace {

/// One figure of a series file or a figures file (the keys of `f`, already checked).
IndexFigure read_figure(io::MapReader& f) {
    IndexFigure fig;
    {
        io::Reader y = f.require("year");
        const long long year = y.integer();
        if (year < min_year || year > max_year) y.invalid("year " + y.text() + " is not a four-digit year");
        fig.year = static_cast<int>(year);
    }
    fig.status = f.require("status").enumeration(index_status_table);
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
    return fig;
}

DefinitiveDue read_due(const io::Reader& r) {
    io::reject_unknown_keys(r, {"day", "source"}, "definitive_due");
    io::MapReader m(r);
    DefinitiveDue due;
    {
        io::Reader d = m.require("day");
        const std::string t = d.text();
        const bool shape = t.size() == 5 && t[2] == '-' && std::isdigit(static_cast<unsigned char>(t[0])) &&
                           std::isdigit(static_cast<unsigned char>(t[1])) &&
                           std::isdigit(static_cast<unsigned char>(t[3])) && std::isdigit(static_cast<unsigned char>(t[4]));
        if (!shape) d.invalid(detail::quote_text(t) + " is not a day MM-DD");
        due.month = static_cast<unsigned>((t[0] - '0') * 10 + (t[1] - '0'));
        due.day = static_cast<unsigned>((t[3] - '0') * 10 + (t[4] - '0'));
        // 2023 is not a leap year: a day that exists in 2023 exists in every year.
        const Date probe{date::year{2023}, date::month{due.month}, date::day{due.day}};
        if (due.month < 1 || due.month > 12 || due.day < 1 || !probe.ok())
            d.invalid(detail::quote_text(t) + " is not a day that exists in every year");
    }
    {
        io::Reader s = m.require("source");
        due.source = s.text();
        if (blank(due.source)) s.invalid("a publication calendar needs a source");
    }
    m.finish("definitive_due");
    return due;
}

}  // namespace

Date DefinitiveDue::in_year(int year) const { return Date{date::year{year}, date::month{month}, date::day{day}}; }

std::string DefinitiveDue::day_text() const {
    std::string s;
    s += static_cast<char>('0' + month / 10);
    s += static_cast<char>('0' + month % 10);
    s += '-';
    s += static_cast<char>('0' + day / 10);
    s += static_cast<char>('0' + day % 10);
    return s;
}

IndexSeries IndexSeries::from_node(const io::Reader& r) {
    io::reject_unknown_keys(r, {"zorginkoop_index_series", "id", "name", "unit", "source_note", "definitive_due", "values"},
                            "an index series");
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
    std::optional<DefinitiveDue> due;
    if (auto v = m.value("definitive_due")) due = read_due(*v);

    std::vector<IndexFigure> figures;
    for (const io::Reader& item : m.require("values").items()) {
        io::reject_unknown_keys(item, {"year", "status", "percent", "source", "published", "note", "conflicting"},
                                 "an index figure");
        io::MapReader f(item);
        IndexFigure fig = read_figure(f);
        f.finish("an index figure");
        for (const IndexFigure& earlier : figures)
            if (earlier.year == fig.year && earlier.status == fig.status)
                item.invalid("a second " + std::string(index_status_name(fig.status)) + " figure for " +
                             std::to_string(fig.year) + " (at most one figure per year and status)");
        figures.push_back(std::move(fig));
    }
    m.finish("an index series");
    try {
        return IndexSeries(id, std::move(name), std::move(figures), std::move(unit), std::move(source_note),
                           std::move(due));
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

std::optional<Date> IndexSeries::definitive_due_date(int year) const {
    if (!definitive_due_) return std::nullopt;
    return definitive_due_->in_year(year);
}

bool IndexSeries::definitive_overdue(int year, const Date& as_of) const {
    if (!definitive_due_ || find(year, IndexStatus::definitive)) return false;
    return as_of >= definitive_due_->in_year(year);
}

IndexSeries IndexSeries::with_figures(const std::vector<IndexFigure>& more) const {
    std::vector<IndexFigure> all = figures_;
    for (std::size_t i = 0; i < more.size(); ++i) {
        const IndexFigure& f = more[i];
        const IndexFigure* there = nullptr;
        for (const IndexFigure& g : all)
            if (g.year == f.year && g.status == f.status) there = &g;
        if (!there) {
            all.push_back(f);
            continue;
        }
        if (there->percent == f.percent) continue;
        throw InvalidInput("series " + id_ + " already has a " + index_status_name(f.status) + " figure for " +
                               std::to_string(f.year) + " of " + there->percent.to_string(2) + " % (source: " +
                               there->source + "); " + f.percent.to_string(2) +
                               " % contradicts it. A figure in a series is never replaced by a figures file; "
                               "to use other figures, load a whole series with this id instead",
                           Location::at(figure_path(i) + ".percent"));
    }
    return IndexSeries(id_, name_, std::move(all), unit_, source_note_, definitive_due_);
}

io::Node IndexSeries::to_node() const {
    io::Node root = io::Node::mapping();
    root.add("zorginkoop_index_series", plain(std::to_string(format_version)));
    root.add("id", quoted(id_));
    root.add("name", quoted(name_));
    root.add("unit", plain(unit_));
    if (!source_note_.empty()) root.add("source_note", quoted(source_note_));
    if (definitive_due_) {
        io::Node due = io::Node::mapping();
        due.add("day", quoted(definitive_due_->day_text()));
        due.add("source", quoted(definitive_due_->source));
        root.add("definitive_due", std::move(due));
    }
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

IndexSeriesSet IndexSeriesSet::overlay(const io::Reader& r) const {
    io::reject_unknown_keys(r, {"zorginkoop_index_figures", "figures"}, "a figures file");
    io::MapReader m(r);
    {
        io::Reader v = m.require("zorginkoop_index_figures");
        if (v.integer() != figures_format_version)
            v.fail("unsupported figures format version " + v.text() + " (this library reads version 1)");
    }
    // Figures per series, in the order given, with the reader of each (for errors).
    std::vector<std::string> order;
    std::map<std::string, std::vector<IndexFigure>> by_series;
    std::map<std::string, std::vector<io::Reader>> readers;
    for (const io::Reader& item : m.require("figures").items()) {
        io::reject_unknown_keys(item, {"series", "year", "status", "percent", "source", "published", "note", "conflicting"},
                                 "an index figure");
        io::MapReader f(item);
        io::Reader sr = f.require("series");
        const std::string id = sr.text();
        if (!find(id)) {
            std::string known;
            for (const IndexSeries& s : series_) known += (known.empty() ? "" : ", ") + s.id();
            sr.invalid("unknown index series " + detail::quote_text(id) + " (known: " + (known.empty() ? "none" : known) +
                       "); a figures file adds figures to a known series; a new series is loaded as a series file "
                       "(zorginkoop_index_series)");
        }
        IndexFigure fig = read_figure(f);
        f.finish("an index figure");
        for (const IndexFigure& earlier : by_series[id])
            if (earlier.year == fig.year && earlier.status == fig.status)
                item.invalid("a second " + std::string(index_status_name(fig.status)) + " figure of " + id + " for " +
                             std::to_string(fig.year) + " in this file");
        if (by_series[id].empty()) order.push_back(id);
        by_series[id].push_back(std::move(fig));
        readers[id].push_back(item);
    }
    m.finish("a figures file");
    IndexSeriesSet out = *this;
    for (const std::string& id : order) {
        try {
            out = out.with(find(id)->with_figures(by_series[id]));
        } catch (const InvalidInput& e) {
            // with_figures names values[i]: point at the item of this file instead.
            const std::string& p = e.where().path;
            const std::size_t open = p.find('['), close = p.find(']');
            std::size_t i = 0;
            if (open != std::string::npos && close != std::string::npos)
                i = static_cast<std::size_t>(std::stoul(p.substr(open + 1, close - open - 1)));
            const io::Reader& item = readers[id].at(i);
            const io::Node* percent = item.node().find("percent");
            if (percent)
                throw InvalidInput(e.message(),
                                   Location::at(item.path() + ".percent").in(item.source()).on(percent->mark()));
            item.invalid(e.message());
        }
    }
    return out;
}

IndexSeriesSet IndexSeriesSet::overlay(const io::Node& n, const std::string& source) const {
    return overlay(io::Reader(n, "", source));
}

IndexSeriesSet IndexSeriesSet::overlay_file(const std::string& path) const { return overlay(io::read_file(path), path); }

IndexSeriesSet IndexSeriesSet::with_file(const std::string& path) const {
    const io::Node n = io::read_file(path);
    if (n.is_mapping() && n.find("zorginkoop_index_figures")) return overlay(n, path);
    return with(IndexSeries::from_node(n, path));
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
