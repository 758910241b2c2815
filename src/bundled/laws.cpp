// The law data read from YAML: the law registry (data/law/laws.yaml) and the holiday decrees
// (data/law/holidays.yaml), both embedded in the library.

#include "zorginkoop/bundled/laws.hpp"

#include <algorithm>

#include "zorginkoop/data.hpp"
#include "zorginkoop/io/reader.hpp"

namespace zorginkoop {

namespace {

/// The entries of a data file of format `format` (`<format>: 1`, the only version read): the
/// items of its list `list`, each a mapping with a `key`, read by `read(item, key, entries so far)`.
template <class T, class Read>
std::vector<T> read_keyed_list(const io::Node& node, const std::string& source, const char* format, const char* list,
                               const char* what, Read read) {
    io::MapReader top(io::Reader(node, "", source));
    const io::Reader version = top.require(format);
    if (version.integer() != 1) version.fail("unsupported format version (this library reads 1)");
    std::vector<T> entries;
    for (const auto& item : top.require(list).items()) {
        io::MapReader m(item);
        const io::Reader key = m.require("key");
        entries.push_back(read(m, key, entries));
    }
    top.finish(what);
    return entries;
}

/// A bundled data file read once by `from_node`.
template <class T>
T read_bundled(const char* path, T (*from_node)(const io::Node&, const std::string&)) {
    return from_node(io::parse_yaml(bundled_file(path), path), path);
}

std::string optional_text(io::MapReader& m, std::string_view key) {
    const auto v = m.value(key);
    return v ? v->text() : std::string{};
}

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

LegalSource read_law(io::MapReader& m, const io::Reader& key) {
    LegalSource law;
    law.key = key.text();
    if (!is_key(law.key)) key.fail("a law key is lower-case letters, digits and '_'");
    law.id = m.require("id").text();
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
    if (auto ps = m.value("provisions")) {
        const auto items = ps->items();
        for (const auto& entry : items) {
            Provision p = read_provision(entry);
            for (const auto& other : law.provisions)
                if (other.place == p.place && overlap(other, p))
                    entry.invalid(p.place.describe() + " is listed twice for overlapping periods");
            law.provisions.push_back(std::move(p));
        }
        // every `preceded_by` names a listed place
        for (std::size_t i = 0; i < law.provisions.size(); ++i) {
            const auto& before = law.provisions[i].preceded_by;
            if (!before) continue;
            const bool listed = std::any_of(law.provisions.begin(), law.provisions.end(),
                                            [&](const Provision& p) { return p.place == *before; });
            if (!listed) items[i].invalid("preceded_by " + before->describe() + " is not listed");
        }
    }
    m.finish("a law");
    return law;
}

HolidayDecree read_decree(io::MapReader& m, const io::Reader& key, const std::vector<HolidayDecree>& decrees) {
    HolidayDecree d;
    d.key = key.text();
    d.title = m.require("title").text();
    if (const auto date = m.value("date")) (void)date->date();  // checked; documentation only
    d.publication = optional_text(m, "publication");
    (void)optional_text(m, "publication_source");
    d.bwb = optional_text(m, "bwb");
    (void)m.require("source").text();
    d.confirmed = m.require("confirmed").boolean();
    (void)optional_text(m, "missing");
    const io::Reader days = m.require("days");
    for (const auto& day : days.items()) {
        const Date x = day.date();
        for (const auto& seen : d.days)
            if (date::sys_days{seen} == date::sys_days{x}) day.invalid(format_date(x) + " is listed twice");
        for (const auto& other : decrees)
            for (const auto& seen : other.days)
                if (date::sys_days{seen} == date::sys_days{x})
                    day.invalid(format_date(x) + " is also listed by '" + other.key + "'");
        d.days.push_back(x);
    }
    if (d.days.empty()) days.invalid("a decree assimilates at least one day");
    m.finish("a holiday decree");
    return d;
}

}  // namespace

LawRegistry law_registry_from_node(const io::Node& node, const std::string& source) {
    return LawRegistry(read_keyed_list<LegalSource>(
        node, source, "zorginkoop_laws", "laws", "the law list",
        [](io::MapReader& m, const io::Reader& key, const std::vector<LegalSource>& laws) {
            LegalSource law = read_law(m, key);
            for (const auto& other : laws) {
                if (other.key == law.key) key.invalid("law key '" + law.key + "' is listed twice");
                if (other.id == law.id) m.require("id").invalid("law id '" + law.id + "' is listed twice");
            }
            return law;
        }));
}

const LawRegistry& bundled_laws() {
    static const LawRegistry registry = read_bundled("law/laws.yaml", &law_registry_from_node);
    return registry;
}

HolidayCalendar holiday_calendar_from_node(const io::Node& node, const std::string& source) {
    return HolidayCalendar(read_keyed_list<HolidayDecree>(
        node, source, "zorginkoop_holiday_decrees", "decrees", "the holiday decree list",
        [](io::MapReader& m, const io::Reader& key, const std::vector<HolidayDecree>& decrees) {
            for (const auto& other : decrees)
                if (other.key == key.text()) key.invalid("decree key '" + key.text() + "' is listed twice");
            return read_decree(m, key, decrees);
        }));
}

const HolidayCalendar& bundled_holiday_calendar() {
    static const HolidayCalendar calendar = read_bundled("law/holidays.yaml", &holiday_calendar_from_node);
    return calendar;
}

}  // namespace zorginkoop
