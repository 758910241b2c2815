// XML reader on libxml2's SAX2 interface: the tree is built here (XmlElement), with the depth and
// size limits of the other readers. Hardening, on top of libxml2's defaults:
// - XML_PARSE_NONET, and neither XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDVALID nor
//   XML_PARSE_HUGE: no network, no DTD loaded, no entity substituted, libxml2's own limits kept;
// - a DOCTYPE stops the parser at once (internalSubset), before any declaration in it is parsed,
//   so neither an external entity nor an internal entity bomb can take effect;
// - no getEntity handler: an entity reference other than the five predefined ones is a fatal error;
// - only UTF-8 (with or without a byte order mark): a document that makes libxml2 convert its
//   encoding is refused, so every byte offset is an offset into the caller's text.
// libxml2's error channel is replaced by a structured handler per parse: nothing is printed.

#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "zorginkoop/io/xml.hpp"

namespace zorginkoop::io {
namespace {

std::string str(const xmlChar* s) { return s ? std::string(reinterpret_cast<const char*>(s)) : std::string(); }

class Builder {
public:
    Builder(std::string_view text, const std::string& source, const ReadLimits& limits)
        : text_(text), source_(source), limits_(limits) {}

    XmlElement run() {
        static std::once_flag once;
        std::call_once(once, [] { xmlInitParser(); });

        xmlSAXHandler handler;
        std::memset(&handler, 0, sizeof handler);
        handler.initialized = XML_SAX2_MAGIC;
        handler.startElementNs = &Builder::on_start;
        handler.endElementNs = &Builder::on_end;
        handler.characters = &Builder::on_text;
        handler.cdataBlock = &Builder::on_text;
        handler.internalSubset = &Builder::on_doctype;
        handler.reference = &Builder::on_reference;
        handler.serror = &Builder::on_error;

        ctxt_ = xmlCreateMemoryParserCtxt(text_.data(), static_cast<int>(text_.size()));
        if (!ctxt_) throw ParseError("cannot initialise the XML parser", Location::at("").in(source_));
        xmlSAXHandlerPtr own = ctxt_->sax;
        ctxt_->sax = &handler;
        ctxt_->userData = this;
        xmlCtxtUseOptions(ctxt_, XML_PARSE_NONET);
        xmlParseDocument(ctxt_);
        const bool well_formed = ctxt_->wellFormed != 0;
        ctxt_->sax = own;  // libxml2 frees ctxt->sax with the context
        xmlFreeParserCtxt(ctxt_);
        ctxt_ = nullptr;

        if (failed_) throw ParseError(error_, error_at_);
        if (!well_formed || !root_done_)
            throw ParseError("malformed XML", Location::at(path()).in(source_));
        return std::move(root_);
    }

private:
    static Builder& self(void* ctx) { return *static_cast<Builder*>(ctx); }

    // The position of the '<' that starts the tag the parser is in: libxml2 calls startElementNs
    // with its cursor at the tag's closing '>' (or "/>"), and '<' cannot occur inside a tag.
    Mark tag_start() {
        const xmlParserInputPtr in = ctxt_->input;
        std::size_t at = static_cast<std::size_t>(in->consumed) + static_cast<std::size_t>(in->cur - in->base);
        if (at > text_.size()) at = text_.size();
        while (at > pos_ && text_[at - 1] != '<') --at;
        if (at > pos_) --at;
        for (; pos_ < at; ++pos_) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '\n') {
                ++line_;
                column_ = 1;
            } else if ((c & 0xC0) != 0x80 && !(pos_ == 0 && c == 0xEF)) {
                ++column_;  // count characters, not bytes (and not a byte order mark)
            }
        }
        return Mark{line_, column_};
    }

    void fail(std::string message, Location where) {
        if (failed_) return;
        failed_ = true;
        error_ = std::move(message);
        error_at_ = std::move(where);
        xmlStopParser(ctxt_);
    }

    std::string path() const {
        std::string p;
        for (const auto& e : stack_) p += (p.empty() ? "" : "/") + e.qname();
        return p;
    }

    static void on_start(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar* uri, int, const xmlChar**,
                         int nb_attributes, int, const xmlChar** attributes) {
        Builder& b = self(ctx);
        if (b.failed_) return;
        const Mark m = b.tag_start();
        if (b.ctxt_->input->buf && b.ctxt_->input->buf->encoder) {
            b.fail("only UTF-8 XML is accepted", Location::at(b.path()).in(b.source_).on(m));
            return;
        }
        if (b.root_done_) {
            b.fail("content after the root element", Location::at(b.path()).in(b.source_).on(m));
            return;
        }
        if (b.stack_.size() >= b.limits_.max_depth) {
            b.fail("nesting deeper than " + std::to_string(b.limits_.max_depth) + " levels",
                   Location::at(b.path()).in(b.source_).on(m));
            return;
        }
        XmlElement e;
        e.ns = str(uri);
        e.prefix = str(prefix);
        e.name = str(local);
        e.mark = m;
        for (int i = 0; i < nb_attributes; ++i) {
            const xmlChar** a = attributes + 5 * i;  // localname, prefix, URI, value, end of value
            e.attributes.push_back(XmlAttribute{str(a[2]), str(a[0]),
                                                std::string(reinterpret_cast<const char*>(a[3]),
                                                            static_cast<std::size_t>(a[4] - a[3]))});
        }
        b.stack_.push_back(std::move(e));
    }

    static void on_end(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
        Builder& b = self(ctx);
        if (b.failed_ || b.stack_.empty()) return;
        XmlElement e = std::move(b.stack_.back());
        b.stack_.pop_back();
        if (b.stack_.empty()) {
            b.root_ = std::move(e);
            b.root_done_ = true;
        } else {
            b.stack_.back().children.push_back(std::move(e));
        }
    }

    static void on_text(void* ctx, const xmlChar* ch, int len) {
        Builder& b = self(ctx);
        if (b.failed_ || b.stack_.empty() || len <= 0) return;
        b.stack_.back().text.append(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len));
    }

    static void on_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
        Builder& b = self(ctx);
        const xmlParserInputPtr in = b.ctxt_->input;
        b.fail("a DOCTYPE is not accepted (no DTD is read and no entity is expanded)",
               Location::at("").in(b.source_).line_col(static_cast<std::size_t>(in->line > 0 ? in->line : 0),
                                                      static_cast<std::size_t>(in->col > 0 ? in->col : 0)));
    }

    static void on_reference(void* ctx, const xmlChar* name) {
        Builder& b = self(ctx);
        const xmlParserInputPtr in = b.ctxt_->input;
        b.fail("entity reference &" + str(name) + "; is not accepted",
               Location::at(b.path()).in(b.source_).line_col(static_cast<std::size_t>(in->line > 0 ? in->line : 0),
                                                            static_cast<std::size_t>(in->col > 0 ? in->col : 0)));
    }

    static void on_error(void* ctx, xmlErrorPtr err) {
        if (!ctx || !err || err->level == XML_ERR_WARNING) return;
        Builder& b = self(ctx);
        std::string message = err->message ? err->message : "malformed XML";
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        b.fail("XML error: " + message,
               Location::at(b.path()).in(b.source_).line_col(static_cast<std::size_t>(err->line > 0 ? err->line : 0),
                                                            static_cast<std::size_t>(err->int2 > 0 ? err->int2 : 0)));
    }

    std::string_view text_;
    std::string source_;
    ReadLimits limits_;
    xmlParserCtxtPtr ctxt_ = nullptr;
    std::vector<XmlElement> stack_;
    XmlElement root_;
    bool root_done_ = false;
    bool failed_ = false;
    std::string error_;
    Location error_at_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t column_ = 1;
};

}  // namespace

XmlElement parse_xml(std::string_view text, const std::string& source, const ReadLimits& limits) {
    if (text.size() > limits.max_bytes)
        throw ParseError("input is " + std::to_string(text.size()) + " bytes; the limit is " +
                             std::to_string(limits.max_bytes),
                         Location::at("").in(source));
    return Builder(text, source, limits).run();
}

XmlElement read_xml_file(const std::string& path, const ReadLimits& limits) {
    return parse_xml(read_text_file(path, limits.max_bytes), path, limits);
}

}  // namespace zorginkoop::io
