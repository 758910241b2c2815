// zorginkoop check DOC [--format text|json|sarif] [--lang nl|en] [--as-of DATE]
//                      [--regional-contracting-from DATE]
// Checks a procurement document against the rule catalogue. Exit status: 0 no findings of error
// severity, 1 errors found, 2 the document cannot be read (or a usage error).

#include <iostream>

#include "commands.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/report/serialise.hpp"

namespace zkcli {

using namespace zorginkoop;

int cmd_check(Args& a) {
    std::string path, format = "text";
    RenderOptions render;
    procurement::CheckOptions options;
    while (!a.done()) {
        const std::string opt = a.items[a.pos++];
        if (opt == "--format") {
            format = a.next(opt);
            if (format != "text" && format != "json" && format != "sarif")
                throw InvalidInput("--format must be text, json or sarif, not '" + format + "'");
        } else if (opt == "--lang") {
            render.lang = parse_lang(a.next(opt));
        } else if (opt == "--as-of") {
            options.as_of = parse_date(a.next(opt));
        } else if (opt == "--regional-contracting-from") {
            options.regional_contracting_from = parse_date(a.next(opt));
        } else if (!opt.empty() && opt[0] == '-') {
            throw InvalidInput("unknown option " + opt + " for 'check'");
        } else if (path.empty()) {
            path = opt;
        } else {
            throw InvalidInput("'check' takes one document, got '" + path + "' and '" + opt + "'");
        }
    }
    if (path.empty()) throw InvalidInput("'check' needs a document: zorginkoop check DOC");
    const Report report = procurement::check_file(path, options);
    if (format == "json") std::cout << to_json(report, render);
    else if (format == "sarif") std::cout << to_sarif(report, render);
    else std::cout << to_text(report, render);
    return report.has_errors() ? 1 : 0;
}

}  // namespace zkcli
