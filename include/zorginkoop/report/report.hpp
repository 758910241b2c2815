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

struct Report {
    std::string library_version = version_string;
    std::string ruleset_version;          // date-stamped version of the rule catalogue
    std::optional<Date> reference_date;   // the peildatum rules were judged on
    std::string subject;                  // document id, model name
    Fields context;                       // law, procedure kind, data vintage, ...
    std::vector<Finding> findings;

    std::size_t count(Severity s) const {
        return static_cast<std::size_t>(
            std::count_if(findings.begin(), findings.end(), [s](const Finding& f) { return f.severity == s; }));
    }
    bool has_errors() const { return count(Severity::error) > 0; }
};

}  // namespace zorginkoop
