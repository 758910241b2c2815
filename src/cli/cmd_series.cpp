// zorginkoop series: the index series a computation would use (the bundled ones, overlaid by the
// files of --series), each with its last year, the status and source of its last figure, its
// publication calendar, the definitive figures that are overdue on the reference date, and the
// figures the rate of the next year still needs.

#include <chrono>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/core.hpp"
#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/indexation/series.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/report/serialise.hpp"

namespace zkcli {

using namespace zorginkoop;

namespace {

const char* const help =
    "usage: zorginkoop series [--series FILE ...] [--as-of DATE] [--format text|json] [--lang nl|en]\n"
    "\n"
    "The index series `zorginkoop index` uses: the bundled OVA and PPC, overlaid by the files of\n"
    "--series in the order given. For each series: the number of figures and their years, the last\n"
    "year with its status (provisional or definitive), the source of the last figure, the last\n"
    "definitive figure, when a definitive figure is due (the series' publication calendar), the\n"
    "definitive figures that are overdue on the reference date, and the figures the rate of the next\n"
    "year (with catch-up) still needs.\n"
    "\n"
    "A figures file adds published figures, each with its source, to the series it names:\n"
    "  zorginkoop_index_figures: 1\n"
    "  figures:\n"
    "    - {series: OVA, year: 2025, status: definitive, percent: \"...\", source: \"...\",\n"
    "       published: \"YYYY-MM-DD\"}\n"
    "A figure already in a series is never replaced (another percentage is refused); a series file\n"
    "(zorginkoop_index_series) adds a series or replaces the one with its id.\n"
    "\n"
    "options:\n"
    "  --series FILE     a figures file or a series file (may be given more than once)\n"
    "  --as-of DATE      the reference date (YYYY-MM-DD); default: today's date on this computer\n"
    "  --format F        text (default) or json\n"
    "  --lang L          nl (default) or en\n"
    "  -h, --help        this help\n"
    "\n"
    "Options may also be written --option=VALUE.\n";

using Params = std::vector<std::pair<std::string, std::string>>;

io::Node quoted(const std::string& s) { return io::Node::scalar(s, io::Node::Style::quoted); }
io::Node plain(const std::string& s) { return io::Node::scalar(s, io::Node::Style::plain); }

Date today() {
    return Date{date::floor<date::days>(std::chrono::system_clock::now())};
}

/// What the listing says about one series on `as_of`.
struct Summary {
    const IndexSeries* series = nullptr;
    int first_year = 0, last_year = 0;
    std::vector<IndexStatus> last_statuses;
    const IndexFigure* last = nullptr;  // the last figure (definitive before provisional in a year: the later one)
    std::optional<int> last_definitive_year;
    std::vector<int> overdue;                                 // years whose definitive figure is overdue
    int next_year = 0;                                        // the year after as_of's year
    std::vector<std::pair<int, IndexStatus>> missing_next;    // figures the rate of next_year needs
};

Summary summarise(const IndexSeries& s, const Date& as_of) {
    Summary out;
    out.series = &s;
    const auto& fs = s.figures();
    if (!fs.empty()) {
        out.first_year = fs.front().year;
        out.last_year = fs.back().year;
        out.last = &fs.back();
        for (const IndexFigure& f : fs) {
            if (f.year == out.last_year) out.last_statuses.push_back(f.status);
            if (f.status == IndexStatus::definitive) out.last_definitive_year = f.year;
            if (f.status == IndexStatus::provisional && s.definitive_overdue(f.year, as_of))
                out.overdue.push_back(f.year);
        }
    }
    out.next_year = static_cast<int>(as_of.year()) + 1;
    const std::pair<int, IndexStatus> needed[] = {{out.next_year, IndexStatus::provisional},
                                                  {out.next_year - 1, IndexStatus::provisional},
                                                  {out.next_year - 1, IndexStatus::definitive}};
    for (const auto& n : needed)
        if (!s.find(n.first, n.second)) out.missing_next.push_back(n);
    return out;
}

std::string text_listing(const std::vector<Summary>& all, const Date& as_of, Lang lang) {
    const MessageCatalogue& c = bundled_messages(lang);
    auto t = [&](const std::string& key, const Params& p = {}) { return c.render("indexation." + key, p); };
    auto status = [&](IndexStatus s) { return t(std::string("status.") + index_status_name(s)); };
    std::string out = t("series.title", {{"as_of", format_date(as_of)}}) + "\n";
    for (const Summary& s : all) {
        const IndexSeries& x = *s.series;
        out += "\n" + t("series.heading", {{"id", terminal_safe(x.id())}, {"name", terminal_safe(x.name())}}) + "\n";
        out += "  " + t("series.figures", {{"count", std::to_string(x.figures().size())},
                                           {"first", std::to_string(s.first_year)},
                                           {"last", std::to_string(s.last_year)}}) +
               "\n";
        if (s.last) {
            std::string statuses;
            for (IndexStatus st : s.last_statuses) statuses += (statuses.empty() ? "" : ", ") + status(st);
            out += "  " + t("series.last_year", {{"year", std::to_string(s.last_year)}, {"statuses", statuses}}) + "\n";
            out += "  " + t("series.last_source", {{"year", std::to_string(s.last->year)},
                                                   {"status", status(s.last->status)},
                                                   {"source", terminal_safe(s.last->source)}}) +
                   "\n";
        }
        out += "  " + (s.last_definitive_year ? t("series.last_definitive", {{"year", std::to_string(*s.last_definitive_year)}})
                                              : t("series.no_definitive")) +
               "\n";
        if (const auto& due = x.definitive_due())
            out += "  " + t("series.due", {{"day", due->day_text()}, {"source", terminal_safe(due->source)}}) + "\n";
        else
            out += "  " + t("series.no_due") + "\n";
        for (int y : s.overdue)
            out += "  " + t("series.overdue", {{"year", std::to_string(y)}, {"due", format_date(*x.definitive_due_date(y))}}) +
                   "\n";
        if (s.missing_next.empty()) {
            out += "  " + t("series.complete_next", {{"year", std::to_string(s.next_year)}}) + "\n";
        } else {
            std::string figures;
            for (const auto& m : s.missing_next)
                figures += (figures.empty() ? "" : ", ") + status(m.second) + " " + std::to_string(m.first);
            out += "  " + t("series.missing_next", {{"year", std::to_string(s.next_year)}, {"figures", figures}}) + "\n";
        }
    }
    out += "\n" + t("series.add_hint") + "\n";
    return out;
}

std::string json_listing(const std::vector<Summary>& all, const Date& as_of) {
    io::Node root = io::Node::mapping();
    root.add("zorginkoop_series_list", plain("1"));
    root.add("as_of", quoted(format_date(as_of)));
    io::Node list = io::Node::sequence();
    for (const Summary& s : all) {
        const IndexSeries& x = *s.series;
        io::Node m = io::Node::mapping();
        m.add("id", quoted(x.id()));
        m.add("name", quoted(x.name()));
        m.add("figures", plain(std::to_string(x.figures().size())));
        m.add("first_year", s.last ? plain(std::to_string(s.first_year)) : io::Node::null());
        m.add("last_year", s.last ? plain(std::to_string(s.last_year)) : io::Node::null());
        io::Node statuses = io::Node::sequence();
        for (IndexStatus st : s.last_statuses) statuses.push_back(plain(index_status_name(st)));
        m.add("last_year_statuses", std::move(statuses));
        if (s.last) {
            io::Node f = io::Node::mapping();
            f.add("year", plain(std::to_string(s.last->year)));
            f.add("status", plain(index_status_name(s.last->status)));
            f.add("percent", quoted(s.last->percent.to_string(2)));
            f.add("source", quoted(s.last->source));
            f.add("published", s.last->published ? quoted(format_date(*s.last->published)) : io::Node::null());
            m.add("last_figure", std::move(f));
        } else {
            m.add("last_figure", io::Node::null());
        }
        m.add("last_definitive_year",
              s.last_definitive_year ? plain(std::to_string(*s.last_definitive_year)) : io::Node::null());
        if (const auto& due = x.definitive_due()) {
            io::Node d = io::Node::mapping();
            d.add("day", quoted(due->day_text()));
            d.add("source", quoted(due->source));
            m.add("definitive_due", std::move(d));
        } else {
            m.add("definitive_due", io::Node::null());
        }
        io::Node overdue = io::Node::sequence();
        for (int y : s.overdue) {
            io::Node o = io::Node::mapping();
            o.add("year", plain(std::to_string(y)));
            o.add("due", quoted(format_date(*x.definitive_due_date(y))));
            overdue.push_back(std::move(o));
        }
        m.add("overdue_definitive", std::move(overdue));
        m.add("next_rate_year", plain(std::to_string(s.next_year)));
        io::Node missing = io::Node::sequence();
        for (const auto& n : s.missing_next) {
            io::Node o = io::Node::mapping();
            o.add("year", plain(std::to_string(n.first)));
            o.add("status", plain(index_status_name(n.second)));
            missing.push_back(std::move(o));
        }
        m.add("missing_for_next_rate", std::move(missing));
        list.push_back(std::move(m));
    }
    root.add("series", std::move(list));
    return io::to_json(root, 2) + "\n";
}

}  // namespace

IndexSeriesSet series_with(const std::vector<std::string>& files) {
    IndexSeriesSet series = IndexSeriesSet::bundled();
    for (const std::string& f : files) series = series.with_file(f);
    return series;
}

int cmd_series(Args& a) {
    const ParsedArgs p = parse_args(a, "series",
                                    {{"--series", "FILE", true}, {"--as-of", "DATE"}, {"--format", "text|json"}, {"--lang", "nl|en"}});
    if (p.help) {
        std::cout << help
                  << "\nexit status:\n"
                     "  0  success\n"
                     "  2  a usage error, or input that cannot be read (the reason is written to stderr)\n";
        return 0;
    }
    no_arguments(p, "series", " (a file of figures is --series FILE)");
    const std::string format = p.value("--format").value_or("text");
    if (format != "text" && format != "json") throw InvalidInput("--format must be text or json, got '" + format + "'");
    const std::string lang_text = p.value("--lang").value_or("nl");
    if (lang_text != "nl" && lang_text != "en") throw InvalidInput("--lang must be nl or en, got '" + lang_text + "'");
    Date as_of = today();
    if (const auto v = p.value("--as-of")) as_of = option_value("--as-of", *v, [](const std::string& t) { return parse_date(t); });

    const IndexSeriesSet set = series_with(p.values("--series"));
    std::vector<Summary> all;
    for (const IndexSeries& s : set.series()) all.push_back(summarise(s, as_of));
    std::cout << (format == "json" ? json_listing(all, as_of) : text_listing(all, as_of, parse_lang(lang_text)));
    return 0;
}

}  // namespace zkcli
