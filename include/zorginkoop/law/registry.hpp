#pragma once
// The registry of the laws (and judgments) the library cites, with their official identifiers.
// An unknown id is an InvalidInput: a citation can never point at a law the library does not know.
// The registry is plain values; bundled/laws.hpp reads it from YAML (the bundled data/law/laws.yaml).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/error.hpp"
#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/law/legal_ref.hpp"

namespace zorginkoop {

/// bwb/celex/ecli: binding sources with official identifiers. guidance: non-binding sources (VNG,
/// PIANOo, Ketenbureau i-Sociaal Domein, iStandaarden, the regional strategies the catalogue's seed
/// rules come from); their ids are library keys starting with "guidance:", not official identifiers,
/// and they carry no URL (their `source` in laws.yaml names the publication).
enum class LawKind { bwb, celex, ecli, guidance };

inline bool is_binding(LawKind k) noexcept { return k != LawKind::guidance; }

/// A dated consolidated version of a law that the library cites, with where the date comes from.
struct LawVersion {
    std::string name;    // how the code asks for it ("reele_prijs"); "" for the version basis
    Date date;
    std::string source;  // where the research gives this date
};

/// Where a provision stands in a law: article, lid, onderdeel ("" when not cited to that level).
struct ProvisionPlace {
    std::string article;
    std::string lid = {};
    std::string onderdeel = {};

    bool operator==(const ProvisionPlace& o) const {
        return article == o.article && lid == o.lid && onderdeel == o.onderdeel;
    }
    bool operator!=(const ProvisionPlace& o) const { return !(*this == o); }
    /// "art. 2.12 lid 1 onder a" (lid and onderdeel when given).
    std::string describe() const {
        std::string s = "art. " + article;
        if (!lid.empty()) s += " lid " + lid;
        if (!onderdeel.empty()) s += " onder " + onderdeel;
        return s;
    }
};

/// A provision the library cites, with the dates it exists (data/law/laws.yaml, `provisions`).
/// A place may be listed more than once, for periods that do not overlap.
struct Provision {
    ProvisionPlace place;
    /// First day in force; nullopt when no source gives it (the provision is then taken to exist
    /// on every date, and `dated` is false).
    std::optional<Date> from;
    /// Last day in force (inclusive); nullopt: still in force.
    std::optional<Date> until;
    /// Where the same rule stood before `from` (nullopt: nowhere: it did not exist before).
    std::optional<ProvisionPlace> preceded_by;
    std::string source;
    /// Whether the dates were read in official texts (false: partly from secondary sources or not at all).
    bool confirmed = false;

    bool dated() const noexcept { return from.has_value(); }
    bool in_force(const Date& d) const {
        const date::sys_days x{d};
        return (!from || date::sys_days{*from} <= x) && (!until || x <= date::sys_days{*until});
    }
};

struct LegalSource {
    std::string id;          // BWBR0034925 / 32014L0024 / ECLI:EU:C:2016:399
    LawKind kind;
    std::string title_nl;    // official title (Dutch)
    std::string short_nl;    // how lawyers cite it ("Jeugdwet", "Aw 2012")
    std::string title_en;
    std::string key = {};    // stable key the code cites it by ("jeugdwet", "aw2012")
    std::string source = {};  // where the id comes from ("unsourced ..." when nothing confirms it)
    /// The consolidated version whose text the research quotes (its "Version basis"), if any.
    std::optional<LawVersion> version = {};
    /// Other dated versions the library cites (historic texts, the reële-prijs text), by name.
    std::vector<LawVersion> versions = {};
    /// The provisions the library cites, with the dates they exist (official texts: every cited
    /// article, lid and onderdeel is listed; empty for guidance, judgments and EU texts).
    std::vector<Provision> provisions = {};
};

class LawRegistry {
public:
    explicit LawRegistry(std::vector<LegalSource> laws) : laws_(std::move(laws)) {}

    /// The law with that key ("jeugdwet"); an unknown key is an InvalidInput.
    const LegalSource& by_key(std::string_view key) const;
    /// The date of the named version of law `key` (see LegalSource::versions); InvalidInput if absent.
    Date version_date(std::string_view key, std::string_view name) const;

    /// Whether law `id` lists `place` among its provisions (in any period).
    bool lists(std::string_view id, const ProvisionPlace& place) const;
    /// The entry for `place` in force on `on`; nullptr when none is.
    const Provision* provision(std::string_view id, const ProvisionPlace& place, const Date& on) const;
    /// Where the rule cited at `place` stood on `on`: `place` itself when in force then, else the
    /// place it had before (following `preceded_by` from the entry of `place` that starts after
    /// `on`); nullopt when it did not exist on `on`. A law that lists no provisions returns `place`
    /// (its provisions are not dated). A place the law does not list is an InvalidInput.
    std::optional<ProvisionPlace> place_in_force(std::string_view id, const ProvisionPlace& place, const Date& on) const;

    bool contains(std::string_view id) const {
        for (const auto& l : laws_)
            if (l.id == id) return true;
        return false;
    }
    const LegalSource& at(std::string_view id) const {
        for (const auto& l : laws_)
            if (l.id == id) return l;
        throw InvalidInput("unknown law id '" + std::string(id) + "'");
    }
    const std::vector<LegalSource>& laws() const noexcept { return laws_; }

    /// A citation with its URL: wetten.overheid.nl (Juriconnect jci1.3 link) for BWB ids,
    /// EUR-Lex for CELEX and ECLI ids.
    LegalRef cite(std::string_view law_id, std::string article, std::string lid = {}, std::string onderdeel = {},
                  std::optional<Date> version_date = std::nullopt) const {
        const LegalSource& law = at(law_id);
        LegalRef r{law.id, std::move(article), std::move(lid), std::move(onderdeel), version_date, {}};
        switch (law.kind) {
            case LawKind::bwb:
                r.url = "https://wetten.overheid.nl/jci1.3:c:" + law.id;
                if (!r.article.empty()) r.url += "&artikel=" + r.article;
                if (!r.lid.empty()) r.url += "&lid=" + r.lid;
                if (!r.onderdeel.empty()) r.url += "&onderdeel=" + r.onderdeel;
                if (r.version_date) r.url += "&g=" + format_date(*r.version_date);
                break;
            case LawKind::celex:
                r.url = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:" + law.id;
                break;
            case LawKind::ecli:
                // Dutch judgments on rechtspraak.nl, European ones on EUR-Lex
                r.url = law.id.rfind("ECLI:NL:", 0) == 0 ? "https://deeplink.rechtspraak.nl/uitspraak?id=" + law.id
                                                         : "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=ecli:" + law.id;
                break;
            case LawKind::guidance:
                break;  // no URL: laws.yaml `source` names the publication
        }
        return r;
    }

    /// "art. 2.12 lid 1 Jeugdwet" / "Jeugdwet, article 2.12(1)".
    std::string label(const LegalRef& r, Lang lang) const {
        const LegalSource& law = at(r.law_id);
        if (law.kind == LawKind::guidance) {  // "Norm voor Opdrachtgeverschap, afspraak 6" / "iJw/iWmo 3.2, OP261"
            std::string s = lang == Lang::nl ? law.short_nl : law.title_en;
            if (!r.article.empty()) s += ", " + r.article;
            if (!r.lid.empty()) s += " " + r.lid;
            return s;
        }
        if (lang == Lang::nl) {
            std::string s;
            if (!r.article.empty()) {
                s = "art. " + r.article;
                if (!r.lid.empty()) s += " lid " + r.lid;
                if (!r.onderdeel.empty()) s += " onder " + r.onderdeel;
                s += " ";
            }
            return s + law.short_nl;
        }
        std::string s = law.title_en;
        if (!r.article.empty()) {
            s += ", article " + r.article;
            if (!r.lid.empty()) s += "(" + r.lid + ")";
            if (!r.onderdeel.empty()) s += "(" + r.onderdeel + ")";
        }
        return s;
    }

private:
    std::vector<LegalSource> laws_;
};

}  // namespace zorginkoop
