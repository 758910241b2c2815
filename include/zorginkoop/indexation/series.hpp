#pragma once
// IndexSeries: published index figures (docs/indexation-clause.md, "The index series"), each with its year, status
// (provisional or definitive), percentage, source, and optionally its publication date, a note,
// and whether the sources conflict on it.
// Immutable after construction. IndexSeriesSet: the series a computation may use, looked up by
// id; the bundled set holds OVA and PPC, and user series add to it or replace one by id. A
// figures file (`zorginkoop_index_figures: 1`) overlays a set: it adds figures to the series it
// names and never changes a figure already there.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/enum_table.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"

namespace zorginkoop {

/// voorlopig (the estimate used for the year's tariffs) or definitief (used for the catch-up).
enum class IndexStatus { provisional, definitive };

/// The words of the statuses, as the series format writes them.
inline constexpr EnumTable<IndexStatus, 2> index_status_table{
    {{{IndexStatus::provisional, "provisional"}, {IndexStatus::definitive, "definitive"}}}};
inline const char* index_status_name(IndexStatus s) noexcept { return index_status_table.name(s); }
/// "provisional" / "definitive"; InvalidInput otherwise.
IndexStatus parse_index_status(std::string_view name);

/// One published figure. `percent` is a percentage ("4.74" is 4.74 %).
struct IndexFigure {
    int year = 0;
    IndexStatus status = IndexStatus::provisional;
    Decimal percent;
    std::string source;               // full citation; never empty
    std::optional<Date> published;    // date of the cited publication, when the source gives a day
    std::string note;                 // composition, alternative figures, conflicts
    /// The sources disagree on this figure (another value is also published; the note names it
    /// and its source). The figure is still used; every derivation that uses it says so.
    bool conflicting = false;

    friend bool operator==(const IndexFigure& a, const IndexFigure& b) {
        return a.year == b.year && a.status == b.status && a.percent == b.percent && a.source == b.source &&
               a.published == b.published && a.note == b.note && a.conflicting == b.conflicting;
    }
    friend bool operator!=(const IndexFigure& a, const IndexFigure& b) { return !(a == b); }
};

/// When the definitive figure of a year is due: on `month`-`day` of that year (a series'
/// publication calendar, with the source it rests on). A provisional figure whose definitive
/// figure is due by a reference date and absent from the series is "overdue".
struct DefinitiveDue {
    unsigned month = 1;
    unsigned day = 1;
    std::string source;  // where the calendar comes from; never empty
    /// The day the definitive figure of `year` is due.
    Date in_year(int year) const;
    /// "MM-DD".
    std::string day_text() const;
    friend bool operator==(const DefinitiveDue& a, const DefinitiveDue& b) {
        return a.month == b.month && a.day == b.day && a.source == b.source;
    }
    friend bool operator!=(const DefinitiveDue& a, const DefinitiveDue& b) { return !(a == b); }
};

class IndexSeries {
public:
    static constexpr int format_version = 1;

    /// Validates: id not empty; every figure has a year 1000..9999, a source, a percentage above
    /// -100; at most one figure per (year, status). InvalidInput otherwise. Figures are kept in
    /// order of year, provisional before definitive.
    IndexSeries(std::string id, std::string name, std::vector<IndexFigure> figures, std::string unit = "percent",
                std::string source_note = {}, std::optional<DefinitiveDue> definitive_due = std::nullopt);

    /// Strict reader of the format of docs/indexation-clause.md (keys zorginkoop_index_series, id, name,
    /// unit, source_note, definitive_due, values; per value year, status, percent, source,
    /// published, note, conflicting). `definitive_due: {day: "MM-DD", source: "..."}` is the
    /// series' publication calendar (optional).
    /// Unknown keys are ParseErrors; every error names the path, line and column.
    static IndexSeries from_node(const io::Reader& r);
    static IndexSeries from_node(const io::Node& n, const std::string& source = {});
    /// YAML or JSON text (JSON when it starts with '{').
    static IndexSeries parse(std::string_view text, const std::string& source = {});
    /// A file: JSON when the name ends in .json, YAML otherwise.
    static IndexSeries load(const std::string& path);

    const std::string& id() const noexcept { return id_; }
    const std::string& name() const noexcept { return name_; }
    const std::string& unit() const noexcept { return unit_; }
    const std::string& source_note() const noexcept { return source_note_; }
    const std::vector<IndexFigure>& figures() const noexcept { return figures_; }
    /// The publication calendar of the definitive figures, when the series states one.
    const std::optional<DefinitiveDue>& definitive_due() const noexcept { return definitive_due_; }
    /// The last year with a figure (0 for an empty series).
    int last_year() const noexcept { return figures_.empty() ? 0 : figures_.back().year; }
    /// The day the definitive figure of `year` is due, when the series states a calendar.
    std::optional<Date> definitive_due_date(int year) const;
    /// Whether, on `as_of`, the definitive figure of `year` is due (by the series' calendar) and
    /// not in the series. False when the series states no calendar.
    bool definitive_overdue(int year, const Date& as_of) const;
    /// A copy with `more` added. InvalidInput (at `more[i]`) when a figure for the same year and
    /// status is already there with another percentage; a figure equal in percentage to the one
    /// there is left out (the series keeps its own source).
    IndexSeries with_figures(const std::vector<IndexFigure>& more) const;

    /// The figure, or nullptr when it is not in the series.
    const IndexFigure* find(int year, IndexStatus status) const noexcept;
    /// The figure; MissingData naming series, year and status when it is not in the series.
    const IndexFigure& figure(int year, IndexStatus status) const;

    /// The tree of the §1 format; from_node(to_node()) gives an equal series.
    io::Node to_node() const;

    friend bool operator==(const IndexSeries& a, const IndexSeries& b) {
        return a.id_ == b.id_ && a.name_ == b.name_ && a.unit_ == b.unit_ && a.source_note_ == b.source_note_ &&
               a.figures_ == b.figures_ && a.definitive_due_ == b.definitive_due_;
    }
    friend bool operator!=(const IndexSeries& a, const IndexSeries& b) { return !(a == b); }

private:
    std::string id_;
    std::string name_;
    std::string unit_;
    std::string source_note_;
    std::vector<IndexFigure> figures_;
    std::optional<DefinitiveDue> definitive_due_;
};

/// The series available to a computation, by id. Immutable: `with` returns a new set.
class IndexSeriesSet {
public:
    IndexSeriesSet() = default;
    /// InvalidInput when two series share an id.
    explicit IndexSeriesSet(std::vector<IndexSeries> series);

    /// Every series bundled with the library (data/series/*.yaml): OVA and PPC.
    static IndexSeriesSet bundled();

    /// A copy in which `s` is added, or replaces the series with the same id.
    IndexSeriesSet with(IndexSeries s) const;
    IndexSeriesSet with(const std::vector<IndexSeries>& more) const;

    static constexpr int figures_format_version = 1;
    /// A copy in which the figures of a figures file are added to the series they name:
    ///     zorginkoop_index_figures: 1
    ///     figures:
    ///       - {series: OVA, year: 2025, status: definitive, percent: "...", source: "...",
    ///          published: "YYYY-MM-DD", note: "...", conflicting: false}
    /// Every error names the path, line and column: an unknown series (InvalidInput at
    /// figures[i].series), a missing or blank source, a malformed year, two figures for one
    /// (series, year, status), and a figure that contradicts one already in the series (another
    /// percentage for the same year and status, at figures[i].percent: a figure is never
    /// replaced; a whole series is replaced with `with`). A figure equal to the one there is
    /// accepted and left out.
    IndexSeriesSet overlay(const io::Reader& figures_file) const;
    IndexSeriesSet overlay(const io::Node& figures_file, const std::string& source = {}) const;
    /// A figures file (YAML, or JSON when the name ends in .json).
    IndexSeriesSet overlay_file(const std::string& path) const;
    /// A file given by the user: a series file (`zorginkoop_index_series`) adds a series or
    /// replaces the one with its id; a figures file (`zorginkoop_index_figures`) overlays.
    IndexSeriesSet with_file(const std::string& path) const;

    bool contains(std::string_view id) const noexcept { return find(id) != nullptr; }
    /// The series, or nullptr.
    const IndexSeries* find(std::string_view id) const noexcept;
    /// The series; InvalidInput naming the id and the known ids when there is none.
    const IndexSeries& at(std::string_view id) const;
    /// The ids, sorted.
    std::vector<std::string> ids() const;
    const std::vector<IndexSeries>& series() const noexcept { return series_; }
    std::size_t size() const noexcept { return series_.size(); }

private:
    std::vector<IndexSeries> series_;  // sorted by id
};

}  // namespace zorginkoop
