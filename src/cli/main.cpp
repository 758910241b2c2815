// The zorginkoop command. Exit status: 0 success, 1 a finding of error severity or a tariff
// that is not realistic, 2 input that cannot be read or a usage error.

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "zorginkoop/core.hpp"
#include "zorginkoop/tariff/ijw.hpp"
#include "zorginkoop/version.hpp"

namespace {

using namespace zorginkoop;

const char* usage =
    "usage: zorginkoop [--version] [--help] <command> [options]\n"
    "\n"
    "commands:\n"
    "  ijw --tariff HOURLY [--minutes N]   an hourly tariff as iJw eurocents, its IV081 minute\n"
    "                                      tariff and the invoice amount for N minutes\n";

struct Args {
    std::vector<std::string> items;
    std::size_t pos = 0;
    bool done() const { return pos >= items.size(); }
    std::string next(const std::string& option) {
        if (done()) throw InvalidInput("option " + option + " needs a value");
        return items[pos++];
    }
};

int cmd_ijw(Args& a) {
    std::string hourly_text;
    long long minutes = -1;
    while (!a.done()) {
        std::string opt = a.items[a.pos++];
        if (opt == "--tariff") {
            hourly_text = a.next(opt);
        } else if (opt == "--minutes") {
            const Decimal m = Decimal::parse(a.next(opt));
            minutes = m.to_int64();
        } else {
            throw InvalidInput("unknown option " + opt + " for 'ijw'");
        }
    }
    if (hourly_text.empty()) throw InvalidInput("'ijw' needs --tariff HOURLY");
    const Money hourly = Money::parse(hourly_text);
    std::cout << "hourly tariff:        EUR " << hourly.to_string() << "\n";
    std::cout << "iJw ProductTarief:    " << ijw::to_amount_cents(hourly) << " (eurocents, unit 04 uur)\n";
    const Money minute = ijw::minute_tariff(hourly);
    std::cout << "minute tariff IV081:  EUR " << minute.to_string() << " = " << ijw::to_amount_cents(minute)
              << " eurocents (unit 01 minuut)\n";
    const Money per_hour_via_minutes = minute * Decimal(60);
    if (per_hour_via_minutes != hourly)
        std::cout << "note: 60 x the minute tariff is EUR " << per_hour_via_minutes.to_string()
                  << "; invoices must use hourly x minutes / 60 (IV081)\n";
    if (minutes >= 0)
        std::cout << "invoice for " << minutes << " minutes: EUR " << ijw::minute_invoice(hourly, minutes).to_string()
                  << " (IV081: hourly x minutes / 60, not minute tariff x minutes = EUR "
                  << (minute * Decimal(minutes)).to_string() << ")\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Args a;
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
        if (cmd == "ijw") return cmd_ijw(a);
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
