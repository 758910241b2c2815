#include "zorginkoop/tariff/realism.hpp"

#include <algorithm>
#include <cctype>

#include "zorginkoop/data.hpp"
#include "zorginkoop/io/reader.hpp"

namespace zorginkoop {

PriceBasis parse_price_basis(std::string_view s) {
    if (auto b = price_basis_table.find(s)) return *b;
    throw InvalidInput("unknown price basis '" + std::string(s) + "' (expected " + price_basis_table.alternatives() + ")");
}

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool outside(const PlausibilityBand& b, const Decimal& v) {
    return (b.min && v < *b.min) || (b.max && v > *b.max);
}

enum class Parameter { holiday_pay, year_end_bonus, employer_charges, productivity, overhead_rate, risk_margin_rate, leave_hours, other };

Parameter parameter_of(const std::string& p) {
    if (p == "holiday_pay") return Parameter::holiday_pay;
    if (p == "year_end_bonus") return Parameter::year_end_bonus;
    if (p == "employer_charges") return Parameter::employer_charges;
    if (p == "productivity") return Parameter::productivity;
    if (p == "overhead_rate") return Parameter::overhead_rate;
    if (p == "risk_margin_rate") return Parameter::risk_margin_rate;
    if (p == "leave_hours") return Parameter::leave_hours;
    return Parameter::other;
}

}  // namespace

/// A band as the check reads it, with the text it was resolved from (to tell when a band was
/// changed in code after it was resolved).
struct PlausibilityBands::Resolved {
    struct Band {
        std::string parameter, condition;
        std::vector<std::string> applies_to_cao;
        Parameter kind = Parameter::other;
        std::optional<Decimal> week;       // "<N> hours per week"
        bool condition_unread = false;     // a condition made in code that does not read: read at the check
        std::vector<std::string> cao_lower;
    };
    std::vector<Band> bands;

    static std::shared_ptr<const Resolved> of(const std::vector<PlausibilityBand>& bands) {
        auto r = std::make_shared<Resolved>();
        for (const auto& b : bands) {
            Band x;
            x.parameter = b.parameter;
            x.condition = b.condition;
            x.applies_to_cao = b.applies_to_cao;
            x.kind = parameter_of(b.parameter);
            if (!b.condition.empty()) {
                try {
                    x.week = Decimal::parse(b.condition.substr(0, b.condition.find(' ')));
                } catch (const Error&) {
                    x.condition_unread = true;
                }
            }
            for (const auto& c : b.applies_to_cao) x.cao_lower.push_back(lower(c));
            r->bands.push_back(std::move(x));
        }
        return r;
    }
    bool matches(const std::vector<PlausibilityBand>& bs) const {
        if (bs.size() != bands.size()) return false;
        for (std::size_t i = 0; i < bs.size(); ++i)
            if (bs[i].parameter != bands[i].parameter || bs[i].condition != bands[i].condition ||
                bs[i].applies_to_cao != bands[i].applies_to_cao)
                return false;
        return true;
    }
};

PlausibilityBands PlausibilityBands::from_node(const io::Node& node, const std::string& source) {
    io::MapReader m(io::Reader(node, "", source));
    PlausibilityBands out;
    if (m.require("zorginkoop_plausibility_bands").integer() != 1)
        m.require("zorginkoop_plausibility_bands").fail("unsupported format version (this library reads 1)");
    out.id = m.require("id").text();
    if (auto y = m.value("year")) out.year = static_cast<int>(y->integer());
    static const char* known[] = {"holiday_pay", "year_end_bonus", "employer_charges", "productivity",
                                  "overhead_rate", "risk_margin_rate", "leave_hours"};
    for (const auto& item : m.require("bands").items()) {
        io::MapReader b(item);
        PlausibilityBand band;
        const io::Reader param = b.require("parameter");
        band.parameter = param.text();
        if (std::none_of(std::begin(known), std::end(known), [&](const char* k) { return band.parameter == k; }))
            param.fail("unknown parameter '" + band.parameter +
                       "' (holiday_pay, year_end_bonus, employer_charges, productivity, overhead_rate, "
                       "risk_margin_rate, leave_hours)");
        if (auto v = b.value("min")) band.min = v->decimal();
        if (auto v = b.value("max")) band.max = v->decimal();
        if (band.min && band.max && *band.min > *band.max) item.invalid("min is above max");
        if (!band.min && !band.max) item.invalid("a band needs min, max or both");
        band.source = b.require("source").text();
        if (auto v = b.value("basis")) band.basis = v->text();
        if (auto v = b.value("confirmed")) band.confirmed = v->boolean();
        if (auto v = b.value("applies_to_cao"))
            for (const auto& c : v->items()) band.applies_to_cao.push_back(c.text());
        if (auto v = b.value("condition")) {
            band.condition = v->text();
            if (band.condition.find(" hours per week") == std::string::npos)
                v->fail("the only condition understood is '<N> hours per week'");
            (void)Decimal::parse(band.condition.substr(0, band.condition.find(' ')));
        }
        if (auto v = b.value("note")) band.note = v->text();
        b.finish("a band");
        out.bands.push_back(std::move(band));
    }
    m.finish("plausibility bands");
    out.resolved = Resolved::of(out.bands);
    return out;
}

const PlausibilityBands& PlausibilityBands::bundled() {
    // Read once per process (thread-safe initialisation); immutable afterwards.
    static const PlausibilityBands bands =
        from_node(io::parse_yaml(bundled_file("bands/default.yaml"), "bands/default.yaml"), "bands/default.yaml");
    return bands;
}
PlausibilityBands PlausibilityBands::load(const std::string& file) { return from_node(io::read_file(file), file); }

PlausibilityBands PlausibilityBands::overridden_by(const PlausibilityBands& other) const {
    PlausibilityBands out = *this;
    for (const auto& b : other.bands) {
        out.bands.erase(std::remove_if(out.bands.begin(), out.bands.end(),
                                       [&](const PlausibilityBand& x) { return x.parameter == b.parameter; }),
                        out.bands.end());
        out.bands.push_back(b);
    }
    out.id = id + "+" + other.id;
    out.resolved = Resolved::of(out.bands);
    return out;
}

std::vector<OutOfBand> out_of_band(const CostModel& m, const BuildUp& bu, const PlausibilityBands& bands) {
    std::shared_ptr<const PlausibilityBands::Resolved> own;
    const PlausibilityBands::Resolved* resolved = bands.resolved.get();
    if (!resolved || !resolved->matches(bands.bands)) {
        own = PlausibilityBands::Resolved::of(bands.bands);
        resolved = own.get();
    }
    std::vector<OutOfBand> out;
    const Decimal zero;
    std::optional<Decimal> model_week;  // computed once, when a band has a condition
    std::string cao_name;
    for (std::size_t bi = 0; bi < bands.bands.size(); ++bi) {
        const PlausibilityBand& band = bands.bands[bi];
        const PlausibilityBands::Resolved::Band& rb = resolved->bands[bi];
        auto flag = [&](const char* path, std::size_t path_size, const Decimal& v) {
            if (outside(band, v)) out.push_back(OutOfBand{band.parameter, std::string(path, path_size), v, band});
        };
        auto flag_text = [&](const std::string& path, const Decimal& v) {
            if (outside(band, v)) out.push_back(OutOfBand{band.parameter, path, v, band});
        };
        if (rb.condition_unread) (void)Decimal::parse(band.condition.substr(0, band.condition.find(' ')));
        if (rb.week) {
            // "<N> hours per week": the model's working week must be N hours.
            if (!model_week)
                model_week = m.hours.hours_per_week ? *m.hours.hours_per_week
                                                    : annual_hours(m.hours) * Decimal(6) / Decimal(313);
            if (*model_week != *rb.week) continue;
        }
        switch (rb.kind) {
            case Parameter::holiday_pay:
            case Parameter::year_end_bonus:
            case Parameter::employer_charges:
                for (std::size_t i = 0; i < m.staff.size(); ++i) {
                    const StaffLine& s = m.staff[i];
                    if (!rb.cao_lower.empty()) {
                        if (!s.cao) continue;
                        cao_name = lower(s.cao->name);
                        if (std::none_of(rb.cao_lower.begin(), rb.cao_lower.end(),
                                         [&](const std::string& c) { return c == cao_name; }))
                            continue;
                    }
                    const std::optional<Rate>& r = rb.kind == Parameter::holiday_pay      ? s.holiday_pay
                                                   : rb.kind == Parameter::year_end_bonus ? s.year_end_bonus
                                                                                          : s.employer_charges;
                    const Decimal& v = r ? r->value() : zero;
                    if (outside(band, v)) flag_text("staff[" + std::to_string(i) + "]." + band.parameter, v);
                }
                break;
            case Parameter::productivity:
                if (m.hours.productivity)
                    flag("hours.productivity", 18, bu.productivity.value());
                else
                    flag("hours", 5, bu.productivity.value());
                break;
            case Parameter::overhead_rate:
                if (m.overhead) flag("overhead.rate", 13, m.overhead->rate.value());
                break;
            case Parameter::risk_margin_rate:
                if (m.risk_margin) flag("risk_margin.rate", 16, m.risk_margin->rate.value());
                break;
            case Parameter::leave_hours:
                if (!m.hours.productivity) flag("hours.leave_hours", 17, m.hours.leave_hours.value_or(zero));
                break;
            case Parameter::other: break;
        }
    }
    return out;
}

BreakEven break_even(const Money& tariff, const CostModel& m, const BuildUp& bu) {
    BreakEven be;
    const Decimal one(1), zero;
    // The hourly total a tariff stands for (a minute tariff × 60).
    const Decimal target = m.unit == ijw::Unit::minuut ? tariff.amount() * Decimal(60) : tariff.amount();
    const Decimal h = bu.hours_per_unit, p = bu.productive_hours, l_mix = bu.annual_cost_per_fte.amount();

    // total = Dc × M, with M the overhead, risk and indexation factors.
    Decimal g = one;
    if (m.overhead) {
        const Decimal o = m.overhead->rate.value();
        g = m.overhead->effective_convention() == OverheadConvention::markup ? one + o : one / (one - o);
    }
    Decimal rest = one;
    if (m.risk_margin) rest = rest * (one + m.risk_margin->rate.value());
    if (m.indexation && m.indexation->rate) rest = rest * (one + m.indexation->rate->value());
    const Decimal mult = g * rest;

    // Dc = A + B / P: B holds the terms proportional to 1/P, A the rest.
    Decimal b_over = l_mix * h;  // professional + non-productive = K × h
    Decimal a;
    Decimal b_salary = l_mix * h;  // the terms proportional to L_mix (over P)
    if (m.travel) {
        const Travel& t = *m.travel;
        a += t.form == Travel::Form::per_hour ? t.amount.amount() * h
             : t.form == Travel::Form::per_km ? t.km_per_hour * t.rate_per_km.amount() * h
                                              : t.amount.amount();
    }
    Decimal a_salary_free;  // terms over P that do not scale with salaries
    if (m.training) {
        const Training& t = *m.training;
        if (t.form == Training::Form::share_of_personnel) {
            b_over += t.share.value() * l_mix * h;
            b_salary += t.share.value() * l_mix * h;
        } else if (t.form == Training::Form::per_fte_year) {
            b_over += t.amount.amount() * h;
            a_salary_free += t.amount.amount() * h / p;
        } else {
            a += t.amount.amount();
        }
    }
    if (m.municipal_obligations) {
        const MunicipalObligations& o = *m.municipal_obligations;
        if (o.form == MunicipalObligations::Form::hours_per_unit) {
            b_over += o.hours_per_unit * l_mix;
            b_salary += o.hours_per_unit * l_mix;
        } else {
            a += o.form == MunicipalObligations::Form::per_hour ? o.amount.amount() * h : o.amount.amount();
        }
    }
    if (m.client_bound_other) {
        const ClientBoundOther& c = *m.client_bound_other;
        a += c.form == ClientBoundOther::Form::per_unit ? c.per_unit.amount()
                                                        : c.per_bed_year.amount() / (Decimal(365) * c.occupancy.value());
    }
    const Decimal dc_needed = target / mult;

    // Productivity: A + B / P* = Dc*.
    if (dc_needed > a && b_over.sign() > 0) {
        const Decimal p_star = b_over / (dc_needed - a);
        be.productive_hours = p_star;
        be.productivity = Rate(p_star / bu.annual_hours);
    }
    // Overhead rate: Dc × g* × rest = target.
    const Decimal dc = bu.direct_cost.amount();
    if (dc.sign() > 0) {
        const Decimal g_star = target / (dc * rest);
        if (m.overhead && m.overhead->effective_convention() == OverheadConvention::share)
            be.overhead_rate = Rate(one - one / g_star);
        else
            be.overhead_rate = Rate(g_star - one);
    }
    // Salaries: A + A' + λ × B_L / P = Dc*.
    const Decimal fixed = a + a_salary_free;
    if (dc_needed > fixed && b_salary.sign() > 0) {
        const Decimal lambda = (dc_needed - fixed) / (b_salary / p);
        be.salary_factor = lambda;
        for (const auto& s : m.staff) be.monthly_salaries.emplace_back(s.monthly_salary.amount() * lambda);
    }
    (void)zero;
    return be;
}

RealismCheck check_tariff(const Money& tariff, const CostModel& model, PriceBasis basis,
                          const PlausibilityBands& bands) {
    // A tariff of zero or less is no price to check: the break-even values divide by it (with
    // overhead convention share the break-even rate is 1 - 1/g*, and g* is 0 for a zero tariff).
    if (tariff.amount().sign() <= 0)
        throw InvalidInput("the tariff to check must be above 0, got " + tariff.amount().to_string(),
                           Location::at("tariff"));
    RealismCheck r;
    r.basis = basis;
    r.tariff = tariff;
    r.build_up = build_up(model);  // an Overflow there names the part of the model
    r.cost_price = r.build_up.tariff;
    // The gap and the break-even values scale the tariff against the cost price: out of range,
    // it is the tariff that is (the build-up itself was in range). The bands compare the hours.
    const auto located = [](const char* path, auto&& step) {
        try {
            step();
        } catch (const Overflow& e) {
            if (!e.path().empty()) throw;
            throw Overflow(e.message(), Location::at(path));
        }
    };
    located("tariff", [&] {
        r.gap = tariff - r.cost_price;
        if (!r.cost_price.is_zero()) r.gap_percent = r.gap / r.cost_price * Decimal(100);
    });
    r.uncovered_elements = r.build_up.uncovered_elements;
    located("hours", [&] { r.out_of_band = out_of_band(model, r.build_up, bands); });
    located("tariff", [&] { r.break_even = break_even(tariff, model, r.build_up); });
    const bool below = tariff < r.cost_price;
    switch (basis) {
        // A fixed price and a price floor are judged alike, and as PRICE-006 judges them: the law
        // requires the price to be based at least on the cost elements (Besluit Jeugdwet art. 2.3
        // lid 1, Uitvoeringsbesluit Wmo 2015 art. 5.4 lid 1: "ten minste"), so only a tariff below
        // the cost price fails; a fixed tariff above it is realistic, with its gap in the evidence.
        case PriceBasis::fixed:
        case PriceBasis::floor: r.verdict = below ? Verdict::below_cost : Verdict::realistic; break;
        case PriceBasis::substantiated:
            r.verdict = !r.uncovered_elements.empty() ? Verdict::elements_missing
                        : !r.out_of_band.empty()      ? Verdict::implausible
                        : below                       ? Verdict::below_cost
                                                      : Verdict::realistic;
            break;
    }
    return r;
}

RealismCheck check_tariff(const Money& tariff, const CostModel& model, PriceBasis basis) {
    return check_tariff(tariff, model, basis, PlausibilityBands::bundled());
}

std::string band_range(const PlausibilityBand& band) {
    std::string range;
    if (band.min) range += ">= " + band.min->to_string();
    if (band.min && band.max) range += ", ";
    if (band.max) range += "<= " + band.max->to_string();
    return range;
}

}  // namespace zorginkoop
