#pragma once
// The subcommands of the zorginkoop command, one source file each (cmd_<name>.cpp).
#include <cstddef>
#include <string>
#include <vector>

#include "zorginkoop/core/error.hpp"

namespace zkcli {

struct Args {
    std::vector<std::string> items;
    std::size_t pos = 0;
    bool done() const { return pos >= items.size(); }
    /// The value of an option; a usage error when it is missing.
    std::string next(const std::string& option) {
        if (done()) throw zorginkoop::InvalidInput("option " + option + " needs a value");
        return items[pos++];
    }
};

/// Exit status of every command: 0 success, 1 a finding of error severity or a tariff that is
/// not realistic, 2 input that cannot be read or a usage error.
int cmd_ijw(Args& args);
int cmd_index(Args& args);
int cmd_tariff(Args& args);
int cmd_check(Args& args);

}  // namespace zkcli
