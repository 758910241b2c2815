// The JW323 / WMO323 reader: an XmlElement tree (io/xml.hpp) into a declarations::Message.

#include <cctype>
#include <string>

#include "zorginkoop/core/error.hpp"
#include "zorginkoop/declarations/message.hpp"
#include "zorginkoop/io/xml.hpp"

namespace zorginkoop::declarations {

namespace {

struct Reader {
    std::string_view ns;       // the message's namespace
    std::string_view base_ns;  // its basisschema namespace
    std::string source;

    Location at(const std::string& path, const io::XmlElement& e) const {
        return Location::at(path).in(source).on(e.mark);
    }

    [[noreturn]] void fail(const std::string& what, const std::string& path, const io::XmlElement& e) const {
        throw ParseError(path + ": " + what, at(path, e));
    }

    const io::XmlElement* find(const io::XmlElement& parent, std::string_view name) const {
        for (const auto& c : parent.children)
            if (c.name == name && (c.ns == ns || c.ns == base_ns)) return &c;
        return nullptr;
    }
    std::vector<const io::XmlElement*> all(const io::XmlElement& parent, std::string_view name) const {
        std::vector<const io::XmlElement*> out;
        for (const auto& c : parent.children)
            if (c.name == name && (c.ns == ns || c.ns == base_ns)) out.push_back(&c);
        return out;
    }
    const io::XmlElement& need(const io::XmlElement& parent, std::string_view name, const std::string& path) const {
        if (const auto* c = find(parent, name)) return *c;
        fail("required element " + std::string(name) + " is missing", path, parent);
    }

    static std::string trimmed(const std::string& s) {
        std::size_t b = 0, e = s.size();
        while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
        while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
        return s.substr(b, e - b);
    }
    std::string text(const io::XmlElement& e, const std::string& path) const {
        if (!e.children.empty()) fail("expected text, found element " + e.children.front().qname(), path, e);
        std::string t = trimmed(e.text);
        if (t.empty()) fail("empty element", path, e);
        return t;
    }
    /// A whole number 0 … max written with digits only.
    std::int64_t number(const io::XmlElement& e, const std::string& path, std::int64_t max) const {
        const std::string t = text(e, path);
        if (t.size() > 18) fail("'" + t + "' is not a whole number from 0 to " + std::to_string(max), path, e);
        std::int64_t v = 0;
        for (char ch : t) {
            if (!std::isdigit(static_cast<unsigned char>(ch)))
                fail("'" + t + "' is not a whole number from 0 to " + std::to_string(max), path, e);
            v = v * 10 + (ch - '0');
        }
        if (v > max) fail("'" + t + "' is larger than " + std::to_string(max), path, e);
        return v;
    }
    Date date(const io::XmlElement& e, const std::string& path) const {
        const std::string t = text(e, path);
        try {
            return parse_date(t);
        } catch (const Error& err) {
            fail("'" + t + "' is not a date YYYY-MM-DD without a time zone (" + err.message() + ")", path, e);
        }
    }
    /// CDT_BedragMetDC / CDT_TotaalBedragMetDC: {amount_name, DebetCredit}.
    SignedCents with_dc(const io::XmlElement& e, const std::string& path, std::string_view amount_name,
                        std::int64_t max) const {
        SignedCents s;
        const std::string p = path + "." + std::string(amount_name);
        s.cents = number(need(e, amount_name, path), p, max);
        const auto& dc = need(e, "DebetCredit", path);
        const std::string v = text(dc, path + ".DebetCredit");
        if (v == "C") s.credit = true;
        else if (v != "D") fail("'" + v + "' is not D (debet) or C (credit) (COD043)", path + ".DebetCredit", dc);
        return s;
    }
};

// Limits of the iStandaard (restrictions RS005, RS040): LDT_Bedrag and LDT_Volume 8 digits,
// TotaalBedrag 12 digits.
constexpr std::int64_t max_amount = 99999999;
constexpr std::int64_t max_total = 999999999999;
constexpr std::int64_t max_volume = 99999999;

}  // namespace

Message parse_message(std::string_view xml, const std::string& source, const io::ReadLimits& limits) {
    const io::XmlElement root = io::parse_xml(xml, source, limits);
    Message m;
    m.source = source;
    Reader r{{}, {}, source};
    if (root.ns == jw323_ns) {
        r.ns = jw323_ns;
        r.base_ns = ijw_base_ns;
        m.law = Law::jeugdwet;
    } else if (root.ns == wmo323_ns) {
        r.ns = wmo323_ns;
        r.base_ns = iwmo_base_ns;
        m.law = Law::wmo2015;
    } else {
        throw ParseError("not a JW323 or WMO323 declaration message: the root element " + root.qname() +
                             " is in namespace '" + root.ns + "' (expected " + std::string(jw323_ns) + " or " +
                             std::string(wmo323_ns) + ")",
                         r.at(root.name, root));
    }
    if (root.name != "Bericht") r.fail("the root element is " + root.qname() + ", not Bericht", root.name, root);

    const auto& header = r.need(root, "Header", "Bericht");
    const std::string hp = "Header";
    const auto& code_el = r.need(header, "BerichtCode", hp);
    m.message_code = static_cast<int>(r.number(code_el, hp + ".BerichtCode", 999));
    const int expected = m.law == Law::jeugdwet ? jw323_code : wmo323_code;
    if (m.message_code != expected)
        r.fail("BerichtCode " + std::to_string(m.message_code) + " is not that of " +
                   (m.law == Law::jeugdwet ? "JW323 (490)" : "WMO323 (484)"),
               hp + ".BerichtCode", code_el);
    m.version = r.text(r.need(header, "BerichtVersie", hp), hp + ".BerichtVersie") + "." +
                r.text(r.need(header, "BerichtSubversie", hp), hp + ".BerichtSubversie");
    if (const auto* e = r.find(header, "Afzender")) m.sender = r.text(*e, hp + ".Afzender");
    if (const auto* e = r.find(header, "Ontvanger")) m.receiver = r.text(*e, hp + ".Ontvanger");
    if (const auto* e = r.find(header, "BerichtIdentificatie"))
        if (const auto* id = r.find(*e, "Identificatie")) m.identification = r.text(*id, hp + ".BerichtIdentificatie.Identificatie");

    const std::string dp = "Declaratie";
    const auto& decl = r.need(root, "Declaratie", "Bericht");
    m.declaration_number = r.text(r.need(decl, "DeclaratieNummer", dp), dp + ".DeclaratieNummer");
    if (const auto* e = r.find(decl, "DeclaratieDagtekening")) m.declaration_date = r.date(*e, dp + ".DeclaratieDagtekening");
    if (const auto* e = r.find(decl, "DeclaratiePeriode")) {
        m.period_start = r.date(r.need(*e, "Begindatum", dp + ".DeclaratiePeriode"), dp + ".DeclaratiePeriode.Begindatum");
        m.period_end = r.date(r.need(*e, "Einddatum", dp + ".DeclaratiePeriode"), dp + ".DeclaratiePeriode.Einddatum");
    }
    const auto& total = r.need(decl, "TotaalIngediendBedrag", dp);
    m.total = r.with_dc(total, dp + ".TotaalIngediendBedrag", "TotaalBedrag", max_total);
    m.total_location = r.at(dp + ".TotaalIngediendBedrag", total);

    const auto& clients = r.need(decl, "Clienten", dp);
    const auto client_list = r.all(clients, "Client");
    if (client_list.empty()) r.fail("required element Client is missing", dp + ".Clienten", clients);
    for (std::size_t ci = 0; ci < client_list.size(); ++ci) {
        const auto& client = *client_list[ci];
        const std::string cp = dp + ".Clienten.Client[" + std::to_string(ci) + "]";
        const std::string bsn = r.text(r.need(client, "Bsn", cp), cp + ".Bsn");
        const auto& prestaties = r.need(client, "Prestaties", cp);
        const auto list = r.all(prestaties, "Prestatie");
        if (list.empty()) r.fail("required element Prestatie is missing", cp + ".Prestaties", prestaties);
        for (std::size_t pi = 0; pi < list.size(); ++pi) {
            const auto& p = *list[pi];
            Line l;
            l.client = ci;
            l.bsn = bsn;
            l.path = cp + ".Prestaties.Prestatie[" + std::to_string(pi) + "]";
            l.location = r.at(l.path, p);
            const auto& ref = r.need(p, "ProductReferentie", l.path);
            l.reference = r.text(r.need(ref, "ReferentieNummer", l.path + ".ProductReferentie"),
                                 l.path + ".ProductReferentie.ReferentieNummer");
            if (const auto* prev = r.find(ref, "VorigReferentieNummer"))
                l.previous_reference = r.text(*prev, l.path + ".ProductReferentie.VorigReferentieNummer");
            if (const auto* e = r.find(p, "ToewijzingNummer")) l.allocation = r.text(*e, l.path + ".ToewijzingNummer");
            l.category = r.text(r.need(p, "ProductCategorie", l.path), l.path + ".ProductCategorie");
            l.code = r.text(r.need(p, "ProductCode", l.path), l.path + ".ProductCode");
            const auto& period = r.need(p, "ProductPeriode", l.path);
            l.period_location = r.at(l.path + ".ProductPeriode", period);
            l.period_start = r.date(r.need(period, "Begindatum", l.path + ".ProductPeriode"), l.path + ".ProductPeriode.Begindatum");
            l.period_end = r.date(r.need(period, "Einddatum", l.path + ".ProductPeriode"), l.path + ".ProductPeriode.Einddatum");
            if (date::sys_days{l.period_end} < date::sys_days{l.period_start})
                r.fail("Einddatum " + format_date(l.period_end) + " lies before Begindatum " + format_date(l.period_start),
                       l.path + ".ProductPeriode", period);
            l.volume = r.number(r.need(p, "GeleverdVolume", l.path), l.path + ".GeleverdVolume", max_volume);
            const auto& unit = r.need(p, "Eenheid", l.path);
            l.unit = r.text(unit, l.path + ".Eenheid");
            l.unit_location = r.at(l.path + ".Eenheid", unit);
            if (const auto* t = r.find(p, "ProductTarief")) {
                l.tariff_cents = r.number(*t, l.path + ".ProductTarief", max_amount);
                l.tariff_location = r.at(l.path + ".ProductTarief", *t);
            } else {
                l.tariff_location = l.location;
            }
            const auto& amount = r.need(p, "IngediendBedrag", l.path);
            l.amount = r.with_dc(amount, l.path + ".IngediendBedrag", "Bedrag", max_amount);
            l.amount_location = r.at(l.path + ".IngediendBedrag", amount);
            m.lines.push_back(std::move(l));
        }
    }
    return m;
}

Message load_message(const std::string& path, const io::ReadLimits& limits) {
    return parse_message(io::read_text_file(path, limits.max_bytes), path, limits);
}

}  // namespace zorginkoop::declarations
