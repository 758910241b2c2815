// How a report describes the rules of its findings (Report::rules, the SARIF rule descriptors).

#include <algorithm>

#include "zorginkoop/procurement/rule.hpp"

namespace zorginkoop::procurement {

std::vector<RuleDescription> describe_rules(const std::vector<Rule>& catalogue, const std::vector<Finding>& findings) {
    std::vector<RuleDescription> out;
    for (const auto& f : findings) {
        if (std::any_of(out.begin(), out.end(), [&](const RuleDescription& d) { return d.id == f.rule; })) continue;
        const auto rule = std::find_if(catalogue.begin(), catalogue.end(), [&](const Rule& r) { return r.id == f.rule; });
        if (rule == catalogue.end()) continue;
        out.push_back(RuleDescription{rule->id, rule->title.nl, rule->title.en, rule->note, rule->severity});
    }
    return out;
}

}  // namespace zorginkoop::procurement
