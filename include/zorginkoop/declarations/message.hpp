#pragma once
// An iJw / iWmo 3.2 declaration message (JW323, BerichtCode 490; WMO323, BerichtCode 484), read
// from its XML by the safe XML reader (io/xml.hpp) into typed lines. Structure as published by
// Zorginstituut Nederland (JW323.xsd / WMO323.xsd with the basisschema): Bericht / Header
// (BerichtCode, BerichtVersie, BerichtSubversie, Afzender, Ontvanger, BerichtIdentificatie,
// XsdVersie) / Declaratie (DeclaratieNummer, DeclaratiePeriode, DeclaratieDagtekening,
// TotaalIngediendBedrag {TotaalBedrag, DebetCredit}, Clienten / Client {Bsn, Prestaties /
// Prestatie}). A Prestatie: ProductReferentie {ReferentieNummer, VorigReferentieNummer},
// ToewijzingNummer, ProductCategorie, ProductCode, ProductPeriode {Begindatum, Einddatum},
// GeleverdVolume, Eenheid (WJ756), ProductTarief (LDT_Bedrag, optional), IngediendBedrag
// {Bedrag, DebetCredit (COD043: D or C)}. Amounts are eurocents.
//
// Elements are matched on namespace URI and local name: the message's own namespace
// (…/ijw/3_2/jw323/schema, …/iwmo/3_2/wmo323/schema) or its basisschema namespace (elements the
// schema takes by reference and the children of basisschema types). Unknown elements are
// ignored; a missing or malformed required element is a ParseError naming its path, line and
// column. The message is not validated against the XSD: what the rules judge is read, nothing
// more (docs/declarations.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/location.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/law/law.hpp"

namespace zorginkoop::declarations {

/// The namespaces of iJw 3.2 and iWmo 3.2.
inline constexpr std::string_view ijw_base_ns = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";
inline constexpr std::string_view jw323_ns = "http://www.istandaarden.nl/ijw/3_2/jw323/schema";
inline constexpr std::string_view iwmo_base_ns = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema";
inline constexpr std::string_view wmo323_ns = "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema";
/// BerichtCode (COD002-VEKT): 490 JW323, 484 WMO323.
inline constexpr int jw323_code = 490;
inline constexpr int wmo323_code = 484;

/// IngediendBedrag / TotaalIngediendBedrag with DebetCredit (COD043): the signed eurocents.
struct SignedCents {
    std::int64_t cents = 0;  ///< as written (0 or more)
    bool credit = false;     ///< DebetCredit C
    std::int64_t signed_cents() const { return credit ? -cents : cents; }
};

/// One Prestatie of the message.
struct Line {
    std::size_t client = 0;  ///< index of its Client in the message
    std::string bsn;         ///< the client's Bsn, as written
    std::string reference;   ///< ProductReferentie/ReferentieNummer
    std::optional<std::string> previous_reference;  ///< VorigReferentieNummer
    std::string allocation;  ///< ToewijzingNummer, as written
    std::string category;    ///< ProductCategorie
    std::string code;        ///< ProductCode
    Date period_start;       ///< ProductPeriode/Begindatum
    Date period_end;         ///< ProductPeriode/Einddatum
    std::int64_t volume = 0; ///< GeleverdVolume
    std::string unit;        ///< Eenheid, as written (WJ756 code)
    std::optional<std::int64_t> tariff_cents;  ///< ProductTarief
    SignedCents amount;      ///< IngediendBedrag
    std::string path;        ///< "Declaratie.Clienten.Client[0].Prestaties.Prestatie[1]"
    Location location;       ///< of the Prestatie element (path, source, line, column)
    Location tariff_location, amount_location, unit_location, period_location;
};

struct Message {
    Law law = Law::jeugdwet;  ///< JW323: jeugdwet; WMO323: wmo2015
    int message_code = 0;     ///< BerichtCode
    std::string version;      ///< "BerichtVersie.BerichtSubversie"
    std::string sender;       ///< Afzender (AGB code)
    std::string receiver;     ///< Ontvanger (municipality code)
    std::string identification;         ///< BerichtIdentificatie/Identificatie
    std::string declaration_number;     ///< DeclaratieNummer
    std::optional<Date> declaration_date;  ///< DeclaratieDagtekening
    std::optional<Date> period_start, period_end;  ///< DeclaratiePeriode
    SignedCents total;        ///< TotaalIngediendBedrag
    Location total_location;
    std::vector<Line> lines;  ///< every Prestatie, in document order
    std::string source;       ///< file name, or empty
};

/// Read a message from XML text (JW323 or WMO323 by the root's namespace). ParseError naming
/// the element path, line and column for an unusable message (another root, a BerichtCode that
/// is not the message's, a missing required element, an amount that is not LDT_Bedrag, a date
/// that is not YYYY-MM-DD, DebetCredit other than D or C).
Message parse_message(std::string_view xml, const std::string& source = {}, const io::ReadLimits& limits = {});
/// Read a message file.
Message load_message(const std::string& path, const io::ReadLimits& limits = {});

}  // namespace zorginkoop::declarations
