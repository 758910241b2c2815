// JSON reader on nlohmann/json's SAX parser: numbers keep their text (never a double), duplicate
// keys are errors, the tree depth is bounded, and every node gets its line and column (computed
// from how far the parser has read when it reports the node).

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "zorginkoop/io/node.hpp"

namespace zorginkoop::io {
namespace {

/// A forward iterator over the text that publishes how far the parser has read.
class CountingIterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator() = default;
    CountingIterator(const char* p, const char** shared) : p_(p), shared_(shared) {}
    reference operator*() const { return *p_; }
    CountingIterator& operator++() {
        ++p_;
        if (shared_) *shared_ = p_;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator old = *this;
        ++*this;
        return old;
    }
    friend bool operator==(const CountingIterator& a, const CountingIterator& b) { return a.p_ == b.p_; }
    friend bool operator!=(const CountingIterator& a, const CountingIterator& b) { return a.p_ != b.p_; }

private:
    const char* p_ = nullptr;
    const char** shared_ = nullptr;
};

struct Frame {
    Node node;
    bool expecting_key = true;
    std::string pending_key;
    Mark pending_mark;
    std::unordered_set<std::string> keys;
};

class Builder : public nlohmann::json_sax<nlohmann::json> {
public:
    Builder(std::string_view text, const std::string& source, const ReadLimits& limits, const char** cursor)
        : begin_(text.data()), end_(text.data() + text.size()), source_(source), limits_(limits), cursor_(cursor) {
        scan_from_ = begin_;
        seen_ = begin_;
    }

    Node take() { return root_ ? std::move(*root_) : Node::null(); }

    bool null() override { return value(Node::null(start()), false); }
    bool boolean(bool v) override {
        Mark m = start();
        return value(Node::scalar(v ? "true" : "false", Node::Style::plain, m), false);
    }
    bool number_integer(number_integer_t v) override {
        Mark m = start();
        return value(Node::scalar(std::to_string(v), Node::Style::plain, m), true);
    }
    bool number_unsigned(number_unsigned_t v) override {
        Mark m = start();
        return value(Node::scalar(std::to_string(v), Node::Style::plain, m), true);
    }
    bool number_float(number_float_t, const string_t& text) override {
        Mark m = start();
        return value(Node::scalar(text, Node::Style::plain, m), true);
    }
    bool string(string_t& s) override {
        Mark m = start();
        return value(Node::scalar(std::move(s), Node::Style::quoted, m), false);
    }
    bool binary(binary_t&) override { throw ParseError("binary values are not JSON", where(start())); }
    bool start_object(std::size_t) override {
        Mark m = start();
        advance(false);
        return open(Node::mapping(m));
    }
    bool key(string_t& k) override {
        Mark m = start();
        advance(false);
        Frame& top = stack_.back();
        if (!top.keys.insert(k).second) {
            Location at = where(m);
            at.path += (at.path.empty() ? "" : ".") + k;
            throw ParseError("duplicate key " + zorginkoop::detail::quote_text(k), at);
        }
        top.pending_key = std::move(k);
        top.pending_mark = m;
        top.expecting_key = false;
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override {
        Mark m = start();
        advance(false);
        return open(Node::sequence(m));
    }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& ex) override {
        const Mark at = mark_at(begin_ + std::min<std::size_t>(position > 0 ? position - 1 : 0,
                                                              static_cast<std::size_t>(end_ - begin_)));
        // A number beyond the range of a double (1e400, -1e400): beyond Decimal's range as well.
        if (dynamic_cast<const nlohmann::detail::out_of_range*>(&ex) != nullptr)
            throw Overflow("the number " + zorginkoop::detail::quote_text(last_token) +
                               " is outside the exact range of zorginkoop::Decimal",
                           where(at));
        throw ParseError("JSON syntax error: " + syntax_reason(ex.what(), last_token), where(at));
    }

private:
    /// nlohmann's text without its "[json.exception.parse_error.101] parse error at line 1,
    /// column 4: " prefix (our location replaces it), and with the text last read quoted whole
    /// and escaped: the parser cuts it anywhere, also inside a UTF-8 character.
    static std::string syntax_reason(const std::string& what, const std::string& last_token) {
        std::string reason = what;
        if (reason.rfind("[json.exception.", 0) == 0) {
            const auto bracket = reason.find("] ");
            if (bracket != std::string::npos) reason.erase(0, bracket + 2);
        }
        if (reason.rfind("parse error", 0) == 0) {
            const auto colon = reason.find(": ");
            if (colon != std::string::npos) reason.erase(0, colon + 2);
        }
        const std::string raw = "; last read: '" + last_token + "'";
        const auto at = reason.find(raw);
        if (at != std::string::npos)
            reason.replace(at, raw.size(), "; last read: " + zorginkoop::detail::quote_text(last_token, 40));
        return reason;
    }
    /// Line and column (in characters) of `p`. Tokens are reported in order, so the position
    /// moves on from the last one: linear in the input, also when it is all on one line.
    Mark mark_at(const char* p) {
        if (p < seen_) {
            seen_ = begin_;
            line_ = 1;
            col_ = 1;
        }
        for (; seen_ < p; ++seen_) {
            if (*seen_ == '\n') {
                ++line_;
                col_ = 1;
            } else if ((static_cast<unsigned char>(*seen_) & 0xC0) != 0x80) {
                ++col_;  // count code points, not bytes
            }
        }
        return Mark{line_, col_};
    }
    /// Where the token just reported starts: the first character after the previous token that
    /// is not white space or a separator.
    Mark start() {
        const char* p = scan_from_;
        while (p < end_ && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ',' || *p == ':')) ++p;
        return mark_at(p);
    }
    /// Numbers are reported after the parser has read one character past them.
    void advance(bool lookahead) {
        const char* cur = *cursor_ ? *cursor_ : begin_;
        scan_from_ = (lookahead && cur > begin_ && cur < end_) ? cur - 1 : cur;
        if (lookahead && cur == end_) scan_from_ = end_;
    }
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
    bool open(Node n) {
        if (stack_.size() >= limits_.max_depth)
            throw ParseError("nesting deeper than " + std::to_string(limits_.max_depth) + " levels", where(n.mark()));
        Frame f;
        f.node = std::move(n);
        stack_.push_back(std::move(f));
        return true;
    }
    bool close() {
        advance(false);
        Node done = std::move(stack_.back().node);
        stack_.pop_back();
        deliver(std::move(done));
        return true;
    }
    bool value(Node n, bool lookahead) {
        advance(lookahead);
        deliver(std::move(n));
        return true;
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
        top.node.add(std::move(top.pending_key), std::move(n), top.pending_mark);
        top.pending_key.clear();
        top.expecting_key = true;
    }

    const char* begin_;
    const char* end_;
    const char* scan_from_;
    std::string source_;
    ReadLimits limits_;
    const char** cursor_;
    const char* seen_;      // how far line_ and col_ have counted
    std::size_t line_ = 1;
    std::size_t col_ = 1;
    std::vector<Frame> stack_;
    std::optional<Node> root_;
};

}  // namespace

Node parse_json(std::string_view text, const std::string& source, const ReadLimits& limits) {
    if (text.size() > limits.max_bytes)
        throw ParseError("input is " + std::to_string(text.size()) + " bytes; the limit is " +
                             std::to_string(limits.max_bytes),
                         Location{}.in(source));
    const char* cursor = text.data();
    Builder builder(text, source, limits, &cursor);
    CountingIterator first(text.data(), &cursor), last(text.data() + text.size(), nullptr);
    nlohmann::json::sax_parse(first, last, &builder, nlohmann::json::input_format_t::json, true, false);
    return builder.take();
}

}  // namespace zorginkoop::io
