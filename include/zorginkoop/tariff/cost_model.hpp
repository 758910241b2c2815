#pragma once
// CostModel: the cost elements of one product (docs/cost-model.md), read strictly from YAML,
// JSON or a Python mapping. Every optional field stays optional, so that "stated as zero" and
// "not stated" remain different (an element counts as covered only when it is stated) and a
// model written back loses nothing it was given.

#include <optional>
#include <string>
#include <vector>

#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/enum_table.hpp"
#include "zorginkoop/core/money.hpp"
#include "zorginkoop/core/rate.hpp"
#include "zorginkoop/core/rounding.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/law/law.hpp"
#include "zorginkoop/tariff/ijw.hpp"

namespace zorginkoop {


/// The CAO position a salary refers to (PRICE-010). `scale_amount` is the gross monthly salary of
/// that scale and step in the CAO table, as stated by the user (no CAO tables are bundled).
struct CaoReference {
    std::string name;
    std::string scale;
    std::string step;
    std::optional<Money> scale_amount;
    friend bool operator==(const CaoReference& a, const CaoReference& b) {
        return a.name == b.name && a.scale == b.scale && a.step == b.step && a.scale_amount == b.scale_amount;
    }
};

struct StaffLine {
    std::string function;
    Money monthly_salary;
    std::optional<CaoReference> cao;
    Decimal share;
    std::optional<Rate> holiday_pay, year_end_bonus, irregular_hours, other_allowances, employer_charges;
    friend bool operator==(const StaffLine& a, const StaffLine& b) {
        return a.function == b.function && a.monthly_salary == b.monthly_salary && a.cao == b.cao &&
               a.share == b.share && a.holiday_pay == b.holiday_pay && a.year_end_bonus == b.year_end_bonus &&
               a.irregular_hours == b.irregular_hours && a.other_allowances == b.other_allowances &&
               a.employer_charges == b.employer_charges;
    }
};

struct Hours {
    std::optional<Decimal> annual_hours, hours_per_week, weeks_per_year;
    std::optional<Decimal> leave_hours, public_holiday_hours, training_hours, meeting_hours;
    std::optional<Rate> sickness, indirect, productivity;
    /// True when the non-productive hours are stated (productivity or any hour line).
    bool non_productive_stated() const {
        return productivity || leave_hours || public_holiday_hours || sickness || training_hours || meeting_hours ||
               indirect;
    }
    friend bool operator==(const Hours& a, const Hours& b) {
        return a.annual_hours == b.annual_hours && a.hours_per_week == b.hours_per_week &&
               a.weeks_per_year == b.weeks_per_year && a.leave_hours == b.leave_hours &&
               a.public_holiday_hours == b.public_holiday_hours && a.training_hours == b.training_hours &&
               a.meeting_hours == b.meeting_hours && a.sickness == b.sickness && a.indirect == b.indirect &&
               a.productivity == b.productivity;
    }
};

/// travel: {per_hour} | {km_per_hour, rate_per_km} | {per_unit}
struct Travel {
    enum class Form { per_hour, per_km, per_unit } form = Form::per_hour;
    Money amount;         // per_hour or per_unit
    Decimal km_per_hour;  // per_km
    Money rate_per_km;    // per_km
    std::string note;
    friend bool operator==(const Travel& a, const Travel& b) {
        return a.form == b.form && a.amount == b.amount && a.km_per_hour == b.km_per_hour &&
               a.rate_per_km == b.rate_per_km && a.note == b.note;
    }
};

/// training: {share_of_personnel} | {per_fte_year} | {per_unit}
struct Training {
    enum class Form { share_of_personnel, per_fte_year, per_unit } form = Form::share_of_personnel;
    Rate share;    // share_of_personnel
    Money amount;  // per_fte_year or per_unit
    std::string note;
    friend bool operator==(const Training& a, const Training& b) {
        return a.form == b.form && a.share == b.share && a.amount == b.amount && a.note == b.note;
    }
};

/// municipal_obligations: {per_hour} | {hours_per_unit} | {per_unit}
struct MunicipalObligations {
    enum class Form { per_hour, hours_per_unit, per_unit } form = Form::per_hour;
    Money amount;            // per_hour or per_unit
    Decimal hours_per_unit;  // priced at the cost per productive hour K
    std::string note;
    friend bool operator==(const MunicipalObligations& a, const MunicipalObligations& b) {
        return a.form == b.form && a.amount == b.amount && a.hours_per_unit == b.hours_per_unit && a.note == b.note;
    }
};

/// client_bound_other: {per_unit} | {per_bed_year, occupancy} (accommodation, etmaal only)
struct ClientBoundOther {
    enum class Form { per_unit, accommodation } form = Form::per_unit;
    Money per_unit;
    Money per_bed_year;
    Rate occupancy;
    std::string note;
    friend bool operator==(const ClientBoundOther& a, const ClientBoundOther& b) {
        return a.form == b.form && a.per_unit == b.per_unit && a.per_bed_year == b.per_bed_year &&
               a.occupancy == b.occupancy && a.note == b.note;
    }
};

enum class OverheadConvention { markup, share };
/// The words of the conventions, as the cost-model format writes them.
inline constexpr EnumTable<OverheadConvention, 2> overhead_convention_table{
    {{{OverheadConvention::markup, "markup"}, {OverheadConvention::share, "share"}}}};

struct Overhead {
    Rate rate;
    std::optional<OverheadConvention> convention;  // absent: markup, and PRICE-009 warns
    std::string note;
    OverheadConvention effective_convention() const { return convention.value_or(OverheadConvention::markup); }
    friend bool operator==(const Overhead& a, const Overhead& b) {
        return a.rate == b.rate && a.convention == b.convention && a.note == b.note;
    }
};

struct RiskMargin {
    Rate rate;
    std::string note;
    friend bool operator==(const RiskMargin& a, const RiskMargin& b) { return a.rate == b.rate && a.note == b.note; }
};

/// indexation: {clause: true} (covered by the contract's clause) | {rate} (built into the price)
struct IndexationElement {
    bool clause = false;
    std::optional<Rate> rate;
    std::string note;
    friend bool operator==(const IndexationElement& a, const IndexationElement& b) {
        return a.clause == b.clause && a.rate == b.rate && a.note == b.note;
    }
};

struct Delivery {
    std::optional<Decimal> staff_hours_per_unit, staff_per_group, group_size;
    std::optional<Rate> occupancy;
    friend bool operator==(const Delivery& a, const Delivery& b) {
        return a.staff_hours_per_unit == b.staff_hours_per_unit && a.staff_per_group == b.staff_per_group &&
               a.group_size == b.group_size && a.occupancy == b.occupancy;
    }
};

/// Where rounding happens in a build-up. The final tariff is always rounded (a tariff is a whole
/// number of cents, or of multiple_of); `line` and `hour_cost` add earlier rounding points.
struct BuildUpRounding {
    RoundingPolicy policy = RoundingPolicy::cents();
    bool at_line = false;
    bool at_hour_cost = false;
    bool stated = false;       // a rounding block was given
    bool at_stated = false;    // rounding.at was given
    bool scale_stated = false;
    bool mode_stated = false;
    std::vector<std::string> at_as_given;
    friend bool operator==(const BuildUpRounding& a, const BuildUpRounding& b) {
        return a.policy == b.policy && a.at_line == b.at_line && a.at_hour_cost == b.at_hour_cost;
    }
};

struct CostModel {
    int format_version = 1;
    std::string name;
    Law law = Law::jeugdwet;
    ijw::Unit unit = ijw::Unit::uur;
    std::string unit_as_given;  // "04" or "uur", kept for round trips
    std::vector<StaffLine> staff;
    Hours hours;
    std::optional<Travel> travel;
    std::optional<Training> training;
    std::optional<MunicipalObligations> municipal_obligations;
    std::optional<ClientBoundOther> client_bound_other;
    std::optional<Overhead> overhead;
    std::optional<RiskMargin> risk_margin;
    std::optional<IndexationElement> indexation;
    Delivery delivery;
    BuildUpRounding rounding;

    /// Read a model from a tree. `source` names the file in errors; `path` is the prefix of every
    /// error path (e.g. "lots[0].products[2].cost_model" when the model sits inside a document).
    /// Unknown or duplicate keys, impossible values (negative salary, shares not summing to 1,
    /// productivity above 1, zero group size or occupancy) and conflicting options (productivity
    /// and hour lines, two forms of one element) are ParseError or InvalidInput naming the path.
    static CostModel from_node(const io::Node& node, const std::string& source = {}, const std::string& path = {});
    static CostModel parse_yaml(std::string_view text, const std::string& source = {});
    static CostModel parse_json(std::string_view text, const std::string& source = {});
    /// A file: JSON when it ends in .json, YAML otherwise.
    static CostModel load(const std::string& file);

    /// The model as a tree in the format of docs/cost-model.md (only the fields that were given).
    io::Node to_node() const;

    friend bool operator==(const CostModel& a, const CostModel& b);
    friend bool operator!=(const CostModel& a, const CostModel& b) { return !(a == b); }
};

}  // namespace zorginkoop
