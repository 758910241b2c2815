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
#include "document_fields.hpp"

namespace zorginkoop::procurement {

namespace {

using namespace fields;  // the enumeration tables and the field tables

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

    // ---- structs (document_fields.hpp) ---------------------------------------------------------
    /// Checks across the fields of a struct, after its keys were read.
    template <class S>
    void check(const S&, const io::Reader&) {}
    void check(const Term& t, const io::Reader& r) {
        if (t.start && t.end && date::sys_days{*t.end} < date::sys_days{*t.start}) {
            auto end = r.node().find("end");
            io::Reader(*end, r.path() + ".end", r.source())
                .fail("the term ends (" + format_date(*t.end) + ") before it starts (" + format_date(*t.start) + ")");
        }
    }

    // ---- the codecs that are not generic (named in the field tables) --------------------------
    int format_version(const io::Reader& version) {
        if (!version.node().is_scalar() || version.node().style() != io::Node::Style::plain || version.node().text() != "1")
            version.fail("unsupported format version (expected zorginkoop: 1)");
        mark(version);
        return 1;
    }

    std::vector<std::string> cpv_list(const io::Reader& x) {
        auto codes = text_list(x, true);
        const auto items = x.items();
        for (std::size_t i = 0; i < codes.size(); ++i) {
            const std::string& c = codes[i];
            // With its check digit (85311000-2) or without, as eForms notices write it (85311000).
            bool ok = c.size() == 8 || (c.size() == 10 && c[8] == '-');
            for (std::size_t k = 0; ok && k < c.size(); ++k)
                if (k != 8 && !std::isdigit(static_cast<unsigned char>(c[k]))) ok = false;
            if (!ok)
                items[i].fail(zorginkoop::detail::quote_text(c) +
                              " is not a CPV code (8 digits, optionally a hyphen and a check digit: 85311000-2)");
            // Each code once: 85311000 and 85311000-2 are the same code.
            for (std::size_t j = 0; j < i; ++j)
                if (codes[j].compare(0, 8, c, 0, 8) == 0)
                    items[i].fail("CPV code " + zorginkoop::detail::quote_text(c) + " is listed twice (as " +
                                  zorginkoop::detail::quote_text(codes[j]) + " before)");
        }
        return codes;
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

    void lot_id(const io::Reader& id, Lot& l) {
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
    }

    /// Lot ids are used once: one pass with a hash set, so documents with many lots stay linear.
    void lots_used_once(const std::vector<Lot>& lots, const io::Reader& r) {
        std::unordered_set<std::string_view> seen;
        seen.reserve(lots.size());
        for (std::size_t i = 0; i < lots.size(); ++i)
            if (!seen.insert(lots[i].id).second)
                io::Reader(r.node().items()[i], r.path() + "[" + std::to_string(i) + "]", r.source())
                    .fail("lot id " + zorginkoop::detail::quote_text(lots[i].id) + " is used twice");
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

    void document(const io::Reader& r) {
        auto m = map(r);
        read_fields(*this, m, doc_);
        m.finish(io::fields::Fields<Document>::what);
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
const char* name(PriceBasis v) noexcept { return price_basis_table.name(v); }
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
