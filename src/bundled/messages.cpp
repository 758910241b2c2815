// The message catalogues read from YAML (data/messages/<part>.<lang>.yaml and the messages of the
// rule files data/rules/<group>/<ID>.yaml, embedded in the library).

#include "zorginkoop/bundled/messages.hpp"

#include <algorithm>

#include "zorginkoop/data.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"

namespace zorginkoop {
namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

void flatten(const io::Reader& r, const std::string& prefix, Entries& out) {
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
void read_rule_messages(const std::string& path, Lang lang, Entries& out) {
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

MessageCatalogue read_bundled(Lang lang) {
    // Every bundled messages/<part>.<lang>.yaml (and messages/<lang>.yaml) and the messages of every
    // rule file (rules/<group>/<ID>.yaml), merged.
    const std::string suffix = std::string(lang_name(lang)) + ".yaml";
    Entries all;
    for (const auto& path : bundled_files()) {
        if (path.rfind("rules/", 0) == 0) {
            read_rule_messages(path, lang, all);
            continue;
        }
        if (path.rfind("messages/", 0) != 0 || path.size() < suffix.size() ||
            path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string stem = path.substr(9, path.size() - 9 - suffix.size());
        if (!stem.empty() && stem.back() != '.') continue;  // "xnl.yaml" is not Dutch
        const MessageCatalogue part = read_message_catalogue(bundled_file(path), lang, path);
        for (const auto& key : part.keys()) all.emplace_back(key, part.text(key));
    }
    std::sort(all.begin(), all.end());
    for (std::size_t i = 1; i < all.size(); ++i)
        if (all[i].first == all[i - 1].first)
            throw ParseError("message key '" + all[i].first + "' is defined in two catalogue files",
                             Location::at(all[i].first).in("messages"));
    return MessageCatalogue(lang, std::move(all), "messages");
}

}  // namespace

MessageCatalogue read_message_catalogue(std::string_view yaml, Lang lang, const std::string& source) {
    const io::Node root = io::parse_yaml(yaml, source);
    Entries entries;
    flatten(io::Reader(root, "", source), "", entries);
    return MessageCatalogue(lang, std::move(entries), source);
}

const MessageCatalogue& bundled_messages(Lang lang) {
    static const MessageCatalogue nl = read_bundled(Lang::nl);
    static const MessageCatalogue en = read_bundled(Lang::en);
    return lang == Lang::en ? en : nl;
}

}  // namespace zorginkoop
