// The meta-test of the rule catalogue (the rule files data/rules/<group>/<ID>.yaml): the ids in code
// equal the ids of the rule files in catalogue order (section, then id; none missing, none extra),
// with the severity the files state; every rule has a
// fixture on which it fires and one on which it stays silent; its messages exist in Dutch and
// English with every placeholder filled; every citation resolves in the registry, and rules of
// error severity cite at least one binding source; every declaration is complete (titles in Dutch and
// English of at most 70 characters, stages in report order, dates in force in order, a body).

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "message_checks.hpp"
#include "support.hpp"
#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/report/messages.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;
namespace fs = std::filesystem;

namespace {

/// One rule file of data/rules/<group>/ (the procurement groups): its id and the severity the
/// catalogue states (`catalogue_severity`, a choice such as "error / info", else `severity`).
struct CatalogueRule {
    std::string id;
    std::string severity;
    std::string section;
};

/// The rules of the rule files of the procurement check, in catalogue order (section, then id).
/// The rule files are data files of the repository.
std::vector<CatalogueRule> catalogue_rules() {
    std::vector<std::pair<std::pair<long, std::string>, CatalogueRule>> found;
    for (const auto& group : fs::directory_iterator(zktest::source_path("data/rules"))) {
        if (!group.is_directory() || group.path().filename() == "decl") continue;
        for (const auto& file : fs::directory_iterator(group.path())) {
            const io::Node root = io::read_file(file.path().string());
            const io::Node* id = root.find("id");
            const io::Node* severity = root.find("catalogue_severity") ? root.find("catalogue_severity") : root.find("severity");
            const io::Node* section = root.find("section");
            REQUIRE(id != nullptr);
            REQUIRE(severity != nullptr);
            REQUIRE(section != nullptr);
            found.push_back({{std::stol(section->text()), id->text()}, {id->text(), severity->text(), section->text()}});
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<CatalogueRule> out;
    for (auto& f : found) out.push_back(std::move(f.second));
    return out;
}

std::vector<std::string> catalogue_ids() {
    std::vector<std::string> ids;
    for (const auto& r : catalogue_rules()) ids.push_back(r.id);
    return ids;
}

/// Rule ids of the catalogue not (yet) in code: none.
const std::set<std::string> remaining{};

std::vector<std::string> fixtures_of(const std::string& id, const std::string& kind) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(zktest::source_path("tests/fixtures/procurement/rules"))) {
        const std::string name = e.path().filename().string();
        if (name.rfind(id + "." + kind, 0) == 0) out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool fires(const Report& r, const std::string& id) {
    for (const auto& f : r.findings)
        if (f.rule == id && fired(f)) return true;
    return false;
}

}  // namespace

TEST_CASE("rule ids in code equal the ids of the rule catalogue", "[procurement][meta]") {
    const auto ids = catalogue_ids();
    REQUIRE(ids.size() >= 50);
    std::vector<std::string> expected;
    for (const auto& id : ids)
        if (!remaining.count(id)) expected.push_back(id);
    std::vector<std::string> in_code;
    for (const auto& r : rule_catalogue()) in_code.push_back(r.id);
    CHECK(in_code == expected);  // same ids, same (catalogue) order
    std::set<std::string> missing(ids.begin(), ids.end());
    for (const auto& id : in_code) missing.erase(id);
    CHECK(missing == remaining);
}

TEST_CASE("every rule has the severity of the rule catalogue", "[procurement][meta]") {
    std::map<std::string, std::string> severity;
    for (const auto& r : catalogue_rules()) severity[r.id] = r.severity;
    for (const auto& rule : rule_catalogue()) {
        INFO(rule.id);
        REQUIRE(severity.count(rule.id) == 1);
        // "error / info": the rule chooses per finding; its default is one of the two.
        const std::string& stated = severity[rule.id];
        const std::string name = severity_name(rule.severity);
        bool listed = false;
        std::size_t start = 0;
        while (start <= stated.size()) {
            std::size_t end = stated.find('/', start);
            if (end == std::string::npos) end = stated.size();
            std::string part = stated.substr(start, end - start);
            part.erase(0, part.find_first_not_of(' '));
            part.erase(part.find_last_not_of(' ') + 1);
            if (part == name) listed = true;
            start = end + 1;
        }
        CHECK(listed);
    }
}

namespace {

/// Characters (code points) of a UTF-8 string.
std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace

TEST_CASE("every rule is declared completely: titles, stage order, dates, body", "[procurement][meta]") {
    std::set<std::string> nl_titles, en_titles;
    std::optional<Stage> previous;
    for (const auto& rule : rule_catalogue()) {
        INFO(rule.id);
        CHECK(!rule.title.nl.empty());
        CHECK(!rule.title.en.empty());
        CHECK(code_points(rule.title.nl) <= 70);
        CHECK(code_points(rule.title.en) <= 70);
        CHECK(rule.title.in(Lang::nl) == rule.title.nl);
        CHECK(rule.title.in(Lang::en) == rule.title.en);
        // A title names what its rule checks: no two rules share one.
        CHECK(nl_titles.insert(rule.title.nl).second);
        CHECK(en_titles.insert(rule.title.en).second);
        // The catalogue order is the report order of the stages.
        if (previous) CHECK(static_cast<int>(*previous) <= static_cast<int>(rule.stage));
        previous = rule.stage;
        if (rule.in_force_from && rule.in_force_to)
            CHECK(date::sys_days{*rule.in_force_from} <= date::sys_days{*rule.in_force_to});
        CHECK(rule.run != nullptr);
        CHECK(!rule.citations.empty());
    }
}

TEST_CASE("every rule runs in the stage of its catalogue section", "[procurement][meta]") {
    // Sections 1-10 → stages; sections 8-10 (FUND, IJW, NVO, JREG) form the funding stage.
    const std::map<std::string, Stage> stage_of{{"1", Stage::regime},     {"2", Stage::value},  {"3", Stage::publication},
                                                {"4", Stage::term},       {"5", Stage::award},  {"6", Stage::price},
                                                {"7", Stage::open_house}, {"8", Stage::funding}, {"9", Stage::funding},
                                                {"10", Stage::funding}};
    std::map<std::string, std::string> section;
    for (const auto& r : catalogue_rules()) section[r.id] = r.section;
    for (const auto& rule : rule_catalogue()) {
        INFO(rule.id << " in section " << section[rule.id]);
        REQUIRE(stage_of.count(section[rule.id]) == 1);
        CHECK(stage_of.at(section[rule.id]) == rule.stage);
    }
}

TEST_CASE("every rule fires on its fixture and stays silent on another", "[procurement][meta]") {
    for (const auto& rule : rule_catalogue()) {
        INFO(rule.id);
        const auto fire = fixtures_of(rule.id, "fires");
        const auto silent = fixtures_of(rule.id, "silent");
        CHECK_FALSE(fire.empty());
        CHECK_FALSE(silent.empty());
        for (const auto& path : fire) {
            INFO(path);
            const Document d = load_document(path);
            REQUIRE(d.expect);
            CHECK(d.expect->fires == std::vector<std::string>{rule.id});
            CHECK(fires(check(d), rule.id));
        }
        for (const auto& path : silent) {
            INFO(path);
            const Document d = load_document(path);
            REQUIRE(d.expect);
            CHECK(d.expect->silent == std::vector<std::string>{rule.id});
            const Report r = check(d);
            for (const auto& f : r.findings) CHECK(f.rule != rule.id);  // not even "not evaluated"
        }
    }
}

TEST_CASE("every rule has messages in Dutch and English with the same placeholders", "[procurement][meta]") {
    const MessageCatalogue nl = bundled_messages(Lang::nl);
    const MessageCatalogue en = bundled_messages(Lang::en);
    for (const auto& rule : rule_catalogue()) {
        INFO(rule.id);
        const std::string prefix = "check." + rule.id + ".";
        const std::size_t n = zktest::check_same_placeholders(nl, en, prefix);
        for (const auto& key : en.keys())
            if (key.rfind(prefix, 0) == 0) CHECK(nl.contains(key));
        CHECK(n >= 1);
    }
    // Every key is for a rule of the catalogue.
    for (const auto& key : nl.keys())
        if (key.rfind("check.", 0) == 0) CHECK_NOTHROW(find_rule(key.substr(6, key.find('.', 6) - 6)));
}

TEST_CASE("every finding of every fixture and example renders in both languages", "[procurement][meta]") {
    const MessageCatalogue nl = bundled_messages(Lang::nl);
    const MessageCatalogue en = bundled_messages(Lang::en);
    std::vector<std::string> docs;
    for (const char* dir : {"tests/fixtures/procurement/rules", "examples/cases"})
        for (const auto& e : fs::directory_iterator(zktest::source_path(dir)))
            if (e.path().string().find(".zorginkoop.yaml") != std::string::npos) docs.push_back(e.path().string());
    std::set<std::string> keys_seen;
    for (const auto& path : docs) {
        const Report r = check_file(path);
        for (const auto& f : r.findings) {
            INFO(path << " " << f.rule << " " << f.message_key);
            CHECK_NOTHROW(nl.render(f.message_key, f.params));
            CHECK_NOTHROW(en.render(f.message_key, f.params));
            CHECK_FALSE(f.citations.empty());
            CHECK_FALSE(f.locations.empty());
            keys_seen.insert(f.message_key);
        }
    }
    CHECK(keys_seen.size() >= 50);
}

TEST_CASE("every citation resolves; error rules cite a binding source", "[procurement][meta]") {
    const LawRegistry laws = bundled_laws();
    for (const auto& rule : rule_catalogue()) {
        INFO(rule.id);
        CHECK_FALSE(rule.citations.empty());
        bool binding = false;
        for (const auto& c : rule.citations) {
            CHECK_NOTHROW(laws.cite(c.law_id, c.article, c.lid, c.onderdeel, c.version_date));
            if (laws.contains(c.law_id) && is_binding(laws.at(c.law_id).kind)) binding = true;
        }
        if (rule.severity == Severity::error) CHECK(binding);
        CHECK(rule.run != nullptr);
    }
}

namespace {

void noop_body(const Document&, const RuleContext&, Emitter&) {}

const char* const minimal_rule_file = R"(zorginkoop_rule: 1
id: TEST-001
section: 1
group: "Test"
title:
  nl: "Testregel"
  en: "Test rule"
severity: error
stage: regime
law: both
citations:
  - law: aw2012
    article: "2.6a"
texts: []
text: "A rule for the loader's tests."
)";

}  // namespace

TEST_CASE("a rule file is read into a rule without its body", "[procurement][meta][rule_files]") {
    const Rule r = read_rule(minimal_rule_file, "rules/test/TEST-001.yaml");
    CHECK(r.id == "TEST-001");
    CHECK(r.title.en == "Test rule");
    CHECK(r.severity == Severity::error);
    REQUIRE(r.citations.size() == 1);
    CHECK(r.citations[0].article == "2.6a");
    CHECK(r.run == nullptr);
}

TEST_CASE("a rule file without a body or a body without a rule file is an error at load", "[procurement][meta][rule_files]") {
    const Rule r = read_rule(minimal_rule_file, "rules/test/TEST-001.yaml");
    const std::vector<RuleBody> with_body{{"TEST-001", noop_body}};
    const std::vector<Rule> joined = join_rules({r}, with_body, "test");
    REQUIRE(joined.size() == 1);
    CHECK(joined[0].run == &noop_body);
    CHECK_THROWS_AS(join_rules({r}, {}, "test"), InvalidInput);
    CHECK_THROWS_WITH(join_rules({r}, {}, "test"), Catch::Contains("TEST-001") && Catch::Contains("has no body"));
    const std::vector<RuleBody> extra{{"TEST-001", noop_body}, {"TEST-002", noop_body}};
    CHECK_THROWS_WITH(join_rules({r}, extra, "test"), Catch::Contains("TEST-002") && Catch::Contains("has no rule file"));
    CHECK_THROWS_WITH(join_rules({r, r}, with_body, "test"), Catch::Contains("two rule files"));
}

TEST_CASE("a rule file that is not a rule is a typed error naming the file and the key", "[procurement][meta][rule_files]") {
    std::string misspelt = minimal_rule_file;
    misspelt.replace(misspelt.find("severity: error"), 15, "severity: fatal");
    try {
        (void)read_rule(misspelt, "rules/test/TEST-001.yaml");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.where().source == "rules/test/TEST-001.yaml");
        CHECK(e.where().path == "severity");
        CHECK(e.where().line == 8);
    }
    std::string unknown_law = minimal_rule_file;
    unknown_law.replace(unknown_law.find("law: aw2012"), 11, "law: aw2099");
    CHECK_THROWS_AS(read_rule(unknown_law, "rules/test/TEST-001.yaml"), InvalidInput);
    std::string extra_key = std::string(minimal_rule_file) + "tittle: x\n";
    CHECK_THROWS_AS(read_rule(extra_key, "rules/test/TEST-001.yaml"), ParseError);
}
