// zorginkoop index: the indexation rate of a year under a contract clause, with its derivation,
// and optionally the tariffs of a product over the years (text, JSON, SVG chart); with --check, the
// clause's problems for those years as a report (text, JSON, SARIF), as `check` reports a document.

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "zorginkoop/core.hpp"
#include "zorginkoop/indexation/check.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/indexation/render.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/report/serialise.hpp"

namespace zkcli {

using namespace zorginkoop;

namespace {

int year_option(const std::string& option, const std::string& text) {
    Decimal d;
    try {
        d = Decimal::parse(text);
    } catch (const Error&) {
        throw InvalidInput("option " + option + " needs a year, got '" + text + "'");
    }
    if (!d.is_integer() || d < Decimal(1000) || d > Decimal(9999))
        throw InvalidInput("option " + option + " needs a four-digit year, got '" + text + "'");
    return static_cast<int>(d.to_int64());
}

const char* const help =
    "usage: zorginkoop index --clause FILE --year Y [--series FILE ...] [--tariff X --from Y1 --to Y2]\n"
    "                        [--first-contract-year Y0] [--as-of DATE] [--format text|json] [--lang nl|en]\n"
    "                        [--svg FILE]\n"
    "       zorginkoop index --clause FILE --check (--year Y | --from Y1 --to Y2) [--series FILE ...]\n"
    "                        [--first-contract-year Y0] [--format text|json|sarif] [--lang nl|en]\n"
    "\n"
    "The indexation rate of year Y under a contract clause (YAML or JSON), with its derivation:\n"
    "the index figures used and their sources, the weighted provisional figure, the catch-up and\n"
    "the rounding. With --tariff, the tariffs of a product year by year.\n"
    "With --check, the clause is checked instead, as a report: the weights sum to 1, every series is\n"
    "known and has the figures the years need, the roundings are stated (rules INDEX-<problem>).\n"
    "\n"
    "options:\n"
    "  --clause FILE               the indexation clause (required)\n"
    "  --year Y                    the year whose rate is derived (default: --to)\n"
    "  --series FILE               a figures file (zorginkoop_index_figures) whose figures are added\n"
    "                              to the series they name, or a series file that adds a series or\n"
    "                              replaces the one with its id (may be given more than once;\n"
    "                              `zorginkoop series --help`)\n"
    "  --tariff X                  the tariff of the base year, indexed year by year\n"
    "  --from Y1                   the base year of the tariff (default: Y - 1)\n"
    "  --to Y2                     the last year of the tariff (default: Y)\n"
    "  --first-contract-year Y0    the first contract year (no catch-up over the year before it)\n"
    "  --as-of DATE                the reference date (YYYY-MM-DD): a provisional figure whose\n"
    "                              definitive figure was due by then and is not in the series is\n"
    "                              marked in the derivation (not with --check)\n"
    "  --check                     report the clause's problems for year Y (or the rates of the years\n"
    "                              after Y1 up to Y2) instead of deriving a rate\n"
    "  --format F                  text (default) or json; with --check also sarif (SARIF 2.1.0)\n"
    "  --lang L                    nl (default) or en\n"
    "  --svg FILE                  also write the tariffs over the years as an SVG chart (with --tariff)\n"
    "  -h, --help                  this help\n"
    "\n"
    "Options may also be written --option=VALUE.\n";

/// index --check: the clause's problems for the years asked, as a report; exit 1 on an error.
int check_clause_command(const ParsedArgs& p, const std::string& clause_file, const std::string& format, Lang lang,
                         const std::vector<std::string>& series_files, std::optional<int> year, std::optional<int> from,
                         std::optional<int> to, std::optional<int> first_contract_year) {
    for (const char* other : {"--tariff", "--svg"})
        if (p.has(other)) throw InvalidInput(std::string(other) + " does not go with --check");
    std::vector<int> years;
    if (year) {
        if (from || to) throw InvalidInput("--check takes --year Y or --from Y1 --to Y2, not both");
        years.push_back(*year);
    } else {
        if (!from || !to) throw InvalidInput("--check needs --year Y, or --from Y1 and --to Y2");
        if (*to <= *from)
            throw InvalidInput("--to (" + std::to_string(*to) + ") must be after --from (" + std::to_string(*from) + ")");
        for (int y = *from + 1; y <= *to; ++y) years.push_back(y);
    }
    const IndexSeriesSet series = series_with(series_files);
    // The clause is read as a tree only: its problems are findings, not read errors. A file that is
    // not YAML or JSON at all is still a read error (exit status 2).
    const io::Node root = io::read_file(clause_file);
    const Report report = to_report(check_clause(io::Reader(root, "", clause_file), series, years, first_contract_year),
                                    clause_file);
    RenderOptions render;
    render.lang = lang;
    std::cout << (format == "sarif" ? to_sarif(report, render) : format == "json" ? to_json(report, render)
                                                                                  : to_text(report, render));
    for (const Finding& f : report.findings)
        if (f.severity == Severity::error) return 1;
    return 0;
}

}  // namespace

int cmd_index(Args& a) {
    const ParsedArgs p = parse_args(a, "index",
                                    {{"--clause", "FILE"},
                                     {"--year", "Y"},
                                     {"--series", "FILE", true},
                                     {"--tariff", "X"},
                                     {"--from", "Y1"},
                                     {"--to", "Y2"},
                                     {"--first-contract-year", "Y0"},
                                     {"--as-of", "DATE"},
                                     {"--format", "text|json"},
                                     {"--lang", "nl|en"},
                                     {"--svg", "FILE"},
                                     {"--check", nullptr}});
    if (p.help) {
        std::cout << help << exit_status_help("with --check: the clause has a problem of severity error");
        return 0;
    }
    no_arguments(p, "index", " (the clause is --clause FILE)");
    const std::string clause_file = p.value("--clause").value_or("");
    const std::string format = p.value("--format").value_or("text");
    const std::string lang_text = p.value("--lang").value_or("nl");
    const std::string svg_file = p.value("--svg").value_or("");
    const std::string tariff_text = p.value("--tariff").value_or("");
    const std::vector<std::string> series_files = p.values("--series");
    auto year_of = [&](const char* option) -> std::optional<int> {
        if (const auto v = p.value(option)) return year_option(option, *v);
        return std::nullopt;
    };
    std::optional<int> year = year_of("--year");
    const std::optional<int> from = year_of("--from"), to = year_of("--to"),
                             first_contract_year = year_of("--first-contract-year");
    const bool checking = p.has("--check");
    if (format != "text" && format != "json" && !(checking && format == "sarif"))
        throw InvalidInput(checking ? "--format must be text, json or sarif, got '" + format + "'"
                                    : "--format must be text or json, got '" + format + "'" +
                                          (format == "sarif" ? " (sarif reports a --check)" : ""));
    if (lang_text != "nl" && lang_text != "en") throw InvalidInput("--lang must be nl or en, got '" + lang_text + "'");
    if (clause_file.empty()) throw InvalidInput("'index' needs --clause FILE");
    std::optional<Date> as_of;
    if (const auto v = p.value("--as-of")) as_of = option_value("--as-of", *v, [](const std::string& t) { return parse_date(t); });
    if (checking && as_of) throw InvalidInput("--as-of does not go with --check");
    if (checking) return check_clause_command(p, clause_file, format, parse_lang(lang_text), series_files, year, from, to,
                                              first_contract_year);
    if (!year) {
        if (!to) throw InvalidInput("'index' needs --year Y");
        year = to;
    }
    if (tariff_text.empty() && (from || to)) throw InvalidInput("--from and --to go with --tariff X");
    if (!svg_file.empty() && tariff_text.empty()) throw InvalidInput("--svg draws the tariff over the years: it needs --tariff X");
    const Lang lang = parse_lang(lang_text);

    const IndexSeriesSet series = series_with(series_files);
    const IndexationClause clause = IndexationClause::load(clause_file);
    clause.validate(series);

    const RateDerivation d = clause.rate(*year, series, first_contract_year, as_of);
    std::optional<Schedule> schedule;
    if (!tariff_text.empty()) {
        Money tariff;
        try {
            tariff = Money::parse(tariff_text);
        } catch (const Error& e) {
            throw InvalidInput("--tariff: " + e.message());
        }
        const int base = from.value_or(*year - 1);
        const int last = to.value_or(std::max(*year, base));
        if (last < base) throw InvalidInput("--to (" + std::to_string(last) + ") is before --from (" + std::to_string(base) + ")");
        schedule = clause.schedule(tariff, base, last, series, first_contract_year, as_of);
    }

    if (!svg_file.empty()) {
        std::vector<std::string> inputs = series_files;
        inputs.push_back(clause_file);
        write_output_file("--svg", svg_file, schedule_svg(*schedule, "", lang), inputs);
    }

    if (format == "json") {
        const int digits = d.rounding.at == RateRoundingAt::none ? 0 : d.rounding.scale;
        io::Node root = io::Node::mapping();
        root.add("zorginkoop_index_result", io::Node::scalar("1", io::Node::Style::plain));
        root.add("year", io::Node::scalar(std::to_string(*year), io::Node::Style::plain));
        root.add("rate_percent", io::Node::scalar(d.rate_percent.to_string(digits), io::Node::Style::quoted));
        root.add("rate", io::Node::scalar(d.rate().value().to_string(), io::Node::Style::quoted));
        root.add("clause", clause.to_node());
        root.add("derivation", d.to_node());
        if (schedule) {
            io::Node sched = schedule->to_node();
            const io::Node* tariffs = sched.find("tariffs");
            root.add("tariffs", tariffs ? *tariffs : io::Node::mapping());
            root.add("schedule", std::move(sched));
        }
        std::cout << io::to_json(root, 2) << "\n";
    } else {
        std::cout << rate_text(d, lang);
        if (schedule) std::cout << "\n" << schedule_text(*schedule, lang);
    }
    return 0;
}

}  // namespace zkcli
