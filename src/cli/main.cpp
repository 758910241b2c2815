// The zorginkoop command. Exit status: 0 success, 1 a finding of error severity or a tariff
// that is not realistic, 2 input that cannot be read, output that cannot be written or a usage
// error.

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "zorginkoop/core.hpp"
#include "commands.hpp"
#include "zorginkoop/report/serialise.hpp"
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
    "        [--first-contract-year Y0] [--as-of DATE] [--check] [--format F] [--lang nl|en]\n"
    "        [--svg FILE]\n"
    "                                      the indexation rate of year Y under a contract clause,\n"
    "                                      with its derivation; with --tariff, the yearly tariffs;\n"
    "                                      with --check, the clause's problems as a report\n"
    "  tariff MODEL [--tariff X --basis fixed|floor|substantiated] [--bands FILE]\n"
    "         [--format text|json|sarif] [--lang nl|en] [--svg FILE]\n"
    "                                      the build-up of a cost model, mapped to the statutory\n"
    "                                      cost elements; with --tariff, the realism check\n"
    "  check DOC [--format text|json|sarif] [--lang nl|en] [--as-of DATE]\n"
    "        [--regional-contracting-from DATE] [--rule-docs URI] [--max-findings N]\n"
    "                                      a procurement document judged against the rule\n"
    "                                      catalogue\n"
    "  declarations CONTRACT MESSAGE.xml [--format text|json|sarif] [--lang nl|en]\n"
    "                                      an iJw/iWmo declaration message (JW323, WMO323)\n"
    "                                      judged against the contract's products and term\n"
    "  check NOTICE.xml [NOTICE.xml ...] --law jeugdwet|wmo2015 [options of check]\n"
    "                                      the eForms notices of one procedure, checked as the\n"
    "                                      document that `import eforms` makes of them\n"
    "  import eforms NOTICE.xml [NOTICE.xml ...] --law jeugdwet|wmo2015 [--format yaml|json]\n"
    "        [-o FILE]                     the eForms notices of one procedure as a document\n"
    "  schema                              the JSON Schema of the procurement document\n"
    "  series [--series FILE ...] [--as-of DATE] [--format text|json] [--lang nl|en]\n"
    "                                      the index series with their last year, status and\n"
    "                                      source, and the figures that are overdue or missing\n"
    "\n"
    "`zorginkoop COMMAND --help` (or -h, or `zorginkoop help COMMAND`) describes a command.\n"
    "Options may also be written --option=VALUE.\n"
    "\n"
    "exit status:\n"
    "  0  success\n"
    "  1  check, declarations: a finding of error severity; tariff --tariff X: the tariff is not\n"
    "     realistic\n"
    "  2  a usage error, unreadable input or unwritable output (the reason is on stderr)\n";

struct Command {
    const char* name;
    int (*run)(zkcli::Args&);
};
const Command commands[] = {
    {"ijw", zkcli::cmd_ijw},
    {"index", zkcli::cmd_index},
    {"tariff", zkcli::cmd_tariff},
    {"check", zkcli::cmd_check},
    {"declarations", zkcli::cmd_declarations},
    {"schema", zkcli::cmd_schema},
    {"import", zkcli::cmd_import},
    {"series", zkcli::cmd_series},
};

const Command* find_command(const std::string& name) {
    for (const auto& c : commands)
        if (name == c.name) return &c;
    return nullptr;
}

int run(zkcli::Args& a) {
    if (a.done()) {
        std::cerr << usage;
        return 2;
    }
    const std::string first = a.items[a.pos++];
    if (first == "--help" || first == "-h" || first == "help") {
        if (a.done()) {
            std::cout << usage;
            return 0;
        }
        // zorginkoop help COMMAND: that command's help
        const std::string name = a.items[a.pos];
        const Command* c = find_command(name);
        if (!c) throw InvalidInput("unknown command '" + name + "' (commands: ijw, index, tariff, check, declarations, import, schema, series)");
        zkcli::Args help{{name, "--help"}, 1};
        return c->run(help);
    }
    if (first == "--version") {
        if (!a.done()) throw InvalidInput("--version takes no arguments, got '" + a.items[a.pos] + "'");
        std::cout << "zorginkoop " << version_string << "\n";
        return 0;
    }
    if (!first.empty() && first[0] == '-') {
        const std::string name = first.substr(0, first.find('='));
        if (name == "--help" || name == "--version") throw InvalidInput("option " + name + " takes no value");
        throw InvalidInput("unknown option " + name + " (before the command only --help and --version are known)");
    }
    const Command* c = find_command(first);
    if (!c) {
        std::cerr << "zorginkoop: unknown command '" << terminal_safe(first) << "'\n" << usage;
        return 2;
    }
    return c->run(a);
}

}  // namespace

int main(int argc, char** argv) {
    zkcli::check_stdout_writes();
    zkcli::Args a;
    for (int i = 1; i < argc; ++i) a.items.emplace_back(argv[i]);
    // Messages quote file names and option values as given: terminal_safe() keeps a hostile
    // name from writing escape sequences to the terminal.
    int status = 2;
    try {
        status = run(a);
    } catch (const Error& e) {
        std::cerr << "zorginkoop: " << e.code_name() << ": " << terminal_safe(e.what()) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "zorginkoop: " << terminal_safe(e.what()) << "\n";
    }
    // A write to stdout that failed (a full disk, /dev/full) is an error, whatever the command found.
    return zkcli::finish_stdout(status);
}
