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
#include "zorginkoop/core/enum_table.hpp"
#include "zorginkoop/core/money.hpp"
#include "zorginkoop/core/rate.hpp"
#include "zorginkoop/io/node.hpp"

namespace zorginkoop::io {

/// Edit distance between two keys: insertions, deletions, substitutions and swaps of two
/// neighbouring characters each count 1 ('lwa' is 1 from 'law'). Counts bytes; keys are short.
inline std::size_t key_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

/// Whether `given` looks like a misspelling of the known key `known`: at most two edits, and at
/// most one edit per three characters of `known`, so short keys are not confused with each other
/// ('note' is two edits from 'rate', 'xy' two from 'id': neither counts).
inline bool is_near_miss(std::string_view given, std::string_view known) {
    if (given == known) return false;
    const std::size_t allowed = std::min<std::size_t>(2, known.size() / 3);
    const std::size_t longer = std::max(given.size(), known.size()), shorter = std::min(given.size(), known.size());
    if (allowed == 0 || longer - shorter > allowed) return false;
    return key_distance(given, known) <= allowed;
}

/// The message for a key that is not part of the format, with the closest known key when the
/// key looks like a misspelling of one: "unknown key 'lwa' in a cost model (did you mean 'law'?)".
template <class Keys>
std::string unknown_key_message(const std::string& key, const Keys& known, std::string_view what) {
    std::string best;
    std::size_t best_dist = 3;
    for (const auto& k : known) {
        const std::string_view kv(k);
        if (!is_near_miss(key, kv)) continue;
        const std::size_t dist = key_distance(key, kv);
        if (dist < best_dist) {
            best_dist = dist;
            best = std::string(kv);
        }
    }
    return "unknown key " + zorginkoop::detail::quote_text(key) + (what.empty() ? std::string() : " in " + std::string(what)) +
           (best.empty() ? std::string() : " (did you mean " + zorginkoop::detail::quote_text(best) + "?)");
}

class Reader {
public:
    Reader(const Node& node, std::string path, std::string source = {})
        : node_(&node), path_(std::move(path)), source_(std::move(source)) {}

    const Node& node() const noexcept { return *node_; }
    const std::string& path() const noexcept { return path_; }
    const std::string& source() const noexcept { return source_; }
    Location where() const { return Location::at(path_).in(source_).on(node_->mark()); }
    /// Where the key of member `m` of this mapping is.
    Location where(const Node::Member& m) const {
        return Location::at(path_.empty() ? m.key : path_ + "." + m.key).in(source_).on(m.key_mark);
    }

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
        fail(zorginkoop::detail::quote_text(t) + " is not one of: " + list);
    }

    /// One of the words of `table`, as its value.
    template <class E, std::size_t N>
    E enumeration(const EnumTable<E, N>& table) const {
        const std::string t = text();
        if (auto v = table.find(t)) return *v;
        fail(zorginkoop::detail::quote_text(t) + " is not one of: " + table.listed());
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
        note_asked(key);
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
    /// The member; ParseError naming the path when absent or null. When the key is absent and
    /// an unread key looks like a misspelling of it, the error is about that key instead
    /// ("unknown key 'lwa' (did you mean 'law'?)"), at its line.
    Reader require(std::string_view key) {
        auto m = get(key);
        if (!m) reject_misspelling_of(key);
        if (!m || m->is_null()) {
            Location at = r_.where();
            at.path = r_.path().empty() ? std::string(key) : r_.path() + "." + std::string(key);
            throw ParseError("required key '" + std::string(key) + "' is missing", at);
        }
        return *m;
    }
    bool has(std::string_view key) {
        note_asked(key);
        return r_.node().find(key) != nullptr;
    }

    /// ParseError at the first unread key that looks like a misspelling of `key` (for a key that
    /// is needed but absent); nothing when there is none.
    void reject_misspelling_of(std::string_view key, std::string_view what = {}) const {
        const auto& ms = r_.node().members();
        const std::string_view known[] = {key};
        for (std::size_t i = 0; i < ms.size(); ++i)
            if (!used_[i] && is_near_miss(ms[i].key, key)) throw ParseError(unknown_key_message(ms[i].key, known, what), at(ms[i]));
    }

    /// ParseError at the first key that was not read, naming the closest key that was asked for
    /// when the key looks like a misspelling of it.
    void finish(std::string_view what = {}) const {
        const auto& ms = r_.node().members();
        for (std::size_t i = 0; i < ms.size(); ++i)
            if (!used_[i]) throw ParseError(unknown_key_message(ms[i].key, asked_, what), at(ms[i]));
    }

private:
    Location at(const Node::Member& m) const { return r_.where(m); }
    void note_asked(std::string_view key) {
        if (std::find(asked_.begin(), asked_.end(), key) == asked_.end()) asked_.emplace_back(key);
    }

    Reader r_;
    std::vector<bool> used_;
    std::vector<std::string> asked_;  // every key the reader asked for: the keys of the format
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
            throw ParseError(unknown_key_message(m.key, allowed, what), r.where(m));
    }
}

}  // namespace zorginkoop::io
