// The rule catalogue: every rule file (data/rules/<group>/<ID>.yaml, embedded) read once and joined
// with its body from the group's table (src/procurement/rules_<group>.cpp), in catalogue order; and
// how a rule's citation resolves to a dated LegalRef (the one place: procurement, declarations and
// the Python export all call resolve_citation).

#include <algorithm>

#include "document_fields.hpp"
#include "rule_support.hpp"
#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/data.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"

namespace zorginkoop::procurement {

namespace detail {

Citation cite(const std::string& law_key, const std::string& article, const std::string& lid,
              const std::string& onderdeel, std::optional<Law> law, const std::string& tag) {
    const LawRegistry& laws = bundled_laws();
    const LegalSource& source = laws.by_key(law_key);
    // A rule cites only provisions the law data lists with their dates (official texts).
    if (!source.provisions.empty() && !laws.lists(source.id, ProvisionPlace{article, lid, onderdeel}))
        throw InvalidInput(source.short_nl + " art. " + article + (lid.empty() ? "" : " lid " + lid) +
                           (onderdeel.empty() ? "" : " onder " + onderdeel) +
                           " is cited but not listed in data/law/laws.yaml (provisions)");
    Citation c;
    c.law_id = source.id;
    c.article = article;
    c.lid = lid;
    c.onderdeel = onderdeel;
    if (source.version) c.version_date = source.version->date;
    c.law = law;
    c.tag = tag;
    c.law_key = source.key;
    return c;
}

Citation cite_version(const std::string& law_key, const std::string& article, const std::string& lid,
                      const std::string& onderdeel, const char* version, std::optional<Law> law, const std::string& tag) {
    Citation c = cite(law_key, article, lid, onderdeel, law, tag);
    c.version_date = bundled_laws().version_date(law_key, version);
    c.pinned = true;
    return c;
}

namespace {

std::optional<Law> scope_of(const io::Reader& r) {
    const std::string t = r.enumeration({"both", "jeugdwet", "wmo2015"});
    if (t == "both") return std::nullopt;
    return t == "jeugdwet" ? Law::jeugdwet : Law::wmo2015;
}

std::vector<ProcedureKind> kinds_of(const io::Reader& r) {
    std::vector<ProcedureKind> out;
    for (const auto& item : r.items()) {
        const std::string t = item.text();
        const auto row = std::find_if(fields::kind_table.rows.begin(), fields::kind_table.rows.end(), [&](const auto& k) { return t == k.second; });
        if (row == fields::kind_table.rows.end()) item.fail(zorginkoop::detail::quote_text(t) + " is not a procedure kind");
        out.push_back(row->first);
    }
    return out;
}

Stage stage_of(const io::Reader& r) {
    static const std::pair<Stage, std::string_view> stages[] = {
        {Stage::regime, "regime"}, {Stage::value, "value"},         {Stage::publication, "publication"},
        {Stage::term, "term"},     {Stage::award, "award"},         {Stage::price, "price"},
        {Stage::open_house, "open_house"}, {Stage::funding, "funding"}};
    const std::string t = r.enumeration({"regime", "value", "publication", "term", "award", "price", "open_house", "funding"});
    for (const auto& s : stages)
        if (s.second == t) return s.first;
    r.fail("unknown stage");
}

Severity severity_of(const io::Reader& r) {
    const std::string t = r.enumeration({"error", "warning", "info"});
    return t == "error" ? Severity::error : t == "warning" ? Severity::warning : Severity::info;
}

Citation citation_of(const io::Reader& r) {
    io::MapReader m(r);
    const std::string law = m.require("law").text();
    const std::string article = m.require("article").text();
    const std::string lid = m.value("lid") ? m.value("lid")->text() : std::string();
    const std::string onderdeel = m.value("onderdeel") ? m.value("onderdeel")->text() : std::string();
    const std::optional<Law> scope = m.value("scope") ? scope_of(*m.value("scope")) : std::nullopt;
    const std::string tag = m.value("tag") ? m.value("tag")->text() : std::string();
    const std::optional<io::Reader> version = m.value("version");
    m.finish("a rule citation");
    try {
        if (version) return cite_version(law, article, lid, onderdeel, version->text().c_str(), scope, tag);
        return cite(law, article, lid, onderdeel, scope, tag);
    } catch (const ParseError&) {
        throw;
    } catch (const Error& e) {
        r.invalid(e.message());
    }
}

}  // namespace

}  // namespace detail

using namespace detail;

// ---- citations -----------------------------------------------------------------------------------

std::optional<LegalRef> resolve_citation(const Citation& c, const std::optional<Date>& reference_date, const LawRegistry& laws) {
    // The version in force on the reference date (geldigheidsdatum) for official texts; the
    // quoted version without a reference date; a pinned historic version as it is.
    const LegalSource& law = laws.at(c.law_id);
    std::optional<Date> version = c.version_date;
    if (!c.pinned && reference_date && law.kind == LawKind::bwb) version = reference_date;
    ProvisionPlace place{c.article, c.lid, c.onderdeel};
    if (version && law.kind == LawKind::bwb) {
        const std::optional<ProvisionPlace> then = laws.place_in_force(c.law_id, place, *version);
        if (!then) return std::nullopt;
        place = *then;
    }
    return laws.cite(c.law_id, place.article, place.lid, place.onderdeel, version);
}

// ---- rule files ---------------------------------------------------------------------------------

Rule read_rule(std::string_view yaml, const std::string& source) {
    const io::Node root = io::parse_yaml(yaml, source);
    io::MapReader m(io::Reader(root, "", source));
    if (m.require("zorginkoop_rule").integer() != 1) m.require("zorginkoop_rule").fail("unsupported rule file version");
    Rule rule;
    rule.id = m.require("id").text();
    m.require("section").integer();
    m.require("group").text();
    {
        io::MapReader t(m.require("title"));
        rule.title = RuleTitle{t.require("nl").text(), t.require("en").text()};
        t.finish("a rule title");
    }
    rule.severity = severity_of(m.require("severity"));
    if (auto c = m.value("catalogue_severity")) c->text();
    rule.stage = stage_of(m.require("stage"));
    rule.law = scope_of(m.require("law"));
    if (auto k = m.value("only")) rule.only_kinds = kinds_of(*k);
    if (auto k = m.value("except")) rule.except_kinds = kinds_of(*k);
    if (auto p = m.value("part2")) rule.needs_part2 = p->boolean();
    if (auto f = m.value("in_force")) {
        io::MapReader d(*f);
        if (auto from = d.value("from")) rule.in_force_from = from->date();
        if (auto to = d.value("to")) rule.in_force_to = to->date();
        d.finish("a rule's dates in force");
    }
    for (const auto& c : m.require("citations").items()) rule.citations.push_back(citation_of(c));
    for (const auto& t : m.require("texts").items()) t.text();
    if (auto n = m.value("note")) rule.note = n->text();
    m.require("text").text();
    if (auto msgs = m.value("messages")) {
        // Read by the message catalogue (bundled_messages); here only their shape.
        io::MapReader mm(*msgs);
        if (auto k = mm.value("key")) k->enumeration({"check", "decl"});
        for (const char* lang : {"nl", "en"}) io::MapReader(mm.require(lang));
        mm.finish("a rule's messages");
    }
    if (auto scenarios = m.value("scenarios")) {
        // Test data (tests/fixtures/procurement/make_rule_fixtures.py applies them); here only their shape.
        for (const auto& sc : scenarios->items()) {
            io::MapReader x(sc);
            x.require("name").text();
            for (const char* list : {"fires", "silent", "delete"})
                if (auto l = x.value(list)) l->items();
            x.get("patch");
            x.finish("a rule scenario");
        }
    }
    m.finish("a rule file");
    return rule;
}

std::vector<Rule> join_rules(std::vector<Rule> rules, const std::vector<RuleBody>& bodies, std::string_view group) {
    std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
    for (std::size_t i = 1; i < rules.size(); ++i)
        if (rules[i].id == rules[i - 1].id)
            throw InvalidInput("rule " + rules[i].id + " has two rule files in data/rules/" + std::string(group));
    for (auto& rule : rules) {
        const auto body = std::find_if(bodies.begin(), bodies.end(), [&](const RuleBody& b) { return b.id == rule.id; });
        if (body == bodies.end())
            throw InvalidInput("rule file data/rules/" + std::string(group) + "/" + rule.id + ".yaml has no body in the " +
                               std::string(group) + " table");
        rule.run = body->run;
    }
    for (const auto& body : bodies)
        if (std::none_of(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == body.id; }))
            throw InvalidInput("rule body " + std::string(body.id) + " has no rule file data/rules/" + std::string(group) + "/" +
                               std::string(body.id) + ".yaml");
    return rules;
}

std::vector<Rule> detail::bundled_rules(std::string_view group, const std::vector<RuleBody>& bodies) {
    const std::string dir = "rules/" + std::string(group) + "/";
    std::vector<Rule> rules;
    for (const auto& path : bundled_files()) {
        if (path.rfind(dir, 0) != 0) continue;
        Rule r = read_rule(bundled_file(path), path);
        const std::string expected = dir + r.id + ".yaml";
        if (path != expected) throw InvalidInput("rule " + r.id + " is in " + path + ", not " + expected, Location::at("id").in(path));
        rules.push_back(std::move(r));
    }
    return join_rules(std::move(rules), bodies, group);
}

// ---- catalogue ----------------------------------------------------------------------------------

const std::vector<Rule>& rule_catalogue() {
    static const std::vector<Rule> all = [] {
        std::vector<Rule> out;
        // Catalogue order: REG, VAL, SAS, TERM, AWD, PRICE, OH, FUND, IJW, NVO, JREG.
        const std::pair<const char*, std::vector<RuleBody> (*)()> groups[] = {
            {"reg", reg_rules}, {"val", val_rules}, {"sas", sas_rules}, {"term", term_rules}, {"awd", awd_rules}, {"price", price_rules},
            {"oh", oh_rules},   {"fund", fund_rules}, {"ijw", ijw_rules}, {"nvo", nvo_rules}, {"jreg", jreg_rules}};
        for (const auto& [group, bodies] : groups)
            for (auto& r : bundled_rules(group, bodies())) out.push_back(std::move(r));
        return out;
    }();
    return all;
}

const Rule& find_rule(std::string_view id) {
    for (const auto& r : rule_catalogue())
        if (r.id == id) return r;
    throw InvalidInput("unknown rule id '" + std::string(id) + "'");
}

}  // namespace zorginkoop::procurement
