// Turn an hourly tariff into iJw eurocents and an IV081 minute tariff, and read a YAML snippet
// through the library's reader: the smallest program a back-office system would write.
#include <iostream>

#include <zorginkoop/core.hpp>
#include <zorginkoop/io/node.hpp>
#include <zorginkoop/tariff/ijw.hpp>

int main() {
    using namespace zorginkoop;
    const io::Node doc = io::parse_yaml("tariff: \"60.23\"\n");
    const Money hourly = Money::parse(doc.find("tariff")->text());
    std::cout << "hourly " << hourly.to_string() << " -> " << ijw::to_amount_cents(hourly) << " cents; minute tariff "
              << ijw::minute_tariff(hourly).to_string() << "\n";
    return 0;
}
