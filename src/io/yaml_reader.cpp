// YAML reader on libyaml's event parser (non-recursive, so deep nesting cannot exhaust the stack;
// the tree depth is bounded by ReadLimits). One document, no aliases (no expansion bombs),
// duplicate keys are errors, scalars keep their text.

#include <cstdio>
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

// The line and column (1-based, in characters, as libyaml's marks count them) of a byte offset.
// libyaml's reader decodes ahead of the scanner and reports a bad byte (a control character,
// invalid UTF-8, U+FFFE) by its offset only, with an empty mark. Line breaks are those of YAML 1.1:
// LF, CR, CR LF, NEL (U+0085), LS (U+2028) and PS (U+2029).
Mark mark_of_offset(std::string_view text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    std::size_t line = 1, column = 1;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    std::size_t i = 0;
    if (text.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) i = 3;  // BOM
    while (i < offset) {
        const unsigned char c = byte(i);
        if (c == '\n') {
            ++line, column = 1, ++i;
        } else if (c == '\r') {
            ++i;
            if (i < offset && byte(i) == '\n') ++i;
            ++line, column = 1;
        } else if (c == 0xC2 && i + 1 < offset && byte(i + 1) == 0x85) {
            ++line, column = 1, i += 2;
        } else if (c == 0xE2 && i + 2 < offset && byte(i + 1) == 0x80 && (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9)) {
            ++line, column = 1, i += 3;
        } else {
            ++i;
            while (i < offset && (byte(i) & 0xC0) == 0x80) ++i;  // continuation bytes of one character
            ++column;
        }
    }
    return Mark{line, column};
}

class Parser {
public:
    Parser(std::string_view text, const std::string& source, const ReadLimits& limits)
        : text_(text), source_(source), limits_(limits) {
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
                if (parser_.error == YAML_READER_ERROR) {
                    // The reader runs ahead of the parser: the path being built is not where the
                    // byte is, so the error names the byte's line and column only.
                    std::string problem = parser_.problem ? parser_.problem : "unreadable input";
                    if (parser_.problem_value >= 0) {
                        char code[16];
                        std::snprintf(code, sizeof code, " (#x%X)", static_cast<unsigned>(parser_.problem_value));
                        problem += code;
                    }
                    throw ParseError("YAML syntax error: " + problem,
                                     Location::at("").in(source_).on(mark_of_offset(text_, parser_.problem_offset)));
                }
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
    std::string_view text_;
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
