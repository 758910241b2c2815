#pragma once
// Reports as human text (Dutch or English), JSON (versioned schema) and SARIF 2.1.0.

#include <string>
#include <string_view>

#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/report/report.hpp"

namespace zorginkoop {

/// Version of the JSON report layout; raised on any incompatible change.
inline constexpr int report_json_schema_version = 2;

struct RenderOptions {
    Lang lang = Lang::nl;
    const MessageCatalogue* catalogue = nullptr;  // null: the bundled catalogue of `lang`
    const LawRegistry* laws = nullptr;            // null: the bundled registry
    /// Text only. A finding of info severity that only says that its rule was not evaluated
    /// (message key rule.not_evaluated) is not printed as a block of its own: by default one
    /// summary line lists the missing fields and how many rules each blocks; with
    /// hide_not_evaluated the line is left out too. JSON and SARIF keep every finding.
    bool hide_not_evaluated = false;
};

/// What only SARIF output needs.
struct SarifOptions {
    /// The absolute URI under which the rule pages (docs/rules/<ID>.md) are published, e.g.
    /// "https://example.org/zorginkoop/docs/rules/". With it, each rule's `helpUri` is that URI +
    /// "<ID>.md"; without it (the default: the library knows no published location), `helpUri` is the
    /// URL of the rule's first cited text, and the repository-relative page is in the rule's
    /// `help` text and `properties.rule_page`. Not an absolute URI (no scheme): InvalidInput.
    std::string rule_docs_uri;
};

std::string to_text(const Report& report, const RenderOptions& options = {});
std::string to_json(const Report& report, const RenderOptions& options = {});
/// SARIF 2.1.0. Each rule of the procurement catalogue is described by its title in the report's
/// language (`shortDescription`), the title and the rule's note on its reading (`fullDescription`;
/// notes are written in English), its default level and its page (see SarifOptions::rule_docs_uri).
std::string to_sarif(const Report& report, const RenderOptions& options = {}, const SarifOptions& sarif = {});

/// The one form of a citation in JSON output (the citations of findings in to_json and to_sarif, a
/// build-up's statutory basis in the tariff JSON), so every output cites a law the same way: in
/// order law_id, law (Dutch title), article, lid, onderdeel, version_date (ISO), url, label (in
/// `lang`); lid, onderdeel and version_date are left out when empty. An unknown law id is an
/// InvalidInput.
Fields citation_fields(const LegalRef& r, const LawRegistry& laws, Lang lang);

/// User text (a name, a path, a note from a user's file) made safe to print on a terminal: C0
/// controls (ESC, BEL, CR, LF, TAB, NUL, ...), DEL, C1 controls (CSI U+009B, NEL U+0085, ...), the
/// noncharacters U+FFFE/U+FFFF, the line and paragraph separators U+2028/U+2029, the
/// bidirectional marks (U+200E, U+200F, U+061C), embedding, override and isolate controls
/// (U+202A-U+202E, U+2066-U+2069) and every byte that is not well-formed UTF-8 are written as
/// visible escapes (`\x1b`, `\u009b`), so the text
/// cannot move the cursor or rewrite the screen. Other text, backslashes included, is unchanged.
/// The text and the command-line renderers pass every user string through it; JSON and SARIF
/// keep the exact strings (JSON escaping covers them).
std::string terminal_safe(std::string_view text);
/// User text made safe as XML character data or an attribute value: the characters of
/// terminal_safe() are escaped the same way (XML 1.0 cannot hold most of them at all), and
/// & < > " ' become entity references. Every SVG renderer passes user strings through it.
std::string xml_escape(std::string_view text);

}  // namespace zorginkoop
