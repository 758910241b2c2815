// zorginkoop index: the indexation rate of a year under a contract clause, with its derivation,
// and optionally the tariffs of a product over the years (text, JSON, SVG chart).

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "zorginkoop/core.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/indexation/render.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/law/registry.hpp"

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

}  // namespace

int cmd_index(Args& a) {
    std::string clause_file, format = "text", lang_text = "nl", svg_file, tariff_text;
    std::vector<std::string> series_files;
    std::optional<int> year, from, to, first_contract_year;
    while (!a.done()) {
        const std::string opt = a.items[a.pos++];
        if (opt == "--clause") {
            clause_file = a.next(opt);
        } else if (opt == "--year") {
            year = year_option(opt, a.next(opt));
        } else if (opt == "--series") {
            series_files.push_back(a.next(opt));
        } else if (opt == "--tariff") {
            tariff_text = a.next(opt);
        } else if (opt == "--from") {
            from = year_option(opt, a.next(opt));
        } else if (opt == "--to") {
            to = year_option(opt, a.next(opt));
        } else if (opt == "--first-contract-year") {
            first_contract_year = year_option(opt, a.next(opt));
        } else if (opt == "--format") {
            format = a.next(opt);
            if (format != "text" && format != "json") throw InvalidInput("--format must be text or json, got '" + format + "'");
        } else if (opt == "--lang") {
            lang_text = a.next(opt);
            if (lang_text != "nl" && lang_text != "en") throw InvalidInput("--lang must be nl or en, got '" + lang_text + "'");
        } else if (opt == "--svg") {
            svg_file = a.next(opt);
        } else {
            throw InvalidInput("unknown option " + opt + " for 'index'");
        }
    }
    if (clause_file.empty()) throw InvalidInput("'index' needs --clause FILE");
    if (!year) {
        if (!to) throw InvalidInput("'index' needs --year Y");
        year = to;
    }
    if (tariff_text.empty() && (from || to)) throw InvalidInput("--from and --to go with --tariff X");
    if (!svg_file.empty() && tariff_text.empty()) throw InvalidInput("--svg draws the tariff over the years: it needs --tariff X");
    const Lang lang = parse_lang(lang_text);

    IndexSeriesSet series = IndexSeriesSet::bundled();
    for (const std::string& f : series_files) series = series.with(IndexSeries::load(f));
    const IndexationClause clause = IndexationClause::load(clause_file);
    clause.validate(series);

    const RateDerivation d = clause.rate(*year, series, first_contract_year);
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
        schedule = clause.schedule(tariff, base, last, series, first_contract_year);
    }

    if (!svg_file.empty()) {
        std::ofstream out(svg_file, std::ios::binary);
        if (!out) throw InvalidInput("cannot write the SVG file '" + svg_file + "'");
        out << schedule_svg(*schedule, "", lang);
        if (!out) throw InvalidInput("cannot write the SVG file '" + svg_file + "'");
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
