#pragma once
// IndexSeries: published index figures (domain/indexation.md §1), each with its year, status
// (provisional or definitive), percentage, source, and optionally its publication date, a note,
// and whether the sources conflict on it.
// Immutable after construction. IndexSeriesSet: the series a computation may use, looked up by
// id; the bundled set holds OVA and PPC, and user series add to it or replace one by id.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"

namespace zorginkoop {

/// voorlopig (the estimate used for the year's tariffs) or definitief (used for the catch-up).
enum class IndexStatus { provisional, definitive };

inline const char* index_status_name(IndexStatus s) noexcept {
    return s == IndexStatus::provisional ? "provisional" : "definitive";
}
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

class IndexSeries {
public:
    static constexpr int format_version = 1;

    /// Validates: id not empty; every figure has a year 1000..9999, a source, a percentage above
    /// -100; at most one figure per (year, status). InvalidInput otherwise. Figures are kept in
    /// order of year, provisional before definitive.
    IndexSeries(std::string id, std::string name, std::vector<IndexFigure> figures, std::string unit = "percent",
                std::string source_note = {});

    /// Strict reader of the format of indexation.md §1 (keys zorginkoop_index_series, id, name,
    /// unit, source_note, values; per value year, status, percent, source, published, note,
    /// conflicting).
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

    /// The figure, or nullptr when it is not in the series.
    const IndexFigure* find(int year, IndexStatus status) const noexcept;
    /// The figure; MissingData naming series, year and status when it is not in the series.
    const IndexFigure& figure(int year, IndexStatus status) const;

    /// The tree of the §1 format; from_node(to_node()) gives an equal series.
    io::Node to_node() const;

    friend bool operator==(const IndexSeries& a, const IndexSeries& b) {
        return a.id_ == b.id_ && a.name_ == b.name_ && a.unit_ == b.unit_ && a.source_note_ == b.source_note_ &&
               a.figures_ == b.figures_;
    }
    friend bool operator!=(const IndexSeries& a, const IndexSeries& b) { return !(a == b); }

private:
    std::string id_;
    std::string name_;
    std::string unit_;
    std::string source_note_;
    std::vector<IndexFigure> figures_;
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
