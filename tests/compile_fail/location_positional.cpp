// A Location is built through its named steps; the old positional brace form (path, line,
// column, source), where a literal 0 converts to a string, must not compile. Without
// ZK_SHOULD_FAIL this file is the control: it must compile, so the failure is caused by the line
// under test and nothing else.
#include <string>

#include "zorginkoop/core/location.hpp"

int main() {
    const std::string source = "doc.yaml";
    zorginkoop::Location good = zorginkoop::Location::at("award.date").in(source).line_col(12, 3);
#ifdef ZK_SHOULD_FAIL
    zorginkoop::Location bad{"award.date", 12, 3, source};
    good = bad;
#endif
    return good.line == 12 ? 0 : 1;
}
