#include "zorginkoop/report/serialise.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include <nlohmann/json.hpp>

#include "zorginkoop/bundled/laws.hpp"
#include "zorginkoop/bundled/messages.hpp"
#include "zorginkoop/core/error.hpp"

namespace zorginkoop {
namespace {

using ojson = nlohmann::ordered_json;

struct Ctx {
    Lang lang;
    const MessageCatalogue* cat;
    const LawRegistry* laws;

    explicit Ctx(const RenderOptions& o)
        : lang(o.lang),
          cat(o.catalogue ? o.catalogue : &bundled_messages(o.lang)),
          laws(o.laws ? o.laws : &bundled_laws()) {}
    std::string ui(std::string_view key) const { return cat->text(std::string("ui.") + std::string(key)); }
    std::string message(const Finding& f) const { return cat->render(f.message_key, f.params); }
};

/// Indented JSON. Bytes that are not UTF-8 (possible only through the C++ API) become U+FFFD: the
/// output stays valid JSON, and every well-formed string is kept exactly.
std::string dumped(const ojson& o) { return o.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n"; }

const char* sarif_level(Severity s) {
    return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

ojson fields_json(const Fields& fs) {
    ojson o = ojson::object();
    for (const auto& [k, v] : fs) o[k] = v;
    return o;
}

ojson citation_json(const LegalRef& r, const Ctx& c) {
    ojson o;
    for (auto& [name, value] : citation_fields(r, *c.laws, c.lang)) o[name] = std::move(value);
    return o;
}

ojson location_json(const Location& l) {
    ojson o;
    o["path"] = l.path;
    if (l.line) o["line"] = l.line;
    if (l.column) o["column"] = l.column;
    if (!l.source.empty()) o["source"] = l.source;
    return o;
}

std::string location_text(const Location& l, const Ctx& c) {
    std::string s = l.path.empty() ? std::string("(document)") : terminal_safe(l.path);
    if (l.line) {
        s += " (" + c.ui("line") + " " + std::to_string(l.line);
        if (l.column) s += ", " + c.ui("column") + " " + std::to_string(l.column);
        s += ")";
    }
    return s;
}

/// A finding that only says its rule was not evaluated (rule.not_evaluated, as the procurement
/// check emits it: severity info, the missing field as parameter `field`).
bool only_not_evaluated(const Finding& f) {
    return f.severity == Severity::info && f.message_key == "rule.not_evaluated" &&
           std::any_of(f.params.begin(), f.params.end(), [](const auto& p) { return p.first == "field"; });
}

const std::string& missing_field(const Finding& f) {
    return std::find_if(f.params.begin(), f.params.end(), [](const auto& p) { return p.first == "field"; })->second;
}

/// One line for every "not evaluated" finding: each missing field with the number of rules it
/// blocks, most rules first (then in order of first appearance). Empty when there are none.
std::string not_evaluated_line(const Report& report, const Ctx& c) {
    std::vector<std::pair<std::string, std::vector<std::string>>> blocked;  // field -> rules
    for (const auto& f : report.findings) {
        if (!only_not_evaluated(f)) continue;
        const std::string& field = missing_field(f);
        auto it = std::find_if(blocked.begin(), blocked.end(), [&](const auto& b) { return b.first == field; });
        if (it == blocked.end()) it = blocked.insert(blocked.end(), {field, {}});
        if (std::find(it->second.begin(), it->second.end(), f.rule) == it->second.end()) it->second.push_back(f.rule);
    }
    if (blocked.empty()) return {};
    std::stable_sort(blocked.begin(), blocked.end(),
                     [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
    std::string list;
    for (const auto& [field, rules] : blocked) {
        if (!list.empty()) list += ", ";
        list += c.cat->render(rules.size() == 1 ? "ui.not_evaluated.field_one" : "ui.not_evaluated.field",
                              {{"field", terminal_safe(field)}, {"count", std::to_string(rules.size())}});
    }
    std::string sev = c.ui("severity.info");
    sev.resize(std::max<std::size_t>(sev.size(), 12), ' ');
    return sev + " " + c.cat->render("ui.not_evaluated.summary", {{"fields", list}}) + "\n";
}

ojson omitted_json(const OmittedFindings& o) {
    return {{"rule", o.rule}, {"severity", severity_name(o.severity)}, {"message_key", o.message_key}, {"count", o.count}};
}

/// "… and 99,900 more finding(s) of IJW-001 (ERROR), not listed one by one": one line per
/// severity for the findings of `rule` a cap left out (their message keys added up).
/// With `with_not_evaluated` false, "not evaluated" findings are left out (the text report sums
/// them up by missing field).
std::vector<std::pair<Severity, std::string>> omitted_texts(const Report& report, const std::string& rule, const Ctx& c,
                                                            bool with_not_evaluated = true) {
    std::vector<std::pair<Severity, std::string>> out;
    for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
        std::size_t n = 0;
        for (const auto& o : report.omitted)
            if (o.rule == rule && o.severity == s && (with_not_evaluated || o.message_key != "rule.not_evaluated"))
                n += o.count;
        if (n == 0) continue;
        out.emplace_back(s, c.cat->render("ui.omitted", {{"count", std::to_string(n)},
                                                          {"rule", rule},
                                                          {"severity", c.ui(std::string("severity.") + severity_name(s))}}));
    }
    return out;
}

std::string omitted_lines(const Report& report, const std::string& rule, const Ctx& c) {
    std::string out;
    for (const auto& [severity, text] : omitted_texts(report, rule, c, false)) out += "    " + terminal_safe(text) + "\n";
    return out;
}

}  // namespace

std::string to_json(const Report& report, const RenderOptions& options) {
    Ctx c(options);
    ojson o;
    o["schema"] = "zorginkoop-report";
    o["schema_version"] = report_json_schema_version;
    o["writer"] = {{"name", "zorginkoop"}, {"version", version_string}};
    o["library_version"] = report.library_version;
    o["ruleset_version"] = report.ruleset_version;
    o["reference_date"] = report.reference_date ? ojson(format_date(*report.reference_date)) : ojson(nullptr);
    o["subject"] = report.subject;
    o["language"] = lang_name(c.lang);
    o["context"] = fields_json(report.context);
    o["summary"] = {{"error", report.count(Severity::error)},
                    {"warning", report.count(Severity::warning)},
                    {"info", report.count(Severity::info)}};
    ojson findings = ojson::array();
    for (const auto& f : report.findings) {
        ojson j;
        j["rule"] = f.rule;
        j["severity"] = severity_name(f.severity);
        j["message"] = c.message(f);
        j["message_key"] = f.message_key;
        j["params"] = fields_json(f.params);
        ojson locs = ojson::array();
        for (const auto& l : f.locations) locs.push_back(location_json(l));
        j["locations"] = locs;
        j["evidence"] = fields_json(f.evidence);
        ojson cites = ojson::array();
        for (const auto& r : f.citations) cites.push_back(citation_json(r, c));
        j["citations"] = cites;
        findings.push_back(std::move(j));
    }
    o["findings"] = std::move(findings);
    ojson omitted = ojson::array();
    for (const auto& om : report.omitted) omitted.push_back(omitted_json(om));
    o["omitted"] = std::move(omitted);
    return dumped(o);
}

/// The rule-page base URI of RenderOptions, ending in '/'; empty when not set.
std::string sarif_docs_uri(const std::string& uri) {
    if (uri.empty()) return uri;
    const auto colon = uri.find(':');
    const bool has_scheme = colon != std::string::npos && colon > 0 &&
                            std::isalpha(static_cast<unsigned char>(uri[0])) &&
                            std::all_of(uri.begin(), uri.begin() + static_cast<std::ptrdiff_t>(colon), [](char ch) {
                                return std::isalnum(static_cast<unsigned char>(ch)) || ch == '+' || ch == '-' || ch == '.';
                            });
    if (!has_scheme) throw InvalidInput("rule_docs_uri must be an absolute URI (with a scheme), not '" + uri + "'");
    return uri.back() == '/' ? uri : uri + "/";
}

/// The SARIF reportingDescriptor of the rule of `f`: its title, note, level and page when the report
/// describes the rule (Report::rules); its id and the first cited text otherwise.
ojson sarif_rule(const Finding& f, const RuleDescription* rule, const std::string& docs, Lang lang) {
    ojson r;
    r["id"] = f.rule;
    if (!rule) {
        r["shortDescription"] = {{"text", f.rule}};
    } else {
        const std::string& title = rule->title(lang);
        r["shortDescription"] = {{"text", title}};
        r["fullDescription"] = {{"text", rule->note.empty() ? title : title + "\n\n" + rule->note}};
        r["defaultConfiguration"] = {{"level", sarif_level(rule->severity)}};
    }
    const std::string page = "docs/rules/" + f.rule + ".md";
    if (rule && !docs.empty()) {
        r["helpUri"] = docs + f.rule + ".md";
    } else {
        for (const auto& cite : f.citations)
            if (!cite.url.empty()) {
                r["helpUri"] = cite.url;
                break;
            }
    }
    if (rule) {
        r["help"] = {{"text", rule->title(lang) + " (" + page + ")"}};
        r["properties"] = {{"rule_page", page}, {"title", {{"nl", rule->title_nl}, {"en", rule->title_en}}}};
    }
    return r;
}

std::string to_sarif(const Report& report, const RenderOptions& options, const SarifOptions& sarif) {
    Ctx c(options);
    const std::string docs = sarif_docs_uri(sarif.rule_docs_uri);
    ojson rules = ojson::array();
    std::vector<std::string> seen;
    for (const auto& f : report.findings) {
        if (std::find(seen.begin(), seen.end(), f.rule) != seen.end()) continue;
        seen.push_back(f.rule);
        rules.push_back(sarif_rule(f, report.rule(f.rule), docs, c.lang));
    }
    ojson results = ojson::array();
    for (const auto& f : report.findings) {
        ojson res;
        res["ruleId"] = f.rule;
        res["level"] = sarif_level(f.severity);
        std::string text = c.message(f);
        for (const auto& r : f.citations) text += " [" + c.laws->label(r, c.lang) + "]";
        res["message"] = {{"text", text}};
        ojson locs = ojson::array();
        for (const auto& l : f.locations) {
            ojson loc;
            if (!l.source.empty()) {
                ojson phys;
                phys["artifactLocation"] = {{"uri", l.source}};
                if (l.line) {
                    ojson region;
                    region["startLine"] = l.line;
                    if (l.column) region["startColumn"] = l.column;
                    phys["region"] = region;
                }
                loc["physicalLocation"] = phys;
            }
            if (!l.path.empty()) loc["logicalLocations"] = ojson::array({{{"fullyQualifiedName", l.path}, {"kind", "member"}}});
            locs.push_back(loc);
        }
        if (!locs.empty()) res["locations"] = locs;
        ojson props;
        props["evidence"] = fields_json(f.evidence);
        ojson cites = ojson::array();
        for (const auto& r : f.citations) cites.push_back(citation_json(r, c));
        props["citations"] = cites;
        res["properties"] = std::move(props);
        results.push_back(std::move(res));
    }
    ojson run;
    run["tool"] = {{"driver",
                    {{"name", "zorginkoop"},
                     {"version", version_string},
                     {"semanticVersion", version_string},
                     {"rules", rules}}}};
    run["results"] = std::move(results);
    if (!report.omitted.empty()) {
        // Results a cap left out: one notification per rule and severity, so that a CI system shows
        // that the list is not complete, and the counts under run.properties.omitted.
        ojson notes = ojson::array();
        std::vector<std::string> rules_done;
        for (const auto& om : report.omitted) {
            if (std::find(rules_done.begin(), rules_done.end(), om.rule) != rules_done.end()) continue;
            rules_done.push_back(om.rule);
            for (const auto& [severity, text] : omitted_texts(report, om.rule, c)) {
                ojson n;
                n["level"] = sarif_level(severity);
                n["message"] = {{"text", text}};
                n["associatedRule"] = {{"id", om.rule}};
                notes.push_back(std::move(n));
            }
        }
        run["invocations"] = ojson::array({{{"executionSuccessful", true}, {"toolExecutionNotifications", std::move(notes)}}});
    }
    ojson props;
    props["ruleset_version"] = report.ruleset_version;
    props["reference_date"] = report.reference_date ? ojson(format_date(*report.reference_date)) : ojson(nullptr);
    props["subject"] = report.subject;
    if (!report.omitted.empty()) {
        ojson omitted = ojson::array();
        for (const auto& om : report.omitted) omitted.push_back(omitted_json(om));
        props["omitted"] = std::move(omitted);
    }
    run["properties"] = props;
    ojson o;
    o["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    o["version"] = "2.1.0";
    o["runs"] = ojson::array({run});
    return dumped(o);
}

std::string to_text(const Report& report, const RenderOptions& options) {
    Ctx c(options);
    std::string out = "zorginkoop " + terminal_safe(report.library_version);
    if (!report.ruleset_version.empty()) out += " · " + c.ui("ruleset") + " " + terminal_safe(report.ruleset_version);
    if (report.reference_date) out += " · " + c.ui("reference_date") + " " + format_date(*report.reference_date);
    out += "\n";
    if (!report.subject.empty()) out += c.ui("subject") + ": " + terminal_safe(report.subject) + "\n";
    for (const auto& [k, v] : report.context) {
        const std::string key = "ui.context." + k;
        out += "  " + terminal_safe(c.cat->contains(key) ? c.cat->text(key) : k) + ": " +
               terminal_safe(c.cat->value_text(k, v)) + "\n";
    }
    out += "\n";
    for (std::size_t k = 0; k < report.findings.size(); ++k) {
        const Finding& f = report.findings[k];
        // After a rule's last finding, the findings of that rule a cap left out.
        const bool last_of_rule = k + 1 == report.findings.size() || report.findings[k + 1].rule != f.rule;
        if (only_not_evaluated(f)) {
            if (last_of_rule) out += omitted_lines(report, f.rule, c);
            continue;
        }
        std::string sev = c.ui(std::string("severity.") + severity_name(f.severity));
        sev.resize(std::max<std::size_t>(sev.size(), 12), ' ');
        out += sev + " " + terminal_safe(f.rule);
        if (!f.locations.empty()) out += "  " + location_text(f.locations.front(), c);
        out += "\n    " + terminal_safe(c.message(f)) + "\n";
        for (std::size_t i = 1; i < f.locations.size(); ++i) out += "    " + c.ui("also") + ": " + location_text(f.locations[i], c) + "\n";
        // A finding about more places than the check lists (evidence `locations_not_listed`).
        for (const auto& [name, value] : f.evidence)
            if (name == "locations_not_listed")
                out += "    " + c.ui("also") + ": " + terminal_safe(c.cat->render("ui.more_locations", {{"count", value}})) + "\n";
        for (const auto& r : f.citations)
            out += "    " + c.ui("source") + ": " + terminal_safe(c.laws->label(r, c.lang)) +
                   (r.url.empty() ? "" : " <" + terminal_safe(r.url) + ">") + "\n";
        if (last_of_rule) out += omitted_lines(report, f.rule, c);
    }
    if (!options.hide_not_evaluated) out += not_evaluated_line(report, c);
    if (report.findings.empty()) out += c.ui("no_findings") + "\n";
    out += "\n" + c.cat->render("ui.summary", {{"errors", std::to_string(report.count(Severity::error))},
                                             {"warnings", std::to_string(report.count(Severity::warning))},
                                             {"infos", std::to_string(report.count(Severity::info))}}) +
           "\n";
    return out;
}

Fields citation_fields(const LegalRef& r, const LawRegistry& laws, Lang lang) {
    Fields o{{"law_id", r.law_id}, {"law", laws.at(r.law_id).title_nl}, {"article", r.article}};
    if (!r.lid.empty()) o.emplace_back("lid", r.lid);
    if (!r.onderdeel.empty()) o.emplace_back("onderdeel", r.onderdeel);
    if (r.version_date) o.emplace_back("version_date", format_date(*r.version_date));
    o.emplace_back("url", r.url);
    o.emplace_back("label", laws.label(r, lang));
    return o;
}

}  // namespace zorginkoop
