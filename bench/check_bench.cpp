// Benchmark (not a test): procurement documents checked per second, and the peak resident memory,
// in C++. Build with one line in bench/CMakeLists.txt:
//   add_executable(bench_check check_bench.cpp) + target_link_libraries(bench_check PRIVATE zorginkoop)
// Run: bench_check examples/cases/*.zorginkoop.yaml

#include <sys/resource.h>

#include <chrono>
#include <iostream>
#include <vector>

#include "zorginkoop/procurement/check.hpp"

int main(int argc, char** argv) {
    using namespace zorginkoop::procurement;
    std::vector<Document> docs;
    for (int i = 1; i < argc; ++i) docs.push_back(load_document(argv[i]));
    if (docs.empty()) {
        std::cerr << "usage: bench_check DOC...\n";
        return 2;
    }
    std::size_t n = 0, findings = 0;
    const auto start = std::chrono::steady_clock::now();
    double elapsed = 0;
    while (elapsed < 3.0) {
        for (const auto& d : docs) {
            findings += check(d).findings.size();
            ++n;
        }
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    std::cout << "checked " << n << " documents in " << elapsed << " s: " << static_cast<double>(n) / elapsed
              << " documents/s (" << findings / n << " findings each on average)\n"
              << "peak RSS: " << u.ru_maxrss / 1024 << " MiB for " << docs.size() << " loaded documents\n";
    return 0;
}
