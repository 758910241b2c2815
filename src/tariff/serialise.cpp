#include "zorginkoop/tariff/serialise.hpp"

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/report/serialise.hpp"
#include "zorginkoop/version.hpp"

namespace zorginkoop {
namespace {

using ojson = nlohmann::ordered_json;

ojson letters(const std::string& s) {
    ojson a = ojson::array();
    for (char c : s) a.push_back(std::string(1, c));
    return a;
}
std::string str(const Decimal& d) { return d.to_string(); }
std::string str(const Money& m) { return m.amount().to_string(); }
std::string shown(const Money& m, int digits = 6) {
    return m.amount().round_to_scale(digits, RoundingMode::half_up).to_string(2);
}
std::string percent(const Decimal& fraction) {
    return (fraction * Decimal(100)).round_to_scale(2, RoundingMode::half_up).to_string(2);
}

ojson rounding_json(const BuildUpRounding& r) {
    ojson o;
    o["mode"] = rounding_mode_name(r.policy.mode);
    o["scale"] = r.policy.scale;
    o["multiple_of"] = r.policy.multiple_of ? ojson(r.policy.multiple_of->to_string()) : ojson(nullptr);
    ojson at = ojson::array();
    if (r.at_hour_cost) at.push_back("hour_cost");
    if (r.at_line) at.push_back("line");
    at.push_back("final");
    o["at"] = at;
    return o;
}

/// The statutory basis of a build-up, cited as findings cite (citation_fields, report/serialise.hpp).
ojson citation_json(const LegalRef& r, const LawRegistry& laws, Lang lang) {
    ojson o;
    for (auto& [name, value] : citation_fields(r, laws, lang)) o[name] = std::move(value);
    return o;
}

}  // namespace

std::string to_json(const CostModel& model, const BuildUp& b, const RealismCheck* check, Lang lang, const LawRegistry& laws) {
    ojson o;
    o["schema"] = "zorginkoop-tariff";
    o["schema_version"] = tariff_json_schema_version;
    o["writer"] = {{"name", "zorginkoop"}, {"version", version_string}};
    o["name"] = model.name;
    o["law"] = law_name(b.law);
    o["unit"] = {{"code", std::string(ijw::info(b.unit).code)}, {"name", std::string(ijw::info(b.unit).name)}};
    o["tariff"] = str(b.tariff);
    // iJw amounts (LDT_Bedrag) are whole eurocents. A model may round its tariff to more
    // decimals (rounding.scale 3 to 6, or a multiple_of with fractions of a cent); such a tariff
    // has no eurocent amount, and tariff_cents is null rather than a rounding the model did not ask for.
    const Decimal cents = b.tariff.amount() * Decimal(100);
    o["tariff_cents"] = cents.is_integer() ? ojson(cents.to_int64()) : ojson(nullptr);
    o["total"] = str(b.total);
    if (b.hourly_tariff) o["hourly_tariff"] = str(*b.hourly_tariff);
    if (b.unit == ijw::Unit::uur) o["minute_tariff"] = str(ijw::minute_tariff(b.tariff));
    ojson lines = ojson::array();
    for (const auto& l : b.lines)
        lines.push_back({{"line", cost_line_name(l.line)}, {"amount", str(l.amount)}, {"elements", letters(l.elements)}});
    o["lines"] = lines;
    o["direct_cost"] = str(b.direct_cost);
    o["covered_elements"] = letters(b.covered_elements);
    o["uncovered_elements"] = letters(b.uncovered_elements);
    o["statutory_basis"] = citation_json(statutory_basis(b.law, laws), laws, lang);
    o["rounding"] = rounding_json(b.rounding);
    ojson im;
    im["annual_cost_per_fte"] = str(b.annual_cost_per_fte);
    ojson staff = ojson::array();
    for (const auto& s : b.staff_annual_costs) staff.push_back(str(s));
    im["staff_annual_costs"] = staff;
    im["annual_hours"] = str(b.annual_hours);
    im["productive_hours"] = str(b.productive_hours);
    im["productivity"] = str(b.productivity.value());
    im["professional_per_hour"] = str(b.professional_per_hour);
    im["non_productive_per_hour"] = str(b.non_productive_per_hour);
    im["cost_per_productive_hour"] = str(b.cost_per_productive_hour);
    im["hours_per_unit"] = str(b.hours_per_unit);
    o["intermediate"] = im;
    if (check) {
        ojson v;
        v["basis"] = price_basis_name(check->basis);
        v["verdict"] = verdict_name(check->verdict);
        v["tariff"] = str(check->tariff);
        v["cost_price"] = str(check->cost_price);
        v["gap"] = str(check->gap);
        v["gap_percent"] = check->gap_percent.round_to_scale(2, RoundingMode::half_up).to_string(2);
        v["uncovered_elements"] = letters(check->uncovered_elements);
        ojson oob = ojson::array();
        for (const auto& x : check->out_of_band) {
            ojson j;
            j["parameter"] = x.parameter;
            j["path"] = x.path;
            j["value"] = str(x.value);
            j["min"] = x.band.min ? ojson(str(*x.band.min)) : ojson(nullptr);
            j["max"] = x.band.max ? ojson(str(*x.band.max)) : ojson(nullptr);
            j["source"] = x.band.source;
            j["confirmed"] = x.band.confirmed;
            oob.push_back(j);
        }
        v["out_of_band"] = oob;
        const BreakEven& be = check->break_even;
        ojson bj;
        bj["productivity"] = be.productivity ? ojson(str(be.productivity->value())) : ojson(nullptr);
        bj["productive_hours"] = be.productive_hours ? ojson(str(*be.productive_hours)) : ojson(nullptr);
        bj["overhead_rate"] = be.overhead_rate ? ojson(str(be.overhead_rate->value())) : ojson(nullptr);
        bj["salary_factor"] = be.salary_factor ? ojson(str(*be.salary_factor)) : ojson(nullptr);
        ojson sal = ojson::array();
        for (const auto& s : be.monthly_salaries) sal.push_back(str(s));
        bj["monthly_salaries"] = sal;
        v["break_even"] = bj;
        o["verdict"] = v;
    }
    // Bytes that are not UTF-8 (possible only through the C++ API) become U+FFFD: the output
    // stays valid JSON, and every well-formed string is kept exactly.
    return o.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

std::string to_text(const CostModel& model, const BuildUp& b, const RealismCheck* check, Lang lang, const LawRegistry& laws) {
    const MessageCatalogue& cat = bundled_messages(lang);
    auto t = [&](const std::string& key) { return cat.text("tariff." + key); };
    auto pad = [](std::string s, std::size_t n) {
        // pad by code points, so that accented labels line up
        std::size_t cps = 0;
        for (unsigned char c : s)
            if ((c & 0xC0) != 0x80) ++cps;
        if (cps < n) s.append(n - cps, ' ');
        return s;
    };
    std::ostringstream out;
    const auto& unit = ijw::info(b.unit);
    if (!model.name.empty()) out << terminal_safe(model.name) << " · ";
    out << cat.value_text("law", law_name(b.law)) << " · " << t("unit") << " " << unit.code << " (" << t(std::string("unit_label.") + std::string(unit.name)) << ")\n\n";
    out << pad(t("line"), 34) << pad(t("amount"), 24) << t("elements") << "\n";
    std::size_t last_direct = 0;  // the direct-cost subtotal follows the last line before overhead
    for (std::size_t i = 0; i < b.lines.size(); ++i)
        if (b.lines[i].line <= CostLine::client_bound_other) last_direct = i;
    for (std::size_t i = 0; i < b.lines.size(); ++i) {
        const BuildUpLine& l = b.lines[i];
        out << pad(t(std::string("lines.") + cost_line_name(l.line)), 34) << pad(shown(l.amount), 24)
            << (l.elements.empty() ? "-" : l.elements) << "\n";
        if (i == last_direct) out << pad("  " + t("direct_cost"), 34) << shown(b.direct_cost) << "\n";
    }
    out << pad(t("total"), 34) << str(b.total) << "\n";
    if (b.hourly_tariff) out << pad(t("hourly_tariff"), 34) << b.hourly_tariff->to_string() << "\n";
    const RoundingPolicy& policy = b.rounding.policy;
    const std::string mode = rounding_mode_name(policy.mode);
    std::string points;  // the rounding points, as the model's `at` names them, then the final one
    for (const auto& [on, point] : {std::pair{b.rounding.at_hour_cost, "hour_cost"}, std::pair{b.rounding.at_line, "line"},
                                    std::pair{true, "final"}})
        if (on) points += (points.empty() ? "" : ", ") + cat.value_text("at", point);
    out << pad(t("tariff"), 34) << pad(b.tariff.to_string(), 24) << t("rounding") << ": "
        << (policy.multiple_of ? cat.render("tariff.rounding_multiple", {{"mode", mode}, {"step", policy.multiple_of->to_string(policy.scale)}})
                               : cat.render("tariff.rounding_scale", {{"mode", mode}, {"scale", std::to_string(policy.scale)}}))
        << "; " << t("at") << " " << points << "\n";
    if (b.unit == ijw::Unit::uur) out << pad(t("minute_tariff"), 34) << ijw::minute_tariff(b.tariff).to_string() << "\n";
    out << "\n" << t("intermediate") << ":\n";
    out << "  " << pad(t("annual_cost"), 40) << shown(b.annual_cost_per_fte) << "\n";
    out << "  " << pad(t("annual_hours"), 40) << b.annual_hours.round_to_scale(6, RoundingMode::half_up).to_string() << "\n";
    out << "  " << pad(t("productive_hours"), 40) << b.productive_hours.round_to_scale(6, RoundingMode::half_up).to_string()
        << " (" << t("productivity") << " " << percent(b.productivity.value()) << " %)\n";
    out << "  " << pad(t("professional_per_hour"), 40) << shown(b.professional_per_hour) << "\n";
    out << "  " << pad(t("cost_per_productive_hour"), 40) << shown(b.cost_per_productive_hour) << "\n";
    out << "  " << pad(t("hours_per_unit"), 40) << b.hours_per_unit.round_to_scale(6, RoundingMode::half_up).to_string() << "\n";
    out << "\n"
        << cat.render("tariff.covered", {{"basis", laws.label(statutory_basis(b.law, laws), lang)}}) << ":";
    for (const auto& e : statutory_elements(b.law))
        out << " " << e.letter << (b.covered_elements.find(e.letter) != std::string::npos ? "+" : "-");
    out << "; " << t("uncovered") << ": ";
    if (b.uncovered_elements.empty()) out << t("none");
    for (std::size_t i = 0; i < b.uncovered_elements.size(); ++i) {
        const char letter = b.uncovered_elements[i];
        for (const auto& e : statutory_elements(b.law))
            if (e.letter == letter)
                out << (i ? ", " : "") << letter << " ("
                    << cat.text(std::string("tariff.statutory_elements.") + law_name(b.law) + "." + letter) << ")";
    }
    out << "\n";
    if (check) {
        out << "\n"
            << cat.render("tariff.check", {{"basis", price_basis_name(check->basis)},
                                           {"tariff", check->tariff.to_string()},
                                           {"cost_price", check->cost_price.to_string()},
                                           {"verdict", t(std::string("verdict.") + verdict_name(check->verdict))},
                                           {"gap", check->gap.to_string()},
                                           {"gap_percent", check->gap_percent.round_to_scale(2, RoundingMode::half_up).to_string(2)}})
            << "\n";
        const BreakEven& be = check->break_even;
        out << t("break_even") << ":";
        if (be.productivity) out << " " << t("break_even_productivity") << " " << percent(be.productivity->value()) << " %;";
        if (be.overhead_rate) out << " " << t("break_even_overhead") << " " << percent(be.overhead_rate->value()) << " %;";
        for (std::size_t i = 0; i < be.monthly_salaries.size(); ++i)
            out << " " << t("break_even_salary") << (be.monthly_salaries.size() > 1 ? " staff[" + std::to_string(i) + "]" : "")
                << " " << be.monthly_salaries[i].round(RoundingPolicy::cents()).to_string() << ";";
        out << "\n";
        for (const auto& x : check->out_of_band) {
            out << t("out_of_band") << ": " << terminal_safe(x.path) << " = " << x.value.to_string() << " (" << t("band") << " ";
            if (x.band.min) out << ">= " << x.band.min->to_string();
            if (x.band.min && x.band.max) out << ", ";
            if (x.band.max) out << "<= " << x.band.max->to_string();
            out << (x.band.confirmed ? "" : "; " + t("unconfirmed")) << ")\n";
        }
    }
    return out.str();
}

std::string to_svg(const CostModel& model, const BuildUp& b, const RealismCheck* check, Lang lang) {
    const MessageCatalogue& cat = bundled_messages(lang);
    // Colours per element letter (a..f); lines without an element are grey.
    auto colour = [](const std::string& elements) -> const char* {
        if (elements.empty()) return "#9e9e9e";
        switch (elements[0]) {
            case 'a': return "#1f77b4";
            case 'b': return "#ff7f0e";
            case 'c': return "#2ca02c";
            case 'd': return "#d62728";
            case 'e': return "#9467bd";
            case 'f': return "#8c564b";
        }
        return "#9e9e9e";
    };
    const Decimal hourly_total = b.total.amount();
    Decimal scale_max = hourly_total;
    const Decimal shown_tariff = b.hourly_tariff ? b.hourly_tariff->amount() : b.tariff.amount();
    if (shown_tariff > scale_max) scale_max = shown_tariff;
    Decimal checked;
    if (check) {
        checked = b.hourly_tariff ? check->tariff.amount() * Decimal(60) : check->tariff.amount();
        if (checked > scale_max) scale_max = checked;
    }
    if (scale_max.sign() <= 0) scale_max = Decimal(1);
    const int left = 230, width = 460, row = 26, top = 40;
    const std::size_t rows = b.lines.size() + (check ? 2 : 1);
    const int height = top + static_cast<int>(rows) * row + 40;
    // Pixel positions are the only inexact numbers here: whole pixels from exact amounts.
    auto px = [&](const Decimal& v) {
        return (v * Decimal(width) / scale_max).round_to_scale(0, RoundingMode::half_up).to_int64();
    };
    std::ostringstream s;
    s << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << left + width + 160 << "\" height=\"" << height
      << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
    s << "<title>" << xml_escape(model.name.empty() ? std::string("tariff build-up") : model.name) << "</title>\n";
    s << "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">" << xml_escape(model.name) << " · " << law_name(b.law)
      << " · " << xml_escape(cat.text("tariff.unit")) << " " << ijw::info(b.unit).code << "</text>\n";
    Decimal cumulative;
    int y = top;
    for (const auto& l : b.lines) {
        const auto x0 = px(cumulative);
        cumulative += l.amount.amount();
        const auto x1 = px(cumulative);
        s << "<text x=\"10\" y=\"" << y + 16 << "\">" << xml_escape(cat.text(std::string("tariff.lines.") + cost_line_name(l.line)))
          << (l.elements.empty() ? "" : " (" + l.elements + ")") << "</text>\n";
        s << "<rect x=\"" << left + x0 << "\" y=\"" << y + 4 << "\" width=\"" << std::max<std::int64_t>(x1 - x0, 1)
          << "\" height=\"" << row - 8 << "\" fill=\"" << colour(l.elements) << "\"><title>" << cost_line_name(l.line) << " "
          << l.amount.amount().to_string() << "</title></rect>\n";
        s << "<text x=\"" << left + std::max(x0, x1) + 6 << "\" y=\"" << y + 16 << "\">"
          << l.amount.amount().round_to_scale(2, RoundingMode::half_up).to_string(2) << "</text>\n";
        y += row;
    }
    s << "<text x=\"10\" y=\"" << y + 16 << "\" font-weight=\"bold\">" << xml_escape(cat.text("tariff.tariff")) << "</text>\n";
    s << "<rect x=\"" << left << "\" y=\"" << y + 4 << "\" width=\"" << std::max<std::int64_t>(px(shown_tariff), 1)
      << "\" height=\"" << row - 8 << "\" fill=\"#333333\"/>\n";
    s << "<text x=\"" << left + px(shown_tariff) + 6 << "\" y=\"" << y + 16 << "\" font-weight=\"bold\">"
      << (b.hourly_tariff ? b.hourly_tariff->to_string() + " / " + b.tariff.to_string() : b.tariff.to_string()) << "</text>\n";
    y += row;
    if (check) {
        s << "<text x=\"10\" y=\"" << y + 16 << "\">" << xml_escape(cat.text(std::string("tariff.verdict.") + verdict_name(check->verdict)))
          << "</text>\n";
        s << "<rect x=\"" << left << "\" y=\"" << y + 4 << "\" width=\"" << std::max<std::int64_t>(px(checked), 1) << "\" height=\""
          << row - 8 << "\" fill=\"" << (check->verdict == Verdict::realistic ? "#4caf50" : "#e53935") << "\"/>\n";
        s << "<text x=\"" << left + px(checked) + 6 << "\" y=\"" << y + 16 << "\">" << check->tariff.to_string() << "</text>\n";
        y += row;
    }
    s << "<line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left << "\" y2=\"" << y << "\" stroke=\"#000\"/>\n";
    s << "</svg>\n";
    return s.str();
}

}  // namespace zorginkoop
