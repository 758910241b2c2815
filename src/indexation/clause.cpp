// IndexationClause: the strict reader of the clause format (docs/indexation-clause.md) and the computations (rate, schedule,
// budgets, catch-up as money).

#include "zorginkoop/indexation/clause.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "zorginkoop/core/rate.hpp"
#include "zorginkoop/indexation/check.hpp"

namespace zorginkoop {
namespace {

constexpr int max_scale = Decimal::scale - 2;  // a percentage keeps 16 decimals of a fraction's 18

const Decimal& hundred() {
    static const Decimal h(100);
    return h;
}

Decimal fraction(const Decimal& percent) { return percent / hundred(); }
Decimal percent_of(const Decimal& fraction_value) { return fraction_value * hundred(); }

std::string join_path(const std::string& base, const std::string& key) {
    return base.empty() ? key : base + "." + key;
}

Location component_series_where(const IndexComponent& c, std::size_t i, const Location& clause) {
    if (!c.where.path.empty() || c.where.line != 0) return c.where;
    return Location::at(join_path(clause.path, "components[" + std::to_string(i) + "].series")).in(clause.source);
}

int read_scale(const io::Reader& r) {
    const long long s = r.integer();
    if (s < 0 || s > max_scale) r.invalid("scale must be between 0 and " + std::to_string(max_scale) + ", got " + r.text());
    return static_cast<int>(s);
}

RoundingMode read_mode(const io::Reader& r) {
    return r.enumeration(rounding_mode_table);
}

void check_scale(int scale, const Location& at) {
    if (scale < 0 || scale > max_scale)
        throw InvalidInput("scale must be between 0 and " + std::to_string(max_scale) + ", got " + std::to_string(scale),
                           at);
}

const IndexSeries& series_of(const IndexComponent& c, std::size_t i, const IndexSeriesSet& set,
                             const Location& clause_where) {
    if (const IndexSeries* s = set.find(c.series)) return *s;
    std::string known;
    for (const std::string& id : set.ids()) known += (known.empty() ? "" : ", ") + id;
    throw InvalidInput("unknown index series '" + c.series + "' (known: " + (known.empty() ? "none" : known) +
                           "; add a series with this id)",
                       component_series_where(c, i, clause_where));
}

UsedFigure used(const std::string& series, const IndexFigure& f) {
    return UsedFigure{series, f.year, f.status, f.percent, f.source, f.published, f.note, f.conflicting, std::nullopt, false};
}

/// C over year - 1, as a fraction; fills the components' catch-up details and the figures.
Decimal catch_up_fraction(const IndexationClause& clause, int year, const std::vector<const IndexSeries*>& series,
                          std::vector<ComponentDerivation>& comps, std::vector<UsedFigure>& figures) {
    const auto& components = clause.components();
    const Decimal one(1);
    if (clause.catch_up() == CatchUp::multiplicative) {
        Decimal c;
        for (std::size_t i = 0; i < components.size(); ++i) {
            const IndexFigure& prov = series[i]->figure(year - 1, IndexStatus::provisional);
            figures.push_back(used(series[i]->id(), prov));
            const IndexFigure& def = series[i]->figure(year - 1, IndexStatus::definitive);
            figures.push_back(used(series[i]->id(), def));
            const Decimal factor_minus_one = (one + fraction(def.percent)) / (one + fraction(prov.percent)) - one;
            const Decimal term = components[i].weight * factor_minus_one;
            comps[i].previous_provisional_percent = prov.percent;
            comps[i].previous_definitive_percent = def.percent;
            comps[i].catch_up_factor_minus_one_percent = percent_of(factor_minus_one);
            comps[i].catch_up_term_percent = percent_of(term);
            c += term;
        }
        return c;
    }
    // additive
    Decimal weighted_def, weighted_prov;
    for (std::size_t i = 0; i < components.size(); ++i) {
        const IndexFigure& prov = series[i]->figure(year - 1, IndexStatus::provisional);
        figures.push_back(used(series[i]->id(), prov));
        const IndexFigure& def = series[i]->figure(year - 1, IndexStatus::definitive);
        figures.push_back(used(series[i]->id(), def));
        const Decimal wd = components[i].weight * fraction(def.percent);
        const Decimal wp = components[i].weight * fraction(prov.percent);
        weighted_def += wd;
        weighted_prov += wp;
        comps[i].previous_provisional_percent = prov.percent;
        comps[i].previous_definitive_percent = def.percent;
        comps[i].catch_up_term_percent = percent_of(wd - wp);
    }
    return weighted_def - weighted_prov;
}

std::vector<const IndexSeries*> resolve(const IndexationClause& clause, const IndexSeriesSet& set) {
    std::vector<const IndexSeries*> out;
    const auto& components = clause.components();
    for (std::size_t i = 0; i < components.size(); ++i)
        out.push_back(&series_of(components[i], i, set, clause.terms().where));
    return out;
}

io::Node quoted(const std::string& s) { return io::Node::scalar(s, io::Node::Style::quoted); }
io::Node plain(const std::string& s) { return io::Node::scalar(s, io::Node::Style::plain); }

}  // namespace

// ------------------------------------------------------------------------------------- MonthDay

MonthDay MonthDay::parse(std::string_view text) {
    auto bad = [&](const std::string& why) {
        return InvalidInput(zorginkoop::detail::quote_text(text, 20) + " is not an effective day MM-DD: " + why);
    };
    if (text.size() != 5 || text[2] != '-') throw bad("expected the form MM-DD, e.g. 01-01");
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (text[i] < '0' || text[i] > '9') throw bad("non-digit character");
    const unsigned m = static_cast<unsigned>((text[0] - '0') * 10 + (text[1] - '0'));
    const unsigned d = static_cast<unsigned>((text[3] - '0') * 10 + (text[4] - '0'));
    if (m < 1 || m > 12) throw bad("month out of range");
    if (m == 2 && d == 29) throw bad("29 February does not exist in every year");
    // 2023 is not a leap year: a day that exists in 2023 exists in every year.
    const Date probe{date::year{2023}, date::month{m}, date::day{d}};
    if (d < 1 || !probe.ok()) throw bad("day does not exist in that month");
    return MonthDay{m, d};
}

std::string MonthDay::to_string() const {
    return DefinitiveDue{month, day, {}}.day_text();  // the one "MM-DD" writer (series.cpp)
}

// ------------------------------------------------------------------------------------- clause

IndexationClause::IndexationClause(Terms terms) : terms_(std::move(terms)) {
    const Location& at = terms_.where;
    const Location comps_at = at.with_path(join_path(at.path, "components"));
    if (terms_.components.empty()) throw InvalidInput("a clause needs at least one component", comps_at);
    Decimal sum;
    for (std::size_t i = 0; i < terms_.components.size(); ++i) {
        const IndexComponent& c = terms_.components[i];
        const std::string base = join_path(at.path, "components[" + std::to_string(i) + "]");
        if (c.series.find_first_not_of(" \t") == std::string::npos)
            throw InvalidInput("a component needs a series id", Location::at(base + ".series").in(at.source));
        if (c.weight.sign() < 0)
            throw InvalidInput("a weight must not be negative, got " + c.weight.to_string(),
                               Location::at(base + ".weight").in(at.source));
        for (std::size_t j = 0; j < i; ++j)
            if (terms_.components[j].series == c.series)
                throw InvalidInput("series " + c.series + " appears twice", component_series_where(c, i, at));
        sum += c.weight;
    }
    if (sum != Decimal(1))
        throw InvalidInput("the weights sum to " + sum.to_string() + "; they must sum to exactly 1", comps_at);
    if (terms_.rate_rounding) check_scale(terms_.rate_rounding->scale, Location::at(join_path(at.path, "rate_rounding.scale")).in(at.source));
    if (terms_.tariff_rounding)
        check_scale(terms_.tariff_rounding->scale, Location::at(join_path(at.path, "tariff_rounding.scale")).in(at.source));
}

namespace detail {

IndexationClause::Terms read_indexation_terms(const io::Reader& outer, std::vector<ClauseProblem>* collect) {
    io::Reader r = outer;
    if (outer.node().is_mapping() && outer.node().members().size() == 1 &&
        outer.node().members()[0].key == "indexation")
        r = outer.member(outer.node().members()[0]);
    io::reject_unknown_keys(r,
                        {"components", "catch_up", "first_contract_year_catch_up", "rate_rounding", "tariff_rounding",
                         "effective"},
                        "an indexation clause");
    io::MapReader m(r);
    IndexationClause::Terms t;
    t.where = r.where();

    // Weight problems are thrown, or, when collecting (the completeness check), recorded.
    auto weight_problem = [&](const io::Reader& at, const std::string& code, const std::string& message,
                              std::vector<std::pair<std::string, std::string>> params, const std::string& series) {
        if (!collect) at.invalid(message);
        ClauseProblem p = clause_problem(code, message, std::move(params), at.where());
        p.series = series;
        collect->push_back(std::move(p));
    };
    {
        io::Reader comps = m.require("components");
        const std::vector<io::Reader> items = comps.items();
        if (items.empty()) comps.invalid("a clause needs at least one component");
        Decimal sum;
        for (const io::Reader& item : items) {
            io::reject_unknown_keys(item, {"series", "weight"}, "an index component");
            io::MapReader c(item);
            IndexComponent comp;
            io::Reader s = c.require("series");
            comp.series = s.text();
            if (comp.series.find_first_not_of(" \t") == std::string::npos) s.invalid("a component needs a series id");
            comp.where = s.where();
            io::Reader w = c.require("weight");
            comp.weight = w.decimal();
            c.finish("an index component");
            if (comp.weight.sign() < 0)
                weight_problem(w, "negative_weight", "a weight must not be negative, got " + comp.weight.to_string(),
                               {{"series", comp.series}, {"weight", comp.weight.to_string()}}, comp.series);
            bool twice = false;
            for (const IndexComponent& earlier : t.components) twice = twice || earlier.series == comp.series;
            sum += comp.weight;
            if (twice) {
                weight_problem(s, "duplicate_series", "series " + comp.series + " appears twice",
                               {{"series", comp.series}}, comp.series);
                continue;
            }
            t.components.push_back(std::move(comp));
        }
        if (sum != Decimal(1))
            weight_problem(comps, "weights_sum",
                           "the weights sum to " + sum.to_string() + "; they must sum to exactly 1",
                           {{"sum", sum.to_string()}}, "");
    }
    if (auto v = m.value("catch_up")) {
        t.catch_up = v->enumeration(catch_up_table);
    }
    if (auto v = m.value("first_contract_year_catch_up")) t.first_contract_year_catch_up = v->boolean();
    if (auto v = m.value("rate_rounding")) {
        io::reject_unknown_keys(*v, {"scale", "mode", "at"}, "rate_rounding");
        io::MapReader rr(*v);
        RateRounding x;
        x.at = RateRoundingAt::total;  // a stated rate_rounding without `at` rounds the total
        if (auto s = rr.value("scale")) x.scale = read_scale(*s);
        if (auto s = rr.value("mode")) x.mode = read_mode(*s);
        if (auto s = rr.value("at")) x.at = s->enumeration(rate_rounding_at_table);
        rr.finish("rate_rounding");
        t.rate_rounding = x;
    }
    if (auto v = m.value("tariff_rounding")) {
        io::reject_unknown_keys(*v, {"scale", "mode", "chain"}, "tariff_rounding");
        io::MapReader tr(*v);
        TariffRounding x;
        if (auto s = tr.value("scale")) x.scale = read_scale(*s);
        if (auto s = tr.value("mode")) x.mode = read_mode(*s);
        if (auto s = tr.value("chain")) x.chain = s->enumeration(tariff_chain_table);
        tr.finish("tariff_rounding");
        t.tariff_rounding = x;
    }
    if (auto v = m.value("effective")) {
        const std::string text = v->text();
        try {
            t.effective = MonthDay::parse(text);
        } catch (const InvalidInput& e) {
            v->fail(e.message());
        }
    }
    m.finish("an indexation clause");
    return t;
}

}  // namespace detail

IndexationClause IndexationClause::from_node(const io::Reader& r) {
    return IndexationClause(detail::read_indexation_terms(r, nullptr));
}

IndexationClause IndexationClause::from_node(const io::Node& n, const std::string& source) {
    return from_node(io::Reader(n, "", source));
}

IndexationClause IndexationClause::from_node(const io::Reader& r, const IndexSeriesSet& known) {
    IndexationClause c = from_node(r);
    c.validate(known);
    return c;
}

IndexationClause IndexationClause::parse(std::string_view text, const std::string& source) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    const bool json = first != std::string_view::npos && text[first] == '{';
    const io::Node n = json ? io::parse_json(text, source) : io::parse_yaml(text, source);
    return from_node(n, source);
}

IndexationClause IndexationClause::load(const std::string& path) { return from_node(io::read_file(path), path); }

void IndexationClause::validate(const IndexSeriesSet& known) const { (void)resolve(*this, known); }

bool IndexationClause::catch_up_applies(int year, std::optional<int> first_contract_year) const {
    if (catch_up() == CatchUp::none) return false;
    if (first_contract_year && !first_contract_year_catch_up() && year - 1 <= *first_contract_year) return false;
    return true;
}

RateDerivation IndexationClause::rate(int year, const IndexSeriesSet& set, std::optional<int> first_contract_year,
                                     std::optional<Date> as_of) const {
    const std::vector<const IndexSeries*> series = resolve(*this, set);
    RateDerivation d;
    d.year = year;
    d.effective = effective().in_year(year);
    d.catch_up_method = catch_up();
    d.first_contract_year = first_contract_year;
    d.rounding = rate_rounding();

    Decimal wp;
    for (std::size_t i = 0; i < components().size(); ++i) {
        const IndexComponent& c = components()[i];
        const IndexFigure& prov = series[i]->figure(year, IndexStatus::provisional);
        d.figures.push_back(used(series[i]->id(), prov));
        const Decimal term = c.weight * fraction(prov.percent);
        wp += term;
        ComponentDerivation cd;
        cd.series = c.series;
        cd.weight = c.weight;
        cd.provisional_percent = prov.percent;
        cd.weighted_provisional_percent = percent_of(term);
        d.components.push_back(std::move(cd));
    }

    Decimal cu;
    d.catch_up_applied = catch_up_applies(year, first_contract_year);
    if (d.catch_up_applied)
        cu = catch_up_fraction(*this, year, series, d.components, d.figures);
    else
        d.catch_up_skipped = catch_up() == CatchUp::none ? "none" : "first_contract_year";

    const Decimal wp_pct = percent_of(wp);
    const Decimal cu_pct = percent_of(cu);
    const Decimal raw = wp_pct + cu_pct;
    d.unrounded_weighted_provisional_percent = wp_pct;
    d.unrounded_catch_up_percent = cu_pct;
    d.unrounded_rate_percent = raw;
    const RateRounding& rr = d.rounding;
    switch (rr.at) {
        case RateRoundingAt::parts:
            d.weighted_provisional_percent = wp_pct.round_to_scale(rr.scale, rr.mode);
            d.catch_up_percent = cu_pct.round_to_scale(rr.scale, rr.mode);
            d.rate_percent = d.weighted_provisional_percent + d.catch_up_percent;
            break;
        case RateRoundingAt::total:
            d.weighted_provisional_percent = wp_pct;
            d.catch_up_percent = cu_pct;
            d.rate_percent = raw.round_to_scale(rr.scale, rr.mode);
            break;
        case RateRoundingAt::none:
            d.weighted_provisional_percent = wp_pct;
            d.catch_up_percent = cu_pct;
            d.rate_percent = raw;
            break;
    }
    if (as_of) mark_overdue(d, set, *as_of);
    return d;
}

Schedule IndexationClause::schedule_with(const Money& base, int base_year, int to_year, const IndexSeriesSet& set,
                                         const TariffRounding& tr, std::optional<int> first_contract_year,
                                         std::optional<Date> as_of) const {
    if (to_year < base_year)
        throw InvalidInput("the last year (" + std::to_string(to_year) + ") is before the base year (" +
                           std::to_string(base_year) + ")");
    if (base.sign() < 0) throw InvalidInput("a tariff or budget to index must not be negative, got " + base.to_string());
    const RoundingPolicy policy = tr.policy();
    Schedule s;
    s.base_year = base_year;
    s.base_tariff = base;
    s.rounding = tr;
    s.first_contract_year = first_contract_year;
    const Decimal one(1);
    Decimal cumulative = one;
    Money current = base;
    for (int year = base_year + 1; year <= to_year; ++year) {
        ScheduleRow row;
        row.year = year;
        row.rate = rate(year, set, first_contract_year, as_of);
        row.factor = one + row.rate.rate().value();
        cumulative = cumulative * row.factor;
        row.cumulative_factor = cumulative;
        if (tr.chain == TariffChain::cumulative)
            row.unrounded_tariff = Money(base.amount() * cumulative);
        else
            row.unrounded_tariff = Money(current.amount() * row.factor);
        row.tariff = row.unrounded_tariff.round(policy);
        current = row.tariff;
        s.rows.push_back(std::move(row));
    }
    return s;
}

Schedule IndexationClause::schedule(const Money& base_tariff, int base_year, int to_year, const IndexSeriesSet& set,
                                    std::optional<int> first_contract_year, std::optional<Date> as_of) const {
    return schedule_with(base_tariff, base_year, to_year, set, tariff_rounding(), first_contract_year, as_of);
}

Money IndexationClause::index(const Money& tariff, int from_year, int to_year, const IndexSeriesSet& set,
                              std::optional<int> first_contract_year) const {
    return schedule(tariff, from_year, to_year, set, first_contract_year).final_tariff();
}

Schedule IndexationClause::budget_schedule(const Money& budget, int base_year, int to_year, const IndexSeriesSet& set,
                                           std::optional<RoundingPolicy> rounding,
                                           std::optional<int> first_contract_year) const {
    TariffRounding tr = tariff_rounding();
    if (rounding) {
        if (rounding->multiple_of)
            throw InvalidInput("a budget is rounded to a scale, not to a multiple (" + rounding->describe() + ")");
        tr.scale = rounding->scale;
        tr.mode = rounding->mode;
    }
    return schedule_with(budget, base_year, to_year, set, tr, first_contract_year);
}

Money IndexationClause::index_budget(const Money& budget, int from_year, int to_year, const IndexSeriesSet& set,
                                     std::optional<RoundingPolicy> rounding,
                                     std::optional<int> first_contract_year) const {
    return budget_schedule(budget, from_year, to_year, set, rounding, first_contract_year).final_tariff();
}

CatchUpSettlement IndexationClause::catch_up_amount(const Money& turnover, int year, const IndexSeriesSet& set,
                                                    std::optional<int> first_contract_year) const {
    if (turnover.sign() < 0) throw InvalidInput("a turnover must not be negative, got " + turnover.to_string());
    const std::vector<const IndexSeries*> series = resolve(*this, set);
    CatchUpSettlement s;
    s.year = year;
    s.over_year = year - 1;
    s.method = catch_up();
    s.turnover = turnover;
    s.amount_rounding = tariff_rounding().policy();
    for (const IndexComponent& c : components()) {
        ComponentDerivation cd;
        cd.series = c.series;
        cd.weight = c.weight;
        s.components.push_back(std::move(cd));
    }
    Decimal cu;
    s.applied = catch_up_applies(year, first_contract_year);
    if (s.applied)
        cu = catch_up_fraction(*this, year, series, s.components, s.figures);
    else
        s.skipped = catch_up() == CatchUp::none ? "none" : "first_contract_year";
    s.unrounded_catch_up_percent = percent_of(cu);
    const RateRounding rr = rate_rounding();
    s.catch_up_percent = rr.at == RateRoundingAt::none ? s.unrounded_catch_up_percent
                                                       : s.unrounded_catch_up_percent.round_to_scale(rr.scale, rr.mode);
    s.unrounded_amount = Money(turnover.amount() * fraction(s.catch_up_percent));
    s.amount = s.unrounded_amount.round(s.amount_rounding);
    return s;
}

io::Node IndexationClause::to_node() const {
    io::Node root = io::Node::mapping();
    io::Node comps = io::Node::sequence();
    for (const IndexComponent& c : terms_.components) {
        io::Node m = io::Node::mapping();
        m.add("series", quoted(c.series));
        m.add("weight", quoted(c.weight.to_string()));
        comps.push_back(std::move(m));
    }
    root.add("components", std::move(comps));
    if (terms_.catch_up) root.add("catch_up", plain(catch_up_name(*terms_.catch_up)));
    if (terms_.first_contract_year_catch_up)
        root.add("first_contract_year_catch_up", plain(*terms_.first_contract_year_catch_up ? "true" : "false"));
    if (terms_.rate_rounding) {
        io::Node m = io::Node::mapping();
        m.add("scale", plain(std::to_string(terms_.rate_rounding->scale)));
        m.add("mode", plain(rounding_mode_name(terms_.rate_rounding->mode)));
        m.add("at", plain(rate_rounding_at_name(terms_.rate_rounding->at)));
        root.add("rate_rounding", std::move(m));
    }
    if (terms_.tariff_rounding) {
        io::Node m = io::Node::mapping();
        m.add("scale", plain(std::to_string(terms_.tariff_rounding->scale)));
        m.add("mode", plain(rounding_mode_name(terms_.tariff_rounding->mode)));
        m.add("chain", plain(tariff_chain_name(terms_.tariff_rounding->chain)));
        root.add("tariff_rounding", std::move(m));
    }
    if (terms_.effective) root.add("effective", quoted(terms_.effective->to_string()));
    return root;
}

bool operator==(const IndexationClause& a, const IndexationClause& b) {
    const auto& x = a.terms_;
    const auto& y = b.terms_;
    if (x.components.size() != y.components.size()) return false;
    for (std::size_t i = 0; i < x.components.size(); ++i)
        if (x.components[i].series != y.components[i].series || x.components[i].weight != y.components[i].weight)
            return false;
    return x.catch_up == y.catch_up && x.first_contract_year_catch_up == y.first_contract_year_catch_up &&
           x.rate_rounding == y.rate_rounding && x.tariff_rounding == y.tariff_rounding && x.effective == y.effective;
}

// ------------------------------------------------------------------------------------- Schedule

const Money& Schedule::tariff(int year) const {
    if (year == base_year) return base_tariff;
    for (const ScheduleRow& r : rows)
        if (r.year == year) return r.tariff;
    throw InvalidInput("the schedule covers " + std::to_string(base_year) + " to " + std::to_string(to_year()) +
                       ", not " + std::to_string(year));
}

}  // namespace zorginkoop
