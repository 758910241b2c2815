// No citation of a provision that did not exist yet: every cited provision of an official text is
// listed with the dates it exists (data/law/laws.yaml, `provisions`), and a finding cites the
// provision in force on its reference date. A sweep over every rule's citations, each quarter from
// 2015-01-01 to 2027-12-31, and the cases that were wrong: PRICE-006/-007/-010 before 2022-07-01 and
// 2024-07-01.

#include <catch2/catch.hpp>

#include <sstream>

#include "support.hpp"
#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/procurement/check.hpp"

using namespace zorginkoop;
using namespace zorginkoop::procurement;

namespace {

const char* const jw = "BWBR0034925";
const char* const bjw = "BWBR0035779";
const char* const wmo = "BWBR0035362";
const char* const ubw = "BWBR0035733";

bool after(const Date& a, const Date& b) { return date::sys_days{b} < date::sys_days{a}; }

std::string describe(const LegalRef& r) {
    std::ostringstream s;
    s << r.law_id << " art. " << r.article;
    if (!r.lid.empty()) s << " lid " << r.lid;
    if (!r.onderdeel.empty()) s << " onder " << r.onderdeel;
    return s.str();
}

/// What rule `id` cites for a document under `law` on `on`, as the check resolves it.
std::vector<std::string> cited(const std::string& id, Law law, const char* on) {
    std::vector<std::string> out;
    for (const auto& c : find_rule(id).citations) {
        if (c.law && *c.law != law) continue;
        if (const auto r = resolve_citation(c, parse_date(on), bundled_laws())) out.push_back(describe(*r));
    }
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
bool has_law(const std::vector<std::string>& v, const std::string& law) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.rfind(law + " ", 0) == 0; });
}

std::string fixture(const std::string& name) {
    return zktest::source_path("tests/fixtures/procurement/rules/" + name + ".zorginkoop.yaml");
}

LawRegistry read(const std::string& provisions) {
    const std::string yaml = "zorginkoop_laws: 1\nlaws:\n  - key: jeugdwet\n    id: BWBR0034925\n    kind: bwb\n"
                             "    title_nl: Jeugdwet\n    short_nl: Jeugdwet\n    title_en: Youth Act\n    source: s\n"
                             "    provisions:\n" + provisions;
    return law_registry_from_node(io::parse_yaml(yaml, "laws.yaml"), "laws.yaml");
}

}  // namespace

TEST_CASE("every rule cites, each quarter of 2015-2027, only provisions in force on the version it links",
          "[law][citations]") {
    const LawRegistry& laws = bundled_laws();
    std::size_t resolved = 0, dated = 0, dropped = 0;
    for (int year = 2015; year <= 2027; ++year)
        for (unsigned month : {1u, 4u, 7u, 10u}) {
            const Date on = make_date(year, month, 1);
            for (const Law law : {Law::jeugdwet, Law::wmo2015})
                for (const Rule& rule : rule_catalogue()) {
                    if (rule.law && *rule.law != law) continue;
                    if (rule.in_force_from && after(*rule.in_force_from, on)) continue;
                    if (rule.in_force_to && after(on, *rule.in_force_to)) continue;
                    std::size_t cites = 0;  // what a finding of this rule on this date cites
                    for (const Citation& c : rule.citations) {
                        if (c.law && *c.law != law) continue;
                        const LegalSource& source = laws.at(c.law_id);
                        if (source.kind != LawKind::bwb) {
                            ++cites;
                            continue;
                        }
                        INFO(rule.id << " on " << format_date(on) << ": " << describe(c));
                        // the data lists every cited provision of an official text
                        REQUIRE_FALSE(source.provisions.empty());
                        REQUIRE(laws.lists(c.law_id, ProvisionPlace{c.article, c.lid, c.onderdeel}));
                        const std::optional<LegalRef> r = resolve_citation(c, on, laws);
                        if (c.pinned) REQUIRE(r);  // a historic version is cited as it was
                        if (!r) {
                            ++dropped;
                            // dropped only when neither the provision nor a predecessor existed
                            CHECK_FALSE(laws.provision(c.law_id, ProvisionPlace{c.article, c.lid, c.onderdeel}, on));
                            continue;
                        }
                        ++resolved;
                        ++cites;
                        REQUIRE(r->version_date);
                        CHECK(format_date(*r->version_date) == (c.pinned ? format_date(*c.version_date) : format_date(on)));
                        CHECK(r->url.find("&g=" + format_date(*r->version_date)) != std::string::npos);
                        const Provision* p =
                            laws.provision(r->law_id, ProvisionPlace{r->article, r->lid, r->onderdeel}, *r->version_date);
                        REQUIRE(p);
                        CHECK(p->in_force(*r->version_date));
                        if (p->dated()) ++dated;
                    }
                    // A finding always cites something in force. PRICE-008 judges Jeugdwet documents
                    // only from 2024-07-01 (its body; fixture PRICE-008.silent-before-2024), when
                    // Besluit Jeugdwet art. 2.3 lid 1 onder d exists.
                    const bool not_judged = rule.id == "PRICE-008" && law == Law::jeugdwet &&
                                            after(make_date(2024, 7, 1), on);
                    INFO(rule.id << " on " << format_date(on) << (law == Law::jeugdwet ? " (Jeugdwet)" : " (Wmo 2015)"));
                    CHECK((cites > 0 || not_judged));
                }
        }
    CHECK(resolved > 0);
    CHECK(dated > 0);
    CHECK(dropped > 0);  // Besluit Jeugdwet art. 2.3 before 2024-07-01, among others
}

TEST_CASE("PRICE-006 and PRICE-010 cite the price-quality rule in force: Jeugdwet art. 2.12 before 2022-07-01",
          "[law][citations]") {
    for (const char* id : {"PRICE-006", "PRICE-010"}) {
        INFO(id);
        const auto y2020 = cited(id, Law::jeugdwet, "2020-01-01");
        CHECK(has(y2020, std::string(jw) + " art. 2.12"));
        CHECK_FALSE(has(y2020, std::string(jw) + " art. 2.11 lid 2 onder a"));
        const auto y2023 = cited(id, Law::jeugdwet, "2022-07-01");
        CHECK(has(y2023, std::string(jw) + " art. 2.11 lid 2 onder a"));
        CHECK_FALSE(has(y2023, std::string(jw) + " art. 2.12"));
        CHECK(has(cited(id, Law::jeugdwet, "2022-06-30"), std::string(jw) + " art. 2.12"));
        // Wmo 2015: art. 2.6.6 lid 1 before 2024-07-01, onderdeel a from then
        CHECK(has(cited(id, Law::wmo2015, "2016-01-01"), std::string(wmo) + " art. 2.6.6 lid 1"));
        CHECK(has(cited(id, Law::wmo2015, "2024-07-01"), std::string(wmo) + " art. 2.6.6 lid 1 onder a"));
    }
}

TEST_CASE("PRICE-006 and PRICE-007 cite Besluit Jeugdwet art. 2.3 only from 2024-07-01", "[law][citations]") {
    // before it, PRICE-007 rests on the price-quality rule of the Jeugdwet in force then
    CHECK(has(cited("PRICE-007", Law::jeugdwet, "2020-01-01"), std::string(jw) + " art. 2.12"));
    CHECK(has(cited("PRICE-007", Law::jeugdwet, "2023-01-01"), std::string(jw) + " art. 2.11 lid 2 onder a"));
    for (const char* id : {"PRICE-006", "PRICE-007"}) {
        INFO(id);
        CHECK_FALSE(has_law(cited(id, Law::jeugdwet, "2015-01-01"), bjw));
        CHECK_FALSE(has_law(cited(id, Law::jeugdwet, "2024-06-30"), bjw));
        CHECK(has(cited(id, Law::jeugdwet, "2024-07-01"), std::string(bjw) + " art. 2.3 lid 1"));
        // Uitvoeringsbesluit Wmo 2015 art. 5.4 exists from 2017-06-01
        CHECK_FALSE(has_law(cited(id, Law::wmo2015, "2017-04-01"), ubw));
        CHECK(has(cited(id, Law::wmo2015, "2017-07-01"), std::string(ubw) + " art. 5.4 lid 1"));
    }
    // PRICE-008 (from 2017-06-01): the indexation element is lid 3 onder e before 2024-07-01, once
    const auto old = cited("PRICE-008", Law::wmo2015, "2020-01-01");
    CHECK(has(old, std::string(ubw) + " art. 5.4 lid 3 onder e"));
    CHECK_FALSE(has(old, std::string(ubw) + " art. 5.4 lid 1 onder e"));
    CHECK(has(cited("PRICE-008", Law::wmo2015, "2025-01-01"), std::string(ubw) + " art. 5.4 lid 1 onder e"));
}

TEST_CASE("a finding of PRICE-006 dated 2020 cites Jeugdwet art. 2.12 and no Besluit Jeugdwet", "[law][citations][procurement]") {
    CheckOptions o;
    o.as_of = parse_date("2020-01-01");
    const Report r = check(load_document(fixture("PRICE-006.fires")), o);
    const Finding* f = nullptr;
    for (const auto& x : r.findings)
        if (x.rule == "PRICE-006" && x.message_key != not_evaluated_key) f = &x;
    REQUIRE(f);
    std::vector<std::string> refs;
    for (const auto& c : f->citations) refs.push_back(describe(c));
    CHECK(has(refs, std::string(jw) + " art. 2.12"));
    CHECK_FALSE(has_law(refs, bjw));
    for (const auto& c : f->citations) CHECK(c.url.find("&g=2020-01-01") != std::string::npos);
}

TEST_CASE("the provision data: periods, predecessors and errors", "[law][citations][data]") {
    const std::string old_212 = "      - {article: '2.12', from: 2015-01-01, until: 2022-06-30, confirmed: true, source: s}\n";
    const std::string new_211 = "      - {article: '2.11', lid: '2', onderdeel: a, from: 2022-07-01, preceded_by: {article: '2.12'}, "
                                "confirmed: true, source: s}\n";
    const LawRegistry laws = read(old_212 + new_211);
    const ProvisionPlace a{"2.11", "2", "a"};
    CHECK(*laws.place_in_force(jw, a, parse_date("2022-07-01")) == a);
    CHECK(laws.place_in_force(jw, a, parse_date("2022-06-30"))->article == "2.12");
    CHECK_FALSE(laws.place_in_force(jw, a, parse_date("2014-12-31")));  // neither existed
    CHECK_THROWS_AS(laws.place_in_force(jw, ProvisionPlace{"9.9"}, parse_date("2020-01-01")), InvalidInput);

    // overlapping periods of one place, a predecessor that is not listed, an end before the start
    CHECK_THROWS_AS(read(old_212 + "      - {article: '2.12', from: 2022-01-01, confirmed: true, source: s}\n"), InvalidInput);
    CHECK_NOTHROW(read(old_212 + "      - {article: '2.12', from: 2022-07-01, confirmed: true, source: s}\n"));
    try {
        read(new_211);
        FAIL("an unlisted predecessor was accepted");
    } catch (const InvalidInput& e) {
        CHECK(e.where().path == "laws[0].provisions[0]");
    }
    CHECK_THROWS_AS(read("      - {article: '2.12', from: 2022-01-01, until: 2021-01-01, confirmed: true, source: s}\n"),
                    InvalidInput);
    CHECK_THROWS_AS(read("      - {article: '2.12', from: 2022-01-01, confirmed: true, source: s, lidd: '1'}\n"), ParseError);
    CHECK_THROWS_AS(read("      - {article: '2.12', confirmed: true, source: s}\n"), ParseError);  // `from` is required
    // from: null — not sourced: taken to exist on every date
    const LawRegistry undated = read("      - {article: '2.13', lid: '1', from: null, confirmed: false, source: s}\n");
    CHECK(undated.place_in_force(jw, ProvisionPlace{"2.13", "1"}, parse_date("2015-01-01")));
}
