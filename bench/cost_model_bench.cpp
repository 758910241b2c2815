// Benchmark (not a test): checking a generated document whose products each carry a cost model,
// documents per second. Two variants: every product with its own model (the salary differs), and
// every product with the same model (written inline in each product, identical subtrees).
// Run: bench_cost_models [products]   (default 1000)

#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include "zorginkoop/procurement/check.hpp"

namespace {

std::string model(int salary_cents) {
    const std::string salary = std::to_string(salary_cents / 100) + "." + (salary_cents % 100 < 10 ? "0" : "") +
                               std::to_string(salary_cents % 100);
    return "          zorginkoop_cost_model: 1\n"
           "          name: Begeleiding individueel\n"
           "          law: jeugdwet\n"
           "          unit: \"04\"\n"
           "          staff:\n"
           "            - function: Jeugdhulpverlener HBO\n"
           "              monthly_salary: \"" + salary + "\"\n"
           "              cao: {name: \"CAO Jeugdzorg\", scale: \"8\", step: \"6\"}\n"
           "              share: \"1\"\n"
           "              holiday_pay: \"0.08\"\n"
           "              year_end_bonus: \"0.0833\"\n"
           "              employer_charges: \"0.28\"\n"
           "          hours: {annual_hours: \"1878\", leave_hours: \"144\", sickness: \"0.06\", training_hours: \"40\", "
           "meeting_hours: \"60\", indirect: \"0.10\"}\n"
           "          travel: {per_hour: \"1.50\"}\n"
           "          training: {share_of_personnel: \"0.015\"}\n"
           "          municipal_obligations: {per_hour: \"0.80\"}\n"
           "          client_bound_other: {per_unit: \"0\"}\n"
           "          overhead: {rate: \"0.22\", convention: markup}\n"
           "          risk_margin: {rate: \"0.02\"}\n"
           "          indexation: {clause: true}\n"
           "          rounding: {mode: half_up, scale: 2, at: [final]}\n";
}

std::string document(int products, bool shared) {
    std::string s =
        "zorginkoop: 1\nid: bench\nlaw: jeugdwet\nterm: {start: 2025-01-01}\n"
        "contract_clauses: {subcontracting_real_price: true, tariff_differentiation: true}\n"
        "lots:\n  - id: A\n    products:\n";
    for (int i = 0; i < products; ++i) {
        s += "      - name: Product " + std::to_string(i) + "\n        unit: \"04\"\n        tariff: \"70.00\"\n" +
             "        price_basis: " + (i % 2 ? "fixed" : "floor") + "\n        cost_model:\n" +
             model(shared ? 350000 : 300000 + i);
    }
    return s;
}

double run(const zorginkoop::procurement::Document& d, std::size_t& findings) {
    using namespace zorginkoop::procurement;
    std::size_t n = 0;
    const auto start = std::chrono::steady_clock::now();
    double elapsed = 0;
    while (elapsed < 3.0 || n < 3) {
        findings = check(d).findings.size();
        ++n;
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    return static_cast<double>(n) / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace zorginkoop::procurement;
    const int products = argc > 1 ? std::atoi(argv[1]) : 1000;
    if (products <= 0) {
        std::cerr << "usage: bench_cost_models [products]\n";
        return 2;
    }
    for (const bool shared : {false, true}) {
        const std::string text = document(products, shared);
        const auto t0 = std::chrono::steady_clock::now();
        const Document d = parse_document_yaml(text, "bench.yaml");
        const double read_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::size_t findings = 0;
        const double per_s = run(d, findings);
        std::cout << products << " products, " << (shared ? "one shared model" : "a model each") << ": read "
                  << read_s << " s, checked " << per_s << " documents/s (" << findings << " findings)\n";
    }
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    std::cout << "peak RSS: " << u.ru_maxrss / 1024 << " MiB\n";
    return 0;
}
