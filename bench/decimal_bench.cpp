// Micro-benchmark (not a test): the cost of Decimal multiply, divide and add against int64 and
// double, in one run. Prints nanoseconds per operation and the ratios.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "zorginkoop/core/decimal.hpp"

namespace {

template <class T>
inline void keep(T const& value) {
    asm volatile("" : : "g"(&value) : "memory");
}

template <class F>
double ns_per_op(F&& f, int n) {
    const auto t0 = std::chrono::steady_clock::now();
    f(n);
    const auto t1 = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::nano>(t1 - t0).count() / n;
}

}  // namespace

int main() {
    using zorginkoop::Decimal;
    const int n = 2000000;
    std::vector<Decimal> da, db;
    std::vector<std::int64_t> ia, ib;
    std::vector<double> fa, fb;
    for (int i = 0; i < 1024; ++i) {
        da.push_back(Decimal::parse("62539.008") + Decimal(i));
        db.push_back(Decimal::parse("1.376964") + Decimal(i % 7));
        ia.push_back(62539008 + i);
        ib.push_back(1376964 + (i % 7));
        fa.push_back(62539.008 + i);
        fb.push_back(1.376964 + (i % 7));
    }
    auto run = [&](const char* name, auto dec_op, auto int_op, auto dbl_op) {
        const double d = ns_per_op([&](int k) {
            for (int i = 0; i < k; ++i) { Decimal r = dec_op(da[i & 1023], db[i & 1023]); keep(r); }
        }, n);
        const double x = ns_per_op([&](int k) {
            for (int i = 0; i < k; ++i) { std::int64_t r = int_op(ia[i & 1023], ib[i & 1023]); keep(r); }
        }, n);
        const double f = ns_per_op([&](int k) {
            for (int i = 0; i < k; ++i) { double r = dbl_op(fa[i & 1023], fb[i & 1023]); keep(r); }
        }, n);
        std::printf("| %-8s | %8.1f | %7.2f | %7.2f | %7.0fx | %7.0fx |\n", name, d, x, f, d / x, d / f);
    };
    std::printf("| op       | Decimal ns | int64 ns | double ns | Decimal/int64 | Decimal/double |\n");
    std::printf("|---|---|---|---|---|---|\n");
    run("add", [](const Decimal& a, const Decimal& b) { return a + b; },
        [](std::int64_t a, std::int64_t b) { return a + b; }, [](double a, double b) { return a + b; });
    run("multiply", [](const Decimal& a, const Decimal& b) { return a * b; },
        [](std::int64_t a, std::int64_t b) { return a * b; }, [](double a, double b) { return a * b; });
    run("divide", [](const Decimal& a, const Decimal& b) { return a / b; },
        [](std::int64_t a, std::int64_t b) { return a / b; }, [](double a, double b) { return a / b; });
    return 0;
}
