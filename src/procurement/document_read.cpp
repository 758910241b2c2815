// Reading a procurement document (document-format.md) from its tree, strictly: unknown keys,
// wrong types, impossible dates, bad enumerations and malformed amounts are ParseErrors naming the
// path and, when read from text, line and column. Duplicate keys are refused by the YAML and JSON
// readers already.

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "zorginkoop/io/reader.hpp"
#include "zorginkoop/procurement/document.hpp"

namespace zorginkoop::procurement {

namespace {

template <class E, std::size_t N>
struct EnumTable {
    std::array<std::pair<E, const char*>, N> rows;
    const char* name(E v) const noexcept {
        for (const auto& r : rows)
            if (r.first == v) return r.second;
        return "?";
    }
};

constexpr EnumTable<Law, 2> law_table{{{{Law::jeugdwet, "jeugdwet"}, {Law::wmo2015, "wmo2015"}}}};
constexpr EnumTable<ProcedureKind, 8> kind_table{{{
    {ProcedureKind::sas, "sas"},
    {ProcedureKind::open_house, "open_house"},
    {ProcedureKind::european_open, "european_open"},
    {ProcedureKind::european_restricted, "european_restricted"},
    {ProcedureKind::european_competitive_dialogue, "european_competitive_dialogue"},
    {ProcedureKind::negotiated_without_notice, "negotiated_without_notice"},
    {ProcedureKind::below_threshold, "below_threshold"},
    {ProcedureKind::subsidy, "subsidy"},
}}};
constexpr EnumTable<FundingVariant, 3> variant_table{
    {{{FundingVariant::effort, "effort"}, {FundingVariant::output, "output"}, {FundingVariant::task, "task"}}}};
constexpr EnumTable<FundingForm, 6> form_table{{{
    {FundingForm::per_unit, "per_unit"},
    {FundingForm::availability, "availability"},
    {FundingForm::traject, "traject"},
    {FundingForm::result, "result"},
    {FundingForm::population, "population"},
    {FundingForm::cost_plus, "cost_plus"},
}}};
constexpr EnumTable<PriceBasis, 3> basis_table{
    {{{PriceBasis::fixed, "fixed"}, {PriceBasis::floor, "floor"}, {PriceBasis::substantiated, "substantiated"}}}};
constexpr EnumTable<ProviderCategory, 3> category_table{
    {{{ProviderCategory::A, "A"}, {ProviderCategory::B, "B"}, {ProviderCategory::C, "C"}}}};
constexpr EnumTable<PublicationKind, 6> publication_table{{{
    {PublicationKind::prior_information_notice, "prior_information_notice"},
    {PublicationKind::contract_notice, "contract_notice"},
    {PublicationKind::award_notice, "award_notice"},
    {PublicationKind::voluntary_ex_ante, "voluntary_ex_ante"},
    {PublicationKind::modification_notice, "modification_notice"},
    {PublicationKind::open_house_announcement, "open_house_announcement"},
}}};
constexpr EnumTable<AwardBasis, 4> award_basis_table{{{
    {AwardBasis::best_price_quality, "best_price_quality"},
    {AwardBasis::lowest_cost, "lowest_cost"},
    {AwardBasis::lowest_price, "lowest_price"},
    {AwardBasis::none, "none"},
}}};
constexpr EnumTable<CriterionKind, 3> criterion_table{
    {{{CriterionKind::quality, "quality"}, {CriterionKind::price, "price"}, {CriterionKind::cost, "cost"}}}};
constexpr EnumTable<ModificationRoute, 4> route_table{{{
    {ModificationRoute::r2_163b, "2.163b"},
    {ModificationRoute::r2_163c, "2.163c"},
    {ModificationRoute::r2_163d, "2.163d"},
    {ModificationRoute::r2_163e, "2.163e"},
}}};

/// Reads one document, recording the line and column of every field.
class DocReader {
public:
    DocReader(Document& doc, const ReadOptions& opt) : doc_(doc), opt_(opt) {}

    void mark(const io::Reader& r) {
        if (r.node().mark().line != 0) doc_.marks[r.path()] = r.node().mark();
    }

    // ---- scalars -------------------------------------------------------------------------
    std::string text(const io::Reader& r) {
        mark(r);
        if (!r.node().is_scalar()) r.fail("expected text, found " + std::string(io::Node::kind_name(r.node().kind())));
        if (r.node().style() == io::Node::Style::plain && (r.node().text() == "true" || r.node().text() == "false"))
            r.fail("expected text, found the boolean " + r.node().text() + " (quote it if it is meant as text)");
        return r.node().text();
    }
    bool boolean(const io::Reader& r) {
        mark(r);
        return r.boolean();
    }
    std::int64_t integer(const io::Reader& r, std::int64_t min, std::int64_t max) {
        mark(r);
        if (!r.node().is_scalar() || r.node().style() != io::Node::Style::plain)
            r.fail("expected a whole number" +
                   std::string(r.node().is_scalar() ? " (not quoted)" : ", found " + std::string(io::Node::kind_name(r.node().kind()))));
        const long long v = r.integer();
        if (v < min || v > max)
            r.fail("expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", found " +
                   std::to_string(v));
        return v;
    }
    Decimal decimal(const io::Reader& r) {
        mark(r);
        return r.decimal();
    }
    Money amount(const io::Reader& r) {
        const Decimal d = decimal(r);
        if (d < Decimal(0)) r.fail("an amount must not be negative, found " + d.to_string());
        return Money(d);
    }
    Date date(const io::Reader& r) {
        mark(r);
        if (!r.node().is_scalar()) r.fail("expected a date YYYY-MM-DD, found " + std::string(io::Node::kind_name(r.node().kind())));
        return r.date();
    }
    template <class E, std::size_t N>
    E enumeration(const io::Reader& r, const EnumTable<E, N>& table) {
        mark(r);
        if (!r.node().is_scalar()) r.fail("expected one of the words of the format, found " + std::string(io::Node::kind_name(r.node().kind())));
        const std::string& t = r.node().text();
        for (const auto& row : table.rows)
            if (t == row.second) return row.first;
        std::string list;
        for (const auto& row : table.rows) list += (list.empty() ? "" : ", ") + std::string(row.second);
        r.fail(zorginkoop::detail::quote_text(t) + " is not one of: " + list);
    }
    std::vector<std::string> text_list(const io::Reader& r, bool unique) {
        mark(r);
        std::vector<std::string> out;
        std::unordered_set<std::string> seen;
        for (const auto& item : r.items()) {
            std::string t = text(item);
            if (unique && !seen.insert(t).second) item.fail(zorginkoop::detail::quote_text(t) + " is listed twice");
            out.push_back(std::move(t));
        }
        return out;
    }

    // ---- optional members -------------------------------------------------------------------
    template <class F>
    auto opt(io::MapReader& m, std::string_view key, F&& read) -> std::optional<decltype(read(std::declval<io::Reader>()))> {
        auto r = m.get(key);
        if (!r) return std::nullopt;
        mark(*r);
        if (r->is_null()) return std::nullopt;
        return read(*r);
    }
    template <class F>
    auto nullable(io::MapReader& m, std::string_view key, F&& read)
        -> Nullable<decltype(read(std::declval<io::Reader>()))> {
        using T = decltype(read(std::declval<io::Reader>()));
        Nullable<T> out;  // built in place: GCC 12 warns (falsely) of an uninitialised copy otherwise
        auto r = m.get(key);
        if (!r) return out;
        mark(*r);
        out.emplace();
        if (!r->is_null()) out->emplace(read(*r));
        return out;
    }
    io::MapReader map(const io::Reader& r) {
        mark(r);
        return io::MapReader(r);
    }
    template <class F>
    auto list(const io::Reader& r, F&& read) -> std::vector<decltype(read(std::declval<io::Reader>()))> {
        mark(r);
        std::vector<decltype(read(std::declval<io::Reader>()))> out;
        for (const auto& item : r.items()) {
            mark(item);
            out.push_back(read(item));
        }
        return out;
    }

    // ---- sections ----------------------------------------------------------------------------
    Authority authority(const io::Reader& r) {
        auto m = map(r);
        Authority a;
        a.name = opt(m, "name", [&](const io::Reader& x) { return text(x); });
        a.municipalities = opt(m, "municipalities", [&](const io::Reader& x) { return text_list(x, true); });
        a.regiovisie = opt(m, "regiovisie", [&](const io::Reader& x) { return text(x); });
        m.finish("authority");
        return a;
    }

    Procedure procedure(const io::Reader& r) {
        auto m = map(r);
        Procedure p;
        auto b = [&](const io::Reader& x) { return boolean(x); };
        auto t = [&](const io::Reader& x) { return text(x); };
        p.kind = opt(m, "kind", [&](const io::Reader& x) { return enumeration(x, kind_table); });
        p.sas_option = opt(m, "sas_option", [&](const io::Reader& x) { return static_cast<int>(integer(x, 1, 4)); });
        p.framework_agreement = opt(m, "framework_agreement", b);
        p.cpv = opt(m, "cpv", [&](const io::Reader& x) {
            auto codes = text_list(x, true);
            const auto items = x.items();
            for (std::size_t i = 0; i < codes.size(); ++i) {
                const std::string& c = codes[i];
                bool ok = c.size() == 10 && c[8] == '-';
                for (std::size_t k = 0; ok && k < 10; ++k)
                    if (k != 8 && !std::isdigit(static_cast<unsigned char>(c[k]))) ok = false;
                if (!ok) items[i].fail(zorginkoop::detail::quote_text(c) + " is not a CPV code (8 digits, a hyphen and a check digit: 85311000-2)");
            }
            return codes;
        });
        p.cross_border_interest = opt(m, "cross_border_interest", b);
        p.exclusion_grounds = opt(m, "exclusion_grounds", b);
        p.suitability_requirements = opt(m, "suitability_requirements", b);
        p.self_declaration_required = opt(m, "self_declaration_required", b);
        p.award_record = opt(m, "award_record", b);
        p.standstill_days = nullable(m, "standstill_days", [&](const io::Reader& x) { return integer(x, 0, 100000); });
        p.lots_motivation = nullable(m, "lots_motivation", t);
        p.duration_justification = nullable(m, "duration_justification", t);
        p.price_route_accounted_to_council = opt(m, "price_route_accounted_to_council", b);
        m.finish("procedure");
        return p;
    }

    Planning planning(const io::Reader& r) {
        auto m = map(r);
        Planning p;
        p.started = opt(m, "started", [&](const io::Reader& x) { return date(x); });
        m.finish("planning");
        return p;
    }

    EstimatedValue estimated_value(const io::Reader& r) {
        auto m = map(r);
        EstimatedValue v;
        auto a = [&](const io::Reader& x) { return amount(x); };
        v.declared = opt(m, "declared", a);
        v.initial_term_value = opt(m, "initial_term_value", a);
        v.other_options_value = opt(m, "other_options_value", a);
        v.total_price_stated = opt(m, "total_price_stated", [&](const io::Reader& x) { return boolean(x); });
        v.monthly_amount = nullable(m, "monthly_amount", a);
        m.finish("estimated_value");
        return v;
    }

    Term term(const io::Reader& r) {
        auto m = map(r);
        Term t;
        t.start = opt(m, "start", [&](const io::Reader& x) { return date(x); });
        t.end = opt(m, "end", [&](const io::Reader& x) { return date(x); });
        t.indefinite = opt(m, "indefinite", [&](const io::Reader& x) { return boolean(x); });
        t.extensions = opt(m, "extensions", [&](const io::Reader& x) {
            return list(x, [&](const io::Reader& e) {
                auto em = map(e);
                Extension ext;
                ext.months = static_cast<int>(integer(em.require("months"), 1, 1200));
                ext.value = opt(em, "value", [&](const io::Reader& y) { return amount(y); });
                em.finish("an extension");
                return ext;
            });
        });
        m.finish("term");
        if (t.start && t.end && date::sys_days{*t.end} < date::sys_days{*t.start}) {
            auto end = r.node().find("end");
            io::Reader(*end, r.path() + ".end", r.source())
                .fail("the term ends (" + format_date(*t.end) + ") before it starts (" + format_date(*t.start) + ")");
        }
        return t;
    }

    Ceiling ceiling(const io::Reader& r) {
        if (r.node().is_mapping()) {
            auto m = map(r);
            Ceiling c;
            if (m.has("volume")) {
                c.kind = CeilingKind::volume;
                c.value = amount(m.require("volume")).amount();
            } else if (m.has("budget")) {
                c.kind = CeilingKind::budget;
                c.value = amount(m.require("budget")).amount();
            } else {
                r.fail("a ceiling mapping needs 'volume' or 'budget'");
            }
            m.finish("a ceiling (give either volume or budget)");
            return c;
        }
        Ceiling c;
        c.kind = CeilingKind::amount;
        c.value = amount(r).amount();
        return c;
    }

    /// A structural hash of a tree (kinds, texts, styles, keys; marks ignored), consistent with
    /// io::Node's ==, so that identical inline cost models are found without comparing each pair.
    static std::size_t tree_hash(const io::Node& n) {
        std::size_t h = static_cast<std::size_t>(n.kind()) * 31 + static_cast<std::size_t>(n.style());
        const auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
        mix(std::hash<std::string>{}(n.text()));
        for (const auto& i : n.items()) mix(tree_hash(i));
        for (const auto& m : n.members()) {
            mix(std::hash<std::string>{}(m.key));
            mix(tree_hash(m.value));
        }
        return h;
    }

    /// The model of an inline tree: read by the tariff module once per distinct tree.
    std::shared_ptr<const CostModel> inline_model(const io::Reader& r) {
        auto& same_hash = inline_models_[tree_hash(r.node())];
        for (const auto& [node, model] : same_hash)
            if (*node == r.node()) return model;
        auto model = std::make_shared<const CostModel>(CostModel::from_node(r.node(), r.source(), r.path()));
        same_hash.emplace_back(&r.node(), model);
        return model;
    }

    CostModelRef cost_model(const io::Reader& r) {
        mark(r);
        CostModelRef c;
        if (r.node().is_mapping()) {
            c.source = r.source();
            c.model = inline_model(r);
            c.loaded = true;
            return c;
        }
        if (!r.node().is_scalar() || r.node().text().empty())
            r.fail("expected the path of a cost model file or the model inline, found " +
                   std::string(io::Node::kind_name(r.node().kind())));
        c.path = r.node().text();
        if (!opt_.load_cost_models) return c;
        std::string full = *c.path;
        if (!full.empty() && full.front() != '/' && !opt_.base_dir.empty()) full = opt_.base_dir + "/" + full;
        c.source = full;
        c.loaded = true;
        if (const auto it = file_models_.find(full); it != file_models_.end()) {
            c.model = it->second;
            return c;
        }
        io::Node node;
        try {
            node = io::read_file(full, opt_.limits);
        } catch (const Error& e) {
            if (e.where().line != 0) throw;  // a problem inside the model file: its own location
            r.fail("cannot read the cost model " + zorginkoop::detail::quote_text(*c.path, 200) + ": " + e.message());
        }
        if (!node.is_mapping()) r.fail("the cost model " + zorginkoop::detail::quote_text(*c.path, 200) + " is not a mapping");
        c.model = std::make_shared<const CostModel>(CostModel::from_node(node, full, r.path()));
        file_models_.emplace(full, c.model);
        return c;
    }

    Product product(const io::Reader& r) {
        auto m = map(r);
        Product p;
        auto t = [&](const io::Reader& x) { return text(x); };
        auto b = [&](const io::Reader& x) { return boolean(x); };
        p.code = opt(m, "code", t);
        p.category = opt(m, "category", t);
        p.name = opt(m, "name", t);
        p.funding = opt(m, "funding", [&](const io::Reader& x) { return enumeration(x, variant_table); });
        p.funding_form = opt(m, "funding_form", [&](const io::Reader& x) { return enumeration(x, form_table); });
        p.unit_text = opt(m, "unit", t);
        if (p.unit_text) p.unit = ijw::find_unit(*p.unit_text);
        p.tariff = opt(m, "tariff", [&](const io::Reader& x) { return Money(decimal(x)); });
        p.declared_per_minute = opt(m, "declared_per_minute", b);
        p.price_basis = opt(m, "price_basis", [&](const io::Reader& x) { return enumeration(x, basis_table); });
        p.cost_model = opt(m, "cost_model", [&](const io::Reader& x) { return cost_model(x); });
        p.ceiling = nullable(m, "ceiling", [&](const io::Reader& x) { return ceiling(x); });
        m.finish("a product");
        return p;
    }

    Lot lot(const io::Reader& r) {
        auto m = map(r);
        Lot l;
        const io::Reader id = m.require("id");
        mark(id);
        if (!id.node().is_scalar()) id.fail("expected a lot id (text or a whole number)");
        l.id = id.node().text();
        if (id.node().style() == io::Node::Style::plain) {
            bool digits = !l.id.empty();
            for (char c : l.id)
                if (!std::isdigit(static_cast<unsigned char>(c))) digits = false;
            if (l.id == "true" || l.id == "false") id.fail("expected a lot id (text or a whole number), found a boolean");
            l.id_is_number = digits;
        }
        l.title = opt(m, "title", [&](const io::Reader& x) { return text(x); });
        l.provider_category = opt(m, "provider_category", [&](const io::Reader& x) { return enumeration(x, category_table); });
        l.estimated_value = opt(m, "estimated_value", [&](const io::Reader& x) { return amount(x); });
        l.max_providers = nullable(m, "max_providers", [&](const io::Reader& x) { return integer(x, 1, 1000000000); });
        l.products = opt(m, "products", [&](const io::Reader& x) { return list(x, [&](const io::Reader& p) { return product(p); }); });
        m.finish("a lot");
        return l;
    }

    Publication publication(const io::Reader& r) {
        auto m = map(r);
        Publication p;
        auto b = [&](const io::Reader& x) { return boolean(x); };
        p.kind = enumeration(m.require("kind"), publication_table);
        p.date = opt(m, "date", [&](const io::Reader& x) { return date(x); });
        p.eforms_subtype = opt(m, "eforms_subtype", [&](const io::Reader& x) { return integer(x, 1, 100000); });
        p.continuous = opt(m, "continuous", b);
        p.states_service_type = opt(m, "states_service_type", b);
        p.states_award_without_further_publication = opt(m, "states_award_without_further_publication", b);
        p.invites_written_interest = opt(m, "invites_written_interest", b);
        m.finish("a publication");
        return p;
    }

    Award award(const io::Reader& r) {
        auto m = map(r);
        Award a;
        auto b = [&](const io::Reader& x) { return boolean(x); };
        a.date = opt(m, "date", [&](const io::Reader& x) { return date(x); });
        a.contract_concluded = opt(m, "contract_concluded", [&](const io::Reader& x) { return date(x); });
        a.basis = opt(m, "basis", [&](const io::Reader& x) { return enumeration(x, award_basis_table); });
        a.criteria = opt(m, "criteria", [&](const io::Reader& x) {
            return list(x, [&](const io::Reader& c) {
                auto cm = map(c);
                Criterion k;
                k.name = text(cm.require("name"));
                k.kind = opt(cm, "kind", [&](const io::Reader& y) { return enumeration(y, criterion_table); });
                k.weight = opt(cm, "weight", [&](const io::Reader& y) { return amount(y).amount(); });
                k.order = opt(cm, "order", [&](const io::Reader& y) { return integer(y, 1, 1000000); });
                cm.finish("an award criterion");
                return k;
            });
        });
        a.continuity_considered = opt(m, "continuity_considered", b);
        a.bundled_quarterly = opt(m, "bundled_quarterly", b);
        m.finish("award");
        return a;
    }

    /// The indexation clause, read by the indexation module's reader. Its fields are marked
    /// for locations like every other field.
    IndexationClause indexation(const io::Reader& r) {
        mark_tree(r);
        // A clause file may wrap the clause in `indexation:`; inside a document that is an unknown key.
        for (const auto& m : r.node().members())
            if (m.key == "indexation") r.member(m).fail("unknown key 'indexation' in the indexation clause");
        return IndexationClause::from_node(r);
    }
    void mark_tree(const io::Reader& r) {
        mark(r);
        if (r.node().is_sequence())
            for (const auto& i : r.items()) mark_tree(i);
        else if (r.node().is_mapping())
            for (const auto& m : r.node().members()) mark_tree(r.member(m));
    }

    ContractClauses clauses(const io::Reader& r) {
        auto m = map(r);
        ContractClauses c;
        auto b = [&](const io::Reader& x) { return boolean(x); };
        c.staff_takeover_consultation = opt(m, "staff_takeover_consultation", b);
        c.subcontracting_real_price = opt(m, "subcontracting_real_price", b);
        c.tariff_differentiation = opt(m, "tariff_differentiation", b);
        c.indexation = opt(m, "indexation", [&](const io::Reader& x) { return indexation(x); });
        m.finish("contract_clauses");
        return c;
    }

    OpenHouse open_house(const io::Reader& r) {
        auto m = map(r);
        OpenHouse o;
        auto b = [&](const io::Reader& x) { return boolean(x); };
        o.announced_publicly = opt(m, "announced_publicly", b);
        o.identical_conditions = opt(m, "identical_conditions", b);
        o.max_providers = nullable(m, "max_providers", [&](const io::Reader& x) { return integer(x, 1, 1000000000); });
        o.ranking = opt(m, "ranking", b);
        o.client_chooses_provider = opt(m, "client_chooses_provider", b);
        o.entry = opt(m, "entry", [&](const io::Reader& x) {
            auto em = map(x);
            OpenHouseEntry e;
            e.during_term = opt(em, "during_term", b);
            e.moments_per_year = opt(em, "moments_per_year", [&](const io::Reader& y) { return integer(y, 0, 366); });
            em.finish("open_house.entry");
            return e;
        });
        m.finish("open_house");
        return o;
    }

    Continuity continuity(const io::Reader& r) {
        auto m = map(r);
        Continuity c;
        c.bridging_agreements = opt(m, "bridging_agreements", [&](const io::Reader& x) { return boolean(x); });
        m.finish("continuity");
        return c;
    }

    Modification modification(const io::Reader& r) {
        auto m = map(r);
        Modification x;
        x.date = opt(m, "date", [&](const io::Reader& y) { return date(y); });
        x.value = opt(m, "value", [&](const io::Reader& y) { return amount(y); });
        x.changes_overall_nature = opt(m, "changes_overall_nature", [&](const io::Reader& y) { return boolean(y); });
        x.route = nullable(m, "route", [&](const io::Reader& y) { return enumeration(y, route_table); });
        m.finish("a modification");
        return x;
    }

    std::vector<std::string> rule_ids(const io::Reader& r) {
        auto ids = text_list(r, true);
        const auto items = r.items();
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const std::string& s = ids[i];
            const auto dash = s.find('-');
            bool ok = dash != std::string::npos && dash > 0 && s.size() == dash + 4;
            for (std::size_t k = 0; ok && k < dash; ++k)
                if (!std::isupper(static_cast<unsigned char>(s[k]))) ok = false;
            for (std::size_t k = dash + 1; ok && k < s.size(); ++k)
                if (!std::isdigit(static_cast<unsigned char>(s[k]))) ok = false;
            if (!ok) items[i].fail(zorginkoop::detail::quote_text(s) + " is not a rule id (such as SAS-003)");
        }
        return ids;
    }

    Expect expect(const io::Reader& r) {
        auto m = map(r);
        Expect e;
        e.fires = opt(m, "fires", [&](const io::Reader& x) { return rule_ids(x); });
        e.silent = opt(m, "silent", [&](const io::Reader& x) { return rule_ids(x); });
        e.no_errors = opt(m, "no_errors", [&](const io::Reader& x) { return boolean(x); });
        m.finish("expect");
        return e;
    }

    void document(const io::Reader& r) {
        auto m = map(r);
        const io::Reader version = m.require("zorginkoop");
        if (!version.node().is_scalar() || version.node().style() != io::Node::Style::plain || version.node().text() != "1")
            version.fail("unsupported format version (expected zorginkoop: 1)");
        mark(version);
        doc_.format_version = 1;
        const io::Reader id = m.require("id");
        doc_.id = text(id);
        if (doc_.id.empty()) id.fail("the document id must not be empty");
        doc_.title = opt(m, "title", [&](const io::Reader& x) { return text(x); });
        doc_.law = enumeration(m.require("law"), law_table);
        doc_.authority = opt(m, "authority", [&](const io::Reader& x) { return authority(x); });
        doc_.procedure = opt(m, "procedure", [&](const io::Reader& x) { return procedure(x); });
        doc_.planning = opt(m, "planning", [&](const io::Reader& x) { return planning(x); });
        doc_.estimated_value = opt(m, "estimated_value", [&](const io::Reader& x) { return estimated_value(x); });
        doc_.term = opt(m, "term", [&](const io::Reader& x) { return term(x); });
        doc_.lots = opt(m, "lots", [&](const io::Reader& x) { return list(x, [&](const io::Reader& l) { return lot(l); }); });
        if (doc_.lots) {
            // One pass with a hash set: documents with many lots stay linear.
            const io::Node& lots = *r.node().find("lots");
            std::unordered_set<std::string_view> seen;
            seen.reserve(doc_.lots->size());
            for (std::size_t i = 0; i < doc_.lots->size(); ++i)
                if (!seen.insert((*doc_.lots)[i].id).second)
                    io::Reader(lots.items()[i], "lots[" + std::to_string(i) + "]", r.source())
                        .fail("lot id " + zorginkoop::detail::quote_text((*doc_.lots)[i].id) + " is used twice");
        }
        doc_.publications = opt(m, "publications", [&](const io::Reader& x) {
            return list(x, [&](const io::Reader& p) { return publication(p); });
        });
        doc_.award = opt(m, "award", [&](const io::Reader& x) { return award(x); });
        doc_.contract_clauses = opt(m, "contract_clauses", [&](const io::Reader& x) { return clauses(x); });
        doc_.open_house = opt(m, "open_house", [&](const io::Reader& x) { return open_house(x); });
        doc_.continuity = opt(m, "continuity", [&](const io::Reader& x) { return continuity(x); });
        doc_.modifications = opt(m, "modifications", [&](const io::Reader& x) {
            return list(x, [&](const io::Reader& y) { return modification(y); });
        });
        doc_.expect = opt(m, "expect", [&](const io::Reader& x) { return expect(x); });
        m.finish("the document");
    }

private:
    Document& doc_;
    const ReadOptions& opt_;
    // Cost models read so far: by file, and inline by tree (the trees live as long as the read).
    std::unordered_map<std::string, std::shared_ptr<const CostModel>> file_models_;
    std::unordered_map<std::size_t, std::vector<std::pair<const io::Node*, std::shared_ptr<const CostModel>>>>
        inline_models_;
};

std::string directory_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return {};
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

}  // namespace

const char* name(Law v) noexcept { return law_table.name(v); }
const char* name(ProcedureKind v) noexcept { return kind_table.name(v); }
const char* name(FundingVariant v) noexcept { return variant_table.name(v); }
const char* name(FundingForm v) noexcept { return form_table.name(v); }
const char* name(PriceBasis v) noexcept { return basis_table.name(v); }
const char* name(ProviderCategory v) noexcept { return category_table.name(v); }
const char* name(PublicationKind v) noexcept { return publication_table.name(v); }
const char* name(AwardBasis v) noexcept { return award_basis_table.name(v); }
const char* name(CriterionKind v) noexcept { return criterion_table.name(v); }
const char* name(ModificationRoute v) noexcept { return route_table.name(v); }

bool is_full_regime(ProcedureKind k) noexcept {
    return k == ProcedureKind::european_open || k == ProcedureKind::european_restricted ||
           k == ProcedureKind::european_competitive_dialogue;
}
bool is_tendered(ProcedureKind k) noexcept { return k != ProcedureKind::open_house && k != ProcedureKind::subsidy; }

Location Document::location(const std::string& path) const {
    // The path itself, else its nearest recorded ancestor; looked up without copying the prefixes.
    std::string_view p = path;
    while (true) {
        auto it = marks.find(p);
        if (it != marks.end()) return Location::at(path).in(source).on(it->second);
        if (p.empty()) break;
        const auto cut = p.find_last_of(".[");
        p = cut == std::string_view::npos ? std::string_view() : p.substr(0, cut);
    }
    return Location::at(path).in(source);
}

Document read_document(const io::Node& root, const std::string& source, const ReadOptions& options) {
    Document doc;
    doc.source = source;
    DocReader reader(doc, options);
    reader.document(io::Reader(root, "", source));
    return doc;
}

Document parse_document_yaml(std::string_view text, const std::string& source, const ReadOptions& options) {
    return read_document(io::parse_yaml(text, source, options.limits), source, options);
}

Document parse_document_json(std::string_view text, const std::string& source, const ReadOptions& options) {
    return read_document(io::parse_json(text, source, options.limits), source, options);
}

Document load_document(const std::string& path, ReadOptions options) {
    if (options.base_dir.empty()) options.base_dir = directory_of(path);
    return read_document(io::read_file(path, options.limits), path, options);
}

}  // namespace zorginkoop::procurement
