#pragma once
// Reports as human text (Dutch or English), JSON (versioned schema) and SARIF 2.1.0.

#include <string>

#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/report/messages.hpp"
#include "zorginkoop/report/report.hpp"

namespace zorginkoop {

/// Version of the JSON report layout; raised on any incompatible change.
inline constexpr int report_json_schema_version = 1;

struct RenderOptions {
    Lang lang = Lang::nl;
    const MessageCatalogue* catalogue = nullptr;  // null: the bundled catalogue of `lang`
    const LawRegistry* laws = nullptr;            // null: the bundled registry
};

std::string to_text(const Report& report, const RenderOptions& options = {});
std::string to_json(const Report& report, const RenderOptions& options = {});
std::string to_sarif(const Report& report, const RenderOptions& options = {});

}  // namespace zorginkoop
