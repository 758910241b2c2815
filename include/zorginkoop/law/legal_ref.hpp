#pragma once
// LegalRef: a structured citation (law id as BWB or CELEX or ECLI, article, lid, onderdeel,
// version date, URL). Build one through LawRegistry::cite so that the law id is known.

#include <optional>
#include <string>

#include "zorginkoop/core/date.hpp"

namespace zorginkoop {

struct LegalRef {
    std::string law_id;     // BWBR0034925, CELEX 32014L0024, ECLI:EU:C:2016:399
    std::string article;    // "2.12", "74", "" for a judgment as a whole
    std::string lid;        // paragraph ("1"), optional
    std::string onderdeel;  // point ("a"), optional
    std::optional<Date> version_date;  // the consolidated version cited (geldigheidsdatum)
    std::string url;

    friend bool operator==(const LegalRef& a, const LegalRef& b) {
        return a.law_id == b.law_id && a.article == b.article && a.lid == b.lid && a.onderdeel == b.onderdeel &&
               a.version_date == b.version_date && a.url == b.url;
    }
    friend bool operator!=(const LegalRef& a, const LegalRef& b) { return !(a == b); }
};

}  // namespace zorginkoop
