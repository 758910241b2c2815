// Writing a Node back as YAML or JSON, and reading files.

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "zorginkoop/io/node.hpp"

namespace zorginkoop::io {
namespace {

/// Whether `s` holds a character that a double-quoted scalar must escape: a control character,
/// a line break, a character outside YAML's printable set, or a byte that is not UTF-8.
bool needs_escape(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = zorginkoop::detail::decode_utf8(s, i, cp);
        if (len == 0 || !zorginkoop::detail::is_printable(cp)) return true;
        i += len;
    }
    return false;
}

/// A double-quoted scalar that YAML (1.1 and 1.2, as libyaml reads it) and JSON both read back
/// as `s`. Every character outside YAML's printable set is escaped: C0 controls, DEL, the C1
/// controls U+0080-U+009F (U+0085 included: raw, YAML reads it as a line break), U+2028 and
/// U+2029 (line breaks in YAML), U+FEFF, U+FFFE and U+FFFF. \uXXXX is the one escape form both
/// languages share; characters above U+FFFF are all printable and stay as they are. Text that
/// is not UTF-8 cannot be written in either language: InvalidInput.
void escape_double_quoted(std::string& out, const std::string& s) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = zorginkoop::detail::decode_utf8(s, i, cp);
        if (len == 0)
            throw InvalidInput("text " + zorginkoop::detail::quote_text(s, 40) + " is not valid UTF-8 (byte " +
                               std::to_string(i) + "); it cannot be written as YAML or JSON");
        switch (cp) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (zorginkoop::detail::is_printable(cp)) {
                    out.append(s, i, len);
                } else {
                    out += "\\u";
                    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 15];
                }
        }
        i += len;
    }
    out += '"';
}

bool is_json_number(const std::string& s) {
    std::size_t i = 0, n = s.size();
    if (i < n && s[i] == '-') ++i;
    if (i >= n) return false;
    if (s[i] == '0') {
        ++i;
    } else if (s[i] >= '1' && s[i] <= '9') {
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
    } else {
        return false;
    }
    if (i < n && s[i] == '.') {
        ++i;
        if (i >= n || s[i] < '0' || s[i] > '9') return false;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        if (i >= n || s[i] < '0' || s[i] > '9') return false;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
    }
    return i == n;
}

void json(std::string& out, const Node& n, int indent, int level) {
    auto newline = [&](int lvl) {
        if (indent <= 0) return;
        out += '\n';
        out.append(static_cast<std::size_t>(indent * lvl), ' ');
    };
    switch (n.kind()) {
        case Node::Kind::null: out += "null"; return;
        case Node::Kind::scalar:
            if (n.style() == Node::Style::plain &&
                (n.text() == "true" || n.text() == "false" || is_json_number(n.text())))
                out += n.text();
            else
                escape_double_quoted(out, n.text());
            return;
        case Node::Kind::sequence: {
            if (n.items().empty()) {
                out += "[]";
                return;
            }
            out += '[';
            bool first = true;
            for (const auto& item : n.items()) {
                if (!first) out += ',';
                first = false;
                newline(level + 1);
                json(out, item, indent, level + 1);
            }
            newline(level);
            out += ']';
            return;
        }
        case Node::Kind::mapping: {
            if (n.members().empty()) {
                out += "{}";
                return;
            }
            out += '{';
            bool first = true;
            for (const auto& m : n.members()) {
                if (!first) out += ',';
                first = false;
                newline(level + 1);
                escape_double_quoted(out, m.key);
                out += indent > 0 ? ": " : ":";
                json(out, m.value, indent, level + 1);
            }
            newline(level);
            out += '}';
            return;
        }
    }
}

bool plain_key_ok(const std::string& k) {
    if (k.empty()) return false;
    static const char* reserved[] = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
                                     "True", "False", "Null", "NULL", "TRUE", "FALSE", "Yes", "No", "On", "Off"};
    for (const char* r : reserved)
        if (k == r) return false;
    if (!((k[0] >= 'a' && k[0] <= 'z') || (k[0] >= 'A' && k[0] <= 'Z') || k[0] == '_')) return false;
    for (char c : k)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
            return false;
    return true;
}

void yaml_key(std::string& out, const std::string& k) {
    if (plain_key_ok(k))
        out += k;
    else
        escape_double_quoted(out, k);
}

void yaml_scalar(std::string& out, const Node& n) {
    if (n.is_null()) {
        out += "null";
    } else if (n.style() == Node::Style::plain && !n.text().empty() && n.text().find_first_of(":#\n\"'{}[],&*!|>%@`") == std::string::npos &&
               n.text().front() != ' ' && n.text().back() != ' ' && n.text().front() != '-' && n.text().front() != '?' &&
               !needs_escape(n.text())) {
        out += n.text();
    } else if (n.style() == Node::Style::plain && is_json_number(n.text())) {
        out += n.text();
    } else {
        escape_double_quoted(out, n.text());
    }
}

bool inline_value(const Node& n) {
    return n.is_null() || n.is_scalar() || (n.is_sequence() && n.items().empty()) ||
           (n.is_mapping() && n.members().empty());
}

void yaml_inline(std::string& out, const Node& n) {
    if (n.is_sequence()) {
        out += "[]";
    } else if (n.is_mapping()) {
        out += "{}";
    } else {
        yaml_scalar(out, n);
    }
}

void yaml_block(std::string& out, const Node& n, std::size_t indent);

void yaml_block(std::string& out, const Node& n, std::size_t indent) {
    const std::string pad(indent, ' ');
    if (n.is_mapping()) {
        for (const auto& m : n.members()) {
            out += pad;
            yaml_key(out, m.key);
            out += ':';
            if (inline_value(m.value)) {
                out += ' ';
                yaml_inline(out, m.value);
                out += '\n';
            } else {
                out += '\n';
                yaml_block(out, m.value, indent + 2);
            }
        }
    } else if (n.is_sequence()) {
        for (const auto& item : n.items()) {
            if (inline_value(item)) {
                out += pad + "- ";
                yaml_inline(out, item);
                out += '\n';
            } else {
                std::string child;
                yaml_block(child, item, indent + 2);
                // replace the first line's indentation by "- "
                out += pad + "- " + child.substr(indent + 2);
            }
        }
    } else {
        out += pad;
        yaml_inline(out, n);
        out += '\n';
    }
}

}  // namespace

std::string to_json(const Node& node, int indent) {
    std::string out;
    json(out, node, indent, 0);
    if (indent > 0) out += '\n';
    return out;
}

std::string to_yaml(const Node& node) {
    std::string out;
    if (inline_value(node)) {
        yaml_inline(out, node);
        out += '\n';
        return out;
    }
    yaml_block(out, node, 0);
    return out;
}

std::string read_text_file(const std::string& path, std::size_t max_bytes) {
    const Location at = Location{}.in(path);
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found)
        throw ParseError("there is no such file", at);
    if (status.type() == std::filesystem::file_type::directory)
        throw ParseError("this is a directory, not a file", at);
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) throw ParseError("cannot open the file: " + std::error_code(errno, std::generic_category()).message(), at);
    // Read to the end rather than trusting a size: pipes and devices have none.
    std::string text;
    char buffer[65536];
    for (;;) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
        if (n > max_bytes - text.size())
            throw ParseError("the file is larger than the limit of " + std::to_string(max_bytes) + " bytes", at);
        text.append(buffer, n);
        if (n < sizeof buffer) break;
    }
    if (std::ferror(file.get()))
        throw ParseError("cannot read the file: " + std::error_code(errno, std::generic_category()).message(), at);
    return text;
}

Node read_file(const std::string& path, const ReadLimits& limits) {
    const std::string text = read_text_file(path, limits.max_bytes);
    const bool is_json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    return is_json ? parse_json(text, path, limits) : parse_yaml(text, path, limits);
}

}  // namespace zorginkoop::io
