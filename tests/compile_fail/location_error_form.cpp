// The old error-location form (source, path, line, column) must not compile either: its two
// strings could be swapped silently. Without ZK_SHOULD_FAIL this file is the control.
#include <string>

#include "zorginkoop/core/error.hpp"

int main() {
    const std::string path = "lots[0].tariff";
    zorginkoop::ParseError good("bad value", zorginkoop::Location::at(path).in("doc.yaml").line_col(4, 1));
#ifdef ZK_SHOULD_FAIL
    zorginkoop::ParseError bad("bad value", {"doc.yaml", path, 4, 1});
    (void)bad;
#endif
    return good.line() == 4 ? 0 : 1;
}
