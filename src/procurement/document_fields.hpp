#pragma once
// Internal (not installed): the one list of the procurement document's fields. Each struct of
// document.hpp has a table, Fields<S>::list() (the engine is io/fields.hpp): one row per key, in
// the order documents are read and written, with the member it fills and the codec that reads,
// writes, compares and describes (JSON Schema) its value. The reader (document_read.cpp), the
// writer and equality (document_write.cpp) and the JSON Schema (document_schema.cpp) are driven
// by these tables; docs/document-format.md is checked against them by the tests.
//
// Fields that do not fit a generic codec name a hand-written codec (CpvList, RuleIds, CostModelCodec,
// CeilingCodec, IndexationCodec, LotIdCodec, UnitCodec, LotList, FormatVersion, DocumentId) whose
// reading is a function of the reader (DocReader).

#include <array>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "../io/fields.hpp"
#include "zorginkoop/core/enum_table.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"
#include "zorginkoop/law/law.hpp"
#include "zorginkoop/procurement/document.hpp"
#include "zorginkoop/tariff/price_basis.hpp"

namespace zorginkoop::procurement::fields {

using io::Node;
using namespace io::fields;  // the engine: rows, presence and value codecs, drivers

// ---- enumerations as written ------------------------------------------------------------------

// The words of the document's own vocabularies. The law (law_table, law/law.hpp) and the price
// basis (price_basis_table, tariff/price_basis.hpp) have their tables beside their enums.
inline constexpr EnumTable<ProcedureKind, 8> kind_table{{{
    {ProcedureKind::sas, "sas"},
    {ProcedureKind::open_house, "open_house"},
    {ProcedureKind::european_open, "european_open"},
    {ProcedureKind::european_restricted, "european_restricted"},
    {ProcedureKind::european_competitive_dialogue, "european_competitive_dialogue"},
    {ProcedureKind::negotiated_without_notice, "negotiated_without_notice"},
    {ProcedureKind::below_threshold, "below_threshold"},
    {ProcedureKind::subsidy, "subsidy"},
}}};
inline constexpr EnumTable<FundingVariant, 3> variant_table{
    {{{FundingVariant::effort, "effort"}, {FundingVariant::output, "output"}, {FundingVariant::task, "task"}}}};
inline constexpr EnumTable<FundingForm, 6> form_table{{{
    {FundingForm::per_unit, "per_unit"},
    {FundingForm::availability, "availability"},
    {FundingForm::traject, "traject"},
    {FundingForm::result, "result"},
    {FundingForm::population, "population"},
    {FundingForm::cost_plus, "cost_plus"},
}}};
inline constexpr EnumTable<ProviderCategory, 3> category_table{
    {{{ProviderCategory::A, "A"}, {ProviderCategory::B, "B"}, {ProviderCategory::C, "C"}}}};
inline constexpr EnumTable<PublicationKind, 6> publication_table{{{
    {PublicationKind::prior_information_notice, "prior_information_notice"},
    {PublicationKind::contract_notice, "contract_notice"},
    {PublicationKind::award_notice, "award_notice"},
    {PublicationKind::voluntary_ex_ante, "voluntary_ex_ante"},
    {PublicationKind::modification_notice, "modification_notice"},
    {PublicationKind::open_house_announcement, "open_house_announcement"},
}}};
inline constexpr EnumTable<AwardBasis, 4> award_basis_table{{{
    {AwardBasis::best_price_quality, "best_price_quality"},
    {AwardBasis::lowest_cost, "lowest_cost"},
    {AwardBasis::lowest_price, "lowest_price"},
    {AwardBasis::none, "none"},
}}};
inline constexpr EnumTable<CriterionKind, 3> criterion_table{
    {{{CriterionKind::quality, "quality"}, {CriterionKind::price, "price"}, {CriterionKind::cost, "cost"}}}};
inline constexpr EnumTable<ModificationRoute, 4> route_table{{{
    {ModificationRoute::r2_163b, "2.163b"},
    {ModificationRoute::r2_163c, "2.163c"},
    {ModificationRoute::r2_163d, "2.163d"},
    {ModificationRoute::r2_163e, "2.163e"},
}}};

/// CPV codes (85311000-2, or 85311000 without the check digit as eForms writes them), each listed
/// once: DocReader::cpv_list.
struct CpvList : ByValue {
    template <class Ctx>
    std::vector<std::string> read(Ctx& ctx, const io::Reader& r) const {
        return ctx.cpv_list(r);
    }
    Node write(const std::vector<std::string>& v) const { return text_list_node(v); }
    Node schema(Defs&) const {
        Node item = schema_type("string");
        item.add("pattern", quoted("^\\d{8}(-\\d)?$"));
        return unique_array_of(std::move(item));
    }
};

/// Rule ids (SAS-003), each listed once: DocReader::rule_ids.
struct RuleIds : ByValue {
    template <class Ctx>
    std::vector<std::string> read(Ctx& ctx, const io::Reader& r) const {
        return ctx.rule_ids(r);
    }
    Node write(const std::vector<std::string>& v) const { return text_list_node(v); }
    Node schema(Defs& defs) const {
        Node def = schema_type("string");
        def.add("pattern", quoted("^[A-Z]+-\\d{3}$"));
        defs.add("rule_id", std::move(def));
        return unique_array_of(schema_ref("rule_id"));
    }
};

/// A product's cost model, a path or inline: DocReader::cost_model. Models compare as values.
struct CostModelCodec {
    template <class Ctx>
    CostModelRef read(Ctx& ctx, const io::Reader& r) const {
        return ctx.cost_model(r);
    }
    Node write(const CostModelRef& c) const {
        return c.path ? quoted(*c.path) : c.model ? c.model->to_node() : Node::null();
    }
    bool equal(const CostModelRef& a, const CostModelRef& b) const {
        if (a.path != b.path || a.loaded != b.loaded || !a.model != !b.model) return false;
        return !a.model || a.model == b.model || *a.model == *b.model;
    }
    Node schema(Defs&) const;  // document_schema.cpp (the cost model's own definitions)
};

/// `ceiling: "1000.00"`, `{volume: ...}` or `{budget: ...}`: DocReader::ceiling.
struct CeilingCodec {
    template <class Ctx>
    Ceiling read(Ctx& ctx, const io::Reader& r) const {
        return ctx.ceiling(r);
    }
    Node write(const Ceiling& c) const {
        if (c.kind == CeilingKind::amount) return quoted(c.value.to_string());
        Node n = Node::mapping();
        n.add(c.kind == CeilingKind::volume ? "volume" : "budget", quoted(c.value.to_string()));
        return n;
    }
    bool equal(const Ceiling& a, const Ceiling& b) const { return a.kind == b.kind && a.value == b.value; }
    Node schema(Defs&) const;  // document_schema.cpp
};

/// The indexation clause, read by the indexation module: DocReader::indexation.
struct IndexationCodec : ByValue {
    template <class Ctx>
    IndexationClause read(Ctx& ctx, const io::Reader& r) const {
        return ctx.indexation(r);
    }
    Node write(const IndexationClause& k) const { return k.to_node(); }
    Node schema(Defs&) const;  // document_schema.cpp (the clause's own definitions)
};

/// The format version `zorginkoop: 1`: DocReader::format_version.
struct FormatVersion : ByValue {
    template <class Ctx>
    int read(Ctx& ctx, const io::Reader& r) const {
        return ctx.format_version(r);
    }
    Node write(int v) const { return plain(std::to_string(v)); }
    Node schema(Defs&) const {
        Node n = Node::mapping();
        n.add("const", plain(std::to_string(document_format_version)));
        return n;
    }
};

/// The document id: text, not empty.
struct DocumentId : ByValue {
    template <class Ctx>
    std::string read(Ctx& ctx, const io::Reader& r) const {
        std::string id = ctx.text(r);
        if (id.empty()) r.fail("the document id must not be empty");
        return id;
    }
    Node write(const std::string& s) const { return quoted(s); }
    Node schema(Defs&) const {
        Node n = schema_type("string");
        n.add("minLength", plain("1"));
        return n;
    }
};

/// The lots: a list of Lot whose ids are each used once (DocReader::lots_used_once).
struct LotList : ListOf<Struct<Lot>> {
    template <class Ctx>
    std::vector<Lot> read(Ctx& ctx, const io::Reader& r) const {
        auto lots = ListOf<Struct<Lot>>::read(ctx, r);
        ctx.lots_used_once(lots, r);
        return lots;
    }
};

/// `lots[].id`: text or a whole number (kept as written: Lot::id and Lot::id_is_number).
struct LotIdCodec {
    static constexpr bool required = true;
    template <class Ctx>
    void read(Ctx& ctx, io::MapReader& m, const char* key, Lot& l) const {
        ctx.lot_id(m.require(key), l);
    }
    void write(Node& map, const char* key, const Lot& l) const { map.add(key, l.id_is_number ? plain(l.id) : quoted(l.id)); }
    bool equal(const Lot& a, const Lot& b) const { return a.id == b.id && a.id_is_number == b.id_is_number; }
    Node schema(Defs&, const char* description) const {
        Node types = Node::sequence();
        types.push_back(quoted("string"));
        types.push_back(quoted("integer"));
        Node n = Node::mapping();
        n.add("type", std::move(types));
        return described(std::move(n), description);
    }
};

/// `lots[].products[].unit`: the text as written (Product::unit_text) and, when it is a WJ756 code
/// or name, the unit (Product::unit).
struct UnitCodec {
    static constexpr bool required = false;
    template <class Ctx>
    void read(Ctx& ctx, io::MapReader& m, const char* key, Product& p) const {
        p.unit_text = ctx.opt(m, key, [&](const io::Reader& x) { return ctx.text(x); });
        if (p.unit_text) p.unit = ijw::find_unit(*p.unit_text);
    }
    void write(Node& map, const char* key, const Product& p) const {
        if (p.unit_text) map.add(key, quoted(*p.unit_text));
    }
    bool equal(const Product& a, const Product& b) const { return a.unit_text == b.unit_text && a.unit == b.unit; }
    Node schema(Defs&, const char* description) const { return described(schema_type("string"), description); }
};

}  // namespace zorginkoop::procurement::fields

// The tables are specialisations of the engine's Fields, so they live in its namespace.
namespace zorginkoop::io::fields {

using namespace zorginkoop::procurement;
using namespace zorginkoop::procurement::fields;

template <>
struct PathsOf<LotList> : PathsOf<ListOf<Struct<Lot>>> {};
template <>
struct PathsOf<CeilingCodec> {
    static void add(std::vector<std::string>& out, const std::string& path) {
        out.push_back(path + ".volume");
        out.push_back(path + ".budget");
    }
};
// ---- the tables ---------------------------------------------------------------------------------
// `what` names the struct in "unknown key ... in <what>"; `def` is its name under `$defs` in the
// JSON Schema (null: written inline); `description` describes it there.

template <>
struct Fields<Authority> {
    static constexpr const char* what = "authority";
    static constexpr const char* def = "authority";
    static constexpr const char* description = nullptr;
    static auto list() {
        return std::make_tuple(field("name", &Authority::name, opt(Text{}), "Name of the municipality, region or GR."),
                               field("municipalities", &Authority::municipalities, opt(TextList{})),
                               field("regiovisie", &Authority::regiovisie, opt(Text{}),
                                     "Name or reference of the regiovisie (optional)."));
    }
};

template <>
struct Fields<Procedure> {
    static constexpr const char* what = "procedure";
    static constexpr const char* def = "procedure";
    static constexpr const char* description = nullptr;
    static auto list() {
        using P = Procedure;
        return std::make_tuple(
            field("kind", &P::kind, opt(enumeration(kind_table))),
            field("sas_option", &P::sas_option, opt(Integer<int>{{}, 1, 4}), "SAS option 1-4 of seed 000 §3.5."),
            field("framework_agreement", &P::framework_agreement, opt(Boolean{})),
            field("cpv", &P::cpv, opt(CpvList{})),
            field("cross_border_interest", &P::cross_border_interest, opt(Boolean{})),
            field("exclusion_grounds", &P::exclusion_grounds, opt(Boolean{})),
            field("suitability_requirements", &P::suitability_requirements, opt(Boolean{})),
            field("self_declaration_required", &P::self_declaration_required, opt(Boolean{})),
            field("award_record", &P::award_record, opt(Boolean{}), "Proces-verbaal."),
            field("standstill_days", &P::standstill_days, nullable(Integer<>{{}, 0, 100000}),
                  "Days of the standstill period; null: no standstill period."),
            field("lots_motivation", &P::lots_motivation, nullable(Text{}), "Why the contract is not divided into lots."),
            field("duration_justification", &P::duration_justification, nullable(Text{}),
                  "Why a framework runs longer than 48 months."),
            field("price_route_accounted_to_council", &P::price_route_accounted_to_council, opt(Boolean{}),
                  "Wmo old art. 5.4 lid 4."));
    }
};

template <>
struct Fields<Planning> {
    static constexpr const char* what = "planning";
    static constexpr const char* def = "planning";
    static constexpr const char* description = nullptr;
    static auto list() { return std::make_tuple(field("started", &Planning::started, opt(Day{}))); }
};

template <>
struct Fields<EstimatedValue> {
    static constexpr const char* what = "estimated_value";
    static constexpr const char* def = "estimated_value";
    static constexpr const char* description = nullptr;
    static auto list() {
        using V = EstimatedValue;
        return std::make_tuple(
            field("declared", &V::declared, opt(Amount{}), "EUR excl. VAT, as stated in the procurement documents."),
            field("initial_term_value", &V::initial_term_value, opt(Amount{}),
                  "Value of the initial term alone (options and extensions excluded)."),
            field("other_options_value", &V::other_options_value, opt(Amount{}), "Options other than extensions."),
            field("total_price_stated", &V::total_price_stated, opt(Boolean{})),
            field("monthly_amount", &V::monthly_amount, nullable(Amount{}), "When no total price (48-month rule)."));
    }
};

template <>
struct Fields<Extension> {
    static constexpr const char* what = "an extension";
    static constexpr const char* def = "extension";
    static constexpr const char* description = nullptr;
    static auto list() {
        return std::make_tuple(field("months", &Extension::months, req(Integer<int>{{}, 1, 1200})),
                               field("value", &Extension::value, opt(Amount{})));
    }
};

template <>
struct Fields<Term> {
    static constexpr const char* what = "term";
    static constexpr const char* def = "term";
    static constexpr const char* description = nullptr;
    static auto list() {
        return std::make_tuple(field("start", &Term::start, opt(Day{})),
                               field("end", &Term::end, opt(Day{}), "End of the initial term (inclusive)."),
                               field("indefinite", &Term::indefinite, opt(Boolean{})),
                               field("extensions", &Term::extensions, opt(list_of<Extension>())));
    }
};

template <>
struct Fields<Product> {
    static constexpr const char* what = "a product";
    static constexpr const char* def = "product";
    static constexpr const char* description = nullptr;
    static auto list() {
        using P = Product;
        return std::make_tuple(
            field("code", &P::code, opt(Text{}), "Product code."),
            field("category", &P::category, opt(Text{}), "iJw JZ020 / iWmo WMO020 product category."),
            field("name", &P::name, opt(Text{})),
            field("funding", &P::funding, opt(enumeration(variant_table))),
            field("funding_form", &P::funding_form, opt(enumeration(form_table))),
            whole<P>("unit", UnitCodec{}, "WJ756 code or name."),
            field("tariff", &P::tariff, opt(SignedAmount{})),
            field("declared_per_minute", &P::declared_per_minute, opt(Boolean{})),
            field("price_basis", &P::price_basis, opt(enumeration(price_basis_table))),
            field("cost_model", &P::cost_model, opt(CostModelCodec{}),
                  "Path relative to the document, or the cost model inline."),
            field("ceiling", &P::ceiling, nullable(CeilingCodec{}), "Volume or budget ceiling; null = no ceiling."));
    }
};

template <>
struct Fields<Lot> {
    static constexpr const char* what = "a lot";
    static constexpr const char* def = "lot";
    static constexpr const char* description = nullptr;
    static auto list() {
        return std::make_tuple(
            whole<Lot>("id", LotIdCodec{}),
            field("title", &Lot::title, opt(Text{})),
            field("provider_category", &Lot::provider_category, opt(enumeration(category_table)),
                  "A system, B performance, C flex providers (seed 000 §3.2)."),
            field("estimated_value", &Lot::estimated_value, opt(Amount{}),
                  "The lot's whole value, options and extensions included."),
            field("max_providers", &Lot::max_providers, nullable(Integer<>{{}, 1, 1000000000}),
                  "Most providers admitted; null: no cap."),
            field("products", &Lot::products, opt(list_of<Product>())));
    }
};

template <>
struct Fields<Publication> {
    static constexpr const char* what = "a publication";
    static constexpr const char* def = "publication";
    static constexpr const char* description = nullptr;
    static auto list() {
        using P = Publication;
        return std::make_tuple(
            field("kind", &P::kind, req(enumeration(publication_table))),
            field("date", &P::date, opt(Day{})),
            field("eforms_subtype", &P::eforms_subtype, opt(Integer<>{{}, 1, 100000})),
            field("continuous", &P::continuous, opt(Boolean{})),
            field("states_service_type", &P::states_service_type, opt(Boolean{})),
            field("states_award_without_further_publication", &P::states_award_without_further_publication, opt(Boolean{})),
            field("invites_written_interest", &P::invites_written_interest, opt(Boolean{})));
    }
};

template <>
struct Fields<Criterion> {
    static constexpr const char* what = "an award criterion";
    static constexpr const char* def = "criterion";
    static constexpr const char* description = nullptr;
    static auto list() {
        return std::make_tuple(field("name", &Criterion::name, req(Text{})),
                               field("kind", &Criterion::kind, opt(enumeration(criterion_table))),
                               field("weight", &Criterion::weight, opt(AmountDecimal{})),
                               field("order", &Criterion::order, opt(Integer<>{{}, 1, 1000000})));
    }
};

template <>
struct Fields<Award> {
    static constexpr const char* what = "award";
    static constexpr const char* def = "award";
    static constexpr const char* description = nullptr;
    static auto list() {
        return std::make_tuple(field("date", &Award::date, opt(Day{}), "Gunningsbeslissing."),
                               field("contract_concluded", &Award::contract_concluded, opt(Day{})),
                               field("basis", &Award::basis, opt(enumeration(award_basis_table))),
                               field("criteria", &Award::criteria, opt(list_of<Criterion>())),
                               field("continuity_considered", &Award::continuity_considered, opt(Boolean{}),
                                     "Wmo 2.6.5 lid 2."),
                               field("bundled_quarterly", &Award::bundled_quarterly, opt(Boolean{})));
    }
};

template <>
struct Fields<ContractClauses> {
    static constexpr const char* what = "contract_clauses";
    static constexpr const char* def = "contract_clauses";
    static constexpr const char* description = nullptr;
    static auto list() {
        using C = ContractClauses;
        return std::make_tuple(field("staff_takeover_consultation", &C::staff_takeover_consultation, opt(Boolean{})),
                               field("subcontracting_real_price", &C::subcontracting_real_price, opt(Boolean{})),
                               field("tariff_differentiation", &C::tariff_differentiation, opt(Boolean{})),
                               field("indexation", &C::indexation, opt(IndexationCodec{})));
    }
};

template <>
struct Fields<OpenHouseEntry> {
    static constexpr const char* what = "open_house.entry";
    static constexpr const char* def = nullptr;
    static constexpr const char* description = nullptr;
    static auto list() {
        return std::make_tuple(field("during_term", &OpenHouseEntry::during_term, opt(Boolean{})),
                               field("moments_per_year", &OpenHouseEntry::moments_per_year, opt(Integer<>{{}, 0, 366})));
    }
};

template <>
struct Fields<OpenHouse> {
    static constexpr const char* what = "open_house";
    static constexpr const char* def = "open_house";
    static constexpr const char* description = nullptr;
    static auto list() {
        using O = OpenHouse;
        return std::make_tuple(field("announced_publicly", &O::announced_publicly, opt(Boolean{})),
                               field("identical_conditions", &O::identical_conditions, opt(Boolean{})),
                               field("max_providers", &O::max_providers, nullable(Integer<>{{}, 1, 1000000000}),
                                     "Most providers admitted; null: no cap."),
                               field("ranking", &O::ranking, opt(Boolean{})),
                               field("client_chooses_provider", &O::client_chooses_provider, opt(Boolean{})),
                               field("entry", &O::entry, opt(Struct<OpenHouseEntry>{})));
    }
};

template <>
struct Fields<Continuity> {
    static constexpr const char* what = "continuity";
    static constexpr const char* def = "continuity";
    static constexpr const char* description = nullptr;
    static auto list() {
        return std::make_tuple(field("bridging_agreements", &Continuity::bridging_agreements, opt(Boolean{})));
    }
};

template <>
struct Fields<Modification> {
    static constexpr const char* what = "a modification";
    static constexpr const char* def = "modification";
    static constexpr const char* description = nullptr;
    static auto list() {
        using M = Modification;
        return std::make_tuple(field("date", &M::date, opt(Day{})), field("value", &M::value, opt(Amount{})),
                               field("changes_overall_nature", &M::changes_overall_nature, opt(Boolean{})),
                               field("route", &M::route, nullable(enumeration(route_table, true))));
    }
};

template <>
struct Fields<Expect> {
    static constexpr const char* what = "expect";
    static constexpr const char* def = "expect";
    static constexpr const char* description = "Expected findings, used by the test plugin.";
    static auto list() {
        return std::make_tuple(field("fires", &Expect::fires, opt(RuleIds{})),
                               field("silent", &Expect::silent, opt(RuleIds{})),
                               field("no_errors", &Expect::no_errors, opt(Boolean{})));
    }
};

template <>
struct Fields<Document> {
    static constexpr const char* what = "the document";
    static constexpr const char* def = nullptr;
    static constexpr const char* description = nullptr;
    static auto list() {
        using D = Document;
        return std::make_tuple(
            field("zorginkoop", &D::format_version, req(FormatVersion{}), "Format version."),
            field("id", &D::id, req(DocumentId{})),
            field("title", &D::title, opt(Text{})),
            field("law", &D::law, req(enumeration(zorginkoop::law_table))),
            field("authority", &D::authority, opt(Struct<Authority>{})),
            field("procedure", &D::procedure, opt(Struct<Procedure>{})),
            field("planning", &D::planning, opt(Struct<Planning>{})),
            field("estimated_value", &D::estimated_value, opt(Struct<EstimatedValue>{})),
            field("term", &D::term, opt(Struct<Term>{})),
            field("lots", &D::lots, opt(LotList{})),
            field("publications", &D::publications, opt(list_of<Publication>())),
            field("award", &D::award, opt(Struct<Award>{})),
            field("contract_clauses", &D::contract_clauses, opt(Struct<ContractClauses>{})),
            field("open_house", &D::open_house, opt(Struct<OpenHouse>{}),
                  "Open House conditions; evaluated only for procedure kind open_house."),
            field("continuity", &D::continuity, opt(Struct<Continuity>{})),
            field("modifications", &D::modifications, opt(list_of<Modification>())),
            field("expect", &D::expect, opt(Struct<Expect>{})));
    }
};

}  // namespace zorginkoop::io::fields
