#pragma once
// Completeness check of an indexation clause for the years a contract needs (used by rule
// PRICE-008 and the indexation part of the document check): the weights sum to 1, no weight is
// negative, every series is known and has the figures the years need, and the rounding is
// stated. It returns the problems and never throws for a problem of the clause.

#include <optional>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "zorginkoop/core/error.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/reader.hpp"
#include "zorginkoop/report/report.hpp"

namespace zorginkoop {

/// A kind of problem of an indexation clause, declared once as a finding (clause_findings()):
/// a stable rule id, the problem's code, severity, message key and what the rule rests on.
struct ClauseFinding {
    const char* id;     // stable rule id: INDEX-001, INDEX-002, ...
    const char* code;   // the problem's code (ClauseProblem::code), e.g. "weights_sum"
    const char* alias;  // the rule id reports have written since the first release: INDEX-WEIGHTS-SUM
    Severity severity;
    /// Catalogue key (data/messages/indexation.<lang>.yaml): "indexation.problem.<code>".
    const char* message_key;
    /// What the rule rests on. No statute prescribes the indexation clause: every clause finding is
    /// a contract convention (the clause must be computable and complete), and none cites a law.
    const char* basis;
};

/// The clause findings, in the order of their ids: invalid, weights_sum, negative_weight,
/// duplicate_series, unknown_series, missing_figure, rate_rounding_not_stated,
/// tariff_rounding_not_stated.
const std::vector<ClauseFinding>& clause_findings();
/// The declaration of the problem with code `code`; InvalidInput for an unknown code.
const ClauseFinding& clause_finding(std::string_view code);

struct ClauseProblem {
    /// Stable code: invalid (the clause cannot be read: unknown key or value, no components,
    /// bad number), weights_sum, negative_weight, duplicate_series, unknown_series,
    /// missing_figure, rate_rounding_not_stated, tariff_rounding_not_stated.
    std::string code;
    /// The declared rule id of the code (clause_findings(): INDEX-001 ...).
    std::string rule;
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

/// The rule id a Report gives a problem: the declaration's alias, "INDEX-" and the code in
/// capitals, '_' as '-' (weights_sum: INDEX-WEIGHTS-SUM), which reports have always written.
std::string clause_problem_rule(const std::string& code);
/// Problems as a Report, for the report serialisers (text, JSON, SARIF): one finding per problem
/// with its rule id (clause_problem_rule), the declared severity (warning for
/// rate_rounding_not_stated and tariff_rounding_not_stated, error for the others), message key,
/// parameters (also the evidence) and place in the clause.
Report to_report(const std::vector<ClauseProblem>& problems, const std::string& subject = {});

namespace detail {
/// A problem of kind `code` (a declared clause finding) with its English message.
ClauseProblem clause_problem(const std::string& code, std::string message,
                             std::vector<std::pair<std::string, std::string>> params, Location where);
/// The reader behind IndexationClause::from_node. With `collect`, weight problems (negative
/// weight, series twice, sum not 1) are appended there instead of thrown; other problems throw.
IndexationClause::Terms read_indexation_terms(const io::Reader& clause, std::vector<ClauseProblem>* collect);
}  // namespace detail

}  // namespace zorginkoop
