// eForms notices read into a procurement document (eforms.hpp; the mapping table is docs/eforms.md).
// Field ids, XPaths and code lists are those of the eForms SDK (fields/fields.json, codelists/*.gc,
// notice-types/notice-types.json of SDK 1.15); where a field was added later than SDK 1.0 the
// version that introduced it is noted with the field.

#include "zorginkoop/procurement/eforms.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/error.hpp"
#include "zorginkoop/core/money.hpp"

namespace zorginkoop::procurement {

namespace {

using io::XmlElement;

constexpr std::string_view cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
constexpr std::string_view cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
constexpr std::string_view ext = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
constexpr std::string_view efext = "http://data.europa.eu/p27/eforms-ubl-extensions/1";
constexpr std::string_view efac = "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1";
constexpr std::string_view efbc = "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1";
constexpr std::string_view ubl_prefix = "urn:oasis:names:specification:ubl:schema:xsd:";

/// BT-01: the general directive. Concessions (32014L0023), utilities (32014L0025) and the other
/// legal bases of the SDK's legal-basis code list are refused.
constexpr std::string_view general_directive = "32014L0024";

struct Step {
    std::string_view ns;
    std::string_view name;
};

/// Every element reached from `from` by the steps, in document order.
std::vector<const XmlElement*> all(const XmlElement& from, std::initializer_list<Step> steps) {
    std::vector<const XmlElement*> at{&from};
    for (const Step& s : steps) {
        std::vector<const XmlElement*> next;
        for (const XmlElement* e : at)
            for (const XmlElement* c : e->children_named(s.ns, s.name)) next.push_back(c);
        at = std::move(next);
    }
    return at;
}

/// The first element reached by the steps, or nullptr.
const XmlElement* first(const XmlElement& from, std::initializer_list<Step> steps) {
    auto v = all(from, steps);
    return v.empty() ? nullptr : v.front();
}

std::string trimmed(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

/// The notice being read, for errors: source, and the field and element they concern.
struct Reading {
    const std::string& source;

    [[noreturn]] void fail(const XmlElement& at, const std::string& field, const std::string& message) const {
        throw ParseError(message, Location::at(field).in(source).on(at.mark));
    }

    std::string text(const XmlElement& e, const std::string& field) const {
        std::string t = trimmed(e.text);
        if (t.empty()) fail(e, field, "empty " + e.qname());
        return t;
    }

    /// An xs:date with or without a time zone (2019-11-25+01:00, 2023-05-26Z): the calendar date.
    Date date(const XmlElement& e, const std::string& field) const {
        const std::string t = text(e, field);
        const std::string_view zone = std::string_view(t).substr(std::min<std::size_t>(10, t.size()));
        bool zone_ok = zone.empty() || zone == "Z";
        if (!zone_ok && zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
            zone_ok = true;
            for (std::size_t i : {1u, 2u, 4u, 5u})
                if (!std::isdigit(static_cast<unsigned char>(zone[i]))) zone_ok = false;
        }
        if (t.size() < 10 || !zone_ok)
            fail(e, field, detail::quote_text(t) + " is not a date (YYYY-MM-DD, with or without a time zone)");
        try {
            return parse_date(std::string_view(t).substr(0, 10));
        } catch (const Error& x) {
            fail(e, field, x.message());
        }
    }

    /// `field`'s text when it is digits with at most one decimal point inside (not negative, at most
    /// 40 characters); refused as not being `what` otherwise.
    std::string unsigned_decimal(const XmlElement& e, const std::string& field, const char* what) const {
        const std::string t = text(e, field);
        bool ok = t.size() <= 40;
        std::size_t points = 0;
        for (char c : t) {
            if (c == '.') ++points;
            else if (!std::isdigit(static_cast<unsigned char>(c))) ok = false;
        }
        if (!ok || points > 1 || t.front() == '.' || t.back() == '.')
            fail(e, field, detail::quote_text(t) + " is not " + what + " (digits with an optional decimal point, not negative)");
        return t;
    }

    /// An amount in euros: the currencyID must be EUR (checked for the whole notice first).
    Money amount(const XmlElement& e, const std::string& field) const {
        const std::string t = unsigned_decimal(e, field, "an amount");
        try {
            return Money::parse(t);
        } catch (const Error& x) {
            fail(e, field, x.message());
        }
    }

    Decimal number(const XmlElement& e, const std::string& field) const {
        const std::string t = unsigned_decimal(e, field, "a number");
        try {
            return Decimal::parse(t);
        } catch (const Error& x) {
            fail(e, field, x.message());
        }
    }

    std::int64_t whole(const XmlElement& e, const std::string& field, std::int64_t lo, std::int64_t hi) const {
        const std::string t = text(e, field);
        bool ok = !t.empty() && t.size() <= 12;
        for (char c : t)
            if (!std::isdigit(static_cast<unsigned char>(c))) ok = false;
        const std::int64_t v = ok ? std::stoll(t) : 0;
        if (!ok || v < lo || v > hi)
            fail(e, field, detail::quote_text(t) + " is not a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        return v;
    }

    /// A CPV code as eForms writes it (eight digits, no check digit); a code with its check digit
    /// (85311000-2) is kept as written.
    std::string cpv(const XmlElement& e, const std::string& field) const {
        const std::string t = text(e, field);
        bool ok = t.size() == 8 || (t.size() == 10 && t[8] == '-');
        for (std::size_t i = 0; ok && i < t.size(); ++i)
            if (i != 8 && !std::isdigit(static_cast<unsigned char>(t[i]))) ok = false;
        if (!ok) fail(e, field, detail::quote_text(t) + " is not a CPV code (eight digits)");
        return t;
    }
};

// ---- one notice ---------------------------------------------------------------------------------

struct Version {
    int major = 0;
    int minor = 0;
    bool at_least(int ma, int mi) const { return major > ma || (major == ma && minor >= mi); }
    std::string text() const { return "eforms-sdk-" + std::to_string(major) + "." + std::to_string(minor); }
};

struct LotData {
    std::string id;
    std::optional<std::string> title;
    std::vector<std::string> cpv;
    std::optional<Money> estimated;      // BT-27-Lot
    std::optional<Money> framework_max;  // BT-271-Lot
    std::optional<std::int64_t> max_providers;
    std::optional<std::string> framework;  // BT-765-Lot
    std::optional<Date> start, end;
    std::optional<std::string> duration_other;  // BT-538-Lot
    std::optional<std::pair<std::int64_t, std::string>> duration;  // BT-36-Lot: value, unit
    std::optional<Date> duration_end;  // the end that BT-36 gives from BT-536
    std::vector<std::string> selection_sources;  // BT-821-Lot
    std::vector<Criterion> criteria;
};

struct NoticeData {
    std::string source;
    Version version;
    std::int64_t subtype = 0;
    PublicationKind kind = PublicationKind::contract_notice;
    int rank = 0;  // the order in which notices give procedure and lot fields
    std::string folder;
    const XmlElement* folder_at = nullptr;
    Date date;
    std::optional<std::string> title;
    std::optional<std::string> buyer;
    std::optional<std::string> procedure_code;
    std::vector<std::string> cpv;  // BT-262/263-Procedure
    std::optional<Money> estimated;      // BT-27-Procedure
    std::optional<Money> framework_max;  // BT-271-Procedure
    std::vector<std::string> exclusion_sources;  // BT-806-Procedure
    std::vector<LotData> lots;
    std::vector<Date> award_dates;     // BT-1451-Contract
    std::vector<Date> concluded_dates; // BT-145-Contract
};

/// The kind and merge rank of the supported subtypes (notice-types.json: 12 pin-cfc-social,
/// 16 cn-standard, 20 cn-social, 25 veat, 29 can-standard, 33 can-social, 38 can-modif, all under
/// 32014L0024).
bool subtype_kind(std::int64_t subtype, PublicationKind& kind, int& rank) {
    switch (subtype) {
        case 16:
        case 20: kind = PublicationKind::contract_notice; rank = 0; return true;
        case 12: kind = PublicationKind::prior_information_notice; rank = 1; return true;
        case 25: kind = PublicationKind::voluntary_ex_ante; rank = 2; return true;
        case 29:
        case 33: kind = PublicationKind::award_notice; rank = 3; return true;
        case 38: kind = PublicationKind::modification_notice; rank = 4; return true;
        default: return false;
    }
}

bool is_light_regime_subtype(std::int64_t s) { return s == 12 || s == 20 || s == 33; }

/// Refuses an amount anywhere in the notice in a currency other than EUR.
void check_currencies(const Reading& r, const XmlElement& e, int depth = 0) {
    if (const std::string* c = e.attribute("currencyID"); c && trimmed(*c) != "EUR")
        r.fail(e, e.qname(),
               "an amount in currency " + detail::quote_text(*c) + ": only amounts in EUR are read");
    if (depth > 200) return;
    for (const auto& c : e.children) check_currencies(r, c, depth + 1);
}

Version read_version(const Reading& r, const XmlElement& root) {
    const XmlElement* c = root.child(cbc, "CustomizationID");
    if (!c) r.fail(root, "OPT-002-notice", "not an eForms notice: cbc:CustomizationID (eforms-sdk-1.x) is missing");
    const std::string t = trimmed(c->text);
    const std::string prefix = "eforms-sdk-";
    auto bad = [&]() {
        r.fail(*c, "OPT-002-notice",
               "not an eForms notice of a known SDK: " + detail::quote_text(t) + " (expected eforms-sdk-1.MINOR)");
    };
    if (t.compare(0, prefix.size(), prefix) != 0) bad();
    std::string rest = t.substr(prefix.size());
    int parts[3] = {-1, -1, -1};
    std::size_t k = 0, i = 0;
    while (i < rest.size() && k < 3) {
        std::size_t j = i;
        while (j < rest.size() && std::isdigit(static_cast<unsigned char>(rest[j])) && j - i < 4) ++j;
        if (j == i) bad();
        parts[k++] = std::stoi(rest.substr(i, j - i));
        if (j == rest.size()) {
            i = j;
            break;
        }
        if (rest[j] != '.') bad();
        i = j + 1;
    }
    if (i != rest.size() || k < 2) bad();
    if (parts[0] != 1)
        r.fail(*c, "OPT-002-notice",
               "eForms SDK " + detail::quote_text(t) + " is not read: only notices of SDK 1.x (eforms-sdk-1.MINOR) are");
    return Version{parts[0], parts[1]};
}

std::vector<Criterion> read_criteria(const Reading& r, const XmlElement& lot, const std::string& lot_id) {
    std::vector<Criterion> out;
    const auto subs = all(lot, {{cac, "TenderingTerms"},
                                {cac, "AwardingTerms"},
                                {cac, "AwardingCriterion"},
                                {cac, "SubordinateAwardingCriterion"}});
    const std::string where = " (lot " + lot_id + ")";
    for (const XmlElement* s : subs) {
        Criterion c;
        std::optional<std::string> type;
        for (const XmlElement* t : s->children_named(cbc, "AwardingCriterionTypeCode")) {
            const std::string* list = t->attribute("listName");
            if (list && *list != "award-criterion-type") continue;
            type = r.text(*t, "BT-539-Lot" + where);
        }
        if (type) {
            if (*type == "quality") c.kind = CriterionKind::quality;
            else if (*type == "price") c.kind = CriterionKind::price;
            else if (*type == "cost") c.kind = CriterionKind::cost;
            else
                r.fail(*s, "BT-539-Lot" + where,
                       detail::quote_text(*type) + " is not an award criterion type (quality, price or cost)");
        }
        if (const XmlElement* n = s->child(cbc, "Name"); n && !trimmed(n->text).empty()) c.name = trimmed(n->text);
        else if (const XmlElement* d = s->child(cbc, "Description"); d && !trimmed(d->text).empty())
            c.name = trimmed(d->text);
        else if (type) c.name = *type;
        else continue;  // a criterion that says nothing
        for (const XmlElement* p : all(*s, {{ext, "UBLExtensions"},
                                            {ext, "UBLExtension"},
                                            {ext, "ExtensionContent"},
                                            {efext, "EformsExtension"},
                                            {efac, "AwardCriterionParameter"}})) {
            const XmlElement* code = p->child(efbc, "ParameterCode");
            const XmlElement* value = p->child(efbc, "ParameterNumeric");
            if (!code || !value) continue;
            const std::string* list = code->attribute("listName");
            if (!list || *list != "number-weight") continue;  // BT-5422 fixed, BT-5423 threshold: not a weight
            const std::string kind = r.text(*code, "BT-5421-Lot" + where);
            if (kind == "ord-imp")
                c.order = r.whole(*value, "BT-541-Lot-WeightNumber" + where, 1, 1000000);  // an order, not a weight
            else
                c.weight = r.number(*value, "BT-541-Lot-WeightNumber" + where);
        }
        out.push_back(std::move(c));
    }
    return out;
}

Date period_end(const Date& start, std::int64_t n, const std::string& unit);

LotData read_lot(const Reading& r, const XmlElement& lot, const Version& v) {
    LotData d;
    const XmlElement* id = lot.child(cbc, "ID");
    d.id = r.text(*id, "BT-137-Lot");
    const std::string where = " (lot " + d.id + ")";
    const XmlElement* project = lot.child(cac, "ProcurementProject");
    if (project) {
        if (const XmlElement* n = project->child(cbc, "Name"); n && !trimmed(n->text).empty()) d.title = trimmed(n->text);
        for (const XmlElement* c : all(*project, {{cac, "MainCommodityClassification"}, {cbc, "ItemClassificationCode"}}))
            d.cpv.push_back(r.cpv(*c, "BT-262-Lot" + where));
        for (const XmlElement* c :
             all(*project, {{cac, "AdditionalCommodityClassification"}, {cbc, "ItemClassificationCode"}}))
            d.cpv.push_back(r.cpv(*c, "BT-263-Lot" + where));
        if (const XmlElement* e = first(*project, {{cac, "RequestedTenderTotal"}, {cbc, "EstimatedOverallContractAmount"}}))
            d.estimated = r.amount(*e, "BT-27-Lot" + where);
        if (v.at_least(1, 2))
            if (const XmlElement* e = first(*project, {{cac, "RequestedTenderTotal"},
                                                       {ext, "UBLExtensions"},
                                                       {ext, "UBLExtension"},
                                                       {ext, "ExtensionContent"},
                                                       {efext, "EformsExtension"},
                                                       {efbc, "FrameworkMaximumAmount"}}))
                d.framework_max = r.amount(*e, "BT-271-Lot" + where);
        if (const XmlElement* period = project->child(cac, "PlannedPeriod")) {
            if (const XmlElement* e = period->child(cbc, "StartDate")) d.start = r.date(*e, "BT-536-Lot" + where);
            if (const XmlElement* e = period->child(cbc, "EndDate")) d.end = r.date(*e, "BT-537-Lot" + where);
            if (const XmlElement* e = period->child(cbc, "DescriptionCode")) {
                d.duration_other = r.text(*e, "BT-538-Lot" + where);
                if (*d.duration_other != "UNLIMITED" && *d.duration_other != "UNKNOWN")
                    r.fail(*e, "BT-538-Lot" + where,
                           detail::quote_text(*d.duration_other) + " is not a duration code (UNLIMITED or UNKNOWN)");
            }
            if (const XmlElement* e = period->child(cbc, "DurationMeasure")) {
                const std::int64_t n = r.whole(*e, "BT-36-Lot" + where, 1, 100000);
                const std::string* unit = e->attribute("unitCode");
                const std::string u = unit ? trimmed(*unit) : "";
                if (u != "DAY" && u != "WEEK" && u != "MONTH" && u != "YEAR")
                    r.fail(*e, "BT-36-Lot" + where,
                           "unitCode " + detail::quote_text(u) + " is not a duration unit (DAY, WEEK, MONTH or YEAR)");
                d.duration = {n, u};
                const std::int64_t most = u == "DAY" ? 36600 : u == "WEEK" ? 5300 : u == "MONTH" ? 1200 : 100;
                if (n > most)
                    r.fail(*e, "BT-36-Lot" + where, std::to_string(n) + " " + u + " is longer than a hundred years");
                if (d.start) {
                    d.duration_end = period_end(*d.start, n, u);
                    if (static_cast<int>(d.duration_end->year()) > 9999)
                        r.fail(*e, "BT-36-Lot" + where, "the duration ends after the year 9999");
                }
            }
        }
    }
    if (const XmlElement* process = lot.child(cac, "TenderingProcess")) {
        if (const XmlElement* e = first(*process, {{cac, "FrameworkAgreement"}, {cbc, "MaximumOperatorQuantity"}}))
            d.max_providers = r.whole(*e, "BT-113-Lot" + where, 1, 1000000000);
        for (const XmlElement* e : all(*process, {{cac, "ContractingSystem"}, {cbc, "ContractingSystemTypeCode"}})) {
            const std::string* list = e->attribute("listName");
            if (!list || *list != "framework-agreement") continue;
            d.framework = r.text(*e, "BT-765-Lot" + where);
        }
    }
    if (v.at_least(1, 12)) {
        for (const XmlElement* q : all(lot, {{cac, "TenderingTerms"}, {cac, "TendererQualificationRequest"}})) {
            if (q->child(cbc, "CompanyLegalFormCode")) continue;
            for (const XmlElement* e : all(*q, {{cac, "SpecificTendererRequirement"}, {cbc, "TendererRequirementTypeCode"}})) {
                const std::string* list = e->attribute("listName");
                if (list && *list == "selection-criteria-source") d.selection_sources.push_back(r.text(*e, "BT-821-Lot" + where));
            }
        }
    }
    d.criteria = read_criteria(r, lot, d.id);
    return d;
}

NoticeData read_notice(const EformsNotice& n, std::string_view expected_folder = {}) {
    const Reading r{n.source};
    const XmlElement& root = n.root;
    const bool known_root = (root.name == "PriorInformationNotice" || root.name == "ContractNotice" ||
                             root.name == "ContractAwardNotice") &&
                            root.ns == std::string(ubl_prefix) + root.name + "-2";
    if (!known_root)
        r.fail(root, root.qname(),
               "not an eForms notice: the root element is " + detail::quote_text(root.qname()) +
                   " (expected PriorInformationNotice, ContractNotice or ContractAwardNotice in the UBL namespace)");
    NoticeData d;
    d.source = n.source;
    d.version = read_version(r, root);

    const XmlElement* extension = first(root, {{ext, "UBLExtensions"}, {ext, "UBLExtension"}, {ext, "ExtensionContent"},
                                               {efext, "EformsExtension"}});
    // OPP-070: the notice subtype.
    const XmlElement* sub = extension ? first(*extension, {{efac, "NoticeSubType"}, {cbc, "SubTypeCode"}}) : nullptr;
    if (!sub) r.fail(root, "OPP-070-notice", "not an eForms notice: the notice subtype (efac:NoticeSubType) is missing");
    {
        const std::string t = r.text(*sub, "OPP-070-notice");
        bool digits = t.size() <= 3;
        for (char c : t)
            if (!std::isdigit(static_cast<unsigned char>(c))) digits = false;
        if (!digits || !subtype_kind(std::stoll(t), d.kind, d.rank))
            r.fail(*sub, "OPP-070-notice",
                   "notice subtype " + detail::quote_text(t) +
                       " is not read (read: 12, 20, 33 light regime; 16, 29 full regime; 25 VEAT; 38 modification)");
        d.subtype = std::stoll(t);
    }
    // BT-01: the legal basis.
    {
        const XmlElement* dom = root.child(cbc, "RegulatoryDomain");
        if (!dom) r.fail(root, "BT-01-notice", "the legal basis (cbc:RegulatoryDomain) is missing");
        const std::string t = r.text(*dom, "BT-01-notice");
        if (t != general_directive) {
            std::string what = t == "32014L0023"   ? " (Directive 2014/23/EU, concessions)"
                               : t == "32014L0025" ? " (Directive 2014/25/EU, utilities)"
                               : t == "32009L0081" ? " (Directive 2009/81/EC, defence)"
                                                   : "";
            r.fail(*dom, "BT-01-notice",
                   "the notice is under legal basis " + detail::quote_text(t) + what +
                       ": only notices under Directive 2014/24/EU (32014L0024) are read");
        }
    }
    check_currencies(r, root);
    // BT-04: the procedure.
    d.folder_at = root.child(cbc, "ContractFolderID");
    if (!d.folder_at) r.fail(root, "BT-04-notice", "the procedure identifier (cbc:ContractFolderID) is missing");
    d.folder = r.text(*d.folder_at, "BT-04-notice");
    if (!expected_folder.empty() && d.folder != expected_folder)
        r.fail(*d.folder_at, "BT-04-notice",
               "the notice belongs to procedure " + detail::quote_text(d.folder) + ", not to " +
                   detail::quote_text(expected_folder) + ": only the notices of one procedure are merged");
    // OPP-012, else BT-05(a).
    const XmlElement* published =
        extension ? first(*extension, {{efac, "Publication"}, {efbc, "PublicationDate"}}) : nullptr;
    if (published) d.date = r.date(*published, "OPP-012-notice");
    else if (const XmlElement* issue = root.child(cbc, "IssueDate")) d.date = r.date(*issue, "BT-05(a)-notice");
    else r.fail(root, "BT-05(a)-notice", "the notice has neither a publication date nor an issue date (cbc:IssueDate)");

    // BT-500 of the organisation that OPT-300 names as the buyer.
    if (const XmlElement* buyer = first(root, {{cac, "ContractingParty"}, {cac, "Party"}, {cac, "PartyIdentification"}, {cbc, "ID"}})) {
        const std::string id = trimmed(buyer->text);
        if (extension)
            for (const XmlElement* co : all(*extension, {{efac, "Organizations"}, {efac, "Organization"}, {efac, "Company"}})) {
                const XmlElement* oid = first(*co, {{cac, "PartyIdentification"}, {cbc, "ID"}});
                if (!oid || trimmed(oid->text) != id) continue;
                if (const XmlElement* nm = first(*co, {{cac, "PartyName"}, {cbc, "Name"}}); nm && !trimmed(nm->text).empty())
                    d.buyer = trimmed(nm->text);
                break;
            }
    }
    if (const XmlElement* project = root.child(cac, "ProcurementProject")) {
        if (const XmlElement* nm = project->child(cbc, "Name"); nm && !trimmed(nm->text).empty()) d.title = trimmed(nm->text);
        for (const XmlElement* c : all(*project, {{cac, "MainCommodityClassification"}, {cbc, "ItemClassificationCode"}}))
            d.cpv.push_back(r.cpv(*c, "BT-262-Procedure"));
        for (const XmlElement* c : all(*project, {{cac, "AdditionalCommodityClassification"}, {cbc, "ItemClassificationCode"}}))
            d.cpv.push_back(r.cpv(*c, "BT-263-Procedure"));
        if (const XmlElement* e = first(*project, {{cac, "RequestedTenderTotal"}, {cbc, "EstimatedOverallContractAmount"}}))
            d.estimated = r.amount(*e, "BT-27-Procedure");
        if (d.version.at_least(1, 2))
            if (const XmlElement* e = first(*project, {{cac, "RequestedTenderTotal"},
                                                       {ext, "UBLExtensions"},
                                                       {ext, "UBLExtension"},
                                                       {ext, "ExtensionContent"},
                                                       {efext, "EformsExtension"},
                                                       {efbc, "FrameworkMaximumAmount"}}))
                d.framework_max = r.amount(*e, "BT-271-Procedure");
    }
    if (const XmlElement* code = first(root, {{cac, "TenderingProcess"}, {cbc, "ProcedureCode"}}))
        d.procedure_code = r.text(*code, "BT-105-Procedure");
    if (d.version.at_least(1, 12))
        for (const XmlElement* e : all(root, {{cac, "TenderingTerms"},
                                              {cac, "TendererQualificationRequest"},
                                              {cac, "SpecificTendererRequirement"},
                                              {cbc, "TendererRequirementTypeCode"}})) {
            const std::string* list = e->attribute("listName");
            if (list && *list == "exclusion-grounds-source") d.exclusion_sources.push_back(r.text(*e, "BT-806-Procedure"));
        }
    for (const XmlElement* lot : root.children_named(cac, "ProcurementProjectLot")) {
        const XmlElement* id = lot->child(cbc, "ID");
        const std::string* scheme = id ? id->attribute("schemeName") : nullptr;
        if (!id || !scheme || *scheme != "Lot") continue;  // parts and groups of lots are not lots
        LotData l = read_lot(r, *lot, d.version);
        for (const auto& other : d.lots)
            if (other.id == l.id) r.fail(*id, "BT-137-Lot", "lot " + detail::quote_text(l.id) + " is given twice");
        d.lots.push_back(std::move(l));
    }
    if (extension)
        for (const XmlElement* sc : all(*extension, {{efac, "NoticeResult"}, {efac, "SettledContract"}})) {
            // BT-1451 is efac:SettledContract/cbc:AwardDate; /*/cac:TenderResult/cbc:AwardDate is OPT-999,
            // a dummy field, and is never read.
            if (const XmlElement* e = sc->child(cbc, "AwardDate")) d.award_dates.push_back(r.date(*e, "BT-1451-Contract"));
            if (const XmlElement* e = sc->child(cbc, "IssueDate")) d.concluded_dates.push_back(r.date(*e, "BT-145-Contract"));
        }
    return d;
}

// ---- merging ------------------------------------------------------------------------------------

std::string cpv_stem(const std::string& code) { return code.substr(0, 8); }

void add_cpv(std::vector<std::string>& out, const std::string& code) {
    for (const auto& c : out)
        if (cpv_stem(c) == cpv_stem(code)) return;
    out.push_back(code);
}

/// The last day of a period of `n` units that starts on `start`: the day before the same day `n`
/// units later; where that month has no such day (31 January plus one month), the last day of the
/// month.
Date period_end(const Date& start, std::int64_t n, const std::string& unit) {
    using namespace date;
    if (unit == "DAY") return Date{sys_days{start} + days{n} - days{1}};
    if (unit == "WEEK") return Date{sys_days{start} + days{7 * n} - days{1}};
    const year_month_day ymd = start + months{unit == "YEAR" ? 12 * n : n};
    if (!ymd.ok()) return Date{ymd.year() / ymd.month() / last};
    return Date{sys_days{ymd} - days{1}};
}

Version oldest(const std::vector<NoticeData>& notices) {
    Version v = notices.front().version;
    for (const auto& n : notices)
        if (!n.version.at_least(v.major, v.minor)) v = n.version;
    return v;
}

Version newest(const std::vector<NoticeData>& notices) {
    Version v = notices.front().version;
    for (const auto& n : notices)
        if (n.version.at_least(v.major, v.minor)) v = n.version;
    return v;
}

}  // namespace

const char* name(NotCarried::Reason r) noexcept {
    switch (r) {
        case NotCarried::Reason::absent: return "absent";
        case NotCarried::Reason::not_in_version: return "not_in_version";
        case NotCarried::Reason::no_eforms_field: return "no_eforms_field";
    }
    return "?";
}

bool is_xml_path(const std::string& path) {
    if (path.size() < 4) return false;
    std::string ext4 = path.substr(path.size() - 4);
    for (char& c : ext4) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext4 == ".xml";
}

EformsImport import_eforms(const std::vector<EformsNotice>& input, Law law) {
    if (input.empty()) throw InvalidInput("no eForms notice to import");
    std::vector<NoticeData> notices;
    notices.push_back(read_notice(input.front()));
    for (std::size_t i = 1; i < input.size(); ++i) notices.push_back(read_notice(input[i], notices.front().folder));

    // Procedure and lot fields: the first notice in rank order that gives them.
    std::vector<const NoticeData*> ranked;
    for (const auto& n : notices) ranked.push_back(&n);
    std::stable_sort(ranked.begin(), ranked.end(), [](const NoticeData* a, const NoticeData* b) { return a->rank < b->rank; });
    auto pick = [&](auto get) -> decltype(get(*ranked.front())) {
        for (const NoticeData* n : ranked)
            if (auto v = get(*n)) return v;
        return {};
    };

    EformsImport out;
    Document& doc = out.document;
    doc.id = notices.front().folder;
    doc.law = law;
    doc.title = pick([](const NoticeData& n) { return n.title; });
    if (auto buyer = pick([](const NoticeData& n) { return n.buyer; })) {
        doc.authority = Authority{};
        doc.authority->name = buyer;
    }

    // Lots: every lot id in the order of the first notice (in rank order) that names it; each
    // lot field from the first notice in rank order whose lot of that id gives it.
    std::vector<std::string> lot_ids;
    for (const NoticeData* n : ranked)
        for (const auto& l : n->lots)
            if (std::find(lot_ids.begin(), lot_ids.end(), l.id) == lot_ids.end()) lot_ids.push_back(l.id);
    std::vector<LotData> lots;
    for (const auto& id : lot_ids) {
        std::vector<const LotData*> versions;
        for (const NoticeData* n : ranked)
            for (const auto& l : n->lots)
                if (l.id == id) versions.push_back(&l);
        auto lpick = [&](auto get) -> decltype(get(*versions.front())) {
            for (const LotData* l : versions)
                if (auto v = get(*l)) return v;
            return {};
        };
        LotData m;
        m.id = id;
        m.title = lpick([](const LotData& l) { return l.title; });
        m.estimated = lpick([](const LotData& l) { return l.estimated; });
        m.framework_max = lpick([](const LotData& l) { return l.framework_max; });
        m.max_providers = lpick([](const LotData& l) { return l.max_providers; });
        m.framework = lpick([](const LotData& l) { return l.framework; });
        m.start = lpick([](const LotData& l) { return l.start; });
        m.end = lpick([](const LotData& l) { return l.end; });
        m.duration_other = lpick([](const LotData& l) { return l.duration_other; });
        m.duration = lpick([](const LotData& l) { return l.duration; });
        m.duration_end = lpick([](const LotData& l) { return l.duration_end; });
        for (const LotData* l : versions)
            if (!l->selection_sources.empty()) {
                m.selection_sources = l->selection_sources;
                break;
            }
        for (const LotData* l : versions)
            if (!l->criteria.empty()) {
                m.criteria = l->criteria;
                break;
            }
        for (const LotData* l : versions)
            for (const auto& c : l->cpv) add_cpv(m.cpv, c);
        lots.push_back(std::move(m));
    }

    // Procedure.
    Procedure proc;
    {
        const NoticeData& lead = *ranked.front();
        if (is_light_regime_subtype(lead.subtype)) proc.kind = ProcedureKind::sas;
        else if (lead.procedure_code) {
            const std::string& c = *lead.procedure_code;
            if (c == "open") proc.kind = ProcedureKind::european_open;
            else if (c == "restricted") proc.kind = ProcedureKind::european_restricted;
            else if (c == "comp-dial") proc.kind = ProcedureKind::european_competitive_dialogue;
            else if (c == "neg-wo-call") proc.kind = ProcedureKind::negotiated_without_notice;
        }
        std::vector<std::string> cpv;
        for (const NoticeData* n : ranked)
            for (const auto& c : n->cpv) add_cpv(cpv, c);
        for (const auto& l : lots)
            for (const auto& c : l.cpv) add_cpv(cpv, c);
        if (!cpv.empty()) proc.cpv = cpv;
        bool any_fa = false, all_none = !lots.empty();
        for (const auto& l : lots) {
            if (!l.framework) all_none = false;
            else if (*l.framework != "none") any_fa = true, all_none = false;
        }
        if (any_fa) proc.framework_agreement = true;
        else if (all_none) proc.framework_agreement = false;
        const auto exclusion = pick([](const NoticeData& n) {
            return n.exclusion_sources.empty() ? std::optional<std::vector<std::string>>{} : n.exclusion_sources;
        });
        if (exclusion) proc.exclusion_grounds = true;
        bool selection = false, espd = false;
        for (const auto& l : lots)
            for (const auto& s : l.selection_sources) {
                selection = true;
                if (s == "epo-acc-espd-request") espd = true;
            }
        if (exclusion)
            for (const auto& s : *exclusion)
                if (s == "epo-acc-espd-request") espd = true;
        if (selection) proc.suitability_requirements = true;
        if (espd) proc.self_declaration_required = true;
    }
    doc.procedure = proc;

    // Estimated value: BT-271 (the framework maximum, Directive 2014/24/EU art. 5 lid 5) where the
    // notice states one, else BT-27.
    if (auto v = pick([](const NoticeData& n) { return n.framework_max ? n.framework_max : n.estimated; })) {
        doc.estimated_value = EstimatedValue{};
        doc.estimated_value->declared = v;
    }

    // Term: the earliest start and the latest end of the lots.
    {
        Term t;
        bool all_ends = !lots.empty(), unlimited = false;
        std::optional<Date> end;
        for (const auto& l : lots) {
            if (l.start && (!t.start || date::sys_days{*l.start} < date::sys_days{*t.start})) t.start = l.start;
            if (l.duration_other && *l.duration_other == "UNLIMITED") unlimited = true;
        }
        for (const auto& l : lots) {
            std::optional<Date> e = l.end;
            if (!e) e = l.duration_end;
            if (!e) all_ends = false;
            else if (!end || date::sys_days{*e} > date::sys_days{*end}) end = e;
        }
        if (unlimited) t.indefinite = true;
        else if (all_ends && end) t.end = end;
        if (t.start && t.end && date::sys_days{*t.end} < date::sys_days{*t.start}) t.end.reset();
        if (t.start || t.end || t.indefinite) doc.term = t;
    }

    if (!lots.empty()) {
        std::vector<Lot> dl;
        for (const auto& l : lots) {
            Lot x;
            x.id = l.id;
            x.title = l.title;
            x.estimated_value = l.framework_max ? l.framework_max : l.estimated;
            if (l.max_providers) x.max_providers = std::optional<std::int64_t>(*l.max_providers);
            dl.push_back(std::move(x));
        }
        doc.lots = std::move(dl);
    }

    // Publications, by date (notices of one day in the order given).
    {
        std::vector<const NoticeData*> by_date;
        for (const auto& n : notices) by_date.push_back(&n);
        std::stable_sort(by_date.begin(), by_date.end(), [](const NoticeData* a, const NoticeData* b) {
            return date::sys_days{a->date} < date::sys_days{b->date};
        });
        std::vector<Publication> pubs;
        for (const NoticeData* n : by_date) {
            Publication p;
            p.kind = n->kind;
            p.date = n->date;
            p.eforms_subtype = n->subtype;
            pubs.push_back(p);
        }
        doc.publications = std::move(pubs);
    }

    // Award: the dates from the award notice (the first notice in rank order that gives them; the
    // earliest of its contracts), the criteria of the first lot that states them.
    {
        Award a;
        bool any = false;
        for (const NoticeData* n : ranked)
            if (!n->award_dates.empty()) {
                a.date = *std::min_element(n->award_dates.begin(), n->award_dates.end(), [](const Date& x, const Date& y) {
                    return date::sys_days{x} < date::sys_days{y};
                });
                any = true;
                break;
            }
        for (const NoticeData* n : ranked)
            if (!n->concluded_dates.empty()) {
                a.contract_concluded = *std::min_element(n->concluded_dates.begin(), n->concluded_dates.end(),
                                                         [](const Date& x, const Date& y) {
                                                             return date::sys_days{x} < date::sys_days{y};
                                                         });
                any = true;
                break;
            }
        for (const auto& l : lots)
            if (!l.criteria.empty()) {
                a.criteria = l.criteria;
                bool quality = false, cost = false, price = false;
                for (const auto& c : l.criteria) {
                    quality |= c.kind == CriterionKind::quality;
                    cost |= c.kind == CriterionKind::cost;
                    price |= c.kind == CriterionKind::price;
                }
                if (quality) a.basis = AwardBasis::best_price_quality;
                else if (cost) a.basis = AwardBasis::lowest_cost;
                else if (price) a.basis = AwardBasis::lowest_price;
                any = true;
                break;
            }
        if (any) doc.award = a;
    }

    // Not carried.
    const Version old = oldest(notices), now = newest(notices);
    auto missing = [&](const std::string& field, const std::string& ids, int since_minor = 0) {
        NotCarried n;
        n.field = field;
        n.eforms = ids;
        if (since_minor > 0 && !now.at_least(1, since_minor)) {
            n.reason = NotCarried::Reason::not_in_version;
            n.detail = (old.minor == now.minor ? now.text() : old.text() + " to " + now.text()) +
                       "; defined from eforms-sdk-1." + std::to_string(since_minor);
        }
        out.not_carried.push_back(std::move(n));
    };
    auto no_field = [&](const std::string& field) {
        NotCarried n;
        n.field = field;
        n.reason = NotCarried::Reason::no_eforms_field;
        out.not_carried.push_back(std::move(n));
    };
    if (!doc.title) missing("title", "BT-21-Procedure");
    if (!doc.authority) missing("authority.name", "OPT-300-Procedure-Buyer, BT-500-Organization-Company");
    if (!proc.kind) {
        missing("procedure.kind", "BT-105-Procedure");
        const NoticeData& lead = *ranked.front();
        if (lead.procedure_code)
            out.not_carried.back().detail = "procedure type " + detail::quote_text(*lead.procedure_code) +
                                            " has no procedure kind of the document";
    }
    if (!proc.framework_agreement) missing("procedure.framework_agreement", "BT-765-Lot");
    if (!proc.cpv) missing("procedure.cpv", "BT-262-Procedure, BT-263-Procedure, BT-262-Lot, BT-263-Lot");
    if (!proc.exclusion_grounds) missing("procedure.exclusion_grounds", "BT-806-Procedure", 12);
    if (!proc.suitability_requirements) missing("procedure.suitability_requirements", "BT-821-Lot", 12);
    if (!proc.self_declaration_required) {
        missing("procedure.self_declaration_required", "BT-806-Procedure, BT-821-Lot", 12);
        if (out.not_carried.back().reason == NotCarried::Reason::absent)
            out.not_carried.back().detail = "no European Single Procurement Document request (epo-acc-espd-request) is named";
    }
    if (!doc.estimated_value) missing("estimated_value.declared", "BT-27-Procedure, BT-271-Procedure");
    if (!doc.term || !doc.term->start) missing("term.start", "BT-536-Lot");
    if (!doc.term || (!doc.term->end && !doc.term->indefinite)) missing("term.end", "BT-537-Lot, BT-36-Lot, BT-538-Lot");
    if (lots.empty()) missing("lots", "BT-137-Lot");
    for (std::size_t i = 0; i < lots.size(); ++i) {
        const std::string p = "lots[" + std::to_string(i) + "]";
        if (!lots[i].title) missing(p + ".title", "BT-21-Lot");
        if (!lots[i].estimated && !lots[i].framework_max) missing(p + ".estimated_value", "BT-27-Lot, BT-271-Lot");
        if (!lots[i].max_providers) missing(p + ".max_providers", "BT-113-Lot");
    }
    if (!doc.award || !doc.award->date) missing("award.date", "BT-1451-Contract");
    if (!doc.award || !doc.award->contract_concluded) missing("award.contract_concluded", "BT-145-Contract");
    if (!doc.award || !doc.award->criteria) missing("award.criteria", "BT-539-Lot, BT-734-Lot, BT-540-Lot, BT-541-Lot, BT-5421-Lot");
    else if (!doc.award->basis) missing("award.basis", "BT-539-Lot");
    for (const char* f : {"authority.municipalities", "authority.regiovisie", "procedure.sas_option",
                          "procedure.cross_border_interest", "procedure.award_record", "procedure.standstill_days",
                          "procedure.lots_motivation", "procedure.duration_justification",
                          "procedure.price_route_accounted_to_council", "planning", "estimated_value.initial_term_value",
                          "estimated_value.other_options_value", "estimated_value.total_price_stated",
                          "estimated_value.monthly_amount", "term.extensions", "lots[].provider_category",
                          "lots[].products", "publications[].continuous", "publications[].states_service_type",
                          "publications[].states_award_without_further_publication",
                          "publications[].invites_written_interest", "award.continuity_considered",
                          "award.bundled_quarterly", "contract_clauses", "open_house", "continuity", "modifications"})
        no_field(f);

    // The document is what the reader makes of it: it loads like any document.
    std::string source = input.front().source;
    out.document = read_document(doc.to_node(), source);
    out.document.source = source;
    return out;
}

EformsImport import_eforms_files(const std::vector<std::string>& paths, Law law, const io::ReadLimits& limits) {
    std::vector<EformsNotice> notices;
    notices.reserve(paths.size());
    for (const auto& p : paths) notices.push_back(EformsNotice{io::read_xml_file(p, limits), p});
    return import_eforms(notices, law);
}

}  // namespace zorginkoop::procurement
