// Text and SVG presentation of indexation results. Texts come from the message catalogues
// (data/messages/indexation.<lang>.yaml); numbers are exact decimal strings.

#include "zorginkoop/indexation/render.hpp"

#include <algorithm>
#include <sstream>

#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/report/serialise.hpp"

namespace zorginkoop {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

class Texts {
public:
    explicit Texts(Lang lang) : c_(bundled_messages(lang)) {}
    std::string operator()(const std::string& key, const Params& params = {}) const {
        return c_.render("indexation." + key, params);
    }
    /// The note of a figure in the catalogue's language. The notes of the bundled series are
    /// written in English; the catalogues hold them as indexation.figure_note.<series>.<year>.
    /// <status>, and a note is replaced only when it is that bundled one (equal to the English
    /// entry), so that the notes of a user's own series are shown as written.
    std::string note(const UsedFigure& f) const {
        const std::string key = "indexation.figure_note." + f.series + "." + std::to_string(f.year) + "." +
                                index_status_name(f.status);
        if (c_.lang() == Lang::en || !c_.contains(key)) return f.note;
        return bundled_messages(Lang::en).text(key) == f.note ? c_.text(key) : f.note;
    }

private:
    const MessageCatalogue& c_;
};

std::string pct(const Decimal& d, int min_digits = 0) { return d.to_string(min_digits); }

std::string money_text(const Money& m, int scale) { return m.amount().to_string(std::max(2, scale)); }

void rate_lines(const RateDerivation& d, const Texts& t, std::ostringstream& out) {
    const RateRounding& r = d.rounding;
    const int part_digits = r.at == RateRoundingAt::parts ? r.scale : 0;
    const int rate_digits = r.at == RateRoundingAt::none ? 0 : r.scale;
    out << t("text.title", {{"year", std::to_string(d.year)},
                           {"effective", format_date(d.effective)},
                           {"previous", std::to_string(d.year - 1)}})
        << "\n";
    if (d.first_contract_year)
        out << t("text.first_contract_year", {{"year", std::to_string(*d.first_contract_year)}}) << "\n";
    out << "\n" << t("text.weighted_title", {{"year", std::to_string(d.year)}}) << "\n";
    for (const ComponentDerivation& c : d.components)
        out << "  "
            << t("text.weighted_line", {{"series", terminal_safe(c.series)},
                                        {"weight", c.weight.to_string()},
                                        {"percent", pct(c.provisional_percent.value_or(Decimal()), 2)},
                                        {"term", pct(c.weighted_provisional_percent.value_or(Decimal()))}})
            << "\n";
    if (r.at == RateRoundingAt::parts)
        out << "  "
            << t("text.sum_rounded", {{"value", pct(d.unrounded_weighted_provisional_percent)},
                                      {"rounded", pct(d.weighted_provisional_percent, part_digits)}})
            << "\n";
    else
        out << "  " << t("text.sum", {{"value", pct(d.unrounded_weighted_provisional_percent)}}) << "\n";

    out << "\n";
    if (!d.catch_up_applied) {
        if (d.catch_up_skipped == "first_contract_year")
            out << t("text.catch_up_first_contract_year",
                     {{"year", std::to_string(d.year - 1)}, {"first", std::to_string(d.first_contract_year.value_or(0))}})
                << "\n";
        else
            out << t("text.catch_up_none") << "\n";
    } else {
        out << t("text.catch_up_title",
                 {{"year", std::to_string(d.year - 1)}, {"method", t(std::string("method.") + catch_up_name(d.catch_up_method))}})
            << "\n";
        for (const ComponentDerivation& c : d.components) {
            const Params p{{"series", terminal_safe(c.series)},
                           {"weight", c.weight.to_string()},
                           {"provisional", pct(c.previous_provisional_percent.value_or(Decimal()), 2)},
                           {"definitive", pct(c.previous_definitive_percent.value_or(Decimal()), 2)},
                           {"factor", pct(c.catch_up_factor_minus_one_percent.value_or(Decimal()))},
                           {"term", pct(c.catch_up_term_percent.value_or(Decimal()))}};
            out << "  "
                << t(d.catch_up_method == CatchUp::multiplicative ? "text.catch_up_multiplicative_line"
                                                                   : "text.catch_up_additive_line",
                     p)
                << "\n";
        }
        if (r.at == RateRoundingAt::parts)
            out << "  "
                << t("text.sum_rounded",
                     {{"value", pct(d.unrounded_catch_up_percent)}, {"rounded", pct(d.catch_up_percent, part_digits)}})
                << "\n";
        else
            out << "  " << t("text.sum", {{"value", pct(d.unrounded_catch_up_percent)}}) << "\n";
    }

    out << "\n";
    const Params rp{{"scale", std::to_string(r.scale)}, {"mode", rounding_mode_name(r.mode)}};
    out << t(std::string("text.rounding_") + rate_rounding_at_name(r.at), rp) << "\n";
    const std::string weighted = pct(d.weighted_provisional_percent, part_digits);
    const std::string catch_up = pct(d.catch_up_percent, part_digits);
    if (r.at == RateRoundingAt::total)
        out << t("text.rate_rounded", {{"year", std::to_string(d.year)},
                                       {"weighted", weighted},
                                       {"catch_up", catch_up},
                                       {"unrounded", pct(d.unrounded_rate_percent)},
                                       {"rate", pct(d.rate_percent, rate_digits)}})
            << "\n";
    else
        out << t("text.rate", {{"year", std::to_string(d.year)},
                               {"weighted", weighted},
                               {"catch_up", catch_up},
                               {"rate", pct(d.rate_percent, rate_digits)}})
            << "\n";

    out << "\n" << t("text.figures_title") << "\n";
    for (const UsedFigure& f : d.figures) {
        out << "  "
            << t("text.figure", {{"series", terminal_safe(f.series)},
                                 {"year", std::to_string(f.year)},
                                 {"status", t(std::string("status.") + index_status_name(f.status))},
                                 {"percent", pct(f.percent, 2)}})
            << "\n";
        out << "    " << t("text.source", {{"source", terminal_safe(f.source)}}) << "\n";
        if (f.published) out << "    " << t("text.published", {{"date", format_date(*f.published)}}) << "\n";
        if (!f.note.empty()) out << "    " << t("text.note", {{"note", terminal_safe(t.note(f))}}) << "\n";
        if (f.conflicting) out << "    " << t("text.conflicting") << "\n";
        if (f.definitive_overdue && f.definitive_due && d.as_of)
            out << "    "
                << t("text.definitive_overdue", {{"series", terminal_safe(f.series)},
                                                 {"year", std::to_string(f.year)},
                                                 {"due", format_date(*f.definitive_due)},
                                                 {"as_of", format_date(*d.as_of)}})
                << "\n";
    }
}

/// A pixel coordinate with two decimals (exact decimal arithmetic, no binary floating point).
std::string px(const Decimal& d) { return d.round_to_scale(2, RoundingMode::half_up).to_string(); }

}  // namespace

std::string rate_text(const RateDerivation& d, Lang lang) {
    const Texts t(lang);
    std::ostringstream out;
    rate_lines(d, t, out);
    return out.str();
}

std::string schedule_text(const Schedule& s, Lang lang) {
    const Texts t(lang);
    std::ostringstream out;
    out << t("text.schedule_title",
             {{"base_year", std::to_string(s.base_year)},
              {"rounding", t("text.tariff_rounding", {{"mode", rounding_mode_name(s.rounding.mode)}, {"scale", std::to_string(s.rounding.scale)}})},
              {"chain", t(std::string("chain.") + tariff_chain_name(s.rounding.chain))}})
        << "\n";
    out << "  " << t("text.schedule_base", {{"year", std::to_string(s.base_year)}, {"tariff", s.base_tariff.to_string()}})
        << "\n";
    for (const ScheduleRow& r : s.rows) {
        const int digits = r.rate.rounding.at == RateRoundingAt::none ? 0 : r.rate.rounding.scale;
        std::string rate = pct(r.rate.rate_percent, digits);
        if (rate.size() < 12) rate.insert(0, 12 - rate.size(), ' ');
        out << "  "
            << t("text.schedule_row", {{"year", std::to_string(r.year)},
                                       {"rate", rate},
                                       {"tariff", money_text(r.tariff, s.rounding.scale)}})
            << "\n";
    }
    return out.str();
}

std::string schedule_svg(const Schedule& s, const std::string& title, Lang lang) {
    const Texts t(lang);
    // Layout (pixels): plot area from (left, top) to (left + width, top + height).
    const int left = 100, top = 50, width = 560, height = 260, total_w = 700, total_h = 380;
    struct Point {
        int year;
        Money tariff;
    };
    std::vector<Point> points{{s.base_year, s.base_tariff}};
    for (const ScheduleRow& r : s.rows) points.push_back({r.year, r.tariff});
    Decimal lo = points.front().tariff.amount(), hi = lo;
    for (const Point& p : points) {
        lo = std::min(lo, p.tariff.amount());
        hi = std::max(hi, p.tariff.amount());
    }
    if (lo == hi) {
        lo = lo - Decimal(1);
        hi = hi + Decimal(1);
    } else {
        const Decimal pad = (hi - lo) / Decimal(10);
        lo = lo - pad;
        hi = hi + pad;
    }
    const Decimal range = hi - lo;
    const Decimal n(static_cast<long long>(points.size()));
    auto x_at = [&](std::size_t i) {
        return Decimal(left) + Decimal(width) * Decimal(static_cast<long long>(i)) / n;
    };
    auto y_of = [&](const Decimal& v) { return Decimal(top) + Decimal(height) * (hi - v) / range; };

    std::ostringstream o;
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << total_w << "\" height=\"" << total_h
      << "\" viewBox=\"0 0 " << total_w << " " << total_h << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
    const std::string heading = title.empty() ? t("svg.title") : title;
    o << "  <title>" << xml_escape(heading) << "</title>\n";
    o << "  <rect x=\"0\" y=\"0\" width=\"" << total_w << "\" height=\"" << total_h << "\" fill=\"white\"/>\n";
    o << "  <text x=\"" << left << "\" y=\"28\" font-size=\"16\" font-weight=\"bold\">" << xml_escape(heading)
      << "</text>\n";
    // axes
    o << "  <g class=\"axes\" stroke=\"black\" stroke-width=\"1\">\n";
    o << "    <line x1=\"" << left << "\" y1=\"" << top + height << "\" x2=\"" << left + width << "\" y2=\""
      << top + height << "\"/>\n";
    o << "    <line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left << "\" y2=\"" << top + height << "\"/>\n";
    o << "  </g>\n";
    o << "  <text x=\"" << left + width / 2 << "\" y=\"" << total_h - 12 << "\" text-anchor=\"middle\">"
      << xml_escape(t("svg.year")) << "</text>\n";
    o << "  <text x=\"20\" y=\"" << top + height / 2 << "\" text-anchor=\"middle\" transform=\"rotate(-90 20 "
      << top + height / 2 << ")\">" << xml_escape(t("svg.tariff")) << "</text>\n";
    // y-axis labels: the lowest and highest tariff
    Decimal min_t = points.front().tariff.amount(), max_t = min_t;
    for (const Point& p : points) {
        min_t = std::min(min_t, p.tariff.amount());
        max_t = std::max(max_t, p.tariff.amount());
    }
    const int scale = s.rounding.scale;
    o << "  <g class=\"y-labels\" text-anchor=\"end\">\n";
    for (const Decimal& v : {min_t, max_t}) {
        o << "    <line x1=\"" << left - 5 << "\" y1=\"" << px(y_of(v)) << "\" x2=\"" << left << "\" y2=\"" << px(y_of(v))
          << "\" stroke=\"black\"/>\n";
        o << "    <text x=\"" << left - 8 << "\" y=\"" << px(y_of(v) + Decimal(4)) << "\">"
          << xml_escape(v.to_string(std::max(2, scale))) << "</text>\n";
        if (min_t == max_t) break;
    }
    o << "  </g>\n";
    // the step line: each year's tariff holds from the start of that year to the next
    o << "  <path class=\"tariff\" fill=\"none\" stroke=\"#1f4e9a\" stroke-width=\"2\" d=\"";
    for (std::size_t i = 0; i < points.size(); ++i) {
        const std::string y = px(y_of(points[i].tariff.amount()));
        if (i == 0)
            o << "M " << px(x_at(0)) << " " << y;
        else
            o << " V " << y;
        o << " H " << px(x_at(i + 1));
    }
    o << "\"/>\n";
    // year labels and tariff labels
    o << "  <g class=\"years\" text-anchor=\"middle\">\n";
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Decimal mid = (x_at(i) + x_at(i + 1)) / Decimal(2);
        o << "    <line x1=\"" << px(x_at(i)) << "\" y1=\"" << top + height << "\" x2=\"" << px(x_at(i)) << "\" y2=\""
          << top + height + 5 << "\" stroke=\"black\"/>\n";
        o << "    <text x=\"" << px(mid) << "\" y=\"" << top + height + 20 << "\">" << points[i].year << "</text>\n";
    }
    o << "  </g>\n";
    o << "  <g class=\"tariffs\" text-anchor=\"middle\" fill=\"#1f4e9a\">\n";
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Decimal mid = (x_at(i) + x_at(i + 1)) / Decimal(2);
        o << "    <text x=\"" << px(mid) << "\" y=\"" << px(y_of(points[i].tariff.amount()) - Decimal(8)) << "\">"
          << xml_escape(money_text(points[i].tariff, scale)) << "</text>\n";
    }
    o << "  </g>\n";
    o << "</svg>\n";
    return o.str();
}

}  // namespace zorginkoop
