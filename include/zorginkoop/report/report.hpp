#pragma once
// Report: the findings of one check, with what a reader needs to trust and reproduce it
// (library version, ruleset version, reference date, data vintage).

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "zorginkoop/core/date.hpp"
#include "zorginkoop/report/finding.hpp"
#include "zorginkoop/version.hpp"

namespace zorginkoop {

/// Findings a check counted but did not list: the findings of one rule beyond
/// CheckOptions::max_findings_per_rule, by severity and message key (a report of a document with
/// 100,000 lots stays readable, and its size bounded). `count` of them were left out.
struct OmittedFindings {
    std::string rule;
    Severity severity = Severity::info;
    std::string message_key;
    std::size_t count = 0;
    bool operator==(const OmittedFindings& o) const {
        return rule == o.rule && severity == o.severity && message_key == o.message_key && count == o.count;
    }
};

struct Report {
    std::string library_version = version_string;
    std::string ruleset_version;          // date-stamped version of the rule catalogue
    std::optional<Date> reference_date;   // the peildatum rules were judged on
    std::string subject;                  // document id, model name
    Fields context;                       // law, procedure kind, data vintage, ...
    std::vector<Finding> findings;
    /// Findings counted but not listed (empty unless a cap applied), in catalogue order.
    std::vector<OmittedFindings> omitted;

    /// The findings of severity `s`, listed and omitted.
    std::size_t count(Severity s) const {
        std::size_t n = static_cast<std::size_t>(
            std::count_if(findings.begin(), findings.end(), [s](const Finding& f) { return f.severity == s; }));
        for (const auto& o : omitted)
            if (o.severity == s) n += o.count;
        return n;
    }
    bool has_errors() const { return count(Severity::error) > 0; }
};

}  // namespace zorginkoop
