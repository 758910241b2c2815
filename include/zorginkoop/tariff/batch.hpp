#pragma once
// The batch engine (the tariff build-up and the realism check, many rows at once): a base cost model and columns
// of parameter overrides, one row per result row, computed with the single-row build_up and
// check_tariff and returned as columns. A column is named by the parameter's path in the model as
// the Python table names it ("staff[0].monthly_salary", "hours.productivity", "overhead.rate").
//
// A row whose overrides are all numeric parameters the base model already has in that form takes
// the fast way: the base model is read once and the values are set on it in place (the same checks
// CostModel's reader makes; a value it would refuse sends the row the general way). Every other
// row is read the general way: the base model's tree with the row's values put in, read by
// CostModel::from_node, exactly as one model. Both ways give the same results and the same errors.

#include <array>
#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "zorginkoop/io/node.hpp"
#include "zorginkoop/tariff/realism.hpp"

namespace zorginkoop::batch {

/// The error of one row: its typed error (paths start with rows[i]) and "code: message" text.
struct RowError {
    std::size_t row = 0;
    ErrorCode code = ErrorCode::invalid_input;
    std::string text;
    std::exception_ptr error;
    [[noreturn]] void rethrow() const {
        if (error) std::rethrow_exception(error);
        throw InvalidInput(text);
    }
};

/// One column of overrides: a value per row. Decimal columns hold exact numbers; text columns
/// hold a value as written (names, law, unit, convention, or a number as the user wrote it), put
/// into the model's tree `quoted` (a string) or plain (a number or true/false); tree columns hold
/// any value of the cost-model format. A text or tree value of a numeric parameter is read with
/// Decimal::parse, as CostModel's reader reads it.
struct Column {
    enum class Kind { decimal, text, tree };
    std::string path;
    Kind kind = Kind::decimal;
    bool quoted = true;                 // text columns: read as a quoted string
    std::vector<Decimal> decimals;      // Kind::decimal
    std::vector<std::string> texts;     // Kind::text
    std::vector<io::Node> trees;        // Kind::tree
    std::vector<unsigned char> valid;   // empty: every row has a value; 0 at a row: no value (that row's error)
    /// The errors of cells without a value, as their reader gave them (row order); a cell without a
    /// value and without an error here is InvalidInput "no value (None or NaN)".
    std::vector<RowError> errors;

    static Column of(std::string path, std::vector<Decimal> values);
    static Column of_text(std::string path, std::vector<std::string> values, bool quoted = true);
    static Column of_trees(std::string path, std::vector<io::Node> values);
    std::size_t size() const noexcept;
    bool has(std::size_t row) const noexcept { return valid.empty() || valid[row] != 0; }
};

struct Options {
    /// false ("raise"): the first bad row throws its typed error (path rows[i]...), before any later
    /// row is computed; true ("collect"): a bad row gets its RowError and no results.
    bool collect = false;
    /// Called with (rows done, rows in all) every `progress_every` rows and at the end; returning
    /// false stops the batch (the rows not done are left without results and without an error).
    std::function<bool(std::size_t, std::size_t)> progress;
    std::size_t progress_every = 1024;
    /// false: BuildUpColumns::lines and line_mask are left empty (a batch that does not need them
    /// keeps 9 amounts a row less).
    bool lines = true;
};

/// The lines of a build-up, fixed size: lines[row][CostLine] with bit CostLine of line_mask[row]
/// set when the line is present.
inline constexpr std::size_t line_count = 9;

/// Statutory cost elements as bits: bit 0 is element a, bit 1 element b, ...
std::uint8_t element_bits(const std::string& letters) noexcept;
std::string element_letters(std::uint8_t bits);

struct BuildUpColumns {
    std::size_t rows = 0;
    std::vector<unsigned char> ok;  // 1: the row was computed
    std::vector<Decimal> tariff, total, cost_per_productive_hour, productivity, hours_per_unit, direct_cost;
    std::vector<std::int8_t> tariff_digits;     // the scale the tariff was rounded to (cents for unit 01)
    std::vector<std::int8_t> hour_cost_digits;  // the rounding scale when K is rounded, else 2
    std::vector<std::array<Money, line_count>> lines;
    std::vector<std::uint16_t> line_mask;
    std::vector<std::uint8_t> covered, uncovered;  // element bits
    std::vector<RowError> errors;                  // in row order
    std::size_t fast_rows = 0;                     // rows that took the fast way (for tests and benchmarks)
};

/// The parameter paths of a row outside their band: per row [begin, end) into `hits`.
struct BandHit {
    std::uint16_t band = 0;   // index into the bands used
    std::int32_t staff = -1;  // staff line, or -1
    Decimal value;
};

struct CheckColumns {
    std::size_t rows = 0;
    std::vector<unsigned char> ok;
    std::vector<Verdict> verdict;
    std::vector<PriceBasis> basis;
    std::vector<Decimal> cost_price, gap, gap_percent;
    std::vector<std::int8_t> cost_price_digits;
    std::vector<std::uint8_t> uncovered;
    std::vector<std::uint32_t> band_begin, band_end;
    std::vector<BandHit> hits;
    std::vector<std::optional<Decimal>> break_even_productivity, break_even_overhead_rate, break_even_salary_factor;
    std::vector<RowError> errors;
    std::size_t fast_rows = 0;
    /// The path of hit `h` in the model ("staff[0].holiday_pay", "hours", "overhead.rate").
    std::string hit_path(const BandHit& h, const PlausibilityBands& bands) const;
};

/// The rows to compute: a base model (its tree) and override columns of equal length.
struct Table {
    io::Node base;
    std::vector<Column> columns;
    std::size_t rows() const;  // InvalidInput when the columns differ in length
};

BuildUpColumns build_up_many(const Table& table, const Options& options = {});
/// One model per row (no overrides). A null model is a row without one: its error is the one in
/// `errors` for that row (the reader's, row order), or InvalidInput "no cost model" at rows[i].
BuildUpColumns build_up_many(const std::vector<const CostModel*>& models, const std::vector<RowError>& errors = {},
                             const Options& options = {});

/// The tariffs of a check, one per row: nullopt is a row without a tariff, whose error is the one
/// in `errors` for that row (a reader's error) or InvalidInput "no tariff" at tariffs[i]. A row's
/// model error comes before its tariff error.
struct Tariffs {
    std::vector<std::optional<Money>> values;
    std::vector<RowError> errors;
};

/// Tariffs against the table's rows, on a basis per row (`bases` of one element: every row).
CheckColumns check_tariffs(const Tariffs& tariffs, const Table& table, const std::vector<PriceBasis>& bases,
                           const PlausibilityBands& bands, const Options& options = {});
CheckColumns check_tariffs(const Tariffs& tariffs, const std::vector<const CostModel*>& models,
                           const std::vector<RowError>& model_errors, const std::vector<PriceBasis>& bases, const PlausibilityBands& bands,
                           const Options& options = {});

/// The same error with `prefix` put before its path (rows[3] + staff -> rows[3].staff), thrown.
[[noreturn]] void rethrow_at(const Error& e, const std::string& prefix);
/// The error of a row as the batch reports it: rows[i] before its path.
RowError row_error(std::size_t row, const Error& e);

}  // namespace zorginkoop::batch
