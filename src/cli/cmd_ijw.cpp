// zorginkoop ijw --tariff HOURLY [--minutes N]
// An hourly tariff as iJw eurocents, its IV081 minute tariff and a minute invoice.

#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "zorginkoop/core.hpp"
#include "zorginkoop/tariff/ijw.hpp"

namespace zkcli {

using namespace zorginkoop;

namespace {

const char* const help =
    "usage: zorginkoop ijw --tariff HOURLY [--minutes N]\n"
    "\n"
    "An hourly tariff as an iJw/iWmo amount (LDT_Bedrag, whole eurocents, unit 04 uur), its IV081\n"
    "minute tariff (hourly / 60, half-up to cents) and, with --minutes, the IV081 invoice amount\n"
    "for N minutes (hourly x N / 60, half-up to cents).\n"
    "\n"
    "options:\n"
    "  --tariff HOURLY   the hourly tariff in euros with at most two decimals (60.23);\n"
    "                    0 to 999999.99, the range of LDT_Bedrag\n"
    "  --minutes N       a whole, non-negative number of minutes\n"
    "  -h, --help        this help\n"
    "\n"
    "Options may also be written --option=VALUE.\n";

/// The hourly tariff: an amount of whole eurocents inside LDT_Bedrag.
Money hourly_tariff(const std::string& text) {
    return option_value("--tariff", text, [](const std::string& t) {
        const Money hourly = Money::parse(t);
        if (!(hourly.amount() * Decimal(100)).is_integer())
            throw InvalidInput(hourly.to_string() + " has more precision than eurocents; iJw amounts (LDT_Bedrag) are "
                               "whole eurocents");
        static_cast<void>(ijw::to_amount_cents(hourly));  // InvalidInput outside LDT_Bedrag
        return hourly;
    });
}

/// A number of minutes: a whole number, not negative.
std::int64_t minutes_option(const std::string& text) {
    return option_value("--minutes", text, [](const std::string& t) {
        const Decimal m = Decimal::parse(t);
        if (!m.is_integer() || m.sign() < 0)
            throw InvalidInput("needs a whole, non-negative number of minutes, got '" + t + "'");
        return m.to_int64();
    });
}

}  // namespace

int cmd_ijw(Args& a) {
    const ParsedArgs p = parse_args(a, "ijw", {{"--tariff", "HOURLY"}, {"--minutes", "N"}});
    if (p.help) {
        std::cout << help << exit_status_help("not used by ijw");
        return 0;
    }
    no_arguments(p, "ijw");
    const std::optional<std::string> tariff_text = p.value("--tariff");
    if (!tariff_text) throw InvalidInput("'ijw' needs --tariff HOURLY");
    const Money hourly = hourly_tariff(*tariff_text);
    std::optional<std::int64_t> minutes;
    if (const auto m = p.value("--minutes")) minutes = minutes_option(*m);

    // Everything is computed before anything is written, so an error leaves stdout empty.
    std::ostringstream out;
    out << "hourly tariff:        EUR " << hourly.to_string() << "\n";
    out << "iJw ProductTarief:    " << ijw::to_amount_cents(hourly) << " (eurocents, unit 04 uur)\n";
    const Money minute = ijw::minute_tariff(hourly);
    out << "minute tariff IV081:  EUR " << minute.to_string() << " = " << ijw::to_amount_cents(minute)
        << " eurocents (unit 01 minuut)\n";
    const Money per_hour_via_minutes = minute * Decimal(60);
    if (per_hour_via_minutes != hourly)
        out << "note: 60 x the minute tariff is EUR " << per_hour_via_minutes.to_string()
            << "; invoices must use hourly x minutes / 60 (IV081)\n";
    if (minutes)
        out << "invoice for " << *minutes << " minutes: EUR " << ijw::minute_invoice(hourly, *minutes).to_string()
            << " (IV081: hourly x minutes / 60, not minute tariff x minutes = EUR "
            << (minute * Decimal(*minutes)).to_string() << ")\n";
    std::cout << out.str();
    return 0;
}

}  // namespace zkcli
