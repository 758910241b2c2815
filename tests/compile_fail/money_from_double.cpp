// Money from a double must not compile (control: see money_plus_rate.cpp).
#include "zorginkoop/core/money.hpp"

int main() {
#ifdef ZK_SHOULD_FAIL
    zorginkoop::Money m(12.30);
#else
    zorginkoop::Money m = zorginkoop::Money::parse("12.30");
#endif
    return m.is_zero() ? 1 : 0;
}
