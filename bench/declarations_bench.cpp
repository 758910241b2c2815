// Benchmark (not a test): declaration lines judged per second against a contract
// (declarations::Contract::judge, the line rules DECL-001 … DECL-004 and DECL-007), and the peak
// resident set size. The lines are made in memory the way examples/declarations/lines.py makes
// them (integers only, the same generator), so that the C++ and the Arrow figures judge the same
// lines.
//
//   build/dev/bench/bench_declarations CONTRACT [LINES]     (default 1,000,000 lines)
// prints one JSON object: lines, seconds (best of three passes), lines_per_second, fired,
// peak_rss_kib.

#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "zorginkoop/declarations/check.hpp"

using namespace zorginkoop;

namespace {

struct ProductSpec {
    const char* category;
    const char* code;
    const char* unit;
    std::int64_t tariff[2];  // 2023, 2024 (cents)
    bool minute;
};

const ProductSpec products[] = {
    {"45", "45A53", "01", {6023, 6402}, true},
    {"54", "54001", "04", {12000, 12756}, false},
    {"45", "45A10", "14", {15000, 15945}, false},
};

std::int64_t half_up(std::int64_t n, std::int64_t d) { return (2 * n + d) / (2 * d); }

std::vector<declarations::Line> make_lines(std::size_t n, std::uint64_t seed) {
    std::vector<declarations::Line> out;
    out.reserve(n);
    std::uint64_t state = seed;
    for (std::size_t i = 0; i < n; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::uint64_t r = state >> 33;
        const ProductSpec& p = products[r % 3];
        const int year = 2023 + static_cast<int>((r >> 2) % 2);
        const unsigned month = 1 + static_cast<unsigned>((r >> 3) % 12);
        declarations::Line l;
        l.category = p.category;
        l.code = p.code;
        l.unit = p.unit;
        l.period_start = make_date(year, month, 1);
        l.period_end = Date{date::year{year} / date::month{month} / date::last};
        l.volume = 1 + static_cast<std::int64_t>((r >> 7) % 120);
        const std::int64_t hourly = p.tariff[year - 2023];
        const std::int64_t tariff = p.minute ? half_up(hourly, 60) : hourly;
        std::int64_t amount = p.minute ? half_up(hourly * l.volume, 60) : hourly * l.volume;
        const auto flaw = (r >> 14) % 8;
        if (flaw == 1) amount = tariff * l.volume + (p.minute ? 0 : 1);
        else if (flaw == 2) l.code.back() = '9';
        l.tariff_cents = tariff;
        l.amount.cents = amount;
        l.reference = "R" + std::to_string(i);
        out.push_back(std::move(l));
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_declarations CONTRACT [LINES]\n");
        return 2;
    }
    const std::size_t n = argc > 2 ? std::stoul(argv[2]) : 1000000;
    const procurement::Document doc = procurement::load_document(argv[1]);
    const declarations::Contract contract(doc);
    const auto lines = make_lines(n, 1);
    double best = 1e300;
    std::size_t fired = 0;
    for (int pass = 0; pass < 3; ++pass) {
        const auto t0 = std::chrono::steady_clock::now();
        std::size_t f = 0;
        for (const auto& l : lines) f += contract.judge(l).rules.empty() ? 0 : 1;
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (s < best) best = s;
        fired = f;
    }
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    std::printf("{\"lines\": %zu, \"seconds\": %.6f, \"lines_per_second\": %.0f, \"fired\": %zu, \"peak_rss_kib\": %ld}\n", n,
                best, static_cast<double>(n) / best, fired, u.ru_maxrss);
    return 0;
}
