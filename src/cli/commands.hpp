#pragma once
// The subcommands of the zorginkoop command, one source file each (cmd_<name>.cpp), and the
// option parser they share (options.cpp).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zorginkoop/core/error.hpp"
#include "zorginkoop/procurement/eforms.hpp"
#include "zorginkoop/indexation/series.hpp"

namespace zkcli {

/// The command line after the program name; `pos` is the first item not yet read.
struct Args {
    std::vector<std::string> items;
    std::size_t pos = 0;
    bool done() const { return pos >= items.size(); }
};

/// An option a command accepts: `--name VALUE` (or `--name=VALUE`) when `value` names the
/// value, a flag without a value when `value` is null.
struct OptionSpec {
    const char* name;
    const char* value;
    bool repeatable = false;
};

/// A command's arguments, read and checked against its options.
struct ParsedArgs {
    bool help = false;                                        // -h or --help was given
    std::vector<std::pair<std::string, std::string>> options;  // in the order given
    std::vector<std::string> positional;

    /// The value of an option given once, or nullopt.
    std::optional<std::string> value(std::string_view name) const;
    /// Every value of a repeatable option, in order.
    std::vector<std::string> values(std::string_view name) const;
    bool has(std::string_view name) const { return value(name).has_value(); }
};

/// Reads the arguments of `command` from a.pos on. Usage errors (InvalidInput, exit status 2):
/// an unknown option, an option without its value (missing, empty, or another option in its
/// place), a value given to a flag, an option given twice that may be given once. `-h` or
/// `--help` anywhere before `--` sets `help` and nothing else is checked. After `--` every item
/// is positional (a file whose name starts with '-').
ParsedArgs parse_args(const Args& a, const std::string& command, const std::vector<OptionSpec>& options);

/// The one argument of `command` that is not an option; `what` names it ("a document").
const std::string& single_argument(const ParsedArgs& p, const std::string& command, const std::string& what);
/// A usage error when `command` got an argument that is not an option; `hint` follows the message.
void no_arguments(const ParsedArgs& p, const std::string& command, const std::string& hint = {});

/// `parse(text)` for the value of `option`; an error names the option:
/// "--tariff: '60,23' is not a decimal number".
template <class Parse>
auto option_value(const std::string& option, const std::string& text, Parse&& parse) -> decltype(parse(text)) {
    try {
        return parse(text);
    } catch (const zorginkoop::Error& e) {
        throw zorginkoop::Error(e.code(), option + ": " + e.message());
    }
}

/// Writes `content` to the file `path` (given with `option`) whole or not at all: a temporary
/// file beside it, then a rename (a device or pipe such as /dev/stdout is written in place). A
/// path that is the same file as one of `inputs` (the files the command read) is refused, and so
/// is every failure to write, as an InvalidInput naming the option and the reason (exit status 2).
void write_output_file(const std::string& option, const std::string& path, const std::string& content,
                       const std::vector<std::string>& inputs);

/// Makes std::cout write to file descriptor 1 through a buffer that keeps the reason of a failed
/// write; main() calls it first.
void check_stdout_writes();
/// `status`, or 2 with a message on stderr when stdout did not take everything written to it
/// (a full disk, /dev/full): main() calls it after every command.
int finish_stdout(int status);

/// The bundled index series, each file of --series (in the order given) overlaying them: a
/// figures file adds figures, a series file adds a series or replaces the one with its id. The
/// one reader of --series for every command that uses series (index, series).
zorginkoop::IndexSeriesSet series_with(const std::vector<std::string>& files);

/// Every command's help ends with these exit statuses, `one` saying what 1 means for it.
std::string exit_status_help(const std::string& one);

/// Exit status of every command: 0 success, 1 a finding of error severity or a tariff that is
/// not realistic, 2 input that cannot be read, output that cannot be written or a usage error. `-h`/`--help` prints the
/// command's help on stdout (exit status 0).
int cmd_ijw(Args& args);
int cmd_index(Args& args);
int cmd_tariff(Args& args);
int cmd_check(Args& args);
int cmd_schema(Args& args);
int cmd_declarations(Args& args);

int cmd_import(Args& args);

/// The eForms notices at `paths` imported under the law named by `--law` (a usage error without
/// it): shared by `import eforms` and `check`.
zorginkoop::procurement::EformsImport import_notices(const std::vector<std::string>& paths,
                                                     const std::optional<std::string>& law);

int cmd_series(Args& args);

}  // namespace zkcli
