// YAML reader on libyaml's event parser (non-recursive, so deep nesting cannot exhaust the stack;
// the tree depth is bounded by ReadLimits). One document, no aliases (no expansion bombs),
// duplicate keys are errors, scalars keep their text.

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include <yaml.h>

#include "zorginkoop/io/node.hpp"

namespace zorginkoop::io {
namespace {

struct Frame {
    Node node;
    bool expecting_key = true;
    std::string pending_key;
    Mark pending_mark;
    std::unordered_set<std::string> keys;
};

bool is_plain_null(const std::string& t) {
    return t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL";
}

Mark mark_of(const yaml_mark_t& m) { return Mark{m.line + 1, m.column + 1}; }

class Parser {
public:
    Parser(std::string_view text, const std::string& source, const ReadLimits& limits)
        : source_(source), limits_(limits) {
        if (!yaml_parser_initialize(&parser_)) throw ParseError("cannot initialise the YAML parser", Location{}.in(source));
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    }
    ~Parser() { yaml_parser_delete(&parser_); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    Node run() {
        int documents = 0;
        for (;;) {
            yaml_event_t ev;
            if (!yaml_parser_parse(&parser_, &ev)) {
                std::string problem = parser_.problem ? parser_.problem : "malformed YAML";
                if (parser_.context) problem = std::string(parser_.context) + ": " + problem;
                throw ParseError("YAML syntax error: " + problem, where(mark_of(parser_.problem_mark)));
            }
            std::unique_ptr<yaml_event_t, void (*)(yaml_event_t*)> guard(&ev, yaml_event_delete);
            const Mark m = mark_of(ev.start_mark);
            switch (ev.type) {
                case YAML_STREAM_END_EVENT:
                    return root_ ? std::move(*root_) : Node::null();
                case YAML_DOCUMENT_START_EVENT:
                    if (++documents > 1) throw ParseError("more than one YAML document in the input", where(m));
                    break;
                case YAML_ALIAS_EVENT:
                    throw ParseError("YAML aliases (*name) are not supported; write the value out", where(m));
                case YAML_SCALAR_EVENT: deliver(scalar(ev, m)); break;
                case YAML_SEQUENCE_START_EVENT: open(Node::sequence(m), ev.data.sequence_start.tag, m); break;
                case YAML_MAPPING_START_EVENT: open(Node::mapping(m), ev.data.mapping_start.tag, m); break;
                case YAML_SEQUENCE_END_EVENT:
                case YAML_MAPPING_END_EVENT: {
                    Node done = std::move(stack_.back().node);
                    stack_.pop_back();
                    deliver(std::move(done));
                    break;
                }
                default: break;
            }
        }
    }

private:
    Location where(Mark m) const { return Location::at(path()).in(source_).on(m); }

    std::string path() const {
        std::string p;
        for (const auto& f : stack_) {
            if (f.node.is_mapping()) {
                if (!f.expecting_key) p += (p.empty() ? "" : ".") + f.pending_key;
            } else {
                p += "[" + std::to_string(f.node.items().size()) + "]";
            }
        }
        return p;
    }

    void check_tag(const yaml_char_t* tag, Mark m, bool scalar_node) {
        if (!tag) return;
        std::string t(reinterpret_cast<const char*>(tag));
        if (scalar_node && (t == "tag:yaml.org,2002:str" || t == "tag:yaml.org,2002:null" ||
                            t == "tag:yaml.org,2002:int" || t == "tag:yaml.org,2002:float" ||
                            t == "tag:yaml.org,2002:bool" || t == "!"))
            return;
        if (!scalar_node && (t == "tag:yaml.org,2002:map" || t == "tag:yaml.org,2002:seq")) return;
        throw ParseError("unsupported YAML tag " + zorginkoop::detail::quote_text(t), where(m));
    }

    Node scalar(const yaml_event_t& ev, Mark m) {
        check_tag(ev.data.scalar.tag, m, true);
        std::string text(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length);
        const bool plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        std::string tag = ev.data.scalar.tag ? reinterpret_cast<const char*>(ev.data.scalar.tag) : "";
        if (tag == "tag:yaml.org,2002:str" || tag == "!") return Node::scalar(std::move(text), Node::Style::quoted, m);
        if (plain && is_plain_null(text)) return Node::null(m);
        if (tag == "tag:yaml.org,2002:null") {
            if (!is_plain_null(text)) throw ParseError("!!null with a value", where(m));
            return Node::null(m);
        }
        return Node::scalar(std::move(text), plain || !tag.empty() ? Node::Style::plain : Node::Style::quoted, m);
    }

    void open(Node n, const yaml_char_t* tag, Mark m) {
        check_tag(tag, m, false);
        if (stack_.size() >= limits_.max_depth)
            throw ParseError("nesting deeper than " + std::to_string(limits_.max_depth) + " levels", where(m));
        Frame f;
        f.node = std::move(n);
        stack_.push_back(std::move(f));
    }

    void deliver(Node n) {
        if (stack_.empty()) {
            root_ = std::move(n);
            return;
        }
        Frame& top = stack_.back();
        if (top.node.is_sequence()) {
            top.node.push_back(std::move(n));
            return;
        }
        if (top.expecting_key) {
            if (!n.is_scalar()) throw ParseError("mapping keys must be plain text", where(n.mark()));
            if (!top.keys.insert(n.text()).second) {
                Location at = where(n.mark());
                at.path += (at.path.empty() ? "" : ".") + n.text();
                throw ParseError("duplicate key " + zorginkoop::detail::quote_text(n.text()), at);
            }
            top.pending_key = n.text();
            top.pending_mark = n.mark();
            top.expecting_key = false;
            return;
        }
        top.node.add(std::move(top.pending_key), std::move(n), top.pending_mark);
        top.pending_key.clear();
        top.expecting_key = true;
    }

    yaml_parser_t parser_{};
    std::string source_;
    ReadLimits limits_;
    std::vector<Frame> stack_;
    std::optional<Node> root_;
};

}  // namespace

Node parse_yaml(std::string_view text, const std::string& source, const ReadLimits& limits) {
    if (text.size() > limits.max_bytes)
        throw ParseError("input is " + std::to_string(text.size()) + " bytes; the limit is " +
                             std::to_string(limits.max_bytes),
                         Location{}.in(source));
    Parser p(text, source, limits);
    return p.run();
}

}  // namespace zorginkoop::io
