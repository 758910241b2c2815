#pragma once
// The procurement document (document-format.md): what a municipality or region writes to describe
// one procurement, typed. Every optional field is a std::optional, so that "not stated" is never
// confused with a value; where the format gives `null` a meaning (`max_providers: null` = no cap,
// `standstill_days: null` = no standstill period, `ceiling: null` = no ceiling, ...) the field is a
// Nullable<T>: absent (not stated), present-and-null, or present with a value.
//
// Reading is strict: unknown and duplicate keys, wrong types, impossible dates, bad enumerations and
// malformed amounts are ParseErrors naming the path (`lots[1].products[3].tariff`) and, when read
// from text, the line and column. Facts the rules judge (a unit that is not a WJ756 code, a product
// code that is too long, a CPV code outside the light regime) are kept as written and reported as
// findings by the check, not as read errors.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/money.hpp"
#include "zorginkoop/indexation/clause.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/law/law.hpp"
#include "zorginkoop/report/finding.hpp"
#include "zorginkoop/tariff/cost_model.hpp"
#include "zorginkoop/tariff/ijw.hpp"
#include "zorginkoop/tariff/price_basis.hpp"

namespace zorginkoop::procurement {

/// Absent (nullopt), present and null (optional holding nullopt), or present with a value.
template <class T>
using Nullable = std::optional<std::optional<T>>;

/// The format version this library reads and writes (`zorginkoop: 1`).
inline constexpr int document_format_version = 1;

/// The law under which a document buys care: zorginkoop::Law (law/law.hpp).
using CareLaw [[deprecated("use zorginkoop::Law")]] = Law;
enum class ProcedureKind {
    sas,
    open_house,
    european_open,
    european_restricted,
    european_competitive_dialogue,
    negotiated_without_notice,
    below_threshold,
    subsidy
};
enum class FundingVariant { effort, output, task };
enum class FundingForm { per_unit, availability, traject, result, population, cost_plus };
/// The tariff module's PriceBasis (tariff/price_basis.hpp): one enumeration for both.
using zorginkoop::PriceBasis;
enum class ProviderCategory { A, B, C };
enum class PublicationKind {
    prior_information_notice,
    contract_notice,
    award_notice,
    voluntary_ex_ante,
    modification_notice,
    open_house_announcement
};
enum class AwardBasis { best_price_quality, lowest_cost, lowest_price, none };
enum class CriterionKind { quality, price, cost };
enum class ModificationRoute { r2_163b, r2_163c, r2_163d, r2_163e };
enum class CeilingKind { amount, volume, budget };

// Names as written in documents (lower-case words; "2.163b" for routes; "A" for categories).
const char* name(Law v) noexcept;
const char* name(ProcedureKind v) noexcept;
const char* name(FundingVariant v) noexcept;
const char* name(FundingForm v) noexcept;
const char* name(PriceBasis v) noexcept;
const char* name(ProviderCategory v) noexcept;
const char* name(PublicationKind v) noexcept;
const char* name(AwardBasis v) noexcept;
const char* name(CriterionKind v) noexcept;
const char* name(ModificationRoute v) noexcept;

/// The kinds of the full (European) regime: european_open, european_restricted,
/// european_competitive_dialogue.
bool is_full_regime(ProcedureKind k) noexcept;
/// Kinds that put work out to tender (everything but open_house and subsidy).
bool is_tendered(ProcedureKind k) noexcept;

struct Authority {
    std::optional<std::string> name;
    std::optional<std::vector<std::string>> municipalities;
    std::optional<std::string> regiovisie;
};

struct Procedure {
    std::optional<ProcedureKind> kind;
    std::optional<int> sas_option;  // 1-4
    std::optional<bool> framework_agreement;
    std::optional<std::vector<std::string>> cpv;
    std::optional<bool> cross_border_interest;
    std::optional<bool> exclusion_grounds;
    std::optional<bool> suitability_requirements;
    std::optional<bool> self_declaration_required;
    std::optional<bool> award_record;
    Nullable<std::int64_t> standstill_days;  // null: no standstill period
    Nullable<std::string> lots_motivation;
    Nullable<std::string> duration_justification;
    std::optional<bool> price_route_accounted_to_council;
};

struct Planning {
    std::optional<Date> started;
};

struct EstimatedValue {
    std::optional<Money> declared;
    std::optional<Money> initial_term_value;
    std::optional<Money> other_options_value;
    std::optional<bool> total_price_stated;
    Nullable<Money> monthly_amount;
};

struct Extension {
    int months = 0;
    std::optional<Money> value;
};

struct Term {
    std::optional<Date> start;
    std::optional<Date> end;  // end of the initial term, inclusive
    std::optional<bool> indefinite;
    std::optional<std::vector<Extension>> extensions;
};

/// `ceiling: "1000.00"` (an amount), `{volume: ...}` or `{budget: ...}`.
struct Ceiling {
    CeilingKind kind = CeilingKind::amount;
    Decimal value;
};

/// A product's cost model, read once by the tariff module's reader (CostModel::from_node) when the
/// document is read: inline, or from the file named by `path` (relative to the document). Errors
/// name the document path (`lots[0].products[2].cost_model.staff[0].share`) and the model's file.
/// Products that name the same file, or give identical inline models, share one CostModel.
struct CostModelRef {
    std::optional<std::string> path;         // as written; nullopt when inline
    std::shared_ptr<const CostModel> model;  // null when the file was not loaded
    std::string source;                      // file name of the model (or of the document when inline)
    bool loaded = false;                     // false when read with load_cost_models = false
};

struct Product {
    std::optional<std::string> code;
    std::optional<std::string> category;
    std::optional<std::string> name;
    std::optional<FundingVariant> funding;
    std::optional<FundingForm> funding_form;
    std::optional<std::string> unit_text;  // as written ("uur" or "04")
    std::optional<ijw::Unit> unit;         // normalised when unit_text is a WJ756 code or name
    std::optional<Money> tariff;
    std::optional<bool> declared_per_minute;
    std::optional<PriceBasis> price_basis;
    std::optional<CostModelRef> cost_model;
    Nullable<Ceiling> ceiling;  // null: no ceiling
};

struct Lot {
    std::string id;
    bool id_is_number = false;  // written as a plain integer
    std::optional<std::string> title;
    std::optional<ProviderCategory> provider_category;
    std::optional<Money> estimated_value;
    Nullable<std::int64_t> max_providers;  // null: no cap
    std::optional<std::vector<Product>> products;
};

struct Publication {
    PublicationKind kind = PublicationKind::contract_notice;
    std::optional<Date> date;
    std::optional<std::int64_t> eforms_subtype;
    std::optional<bool> continuous;
    std::optional<bool> states_service_type;
    std::optional<bool> states_award_without_further_publication;
    std::optional<bool> invites_written_interest;
};

struct Criterion {
    std::string name;
    std::optional<CriterionKind> kind;
    std::optional<Decimal> weight;
    std::optional<std::int64_t> order;
};

struct Award {
    std::optional<Date> date;
    std::optional<Date> contract_concluded;
    std::optional<AwardBasis> basis;
    std::optional<std::vector<Criterion>> criteria;
    std::optional<bool> continuity_considered;
    std::optional<bool> bundled_quarterly;
};

struct ContractClauses {
    std::optional<bool> staff_takeover_consultation;
    std::optional<bool> subcontracting_real_price;
    std::optional<bool> tariff_differentiation;
    /// The indexation clause of docs/indexation-clause.md, read by the indexation module's reader
    /// (IndexationClause::from_node); its errors name `contract_clauses.indexation…`.
    std::optional<IndexationClause> indexation;
};

struct OpenHouseEntry {
    std::optional<bool> during_term;
    std::optional<std::int64_t> moments_per_year;
};

struct OpenHouse {
    std::optional<bool> announced_publicly;
    std::optional<bool> identical_conditions;
    Nullable<std::int64_t> max_providers;  // null: no cap
    std::optional<bool> ranking;
    std::optional<bool> client_chooses_provider;
    std::optional<OpenHouseEntry> entry;
};

struct Continuity {
    std::optional<bool> bridging_agreements;
};

struct Modification {
    std::optional<Date> date;
    std::optional<Money> value;
    std::optional<bool> changes_overall_nature;
    Nullable<ModificationRoute> route;
};

/// The expected findings of a document, for the pytest plugin; the check ignores it.
struct Expect {
    std::optional<std::vector<std::string>> fires;
    std::optional<std::vector<std::string>> silent;
    std::optional<bool> no_errors;
};

struct Document {
    int format_version = document_format_version;
    std::string id;
    std::optional<std::string> title;
    Law law = Law::jeugdwet;
    std::optional<Authority> authority;
    std::optional<Procedure> procedure;
    std::optional<Planning> planning;
    std::optional<EstimatedValue> estimated_value;
    std::optional<Term> term;
    std::optional<std::vector<Lot>> lots;
    std::optional<std::vector<Publication>> publications;
    std::optional<Award> award;
    std::optional<ContractClauses> contract_clauses;
    std::optional<OpenHouse> open_house;
    std::optional<Continuity> continuity;
    std::optional<std::vector<Modification>> modifications;
    std::optional<Expect> expect;

    // Where the document came from (not part of its content; ignored by ==).
    std::string source;                       // file name, or empty
    std::map<std::string, io::Mark, std::less<>> marks;  // path → line/column of every field read

    /// The location of `path` in the source; for a path that is absent, the nearest enclosing
    /// field that is present (the document itself at worst).
    Location location(const std::string& path) const;

    /// The document as a tree again (the format of document-format.md). Reading it back gives
    /// an equal Document. Cost models read from a path are written as that path.
    io::Node to_node() const;
};

/// Field-by-field equality (sources and marks are ignored; cost models and clauses compare as
/// values).
bool operator==(const Document& a, const Document& b);
inline bool operator!=(const Document& a, const Document& b) { return !(a == b); }

struct ReadOptions {
    /// Directory against which `cost_model` paths are resolved (the document's directory when
    /// reading a file; the current directory when empty).
    std::string base_dir;
    /// Read the cost model files named by `cost_model` paths (off: keep the paths only).
    bool load_cost_models = true;
    io::ReadLimits limits = {};
};

/// Read a document from its tree (from YAML, JSON or a Python mapping). `source` names the input.
Document read_document(const io::Node& root, const std::string& source = {}, const ReadOptions& options = {});
/// Parse YAML or JSON text.
Document parse_document_yaml(std::string_view text, const std::string& source = {}, const ReadOptions& options = {});
Document parse_document_json(std::string_view text, const std::string& source = {}, const ReadOptions& options = {});
/// Read a file (JSON when the name ends in .json, YAML otherwise); cost model paths are
/// resolved against the file's directory unless options.base_dir is set.
Document load_document(const std::string& path, ReadOptions options = {});

}  // namespace zorginkoop::procurement
