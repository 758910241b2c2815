// The trees (JSON/YAML) of indexation results. Every number is an exact decimal string; years
// and scales are integers.

#include "zorginkoop/indexation/derivation.hpp"

#include <algorithm>

namespace zorginkoop {
namespace {

io::Node quoted(const std::string& s) { return io::Node::scalar(s, io::Node::Style::quoted); }
io::Node plain(const std::string& s) { return io::Node::scalar(s, io::Node::Style::plain); }
io::Node integer(long long v) { return plain(std::to_string(v)); }
io::Node boolean(bool b) { return plain(b ? "true" : "false"); }
io::Node dec(const Decimal& d, int min_digits = 0) { return quoted(d.to_string(min_digits)); }
io::Node opt_dec(const std::optional<Decimal>& d) { return d ? dec(*d) : io::Node::null(); }
io::Node money(const Money& m, int scale) { return quoted(m.amount().to_string(std::max(2, scale))); }
io::Node text_or_null(const std::string& s) { return s.empty() ? io::Node::null() : quoted(s); }

io::Node rate_rounding_node(const RateRounding& r) {
    io::Node m = io::Node::mapping();
    m.add("at", plain(rate_rounding_at_name(r.at)));
    m.add("scale", integer(r.scale));
    m.add("mode", plain(rounding_mode_name(r.mode)));
    return m;
}

io::Node components_node(const std::vector<ComponentDerivation>& comps) {
    io::Node list = io::Node::sequence();
    for (const ComponentDerivation& c : comps) {
        io::Node m = io::Node::mapping();
        m.add("series", quoted(c.series));
        m.add("weight", dec(c.weight));
        m.add("provisional_percent", opt_dec(c.provisional_percent));
        m.add("weighted_provisional_percent", opt_dec(c.weighted_provisional_percent));
        m.add("previous_provisional_percent", opt_dec(c.previous_provisional_percent));
        m.add("previous_definitive_percent", opt_dec(c.previous_definitive_percent));
        m.add("catch_up_factor_minus_one_percent", opt_dec(c.catch_up_factor_minus_one_percent));
        m.add("catch_up_term_percent", opt_dec(c.catch_up_term_percent));
        list.push_back(std::move(m));
    }
    return list;
}

io::Node figures_node(const std::vector<UsedFigure>& figures, bool with_due = false) {
    io::Node list = io::Node::sequence();
    for (const UsedFigure& f : figures) {
        io::Node m = io::Node::mapping();
        m.add("series", quoted(f.series));
        m.add("year", integer(f.year));
        m.add("status", plain(index_status_name(f.status)));
        m.add("percent", dec(f.percent, 2));
        m.add("source", quoted(f.source));
        m.add("published", f.published ? quoted(format_date(*f.published)) : io::Node::null());
        m.add("note", text_or_null(f.note));
        m.add("conflicting", boolean(f.conflicting));
        if (with_due) {
            m.add("definitive_due", f.definitive_due ? quoted(format_date(*f.definitive_due)) : io::Node::null());
            m.add("definitive_overdue", boolean(f.definitive_overdue));
        }
        list.push_back(std::move(m));
    }
    return list;
}

io::Node optional_year(const std::optional<int>& y) { return y ? integer(*y) : io::Node::null(); }

}  // namespace

io::Node RateDerivation::to_node() const {
    const int rate_digits = rounding.at == RateRoundingAt::none ? 0 : rounding.scale;
    const int part_digits = rounding.at == RateRoundingAt::parts ? rounding.scale : 0;
    io::Node m = io::Node::mapping();
    m.add("year", integer(year));
    m.add("effective", quoted(format_date(effective)));
    m.add("applies_to_tariff_of", integer(year - 1));
    m.add("rate_percent", dec(rate_percent, rate_digits));
    m.add("rate", dec(rate().value()));
    m.add("factor", dec(factor()));
    m.add("weighted_provisional_percent", dec(weighted_provisional_percent, part_digits));
    m.add("catch_up_percent", dec(catch_up_percent, part_digits));
    io::Node cu = io::Node::mapping();
    cu.add("method", plain(catch_up_name(catch_up_method)));
    cu.add("over_year", integer(catch_up_over_year()));
    cu.add("applied", boolean(catch_up_applied));
    cu.add("skipped", text_or_null(catch_up_skipped));
    m.add("catch_up", std::move(cu));
    m.add("first_contract_year", optional_year(first_contract_year));
    m.add("rate_rounding", rate_rounding_node(rounding));
    io::Node un = io::Node::mapping();
    un.add("weighted_provisional_percent", dec(unrounded_weighted_provisional_percent));
    un.add("catch_up_percent", dec(unrounded_catch_up_percent));
    un.add("rate_percent", dec(unrounded_rate_percent));
    m.add("unrounded", std::move(un));
    m.add("components", components_node(components));
    m.add("figures", figures_node(figures, as_of.has_value()));
    m.add("uses_conflicting_figures", boolean(uses_conflicting_figures()));
    if (as_of) {
        m.add("as_of", quoted(format_date(*as_of)));
        m.add("uses_overdue_provisional_figures", boolean(uses_overdue_provisional_figures()));
    }
    return m;
}

void mark_overdue(RateDerivation& d, const IndexSeriesSet& set, const Date& as_of) {
    d.as_of = as_of;
    for (UsedFigure& f : d.figures) {
        f.definitive_due.reset();
        f.definitive_overdue = false;
        if (f.status != IndexStatus::provisional) continue;
        const IndexSeries* s = set.find(f.series);
        if (!s || s->find(f.year, IndexStatus::definitive)) continue;
        f.definitive_due = s->definitive_due_date(f.year);
        f.definitive_overdue = s->definitive_overdue(f.year, as_of);
    }
}

io::Node Schedule::to_node() const {
    io::Node m = io::Node::mapping();
    m.add("base_year", integer(base_year));
    m.add("base_tariff", quoted(base_tariff.to_string()));
    m.add("to_year", integer(to_year()));
    io::Node tr = io::Node::mapping();
    tr.add("scale", integer(rounding.scale));
    tr.add("mode", plain(rounding_mode_name(rounding.mode)));
    tr.add("chain", plain(tariff_chain_name(rounding.chain)));
    m.add("tariff_rounding", std::move(tr));
    m.add("first_contract_year", optional_year(first_contract_year));
    io::Node tariffs = io::Node::mapping();
    tariffs.add(std::to_string(base_year), quoted(base_tariff.to_string()));
    for (const ScheduleRow& r : rows) tariffs.add(std::to_string(r.year), money(r.tariff, rounding.scale));
    m.add("tariffs", std::move(tariffs));
    io::Node list = io::Node::sequence();
    for (const ScheduleRow& r : rows) {
        io::Node row = io::Node::mapping();
        const int rate_digits = r.rate.rounding.at == RateRoundingAt::none ? 0 : r.rate.rounding.scale;
        row.add("year", integer(r.year));
        row.add("rate_percent", dec(r.rate.rate_percent, rate_digits));
        row.add("factor", dec(r.factor));
        row.add("cumulative_factor", dec(r.cumulative_factor));
        row.add("unrounded_tariff", quoted(r.unrounded_tariff.to_string()));
        row.add("tariff", money(r.tariff, rounding.scale));
        row.add("derivation", r.rate.to_node());
        list.push_back(std::move(row));
    }
    m.add("rows", std::move(list));
    return m;
}

io::Node CatchUpSettlement::to_node() const {
    io::Node m = io::Node::mapping();
    m.add("year", integer(year));
    m.add("over_year", integer(over_year));
    m.add("method", plain(catch_up_name(method)));
    m.add("applied", boolean(applied));
    m.add("skipped", text_or_null(skipped));
    m.add("turnover", quoted(turnover.to_string()));
    m.add("unrounded_catch_up_percent", dec(unrounded_catch_up_percent));
    m.add("catch_up_percent", dec(catch_up_percent));
    m.add("unrounded_amount", quoted(unrounded_amount.to_string()));
    m.add("amount", money(amount, amount_rounding.scale));
    m.add("amount_rounding", quoted(amount_rounding.describe()));
    m.add("components", components_node(components));
    m.add("figures", figures_node(figures));
    m.add("uses_conflicting_figures", boolean(uses_conflicting_figures()));
    return m;
}

}  // namespace zorginkoop
