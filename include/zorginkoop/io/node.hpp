#pragma once
// Node: the tree every reader produces (YAML, JSON, or a Python mapping) and every domain reader
// consumes. Scalars keep their source text, so decimal numbers never pass through binary floating
// point; every node keeps its line and column when the source has them.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zorginkoop/core/error.hpp"
#include "zorginkoop/core/location.hpp"

namespace zorginkoop::io {

/// A node's line and column (1-based; 0 when unknown): the Position part of a Location.
using Mark = Position;

class Node {
public:
    enum class Kind { null, scalar, sequence, mapping };
    /// Plain scalars (unquoted YAML, JSON numbers/true/false) may be numbers or booleans;
    /// quoted scalars are always text.
    enum class Style { plain, quoted };

    Node() = default;
    static Node null(Mark m = {}) {
        Node n;
        n.mark_ = m;
        return n;
    }
    static Node scalar(std::string text, Style style, Mark m = {}) {
        Node n;
        n.kind_ = Kind::scalar;
        n.text_ = std::move(text);
        n.style_ = style;
        n.mark_ = m;
        return n;
    }
    static Node sequence(Mark m = {}) {
        Node n;
        n.kind_ = Kind::sequence;
        n.mark_ = m;
        return n;
    }
    static Node mapping(Mark m = {}) {
        Node n;
        n.kind_ = Kind::mapping;
        n.mark_ = m;
        return n;
    }

    Kind kind() const noexcept { return kind_; }
    bool is_null() const noexcept { return kind_ == Kind::null; }
    bool is_scalar() const noexcept { return kind_ == Kind::scalar; }
    bool is_sequence() const noexcept { return kind_ == Kind::sequence; }
    bool is_mapping() const noexcept { return kind_ == Kind::mapping; }
    const std::string& text() const noexcept { return text_; }
    Style style() const noexcept { return style_; }
    const Mark& mark() const noexcept { return mark_; }

    const std::vector<Node>& items() const noexcept { return items_; }
    std::vector<Node>& items() noexcept { return items_; }
    struct Member;
    const std::vector<Member>& members() const noexcept { return members_; }
    std::vector<Member>& members() noexcept { return members_; }

    /// The member named `key`, or nullptr.
    const Node* find(std::string_view key) const;
    void push_back(Node n) { items_.push_back(std::move(n)); }
    void add(std::string key, Node value, Mark key_mark = {});

    static const char* kind_name(Kind k) noexcept {
        switch (k) {
            case Kind::null: return "null";
            case Kind::scalar: return "a scalar";
            case Kind::sequence: return "a list";
            case Kind::mapping: return "a mapping";
        }
        return "?";
    }

    friend bool operator==(const Node& a, const Node& b);
    friend bool operator!=(const Node& a, const Node& b) { return !(a == b); }

private:
    Kind kind_ = Kind::null;
    Style style_ = Style::plain;
    std::string text_;
    Mark mark_;
    std::vector<Node> items_;
    std::vector<Member> members_;
};

struct Node::Member {
    std::string key;
    Mark key_mark;
    Node value;
};

inline const Node* Node::find(std::string_view key) const {
    for (const auto& m : members_)
        if (m.key == key) return &m.value;
    return nullptr;
}

inline void Node::add(std::string key, Node value, Mark key_mark) {
    members_.push_back(Member{std::move(key), key_mark, std::move(value)});
}

/// Structural equality: kinds, texts, styles, items and members in order; marks are ignored.
inline bool operator==(const Node& a, const Node& b) {
    if (a.kind_ != b.kind_) return false;
    switch (a.kind_) {
        case Node::Kind::null: return true;
        case Node::Kind::scalar: return a.text_ == b.text_ && a.style_ == b.style_;
        case Node::Kind::sequence: return a.items_ == b.items_;
        case Node::Kind::mapping:
            if (a.members_.size() != b.members_.size()) return false;
            for (std::size_t i = 0; i < a.members_.size(); ++i)
                if (a.members_[i].key != b.members_[i].key || a.members_[i].value != b.members_[i].value) return false;
            return true;
    }
    return false;
}

/// Limits that keep hostile input from exhausting the machine.
struct ReadLimits {
    std::size_t max_bytes = 64u * 1024u * 1024u;
    std::size_t max_depth = 64;
};

/// Parse YAML text (one document; no aliases; duplicate keys are errors). `source` names the
/// input in errors (a file name). Throws ParseError with line and column.
Node parse_yaml(std::string_view text, const std::string& source = {}, const ReadLimits& limits = {});
/// Parse JSON text (RFC 8259; duplicate keys are errors; numbers keep their text).
Node parse_json(std::string_view text, const std::string& source = {}, const ReadLimits& limits = {});
/// Read a file: JSON when the name ends in .json, YAML otherwise.
Node read_file(const std::string& path, const ReadLimits& limits = {});
/// The whole content of a file; ParseError naming the file when it cannot be read.
std::string read_text_file(const std::string& path, std::size_t max_bytes = ReadLimits{}.max_bytes);

/// Write a tree back as YAML (block style) or JSON. Reading the output gives an equal Node.
std::string to_yaml(const Node& node);
std::string to_json(const Node& node, int indent = 2);

}  // namespace zorginkoop::io
