#include "zorginkoop/core/i18n.hpp"

#include <algorithm>

#include "zorginkoop/data.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"

namespace zorginkoop {
namespace {

void flatten(const io::Reader& r, const std::string& prefix, std::vector<std::pair<std::string, std::string>>& out) {
    if (!r.node().is_mapping()) r.fail("a message catalogue is a mapping of keys to texts");
    for (const auto& m : r.node().members()) {
        const std::string key = prefix.empty() ? m.key : prefix + "." + m.key;
        io::Reader child = r.member(m);
        if (m.value.is_mapping())
            flatten(child, key, out);
        else
            out.emplace_back(key, child.text());
    }
}

/// The messages of a rule file (data/rules/<group>/<ID>.yaml: `messages: {key: check|decl, nl:
/// {...}, en: {...}}`), under "<key>.<ID>." (key "check" when not given).
void read_rule_messages(const std::string& path, Lang lang, std::vector<std::pair<std::string, std::string>>& out) {
    const io::Node root = io::parse_yaml(bundled_file(path), path);
    const io::Reader r(root, "", path);
    const io::Node* messages = root.find("messages");
    const io::Node* id = root.find("id");
    if (!messages || !id) return;
    const std::string prefix = messages->find("key") ? messages->find("key")->text() : std::string("check");
    for (const auto& m : root.members()) {
        if (m.key != "messages") continue;
        const io::Reader msgs = r.member(m);
        for (const auto& l : m.value.members())
            if (l.key == lang_name(lang)) flatten(msgs.member(l), prefix + "." + id->text(), out);
    }
}

}  // namespace

MessageCatalogue MessageCatalogue::parse(std::string_view yaml, Lang lang, const std::string& source) {
    io::Node root = io::parse_yaml(yaml, source);
    MessageCatalogue c;
    c.lang_ = lang;
    flatten(io::Reader(root, "", source), "", c.entries_);
    std::sort(c.entries_.begin(), c.entries_.end());
    for (std::size_t i = 1; i < c.entries_.size(); ++i)
        if (c.entries_[i].first == c.entries_[i - 1].first)
            throw ParseError("duplicate message key '" + c.entries_[i].first + "'", Location::at(c.entries_[i].first).in(source));
    return c;
}

const MessageCatalogue& MessageCatalogue::bundled(Lang lang) {
    static const MessageCatalogue nl = read_bundled(Lang::nl);
    static const MessageCatalogue en = read_bundled(Lang::en);
    return lang == Lang::en ? en : nl;
}

MessageCatalogue MessageCatalogue::read_bundled(Lang lang) {
    // Every bundled messages/<part>.<lang>.yaml (and messages/<lang>.yaml) and the messages of every
    // rule file (rules/<group>/<ID>.yaml), merged.
    const std::string suffix = std::string(lang_name(lang)) + ".yaml";
    MessageCatalogue all;
    all.lang_ = lang;
    for (const auto& path : bundled_files()) {
        if (path.rfind("rules/", 0) == 0) {
            read_rule_messages(path, lang, all.entries_);
            continue;
        }
        if (path.rfind("messages/", 0) != 0 || path.size() < suffix.size() ||
            path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string stem = path.substr(9, path.size() - 9 - suffix.size());
        if (!stem.empty() && stem.back() != '.') continue;  // "xnl.yaml" is not Dutch
        MessageCatalogue part = parse(bundled_file(path), lang, path);
        all.entries_.insert(all.entries_.end(), part.entries_.begin(), part.entries_.end());
    }
    std::sort(all.entries_.begin(), all.entries_.end());
    for (std::size_t i = 1; i < all.entries_.size(); ++i)
        if (all.entries_[i].first == all.entries_[i - 1].first)
            throw ParseError("message key '" + all.entries_[i].first + "' is defined in two catalogue files",
                             Location::at(all.entries_[i].first).in("messages"));
    return all;
}

bool MessageCatalogue::contains(std::string_view key) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                               [](const auto& e, std::string_view k) { return e.first < k; });
    return it != entries_.end() && it->first == key;
}

const std::string& MessageCatalogue::text(std::string_view key) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                               [](const auto& e, std::string_view k) { return e.first < k; });
    if (it == entries_.end() || it->first != key)
        throw InvalidInput("no message '" + std::string(key) + "' in the " + lang_name(lang_) + " catalogue");
    return it->second;
}

std::vector<std::string> MessageCatalogue::placeholders(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '{') continue;
        const std::size_t close = text.find('}', i + 1);
        if (close == std::string_view::npos) break;
        out.emplace_back(text.substr(i + 1, close - i - 1));
        i = close;
    }
    return out;
}

std::string MessageCatalogue::render(std::string_view key, const Fields& params) const {
    const std::string& t = text(key);
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] != '{') {
            out += t[i];
            continue;
        }
        const std::size_t close = t.find('}', i + 1);
        if (close == std::string::npos) {
            out += t.substr(i);
            break;
        }
        const std::string name = t.substr(i + 1, close - i - 1);
        auto it = std::find_if(params.begin(), params.end(), [&](const auto& p) { return p.first == name; });
        if (it == params.end())
            throw InvalidInput("message '" + std::string(key) + "' needs parameter '" + name + "'");
        out += value_text(name, it->second);
        i = close;
    }
    return out;
}

std::string MessageCatalogue::value_text(std::string_view name, const std::string& value) const {
    const std::string key = "value." + std::string(name) + "." + value;
    if (contains(key)) return text(key);
    const std::string any = "value.any." + value;
    return contains(any) ? text(any) : value;
}

std::vector<std::string> MessageCatalogue::keys() const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& e : entries_) out.push_back(e.first);
    return out;
}

}  // namespace zorginkoop
