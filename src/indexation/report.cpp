// Problems of an indexation clause as a Report, so that the report serialisers (text, JSON,
// SARIF) render them like the findings of a procurement check.

#include <cctype>

#include "zorginkoop/indexation/check.hpp"

namespace zorginkoop {

namespace {
constexpr const char* convention = "contract convention";
}

const std::vector<ClauseFinding>& clause_findings() {
    static const std::vector<ClauseFinding> table = {
        {"INDEX-001", "invalid", "INDEX-INVALID", Severity::error, "indexation.problem.invalid", convention},
        {"INDEX-002", "weights_sum", "INDEX-WEIGHTS-SUM", Severity::error, "indexation.problem.weights_sum", convention},
        {"INDEX-003", "negative_weight", "INDEX-NEGATIVE-WEIGHT", Severity::error, "indexation.problem.negative_weight",
         convention},
        {"INDEX-004", "duplicate_series", "INDEX-DUPLICATE-SERIES", Severity::error,
         "indexation.problem.duplicate_series", convention},
        {"INDEX-005", "unknown_series", "INDEX-UNKNOWN-SERIES", Severity::error, "indexation.problem.unknown_series",
         convention},
        {"INDEX-006", "missing_figure", "INDEX-MISSING-FIGURE", Severity::error, "indexation.problem.missing_figure",
         convention},
        {"INDEX-007", "rate_rounding_not_stated", "INDEX-RATE-ROUNDING-NOT-STATED", Severity::warning,
         "indexation.problem.rate_rounding_not_stated", convention},
        {"INDEX-008", "tariff_rounding_not_stated", "INDEX-TARIFF-ROUNDING-NOT-STATED", Severity::warning,
         "indexation.problem.tariff_rounding_not_stated", convention},
    };
    return table;
}

const ClauseFinding& clause_finding(std::string_view code) {
    for (const ClauseFinding& f : clause_findings())
        if (code == f.code) return f;
    throw InvalidInput("unknown indexation clause problem " + detail::quote_text(code));
}

std::string clause_problem_rule(const std::string& code) {
    for (const ClauseFinding& f : clause_findings())
        if (code == f.code) return f.alias;
    std::string id = "INDEX-";  // a code of the caller's own: the same spelling
    for (char c : code) id += c == '_' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return id;
}

namespace detail {

ClauseProblem clause_problem(const std::string& code, std::string message,
                             std::vector<std::pair<std::string, std::string>> params, Location where) {
    const ClauseFinding& f = clause_finding(code);
    ClauseProblem p;
    p.code = f.code;
    p.rule = f.id;
    p.message_key = f.message_key;
    p.params = std::move(params);
    p.message = std::move(message);
    p.where = std::move(where);
    return p;
}

}  // namespace detail

Report to_report(const std::vector<ClauseProblem>& problems, const std::string& subject) {
    Report r;
    r.subject = subject;
    for (const ClauseProblem& p : problems) {
        Finding f;
        f.rule = clause_problem_rule(p.code);
        // A problem built by the caller with a code of its own is an error, as before.
        bool declared = false;
        for (const ClauseFinding& d : clause_findings())
            if (p.code == d.code) {
                f.severity = d.severity;
                declared = true;
            }
        if (!declared) f.severity = Severity::error;
        f.message_key = p.message_key;
        f.params = p.params;
        f.evidence = p.params;
        f.locations = {p.where};
        r.findings.push_back(std::move(f));
    }
    return r;
}

}  // namespace zorginkoop
