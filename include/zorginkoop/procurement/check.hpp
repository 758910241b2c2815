#pragma once
// check(): a procurement document judged against the rule catalogue (docs/rules/), as a Report whose
// findings are in catalogue order, then by document location.
//
// Reference date (peildatum): the earliest date of a contract notice or prior information notice,
// else award.date, else term.start; CheckOptions::as_of overrides it. Without one, every rule that
// has dates in force reports "not evaluated".

#include <string>
#include <string_view>

#include "zorginkoop/procurement/document.hpp"
#include "zorginkoop/procurement/rule.hpp"
#include "zorginkoop/report/report.hpp"

namespace zorginkoop::procurement {

/// Date-stamped version of the rule catalogue this library implements.
inline constexpr std::string_view ruleset_version = "2026-11-22";

/// The SAS threshold of Aw 2012 art. 2.6a (Directive 2014/24/EU art. 4 onder d): EUR 750,000
/// excl. VAT; not revised with the other thresholds.
Money sas_threshold();

/// The facts the rules share (reference date, effective procedure kind, computed value, regime).
RuleContext derive_context(const Document& doc, const CheckOptions& options = {});

Report check(const Document& doc, const CheckOptions& options = {});
/// Load (YAML or JSON by extension) and check; read errors are exceptions (ParseError, ...).
Report check_file(const std::string& path, const CheckOptions& options = {});

/// A finding counts as "fired" unless it only says that its rule was not evaluated.
inline bool fired(const Finding& f) { return f.message_key != not_evaluated_key; }

}  // namespace zorginkoop::procurement
