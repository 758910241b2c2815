// The batch engine (include/zorginkoop/tariff/batch.hpp).

#include "zorginkoop/tariff/batch.hpp"

#include <algorithm>

namespace zorginkoop::batch {

Column Column::of(std::string path, std::vector<Decimal> values) {
    Column c;
    c.path = std::move(path);
    c.decimals = std::move(values);
    return c;
}
Column Column::of_text(std::string path, std::vector<std::string> values, bool quoted) {
    Column c;
    c.path = std::move(path);
    c.kind = Column::Kind::text;
    c.quoted = quoted;
    c.texts = std::move(values);
    return c;
}
Column Column::of_trees(std::string path, std::vector<io::Node> values) {
    Column c;
    c.path = std::move(path);
    c.kind = Column::Kind::tree;
    c.trees = std::move(values);
    return c;
}
std::size_t Column::size() const noexcept {
    return kind == Kind::text ? texts.size() : kind == Kind::tree ? trees.size() : decimals.size();
}

std::uint8_t element_bits(const std::string& letters) noexcept {
    std::uint8_t bits = 0;
    for (char c : letters)
        if (c >= 'a' && c < 'a' + 8) bits = static_cast<std::uint8_t>(bits | (1u << (c - 'a')));
    return bits;
}
std::string element_letters(std::uint8_t bits) {
    std::string s;
    for (int i = 0; i < 8; ++i)
        if (bits & (1u << i)) s += static_cast<char>('a' + i);
    return s;
}

void rethrow_at(const Error& e, const std::string& prefix) {
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
    throw e;
}

RowError row_error(std::size_t row, const Error& e) {
    RowError out;
    out.row = row;
    out.code = e.code();
    try {
        rethrow_at(e, "rows[" + std::to_string(row) + "]");
    } catch (const Error& located) {
        out.text = std::string(located.code_name()) + ": " + located.what();
        out.error = std::current_exception();
    }
    return out;
}

std::size_t Table::rows() const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i > 0 && columns[i].size() != n)
            throw InvalidInput("column '" + columns[i].path + "' has " + std::to_string(columns[i].size()) +
                               " rows, others " + std::to_string(n));
        n = columns[i].size();
    }
    return n;
}

namespace {

// ---- the general way: the base model's tree with the row's values put in ----

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

io::Node cell_node(const Column& c, std::size_t r) {
    switch (c.kind) {
        case Column::Kind::text:
            return io::Node::scalar(c.texts[r], c.quoted ? io::Node::Style::quoted : io::Node::Style::plain);
        case Column::Kind::tree: return c.trees[r];
        case Column::Kind::decimal: break;
    }
    return io::Node::scalar(c.decimals[r].to_string(), io::Node::Style::plain);
}

CostModel read_row(const Table& t, std::size_t r) {
    io::Node row = t.base;
    for (const auto& col : t.columns) *node_at(row, col.path, col.path) = cell_node(col, r);
    return CostModel::from_node(row, "", "rows[" + std::to_string(r) + "]");
}

// ---- the fast way: a numeric parameter the base model has, set in place ----

enum class Check { non_negative, positive, below_one, occupancy, productivity, overhead_rate };

enum class Field {
    salary, holiday_pay, year_end_bonus, irregular_hours, other_allowances, employer_charges, scale_amount,
    annual_hours, hours_per_week, weeks_per_year, leave_hours, public_holiday_hours, training_hours, meeting_hours,
    sickness, indirect, productivity,
    travel_per_hour, travel_km_per_hour, travel_rate_per_km, travel_per_unit,
    training_share, training_per_fte_year, training_per_unit,
    obligations_per_hour, obligations_hours_per_unit, obligations_per_unit,
    other_per_unit, other_per_bed_year, other_occupancy,
    overhead_rate, risk_margin_rate, indexation_rate,
    staff_hours_per_unit, staff_per_group, group_size, delivery_occupancy,
};

struct Setter {
    Field field;
    std::size_t staff = 0;
    Check check;
    bool hours = false;  // changes the productive hours (checked to stay positive)
};

/// The setter of `path` when the base model has that parameter in that form; nullopt otherwise
/// (the general way then reads the row).
std::optional<Setter> setter_for(const std::string& path, const CostModel& m) {
    if (path.rfind("staff[", 0) == 0) {
        const std::size_t close = path.find(']');
        if (close == std::string::npos || close == 6 || close > 15 || path.size() <= close + 1 || path[close + 1] != '.')
            return std::nullopt;
        const std::string digits = path.substr(6, close - 6);
        if (digits.find_first_not_of("0123456789") != std::string::npos || (digits.size() > 1 && digits[0] == '0'))
            return std::nullopt;
        const std::size_t i = std::stoul(digits);
        if (i >= m.staff.size()) return std::nullopt;
        const std::string key = path.substr(close + 2);
        static const std::pair<const char*, Field> rates[] = {
            {"holiday_pay", Field::holiday_pay}, {"year_end_bonus", Field::year_end_bonus},
            {"irregular_hours", Field::irregular_hours}, {"other_allowances", Field::other_allowances},
            {"employer_charges", Field::employer_charges}};
        if (key == "monthly_salary") return Setter{Field::salary, i, Check::non_negative};
        for (const auto& [name, field] : rates)
            if (key == name) return Setter{field, i, Check::non_negative};
        if (key == "cao.scale_amount" && m.staff[i].cao) return Setter{Field::scale_amount, i, Check::non_negative};
        return std::nullopt;
    }
    const Hours& h = m.hours;
    const bool lines = !h.productivity;
    struct Entry {
        const char* path;
        Field field;
        Check check;
        bool allowed;
        bool hours;
    };
    const Entry entries[] = {
        {"hours.annual_hours", Field::annual_hours, Check::positive, h.annual_hours.has_value(), true},
        {"hours.hours_per_week", Field::hours_per_week, Check::positive, h.hours_per_week.has_value(), true},
        {"hours.weeks_per_year", Field::weeks_per_year, Check::positive, h.hours_per_week.has_value(), true},
        {"hours.leave_hours", Field::leave_hours, Check::non_negative, lines, true},
        {"hours.public_holiday_hours", Field::public_holiday_hours, Check::non_negative, lines, true},
        {"hours.training_hours", Field::training_hours, Check::non_negative, lines, true},
        {"hours.meeting_hours", Field::meeting_hours, Check::non_negative, lines, true},
        {"hours.sickness", Field::sickness, Check::below_one, lines, true},
        {"hours.indirect", Field::indirect, Check::below_one, lines, true},
        {"hours.productivity", Field::productivity, Check::productivity, h.productivity.has_value(), false},
        {"travel.per_hour", Field::travel_per_hour, Check::non_negative,
         m.travel && m.travel->form == Travel::Form::per_hour, false},
        {"travel.km_per_hour", Field::travel_km_per_hour, Check::non_negative,
         m.travel && m.travel->form == Travel::Form::per_km, false},
        {"travel.rate_per_km", Field::travel_rate_per_km, Check::non_negative,
         m.travel && m.travel->form == Travel::Form::per_km, false},
        {"travel.per_unit", Field::travel_per_unit, Check::non_negative,
         m.travel && m.travel->form == Travel::Form::per_unit, false},
        {"training.share_of_personnel", Field::training_share, Check::non_negative,
         m.training && m.training->form == Training::Form::share_of_personnel, false},
        {"training.per_fte_year", Field::training_per_fte_year, Check::non_negative,
         m.training && m.training->form == Training::Form::per_fte_year, false},
        {"training.per_unit", Field::training_per_unit, Check::non_negative,
         m.training && m.training->form == Training::Form::per_unit, false},
        {"municipal_obligations.per_hour", Field::obligations_per_hour, Check::non_negative,
         m.municipal_obligations && m.municipal_obligations->form == MunicipalObligations::Form::per_hour, false},
        {"municipal_obligations.hours_per_unit", Field::obligations_hours_per_unit, Check::non_negative,
         m.municipal_obligations && m.municipal_obligations->form == MunicipalObligations::Form::hours_per_unit, false},
        {"municipal_obligations.per_unit", Field::obligations_per_unit, Check::non_negative,
         m.municipal_obligations && m.municipal_obligations->form == MunicipalObligations::Form::per_unit, false},
        {"client_bound_other.per_unit", Field::other_per_unit, Check::non_negative,
         m.client_bound_other && m.client_bound_other->form == ClientBoundOther::Form::per_unit, false},
        {"client_bound_other.per_bed_year", Field::other_per_bed_year, Check::non_negative,
         m.client_bound_other && m.client_bound_other->form == ClientBoundOther::Form::accommodation, false},
        {"client_bound_other.occupancy", Field::other_occupancy, Check::occupancy,
         m.client_bound_other && m.client_bound_other->form == ClientBoundOther::Form::accommodation, false},
        {"overhead.rate", Field::overhead_rate, Check::overhead_rate, m.overhead.has_value(), false},
        {"risk_margin.rate", Field::risk_margin_rate, Check::non_negative, m.risk_margin.has_value(), false},
        {"indexation.rate", Field::indexation_rate, Check::non_negative,
         m.indexation && m.indexation->rate.has_value(), false},
        {"delivery.staff_hours_per_unit", Field::staff_hours_per_unit, Check::positive,
         m.delivery.staff_hours_per_unit.has_value(), false},
        {"delivery.staff_per_group", Field::staff_per_group, Check::positive, m.delivery.staff_per_group.has_value(), false},
        {"delivery.group_size", Field::group_size, Check::positive, m.delivery.group_size.has_value(), false},
        {"delivery.occupancy", Field::delivery_occupancy, Check::occupancy, m.delivery.occupancy.has_value(), false},
    };
    for (const auto& e : entries)
        if (path == e.path) {
            if (!e.allowed) return std::nullopt;
            return Setter{e.field, 0, e.check, e.hours};
        }
    return std::nullopt;
}

/// Whether CostModel's reader accepts `d` for a parameter with check `c` (the same tests).
bool accepted(Check c, const Decimal& d, const CostModel& m) {
    static const Decimal one(1);
    switch (c) {
        case Check::non_negative: return d.sign() >= 0;
        case Check::positive: return d.sign() > 0;
        case Check::below_one: return d.sign() >= 0 && d < one;
        case Check::occupancy:
        case Check::productivity: return d.sign() > 0 && d <= one;
        case Check::overhead_rate:
            return d.sign() >= 0 && !(m.overhead->effective_convention() == OverheadConvention::share && d >= one);
    }
    return false;
}

void apply(CostModel& m, const Setter& s, const Decimal& d) {
    switch (s.field) {
        case Field::salary: m.staff[s.staff].monthly_salary = Money(d); break;
        case Field::holiday_pay: m.staff[s.staff].holiday_pay = Rate(d); break;
        case Field::year_end_bonus: m.staff[s.staff].year_end_bonus = Rate(d); break;
        case Field::irregular_hours: m.staff[s.staff].irregular_hours = Rate(d); break;
        case Field::other_allowances: m.staff[s.staff].other_allowances = Rate(d); break;
        case Field::employer_charges: m.staff[s.staff].employer_charges = Rate(d); break;
        case Field::scale_amount: m.staff[s.staff].cao->scale_amount = Money(d); break;
        case Field::annual_hours: m.hours.annual_hours = d; break;
        case Field::hours_per_week: m.hours.hours_per_week = d; break;
        case Field::weeks_per_year: m.hours.weeks_per_year = d; break;
        case Field::leave_hours: m.hours.leave_hours = d; break;
        case Field::public_holiday_hours: m.hours.public_holiday_hours = d; break;
        case Field::training_hours: m.hours.training_hours = d; break;
        case Field::meeting_hours: m.hours.meeting_hours = d; break;
        case Field::sickness: m.hours.sickness = Rate(d); break;
        case Field::indirect: m.hours.indirect = Rate(d); break;
        case Field::productivity: m.hours.productivity = Rate(d); break;
        case Field::travel_per_hour:
        case Field::travel_per_unit: m.travel->amount = Money(d); break;
        case Field::travel_km_per_hour: m.travel->km_per_hour = d; break;
        case Field::travel_rate_per_km: m.travel->rate_per_km = Money(d); break;
        case Field::training_share: m.training->share = Rate(d); break;
        case Field::training_per_fte_year:
        case Field::training_per_unit: m.training->amount = Money(d); break;
        case Field::obligations_per_hour:
        case Field::obligations_per_unit: m.municipal_obligations->amount = Money(d); break;
        case Field::obligations_hours_per_unit: m.municipal_obligations->hours_per_unit = d; break;
        case Field::other_per_unit: m.client_bound_other->per_unit = Money(d); break;
        case Field::other_per_bed_year: m.client_bound_other->per_bed_year = Money(d); break;
        case Field::other_occupancy: m.client_bound_other->occupancy = Rate(d); break;
        case Field::overhead_rate: m.overhead->rate = Rate(d); break;
        case Field::risk_margin_rate: m.risk_margin->rate = Rate(d); break;
        case Field::indexation_rate: m.indexation->rate = Rate(d); break;
        case Field::staff_hours_per_unit: m.delivery.staff_hours_per_unit = d; break;
        case Field::staff_per_group: m.delivery.staff_per_group = d; break;
        case Field::group_size: m.delivery.group_size = d; break;
        case Field::delivery_occupancy: m.delivery.occupancy = Rate(d); break;
    }
}

/// The reader's last check: the productive hours come out positive.
bool productive_hours_positive(const Hours& h) {
    if (h.productivity) return true;
    const Decimal zero;
    const Decimal annual = h.annual_hours ? *h.annual_hours
                           : h.weeks_per_year ? *h.hours_per_week * *h.weeks_per_year
                                              : *h.hours_per_week * Decimal(313) / Decimal(6);
    const Decimal p = ((annual - h.leave_hours.value_or(zero) - h.public_holiday_hours.value_or(zero)) *
                           (Decimal(1) - h.sickness.value_or(Rate()).value()) -
                       h.training_hours.value_or(zero) - h.meeting_hours.value_or(zero)) *
                      (Decimal(1) - h.indirect.value_or(Rate()).value());
    return p.sign() > 0;
}

/// The prepared rows: the base model read once, the setters of the columns, the numbers of the
/// text columns, and per row either the fast way (the row's model is the base with the values set
/// in place) or a model read the general way.
class Rows {
public:
    Rows(const Table& t, bool collect, std::vector<RowError>& errors) : table_(t), n_(t.rows()) {
        failed_.assign(n_, 0);
        fast_.assign(n_, 0);
        // Cells without a value, column by column (the order in which they are reported).
        for (const auto& col : t.columns) {
            std::size_t given = 0;
            for (std::size_t r = 0; r < n_; ++r) {
                if (col.has(r)) continue;
                while (given < col.errors.size() && col.errors[given].row < r) ++given;
                const RowError* known = given < col.errors.size() && col.errors[given].row == r ? &col.errors[given] : nullptr;
                if (!collect && known) known->rethrow();
                if (failed_[r]) continue;
                if (known) {
                    fail(errors, *known);
                    continue;
                }
                const Location at = Location::at("rows[" + std::to_string(r) + "]." + col.path);
                InvalidInput e("no value (None or NaN)", at);
                if (!collect) throw e;
                fail(errors, row_error(r, e));
            }
        }
        try {
            base_.emplace(CostModel::from_node(t.base, "", "base"));
        } catch (const Error&) {  // the base alone may be incomplete; every row goes the general way
        }
        bool all_fast = base_.has_value();
        if (base_) {
            for (const auto& col : t.columns) {
                setters_.push_back(setter_for(col.path, *base_));
                if (!setters_.back()) all_fast = false;
            }
        }
        // The numbers of each column (text columns: read with Decimal::parse; a cell that does not
        // read sends its row the general way, which reports it).
        numbers_.resize(t.columns.size());
        number_ok_.resize(t.columns.size());
        if (all_fast)
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                const Column& col = t.columns[c];
                if (col.kind == Column::Kind::decimal) continue;
                numbers_[c].resize(n_);
                number_ok_[c].assign(n_, 0);
                for (std::size_t r = 0; r < n_; ++r) {
                    if (!col.has(r)) continue;
                    if (col.kind == Column::Kind::tree && !col.trees[r].is_scalar()) continue;
                    try {
                        numbers_[c][r] = Decimal::parse(col.kind == Column::Kind::text ? col.texts[r] : col.trees[r].text());
                        number_ok_[c][r] = 1;
                    } catch (const Error&) {
                    }
                }
            }
        work_ = base_;
        slow_index_.assign(n_, npos);
        for (std::size_t r = 0; r < n_; ++r) {
            if (failed_[r]) continue;
            if (all_fast && fast_ok(r)) {
                fast_[r] = 1;
                continue;
            }
            try {
                slow_index_[r] = slow_.size();
                slow_.push_back(read_row(t, r));
            } catch (const Error& e) {
                slow_index_[r] = npos;
                if (!collect) rethrow_at(e, "rows[" + std::to_string(r) + "]");
                fail(errors, row_error(r, e));
            }
        }
    }

    std::size_t size() const noexcept { return n_; }
    bool failed(std::size_t r) const noexcept { return failed_[r] != 0; }
    bool fast(std::size_t r) const noexcept { return fast_[r] != 0; }
    void mark_failed(std::size_t r) { failed_[r] = 1; }

    /// The model of row r (the working model for the fast way: valid until the next call).
    const CostModel& model(std::size_t r) {
        if (!fast_[r]) return slow_[slow_index_[r]];
        for (std::size_t c = 0; c < setters_.size(); ++c) apply(*work_, *setters_[c], value(c, r));
        return *work_;
    }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    void fail(std::vector<RowError>& errors, RowError e) {
        failed_[e.row] = 1;
        errors.push_back(std::move(e));
    }
    const Decimal& value(std::size_t c, std::size_t r) const {
        const Column& col = table_.columns[c];
        return col.kind == Column::Kind::decimal ? col.decimals[r] : numbers_[c][r];
    }
    /// Whether the reader would accept the row's values as the fast way sets them.
    bool fast_ok(std::size_t r) {
        bool hours = false;
        for (std::size_t c = 0; c < setters_.size(); ++c) {
            if (table_.columns[c].kind != Column::Kind::decimal && !number_ok_[c][r]) return false;
            if (!accepted(setters_[c]->check, value(c, r), *base_)) return false;
            hours = hours || setters_[c]->hours;
        }
        if (!hours) return true;
        Hours h = base_->hours;
        CostModel probe;
        probe.hours = h;
        for (std::size_t c = 0; c < setters_.size(); ++c)
            if (setters_[c]->hours) apply(probe, *setters_[c], value(c, r));
        try {
            return productive_hours_positive(probe.hours);
        } catch (const Error&) {
            return false;
        }
    }

    const Table& table_;
    std::size_t n_;
    std::optional<CostModel> base_, work_;
    std::vector<std::optional<Setter>> setters_;
    std::vector<std::vector<Decimal>> numbers_;
    std::vector<std::vector<unsigned char>> number_ok_;
    std::vector<unsigned char> failed_, fast_;
    std::vector<std::size_t> slow_index_;
    std::vector<CostModel> slow_;
};

/// Runs `compute(r, model)` for every row not failed, in row order; a typed error is the row's
/// (collect) or thrown with rows[r] before its path. Progress is reported as asked.
template <class Model, class Compute>
void run(std::size_t n, Model&& model_of, Compute&& compute, const Options& o, std::vector<RowError>& errors,
         const std::function<bool(std::size_t)>& failed) {
    for (std::size_t r = 0; r < n; ++r) {
        if (o.progress && r > 0 && r % std::max<std::size_t>(1, o.progress_every) == 0 && !o.progress(r, n)) return;
        if (failed(r)) continue;
        try {
            compute(r, model_of(r));
        } catch (const Error& e) {
            if (!o.collect) rethrow_at(e, "rows[" + std::to_string(r) + "]");
            RowError re;
            re.row = r;
            re.code = e.code();
            Location at = e.where();
            at.path = "rows[" + std::to_string(r) + "]" + (e.path().empty() ? "" : "." + e.path());
            re.text = std::string(e.code_name()) + ": " + detail::format_error(e.message(), at);
            try {
                rethrow_at(e, "rows[" + std::to_string(r) + "]");
            } catch (const Error&) {
                re.error = std::current_exception();
            }
            errors.push_back(std::move(re));
        }
    }
    if (o.progress) o.progress(n, n);
}

void sort_errors(std::vector<RowError>& errors) {
    std::stable_sort(errors.begin(), errors.end(), [](const RowError& a, const RowError& b) { return a.row < b.row; });
}

void size_columns(BuildUpColumns& out, std::size_t n, bool lines) {
    out.rows = n;
    out.ok.assign(n, 0);
    for (auto* v : {&out.tariff, &out.total, &out.cost_per_productive_hour, &out.productivity, &out.hours_per_unit,
                    &out.direct_cost})
        v->assign(n, Decimal());
    out.tariff_digits.assign(n, 0);
    out.hour_cost_digits.assign(n, 0);
    if (lines) {
        out.lines.assign(n, {});
        out.line_mask.assign(n, 0);
    }
    out.covered.assign(n, 0);
    out.uncovered.assign(n, 0);
}

void put(BuildUpColumns& out, std::size_t r, const BuildUp& b) {
    out.ok[r] = 1;
    out.tariff[r] = b.tariff.amount();
    out.total[r] = b.total.amount();
    out.cost_per_productive_hour[r] = b.cost_per_productive_hour.amount();
    out.productivity[r] = b.productivity.value();
    out.hours_per_unit[r] = b.hours_per_unit;
    out.direct_cost[r] = b.direct_cost.amount();
    out.tariff_digits[r] = static_cast<std::int8_t>(b.unit == ijw::Unit::minuut ? 2 : b.rounding.policy.scale);
    out.hour_cost_digits[r] = static_cast<std::int8_t>(b.rounding.at_hour_cost ? b.rounding.policy.scale : 2);
    std::uint16_t mask = 0;
    if (!out.lines.empty())
        for (const auto& l : b.lines) {
            const auto i = static_cast<std::size_t>(l.line);
            out.lines[r][i] = l.amount;
            mask = static_cast<std::uint16_t>(mask | (1u << i));
        }
    if (!out.line_mask.empty()) out.line_mask[r] = mask;
    out.covered[r] = element_bits(b.covered_elements);
    out.uncovered[r] = element_bits(b.uncovered_elements);
}

void size_columns(CheckColumns& out, std::size_t n) {
    out.rows = n;
    out.ok.assign(n, 0);
    out.verdict.assign(n, Verdict::realistic);
    out.basis.assign(n, PriceBasis::floor);
    for (auto* v : {&out.cost_price, &out.gap, &out.gap_percent}) v->assign(n, Decimal());
    out.cost_price_digits.assign(n, 0);
    out.uncovered.assign(n, 0);
    out.band_begin.assign(n, 0);
    out.band_end.assign(n, 0);
    for (auto* v : {&out.break_even_productivity, &out.break_even_overhead_rate, &out.break_even_salary_factor})
        v->assign(n, std::nullopt);
}

void put(CheckColumns& out, std::size_t r, const RealismCheck& c, const PlausibilityBands& bands) {
    out.ok[r] = 1;
    out.verdict[r] = c.verdict;
    out.basis[r] = c.basis;
    out.cost_price[r] = c.cost_price.amount();
    out.gap[r] = c.gap.amount();
    out.gap_percent[r] = c.gap_percent;
    out.cost_price_digits[r] =
        static_cast<std::int8_t>(c.build_up.unit == ijw::Unit::minuut ? 2 : c.build_up.rounding.policy.scale);
    out.uncovered[r] = element_bits(c.uncovered_elements);
    out.band_begin[r] = static_cast<std::uint32_t>(out.hits.size());
    for (const auto& x : c.out_of_band) {
        BandHit h;
        for (std::size_t b = 0; b < bands.bands.size(); ++b)
            if (bands.bands[b].parameter == x.parameter) h.band = static_cast<std::uint16_t>(b);
        if (x.path.rfind("staff[", 0) == 0) h.staff = static_cast<std::int32_t>(std::stol(x.path.substr(6)));
        else if (x.path == "hours") h.staff = -2;  // the derived productivity
        h.value = x.value;
        out.hits.push_back(h);
    }
    out.band_end[r] = static_cast<std::uint32_t>(out.hits.size());
    if (c.break_even.productivity) out.break_even_productivity[r] = c.break_even.productivity->value();
    if (c.break_even.overhead_rate) out.break_even_overhead_rate[r] = c.break_even.overhead_rate->value();
    out.break_even_salary_factor[r] = c.break_even.salary_factor;
}

void checked(const std::vector<const CostModel*>& models, const std::vector<RowError>& given, bool collect,
             std::vector<RowError>& errors) {
    std::size_t next = 0;
    for (std::size_t r = 0; r < models.size(); ++r) {
        if (models[r]) continue;
        while (next < given.size() && given[next].row < r) ++next;
        if (next < given.size() && given[next].row == r) {
            if (!collect) given[next].rethrow();
            errors.push_back(given[next]);
            continue;
        }
        const InvalidInput e("no cost model (None or NaN)", Location::at("rows[" + std::to_string(r) + "]"));
        if (!collect) throw e;
        errors.push_back(row_error(r, e));
    }
}

/// The tariff errors of rows that have no other error, in collect mode; thrown in raise mode.
void tariff_errors(const Tariffs& t, const std::function<bool(std::size_t)>& failed,
                   const std::function<void(std::size_t)>& mark, bool collect, std::vector<RowError>& errors) {
    std::size_t next = 0;
    for (std::size_t r = 0; r < t.values.size(); ++r) {
        if (t.values[r]) continue;
        const RowError* given = nullptr;
        for (; next < t.errors.size() && t.errors[next].row < r; ++next) {
        }
        if (next < t.errors.size() && t.errors[next].row == r) given = &t.errors[next];
        if (!collect) {
            if (given) given->rethrow();
            throw InvalidInput("no tariff (None or NaN)", Location::at("tariffs[" + std::to_string(r) + "]"));
        }
        if (failed(r)) continue;
        if (given) {
            errors.push_back(*given);
        } else {
            try {
                throw InvalidInput("no tariff (None or NaN)", Location::at("tariffs[" + std::to_string(r) + "]"));
            } catch (const Error& e) {
                RowError re;
                re.row = r;
                re.code = e.code();
                re.text = std::string(e.code_name()) + ": " + e.what();
                re.error = std::current_exception();
                errors.push_back(std::move(re));
            }
        }
        mark(r);
    }
}

PriceBasis basis_of(const std::vector<PriceBasis>& bases, std::size_t r) {
    return bases.size() == 1 ? bases[0] : bases[r];
}

void check_lengths(std::size_t tariffs, std::size_t rows, std::size_t bases) {
    if (tariffs != rows)
        throw InvalidInput(std::to_string(tariffs) + " tariffs for " + std::to_string(rows) + " models");
    if (bases != 1 && bases != rows)
        throw InvalidInput(std::to_string(bases) + " price bases for " + std::to_string(rows) + " rows");
}

}  // namespace

BuildUpColumns build_up_many(const Table& table, const Options& o) {
    BuildUpColumns out;
    Rows rows(table, o.collect, out.errors);
    const std::size_t n = rows.size();
    size_columns(out, n, o.lines);
    run(n, [&](std::size_t r) -> const CostModel& { return rows.model(r); },
        [&](std::size_t r, const CostModel& m) { put(out, r, build_up(m)); }, o, out.errors,
        [&](std::size_t r) { return rows.failed(r); });
    for (std::size_t r = 0; r < n; ++r) out.fast_rows += rows.fast(r) ? 1 : 0;
    sort_errors(out.errors);
    return out;
}

BuildUpColumns build_up_many(const std::vector<const CostModel*>& models, const std::vector<RowError>& given,
                             const Options& o) {
    BuildUpColumns out;
    checked(models, given, o.collect, out.errors);
    size_columns(out, models.size(), o.lines);
    run(models.size(), [&](std::size_t r) -> const CostModel& { return *models[r]; },
        [&](std::size_t r, const CostModel& m) { put(out, r, build_up(m)); }, o, out.errors,
        [&](std::size_t r) { return models[r] == nullptr; });
    sort_errors(out.errors);
    return out;
}

CheckColumns check_tariffs(const Tariffs& tariffs, const Table& table, const std::vector<PriceBasis>& bases,
                           const PlausibilityBands& bands, const Options& o) {
    CheckColumns out;
    // Tariff errors first when raising (they are read first); a row's model error before its tariff error.
    if (!o.collect) tariff_errors(tariffs, [](std::size_t) { return false; }, [](std::size_t) {}, false, out.errors);
    Rows rows(table, o.collect, out.errors);
    const std::size_t n = rows.size();
    check_lengths(tariffs.values.size(), n, bases.size());
    tariff_errors(tariffs, [&](std::size_t r) { return rows.failed(r); }, [&](std::size_t r) { rows.mark_failed(r); },
                  o.collect, out.errors);
    size_columns(out, n);
    run(n, [&](std::size_t r) -> const CostModel& { return rows.model(r); },
        [&](std::size_t r, const CostModel& m) {
            put(out, r, check_tariff(*tariffs.values[r], m, basis_of(bases, r), bands), bands);
        },
        o, out.errors, [&](std::size_t r) { return rows.failed(r); });
    for (std::size_t r = 0; r < n; ++r) out.fast_rows += rows.fast(r) ? 1 : 0;
    sort_errors(out.errors);
    return out;
}

CheckColumns check_tariffs(const Tariffs& tariffs, const std::vector<const CostModel*>& models,
                           const std::vector<RowError>& given, const std::vector<PriceBasis>& bases,
                           const PlausibilityBands& bands, const Options& o) {
    CheckColumns out;
    if (!o.collect) tariff_errors(tariffs, [](std::size_t) { return false; }, [](std::size_t) {}, false, out.errors);
    std::vector<unsigned char> failed(models.size(), 0);
    checked(models, given, o.collect, out.errors);
    for (std::size_t r = 0; r < models.size(); ++r) failed[r] = models[r] == nullptr;
    check_lengths(tariffs.values.size(), models.size(), bases.size());
    tariff_errors(tariffs, [&](std::size_t r) { return failed[r] != 0; }, [&](std::size_t r) { failed[r] = 1; },
                  o.collect, out.errors);
    size_columns(out, models.size());
    run(models.size(), [&](std::size_t r) -> const CostModel& { return *models[r]; },
        [&](std::size_t r, const CostModel& m) {
            put(out, r, check_tariff(*tariffs.values[r], m, basis_of(bases, r), bands), bands);
        },
        o, out.errors, [&](std::size_t r) { return failed[r] != 0; });
    sort_errors(out.errors);
    return out;
}

std::string CheckColumns::hit_path(const BandHit& h, const PlausibilityBands& bands) const {
    const std::string& p = bands.bands.at(h.band).parameter;
    if (h.staff >= 0) return "staff[" + std::to_string(h.staff) + "]." + p;
    if (p == "productivity") return h.staff == -2 ? "hours" : "hours.productivity";
    if (p == "overhead_rate") return "overhead.rate";
    if (p == "risk_margin_rate") return "risk_margin.rate";
    return "hours.leave_hours";
}

}  // namespace zorginkoop::batch
