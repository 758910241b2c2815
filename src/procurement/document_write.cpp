// Writing a procurement document back as a tree (Document::to_node), and field-by-field equality.

#include "zorginkoop/procurement/document.hpp"

namespace zorginkoop::procurement {

namespace {

using io::Node;

Node quoted(const std::string& s) { return Node::scalar(s, Node::Style::quoted); }
Node plain(const std::string& s) { return Node::scalar(s, Node::Style::plain); }
Node boolean(bool b) { return plain(b ? "true" : "false"); }
Node integer(std::int64_t v) { return plain(std::to_string(v)); }
Node day(const Date& d) { return quoted(format_date(d)); }
Node amount(const Money& m) { return quoted(m.to_string()); }
Node decimal(const Decimal& d) { return quoted(d.to_string()); }

/// A mapping builder that skips absent fields.
struct Map {
    Node node = Node::mapping();
    void set(const std::string& key, Node value) { node.add(key, std::move(value)); }
    template <class T, class F>
    void opt(const std::string& key, const std::optional<T>& v, F&& write) {
        if (v) node.add(key, write(*v));
    }
    template <class T, class F>
    void nullable(const std::string& key, const Nullable<T>& v, F&& write) {
        if (!v) return;
        node.add(key, *v ? write(**v) : Node::null());
    }
};

template <class T, class F>
Node seq(const std::vector<T>& items, F&& write) {
    Node n = Node::sequence();
    for (const auto& i : items) n.push_back(write(i));
    return n;
}

Node texts(const std::vector<std::string>& v) { return seq(v, quoted); }

Node product_node(const Product& p) {
    Map m;
    m.opt("code", p.code, quoted);
    m.opt("category", p.category, quoted);
    m.opt("name", p.name, quoted);
    m.opt("funding", p.funding, [](FundingVariant v) { return plain(name(v)); });
    m.opt("funding_form", p.funding_form, [](FundingForm v) { return plain(name(v)); });
    m.opt("unit", p.unit_text, quoted);
    m.opt("tariff", p.tariff, amount);
    m.opt("declared_per_minute", p.declared_per_minute, boolean);
    m.opt("price_basis", p.price_basis, [](PriceBasis v) { return plain(name(v)); });
    m.opt("cost_model", p.cost_model, [](const CostModelRef& c) {
        return c.path ? quoted(*c.path) : c.model ? c.model->to_node() : Node::null();
    });
    m.nullable("ceiling", p.ceiling, [](const Ceiling& c) {
        if (c.kind == CeilingKind::amount) return decimal(c.value);
        Node n = Node::mapping();
        n.add(c.kind == CeilingKind::volume ? "volume" : "budget", decimal(c.value));
        return n;
    });
    return m.node;
}

Node lot_node(const Lot& l) {
    Map m;
    m.set("id", l.id_is_number ? plain(l.id) : quoted(l.id));
    m.opt("title", l.title, quoted);
    m.opt("provider_category", l.provider_category, [](ProviderCategory v) { return plain(name(v)); });
    m.opt("estimated_value", l.estimated_value, amount);
    m.nullable("max_providers", l.max_providers, integer);
    m.opt("products", l.products, [](const std::vector<Product>& v) { return seq(v, product_node); });
    return m.node;
}

Node publication_node(const Publication& p) {
    Map m;
    m.set("kind", plain(name(p.kind)));
    m.opt("date", p.date, day);
    m.opt("eforms_subtype", p.eforms_subtype, integer);
    m.opt("continuous", p.continuous, boolean);
    m.opt("states_service_type", p.states_service_type, boolean);
    m.opt("states_award_without_further_publication", p.states_award_without_further_publication, boolean);
    m.opt("invites_written_interest", p.invites_written_interest, boolean);
    return m.node;
}

Node criterion_node(const Criterion& c) {
    Map m;
    m.set("name", quoted(c.name));
    m.opt("kind", c.kind, [](CriterionKind v) { return plain(name(v)); });
    m.opt("weight", c.weight, decimal);
    m.opt("order", c.order, integer);
    return m.node;
}

// ---- equality -----------------------------------------------------------------------------

bool eq(const Authority& a, const Authority& b) {
    return a.name == b.name && a.municipalities == b.municipalities && a.regiovisie == b.regiovisie;
}
bool eq(const Procedure& a, const Procedure& b) {
    return a.kind == b.kind && a.sas_option == b.sas_option && a.framework_agreement == b.framework_agreement &&
           a.cpv == b.cpv && a.cross_border_interest == b.cross_border_interest &&
           a.exclusion_grounds == b.exclusion_grounds && a.suitability_requirements == b.suitability_requirements &&
           a.self_declaration_required == b.self_declaration_required && a.award_record == b.award_record &&
           a.standstill_days == b.standstill_days && a.lots_motivation == b.lots_motivation &&
           a.duration_justification == b.duration_justification &&
           a.price_route_accounted_to_council == b.price_route_accounted_to_council;
}
bool eq(const Planning& a, const Planning& b) { return a.started == b.started; }
bool eq(const EstimatedValue& a, const EstimatedValue& b) {
    return a.declared == b.declared && a.initial_term_value == b.initial_term_value &&
           a.other_options_value == b.other_options_value && a.total_price_stated == b.total_price_stated &&
           a.monthly_amount == b.monthly_amount;
}
bool eq(const Extension& a, const Extension& b) { return a.months == b.months && a.value == b.value; }
bool eq(const Term& a, const Term& b);
bool eq(const Ceiling& a, const Ceiling& b) { return a.kind == b.kind && a.value == b.value; }
bool eq(const CostModelRef& a, const CostModelRef& b) {
    if (a.path != b.path || a.loaded != b.loaded || !a.model != !b.model) return false;
    return !a.model || a.model == b.model || *a.model == *b.model;
}
bool eq(const Product& a, const Product& b);
bool eq(const Lot& a, const Lot& b);
bool eq(const Publication& a, const Publication& b) {
    return a.kind == b.kind && a.date == b.date && a.eforms_subtype == b.eforms_subtype && a.continuous == b.continuous &&
           a.states_service_type == b.states_service_type &&
           a.states_award_without_further_publication == b.states_award_without_further_publication &&
           a.invites_written_interest == b.invites_written_interest;
}
bool eq(const Criterion& a, const Criterion& b) {
    return a.name == b.name && a.kind == b.kind && a.weight == b.weight && a.order == b.order;
}
bool eq(const Award& a, const Award& b);
bool eq(const ContractClauses& a, const ContractClauses& b) {
    return a.indexation == b.indexation && a.staff_takeover_consultation == b.staff_takeover_consultation &&
           a.subcontracting_real_price == b.subcontracting_real_price &&
           a.tariff_differentiation == b.tariff_differentiation;
}
bool eq(const OpenHouseEntry& a, const OpenHouseEntry& b) {
    return a.during_term == b.during_term && a.moments_per_year == b.moments_per_year;
}
bool eq(const OpenHouse& a, const OpenHouse& b);
bool eq(const Continuity& a, const Continuity& b) { return a.bridging_agreements == b.bridging_agreements; }
bool eq(const Modification& a, const Modification& b) {
    return a.date == b.date && a.value == b.value && a.changes_overall_nature == b.changes_overall_nature &&
           a.route == b.route;
}
bool eq(const Expect& a, const Expect& b) { return a.fires == b.fires && a.silent == b.silent && a.no_errors == b.no_errors; }

template <class T>
bool eq(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!eq(a[i], b[i])) return false;
    return true;
}
template <class T>
bool eq(const std::optional<T>& a, const std::optional<T>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || eq(*a, *b);
}

bool eq(const Term& a, const Term& b) {
    return a.start == b.start && a.end == b.end && a.indefinite == b.indefinite && eq(a.extensions, b.extensions);
}
bool eq(const Product& a, const Product& b) {
    return a.code == b.code && a.category == b.category && a.name == b.name && a.funding == b.funding &&
           a.funding_form == b.funding_form && a.unit_text == b.unit_text && a.unit == b.unit && a.tariff == b.tariff &&
           a.declared_per_minute == b.declared_per_minute && a.price_basis == b.price_basis &&
           eq(a.cost_model, b.cost_model) && eq(a.ceiling, b.ceiling);
}
bool eq(const Lot& a, const Lot& b) {
    return a.id == b.id && a.id_is_number == b.id_is_number && a.title == b.title &&
           a.provider_category == b.provider_category && a.estimated_value == b.estimated_value &&
           a.max_providers == b.max_providers && eq(a.products, b.products);
}
bool eq(const Award& a, const Award& b) {
    return a.date == b.date && a.contract_concluded == b.contract_concluded && a.basis == b.basis &&
           eq(a.criteria, b.criteria) && a.continuity_considered == b.continuity_considered &&
           a.bundled_quarterly == b.bundled_quarterly;
}
bool eq(const OpenHouse& a, const OpenHouse& b) {
    return a.announced_publicly == b.announced_publicly && a.identical_conditions == b.identical_conditions &&
           a.max_providers == b.max_providers && a.ranking == b.ranking &&
           a.client_chooses_provider == b.client_chooses_provider && eq(a.entry, b.entry);
}

}  // namespace

Node Document::to_node() const {
    Map m;
    m.set("zorginkoop", integer(format_version));
    m.set("id", quoted(id));
    m.opt("title", title, quoted);
    m.set("law", plain(name(law)));
    m.opt("authority", authority, [](const Authority& a) {
        Map x;
        x.opt("name", a.name, quoted);
        x.opt("municipalities", a.municipalities, texts);
        x.opt("regiovisie", a.regiovisie, quoted);
        return x.node;
    });
    m.opt("procedure", procedure, [](const Procedure& p) {
        Map x;
        x.opt("kind", p.kind, [](ProcedureKind k) { return plain(name(k)); });
        x.opt("sas_option", p.sas_option, [](int v) { return integer(v); });
        x.opt("framework_agreement", p.framework_agreement, boolean);
        x.opt("cpv", p.cpv, texts);
        x.opt("cross_border_interest", p.cross_border_interest, boolean);
        x.opt("exclusion_grounds", p.exclusion_grounds, boolean);
        x.opt("suitability_requirements", p.suitability_requirements, boolean);
        x.opt("self_declaration_required", p.self_declaration_required, boolean);
        x.opt("award_record", p.award_record, boolean);
        x.nullable("standstill_days", p.standstill_days, integer);
        x.nullable("lots_motivation", p.lots_motivation, quoted);
        x.nullable("duration_justification", p.duration_justification, quoted);
        x.opt("price_route_accounted_to_council", p.price_route_accounted_to_council, boolean);
        return x.node;
    });
    m.opt("planning", planning, [](const Planning& p) {
        Map x;
        x.opt("started", p.started, day);
        return x.node;
    });
    m.opt("estimated_value", estimated_value, [](const EstimatedValue& v) {
        Map x;
        x.opt("declared", v.declared, amount);
        x.opt("initial_term_value", v.initial_term_value, amount);
        x.opt("other_options_value", v.other_options_value, amount);
        x.opt("total_price_stated", v.total_price_stated, boolean);
        x.nullable("monthly_amount", v.monthly_amount, amount);
        return x.node;
    });
    m.opt("term", term, [](const Term& t) {
        Map x;
        x.opt("start", t.start, day);
        x.opt("end", t.end, day);
        x.opt("indefinite", t.indefinite, boolean);
        x.opt("extensions", t.extensions, [](const std::vector<Extension>& v) {
            return seq(v, [](const Extension& e) {
                Map y;
                y.set("months", integer(e.months));
                y.opt("value", e.value, amount);
                return y.node;
            });
        });
        return x.node;
    });
    m.opt("lots", lots, [](const std::vector<Lot>& v) { return seq(v, lot_node); });
    m.opt("publications", publications, [](const std::vector<Publication>& v) { return seq(v, publication_node); });
    m.opt("award", award, [](const Award& a) {
        Map x;
        x.opt("date", a.date, day);
        x.opt("contract_concluded", a.contract_concluded, day);
        x.opt("basis", a.basis, [](AwardBasis b) { return plain(name(b)); });
        x.opt("criteria", a.criteria, [](const std::vector<Criterion>& v) { return seq(v, criterion_node); });
        x.opt("continuity_considered", a.continuity_considered, boolean);
        x.opt("bundled_quarterly", a.bundled_quarterly, boolean);
        return x.node;
    });
    m.opt("contract_clauses", contract_clauses, [](const ContractClauses& c) {
        Map x;
        x.opt("staff_takeover_consultation", c.staff_takeover_consultation, boolean);
        x.opt("subcontracting_real_price", c.subcontracting_real_price, boolean);
        x.opt("tariff_differentiation", c.tariff_differentiation, boolean);
        x.opt("indexation", c.indexation, [](const IndexationClause& k) { return k.to_node(); });
        return x.node;
    });
    m.opt("open_house", open_house, [](const OpenHouse& o) {
        Map x;
        x.opt("announced_publicly", o.announced_publicly, boolean);
        x.opt("identical_conditions", o.identical_conditions, boolean);
        x.nullable("max_providers", o.max_providers, integer);
        x.opt("ranking", o.ranking, boolean);
        x.opt("client_chooses_provider", o.client_chooses_provider, boolean);
        x.opt("entry", o.entry, [](const OpenHouseEntry& e) {
            Map y;
            y.opt("during_term", e.during_term, boolean);
            y.opt("moments_per_year", e.moments_per_year, integer);
            return y.node;
        });
        return x.node;
    });
    m.opt("continuity", continuity, [](const Continuity& c) {
        Map x;
        x.opt("bridging_agreements", c.bridging_agreements, boolean);
        return x.node;
    });
    m.opt("modifications", modifications, [](const std::vector<Modification>& v) {
        return seq(v, [](const Modification& mo) {
            Map x;
            x.opt("date", mo.date, day);
            x.opt("value", mo.value, amount);
            x.opt("changes_overall_nature", mo.changes_overall_nature, boolean);
            x.nullable("route", mo.route, [](ModificationRoute r) { return quoted(name(r)); });
            return x.node;
        });
    });
    m.opt("expect", expect, [](const Expect& e) {
        Map x;
        x.opt("fires", e.fires, texts);
        x.opt("silent", e.silent, texts);
        x.opt("no_errors", e.no_errors, boolean);
        return x.node;
    });
    return m.node;
}

bool operator==(const Document& a, const Document& b) {
    return a.format_version == b.format_version && a.id == b.id && a.title == b.title && a.law == b.law &&
           eq(a.authority, b.authority) && eq(a.procedure, b.procedure) && eq(a.planning, b.planning) &&
           eq(a.estimated_value, b.estimated_value) && eq(a.term, b.term) && eq(a.lots, b.lots) &&
           eq(a.publications, b.publications) && eq(a.award, b.award) && eq(a.contract_clauses, b.contract_clauses) &&
           eq(a.open_house, b.open_house) && eq(a.continuity, b.continuity) && eq(a.modifications, b.modifications) &&
           eq(a.expect, b.expect);
}

}  // namespace zorginkoop::procurement
