#pragma once
// Helpers for tests that check a rule fixture and look at the findings of one rule.
#include <string>
#include <vector>

#include "support.hpp"
#include "zorginkoop/procurement/check.hpp"

namespace zktest {

/// tests/fixtures/procurement/rules/<name>.zorginkoop.yaml
inline std::string fixture(const std::string& name) {
    return source_path("tests/fixtures/procurement/rules/" + name + ".zorginkoop.yaml");
}

/// The findings of `rule` that fired (not the "not evaluated" ones).
inline std::vector<const zorginkoop::Finding*> findings_of(const zorginkoop::Report& r, const std::string& rule) {
    std::vector<const zorginkoop::Finding*> out;
    for (const auto& f : r.findings)
        if (f.rule == rule && f.message_key != zorginkoop::procurement::not_evaluated_key) out.push_back(&f);
    return out;
}

inline const zorginkoop::Finding* first_of(const zorginkoop::Report& r, const std::string& rule) {
    const auto all = findings_of(r, rule);
    return all.empty() ? nullptr : all.front();
}

/// The citation of `law_id` art. `article` among the citations of `f` (any lid and onderdeel when
/// they are not given), or nullptr.
inline const zorginkoop::LegalRef* citation(const zorginkoop::Finding& f, const std::string& law_id,
                                            const std::string& article, const std::string& lid = "",
                                            const std::string& onderdeel = "") {
    for (const auto& c : f.citations)
        if (c.law_id == law_id && c.article == article && (lid.empty() || c.lid == lid) &&
            (onderdeel.empty() || c.onderdeel == onderdeel))
            return &c;
    return nullptr;
}

/// The evidence value under `key`, or "<none>".
inline std::string evidence(const zorginkoop::Finding& f, const std::string& key) {
    for (const auto& [k, v] : f.evidence)
        if (k == key) return v;
    return "<none>";
}

}  // namespace zktest
