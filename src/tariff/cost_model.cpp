// Reading and writing cost models (docs/cost-model.md).

#include "zorginkoop/tariff/cost_model.hpp"

#include <algorithm>

#include "zorginkoop/io/reader.hpp"
#include "../io/fields.hpp"

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
std::size_t one_form(MapReader& m, const std::vector<std::vector<const char*>>& forms) {
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
        mode = v->enumeration(rounding_mode_table);
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

// ---- the field tables of the cost model (engine: io/fields.hpp) ------------------------------
// The structs whose keys are read and written alike are tables; the checks across keys (hours,
// client_bound_other, overhead, indexation, rounding) stay hand-written below.

Node plain(const std::string& s) { return Node::scalar(s, Node::Style::plain); }
Node quoted(const std::string& s) { return Node::scalar(s, Node::Style::quoted); }
Node dec(const Decimal& d) { return quoted(d.to_string()); }

/// The reader of the cost model for the engine: the values as io::Reader gives them.
struct ModelCtx {
    template <class F>
    auto opt(MapReader& m, const char* key, F f) -> std::optional<std::decay_t<decltype(f(std::declval<const Reader&>()))>> {
        if (auto v = m.value(key)) return f(*v);
        return std::nullopt;
    }
    MapReader map(const Reader& r) { return MapReader(r); }
    template <class S>
    void check(const S&, const Reader&) {}
};

/// Money that is not negative.
struct NonNegativeMoney : io::fields::ByValue {
    Money read(ModelCtx&, const Reader& r) const { return Money(non_negative(r)); }
    Node write(const Money& m) const { return quoted(m.to_string()); }
};
/// A decimal that is not negative.
struct NonNegativeDecimal : io::fields::ByValue {
    Decimal read(ModelCtx&, const Reader& r) const { return non_negative(r); }
    Node write(const Decimal& d) const { return dec(d); }
};
/// A rate that is not negative.
struct NonNegativeRate : io::fields::ByValue {
    Rate read(ModelCtx&, const Reader& r) const { return Rate(non_negative(r)); }
    Node write(const Rate& x) const { return dec(x.value()); }
};
/// A decimal above zero.
struct PositiveDecimal : io::fields::ByValue {
    Decimal read(ModelCtx&, const Reader& r) const { return positive(r); }
    Node write(const Decimal& d) const { return dec(d); }
};
/// A fraction above 0 and at most 1.
struct Occupancy : io::fields::ByValue {
    Rate read(ModelCtx&, const Reader& r) const { return occupancy(r); }
    Node write(const Rate& x) const { return dec(x.value()); }
};
/// A text member that is empty when not given, and is written only when not empty.
struct TextIfGiven {
    static constexpr bool required = false;
    void read(ModelCtx&, MapReader& m, const char* key, std::string& out) const {
        if (auto v = m.value(key)) out = v->text();
    }
    void write(Node& map, const char* key, const std::string& s) const {
        if (!s.empty()) map.add(key, quoted(s));
    }
    bool equal(const std::string& a, const std::string& b) const { return a == b; }
};

/// One form of an element that has several (travel: per_hour | km_per_hour, rate_per_km |
/// per_unit): the form and the rows of its keys, every one required.
template <class E, class Rows>
struct Form {
    typename E::Form form;
    Rows rows;
};
template <class E, class... R>
Form<E, std::tuple<R...>> form(typename E::Form f, R... rows) {
    return {f, std::tuple<R...>{rows...}};
}
template <class E>
struct Forms;  // per element: `what` (its key) and list(), the forms in the order of the format

}  // namespace
}  // namespace zorginkoop

namespace zorginkoop::io::fields {

template <>
struct Fields<CaoReference> {
    static constexpr const char* what = "cao (name, scale, step, scale_amount)";
    static constexpr const char* def = "cao";
    static constexpr const char* description = nullptr;
    static auto list() {
        return std::make_tuple(field("name", &CaoReference::name, TextIfGiven{}),
                               field("scale", &CaoReference::scale, TextIfGiven{}),
                               field("step", &CaoReference::step, TextIfGiven{}),
                               field("scale_amount", &CaoReference::scale_amount, opt(NonNegativeMoney{})));
    }
};

template <>
struct Fields<StaffLine> {
    static constexpr const char* what = "a staff line";
    static constexpr const char* def = "staff_line";
    static constexpr const char* description = nullptr;
    static auto list() {
        using S = StaffLine;
        return std::make_tuple(field("function", &S::function, TextIfGiven{}),
                               field("monthly_salary", &S::monthly_salary, req(NonNegativeMoney{})),
                               field("cao", &S::cao, opt(Struct<CaoReference>{})),
                               field("share", &S::share, req(NonNegativeDecimal{})),
                               field("holiday_pay", &S::holiday_pay, opt(NonNegativeRate{})),
                               field("year_end_bonus", &S::year_end_bonus, opt(NonNegativeRate{})),
                               field("irregular_hours", &S::irregular_hours, opt(NonNegativeRate{})),
                               field("other_allowances", &S::other_allowances, opt(NonNegativeRate{})),
                               field("employer_charges", &S::employer_charges, opt(NonNegativeRate{})));
    }
};

template <>
struct Fields<RiskMargin> {
    static constexpr const char* what = "risk_margin";
    static constexpr const char* def = "risk_margin";
    static constexpr const char* description = nullptr;
    static auto list() {
        return std::make_tuple(field("rate", &RiskMargin::rate, req(NonNegativeRate{})),
                               field("note", &RiskMargin::note, TextIfGiven{}));
    }
};

template <>
struct Fields<Delivery> {
    static constexpr const char* what = "delivery";
    static constexpr const char* def = "delivery";
    static constexpr const char* description = nullptr;
    static auto list() {
        using D = Delivery;
        return std::make_tuple(field("staff_hours_per_unit", &D::staff_hours_per_unit, opt(PositiveDecimal{})),
                               field("staff_per_group", &D::staff_per_group, opt(PositiveDecimal{})),
                               field("group_size", &D::group_size, opt(PositiveDecimal{})),
                               field("occupancy", &D::occupancy, opt(Occupancy{})));
    }
};

}  // namespace zorginkoop::io::fields

namespace zorginkoop {
namespace {

using io::fields::field;
using io::fields::req;

template <>
struct Forms<Travel> {
    static constexpr const char* what = "travel";
    static auto list() {
        using T = Travel;
        return std::make_tuple(form<T>(T::Form::per_hour, field("per_hour", &T::amount, req(NonNegativeMoney{}))),
                               form<T>(T::Form::per_km, field("km_per_hour", &T::km_per_hour, req(NonNegativeDecimal{})),
                                       field("rate_per_km", &T::rate_per_km, req(NonNegativeMoney{}))),
                               form<T>(T::Form::per_unit, field("per_unit", &T::amount, req(NonNegativeMoney{}))));
    }
};

template <>
struct Forms<Training> {
    static constexpr const char* what = "training";
    static auto list() {
        using T = Training;
        return std::make_tuple(
            form<T>(T::Form::share_of_personnel, field("share_of_personnel", &T::share, req(NonNegativeRate{}))),
            form<T>(T::Form::per_fte_year, field("per_fte_year", &T::amount, req(NonNegativeMoney{}))),
            form<T>(T::Form::per_unit, field("per_unit", &T::amount, req(NonNegativeMoney{}))));
    }
};

template <>
struct Forms<MunicipalObligations> {
    static constexpr const char* what = "municipal_obligations";
    static auto list() {
        using T = MunicipalObligations;
        return std::make_tuple(
            form<T>(T::Form::per_hour, field("per_hour", &T::amount, req(NonNegativeMoney{}))),
            form<T>(T::Form::hours_per_unit, field("hours_per_unit", &T::hours_per_unit, req(NonNegativeDecimal{}))),
            form<T>(T::Form::per_unit, field("per_unit", &T::amount, req(NonNegativeMoney{}))));
    }
};

/// Reads an element with several forms: exactly one form's keys (one_form), each required, then
/// the note.
template <class E>
E read_forms(const Reader& r) {
    ModelCtx ctx;
    MapReader b(r);
    const auto forms = Forms<E>::list();
    std::vector<std::vector<const char*>> groups;
    std::apply([&](const auto&... f) {
        (groups.push_back(std::apply([](const auto&... row) { return std::vector<const char*>{row.key...}; }, f.rows)),
         ...);
    }, forms);
    const std::size_t chosen = one_form(b, groups);
    E e;
    std::size_t i = 0;
    std::apply([&](const auto&... f) {
        const auto read_one = [&](const auto& form) {
            if (i++ != chosen) return;
            e.form = form.form;
            std::apply([&](const auto&... row) { (row.codec.read(ctx, b, row.key, row.get(e)), ...); }, form.rows);
        };
        (read_one(f), ...);
    }, forms);
    e.note = note(b);
    b.finish(Forms<E>::what);
    return e;
}

/// Writes the keys of the element's form, then the note.
template <class E>
Node write_forms(const E& e) {
    Node t = Node::mapping();
    std::apply([&](const auto&... f) {
        const auto write_one = [&](const auto& form) {
            if (form.form != e.form) return;
            std::apply([&](const auto&... row) { (row.codec.write(t, row.key, row.get(e)), ...); }, form.rows);
        };
        (write_one(f), ...);
    }, Forms<E>::list());
    if (!e.note.empty()) t.add("note", quoted(e.note));
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
    c.law = m.require("law").enumeration(law_table);
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
        ModelCtx ctx;
        for (const auto& l : lines) {
            c.staff.push_back(io::fields::Struct<StaffLine>{}.read(ctx, l));
            shares += c.staff.back().share;
        }
        if (shares != Decimal(1))
            staff.invalid("the shares (" + staff.path() + "[].share) sum to " + shares.to_string() +
                          "; they must sum to exactly 1");
    }
    const Reader hours_reader = m.require("hours");
    c.hours = read_hours(hours_reader);

    if (auto v = m.value("travel")) c.travel = read_forms<Travel>(*v);
    if (auto v = m.value("training")) c.training = read_forms<Training>(*v);
    if (auto v = m.value("municipal_obligations")) c.municipal_obligations = read_forms<MunicipalObligations>(*v);
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
            o.convention = conv->enumeration(overhead_convention_table);
        if (o.effective_convention() == OverheadConvention::share && o.rate.value() >= Decimal(1))
            b.require("rate").invalid("must be below 1 with convention share");
        o.note = note(b);
        b.finish("overhead");
        c.overhead = o;
    }
    if (auto v = m.value("risk_margin")) {
        ModelCtx ctx;
        c.risk_margin = io::fields::Struct<RiskMargin>{}.read(ctx, *v);
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
        ModelCtx ctx;
        c.delivery = io::fields::Struct<Delivery>{}.read(ctx, *delivery_reader);
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
    for (const auto& s : staff) staff_node.push_back(io::fields::write_fields(s));
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
    if (travel) n.add("travel", write_forms(*travel));
    if (training) n.add("training", write_forms(*training));
    if (municipal_obligations) n.add("municipal_obligations", write_forms(*municipal_obligations));
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
            t.add("convention", plain(overhead_convention_table.name(*overhead->convention)));
        add_note(t, overhead->note);
        n.add("overhead", t);
    }
    if (risk_margin) n.add("risk_margin", io::fields::write_fields(*risk_margin));
    if (indexation) {
        Node t = Node::mapping();
        if (indexation->clause) t.add("clause", plain("true"));
        if (indexation->rate) t.add("rate", dec(indexation->rate->value()));
        add_note(t, indexation->note);
        n.add("indexation", t);
    }
    Node d = io::fields::write_fields(delivery);
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
