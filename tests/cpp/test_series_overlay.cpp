// Figures files that overlay the bundled index series, the publication calendar of the
// definitive figures, and derivations that use a provisional figure whose definitive figure is
// overdue.

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/indexation/render.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/node.hpp"

using namespace zorginkoop;
using namespace zorginkoop::literals;

namespace {

constexpr IndexStatus P = IndexStatus::provisional;
constexpr IndexStatus D = IndexStatus::definitive;

template <class E>
E overlay_error(const std::string& yaml) {
    try {
        (void)IndexSeriesSet::bundled().overlay(io::parse_yaml(yaml, "figures.yaml"), "figures.yaml");
    } catch (const E& e) {
        return e;
    }
    FAIL("expected an exception");
    throw std::logic_error("unreachable");
}

const char* clause_yaml = R"(components:
  - {series: OVA, weight: "0.9"}
  - {series: PPC, weight: "0.1"}
catch_up: multiplicative
rate_rounding: {scale: 2, mode: half_up, at: parts}
)";

/// A figures file the overlay refuses: the error class, the path (or its start), and the line,
/// column and words of the message where the case states them (0 and {} where it does not).
struct Refused {
    const char* what;
    ErrorCode code;
    std::string yaml;
    const char* path;
    bool path_is_prefix;
    std::size_t line;
    std::size_t column;
    std::vector<const char*> says;
};

const std::string figures = "zorginkoop_index_figures: 1\nfigures:\n";

const Refused refused[] = {
    {"unknown series", ErrorCode::invalid_input,
     figures + "  - {series: CPI, year: 2025, status: definitive, percent: \"1\", source: \"s\"}\n",
     "figures[0].series", false, 3, 14, {"CPI"}},
    {"missing source", ErrorCode::parse_error,
     figures + "  - {series: OVA, year: 2025, status: definitive, percent: \"1\"}\n",
     "figures[0]", true, 3, 0, {"source"}},
    {"blank source", ErrorCode::invalid_input,
     figures + "  - {series: OVA, year: 2025, status: definitive, percent: \"1\", source: \" \"}\n",
     "figures[0].source", false, 3, 0, {}},
    {"malformed year", ErrorCode::parse_error,
     figures + "  - {series: OVA, year: \"20x5\", status: definitive, percent: \"1\", source: \"s\"}\n",
     "figures[0].year", false, 3, 0, {}},
    {"a two-digit year", ErrorCode::invalid_input,
     figures + "  - {series: OVA, year: 25, status: definitive, percent: \"1\", source: \"s\"}\n",
     "figures[0].year", false, 0, 0, {}},
    {"a contradiction with a bundled definitive figure", ErrorCode::invalid_input,
     figures + "  - {series: OVA, year: 2025, status: definitive, percent: \"5\", source: \"s\"}\n"
               "  - {series: OVA, year: 2024, status: definitive, percent: \"6.10\", source: \"s\"}\n",
     "figures[1].percent", false, 4, 60, {"6.00", "never replaced"}},
    {"a contradiction with a bundled provisional figure", ErrorCode::invalid_input,
     figures + "  - {series: PPC, year: 2025, status: provisional, percent: \"1.90\", source: \"s\"}\n",
     "figures[0].percent", false, 0, 0, {}},
    {"two figures for one year and status", ErrorCode::invalid_input,
     figures + "  - {series: OVA, year: 2026, status: provisional, percent: \"3\", source: \"s\"}\n"
               "  - {series: OVA, year: 2026, status: provisional, percent: \"3\", source: \"t\"}\n",
     "figures[1]", false, 4, 0, {}},
    {"an unknown version", ErrorCode::parse_error, "zorginkoop_index_figures: 2\nfigures: []\n",
     "zorginkoop_index_figures", false, 0, 0, {}},
    {"an unknown key", ErrorCode::parse_error,
     figures + "  - {series: OVA, year: 2026, status: provisional, percent: \"3\", source: \"s\", sorce: \"t\"}\n",
     "figures[0].sorce", false, 0, 0, {}},
};

}  // namespace

TEST_CASE("a figures file adds figures to the series it names", "[indexation][overlay]") {
    const IndexSeriesSet b = IndexSeriesSet::bundled();
    REQUIRE(b.at("OVA").find(2025, D) == nullptr);
    const IndexSeriesSet o = b.overlay(io::parse_yaml(R"(zorginkoop_index_figures: 1
figures:
  - {series: OVA, year: 2025, status: definitive, percent: "5.00", source: "test source A", published: "2026-06-01"}
  - {series: PPC, year: 2025, status: definitive, percent: "2.00", source: "test source B"}
  - {series: OVA, year: 2026, status: provisional, percent: "3.00", source: "test source C"}
  - {series: OVA, year: 2024, status: definitive, percent: "6.00", source: "a second source of the same figure"}
)", "f.yaml"), "f.yaml");
    CHECK(o.at("OVA").figure(2025, D).percent == "5.00"_dec);
    CHECK(o.at("OVA").figure(2025, D).published == make_date(2026, 6, 1));
    CHECK(o.at("OVA").figure(2026, P).source == "test source C");
    CHECK(o.at("PPC").figure(2025, D).percent == "2.00"_dec);
    // an equal figure is accepted and the series keeps its own source
    CHECK(o.at("OVA").figure(2024, D).source == b.at("OVA").figure(2024, D).source);
    CHECK(o.at("OVA").figures().size() == b.at("OVA").figures().size() + 2);
    CHECK(o.at("OVA").last_year() == 2026);
    CHECK(o.at("OVA").definitive_due() == b.at("OVA").definitive_due());  // the calendar is kept
    CHECK(b.at("OVA").find(2025, D) == nullptr);                          // the bundled set is unchanged

    // The catch-up over 2025 becomes computable.
    const IndexationClause clause = IndexationClause::parse(clause_yaml);
    CHECK_THROWS_AS(clause.rate(2026, b), MissingData);
    const IndexSeriesSet o2 = o.overlay(io::parse_yaml(R"(zorginkoop_index_figures: 1
figures:
  - {series: PPC, year: 2026, status: provisional, percent: "1.00", source: "test source D"}
)"));
    const RateDerivation d = clause.rate(2026, o2);
    // 0.9 x 3.00 + 0.1 x 1.00 = 2.80; catch-up 0.9 x (1.05/1.0418 - 1) + 0.1 x (1.02/1.0182 - 1) in percent
    CHECK(d.weighted_provisional_percent == "2.80"_dec);
    CHECK(d.catch_up_percent == "0.73"_dec);  // 0.726067...
}


TEST_CASE("a figures file is refused with the path, line and column of the problem", "[indexation][overlay]") {
    for (const Refused& r : refused) {
        INFO(r.what);
        const Error e = overlay_error<Error>(r.yaml);
        CHECK(e.code() == r.code);
        CHECK(e.where().source == "figures.yaml");
        if (r.path_is_prefix)
            CHECK(e.where().path.rfind(r.path, 0) == 0);
        else
            CHECK(e.where().path == r.path);
        if (r.line) CHECK(e.where().line == r.line);
        if (r.column) CHECK(e.where().column == r.column);
        for (const char* word : r.says) CHECK(std::string(e.what()).find(word) != std::string::npos);
    }
}

TEST_CASE("with_file tells a figures file from a series file", "[indexation][overlay]") {
    const IndexSeriesSet b = IndexSeriesSet::bundled();
    const io::Node series = io::parse_yaml(R"(zorginkoop_index_series: 1
id: PPC
values:
  - {year: 2023, status: definitive, percent: "9.99", source: "NZa list"}
)");
    // a series file replaces the whole series (no contradiction check): the NZa reading of PPC 2023
    const IndexSeriesSet replaced = b.with(IndexSeries::from_node(series));
    CHECK(replaced.at("PPC").figures().size() == 1);
    CHECK(replaced.at("PPC").figure(2023, D).percent == "9.99"_dec);
}

TEST_CASE("the publication calendar of definitive figures", "[indexation][overlay]") {
    const IndexSeriesSet b = IndexSeriesSet::bundled();
    const IndexSeries& ova = b.at("OVA");
    const IndexSeries& ppc = b.at("PPC");
    REQUIRE(ova.definitive_due());
    REQUIRE(ppc.definitive_due());
    CHECK(ova.definitive_due()->day_text() == "07-01");
    CHECK(ppc.definitive_due()->day_text() == "08-01");
    CHECK(ova.definitive_due()->source.find("https://") != std::string::npos);
    CHECK(ppc.definitive_due()->source.find("https://") != std::string::npos);
    CHECK(ova.definitive_due_date(2025) == make_date(2025, 7, 1));
    // 2025: provisional only; due on 2025-07-01
    CHECK_FALSE(ova.definitive_overdue(2025, make_date(2025, 6, 30)));
    CHECK(ova.definitive_overdue(2025, make_date(2025, 7, 1)));
    CHECK_FALSE(ppc.definitive_overdue(2025, make_date(2025, 7, 31)));
    CHECK(ppc.definitive_overdue(2025, make_date(2025, 8, 1)));
    CHECK_FALSE(ova.definitive_overdue(2024, make_date(2026, 12, 7)));  // definitive 2024 is there

    // The reader: a day that does not exist, a calendar without source.
    auto bad = [](const std::string& due) {
        return IndexSeries::parse("zorginkoop_index_series: 1\nid: X\ndefinitive_due: " + due +
                                  "\nvalues:\n  - {year: 2024, status: provisional, percent: \"1\", source: \"s\"}\n");
    };
    CHECK(bad("{day: \"09-15\", source: \"s\"}").definitive_due()->day_text() == "09-15");
    CHECK_THROWS_AS(bad("{day: \"02-29\", source: \"s\"}"), InvalidInput);
    CHECK_THROWS_AS(bad("{day: \"7-1\", source: \"s\"}"), InvalidInput);
    CHECK_THROWS_AS(bad("{day: \"07-01\"}"), ParseError);
    const IndexSeries x = bad("{day: \"09-15\", source: \"s\"}");
    CHECK(IndexSeries::from_node(io::parse_yaml(io::to_yaml(x.to_node()))) == x);
}

TEST_CASE("a derivation says when it uses a provisional figure whose definitive one is overdue",
          "[indexation][overlay]") {
    const IndexSeriesSet b = IndexSeriesSet::bundled();
    const IndexationClause clause = IndexationClause::parse(clause_yaml);
    // Without a reference date nothing is judged.
    const RateDerivation plain = clause.rate(2025, b);
    CHECK_FALSE(plain.as_of);
    CHECK_FALSE(plain.uses_overdue_provisional_figures());
    CHECK(plain.to_node().find("uses_overdue_provisional_figures") == nullptr);

    // 2025 on 2025-03-01: the definitive figures of 2025 are not due yet.
    const RateDerivation early = clause.rate(2025, b, std::nullopt, make_date(2025, 3, 1));
    CHECK_FALSE(early.uses_overdue_provisional_figures());
    // 2025 on 2026-12-07: both definitive figures of 2025 were due and are absent.
    const RateDerivation late = clause.rate(2025, b, std::nullopt, make_date(2026, 12, 7));
    CHECK(late.uses_overdue_provisional_figures());
    int overdue = 0;
    for (const UsedFigure& f : late.figures) {
        if (f.year == 2025) {
            CHECK(f.definitive_overdue);
            CHECK(f.definitive_due == (f.series == "OVA" ? make_date(2025, 7, 1) : make_date(2025, 8, 1)));
            ++overdue;
        } else {
            CHECK_FALSE(f.definitive_overdue);  // 2024: the definitive figures are there
        }
    }
    CHECK(overdue == 2);
    // on 2025-07-15 only OVA is overdue
    const RateDerivation july = clause.rate(2025, b, std::nullopt, make_date(2025, 7, 15));
    for (const UsedFigure& f : july.figures)
        if (f.year == 2025) CHECK(f.definitive_overdue == (f.series == "OVA"));

    const io::Node n = late.to_node();
    REQUIRE(n.find("uses_overdue_provisional_figures") != nullptr);
    CHECK(n.find("uses_overdue_provisional_figures")->text() == "true");
    CHECK(n.find("as_of")->text() == "2026-12-07");
    const std::string en = rate_text(late, Lang::en);
    CHECK(en.find("definitive figure overdue: the definitive OVA figure for 2025 was due by 2025-07-01 "
                  "(reference date 2026-12-07)") != std::string::npos);
    const std::string nl = rate_text(late, Lang::nl);
    CHECK(nl.find("definitief cijfer ontbreekt: het definitieve PPC-cijfer voor 2025 was uiterlijk 2025-08-01") !=
          std::string::npos);
    CHECK(rate_text(early, Lang::en).find("overdue") == std::string::npos);

    // Adding the definitive figures clears the flag.
    const IndexSeriesSet o = b.overlay(io::parse_yaml(R"(zorginkoop_index_figures: 1
figures:
  - {series: OVA, year: 2025, status: definitive, percent: "5.00", source: "test"}
  - {series: PPC, year: 2025, status: definitive, percent: "2.00", source: "test"}
)"));
    CHECK_FALSE(clause.rate(2025, o, std::nullopt, make_date(2026, 12, 7)).uses_overdue_provisional_figures());

    // A schedule marks every year's rate.
    const Schedule s = clause.schedule("60.00"_eur, 2023, 2025, b, std::nullopt, make_date(2026, 12, 7));
    CHECK_FALSE(s.rows[0].rate.uses_overdue_provisional_figures());
    CHECK(s.rows[1].rate.uses_overdue_provisional_figures());
}
