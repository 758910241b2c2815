// The law registry: the laws the library cites and the provisions it lists with their dates.

#include "zorginkoop/law/registry.hpp"

#include <algorithm>

namespace zorginkoop {

const LegalSource& LawRegistry::by_key(std::string_view key) const {
    for (const auto& l : laws_)
        if (l.key == key) return l;
    throw InvalidInput("unknown law key '" + std::string(key) + "'");
}

bool LawRegistry::lists(std::string_view id, const ProvisionPlace& place) const {
    const auto& ps = at(id).provisions;
    return std::any_of(ps.begin(), ps.end(), [&](const Provision& p) { return p.place == place; });
}

const Provision* LawRegistry::provision(std::string_view id, const ProvisionPlace& place, const Date& on) const {
    for (const auto& p : at(id).provisions)
        if (p.place == place && p.in_force(on)) return &p;
    return nullptr;
}

std::optional<ProvisionPlace> LawRegistry::place_in_force(std::string_view id, const ProvisionPlace& place,
                                                          const Date& on) const {
    const LegalSource& law = at(id);
    if (law.provisions.empty()) return place;
    if (!lists(id, place)) throw InvalidInput(law.short_nl + ": " + place.describe() + " is not listed in the law data");
    ProvisionPlace at_place = place;
    // Follow the chain back; a chain longer than the list would be a cycle.
    for (std::size_t step = 0; step <= law.provisions.size(); ++step) {
        if (provision(id, at_place, on)) return at_place;
        // the entry of this place that starts after `on` and says where the rule stood before
        const Provision* next = nullptr;
        for (const auto& p : law.provisions)
            if (p.place == at_place && p.from && date::sys_days{on} < date::sys_days{*p.from} && p.preceded_by &&
                (!next || date::sys_days{*p.from} < date::sys_days{*next->from}))
                next = &p;
        if (!next) return std::nullopt;
        at_place = *next->preceded_by;
    }
    throw InvalidInput(law.short_nl + ": the provisions preceding " + place.describe() + " form a cycle");
}

Date LawRegistry::version_date(std::string_view key, std::string_view name) const {
    const LegalSource& law = by_key(key);
    for (const auto& v : law.versions)
        if (v.name == name) return v.date;
    throw InvalidInput("law '" + std::string(key) + "' has no version '" + std::string(name) + "'");
}

}  // namespace zorginkoop
