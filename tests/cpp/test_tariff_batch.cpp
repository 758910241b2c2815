// The batch engine against the single-row API: every row of a batch equals build_up / check_tariff
// of that row's model read on its own.

#include <catch2/catch.hpp>

#include <algorithm>

#include "support.hpp"
#include "zorginkoop/io/reader.hpp"
#include "zorginkoop/tariff/batch.hpp"

using namespace zorginkoop;
namespace zb = zorginkoop::batch;

namespace {

io::Node* member(io::Node* n, const std::string& key) {
    for (auto& m : n->members())
        if (m.key == key) return &m.value;
    FAIL("no member " << key);
    return nullptr;
}

io::Node base_node() { return CostModel::load(zktest::source_path("examples/models/begeleiding-individueel.yaml")).to_node(); }

/// The row's model the single-row way: the base tree with the row's values put in, read as one model.
CostModel single(const zb::Table& t, std::size_t r) {
    io::Node row = t.base;
    for (const auto& col : t.columns) {
        io::Node* cur = &row;
        std::string p = col.path;
        // only "a.b" and "staff[i].x" paths in these tests
        if (p.rfind("staff[", 0) == 0) {
            const std::size_t i = std::stoul(p.substr(6));
            cur = &member(cur, "staff")->items()[i];
            p = p.substr(p.find('.') + 1);
        }
        for (std::size_t dot; (dot = p.find('.')) != std::string::npos; p = p.substr(dot + 1))
            cur = member(cur, p.substr(0, dot));
        io::Node value = col.kind == zb::Column::Kind::text ? io::Node::scalar(col.texts[r], io::Node::Style::quoted)
                                     : io::Node::scalar(col.decimals[r].to_string(), io::Node::Style::plain);
        bool set = false;
        for (auto& m : cur->members())
            if (m.key == p) {
                m.value = value;
                set = true;
            }
        if (!set) cur->add(p, value);
    }
    return CostModel::from_node(row, "", "rows[" + std::to_string(r) + "]");
}

void same_build_up(const zb::BuildUpColumns& out, std::size_t r, const BuildUp& b) {
    INFO("row " << r);
    REQUIRE(out.ok[r]);
    CHECK(out.tariff[r] == b.tariff.amount());
    CHECK(out.total[r] == b.total.amount());
    CHECK(out.cost_per_productive_hour[r] == b.cost_per_productive_hour.amount());
    CHECK(out.productivity[r] == b.productivity.value());
    CHECK(out.hours_per_unit[r] == b.hours_per_unit);
    CHECK(out.direct_cost[r] == b.direct_cost.amount());
    CHECK(zb::element_letters(out.uncovered[r]) == b.uncovered_elements);
    CHECK(zb::element_letters(out.covered[r]) == b.covered_elements);
    std::size_t present = 0;
    for (const auto& l : b.lines) {
        CHECK((out.line_mask[r] >> static_cast<int>(l.line) & 1u) == 1u);
        CHECK(out.lines[r][static_cast<std::size_t>(l.line)] == l.amount);
        ++present;
    }
    std::size_t bits = 0;
    for (std::size_t i = 0; i < zb::line_count; ++i) bits += (out.line_mask[r] >> i) & 1u;
    CHECK(bits == present);
}

std::vector<std::string> salaries(std::size_t n) {
    std::vector<std::string> s;
    for (std::size_t i = 0; i < n; ++i)
        s.push_back(std::to_string(3000 + i * 7) + "." + std::to_string(10 + i % 90));
    return s;
}

}  // namespace

TEST_CASE("batch build-up: every row equals the single-row build-up", "[tariff][batch]") {
    zb::Table t{base_node(), {}};
    const auto sal = salaries(40);
    std::vector<Decimal> overhead, leave;
    for (std::size_t i = 0; i < sal.size(); ++i) {
        overhead.push_back(Decimal::parse("0." + std::to_string(10 + i)));
        leave.push_back(Decimal::parse(std::to_string(100 + 3 * i)));
    }
    t.columns.push_back(zb::Column::of_text("staff[0].monthly_salary", sal));
    t.columns.push_back(zb::Column::of("overhead.rate", overhead));
    t.columns.push_back(zb::Column::of("hours.leave_hours", leave));
    const zb::BuildUpColumns out = zb::build_up_many(t);
    REQUIRE(out.rows == sal.size());
    CHECK(out.errors.empty());
    CHECK(out.fast_rows == sal.size());
    for (std::size_t r = 0; r < out.rows; ++r) same_build_up(out, r, build_up(single(t, r)));
}

TEST_CASE("batch build-up: a text column and a value the reader refuses go the general way", "[tariff][batch]") {
    zb::Table t{base_node(), {}};
    t.columns.push_back(zb::Column::of_text("name", {"a", "b", "c"}));
    t.columns.push_back(zb::Column::of_text("staff[0].monthly_salary", {"3100", "3200.5", "3300"}));
    zb::BuildUpColumns out = zb::build_up_many(t);
    CHECK(out.fast_rows == 0);
    for (std::size_t r = 0; r < 3; ++r) same_build_up(out, r, build_up(single(t, r)));

    // A negative salary: the reader's error, with the row's path, in both modes.
    zb::Table bad{base_node(), {zb::Column::of_text("staff[0].monthly_salary", {"3100", "-1", "x"})}};
    zb::Options collect;
    collect.collect = true;
    out = zb::build_up_many(bad, collect);
    CHECK(out.fast_rows == 1);
    REQUIRE(out.errors.size() == 2);
    CHECK(out.errors[0].row == 1);
    CHECK(out.errors[0].code == ErrorCode::invalid_input);
    CHECK(out.errors[0].text.find("rows[1].staff[0].monthly_salary") != std::string::npos);
    CHECK(out.errors[0].text.find("must not be negative") != std::string::npos);
    CHECK(out.errors[1].row == 2);
    CHECK_FALSE(out.ok[1]);
    CHECK(out.ok[0]);
    same_build_up(out, 0, build_up(single(bad, 0)));
    try {
        (void)zb::build_up_many(bad);
        FAIL("expected the row's error");
    } catch (const InvalidInput& e) {
        CHECK(e.path() == "rows[1].staff[0].monthly_salary");
    }
}

TEST_CASE("batch build-up: the productive hours must stay positive", "[tariff][batch]") {
    zb::Table t{base_node(), {zb::Column::of("hours.leave_hours", {Decimal(144), Decimal(5000)})}};
    zb::Options collect;
    collect.collect = true;
    const zb::BuildUpColumns out = zb::build_up_many(t, collect);
    CHECK(out.fast_rows == 1);
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0].text.find("productive hours") != std::string::npos);
}

TEST_CASE("batch build-up: a cell without a value is that row's error", "[tariff][batch]") {
    zb::Column c = zb::Column::of("overhead.rate", {Decimal::parse("0.2"), Decimal::parse("0.3")});
    c.valid = {1, 0};
    zb::Table t{base_node(), {c}};
    zb::Options collect;
    collect.collect = true;
    const zb::BuildUpColumns out = zb::build_up_many(t, collect);
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0].text == "invalid_input: rows[1].overhead.rate: no value (None or NaN)");
    CHECK_THROWS_AS(zb::build_up_many(t), InvalidInput);
}

TEST_CASE("batch check: every row equals the single-row check, basis per row", "[tariff][batch]") {
    zb::Table t{base_node(), {}};
    const auto sal = salaries(30);
    t.columns.push_back(zb::Column::of_text("staff[0].monthly_salary", sal));
    std::vector<Decimal> holiday;
    for (std::size_t i = 0; i < sal.size(); ++i) holiday.push_back(Decimal::parse(i % 3 ? "0.08" : "0.02"));
    t.columns.push_back(zb::Column::of("staff[0].holiday_pay", holiday));
    zb::Tariffs tariffs;
    std::vector<PriceBasis> bases;
    for (std::size_t i = 0; i < sal.size(); ++i) {
        tariffs.values.emplace_back(Money(Decimal::parse(std::to_string(50 + i) + ".25")));
        bases.push_back(i % 3 == 0 ? PriceBasis::substantiated : i % 3 == 1 ? PriceBasis::fixed : PriceBasis::floor);
    }
    const auto& bands = PlausibilityBands::bundled();
    const zb::CheckColumns out = zb::check_tariffs(tariffs, t, bases, bands);
    CHECK(out.fast_rows == sal.size());
    for (std::size_t r = 0; r < out.rows; ++r) {
        INFO("row " << r);
        const RealismCheck c = check_tariff(*tariffs.values[r], single(t, r), bases[r], bands);
        REQUIRE(out.ok[r]);
        CHECK(out.verdict[r] == c.verdict);
        CHECK(out.basis[r] == bases[r]);
        CHECK(out.cost_price[r] == c.cost_price.amount());
        CHECK(out.gap[r] == c.gap.amount());
        CHECK(out.gap_percent[r] == c.gap_percent);
        CHECK(zb::element_letters(out.uncovered[r]) == c.uncovered_elements);
        REQUIRE(out.band_end[r] - out.band_begin[r] == c.out_of_band.size());
        for (std::size_t k = 0; k < c.out_of_band.size(); ++k) {
            const zb::BandHit& h = out.hits[out.band_begin[r] + k];
            CHECK(out.hit_path(h, bands) == c.out_of_band[k].path);
            CHECK(h.value == c.out_of_band[k].value);
        }
        CHECK(out.break_even_productivity[r] ==
              (c.break_even.productivity ? std::optional<Decimal>(c.break_even.productivity->value()) : std::nullopt));
        CHECK(out.break_even_overhead_rate[r] ==
              (c.break_even.overhead_rate ? std::optional<Decimal>(c.break_even.overhead_rate->value()) : std::nullopt));
        CHECK(out.break_even_salary_factor[r] == c.break_even.salary_factor);
    }
}

TEST_CASE("batch check: a missing tariff is the row's error unless its model failed", "[tariff][batch]") {
    zb::Table t{base_node(), {zb::Column::of_text("staff[0].monthly_salary", {"3000", "-5", "3000"})}};
    zb::Tariffs tariffs;
    tariffs.values = {Money(Decimal(60)), std::nullopt, std::nullopt};
    zb::Options collect;
    collect.collect = true;
    const zb::CheckColumns out = zb::check_tariffs(tariffs, t, {PriceBasis::floor}, PlausibilityBands::bundled(), collect);
    REQUIRE(out.errors.size() == 2);
    CHECK(out.errors[0].text.find("rows[1].staff[0].monthly_salary") != std::string::npos);
    CHECK(out.errors[1].text == "invalid_input: tariffs[2]: no tariff (None or NaN)");
    try {
        (void)zb::check_tariffs(tariffs, t, {PriceBasis::floor}, PlausibilityBands::bundled());
        FAIL("expected the tariff's error");
    } catch (const InvalidInput& e) {
        CHECK(e.path() == "tariffs[1]");
    }
}

TEST_CASE("batch: a progress callback sees the rows and can stop the batch", "[tariff][batch]") {
    zb::Table t{base_node(), {zb::Column::of_text("staff[0].monthly_salary", salaries(10))}};
    zb::Options o;
    o.progress_every = 4;
    std::vector<std::size_t> seen;
    o.progress = [&](std::size_t done, std::size_t all) {
        CHECK(all == 10);
        seen.push_back(done);
        return done < 8;
    };
    const zb::BuildUpColumns out = zb::build_up_many(t, o);
    CHECK(seen == std::vector<std::size_t>{4, 8});
    CHECK(out.ok[7]);
    CHECK_FALSE(out.ok[8]);
}

TEST_CASE("plausibility bands are resolved when read; bands changed in code are resolved again", "[tariff][batch]") {
    const PlausibilityBands& bundled = PlausibilityBands::bundled();
    REQUIRE(bundled.resolved != nullptr);
    CHECK(bundled.overridden_by(bundled).resolved != nullptr);
    const CostModel m = CostModel::load(zktest::source_path("examples/models/begeleiding-individueel.yaml"));
    const BuildUp b = build_up(m);
    // A copy changed after it was read: the parameter of its first band renamed to the overhead rate
    // with a band the example's 0.22 is outside of.
    PlausibilityBands changed = bundled;
    changed.bands.front().parameter = "overhead_rate";
    changed.bands.front().condition.clear();
    changed.bands.front().applies_to_cao.clear();
    changed.bands.front().min.reset();
    changed.bands.front().max = Decimal::parse("0.10");
    PlausibilityBands fresh = changed;
    fresh.resolved.reset();
    const auto a = out_of_band(m, b, changed), f = out_of_band(m, b, fresh);
    REQUIRE(a.size() == f.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].path == f[i].path);
    CHECK(std::any_of(a.begin(), a.end(), [](const OutOfBand& x) { return x.path == "overhead.rate"; }));
}
