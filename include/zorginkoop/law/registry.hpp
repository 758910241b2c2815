#pragma once
// The registry of the laws (and judgments) the library cites, with their official identifiers.
// An unknown id is an InvalidInput: a citation can never point at a law the library does not know.

#include <string>
#include <string_view>
#include <vector>

#include "zorginkoop/core/error.hpp"
#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/law/legal_ref.hpp"

namespace zorginkoop {

/// bwb/celex/ecli: binding sources with official identifiers. guidance: non-binding sources (VNG,
/// PIANOo, Ketenbureau i-Sociaal Domein, iStandaarden, the regional strategies the catalogue's seed
/// rules come from); their ids are library keys starting with "guidance:", not official identifiers,
/// and they carry no URL unless research/legal-rules.md gives one.
enum class LawKind { bwb, celex, ecli, guidance };

inline bool is_binding(LawKind k) noexcept { return k != LawKind::guidance; }

struct LegalSource {
    std::string id;          // BWBR0034925 / 32014L0024 / ECLI:EU:C:2016:399
    LawKind kind;
    std::string title_nl;    // official title (Dutch)
    std::string short_nl;    // how lawyers cite it ("Jeugdwet", "Aw 2012")
    std::string title_en;
};

class LawRegistry {
public:
    explicit LawRegistry(std::vector<LegalSource> laws) : laws_(std::move(laws)) {}

    /// The laws listed at the top of rules.md, the Algemene termijnenwet, and the judgments the rules cite.
    /// Built once per process (thread-safe initialisation) and immutable afterwards.
    static const LawRegistry& bundled() {
        static const LawRegistry registry({
            {"BWBR0034925", LawKind::bwb, "Jeugdwet", "Jeugdwet", "Youth Act"},
            {"BWBR0035779", LawKind::bwb, "Besluit Jeugdwet", "Besluit Jeugdwet", "Youth Act Decree"},
            {"BWBR0035362", LawKind::bwb, "Wet maatschappelijke ondersteuning 2015", "Wmo 2015",
             "Social Support Act 2015"},
            {"BWBR0035733", LawKind::bwb, "Uitvoeringsbesluit Wmo 2015", "Uitvoeringsbesluit Wmo 2015",
             "Social Support Act 2015 Implementing Decree"},
            {"BWBR0032203", LawKind::bwb, "Aanbestedingswet 2012", "Aw 2012", "Public Procurement Act 2012"},
            {"BWBR0036007", LawKind::bwb, "Regeling Jeugdwet", "Regeling Jeugdwet", "Youth Act Regulation"},
            {"BWBR0036096", LawKind::bwb, "Uitvoeringsregeling Wmo 2015", "Uitvoeringsregeling Wmo 2015",
             "Social Support Act 2015 Implementing Regulation"},
            {"BWBR0051641", LawKind::bwb, "Wet verbetering beschikbaarheid jeugdzorg",
             "Wet verbetering beschikbaarheid jeugdzorg", "Youth Care Availability Improvement Act"},
            // Extends statutory periods that end on a Saturday, Sunday or public holiday (art. 1, 3, 4);
            // applied to the deadlines of SAS-003, SAS-006 and SAS-007.
            {"BWBR0002448", LawKind::bwb, "Algemene termijnenwet", "Algemene termijnenwet", "General Time Limits Act"},
            {"32014L0024", LawKind::celex, "Richtlijn 2014/24/EU betreffende het plaatsen van overheidsopdrachten",
             "Richtlijn 2014/24/EU", "Directive 2014/24/EU on public procurement"},
            {"ECLI:EU:C:2016:399", LawKind::ecli, "HvJ EU 2 juni 2016, C-410/14 (Dr. Falk Pharma)",
             "HvJ EU C-410/14 (Falk Pharma)", "CJEU 2 June 2016, C-410/14 (Dr. Falk Pharma)"},
            {"ECLI:EU:C:2018:142", LawKind::ecli, "HvJ EU 1 maart 2018, C-9/17 (Tirkkonen)",
             "HvJ EU C-9/17 (Tirkkonen)", "CJEU 1 March 2018, C-9/17 (Tirkkonen)"},
            {"ECLI:NL:RBDHA:2019:11096", LawKind::ecli, "Rb. Den Haag 22 oktober 2019 (Haaglanden, tarieven jeugdhulp)",
             "Rb. Den Haag 22-10-2019 (Haaglanden)", "District Court The Hague, 22 October 2019 (Haaglanden youth care tariffs)"},
            {"ECLI:NL:GHDHA:2020:1120", LawKind::ecli, "Hof Den Haag 7 juli 2020 (Haaglanden, tarieven jeugdhulp)",
             "Hof Den Haag 7-7-2020 (Haaglanden)", "Court of Appeal The Hague, 7 July 2020 (Haaglanden youth care tariffs)"},
            // Guidance cited by the procurement rules (research/legal-rules.md gives no URLs for them).
            {"guidance:vng-norm-opdrachtgeverschap", LawKind::guidance,
             "VNG, Norm voor Opdrachtgeverschap (resolutie 10 juni 2020)", "Norm voor Opdrachtgeverschap",
             "VNG Standard for Commissioning (resolution of 10 June 2020)"},
            {"guidance:contractstandaarden-wmo", LawKind::guidance,
             "Ketenbureau i-Sociaal Domein, Contractstandaarden Wmo 1.2 (Toelichting Inkoopdocumenten, oktober 2025)",
             "Contractstandaarden Wmo", "Ketenbureau i-Sociaal Domein, Wmo Contract Standards 1.2"},
            {"guidance:pianoo-open-house", LawKind::guidance, "PIANOo, Open House als inkoopmethodiek",
             "PIANOo Open House", "PIANOo, Open House as a purchasing method"},
            {"guidance:pianoo-contractduur", LawKind::guidance,
             "PIANOo, Contractduur bepalen voor sociaal domein opdrachten", "PIANOo Contractduur",
             "PIANOo, Setting the contract term for social-domain contracts"},
            {"guidance:istandaarden-ijw-iwmo-3.2", LawKind::guidance,
             "Zorginstituut Nederland, iJw 3.2 / iWmo 3.2 (regels, codelijsten en Basisschema)", "iJw/iWmo 3.2",
             "Zorginstituut Nederland, iJw 3.2 / iWmo 3.2 (rules, code lists and base schema)"},
            {"guidance:begrippenlijst-jw-wmo", LawKind::guidance,
             "Ketenbureau i-Sociaal Domein, Begrippenlijst Jw en Wmo (11 juli 2025)", "Begrippenlijst Jw en Wmo",
             "Ketenbureau i-Sociaal Domein, Glossary Jw and Wmo (11 July 2025)"},
            {"guidance:eforms-sdk-notice-types", LawKind::guidance, "eForms SDK, notice-types (subtypen van aankondigingen)",
             "eForms SDK", "eForms SDK, notice types"},
            {"guidance:seed-leergang-inkoop-jeugdhulp-2018", LawKind::guidance,
             "Leergang Inkoop Jeugdhulp (oktober 2018)", "Leergang Inkoop Jeugdhulp 2018",
             "Youth care procurement course (October 2018)"},
            {"guidance:seed-inkoopstrategie-rijnmond-2023", LawKind::guidance,
             "Inkoopstrategie 2023 GR Jeugdhulp Rijnmond (vastgesteld 16 april 2021)", "Inkoopstrategie Rijnmond 2023",
             "Procurement strategy 2023, GR Jeugdhulp Rijnmond (adopted 16 April 2021)"},
            {"guidance:seed-inkoopstrategie-miov-2026", LawKind::guidance,
             "Inkoopstrategie Jeugdhulp 2026 Zorgregio Midden-IJssel/Oost-Veluwe",
             "Inkoopstrategie Midden-IJssel/Oost-Veluwe 2026",
             "Youth care procurement strategy 2026, Midden-IJssel/Oost-Veluwe care region"},
        });
        return registry;
    }

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
                break;  // no URL: research/legal-rules.md gives none for these sources
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
