// zorginkoop check DOC [--format text|json|sarif] [--lang nl|en] [--as-of DATE]
//                      [--regional-contracting-from DATE] [--rule-docs URI]
//                      [--hide-not-evaluated] [--max-findings N]
// zorginkoop check NOTICE.xml [NOTICE.xml ...] --law jeugdwet|wmo2015 [the same options]
// Checks a procurement document (or the eForms notices of one procedure, merged as `import eforms`
// merges them) against the rule catalogue. Exit status: 0 no findings of error
// severity, 1 errors found, 2 the document cannot be read (or a usage error).

#include <cstddef>
#include <iostream>
#include <string>

#include "commands.hpp"
#include "zorginkoop/procurement/check.hpp"
#include "zorginkoop/report/serialise.hpp"

namespace zkcli {

using namespace zorginkoop;

namespace {

const char* const help =
    "usage: zorginkoop check DOC [--format text|json|sarif] [--lang nl|en] [--as-of DATE]\n"
    "                            [--regional-contracting-from DATE] [--rule-docs URI]\n"
    "                            [--hide-not-evaluated] [--max-findings N]\n"
    "       zorginkoop check NOTICE.xml [NOTICE.xml ...] --law jeugdwet|wmo2015 [options]\n"
    "\n"
    "A procurement document (YAML or JSON) judged against the rule catalogue: every finding with\n"
    "its rule, severity, location in the document and the law it cites. Files ending in .xml are\n"
    "eForms notices of one procedure: they are merged into one document as `zorginkoop import\n"
    "eforms` merges them (docs/eforms.md) and that document is checked; the report is one report.\n"
    "\n"
    "options:\n"
    "  --law L                            jeugdwet or wmo2015: the care law of the notices\n"
    "                                     (required for notices, refused for a document)\n"
    "  --format F                         text (default), json or sarif (SARIF 2.1.0)\n"
    "  --lang L                           nl (default) or en\n"
    "  --as-of DATE                       the reference date (YYYY-MM-DD) of the check\n"
    "  --regional-contracting-from DATE   the date (YYYY-MM-DD) on which Jeugdwet art. 2.19 lid 1\n"
    "                                     onder a (regional contracting) enters into force; set by\n"
    "                                     royal decree, so unset by default (rule JREG-001)\n"
    "  --rule-docs URI                    SARIF: the absolute URI where the rule pages\n"
    "                                     (docs/rules/<ID>.md) are published; each rule's helpUri\n"
    "                                     then links its page (default: the first law it cites)\n"
    "  --hide-not-evaluated               text: leave out the line that lists the missing fields\n"
    "                                     for which rules were not evaluated (and how many rules\n"
    "                                     each blocks); json and sarif keep every finding\n"
    "  --max-findings N                   list at most N findings of one rule (default 100; 0:\n"
    "                                     all); the others are counted, in the summary and as\n"
    "                                     \"and N more\" (json: omitted; sarif: a notification)\n"
    "  -h, --help                         this help\n"
    "\n"
    "Options may also be written --option=VALUE; `--` ends the options (a DOC whose name starts\n"
    "with '-').\n";

}  // namespace

int cmd_check(Args& a) {
    const ParsedArgs p = parse_args(a, "check",
                                    {{"--format", "text|json|sarif"},
                                     {"--lang", "nl|en"},
                                     {"--as-of", "DATE"},
                                     {"--regional-contracting-from", "DATE"},
                                     {"--rule-docs", "URI"},
                                     {"--hide-not-evaluated", nullptr},
                                     {"--max-findings", "N"},
                                     {"--law", "jeugdwet|wmo2015"}});
    if (p.help) {
        std::cout << help << exit_status_help("the document has at least one finding of error severity");
        return 0;
    }
    bool notices = !p.positional.empty();
    for (const auto& f : p.positional) notices = notices && procurement::is_xml_path(f);
    if (!notices) (void)single_argument(p, "check", "one document (YAML or JSON), or eForms notices (.xml)");
    if (!notices && p.has("--law"))
        throw InvalidInput("--law is for eForms notices (.xml): a document states its law (law:)");
    const std::string format = p.value("--format").value_or("text");
    if (format != "text" && format != "json" && format != "sarif")
        throw InvalidInput("--format must be text, json or sarif, not '" + format + "'");
    const auto lang = [](const std::string& t) { return parse_lang(t); };
    const auto date = [](const std::string& t) { return parse_date(t); };
    RenderOptions render;
    if (const auto v = p.value("--lang")) render.lang = option_value("--lang", *v, lang);
    SarifOptions sarif;
    if (const auto v = p.value("--rule-docs"))
        sarif.rule_docs_uri = option_value("--rule-docs", *v, [&](const std::string& t) {
            (void)to_sarif(Report{}, render, SarifOptions{t});  // refuses a URI that is not absolute
            return t;
        });
    render.hide_not_evaluated = p.has("--hide-not-evaluated");
    procurement::CheckOptions options;
    if (const auto v = p.value("--as-of")) options.as_of = option_value("--as-of", *v, date);
    if (const auto v = p.value("--regional-contracting-from"))
        options.regional_contracting_from = option_value("--regional-contracting-from", *v, date);
    if (const auto v = p.value("--max-findings"))
        options.max_findings_per_rule = option_value("--max-findings", *v, [](const std::string& t) -> std::size_t {
            if (t.empty() || t.size() > 9 || t.find_first_not_of("0123456789") != std::string::npos)
                throw InvalidInput("'" + t + "' is not a whole number from 0 to 999999999");
            return static_cast<std::size_t>(std::stoul(t));
        });

    Report report;
    if (notices) {
        // What the notices cannot state is "not evaluated", not a finding about its absence.
        const procurement::EformsImport imported = import_notices(p.positional, p.value("--law"));
        for (const auto& n : imported.not_carried) options.not_stated.push_back(n.field);
        report = procurement::check(imported.document, options);
    } else {
        report = procurement::check_file(p.positional.front(), options);
    }
    if (format == "json") std::cout << to_json(report, render);
    else if (format == "sarif") std::cout << to_sarif(report, render, sarif);
    else std::cout << to_text(report, render);
    return report.has_errors() ? 1 : 0;
}

}  // namespace zkcli
