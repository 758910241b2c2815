#include "zorginkoop/core/i18n.hpp"

#include <algorithm>

namespace zorginkoop {

MessageCatalogue::MessageCatalogue(Lang lang, std::vector<std::pair<std::string, std::string>> entries,
                                   const std::string& source)
    : lang_(lang), entries_(std::move(entries)) {
    std::sort(entries_.begin(), entries_.end());
    for (std::size_t i = 1; i < entries_.size(); ++i)
        if (entries_[i].first == entries_[i - 1].first)
            throw ParseError("duplicate message key '" + entries_[i].first + "'", Location::at(entries_[i].first).in(source));
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
