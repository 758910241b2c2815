// The completeness check of an indexation clause (rule PRICE-008): problems, never exceptions
// for a problem of the clause.

#include "zorginkoop/indexation/check.hpp"

#include <set>
#include <tuple>

namespace zorginkoop {
namespace {

std::string join_path(const std::string& base, const std::string& key) {
    return base.empty() ? key : base + "." + key;
}

ClauseProblem problem(const std::string& code, const std::string& message,
                      std::vector<std::pair<std::string, std::string>> params, Location where) {
    return detail::clause_problem(code, message, std::move(params), std::move(where));
}

void check_terms(const IndexationClause::Terms& t, const IndexSeriesSet& set, const std::vector<int>& years,
                 std::optional<int> first_contract_year, std::vector<ClauseProblem>& out) {
    const CatchUp catch_up = t.catch_up.value_or(CatchUp::none);
    const bool first_year_catch_up = t.first_contract_year_catch_up.value_or(true);
    std::set<std::tuple<std::string, int, int>> reported;
    for (std::size_t i = 0; i < t.components.size(); ++i) {
        const IndexComponent& c = t.components[i];
        Location where = c.where;
        if (where.path.empty() && where.line == 0)
            where = Location::at(join_path(t.where.path, "components[" + std::to_string(i) + "].series")).in(t.where.source);
        const IndexSeries* s = set.find(c.series);
        if (!s) {
            std::string known;
            for (const std::string& id : set.ids()) known += (known.empty() ? "" : ", ") + id;
            ClauseProblem p = problem("unknown_series",
                                      "unknown index series '" + c.series + "' (known: " + (known.empty() ? "none" : known) + ")",
                                      {{"series", c.series}, {"known", known}}, where);
            p.series = c.series;
            out.push_back(std::move(p));
            continue;
        }
        for (int year : years) {
            std::vector<std::pair<int, IndexStatus>> needed{{year, IndexStatus::provisional}};
            const bool applies = catch_up != CatchUp::none &&
                                 !(first_contract_year && !first_year_catch_up && year - 1 <= *first_contract_year);
            if (applies) {
                needed.emplace_back(year - 1, IndexStatus::provisional);
                needed.emplace_back(year - 1, IndexStatus::definitive);
            }
            for (const auto& [y, status] : needed) {
                if (s->find(y, status)) continue;
                if (!reported.insert({c.series, y, static_cast<int>(status)}).second) continue;
                ClauseProblem p = problem(
                    "missing_figure",
                    "series " + c.series + " has no " + index_status_name(status) + " figure for " + std::to_string(y) +
                        " (needed for the rate of " + std::to_string(year) + ")",
                    {{"series", c.series},
                     {"year", std::to_string(y)},
                     {"status", index_status_name(status)},
                     {"rate_year", std::to_string(year)}},
                    where);
                p.series = c.series;
                p.year = y;
                p.status = index_status_name(status);
                out.push_back(std::move(p));
            }
        }
    }
    if (!t.rate_rounding)
        out.push_back(problem("rate_rounding_not_stated",
                              "the clause does not state how the rate is rounded (rate_rounding: scale, mode, at)", {},
                              t.where.with_path(join_path(t.where.path, "rate_rounding"))));
    if (!t.tariff_rounding)
        out.push_back(problem("tariff_rounding_not_stated",
                              "the clause does not state how tariffs are rounded (tariff_rounding: scale, mode)", {},
                              t.where.with_path(join_path(t.where.path, "tariff_rounding"))));
}

}  // namespace

std::vector<ClauseProblem> check_clause(const io::Reader& clause, const IndexSeriesSet& series,
                                        const std::vector<int>& years, std::optional<int> first_contract_year) {
    std::vector<ClauseProblem> out;
    IndexationClause::Terms terms;
    try {
        terms = detail::read_indexation_terms(clause, &out);
    } catch (const Error& e) {
        out.push_back(problem("invalid", e.message(), {{"message", e.message()}}, e.where()));
        return out;
    }
    check_terms(terms, series, years, first_contract_year, out);
    return out;
}

std::vector<ClauseProblem> check_clause(const IndexationClause& clause, const IndexSeriesSet& series,
                                        const std::vector<int>& years, std::optional<int> first_contract_year) {
    std::vector<ClauseProblem> out;
    check_terms(clause.terms(), series, years, first_contract_year, out);
    return out;
}

}  // namespace zorginkoop
