#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.hpp"
#include "zorginkoop/tariff/serialise.hpp"

using namespace zorginkoop;
using namespace zorginkoop::literals;

namespace {
std::string example(const std::string& name) { return zktest::source_path("examples/models/" + name); }
std::string six(const Money& m) { return m.amount().round_to_scale(6, RoundingMode::half_up).to_string(6); }
std::string six(const Decimal& d) { return d.round_to_scale(6, RoundingMode::half_up).to_string(6); }
CostModel worked(const std::string& replace_from = {}, const std::string& replace_to = {}) {
    std::string text = io::read_text_file(zktest::source_path("tests/fixtures/tariff/good-uur.yaml"));
    if (!replace_from.empty()) {
        const auto at = text.find(replace_from);
        REQUIRE(at != std::string::npos);
        text.replace(at, replace_from.size(), replace_to);
    }
    return CostModel::parse_yaml(text, "good-uur.yaml");
}
}  // namespace

TEST_CASE("worked example of docs/cost-model.md (markup)", "[tariff]") {
    const BuildUp b = build_up(CostModel::load(example("begeleiding-individueel.yaml")));
    CHECK(six(b.annual_cost_per_fte) == "62539.008000");
    CHECK(six(b.productive_hours) == "1376.964000");
    CHECK(b.productivity.value().round_to_scale(4, RoundingMode::half_up) == "0.7332"_dec);
    CHECK(six(b.professional_per_hour) == "33.300856");
    CHECK(six(b.non_productive_per_hour) == "12.117185");
    CHECK(six(b.cost_per_productive_hour) == "45.418041");
    CHECK(six(b.find(CostLine::training)->amount) == "0.681271");
    CHECK(six(b.direct_cost) == "48.399312");
    CHECK(six(b.find(CostLine::overhead)->amount) == "10.647849");
    CHECK(six(b.find(CostLine::risk_margin)->amount) == "1.180943");
    CHECK(six(b.total) == "60.228104");
    CHECK(b.tariff == "60.23"_eur);
    CHECK(ijw::minute_tariff(b.tariff) == "1.00"_eur);
    CHECK(b.uncovered_elements.empty());
    CHECK(b.find(CostLine::professional)->elements == "a");
    CHECK(b.find(CostLine::overhead)->elements == "c");
    CHECK(b.find(CostLine::risk_margin)->elements.empty());
}

TEST_CASE("worked example with overhead as a share of the tariff", "[tariff]") {
    const BuildUp b = build_up(CostModel::load(example("begeleiding-individueel-share.yaml")));
    CHECK(six(b.find(CostLine::overhead)->amount) == "13.651088");
    CHECK(six(b.find(CostLine::risk_margin)->amount) == "1.241008");
    CHECK(six(b.total) == "63.291408");
    CHECK(b.tariff == "63.29"_eur);
    CHECK(ijw::minute_tariff(b.tariff) == "1.05"_eur);
}

TEST_CASE("minute unit: the IV081 minute tariff of the hourly tariff", "[tariff]") {
    const BuildUp m = build_up(worked("unit: \"04\"", "unit: \"01\""));
    REQUIRE(m.hourly_tariff);
    CHECK(*m.hourly_tariff == "60.23"_eur);
    CHECK(m.tariff == "1.00"_eur);
    CostModel share = worked("convention: markup", "convention: share");
    share.unit = ijw::Unit::minuut;
    const BuildUp s = build_up(share);
    REQUIRE(s.hourly_tariff);
    CHECK(*s.hourly_tariff == "63.29"_eur);
    CHECK(s.tariff == "1.05"_eur);
}

TEST_CASE("units and hours per unit", "[tariff]") {
    CHECK(build_up(worked("unit: \"04\"", "unit: \"16\"")).hours_per_unit == Decimal(1));  // delivery says 1
    CostModel d = worked("unit: \"04\"", "unit: dagdeel");
    d.delivery.staff_hours_per_unit.reset();
    CHECK(build_up(d).hours_per_unit == Decimal(4));
    d.unit = ijw::Unit::etmaal;
    CHECK(build_up(d).hours_per_unit == Decimal(24));
    d.delivery.staff_per_group = Decimal(2);
    d.delivery.group_size = Decimal(8);
    d.delivery.occupancy = "0.75"_rate;
    const BuildUp g = build_up(d);
    CHECK(g.hours_per_unit == Decimal(8));  // 24 × 2 / (8 × 0.75)
    CHECK(g.find(CostLine::professional)->amount == g.professional_per_hour * Decimal(8));
    CostModel piece = worked("unit: \"04\"", "unit: \"82\"");
    piece.delivery.staff_hours_per_unit = Decimal(26);
    CHECK(build_up(piece).hours_per_unit == Decimal(26));
    piece.delivery.staff_hours_per_unit.reset();
    CHECK_THROWS_AS(build_up(piece), InvalidInput);
}

TEST_CASE("rounding placements", "[tariff]") {
    const BuildUp lines = build_up(worked("at: [final]", "at: [line]"));
    for (const auto& l : lines.lines) CHECK(l.amount.amount().fraction_digits() <= 2);
    Decimal sum;
    for (const auto& l : lines.lines) sum += l.amount.amount();
    CHECK(lines.tariff.amount() == sum);
    const BuildUp hour = build_up(worked("at: [final]", "at: [hour_cost]"));
    CHECK(hour.cost_per_productive_hour == "45.42"_eur);
    CHECK(hour.professional_per_hour == "33.30"_eur);
    CHECK(hour.non_productive_per_hour == "12.12"_eur);
    const BuildUp multiple = build_up(worked("at: [final]}", "at: [final], multiple_of: \"0.60\"}"));
    CHECK(multiple.tariff == "60.00"_eur);  // 60.228104 / 0.60 = 100.38 → 100
    CHECK(ijw::minute_tariff(multiple.tariff) * Decimal(60) == multiple.tariff);
    const BuildUp euros = build_up(worked("at: [final]}", "at: [final], multiple_of: \"1.00\"}"));
    CHECK(euros.tariff == "60.00"_eur);
    const BuildUp up = build_up(worked("mode: half_up", "mode: up"));
    CHECK(up.tariff == "60.23"_eur);
    const BuildUp down = build_up(worked("mode: half_up", "mode: down"));
    CHECK(down.tariff == "60.22"_eur);
}

TEST_CASE("covered and uncovered statutory elements", "[tariff]") {
    CostModel m = worked();
    m.indexation.reset();
    CHECK(build_up(m).uncovered_elements == "d");
    m.law = Law::wmo2015;
    m.client_bound_other.reset();
    CHECK(build_up(m).covered_elements == "abcdf");
    CHECK(build_up(m).uncovered_elements == "e");
    m.training.reset();  // Wmo d needs travel and training
    CHECK(build_up(m).uncovered_elements == "de");
    m.hours = Hours{};
    m.hours.annual_hours = Decimal(1878);
    CHECK(build_up(m).uncovered_elements == "cde");  // no non-productive hours stated
    CHECK(statutory_elements(Law::wmo2015).size() == 6);
    CHECK(statutory_elements(Law::jeugdwet).size() == 4);
    CHECK(statutory_basis(Law::wmo2015).law_id == "BWBR0035733");
    CHECK(statutory_basis(Law::jeugdwet).article == "2.3");
}

TEST_CASE("bad cost models give typed errors naming the path", "[tariff]") {
    const auto rows = zktest::read_csv("tests/fixtures/tariff/bad/cases.csv");
    REQUIRE(rows.size() >= 7);
    for (const auto& row : rows) {
        INFO(row[0]);
        try {
            CostModel::load(zktest::source_path("tests/fixtures/tariff/bad/" + row[0]));
            FAIL("no error for " << row[0]);
        } catch (const Error& e) {
            CHECK(std::string(e.code_name()) == row[1]);
            CHECK(e.path() == (row.size() > 2 ? row[2] : ""));
            CHECK(e.line() > 0);
        }
    }
}

TEST_CASE("cost models round-trip through YAML and JSON", "[tariff]") {
    for (const char* name : {"begeleiding-individueel.yaml", "begeleiding-individueel-share.yaml", "dagbesteding-groep.yaml",
                             "verblijf-etmaal.yaml", "traject-output.yaml", "wmo-begeleiding-uur.yaml"}) {
        INFO(name);
        const CostModel m = CostModel::load(example(name));
        CHECK(CostModel::parse_yaml(io::to_yaml(m.to_node())) == m);
        CHECK(CostModel::parse_json(io::to_json(m.to_node())) == m);
        CHECK(io::to_yaml(CostModel::parse_yaml(io::to_yaml(m.to_node())).to_node()) == io::to_yaml(m.to_node()));
    }
}

TEST_CASE("realism check verdicts", "[tariff][realism]") {
    const CostModel m = worked();
    CHECK(check_tariff("60.23"_eur, m, PriceBasis::fixed).verdict == Verdict::realistic);
    CHECK(check_tariff("60.22"_eur, m, PriceBasis::fixed).verdict == Verdict::below_cost);
    // A fixed tariff above the cost price is realistic, as for a floor and as in PRICE-006 (the price
    // must be based at least on the cost elements).
    const RealismCheck above = check_tariff("60.24"_eur, m, PriceBasis::fixed);
    CHECK(above.verdict == Verdict::realistic);
    CHECK(above.gap == "0.01"_eur);
    CHECK(check_tariff("60.24"_eur, m, PriceBasis::floor).verdict == Verdict::realistic);
    const RealismCheck low = check_tariff("58.00"_eur, m, PriceBasis::floor);
    CHECK(low.verdict == Verdict::below_cost);
    CHECK(low.gap == "-2.23"_eur);
    CHECK(low.gap_percent.round_to_scale(2, RoundingMode::half_up) == "-3.70"_dec);
    CostModel missing = m;
    missing.indexation.reset();
    CHECK(check_tariff("70"_eur, missing, PriceBasis::substantiated).verdict == Verdict::elements_missing);
    CHECK(check_tariff("70"_eur, missing, PriceBasis::floor).verdict == Verdict::realistic);
    CHECK(check_tariff("70"_eur, missing, PriceBasis::floor).uncovered_elements == "d");
    CostModel odd = m;
    odd.staff[0].holiday_pay = "0.05"_rate;
    const RealismCheck implausible = check_tariff("70"_eur, odd, PriceBasis::substantiated);
    CHECK(implausible.verdict == Verdict::implausible);
    REQUIRE(implausible.out_of_band.size() == 1);
    CHECK(implausible.out_of_band[0].path == "staff[0].holiday_pay");
    CHECK(implausible.out_of_band[0].band.min == "0.08"_dec);
    CHECK_FALSE(implausible.out_of_band[0].band.source.empty());
    CHECK(check_tariff("50"_eur, odd, PriceBasis::floor).out_of_band.size() == 1);
}

TEST_CASE("break-even values make the tariff exactly cover the cost", "[tariff][realism]") {
    const CostModel m = worked("at: [final]", "at: [final]");
    const Money target = "58.00"_eur;
    const RealismCheck c = check_tariff(target, m, PriceBasis::floor);
    REQUIRE(c.break_even.productivity);
    REQUIRE(c.break_even.overhead_rate);
    REQUIRE(c.break_even.salary_factor);
    auto close = [](const Money& a, const Money& b) { return (a - b).abs() < "0.000000001"_eur; };

    CostModel p = m;  // productivity at break-even
    p.hours = Hours{};
    p.hours.annual_hours = Decimal(1878);
    p.hours.productivity = *c.break_even.productivity;
    CHECK(close(build_up(p).total, target));

    CostModel o = m;  // overhead at break-even
    o.overhead->rate = *c.break_even.overhead_rate;
    CHECK(close(build_up(o).total, target));

    CostModel s = m;  // salaries at break-even
    s.staff[0].monthly_salary = c.break_even.monthly_salaries[0];
    CHECK(close(build_up(s).total, target));

    CostModel share = m;  // the share convention
    share.overhead->convention = OverheadConvention::share;
    const RealismCheck cs = check_tariff(target, share, PriceBasis::floor);
    share.overhead->rate = *cs.break_even.overhead_rate;
    CHECK(close(build_up(share).total, target));
}

TEST_CASE("plausibility bands", "[tariff][realism]") {
    const PlausibilityBands b = PlausibilityBands::bundled();
    CHECK(b.bands.size() >= 7);
    for (const auto& band : b.bands) CHECK_FALSE(band.source.empty());
    const auto custom = PlausibilityBands::from_node(io::parse_yaml(
        "zorginkoop_plausibility_bands: 1\nid: regio\nbands:\n  - {parameter: overhead_rate, max: \"0.15\", source: \"regional study\"}\n"));
    const PlausibilityBands merged = b.overridden_by(custom);
    CHECK(merged.bands.size() == b.bands.size());
    const auto oob = out_of_band(worked(), build_up(worked()), merged);
    REQUIRE(oob.size() == 1);
    CHECK(oob[0].path == "overhead.rate");
    CHECK_THROWS_AS(PlausibilityBands::from_node(io::parse_yaml(
                        "zorginkoop_plausibility_bands: 1\nid: x\nbands:\n  - {parameter: colour, min: \"1\", source: s}\n")),
                    ParseError);
}

TEST_CASE("build-up JSON, text and SVG", "[tariff]") {
    const CostModel m = worked();
    const BuildUp b = build_up(m);
    const RealismCheck c = check_tariff("58.00"_eur, m, PriceBasis::floor);
    const auto j = nlohmann::json::parse(to_json(m, b, &c));
    CHECK(j["tariff"] == "60.23");
    CHECK(j["lines"][0]["line"] == "professional");
    CHECK(j["lines"][0]["elements"][0] == "a");
    CHECK(j["uncovered_elements"].empty());
    CHECK(j["rounding"]["mode"] == "half_up");
    CHECK(j["verdict"]["verdict"] == "below_cost");
    CHECK(j["verdict"]["gap"] == "-2.23");
    CHECK(Decimal::parse(j["total"].get<std::string>()) == b.total.amount());
    const std::string text = to_text(m, b, &c, Lang::en);
    CHECK(text.find("professional") != std::string::npos);
    CHECK(text.find("below cost") != std::string::npos);
    const std::string svg = to_svg(m, b, &c);
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(svg.find("</svg>") != std::string::npos);
}

TEST_CASE("a zero tariff against a share-based model: InvalidInput naming the tariff", "[io][tariff]") {
    const CostModel model = CostModel::load(example("begeleiding-individueel-share.yaml"));
    try {
        (void)check_tariff(Money::parse("0"), model, PriceBasis::floor);
        FAIL("expected InvalidInput");
    } catch (const InvalidInput& e) {
        CHECK(e.path() == "tariff");
        CHECK(e.message().find("above 0") != std::string::npos);
    }
    CHECK_THROWS_AS(check_tariff(Money::parse("-1"), model, PriceBasis::floor), InvalidInput);
    CHECK(check_tariff(Money::parse("63.29"), model, PriceBasis::floor).verdict == Verdict::realistic);
}
