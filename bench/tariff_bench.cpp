// Benchmark (not a test): build-ups per second of the exact C++ library against the same
// formulas of tariffs.md §3 in double (a speed-of-light proxy only: double is never used for
// money in the library), and realism checks per second (floor basis, bundled bands). Prints one
// JSON object; bench/bench_tariff.py adds the Python figures.
//
//   bench_tariff_cpp MODEL.yaml [N]

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "zorginkoop/tariff/build_up.hpp"
#include "zorginkoop/tariff/realism.hpp"

namespace {

template <class T>
inline void keep(T const& value) {
    asm volatile("" : : "g"(&value) : "memory");
}

/// The worked example's formulas in double (markup overhead, per-hour travel and obligations,
/// training as a share, risk margin, half-up rounding to cents at the end).
struct DoubleModel {
    double salary, holiday, bonus, charges, annual, leave, sickness, training_h, meeting_h, indirect;
    double travel, training_share, obligations, overhead, risk, h;
};

double build_up_double(const DoubleModel& m) {
    const double l = m.salary * 12 * (1 + m.holiday + m.bonus) * (1 + m.charges);
    const double p = ((m.annual - m.leave) * (1 - m.sickness) - m.training_h - m.meeting_h) * (1 - m.indirect);
    const double professional = l / m.annual;
    const double k = l / p;
    const double non_productive = k - professional;
    const double dc = professional * m.h + non_productive * m.h + m.travel * m.h + m.training_share * k * m.h +
                      m.obligations * m.h;
    const double o = dc * m.overhead;
    const double risk = (dc + o) * m.risk;
    return std::round((dc + o + risk) * 100) / 100;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace zorginkoop;
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_tariff_cpp MODEL.yaml [N]\n");
        return 2;
    }
    const long n = argc > 2 ? std::atol(argv[2]) : 200000;
    const CostModel model = CostModel::load(argv[1]);

    // Vary the salary per row so that nothing is hoisted out of the loop.
    std::vector<CostModel> models;
    std::vector<DoubleModel> doubles;
    for (int i = 0; i < 256; ++i) {
        CostModel m = model;
        m.staff[0].monthly_salary = m.staff[0].monthly_salary + Money::from_cents(i);
        models.push_back(m);
        doubles.push_back(DoubleModel{3500.00 + i / 100.0, 0.08, 0.0833, 0.28, 1878, 144, 0.06, 40, 60, 0.10,
                                      1.50, 0.015, 0.80, 0.22, 0.02, 1});
    }
    // Each figure is the best of three timed passes, as bench_tariff.py times the Python rows: one
    // pass on a loaded machine can be half as fast as the next.
    const auto best_rate = [](long rows, auto&& pass) {
        double best = 0;
        for (int r = 0; r < 3; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            pass();
            const auto t1 = std::chrono::steady_clock::now();
            best = std::max(best, static_cast<double>(rows) / std::chrono::duration<double>(t1 - t0).count());
        }
        return best;
    };
    const double exact = best_rate(n, [&] {
        for (long i = 0; i < n; ++i) {
            BuildUp b = build_up(models[static_cast<std::size_t>(i) & 255]);
            keep(b);
        }
    });
    const long nd = n * 50;
    double sink = 0;
    const double fast = best_rate(nd, [&] {
        for (long i = 0; i < nd; ++i) {
            double t = build_up_double(doubles[static_cast<std::size_t>(i) & 255]);
            keep(t);
            sink += t;
        }
    });
    const PlausibilityBands& bands = PlausibilityBands::bundled();
    const Money tariff = Money::parse("58.00");
    const double checks = best_rate(n, [&] {
        for (long i = 0; i < n; ++i) {
            RealismCheck c = check_tariff(tariff, models[static_cast<std::size_t>(i) & 255], PriceBasis::floor, bands);
            keep(c);
        }
    });
    std::printf("{\"cpp_exact_per_second\": %.0f, \"cpp_double_per_second\": %.0f, \"cpp_check_per_second\": %.0f, "
                "\"check\": \"%s\", \"double_check\": %.2f}\n",
                exact, fast, checks, build_up(model).tariff.to_string().c_str(), build_up_double(doubles[0]) + 0 * sink);
    return 0;
}
