// The zorginkoop command. Exit status: 0 success, 1 a finding of error severity or a tariff
// that is not realistic, 2 input that cannot be read or a usage error.

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "zorginkoop/core.hpp"
#include "commands.hpp"
#include "zorginkoop/version.hpp"

namespace {

using namespace zorginkoop;

const char* usage =
    "usage: zorginkoop [--version] [--help] <command> [options]\n"
    "\n"
    "commands:\n"
    "  ijw --tariff HOURLY [--minutes N]   an hourly tariff as iJw eurocents, its IV081 minute\n"
    "                                      tariff and the invoice amount for N minutes\n"
    "  index --clause FILE --year Y [--series FILE ...] [--tariff X --from Y1 --to Y2]\n"
    "        [--first-contract-year Y0] [--format text|json] [--lang nl|en] [--svg FILE]\n"
    "                                      the indexation rate of year Y under a contract clause,\n"
    "                                      with its derivation; with --tariff, the yearly tariffs\n"
    "  tariff MODEL [--tariff X --basis fixed|floor|substantiated] [--bands FILE]\n"
    "         [--format text|json] [--lang nl|en] [--svg FILE]\n"
    "                                      the build-up of a cost model, mapped to the statutory\n"
    "                                      cost elements; with --tariff, the realism check\n"
    "  check DOC [--format text|json|sarif] [--lang nl|en] [--as-of DATE]\n"
    "        [--regional-contracting-from DATE]\n"
    "                                      a procurement document judged against the rule\n"
    "                                      catalogue; exit 0 no errors, 1 errors, 2 unreadable\n";

}  // namespace

int main(int argc, char** argv) {
    zkcli::Args a;
    for (int i = 1; i < argc; ++i) a.items.emplace_back(argv[i]);
    try {
        if (a.done() || a.items[0] == "--help" || a.items[0] == "-h" || a.items[0] == "help") {
            std::cout << usage;
            return a.done() ? 2 : 0;
        }
        if (a.items[0] == "--version") {
            std::cout << "zorginkoop " << version_string << "\n";
            return 0;
        }
        const std::string cmd = a.items[a.pos++];
        struct Command {
            const char* name;
            int (*run)(zkcli::Args&);
        };
        static const Command commands[] = {
            {"ijw", zkcli::cmd_ijw},
            {"index", zkcli::cmd_index},
            {"tariff", zkcli::cmd_tariff},
            {"check", zkcli::cmd_check},
        };
        for (const auto& c : commands)
            if (cmd == c.name) return c.run(a);
        std::cerr << "zorginkoop: unknown command '" << cmd << "'\n" << usage;
        return 2;
    } catch (const Error& e) {
        std::cerr << "zorginkoop: " << e.code_name() << ": " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "zorginkoop: " << e.what() << "\n";
        return 2;
    }
}
