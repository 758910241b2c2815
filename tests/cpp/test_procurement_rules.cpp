// The meta-test of the rule catalogue, generated from rules.md: the ids in code equal the ids in
// rules.md (none missing, none extra, apart from the PRICE group still to come); every rule has a
// fixture on which it fires and one on which it stays silent; its messages exist in Dutch and
// English with every placeholder filled; every citation resolves in the registry, and rules of
// error severity cite at least one binding source.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "support.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/report/messages.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;
namespace fs = std::filesystem;

namespace {

/// Rule ids of rules.md (the rows of its tables), in order. The catalogue lives next to the
/// repository (../shared/domain/rules.md); without it the test fails.
std::vector<std::string> catalogue_ids() {
    const std::string path = zktest::source_path("../shared/domain/rules.md");
    std::ifstream in(path);
    if (!in) FAIL("rules.md not found at " + path);
    std::vector<std::string> ids;
    const std::regex row(R"(^\|\s*([A-Z]+-[0-9]{3})\s*\|)");
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_search(line, m, row)) ids.push_back(m[1]);
    }
    return ids;
}

/// Rule ids of rules.md not (yet) in code: none.
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

TEST_CASE("rule ids in code equal the ids of rules.md", "[procurement][meta]") {
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
    const MessageCatalogue nl = MessageCatalogue::bundled(Lang::nl);
    const MessageCatalogue en = MessageCatalogue::bundled(Lang::en);
    for (const auto& rule : rule_catalogue()) {
        INFO(rule.id);
        const std::string prefix = "check." + rule.id + ".";
        std::size_t n = 0;
        for (const auto& key : nl.keys()) {
            if (key.rfind(prefix, 0) != 0) continue;
            ++n;
            INFO(key);
            REQUIRE(en.contains(key));
            auto a = MessageCatalogue::placeholders(nl.text(key));
            auto b = MessageCatalogue::placeholders(en.text(key));
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            CHECK(a == b);
        }
        for (const auto& key : en.keys())
            if (key.rfind(prefix, 0) == 0) CHECK(nl.contains(key));
        CHECK(n >= 1);
    }
    // Every key is for a rule of the catalogue.
    for (const auto& key : nl.keys())
        if (key.rfind("check.", 0) == 0) CHECK_NOTHROW(find_rule(key.substr(6, key.find('.', 6) - 6)));
}

TEST_CASE("every finding of every fixture and example renders in both languages", "[procurement][meta]") {
    const MessageCatalogue nl = MessageCatalogue::bundled(Lang::nl);
    const MessageCatalogue en = MessageCatalogue::bundled(Lang::en);
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
    const LawRegistry laws = LawRegistry::bundled();
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
