// Money + Rate has no meaning and must not compile. Without ZK_SHOULD_FAIL this file is the
// control: it must compile, so the failure is caused by the line under test and nothing else.
#include "zorginkoop/core/money.hpp"

int main() {
    zorginkoop::Money m = zorginkoop::Money::parse("10.00");
    zorginkoop::Rate r = zorginkoop::Rate::parse("0.08");
#ifdef ZK_SHOULD_FAIL
    auto bad = m + r;
    (void)bad;
#endif
    return (m * r).is_zero() ? 1 : 0;
}
