// Reading and writing cost models (docs/cost-model.md).

#include "zorginkoop/tariff/cost_model.hpp"

#include <algorithm>

#include "zorginkoop/io/reader.hpp"

namespace zorginkoop {
namespace {

using io::MapReader;
using io::Node;
using io::Reader;

Decimal non_negative(const Reader& r) {
    const Decimal d = r.decimal();
    if (d.sign() < 0) r.invalid("must not be negative (got " + d.to_string() + ")");
    return d;
}
Decimal positive(const Reader& r) {
    const Decimal d = r.decimal();
    if (d.sign() <= 0) r.invalid("must be positive (got " + d.to_string() + ")");
    return d;
}
Rate fraction_below_one(const Reader& r) {
    const Decimal d = r.decimal();
    if (d.sign() < 0 || d >= Decimal(1)) r.invalid("must be a fraction from 0 up to (not including) 1, got " + d.to_string());
    return Rate(d);
}
Rate occupancy(const Reader& r) {
    const Decimal d = r.decimal();
    if (d.sign() <= 0 || d > Decimal(1)) r.invalid("must be a fraction above 0 and at most 1, got " + d.to_string());
    return Rate(d);
}
std::string note(MapReader& m) {
    auto n = m.value("note");
    return n ? n->text() : std::string();
}

/// Exactly one of the key groups must be present (complete); returns its index.
std::size_t one_form(MapReader& m, std::initializer_list<std::initializer_list<const char*>> forms) {
    std::vector<std::size_t> found;
    std::size_t i = 0;
    for (const auto& f : forms) {
        for (const char* k : f)
            if (m.has(k)) {
                found.push_back(i);
                break;
            }
        ++i;
    }
    if (found.empty())
        for (const auto& f : forms)
            for (const char* k : f) m.reject_misspelling_of(k);
    if (found.size() != 1) {
        std::string names;
        for (const auto& f : forms) {
            std::string group;
            for (const char* k : f) group += (group.empty() ? "" : ", ") + std::string(k);
            names += (names.empty() ? "{" : " | {") + group + "}";
        }
        m.reader().fail(found.empty() ? "give one of " + names : "give only one of " + names);
    }
    i = 0;
    for (const auto& f : forms) {
        if (i++ != found[0]) continue;
        for (const char* k : f)
            if (!m.has(k)) {
                std::string group;
                for (const char* g : f) group += (group.empty() ? "" : ", ") + std::string(g);
                Location at = m.reader().where();
                at.path += std::string(".") + k;
                throw ParseError(std::string("'") + k + "' is required together with " + group, at);
            }
    }
    return found[0];
}

std::optional<Rate> opt_rate_nonneg(MapReader& m, const char* key) {
    auto r = m.value(key);
    if (!r) return std::nullopt;
    return Rate(non_negative(*r));
}

StaffLine read_staff_line(const Reader& r) {
    MapReader m(r);
    StaffLine s;
    if (auto f = m.value("function")) s.function = f->text();
    s.monthly_salary = Money(non_negative(m.require("monthly_salary")));
    if (auto c = m.value("cao")) {
        MapReader cm(*c);
        CaoReference cao;
        if (auto x = cm.value("name")) cao.name = x->text();
        if (auto x = cm.value("scale")) cao.scale = x->text();
        if (auto x = cm.value("step")) cao.step = x->text();
        if (auto x = cm.value("scale_amount")) cao.scale_amount = Money(non_negative(*x));
        cm.finish("cao (name, scale, step, scale_amount)");
        s.cao = cao;
    }
    s.share = non_negative(m.require("share"));
    s.holiday_pay = opt_rate_nonneg(m, "holiday_pay");
    s.year_end_bonus = opt_rate_nonneg(m, "year_end_bonus");
    s.irregular_hours = opt_rate_nonneg(m, "irregular_hours");
    s.other_allowances = opt_rate_nonneg(m, "other_allowances");
    s.employer_charges = opt_rate_nonneg(m, "employer_charges");
    m.finish("a staff line");
    return s;
}

const char* const hour_lines[] = {"leave_hours", "public_holiday_hours", "sickness", "training_hours", "meeting_hours", "indirect"};

Hours read_hours(const Reader& r) {
    MapReader m(r);
    Hours h;
    if (auto v = m.value("annual_hours")) h.annual_hours = positive(*v);
    if (auto v = m.value("hours_per_week")) h.hours_per_week = positive(*v);
    if (auto v = m.value("weeks_per_year")) h.weeks_per_year = positive(*v);
    if (h.annual_hours && h.hours_per_week)
        m.get("hours_per_week")->fail("give either annual_hours or hours_per_week, not both");
    if (h.weeks_per_year && !h.hours_per_week) m.get("weeks_per_year")->fail("only allowed together with hours_per_week");
    if (!h.annual_hours && !h.hours_per_week) {
        Location at = r.where();
        at.path += ".annual_hours";
        throw ParseError("required key 'annual_hours' (or hours_per_week) is missing", at);
    }
    if (auto prod = m.value("productivity")) {
        std::string present;
        for (const char* k : hour_lines)
            if (m.has(k)) present += (present.empty() ? "" : ", ") + r.path() + "." + k;
        if (!present.empty()) prod->fail("give either productivity or the hour lines, not both (also present: " + present + ")");
        const Decimal p = prod->decimal();
        if (p.sign() <= 0 || p > Decimal(1)) prod->invalid("must be above 0 and at most 1 (got " + p.to_string() + ")");
        h.productivity = Rate(p);
    } else {
        if (auto v = m.value("leave_hours")) h.leave_hours = non_negative(*v);
        if (auto v = m.value("public_holiday_hours")) h.public_holiday_hours = non_negative(*v);
        if (auto v = m.value("sickness")) h.sickness = fraction_below_one(*v);
        if (auto v = m.value("training_hours")) h.training_hours = non_negative(*v);
        if (auto v = m.value("meeting_hours")) h.meeting_hours = non_negative(*v);
        if (auto v = m.value("indirect")) h.indirect = fraction_below_one(*v);
    }
    m.finish("hours");
    return h;
}

BuildUpRounding read_rounding(const Reader& r) {
    MapReader m(r);
    BuildUpRounding t;
    t.stated = true;
    RoundingMode mode = RoundingMode::half_up;
    int scale = 2;
    std::optional<Decimal> step;
    if (auto v = m.value("mode")) {
        mode = parse_rounding_mode(v->enumeration({"half_up", "half_even", "up", "down"}));
        t.mode_stated = true;
    }
    if (auto v = m.value("scale")) {
        const long long s = v->integer();
        if (s < 0 || s > Decimal::scale) v->invalid("must be between 0 and 18");
        scale = static_cast<int>(s);
        t.scale_stated = true;
    }
    if (auto v = m.value("multiple_of")) {
        step = positive(*v);
        if (step->fraction_digits() > scale)
            v->invalid("has more fractional digits than rounding.scale (" + std::to_string(scale) + ")");
    }
    if (auto v = m.value("at")) {
        t.at_stated = true;
        std::vector<Reader> items;
        if (v->node().is_scalar())
            items.push_back(*v);
        else
            items = v->items();
        for (const auto& it : items) {
            const std::string a = it.enumeration({"final", "line", "hour_cost"});
            t.at_as_given.push_back(a);
            if (a == "line") t.at_line = true;
            if (a == "hour_cost") t.at_hour_cost = true;
        }
    }
    m.finish("rounding");
    t.policy = RoundingPolicy(mode, scale, step);
    return t;
}

}  // namespace

CostModel CostModel::from_node(const Node& node, const std::string& source, const std::string& path) {
    const Reader root(node, path, source);
    MapReader m(root);
    CostModel c;
    if (auto v = m.value("zorginkoop_cost_model")) {
        if (v->integer() != 1) v->fail("unsupported cost model format version " + v->text() + " (this library reads 1)");
    }
    if (auto v = m.value("name")) c.name = v->text();
    c.law = m.require("law").enumeration({"jeugdwet", "wmo2015"}) == "jeugdwet" ? Law::jeugdwet : Law::wmo2015;
    {
        const Reader u = m.require("unit");
        c.unit_as_given = u.text();
        auto unit = ijw::find_unit(c.unit_as_given);
        if (!unit)
            u.fail(detail::quote_text(c.unit_as_given) + " is not a WJ756 unit (01 minuut, 04 uur, 14 etmaal, 16 dagdeel, " +
                   "82 stuks_output, 83 euro, 84 stuks_inspanning)");
        c.unit = *unit;
    }
    {
        const Reader staff = m.require("staff");
        const auto lines = staff.items();
        if (lines.empty()) staff.invalid("at least one staff line is required");
        Decimal shares;
        for (const auto& l : lines) {
            c.staff.push_back(read_staff_line(l));
            shares += c.staff.back().share;
        }
        if (shares != Decimal(1))
            staff.invalid("the shares (" + staff.path() + "[].share) sum to " + shares.to_string() +
                          "; they must sum to exactly 1");
    }
    const Reader hours_reader = m.require("hours");
    c.hours = read_hours(hours_reader);

    if (auto v = m.value("travel")) {
        MapReader b(*v);
        Travel t;
        switch (one_form(b, {{"per_hour"}, {"km_per_hour", "rate_per_km"}, {"per_unit"}})) {
            case 0: t.form = Travel::Form::per_hour; t.amount = Money(non_negative(b.require("per_hour"))); break;
            case 1:
                t.form = Travel::Form::per_km;
                t.km_per_hour = non_negative(b.require("km_per_hour"));
                t.rate_per_km = Money(non_negative(b.require("rate_per_km")));
                break;
            default: t.form = Travel::Form::per_unit; t.amount = Money(non_negative(b.require("per_unit"))); break;
        }
        t.note = note(b);
        b.finish("travel");
        c.travel = t;
    }
    if (auto v = m.value("training")) {
        MapReader b(*v);
        Training t;
        switch (one_form(b, {{"share_of_personnel"}, {"per_fte_year"}, {"per_unit"}})) {
            case 0: t.form = Training::Form::share_of_personnel; t.share = Rate(non_negative(b.require("share_of_personnel"))); break;
            case 1: t.form = Training::Form::per_fte_year; t.amount = Money(non_negative(b.require("per_fte_year"))); break;
            default: t.form = Training::Form::per_unit; t.amount = Money(non_negative(b.require("per_unit"))); break;
        }
        t.note = note(b);
        b.finish("training");
        c.training = t;
    }
    if (auto v = m.value("municipal_obligations")) {
        MapReader b(*v);
        MunicipalObligations t;
        switch (one_form(b, {{"per_hour"}, {"hours_per_unit"}, {"per_unit"}})) {
            case 0: t.form = MunicipalObligations::Form::per_hour; t.amount = Money(non_negative(b.require("per_hour"))); break;
            case 1: t.form = MunicipalObligations::Form::hours_per_unit; t.hours_per_unit = non_negative(b.require("hours_per_unit")); break;
            default: t.form = MunicipalObligations::Form::per_unit; t.amount = Money(non_negative(b.require("per_unit"))); break;
        }
        t.note = note(b);
        b.finish("municipal_obligations");
        c.municipal_obligations = t;
    }
    if (auto v = m.value("client_bound_other")) {
        MapReader b(*v);
        ClientBoundOther t;
        if (one_form(b, {{"per_unit"}, {"per_bed_year", "occupancy"}}) == 0) {
            t.form = ClientBoundOther::Form::per_unit;
            t.per_unit = Money(non_negative(b.require("per_unit")));
        } else {
            t.form = ClientBoundOther::Form::accommodation;
            const Reader pby = b.require("per_bed_year");
            if (c.unit != ijw::Unit::etmaal)
                pby.invalid("accommodation per bed-year is only allowed for unit 14 (etmaal)");
            t.per_bed_year = Money(non_negative(pby));
            t.occupancy = occupancy(b.require("occupancy"));
        }
        t.note = note(b);
        b.finish("client_bound_other");
        c.client_bound_other = t;
    }
    if (auto v = m.value("overhead")) {
        MapReader b(*v);
        Overhead o;
        o.rate = Rate(non_negative(b.require("rate")));
        if (auto conv = b.value("convention"))
            o.convention = conv->enumeration({"markup", "share"}) == "markup" ? OverheadConvention::markup
                                                                              : OverheadConvention::share;
        if (o.effective_convention() == OverheadConvention::share && o.rate.value() >= Decimal(1))
            b.require("rate").invalid("must be below 1 with convention share");
        o.note = note(b);
        b.finish("overhead");
        c.overhead = o;
    }
    if (auto v = m.value("risk_margin")) {
        MapReader b(*v);
        RiskMargin rm;
        rm.rate = Rate(non_negative(b.require("rate")));
        rm.note = note(b);
        b.finish("risk_margin");
        c.risk_margin = rm;
    }
    if (auto v = m.value("indexation")) {
        MapReader b(*v);
        IndexationElement ie;
        const bool has_clause = b.has("clause"), has_rate = b.has("rate");
        if (has_clause == has_rate) v->fail("give exactly one of {clause: true} or {rate}");
        if (has_clause) {
            const Reader cl = b.require("clause");
            if (!cl.boolean()) cl.fail("must be true (leave the indexation block out when it is not covered)");
            ie.clause = true;
        } else {
            ie.rate = Rate(non_negative(b.require("rate")));
        }
        ie.note = note(b);
        b.finish("indexation");
        c.indexation = ie;
    }
    std::optional<Reader> delivery_reader = m.value("delivery");
    if (delivery_reader) {
        MapReader b(*delivery_reader);
        if (auto d = b.value("staff_hours_per_unit")) c.delivery.staff_hours_per_unit = positive(*d);
        if (auto d = b.value("staff_per_group")) c.delivery.staff_per_group = positive(*d);
        if (auto d = b.value("group_size")) c.delivery.group_size = positive(*d);
        if (auto d = b.value("occupancy")) c.delivery.occupancy = occupancy(*d);
        b.finish("delivery");
    }
    if (!c.delivery.staff_hours_per_unit &&
        (c.unit == ijw::Unit::stuks_output || c.unit == ijw::Unit::euro || c.unit == ijw::Unit::stuks_inspanning)) {
        Location at = delivery_reader ? delivery_reader->where() : root.where();
        at.path = (path.empty() ? std::string() : path + ".") + "delivery.staff_hours_per_unit";
        throw ParseError("required for unit " + std::string(ijw::info(c.unit).code) + " (" +
                             std::string(ijw::info(c.unit).label) + "): the staff hours per piece",
                         at);
    }
    if (auto rr = m.value("rounding")) c.rounding = read_rounding(*rr);
    m.finish("a cost model");

    // The productive hours must come out positive.
    {
        const Hours& h = c.hours;
        const Decimal annual = h.annual_hours ? *h.annual_hours
                               : h.weeks_per_year ? *h.hours_per_week * *h.weeks_per_year
                                                  : *h.hours_per_week * Decimal(313) / Decimal(6);
        if (!h.productivity) {
            const Decimal zero;
            const Decimal p = ((annual - h.leave_hours.value_or(zero) - h.public_holiday_hours.value_or(zero)) *
                                   (Decimal(1) - h.sickness.value_or(Rate()).value()) -
                               h.training_hours.value_or(zero) - h.meeting_hours.value_or(zero)) *
                              (Decimal(1) - h.indirect.value_or(Rate()).value());
            if (p.sign() <= 0)
                hours_reader.invalid("the productive hours P come out at " + p.to_string() + "; they must be positive");
        }
    }
    return c;
}

CostModel CostModel::parse_yaml(std::string_view text, const std::string& source) {
    return from_node(io::parse_yaml(text, source), source);
}
CostModel CostModel::parse_json(std::string_view text, const std::string& source) {
    return from_node(io::parse_json(text, source), source);
}
CostModel CostModel::load(const std::string& file) { return from_node(io::read_file(file), file); }

namespace {
Node plain(const std::string& s) { return Node::scalar(s, Node::Style::plain); }
Node quoted(const std::string& s) { return Node::scalar(s, Node::Style::quoted); }
Node dec(const Decimal& d) { return quoted(d.to_string()); }
Node money(const Money& m) { return quoted(m.to_string()); }
void opt(Node& n, const char* key, const std::optional<Decimal>& d) {
    if (d) n.add(key, dec(*d));
}
void opt(Node& n, const char* key, const std::optional<Rate>& r) {
    if (r) n.add(key, dec(r->value()));
}
void add_note(Node& n, const std::string& note) {
    if (!note.empty()) n.add("note", quoted(note));
}
}  // namespace

Node CostModel::to_node() const {
    Node n = Node::mapping();
    n.add("zorginkoop_cost_model", plain(std::to_string(format_version)));
    if (!name.empty()) n.add("name", quoted(name));
    n.add("law", plain(law_name(law)));
    n.add("unit", quoted(unit_as_given.empty() ? std::string(ijw::info(unit).code) : unit_as_given));
    Node staff_node = Node::sequence();
    for (const auto& s : staff) {
        Node l = Node::mapping();
        if (!s.function.empty()) l.add("function", quoted(s.function));
        l.add("monthly_salary", money(s.monthly_salary));
        if (s.cao) {
            Node c = Node::mapping();
            if (!s.cao->name.empty()) c.add("name", quoted(s.cao->name));
            if (!s.cao->scale.empty()) c.add("scale", quoted(s.cao->scale));
            if (!s.cao->step.empty()) c.add("step", quoted(s.cao->step));
            if (s.cao->scale_amount) c.add("scale_amount", money(*s.cao->scale_amount));
            l.add("cao", c);
        }
        l.add("share", dec(s.share));
        opt(l, "holiday_pay", s.holiday_pay);
        opt(l, "year_end_bonus", s.year_end_bonus);
        opt(l, "irregular_hours", s.irregular_hours);
        opt(l, "other_allowances", s.other_allowances);
        opt(l, "employer_charges", s.employer_charges);
        staff_node.push_back(l);
    }
    n.add("staff", staff_node);
    Node h = Node::mapping();
    opt(h, "annual_hours", hours.annual_hours);
    opt(h, "hours_per_week", hours.hours_per_week);
    opt(h, "weeks_per_year", hours.weeks_per_year);
    opt(h, "leave_hours", hours.leave_hours);
    opt(h, "public_holiday_hours", hours.public_holiday_hours);
    opt(h, "sickness", hours.sickness);
    opt(h, "training_hours", hours.training_hours);
    opt(h, "meeting_hours", hours.meeting_hours);
    opt(h, "indirect", hours.indirect);
    opt(h, "productivity", hours.productivity);
    n.add("hours", h);
    if (travel) {
        Node t = Node::mapping();
        if (travel->form == Travel::Form::per_hour) t.add("per_hour", money(travel->amount));
        if (travel->form == Travel::Form::per_km) {
            t.add("km_per_hour", dec(travel->km_per_hour));
            t.add("rate_per_km", money(travel->rate_per_km));
        }
        if (travel->form == Travel::Form::per_unit) t.add("per_unit", money(travel->amount));
        add_note(t, travel->note);
        n.add("travel", t);
    }
    if (training) {
        Node t = Node::mapping();
        if (training->form == Training::Form::share_of_personnel) t.add("share_of_personnel", dec(training->share.value()));
        if (training->form == Training::Form::per_fte_year) t.add("per_fte_year", money(training->amount));
        if (training->form == Training::Form::per_unit) t.add("per_unit", money(training->amount));
        add_note(t, training->note);
        n.add("training", t);
    }
    if (municipal_obligations) {
        Node t = Node::mapping();
        const auto& o = *municipal_obligations;
        if (o.form == MunicipalObligations::Form::per_hour) t.add("per_hour", money(o.amount));
        if (o.form == MunicipalObligations::Form::hours_per_unit) t.add("hours_per_unit", dec(o.hours_per_unit));
        if (o.form == MunicipalObligations::Form::per_unit) t.add("per_unit", money(o.amount));
        add_note(t, o.note);
        n.add("municipal_obligations", t);
    }
    if (client_bound_other) {
        Node t = Node::mapping();
        const auto& o = *client_bound_other;
        if (o.form == ClientBoundOther::Form::per_unit) {
            t.add("per_unit", money(o.per_unit));
        } else {
            t.add("per_bed_year", money(o.per_bed_year));
            t.add("occupancy", dec(o.occupancy.value()));
        }
        add_note(t, o.note);
        n.add("client_bound_other", t);
    }
    if (overhead) {
        Node t = Node::mapping();
        t.add("rate", dec(overhead->rate.value()));
        if (overhead->convention)
            t.add("convention", plain(*overhead->convention == OverheadConvention::markup ? "markup" : "share"));
        add_note(t, overhead->note);
        n.add("overhead", t);
    }
    if (risk_margin) {
        Node t = Node::mapping();
        t.add("rate", dec(risk_margin->rate.value()));
        add_note(t, risk_margin->note);
        n.add("risk_margin", t);
    }
    if (indexation) {
        Node t = Node::mapping();
        if (indexation->clause) t.add("clause", plain("true"));
        if (indexation->rate) t.add("rate", dec(indexation->rate->value()));
        add_note(t, indexation->note);
        n.add("indexation", t);
    }
    Node d = Node::mapping();
    opt(d, "staff_hours_per_unit", delivery.staff_hours_per_unit);
    opt(d, "staff_per_group", delivery.staff_per_group);
    opt(d, "group_size", delivery.group_size);
    opt(d, "occupancy", delivery.occupancy);
    if (!d.members().empty()) n.add("delivery", d);
    if (rounding.stated) {
        Node r = Node::mapping();
        if (rounding.mode_stated) r.add("mode", plain(rounding_mode_name(rounding.policy.mode)));
        if (rounding.scale_stated) r.add("scale", plain(std::to_string(rounding.policy.scale)));
        if (rounding.policy.multiple_of) r.add("multiple_of", dec(*rounding.policy.multiple_of));
        if (rounding.at_stated) {
            Node at = Node::sequence();
            for (const auto& a : rounding.at_as_given) at.push_back(plain(a));
            r.add("at", at);
        }
        n.add("rounding", r);
    }
    return n;
}

bool operator==(const CostModel& a, const CostModel& b) {
    return a.format_version == b.format_version && a.name == b.name && a.law == b.law && a.unit == b.unit &&
           a.staff == b.staff && a.hours == b.hours && a.travel == b.travel && a.training == b.training &&
           a.municipal_obligations == b.municipal_obligations && a.client_bound_other == b.client_bound_other &&
           a.overhead == b.overhead && a.risk_margin == b.risk_margin && a.indexation == b.indexation &&
           a.delivery == b.delivery && a.rounding == b.rounding;
}

}  // namespace zorginkoop
