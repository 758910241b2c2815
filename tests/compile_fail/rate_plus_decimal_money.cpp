// Money + Decimal must not compile: a plain number is not an amount (control: see money_plus_rate.cpp).
#include "zorginkoop/core/money.hpp"

int main() {
    zorginkoop::Money m = zorginkoop::Money::parse("10.00");
#ifdef ZK_SHOULD_FAIL
    auto bad = m + zorginkoop::Decimal(1);
    (void)bad;
#endif
    return m.is_zero() ? 1 : 0;
}
