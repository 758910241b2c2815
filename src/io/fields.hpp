#pragma once
// Internal (not installed): the field-table engine every format can use. A format lists each of
// its structs once, as a table Fields<S>::list(): one row per key, in the order the format reads
// and writes them, with the member it fills and the codec that reads, writes, compares and
// describes (JSON Schema) its value. read_fields, write_fields, equal_fields and struct_schema
// walk a table with a C++17 fold; field_paths lists its keys (for the documentation tests).
//
// A codec of a value (Text, Boolean, Integer, Amount, ...) has
//   T read(Ctx&, const io::Reader&)  -- Ctx is the format's reader, which marks and checks
//   io::Node write(const T&)
//   bool equal(const T&, const T&)
//   io::Node schema(Defs&)           -- the JSON Schema of the value; named definitions go to Defs
// and is wrapped by Opt (std::optional member), Null (Nullable member) or Req (required member).
// A format adds its own codecs for values that fit no generic one; a codec that reads and writes
// several members of a struct is a WholeField row.
//
// The Ctx of a format provides what the generic codecs call: text, boolean, integer(r, min, max),
// amount, decimal, date, enumeration(r, table), text_list(r, unique), list(r, f), map(r),
// check(s, r) (the checks across the fields of s), opt(m, key, f) and nullable(m, key, f).
// Only io and core are included here: a format of any level can use it.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/enum_table.hpp"
#include "zorginkoop/core/money.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"

namespace zorginkoop::io::fields {

using io::Node;

// ---- small helpers ------------------------------------------------------------------------------

inline Node quoted(const std::string& s) { return Node::scalar(s, Node::Style::quoted); }
inline Node plain(const std::string& s) { return Node::scalar(s, Node::Style::plain); }

/// A schema `{"type": t}`.
inline Node schema_type(const char* t) {
    Node n = Node::mapping();
    n.add("type", quoted(t));
    return n;
}
/// A schema `{"$ref": "#/$defs/name"}`.
inline Node schema_ref(const std::string& name) {
    Node n = Node::mapping();
    n.add("$ref", quoted("#/$defs/" + name));
    return n;
}
inline Node described(Node n, const char* description) {
    if (description && *description) n.add("description", quoted(description));
    return n;
}

/// The named definitions of a schema being generated (`$defs`), in the order they were added.
struct Defs {
    Node node = Node::mapping();
    bool has(std::string_view name) const { return node.find(name) != nullptr; }
    void add(const std::string& name, Node def) {
        if (!has(name)) node.add(name, std::move(def));
    }
};

template <class S>
struct Fields;  // the table of each struct, below

// Driving a table (defined below).
template <class Ctx, class S>
void read_fields(Ctx& ctx, io::MapReader& m, S& s);
template <class S>
Node write_fields(const S& s);
template <class S>
bool equal_fields(const S& a, const S& b);
template <class S>
Node struct_schema(Defs& defs);

// ---- rows -----------------------------------------------------------------------------------

/// A row: a key, the member it fills and the codec of its presence and value.
template <class S, class M, class P>
struct Field {
    const char* key;
    M S::*member;
    P codec;
    const char* description;
    M& get(S& s) const { return s.*member; }
    const M& get(const S& s) const { return s.*member; }
};
/// A row whose codec reads and writes more than one member of the struct (LotIdCodec, UnitCodec).
template <class S, class P>
struct WholeField {
    const char* key;
    P codec;
    const char* description;
    S& get(S& s) const { return s; }
    const S& get(const S& s) const { return s; }
};

template <class S, class M, class P>
constexpr Field<S, M, P> field(const char* key, M S::*member, P codec, const char* description = nullptr) {
    return {key, member, codec, description};
}
template <class S, class P>
constexpr WholeField<S, P> whole(const char* key, P codec, const char* description = nullptr) {
    return {key, codec, description};
}

/// Calls f on every row of S's table, in order.
template <class S, class F>
void for_each_field(F&& f) {
    std::apply([&](const auto&... row) { (f(row), ...); }, Fields<S>::list());
}

// ---- presence ---------------------------------------------------------------------------------

/// An std::optional member: absent or null reads as nullopt; nullopt is not written.
template <class C>
struct Opt {
    C value;
    static constexpr bool required = false;
    template <class Ctx, class T>
    void read(Ctx& ctx, io::MapReader& m, const char* key, std::optional<T>& out) const {
        out = ctx.opt(m, key, [&](const io::Reader& r) -> T { return value.read(ctx, r); });
    }
    template <class T>
    void write(Node& map, const char* key, const std::optional<T>& v) const {
        if (v) map.add(key, value.write(*v));
    }
    template <class T>
    bool equal(const std::optional<T>& a, const std::optional<T>& b) const {
        if (a.has_value() != b.has_value()) return false;
        return !a || value.equal(*a, *b);
    }
    Node schema(Defs& defs, const char* description) const { return described(value.schema(defs), description); }
};

/// A member that may be absent, present and null, or a value (std::optional<std::optional<T>>).
template <class C>
struct Null {
    C value;
    static constexpr bool required = false;
    template <class Ctx, class T>
    void read(Ctx& ctx, io::MapReader& m, const char* key, std::optional<std::optional<T>>& out) const {
        out = ctx.nullable(m, key, [&](const io::Reader& r) -> T { return value.read(ctx, r); });
    }
    template <class T>
    void write(Node& map, const char* key, const std::optional<std::optional<T>>& v) const {
        if (!v) return;
        map.add(key, *v ? value.write(**v) : Node::null());
    }
    template <class T>
    bool equal(const std::optional<std::optional<T>>& a, const std::optional<std::optional<T>>& b) const {
        if (a.has_value() != b.has_value()) return false;
        if (!a) return true;
        if (a->has_value() != b->has_value()) return false;
        return !*a || value.equal(**a, **b);
    }
    Node schema(Defs& defs, const char* description) const {
        Node any = Node::sequence();
        any.push_back(described(value.schema(defs), description));
        any.push_back(schema_type("null"));
        Node n = Node::mapping();
        n.add("anyOf", std::move(any));
        return n;
    }
};

/// A required member: ParseError "required key ... is missing" when absent or null.
template <class C>
struct Req {
    C value;
    static constexpr bool required = true;
    template <class Ctx, class T>
    void read(Ctx& ctx, io::MapReader& m, const char* key, T& out) const {
        out = value.read(ctx, m.require(key));
    }
    template <class T>
    void write(Node& map, const char* key, const T& v) const {
        map.add(key, value.write(v));
    }
    template <class T>
    bool equal(const T& a, const T& b) const {
        return value.equal(a, b);
    }
    Node schema(Defs& defs, const char* description) const { return described(value.schema(defs), description); }
};

template <class C>
constexpr Opt<C> opt(C c) {
    return {c};
}
template <class C>
constexpr Null<C> nullable(C c) {
    return {c};
}
template <class C>
constexpr Req<C> req(C c) {
    return {c};
}

// ---- values -----------------------------------------------------------------------------------

/// Compares with ==.
struct ByValue {
    template <class T>
    bool equal(const T& a, const T& b) const {
        return a == b;
    }
};

struct Text : ByValue {
    template <class Ctx>
    std::string read(Ctx& ctx, const io::Reader& r) const {
        return ctx.text(r);
    }
    Node write(const std::string& s) const { return quoted(s); }
    Node schema(Defs&) const { return schema_type("string"); }
};

struct Boolean : ByValue {
    template <class Ctx>
    bool read(Ctx& ctx, const io::Reader& r) const {
        return ctx.boolean(r);
    }
    Node write(bool b) const { return plain(b ? "true" : "false"); }
    Node schema(Defs&) const { return schema_type("boolean"); }
};

/// A whole number from min to max, written plain.
template <class T = std::int64_t>
struct Integer : ByValue {
    std::int64_t min;
    std::int64_t max;
    template <class Ctx>
    T read(Ctx& ctx, const io::Reader& r) const {
        return static_cast<T>(ctx.integer(r, min, max));
    }
    Node write(T v) const { return plain(std::to_string(v)); }
    Node schema(Defs&) const {
        Node n = schema_type("integer");
        n.add("minimum", plain(std::to_string(min)));
        n.add("maximum", plain(std::to_string(max)));
        return n;
    }
};

/// A non-negative amount of money, written quoted.
struct Amount : ByValue {
    template <class Ctx>
    Money read(Ctx& ctx, const io::Reader& r) const {
        return ctx.amount(r);
    }
    Node write(const Money& m) const { return quoted(m.to_string()); }
    Node schema(Defs&) const { return schema_ref("amount"); }
};

/// Money from any exact decimal, negative included (a tariff: the rules judge its sign).
struct SignedAmount : ByValue {
    template <class Ctx>
    Money read(Ctx& ctx, const io::Reader& r) const {
        return Money(ctx.decimal(r));
    }
    Node write(const Money& m) const { return quoted(m.to_string()); }
    Node schema(Defs&) const { return schema_ref("decimal"); }
};

/// A non-negative exact decimal read as an amount (a weight).
struct AmountDecimal : ByValue {
    template <class Ctx>
    Decimal read(Ctx& ctx, const io::Reader& r) const {
        return ctx.amount(r).amount();
    }
    Node write(const Decimal& d) const { return quoted(d.to_string()); }
    Node schema(Defs&) const { return schema_ref("amount"); }
};

struct Day : ByValue {
    template <class Ctx>
    Date read(Ctx& ctx, const io::Reader& r) const {
        return ctx.date(r);
    }
    Node write(const Date& d) const { return quoted(format_date(d)); }
    Node schema(Defs& defs) const {
        Node def = schema_type("string");
        def.add("pattern", quoted("^\\d{4}-\\d{2}-\\d{2}$"));
        def.add("format", quoted("date"));
        def.add("description", quoted("ISO date YYYY-MM-DD (YAML dates are handed to the validator as strings)."));
        defs.add("date", std::move(def));
        return schema_ref("date");
    }
};

/// One of the words of an EnumTable; written plain, or quoted (`"2.163b"`).
template <class E, std::size_t N>
struct Enumeration : ByValue {
    const EnumTable<E, N>* table;
    bool write_quoted = false;
    template <class Ctx>
    E read(Ctx& ctx, const io::Reader& r) const {
        return ctx.enumeration(r, *table);
    }
    Node write(E v) const { return write_quoted ? quoted(table->name(v)) : plain(table->name(v)); }
    Node schema(Defs&) const {
        Node words = Node::sequence();
        for (const auto& row : table->rows) words.push_back(quoted(row.second));
        Node n = Node::mapping();
        n.add("enum", std::move(words));
        return n;
    }
};
template <class E, std::size_t N>
constexpr Enumeration<E, N> enumeration(const EnumTable<E, N>& table, bool write_quoted = false) {
    return {{}, &table, write_quoted};
}

inline Node text_list_node(const std::vector<std::string>& v) {
    Node n = Node::sequence();
    for (const auto& s : v) n.push_back(quoted(s));
    return n;
}
inline Node unique_array_of(Node items) {
    Node n = schema_type("array");
    n.add("items", std::move(items));
    n.add("uniqueItems", plain("true"));
    return n;
}

/// A list of texts, each listed once.
struct TextList : ByValue {
    template <class Ctx>
    std::vector<std::string> read(Ctx& ctx, const io::Reader& r) const {
        return ctx.text_list(r, true);
    }
    Node write(const std::vector<std::string>& v) const { return text_list_node(v); }
    Node schema(Defs&) const { return unique_array_of(schema_type("string")); }
};

/// A nested struct with its own table; a named definition unless Fields<S>::def is null (inline).
template <class S>
struct Struct {
    template <class Ctx>
    S read(Ctx& ctx, const io::Reader& r) const {
        auto m = ctx.map(r);
        S s;
        read_fields(ctx, m, s);
        m.finish(Fields<S>::what);
        ctx.check(s, r);
        return s;
    }
    Node write(const S& s) const { return write_fields(s); }
    bool equal(const S& a, const S& b) const { return equal_fields(a, b); }
    Node schema(Defs& defs) const {
        if constexpr (Fields<S>::def == nullptr) {
            return struct_schema<S>(defs);
        } else {
            if (!defs.has(Fields<S>::def)) {
                Node def = struct_schema<S>(defs);
                defs.add(Fields<S>::def, std::move(def));
            }
            return schema_ref(Fields<S>::def);
        }
    }
};

/// A list of values of one codec.
template <class C>
struct ListOf {
    C item;
    template <class Ctx>
    auto read(Ctx& ctx, const io::Reader& r) const {
        return ctx.list(r, [&](const io::Reader& x) { return item.read(ctx, x); });
    }
    template <class T>
    Node write(const std::vector<T>& v) const {
        Node n = Node::sequence();
        for (const auto& i : v) n.push_back(item.write(i));
        return n;
    }
    template <class T>
    bool equal(const std::vector<T>& a, const std::vector<T>& b) const {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!item.equal(a[i], b[i])) return false;
        return true;
    }
    Node schema(Defs& defs) const {
        Node n = schema_type("array");
        n.add("items", item.schema(defs));
        return n;
    }
};
template <class S>
constexpr ListOf<Struct<S>> list_of() {
    return {};
}

// ---- driving a table ----------------------------------------------------------------------------

template <class Ctx, class S>
void read_fields(Ctx& ctx, io::MapReader& m, S& s) {
    for_each_field<S>([&](const auto& row) { row.codec.read(ctx, m, row.key, row.get(s)); });
}

template <class S>
Node write_fields(const S& s) {
    Node map = Node::mapping();
    for_each_field<S>([&](const auto& row) { row.codec.write(map, row.key, row.get(s)); });
    return map;
}

template <class S>
bool equal_fields(const S& a, const S& b) {
    return std::apply([&](const auto&... row) { return (row.codec.equal(row.get(a), row.get(b)) && ...); },
                      Fields<S>::list());
}

template <class S>
Node struct_schema(Defs& defs) {
    Node properties = Node::mapping();
    Node required = Node::sequence();
    for_each_field<S>([&](const auto& row) {
        properties.add(row.key, row.codec.schema(defs, row.description));
        if (row.codec.required) required.push_back(quoted(row.key));
    });
    Node n = schema_type("object");
    n.add("additionalProperties", plain("false"));
    if (Fields<S>::description) n.add("description", quoted(Fields<S>::description));
    if (!required.items().empty()) n.add("required", std::move(required));
    n.add("properties", std::move(properties));
    return n;
}

/// Every key of S's table as a dotted path under `prefix` (lists as `[]`), nested structs
/// included; the keys inside a cost model and an indexation clause belong to their own formats.
template <class C>
struct PathsOf {
    static void add(std::vector<std::string>&, const std::string&) {}
};
template <class S>
void field_paths(std::vector<std::string>& out, const std::string& prefix);
template <class S>
struct PathsOf<Struct<S>> {
    static void add(std::vector<std::string>& out, const std::string& path) { field_paths<S>(out, path + "."); }
};
template <class C>
struct PathsOf<ListOf<C>> {
    static void add(std::vector<std::string>& out, const std::string& path) { PathsOf<C>::add(out, path + "[]"); }
};
template <class C>
struct PathsOf<Opt<C>> : PathsOf<C> {};
template <class C>
struct PathsOf<Null<C>> : PathsOf<C> {};
template <class C>
struct PathsOf<Req<C>> : PathsOf<C> {};

template <class S>
void field_paths(std::vector<std::string>& out, const std::string& prefix) {
    for_each_field<S>([&](const auto& row) {
        const std::string path = prefix + row.key;
        out.push_back(path);
        PathsOf<std::decay_t<decltype(row.codec)>>::add(out, path);
    });
}


}  // namespace zorginkoop::io::fields
