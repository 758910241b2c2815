// zorginkoop ijw: an hourly tariff as iJw eurocents, its IV081 minute tariff and a minute invoice.

#include <iostream>

#include "commands.hpp"
#include "zorginkoop/core.hpp"
#include "zorginkoop/tariff/ijw.hpp"

namespace zkcli {

using namespace zorginkoop;

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

}  // namespace zkcli
