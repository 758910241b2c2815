// zorginkoop import eforms NOTICE.xml [NOTICE.xml ...] --law jeugdwet|wmo2015 [--format yaml|json]
//                         [-o FILE]
// The eForms notices of one procedure merged into a procurement document (docs/eforms.md); the
// fields the notices do not carry are listed on stderr. Exit status: 0 written, 2 a notice that is
// refused or cannot be read (nothing is written then), or a usage error.

#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "zorginkoop/core/error.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/law/law.hpp"
#include "zorginkoop/procurement/eforms.hpp"
#include "zorginkoop/report/serialise.hpp"

namespace zkcli {

using namespace zorginkoop;

namespace {

const char* const help =
    "usage: zorginkoop import eforms NOTICE.xml [NOTICE.xml ...] --law jeugdwet|wmo2015\n"
    "                                [--format yaml|json] [-o FILE]\n"
    "\n"
    "The eForms notices of one procedure (the same procedure identifier, BT-04: a prior\n"
    "information notice, a contract notice, an award notice, ...) merged into one procurement\n"
    "document. Each notice becomes a publication; procedure and lot fields come from the contract\n"
    "notice, the award dates from the award notice. The fields the notices do not carry are listed\n"
    "on stderr: the rules that need them say \"not evaluated\". Notices of different procedures,\n"
    "under another directive than 2014/24/EU or with amounts in another currency than EUR are\n"
    "refused. The mapping is in docs/eforms.md.\n"
    "\n"
    "options:\n"
    "  --law L          jeugdwet or wmo2015: the care law of the procurement (required; notices\n"
    "                   do not say it)\n"
    "  --format F       yaml (default) or json\n"
    "  -o, --output F   write the document to F instead of stdout\n"
    "  -h, --help       this help\n";

void print_not_carried(const std::vector<procurement::NotCarried>& list) {
    if (list.empty()) return;
    std::cerr << "not carried by the notices (the rules that need these fields say \"not evaluated\"):\n";
    for (const auto& n : list) {
        std::cerr << "  " << n.field;
        switch (n.reason) {
            case procurement::NotCarried::Reason::absent: std::cerr << ": absent (" << n.eforms << ")"; break;
            case procurement::NotCarried::Reason::not_in_version:
                std::cerr << ": not defined in the notice's SDK (" << n.eforms << ")";
                break;
            case procurement::NotCarried::Reason::no_eforms_field: std::cerr << ": no eForms field"; break;
        }
        if (!n.detail.empty()) std::cerr << ": " << terminal_safe(n.detail);
        std::cerr << "\n";
    }
}

}  // namespace

procurement::EformsImport import_notices(const std::vector<std::string>& paths, const std::optional<std::string>& law) {
    if (!law) throw InvalidInput("eForms notices need --law jeugdwet|wmo2015: a notice does not say which care law applies");
    const Law l = option_value("--law", *law, [](const std::string& t) { return parse_law(t); });
    return procurement::import_eforms_files(paths, l);
}

int cmd_import(Args& a) {
    const ParsedArgs p =
        parse_args(a, "import", {{"--law", "jeugdwet|wmo2015"}, {"--format", "yaml|json"}, {"-o", "FILE"}, {"--output", "FILE"}});
    if (p.help) {
        std::cout << help << exit_status_help("(not used)");
        return 0;
    }
    if (p.positional.empty() || p.positional.front() != "eforms")
        throw InvalidInput("'import' reads eForms notices: zorginkoop import eforms NOTICE.xml ... --law jeugdwet|wmo2015" +
                           std::string(p.positional.empty() ? "" : " (got '" + p.positional.front() + "')"));
    const std::vector<std::string> paths(p.positional.begin() + 1, p.positional.end());
    if (paths.empty()) throw InvalidInput("'import eforms' needs at least one notice: zorginkoop import eforms NOTICE.xml --law L");
    const std::string format = p.value("--format").value_or("yaml");
    if (format != "yaml" && format != "json") throw InvalidInput("--format must be yaml or json, not '" + format + "'");
    if (p.has("-o") && p.has("--output")) throw InvalidInput("give -o or --output, not both");
    const std::optional<std::string> output = p.has("-o") ? p.value("-o") : p.value("--output");

    const procurement::EformsImport imported = import_notices(paths, p.value("--law"));
    const io::Node node = imported.document.to_node();
    const std::string text = format == "json" ? io::to_json(node) : io::to_yaml(node);
    if (output) {
        std::ofstream out(*output, std::ios::binary);
        if (!out) throw InvalidInput("cannot write '" + *output + "'");
        out << text;
        if (!out.flush()) throw InvalidInput("cannot write '" + *output + "'");
    } else {
        std::cout << text;
    }
    print_not_carried(imported.not_carried);
    return 0;
}

}  // namespace zkcli
