// zorginkoop declarations CONTRACT MESSAGE.xml [--format text|json|sarif] [--lang nl|en]
// An iJw / iWmo declaration message (JW323, WMO323) judged against the contract (a procurement
// document). Exit status: 0 no findings of error severity, 1 errors found, 2 the contract or the
// message cannot be read (or a usage error).

#include <iostream>

#include "commands.hpp"
#include "zorginkoop/declarations/check.hpp"
#include "zorginkoop/report/serialise.hpp"

namespace zkcli {

using namespace zorginkoop;

namespace {

const char* const help =
    "usage: zorginkoop declarations CONTRACT MESSAGE.xml [--format text|json|sarif] [--lang nl|en]\n"
    "\n"
    "Every Prestatie of an iJw/iWmo 3.2 declaration message (JW323, BerichtCode 490; WMO323,\n"
    "BerichtCode 484) judged against the products, units, tariffs (indexed with the contract's\n"
    "clause) and term of the contract (a procurement document, YAML or JSON), and the message total\n"
    "against its lines: rules DECL-001 to DECL-007 (docs/declarations.md).\n"
    "\n"
    "options:\n"
    "  --format F    text (default), json (the report of `check --format json`) or sarif\n"
    "  --lang L      nl (default) or en\n"
    "  -h, --help    this help\n"
    "\n"
    "Options may also be written --option=VALUE; `--` ends the options.\n";

}  // namespace

int cmd_declarations(Args& a) {
    const ParsedArgs p = parse_args(a, "declarations", {{"--format", "text|json|sarif"}, {"--lang", "nl|en"}});
    if (p.help) {
        std::cout << help << exit_status_help("a declaration line or the message total has a finding of error severity");
        return 0;
    }
    if (p.positional.size() != 2)
        throw InvalidInput("declarations needs two arguments, the contract (YAML or JSON) and the message (XML); got " +
                           std::to_string(p.positional.size()));
    const std::string format = p.value("--format").value_or("text");
    if (format != "text" && format != "json" && format != "sarif")
        throw InvalidInput("--format must be text, json or sarif, not '" + format + "'");
    RenderOptions render;
    if (const auto v = p.value("--lang")) render.lang = option_value("--lang", *v, [](const std::string& t) { return parse_lang(t); });

    const Report report = declarations::check_declarations_files(p.positional[0], p.positional[1]);
    if (format == "json") std::cout << to_json(report, render);
    else if (format == "sarif") std::cout << to_sarif(report, render);
    else std::cout << to_text(report, render);
    return report.has_errors() ? 1 : 0;
}

}  // namespace zkcli
