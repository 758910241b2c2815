#pragma once
// Completeness check of an indexation clause for the years a contract needs (used by rule
// PRICE-008 and the indexation part of the document check): the weights sum to 1, no weight is
// negative, every series is known and has the figures the years need, and the rounding is
// stated. It returns the problems and never throws for a problem of the clause.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zorginkoop/core/error.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/reader.hpp"
#include "zorginkoop/report/report.hpp"

namespace zorginkoop {

struct ClauseProblem {
    /// Stable code: invalid (the clause cannot be read: unknown key or value, no components,
    /// bad number), weights_sum, negative_weight, duplicate_series, unknown_series,
    /// missing_figure, rate_rounding_not_stated, tariff_rounding_not_stated.
    std::string code;
    /// Catalogue key (data/messages/indexation.<lang>.yaml): "indexation.problem.<code>".
    std::string message_key;
    /// The parameters of the message.
    std::vector<std::pair<std::string, std::string>> params;
    /// The message in English.
    std::string message;
    Location where;
    std::string series;  // unknown_series, missing_figure
    int year = 0;        // missing_figure
    std::string status;  // missing_figure: provisional | definitive
};

/// Check the clause mapping at `clause` (as in a document) for the rates of `years`. Problems are
/// in the order found; a clause that cannot be read gives one `invalid` problem (after any
/// weight problems found before it).
std::vector<ClauseProblem> check_clause(const io::Reader& clause, const IndexSeriesSet& series,
                                        const std::vector<int>& years,
                                        std::optional<int> first_contract_year = std::nullopt);
/// The same for a clause already read.
std::vector<ClauseProblem> check_clause(const IndexationClause& clause, const IndexSeriesSet& series,
                                        const std::vector<int>& years,
                                        std::optional<int> first_contract_year = std::nullopt);

/// The rule id of a problem in a Report: "INDEX-" and the code in capitals, '_' as '-'
/// (weights_sum: INDEX-WEIGHTS-SUM).
std::string clause_problem_rule(const std::string& code);
/// Problems as a Report, for the report serialisers (text, JSON, SARIF): one finding per problem
/// with its message key, parameters (also the evidence) and place in the clause; severity
/// warning for rate_rounding_not_stated and tariff_rounding_not_stated, error for the others.
Report to_report(const std::vector<ClauseProblem>& problems, const std::string& subject = {});

namespace detail {
/// The reader behind IndexationClause::from_node. With `collect`, weight problems (negative
/// weight, series twice, sum not 1) are appended there instead of thrown; other problems throw.
IndexationClause::Terms read_indexation_terms(const io::Reader& clause, std::vector<ClauseProblem>* collect);
}  // namespace detail

}  // namespace zorginkoop
