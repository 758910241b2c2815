// The law registry read from its data file (data/law/laws.yaml, embedded in the library).

#include "zorginkoop/law/registry.hpp"

#include <algorithm>

#include "zorginkoop/data.hpp"
#include "zorginkoop/io/reader.hpp"

namespace zorginkoop {

namespace {

LawVersion read_version(const io::Reader& r, bool named) {
    io::MapReader m(r);
    LawVersion v;
    if (named) v.name = m.require("name").text();
    v.date = m.require("date").date();
    v.source = m.require("source").text();
    m.finish("a law version");
    return v;
}

ProvisionPlace read_place(io::MapReader& m) {
    ProvisionPlace p;
    p.article = m.require("article").text();
    if (auto v = m.value("lid")) p.lid = v->text();
    if (auto v = m.value("onderdeel")) p.onderdeel = v->text();
    return p;
}

std::string describe(const ProvisionPlace& p) {
    std::string s = "art. " + p.article;
    if (!p.lid.empty()) s += " lid " + p.lid;
    if (!p.onderdeel.empty()) s += " onder " + p.onderdeel;
    return s;
}

Provision read_provision(const io::Reader& r) {
    io::MapReader m(r);
    Provision p;
    p.place = read_place(m);
    const std::optional<io::Reader> from = m.get("from");  // required, but may be null: not sourced
    if (!from) {
        m.reject_misspelling_of("from");
        r.fail("required key 'from' is missing (null when no source gives the date)");
    }
    if (!from->is_null()) p.from = from->date();
    if (auto v = m.value("until")) p.until = v->date();
    if (p.from && p.until && date::sys_days{*p.until} < date::sys_days{*p.from})
        m.require("until").invalid("ends before it starts (" + format_date(*p.from) + ")");
    if (auto v = m.value("preceded_by")) {
        if (!p.from) v->invalid("a provision preceded by another needs its 'from' date");
        io::MapReader b(*v);
        p.preceded_by = read_place(b);
        b.finish("a provision's place");
    }
    p.source = m.require("source").text();
    p.confirmed = m.require("confirmed").boolean();
    m.finish("a provision");
    return p;
}

bool overlap(const Provision& a, const Provision& b) {
    const auto starts_after = [](const Provision& x, const Provision& y) {  // x starts after y ends
        return x.from && y.until && date::sys_days{*y.until} < date::sys_days{*x.from};
    };
    return !starts_after(a, b) && !starts_after(b, a);
}

bool is_key(const std::string& k) {
    return !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

}  // namespace

LawRegistry LawRegistry::from_node(const io::Node& node, const std::string& source) {
    io::MapReader top(io::Reader(node, "", source));
    if (top.require("zorginkoop_laws").integer() != 1)
        top.require("zorginkoop_laws").fail("unsupported format version (this library reads 1)");
    std::vector<LegalSource> laws;
    for (const auto& item : top.require("laws").items()) {
        io::MapReader m(item);
        LegalSource law;
        const io::Reader key = m.require("key");
        law.key = key.text();
        if (!is_key(law.key)) key.fail("a law key is lower-case letters, digits and '_'");
        const io::Reader id = m.require("id");
        law.id = id.text();
        const std::string kind = m.require("kind").enumeration({"bwb", "celex", "ecli", "guidance"});
        law.kind = kind == "bwb" ? LawKind::bwb : kind == "celex" ? LawKind::celex
                 : kind == "ecli" ? LawKind::ecli : LawKind::guidance;
        law.title_nl = m.require("title_nl").text();
        law.short_nl = m.require("short_nl").text();
        law.title_en = m.require("title_en").text();
        law.source = m.require("source").text();
        if (auto v = m.value("version")) law.version = read_version(*v, false);
        if (auto vs = m.value("versions"))
            for (const auto& v : vs->items()) {
                LawVersion lv = read_version(v, true);
                for (const auto& other : law.versions)
                    if (other.name == lv.name) v.invalid("version '" + lv.name + "' is listed twice");
                law.versions.push_back(std::move(lv));
            }
        if (auto ps = m.value("provisions"))
            for (const auto& entry : ps->items()) {
                Provision p = read_provision(entry);
                for (const auto& other : law.provisions)
                    if (other.place == p.place && overlap(other, p))
                        entry.invalid(describe(p.place) + " is listed twice for overlapping periods");
                law.provisions.push_back(std::move(p));
            }
        // every `preceded_by` names a listed place
        if (auto ps = m.value("provisions")) {
            const auto items = ps->items();
            for (std::size_t i = 0; i < law.provisions.size(); ++i) {
                const auto& before = law.provisions[i].preceded_by;
                if (!before) continue;
                const bool listed = std::any_of(law.provisions.begin(), law.provisions.end(),
                                                [&](const Provision& p) { return p.place == *before; });
                if (!listed) items[i].invalid("preceded_by " + describe(*before) + " is not listed");
            }
        }
        m.finish("a law");
        for (const auto& other : laws) {
            if (other.key == law.key) key.invalid("law key '" + law.key + "' is listed twice");
            if (other.id == law.id) id.invalid("law id '" + law.id + "' is listed twice");
        }
        laws.push_back(std::move(law));
    }
    top.finish("the law list");
    return LawRegistry(std::move(laws));
}

const LawRegistry& LawRegistry::bundled() {
    static const LawRegistry registry =
        from_node(io::parse_yaml(bundled_file("law/laws.yaml"), "law/laws.yaml"), "law/laws.yaml");
    return registry;
}

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
    if (!lists(id, place)) throw InvalidInput(law.short_nl + ": " + describe(place) + " is not listed in the law data");
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
    throw InvalidInput(law.short_nl + ": the provisions preceding " + describe(place) + " form a cycle");
}

Date LawRegistry::version_date(std::string_view key, std::string_view name) const {
    const LegalSource& law = by_key(key);
    for (const auto& v : law.versions)
        if (v.name == name) return v.date;
    throw InvalidInput("law '" + std::string(key) + "' has no version '" + std::string(name) + "'");
}

}  // namespace zorginkoop
