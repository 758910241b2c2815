// Money * Money has no meaning and must not compile (control: see money_plus_rate.cpp).
#include "zorginkoop/core/money.hpp"

int main() {
    zorginkoop::Money a = zorginkoop::Money::parse("10.00");
    zorginkoop::Money b = zorginkoop::Money::parse("2.00");
#ifdef ZK_SHOULD_FAIL
    auto bad = a * b;
    (void)bad;
#endif
    return (a / b) == zorginkoop::Decimal(5) ? 0 : 1;
}
