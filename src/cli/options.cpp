// The option parser shared by the subcommands.

#include <algorithm>

#include "commands.hpp"

namespace zkcli {

using zorginkoop::InvalidInput;

namespace {

/// An item that reads as an option rather than a value: "-h", "--format", but not "-" (standard
/// input by convention) nor a negative number such as "-3" or "-.5", which reach the command so
/// that it can say why the number is refused.
bool looks_like_option(const std::string& s) {
    if (s.size() < 2 || s[0] != '-') return false;
    return !((s[1] >= '0' && s[1] <= '9') || s[1] == '.');
}

bool is_help(const std::string& s) { return s == "-h" || s == "--help"; }

}  // namespace

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
    for (const auto& [n, v] : options)
        if (n == name) return v;
    return std::nullopt;
}

std::vector<std::string> ParsedArgs::values(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : options)
        if (n == name) out.push_back(v);
    return out;
}

ParsedArgs parse_args(const Args& a, const std::string& command, const std::vector<OptionSpec>& options) {
    ParsedArgs p;
    const auto end_of_options = std::find(a.items.begin() + static_cast<std::ptrdiff_t>(a.pos), a.items.end(), "--");
    if (std::any_of(a.items.begin() + static_cast<std::ptrdiff_t>(a.pos), end_of_options, is_help)) {
        p.help = true;
        return p;
    }
    const std::string see = " (zorginkoop " + command + " --help lists the options)";
    std::size_t i = a.pos;
    while (i < a.items.size()) {
        const std::string item = a.items[i++];
        if (item == "--") {
            p.positional.insert(p.positional.end(), a.items.begin() + static_cast<std::ptrdiff_t>(i), a.items.end());
            break;
        }
        if (!looks_like_option(item)) {
            p.positional.push_back(item);
            continue;
        }
        const std::size_t eq = item.find('=');
        const std::string name = item.substr(0, eq);
        if (name == "--help" || name == "-h") throw InvalidInput("option " + name + " takes no value");
        const auto spec = std::find_if(options.begin(), options.end(), [&](const OptionSpec& o) { return name == o.name; });
        if (spec == options.end())
            throw InvalidInput("unknown option " + name + " for '" + command + "'" + see);
        std::string value;
        if (!spec->value) {
            if (eq != std::string::npos) throw InvalidInput("option " + name + " takes no value");
        } else if (eq != std::string::npos) {
            value = item.substr(eq + 1);
            if (value.empty()) throw InvalidInput("option " + name + " needs a value: " + name + " " + spec->value);
        } else {
            if (i >= a.items.size() || looks_like_option(a.items[i]) || a.items[i].empty())
                throw InvalidInput("option " + name + " needs a value: " + name + " " + spec->value);
            value = a.items[i++];
        }
        if (!spec->repeatable && p.has(name)) throw InvalidInput("option " + name + " is given more than once");
        p.options.emplace_back(name, value);
    }
    return p;
}

const std::string& single_argument(const ParsedArgs& p, const std::string& command, const std::string& what) {
    if (p.positional.empty()) throw InvalidInput("'" + command + "' needs " + what + ": zorginkoop " + command + " --help");
    if (p.positional.size() > 1)
        throw InvalidInput("'" + command + "' takes one argument, " + what + ", got '" + p.positional[0] + "' and '" +
                           p.positional[1] + "'");
    return p.positional.front();
}

void no_arguments(const ParsedArgs& p, const std::string& command, const std::string& hint) {
    if (!p.positional.empty())
        throw InvalidInput("'" + command + "' takes no arguments besides its options, got '" + p.positional.front() + "'" +
                           hint);
}

std::string exit_status_help(const std::string& one) {
    return "\nexit status:\n"
           "  0  success\n"
           "  1  " + one + "\n"
           "  2  a usage error, unreadable input or unwritable output (the reason is on stderr)\n";
}

}  // namespace zkcli
