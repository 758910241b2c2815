// Decimal from a float must not compile (control: see money_plus_rate.cpp).
#include "zorginkoop/core/decimal.hpp"

int main() {
#ifdef ZK_SHOULD_FAIL
    zorginkoop::Decimal d = 0.1f;
#else
    zorginkoop::Decimal d = zorginkoop::Decimal::parse("0.1");
#endif
    return d.is_zero() ? 1 : 0;
}
