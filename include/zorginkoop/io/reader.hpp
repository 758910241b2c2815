#pragma once
// Typed, path-aware access to a Node: every error names the path (`lots[1].products[3].tariff`)
// and the line and column where the node was read. MapReader rejects unknown keys.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/money.hpp"
#include "zorginkoop/core/rate.hpp"
#include "zorginkoop/io/node.hpp"

namespace zorginkoop::io {

class Reader {
public:
    Reader(const Node& node, std::string path, std::string source = {})
        : node_(&node), path_(std::move(path)), source_(std::move(source)) {}

    const Node& node() const noexcept { return *node_; }
    const std::string& path() const noexcept { return path_; }
    const std::string& source() const noexcept { return source_; }
    SourceLocation where() const { return SourceLocation{source_, path_, node_->mark().line, node_->mark().column}; }

    [[noreturn]] void fail(const std::string& message) const { throw ParseError(message, where()); }
    [[noreturn]] void invalid(const std::string& message) const { throw InvalidInput(message, where()); }

    bool is_null() const noexcept { return node_->is_null(); }

    /// Any scalar as text (quoted or plain).
    std::string text() const {
        if (!node_->is_scalar()) fail("expected text, found " + std::string(Node::kind_name(node_->kind())));
        return node_->text();
    }
    /// An exact decimal number, written as a quoted string or a plain number.
    Decimal decimal() const {
        const std::string t = text();
        try {
            return Decimal::parse(t);
        } catch (const Overflow& e) {
            throw Overflow(e.message(), where());
        } catch (const Error& e) {
            fail(e.message());
        }
    }
    Money money() const { return Money(decimal()); }
    Rate rate() const { return Rate(decimal()); }
    /// A whole number.
    long long integer() const {
        const Decimal d = decimal();
        if (!d.is_integer()) fail("expected a whole number, found " + d.to_string());
        try {
            return d.to_int64();
        } catch (const Error& e) {
            fail(e.message());
        }
    }
    bool boolean() const {
        if (node_->is_scalar() && node_->style() == Node::Style::plain) {
            const std::string& t = node_->text();
            if (t == "true" || t == "True" || t == "TRUE") return true;
            if (t == "false" || t == "False" || t == "FALSE") return false;
        }
        fail("expected true or false");
    }
    Date date() const {
        const std::string t = text();
        try {
            return parse_date(t);
        } catch (const Error& e) {
            fail(e.message());
        }
    }
    /// One of `allowed` (lower-case words).
    std::string enumeration(std::initializer_list<std::string_view> allowed) const {
        const std::string t = text();
        for (auto a : allowed)
            if (t == a) return t;
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        fail("'" + t + "' is not one of: " + list);
    }

    /// The items of a list.
    std::vector<Reader> items() const {
        if (!node_->is_sequence()) fail("expected a list, found " + std::string(Node::kind_name(node_->kind())));
        std::vector<Reader> out;
        out.reserve(node_->items().size());
        for (std::size_t i = 0; i < node_->items().size(); ++i)
            out.emplace_back(node_->items()[i], path_ + "[" + std::to_string(i) + "]", source_);
        return out;
    }

    Reader member(const Node::Member& m) const {
        return Reader(m.value, path_.empty() ? m.key : path_ + "." + m.key, source_);
    }

private:
    const Node* node_;
    std::string path_;
    std::string source_;
};

/// Reads a mapping key by key; `finish()` rejects keys that were never asked for.
class MapReader {
public:
    explicit MapReader(const Reader& r) : r_(r) {
        if (!r.node().is_mapping())
            r.fail("expected a mapping, found " + std::string(Node::kind_name(r.node().kind())));
        used_.assign(r.node().members().size(), false);
    }

    const Reader& reader() const noexcept { return r_; }

    /// The member, null included; nullopt when the key is absent.
    std::optional<Reader> get(std::string_view key) {
        const auto& ms = r_.node().members();
        for (std::size_t i = 0; i < ms.size(); ++i)
            if (ms[i].key == key) {
                used_[i] = true;
                return r_.member(ms[i]);
            }
        return std::nullopt;
    }
    /// The member, or nullopt when absent or null.
    std::optional<Reader> value(std::string_view key) {
        auto m = get(key);
        if (m && m->is_null()) return std::nullopt;
        return m;
    }
    /// The member; ParseError naming the path when absent or null.
    Reader require(std::string_view key) {
        auto m = get(key);
        if (!m || m->is_null()) {
            SourceLocation at = r_.where();
            at.path = r_.path().empty() ? std::string(key) : r_.path() + "." + std::string(key);
            throw ParseError("required key '" + std::string(key) + "' is missing", at);
        }
        return *m;
    }
    bool has(std::string_view key) const { return r_.node().find(key) != nullptr; }

    /// ParseError at the first key that was not read.
    void finish(std::string_view what = {}) const {
        const auto& ms = r_.node().members();
        for (std::size_t i = 0; i < ms.size(); ++i)
            if (!used_[i]) {
                SourceLocation at{r_.source(), r_.path().empty() ? ms[i].key : r_.path() + "." + ms[i].key,
                                  ms[i].key_mark.line, ms[i].key_mark.column};
                throw ParseError("unknown key '" + ms[i].key + "'" +
                                     (what.empty() ? std::string() : " in " + std::string(what)),
                                 at);
            }
    }

private:
    Reader r_;
    std::vector<bool> used_;
};

/// ParseError at the first key of the mapping at `r` that is not in `allowed`. For readers that
/// want a misspelt key reported before a missing one (MapReader::finish reports unknown keys
/// after the known ones were read). Not a mapping: nothing to say here (MapReader reports it).
inline void reject_unknown_keys(const Reader& r, std::initializer_list<std::string_view> allowed, std::string_view what) {
    if (!r.node().is_mapping()) return;
    for (const auto& m : r.node().members()) {
        bool known = false;
        for (auto a : allowed) known = known || m.key == a;
        if (!known)
            throw ParseError("unknown key '" + m.key + "' in " + std::string(what),
                             SourceLocation{r.source(), r.path().empty() ? m.key : r.path() + "." + m.key,
                                            m.key_mark.line, m.key_mark.column});
    }
}

}  // namespace zorginkoop::io
