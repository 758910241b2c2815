#pragma once
// The one JSON form of a citation (internal; used by the report serialiser for findings and by the
// tariff serialiser for a build-up's statutory basis), so both outputs cite a law the same way:
//   {"law_id", "law" (Dutch title), "article", "lid"?, "onderdeel"?, "version_date"?, "url", "label"}
// `lid` and `onderdeel` are left out when empty; `label` is in `lang`.

#include <nlohmann/json.hpp>

#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/law/registry.hpp"

namespace zorginkoop::detail {

nlohmann::ordered_json citation_json(const LegalRef& r, const LawRegistry& laws, Lang lang);

}  // namespace zorginkoop::detail
