// Problems of an indexation clause as a Report, so that the report serialisers (text, JSON,
// SARIF) render them like the findings of a procurement check.

#include <cctype>

#include "zorginkoop/indexation/check.hpp"

namespace zorginkoop {

std::string clause_problem_rule(const std::string& code) {
    std::string id = "INDEX-";
    for (char c : code) id += c == '_' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return id;
}

Report to_report(const std::vector<ClauseProblem>& problems, const std::string& subject) {
    Report r;
    r.subject = subject;
    for (const ClauseProblem& p : problems) {
        Finding f;
        f.rule = clause_problem_rule(p.code);
        f.severity = p.code == "rate_rounding_not_stated" || p.code == "tariff_rounding_not_stated" ? Severity::warning
                                                                                                     : Severity::error;
        f.message_key = p.message_key;
        f.params = p.params;
        f.evidence = p.params;
        f.locations = {p.where};
        r.findings.push_back(std::move(f));
    }
    return r;
}

}  // namespace zorginkoop
