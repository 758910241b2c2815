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

/// What a report says of a rule beyond its id (SARIF's reportingDescriptor): its title in both
/// languages, its note on its reading (English), its default severity. The check that makes a report
/// describes the rules of its findings (Report::rules); the report layer knows no catalogue.
struct RuleDescription {
    std::string id;
    std::string title_nl;
    std::string title_en;
    std::string note;
    Severity severity = Severity::info;

    const std::string& title(Lang lang) const noexcept { return lang == Lang::en ? title_en : title_nl; }
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
    /// The rules of the findings, described by the check that found them (to_sarif's rule
    /// descriptors). A finding whose rule is not described here is described by its id.
    std::vector<RuleDescription> rules;
    /// The description of rule `id`; nullptr when the report has none.
    const RuleDescription* rule(const std::string& id) const {
        for (const auto& r : rules)
            if (r.id == id) return &r;
        return nullptr;
    }

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
