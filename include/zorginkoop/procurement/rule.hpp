#pragma once
// The rule framework of the procurement check. A rule is one unit: its file
// data/rules/<group>/<ID>.yaml (id, section, titles, severity, stage, scope, procedure kinds, dates
// in force, citations, note, catalogue text, messages nl/en) and its body, a small pure function of
// the document and the facts derived from it, registered by id in its group's table
// (src/procurement/rules_<group>.cpp: {"SAS-003", sas_003}). The files are embedded and read once
// into the catalogue (rule_catalogue()); a file without a body, or a body without a file, is an
// InvalidInput at catalogue load.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/holidays.hpp"
#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/core/money.hpp"
#include "zorginkoop/law/legal_ref.hpp"
#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/procurement/document.hpp"
#include "zorginkoop/report/finding.hpp"
#include "zorginkoop/report/report.hpp"
#include "zorginkoop/tariff/realism.hpp"

namespace zorginkoop::procurement {

/// Stages in report order: regime → value → publication → term → award → price → Open House →
/// funding (the funding stage holds the FUND, IJW, NVO and JREG groups).
enum class Stage { regime, value, publication, term, award, price, open_house, funding };
/// The words of the stages, as the outputs and the bindings write them.
inline constexpr EnumTable<Stage, 8> stage_table{{{{Stage::regime, "regime"},
                                                   {Stage::value, "value"},
                                                   {Stage::publication, "publication"},
                                                   {Stage::term, "term"},
                                                   {Stage::award, "award"},
                                                   {Stage::price, "price"},
                                                   {Stage::open_house, "open_house"},
                                                   {Stage::funding, "funding"}}}};

/// One citation of a rule, resolved through LawRegistry::cite. `tag` empty: cited by every finding
/// of the rule; otherwise only by findings that ask for that tag (e.g. "full_regime"). When every
/// citation of a rule is tagged, a finding that asks for no tag cites them all.
///
/// Version: a citation of an official text (BWB) links the version in force on the check's
/// reference date (wetten.overheid.nl's geldigheidsdatum); without a reference date it links
/// `version_date`, the version the law data quotes. A `pinned` citation (an explicitly dated
/// historic text) always links `version_date`. The article, lid and onderdeel are those of the
/// provision in force on that version date (data/law/laws.yaml `provisions`; see resolve_citation).
///
/// A Citation is the one citation type, LegalRef, as a rule declares it (law id, article, lid,
/// onderdeel, version date; `url` stays empty until LawRegistry::cite resolves it) with where it applies.
struct Citation : LegalRef {
    /// The law under which the citation applies (nullopt: both).
    std::optional<Law> law;
    std::string tag;
    bool pinned = false;
    /// The law's key in data/law/laws.yaml ("jeugdwet"); `law_id` is its official id.
    std::string law_key;
};

/// The citation `c` as a finding cites it on `reference_date` (nullopt: none): official texts (BWB)
/// link the version in force on that date, a pinned citation its own version, others the quoted
/// version; and the provision is the one in force on that version date (LawRegistry::place_in_force:
/// the place the rule then had, e.g. Jeugdwet art. 2.12 before art. 2.11 lid 2 onder a). nullopt:
/// the provision did not exist then, and the finding does not cite it.
std::optional<LegalRef> resolve_citation(const Citation& c, const std::optional<Date>& reference_date, const LawRegistry& laws);

/// What the caller can set for a check.
struct CheckOptions {
    /// The reference date (peildatum), overriding the one derived from the document.
    std::optional<Date> as_of;
    /// JREG-001: the date on which Jeugdwet art. 2.19 lid 1 onder a enters into force (set by royal
    /// decree; not known when this catalogue was written, so unset by default).
    std::optional<Date> regional_contracting_from;
    /// At most this many findings of one rule are listed in the report; the others are counted in
    /// Report::omitted (by severity and message key) and in its summary. 0: list every finding.
    std::size_t max_findings_per_rule = default_max_findings_per_rule;
    static constexpr std::size_t default_max_findings_per_rule = 100;
    /// The days royal decrees assimilate with public holidays (Algemene termijnenwet art. 3 lid 3),
    /// used where statutory deadlines are extended; nullopt: the bundled decrees
    /// (bundled_holiday_calendar(), data/law/holidays.yaml).
    std::optional<HolidayCalendar> holidays;
    /// Document fields the source of the document cannot state (the eForms importer's
    /// `not_carried`; "[]" in a path stands for any index). A finding whose main location is such a
    /// field is about its absence, which says nothing about the procedure: the rule reports "not
    /// evaluated" for the field instead.
    std::vector<std::string> not_stated;
};

/// Facts derived from the document once, before the rules run.
struct RuleContext {
    CheckOptions options;
    std::optional<Date> reference_date;
    std::string reference_date_source;  // "as_of", "publications[0].date", "award.date", "term.start"
    std::optional<ProcedureKind> declared_kind;
    /// The kind the §2-§5 rules use: `sas` for an Open House that a cap, ranking or selection turns
    /// into a public contract (OH-001), the declared kind otherwise.
    std::optional<ProcedureKind> kind;
    bool open_house_is_public_contract = false;
    /// VAL-001's computed value: the larger of (a) initial term + extensions + other options and
    /// (b) the sum of the lots; nullopt when neither part is given.
    std::optional<Money> computed_value;
    /// REG-001: the larger of the declared and the computed value.
    std::optional<Money> regime_value;
    /// Whether Part 2 of the Aanbestedingswet 2012 applies (regime_value ≥ EUR 750,000).
    std::optional<bool> part2_applies;
    const LawRegistry* laws = nullptr;
    /// The working-day calendar of the Algemene termijnenwet: options.holidays, else the bundled one.
    const HolidayCalendar* holidays = nullptr;
    /// The plausibility bands of the cost-model parameters (PRICE-007): the bundled ones.
    const PlausibilityBands* bands = nullptr;
};

class Emitter;
using RuleFn = void (*)(const Document&, const RuleContext&, Emitter&);

/// A rule's short title (at most 70 characters): what it checks, in Dutch and English.
struct RuleTitle {
    std::string nl;
    std::string en;

    const std::string& in(Lang lang) const noexcept { return lang == Lang::en ? en : nl; }
};

struct Rule {
    std::string id;  // stable id ("SAS-003")
    RuleTitle title;
    Severity severity = Severity::info;  // default; a rule may vary it per finding
    Stage stage = Stage::regime;
    /// The law the rule is for (nullopt: both Jeugdwet and Wmo 2015).
    std::optional<Law> law;
    /// Procedure kinds the rule is for (empty: any). A rule limited to kinds reports "not
    /// evaluated" when the document states no kind.
    std::vector<ProcedureKind> only_kinds;
    /// Procedure kinds the rule is not for (when the kind is not stated, the rule runs).
    std::vector<ProcedureKind> except_kinds;
    /// Only when REG-001 finds Part 2 of the Aw 2012 applicable.
    bool needs_part2 = false;
    /// Dates in force, judged on the reference date (inclusive). Outside them the rule is not run;
    /// without a reference date it reports "not evaluated".
    std::optional<Date> in_force_from;
    std::optional<Date> in_force_to;
    std::vector<Citation> citations;
    /// What the rule rests on and what could not be confirmed (documentation).
    std::string note;
    RuleFn run = nullptr;
};

/// Collects the findings of one rule: fills in the rule id, message key, citations and locations.
class Emitter {
public:
    Emitter(const Rule& rule, const Document& doc, const RuleContext& ctx, std::vector<Finding>& out)
        : rule_(rule), doc_(doc), ctx_(ctx), out_(out) {}
    /// As above; beyond `max_findings` (0: no limit) findings are only counted, in `omitted`.
    Emitter(const Rule& rule, const Document& doc, const RuleContext& ctx, std::vector<Finding>& out,
            std::size_t max_findings, std::vector<OmittedFindings>& omitted)
        : rule_(rule), doc_(doc), ctx_(ctx), out_(out), max_findings_(max_findings), omitted_(&omitted) {}

    const Rule& rule() const noexcept { return rule_; }

    /// A finding with the rule's default severity. Message key "check.<id>.<variant>"; `fields`
    /// are both the message parameters and the evidence; `paths` are document paths (the first is
    /// the main location).
    Finding& emit(std::string_view variant, Fields fields, const std::vector<std::string>& paths,
                  const std::vector<std::string>& tags = {}) {
        return emit(rule_.severity, variant, std::move(fields), paths, tags);
    }
    Finding& emit(Severity severity, std::string_view variant, Fields fields, const std::vector<std::string>& paths,
                  const std::vector<std::string>& tags = {});
    /// The rule cannot be judged: `field` (a document path) is missing. An info finding with
    /// message key rule.not_evaluated.
    Finding& not_evaluated(const std::string& field, const std::vector<std::string>& paths = {});

private:
    bool in_scope(const Citation& c) const;
    std::vector<LegalRef> citations(const std::vector<std::string>& tags) const;

    /// True when the cap is reached: the finding (severity, message key) is counted in omitted_
    /// and the caller fills scratch_ instead of a listed finding.
    bool omit(Severity severity, const std::string& message_key);

    const Rule& rule_;
    const Document& doc_;
    const RuleContext& ctx_;
    std::vector<Finding>& out_;
    std::size_t max_findings_ = 0;
    std::vector<OmittedFindings>* omitted_ = nullptr;
    std::size_t emitted_ = 0;
    Finding scratch_;  // what emit() returns for a finding that is only counted
};

/// The message key of a finding that says a rule was not evaluated.
inline constexpr std::string_view not_evaluated_key = "rule.not_evaluated";

/// A rule's body, registered by id in its group's table.
struct RuleBody {
    std::string_view id;
    RuleFn run;
};

/// The rule file `yaml` (data/rules/<group>/<ID>.yaml) as a Rule without its body; ParseError or
/// InvalidInput naming `source`, the path and the line for a file that is not a rule.
Rule read_rule(std::string_view yaml, const std::string& source);

/// `rules` (the files of `group`) each joined with its body from `bodies`, in id order; InvalidInput
/// for a rule file without a body, a body without a rule file, or an id with two files.
std::vector<Rule> join_rules(std::vector<Rule> rules, const std::vector<RuleBody>& bodies, std::string_view group);

/// Every rule of the catalogue, in catalogue order (section, then id).
const std::vector<Rule>& rule_catalogue();
/// The rule with this id; InvalidInput when unknown.
const Rule& find_rule(std::string_view id);
/// How a report describes the rules of `catalogue` that made `findings` (Report::rules: title,
/// note, default severity), in the order of their first finding.
std::vector<RuleDescription> describe_rules(const std::vector<Rule>& catalogue, const std::vector<Finding>& findings);

}  // namespace zorginkoop::procurement
