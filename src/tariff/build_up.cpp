// The build-up of docs/cost-model.md ("The build-up, in order"). Intermediate values keep 18 fractional digits; products
// and quotients are rounded half-even at digit 18 (Decimal); nothing else rounds until the
// model's rounding says so. The order of operations is the order of that section, which the plain-Python
// reference (tests/reference/tariff_reference.py) follows too.

#include "zorginkoop/tariff/build_up.hpp"

#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/law/registry.hpp"

namespace zorginkoop {

const char* cost_line_name(CostLine line) noexcept {
    switch (line) {
        case CostLine::professional: return "professional";
        case CostLine::non_productive: return "non_productive";
        case CostLine::travel: return "travel";
        case CostLine::training: return "training";
        case CostLine::municipal_obligations: return "municipal_obligations";
        case CostLine::client_bound_other: return "client_bound_other";
        case CostLine::overhead: return "overhead";
        case CostLine::risk_margin: return "risk_margin";
        case CostLine::indexation: return "indexation";
    }
    return "?";
}

const std::vector<StatutoryElement>& statutory_elements(Law law) {
    // The texts are the catalogues' (tariff.statutory_elements.<law>.<letter>), which live as long
    // as the process.
    const auto elements = [](Law l, const char* letters) {
        const MessageCatalogue& nl = bundled_messages(Lang::nl);
        const MessageCatalogue& en = bundled_messages(Lang::en);
        std::vector<StatutoryElement> out;
        for (const char* c = letters; *c; ++c) {
            const std::string key = std::string("tariff.statutory_elements.") + law_name(l) + "." + *c;
            out.push_back({*c, nl.text(key).c_str(), en.text(key).c_str()});
        }
        return out;
    };
    static const std::vector<StatutoryElement> wmo = elements(Law::wmo2015, "abcdef");
    static const std::vector<StatutoryElement> jw = elements(Law::jeugdwet, "abcd");
    return law == Law::wmo2015 ? wmo : jw;
}

LegalRef statutory_basis(Law law, const LawRegistry& laws) {
    // The reële-prijs text of art. 5.4 / art. 2.3 (in force 1 July 2024; data/law/laws.yaml).
    const char* key = law == Law::wmo2015 ? "uitv_besluit_wmo" : "besluit_jeugdwet";
    return laws.cite(laws.by_key(key).id, law == Law::wmo2015 ? "5.4" : "2.3", "1", "",
                     laws.version_date(key, "reele_prijs"));
}

std::string elements_of(CostLine line, Law law) {
    const bool wmo = law == Law::wmo2015;
    switch (line) {
        case CostLine::professional: return "a";
        case CostLine::non_productive: return wmo ? "c" : "a";
        case CostLine::travel: return wmo ? "d" : "b";
        case CostLine::training: return wmo ? "d" : "a";
        case CostLine::municipal_obligations: return wmo ? "f" : "a";
        case CostLine::client_bound_other: return wmo ? "" : "b";
        case CostLine::overhead: return wmo ? "b" : "c";
        case CostLine::risk_margin: return "";
        case CostLine::indexation: return wmo ? "e" : "d";
    }
    return "";
}

std::string covered_elements(const CostModel& m) {
    std::string out = "a";  // the staff is always stated
    if (m.law == Law::wmo2015) {
        if (m.overhead) out += 'b';
        if (m.hours.non_productive_stated()) out += 'c';
        if (m.travel && m.training) out += 'd';
        if (m.indexation) out += 'e';
        if (m.municipal_obligations) out += 'f';
    } else {
        if (m.travel || m.client_bound_other) out += 'b';
        if (m.overhead) out += 'c';
        if (m.indexation) out += 'd';
    }
    return out;
}

Decimal annual_hours(const Hours& h) {
    if (h.annual_hours) return *h.annual_hours;
    if (!h.hours_per_week) throw InvalidInput("hours: annual_hours or hours_per_week is required");
    if (h.weeks_per_year) return *h.hours_per_week * *h.weeks_per_year;
    return *h.hours_per_week * Decimal(313) / Decimal(6);  // 52 1/6 weeks
}

namespace {
Decimal default_staff_hours(ijw::Unit u) {
    switch (u) {
        case ijw::Unit::minuut:
        case ijw::Unit::uur: return Decimal(1);
        case ijw::Unit::dagdeel: return Decimal(4);
        case ijw::Unit::etmaal: return Decimal(24);
        default: throw InvalidInput("delivery.staff_hours_per_unit is required for unit " + std::string(ijw::info(u).code));
    }
}

/// The part of the model the step being computed comes from; an Overflow in that step names it.
struct ModelPart {
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    const char* block = "staff";
    std::size_t index = none;
    const char* field = nullptr;

    void set(const char* b, const char* f = nullptr, std::size_t i = none) {
        block = b;
        field = f;
        index = i;
    }
    std::string path(const std::string& prefix) const {
        std::string out = prefix.empty() ? std::string(block) : prefix + "." + block;
        if (index != none) out += "[" + std::to_string(index) + "]";
        if (field) out += std::string(".") + field;
        return out;
    }
};

/// The model block a line's amount comes from; the lines after the first two are named after it.
const char* source_of(CostLine line) noexcept {
    if (line == CostLine::professional) return "staff";
    if (line == CostLine::non_productive) return "hours";
    return cost_line_name(line);
}

BuildUp compute(const CostModel& m, ModelPart& at) {
    BuildUp b;
    b.law = m.law;
    b.unit = m.unit;
    b.rounding = m.rounding;
    const RoundingPolicy& policy = m.rounding.policy;
    const RoundingPolicy scale_policy(policy.mode, policy.scale);  // line and hour-cost rounding
    auto line_amount = [&](const Decimal& x) { return m.rounding.at_line ? scale_policy.apply(x) : x; };
    const Decimal one(1), zero;

    // 1. annual cost per FTE
    b.staff_annual_costs.reserve(m.staff.size());
    b.lines.reserve(9);  // one per CostLine at most
    Decimal l_mix;
    for (std::size_t i = 0; i < m.staff.size(); ++i) {
        const StaffLine& s = m.staff[i];
        at.set("staff", "monthly_salary", i);
        Decimal uplift = one;
        for (const auto* a : {&s.holiday_pay, &s.year_end_bonus, &s.irregular_hours, &s.other_allowances})
            if (*a) uplift += (*a)->value();
        const Decimal charges = s.employer_charges ? s.employer_charges->value() : zero;
        const Decimal l = s.monthly_salary.amount() * Decimal(12) * uplift * (one + charges);
        b.staff_annual_costs.emplace_back(l);
        l_mix += s.share * l;
    }
    b.annual_cost_per_fte = Money(l_mix);

    // 2. productive hours
    const Hours& h = m.hours;
    at.set("hours", h.annual_hours ? "annual_hours" : "hours_per_week");
    const Decimal annual = annual_hours(h);
    at.set("hours");
    if (annual.sign() <= 0) throw InvalidInput("hours: annual hours must be positive");
    Decimal p;
    if (h.productivity) {
        p = annual * h.productivity->value();
    } else {
        p = ((annual - h.leave_hours.value_or(zero) - h.public_holiday_hours.value_or(zero)) *
                 (one - (h.sickness ? h.sickness->value() : zero)) -
             h.training_hours.value_or(zero) - h.meeting_hours.value_or(zero)) *
            (one - (h.indirect ? h.indirect->value() : zero));
    }
    if (p.sign() <= 0) throw InvalidInput("hours: the productive hours P come out at " + p.to_string() + "; they must be positive");
    b.annual_hours = annual;
    b.productive_hours = p;
    b.productivity = Rate(p / annual);

    // 3. per hour
    Decimal professional = l_mix / annual;
    Decimal k = l_mix / p;
    if (m.rounding.at_hour_cost) {
        professional = scale_policy.apply(professional);
        k = scale_policy.apply(k);
    }
    const Decimal non_productive = k - professional;
    b.professional_per_hour = Money(professional);
    b.cost_per_productive_hour = Money(k);
    b.non_productive_per_hour = Money(non_productive);

    // 4. personnel hours per unit
    at.set("delivery");
    const Delivery& d = m.delivery;
    const Decimal shpu = d.staff_hours_per_unit ? *d.staff_hours_per_unit : default_staff_hours(m.unit);
    const Decimal hpu = shpu * d.staff_per_group.value_or(one) /
                        (d.group_size.value_or(one) * (d.occupancy ? d.occupancy->value() : one));
    b.hours_per_unit = hpu;

    at.set("staff");
    auto put = [&](CostLine line, const Decimal& amount) {
        const Decimal a = line_amount(amount);
        b.lines.push_back(BuildUpLine{line, Money(a), elements_of(line, m.law)});
        return a;
    };
    put(CostLine::professional, professional * hpu);
    put(CostLine::non_productive, non_productive * hpu);

    // 5. travel, training, obligations, client-bound other costs
    at.set("travel");
    if (m.travel) {
        const Travel& t = *m.travel;
        switch (t.form) {
            case Travel::Form::per_hour: put(CostLine::travel, t.amount.amount() * hpu); break;
            case Travel::Form::per_km: put(CostLine::travel, t.km_per_hour * t.rate_per_km.amount() * hpu); break;
            case Travel::Form::per_unit: put(CostLine::travel, t.amount.amount()); break;
        }
    }
    at.set("training");
    if (m.training) {
        const Training& t = *m.training;
        switch (t.form) {
            case Training::Form::share_of_personnel: put(CostLine::training, t.share.value() * k * hpu); break;
            case Training::Form::per_fte_year: put(CostLine::training, t.amount.amount() / p * hpu); break;
            case Training::Form::per_unit: put(CostLine::training, t.amount.amount()); break;
        }
    }
    at.set("municipal_obligations");
    if (m.municipal_obligations) {
        const MunicipalObligations& o = *m.municipal_obligations;
        switch (o.form) {
            case MunicipalObligations::Form::per_hour: put(CostLine::municipal_obligations, o.amount.amount() * hpu); break;
            case MunicipalObligations::Form::hours_per_unit: put(CostLine::municipal_obligations, o.hours_per_unit * k); break;
            case MunicipalObligations::Form::per_unit: put(CostLine::municipal_obligations, o.amount.amount()); break;
        }
    }
    at.set("client_bound_other");
    if (m.client_bound_other) {
        const ClientBoundOther& c = *m.client_bound_other;
        if (c.form == ClientBoundOther::Form::per_unit)
            put(CostLine::client_bound_other, c.per_unit.amount());
        else
            put(CostLine::client_bound_other, c.per_bed_year.amount() / (Decimal(365) * c.occupancy.value()));
    }

    // 6. direct cost and overhead
    Decimal dc;
    for (const auto& l : b.lines) {
        at.set(source_of(l.line));
        dc += l.amount.amount();
    }
    b.direct_cost = Money(dc);
    Decimal overhead;
    at.set("overhead", "rate");
    if (m.overhead) {
        const Decimal rate = m.overhead->rate.value();
        if (m.overhead->effective_convention() == OverheadConvention::markup)
            overhead = put(CostLine::overhead, dc * rate);
        else
            overhead = put(CostLine::overhead, dc * rate / (one - rate));
    }
    // 7. risk margin, 8. indexation built in
    Decimal risk;
    at.set("risk_margin", "rate");
    if (m.risk_margin) risk = put(CostLine::risk_margin, (dc + overhead) * m.risk_margin->rate.value());
    at.set("indexation", "rate");
    if (m.indexation) {
        if (m.indexation->clause)
            put(CostLine::indexation, zero);
        else
            put(CostLine::indexation, (dc + overhead + risk) * m.indexation->rate->value());
    }

    // 9. tariff
    Decimal total;
    for (const auto& l : b.lines) {
        at.set(source_of(l.line));
        total += l.amount.amount();
    }
    b.total = Money(total);
    at.set("rounding");
    const Money tariff(policy.apply(total));
    if (m.unit == ijw::Unit::minuut) {
        b.hourly_tariff = tariff;
        b.tariff = ijw::minute_tariff(tariff);
    } else {
        b.tariff = tariff;
    }

    b.covered_elements = covered_elements(m);
    for (const auto& e : statutory_elements(m.law))
        if (b.covered_elements.find(e.letter) == std::string::npos) b.uncovered_elements += e.letter;
    return b;
}
}  // namespace

BuildUp build_up(const CostModel& m, const std::string& path) {
    if (m.staff.empty()) throw InvalidInput("staff: at least one staff line is required");
    ModelPart at;
    try {
        return compute(m, at);
    } catch (const Overflow& e) {
        if (!e.path().empty()) throw;
        throw Overflow(e.message(), Location::at(at.path(path)));
    }
}

}  // namespace zorginkoop
