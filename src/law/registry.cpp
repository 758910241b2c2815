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

Date LawRegistry::version_date(std::string_view key, std::string_view name) const {
    const LegalSource& law = by_key(key);
    for (const auto& v : law.versions)
        if (v.name == name) return v.date;
    throw InvalidInput("law '" + std::string(key) + "' has no version '" + std::string(name) + "'");
}

}  // namespace zorginkoop
