// The realism check as a Report, so that the report serialisers (text, JSON, SARIF) render it
// like the findings of a procurement check.

#include "zorginkoop/tariff/ijw.hpp"
#include "zorginkoop/tariff/serialise.hpp"

namespace zorginkoop {

Report to_report(const CostModel& model, const RealismCheck& check) {
    const BuildUp& b = check.build_up;
    Report r;
    r.subject = model.name;
    r.context = {{"law", law_name(b.law)},
                 {"unit", std::string(ijw::info(b.unit).code)},
                 {"price_basis", price_basis_name(check.basis)}};
    Finding f;
    f.rule = tariff_realism_rule;
    f.severity = check.verdict == Verdict::realistic     ? Severity::info
                 : check.verdict == Verdict::implausible ? Severity::warning
                                                         : Severity::error;
    f.message_key = std::string("tariff.finding.") + verdict_name(check.verdict);
    std::string uncovered;
    for (char e : check.uncovered_elements) uncovered += (uncovered.empty() ? "" : ", ") + std::string(1, e);
    f.params = {{"basis", price_basis_name(check.basis)},
                {"tariff", check.tariff.to_string()},
                {"cost_price", check.cost_price.to_string()},
                {"gap", check.gap.to_string()},
                {"gap_percent", check.gap_percent.round_to_scale(2, RoundingMode::half_up).to_string(2)},
                {"uncovered", uncovered.empty() ? "-" : uncovered}};
    f.evidence = f.params;
    f.evidence.emplace_back("verdict", verdict_name(check.verdict));
    f.citations = {statutory_basis(b.law)};
    r.findings.push_back(std::move(f));
    for (const OutOfBand& x : check.out_of_band) {
        Finding o;
        o.rule = tariff_band_rule;
        o.severity = Severity::warning;
        o.message_key = "tariff.finding.out_of_band";
        o.params = {{"parameter", x.parameter},
                    {"value", x.value.to_string()},
                    {"band", band_range(x.band)},
                    {"confirmed", x.band.confirmed ? "true" : "false"},
                    {"source", x.band.source}};
        o.evidence = o.params;
        o.locations = {Location::at(x.path)};
        r.findings.push_back(std::move(o));
    }
    return r;
}

}  // namespace zorginkoop
