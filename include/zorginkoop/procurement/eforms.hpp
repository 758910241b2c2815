#pragma once
// eForms notices (Commission Implementing Regulation (EU) 2019/1780, the UBL notices published on
// TED and TenderNed) read into a procurement document (docs/eforms.md has the mapping table).
//
// The notices of one procedure (the same cbc:ContractFolderID, BT-04) are merged into one
// Document: every notice becomes a publication with its kind, eForms subtype and date; procedure
// and lot fields come from the contract notice (else the prior information notice, the VEAT
// notice, the award notice, the modification notice, in that order); the award dates come from
// the award notice. Fields are read as the eForms SDK defines them (fields/fields.json); a field
// that the notices leave out, or that the notice's SDK version (cbc:CustomizationID) does not
// define, is listed in EformsImport::not_carried and stays absent, so the rules that need it say
// "not evaluated". What eForms has no field for (products, tariffs, contract clauses, ...) stays
// absent too.
//
// Refused (ParseError naming the notice, the eForms field and the line and column): a file that is
// not an eForms notice (root element, SDK version), notices of different procedures, a notice under
// another legal basis than Directive 2014/24/EU (cbc:RegulatoryDomain 32014L0024), an amount in a
// currency other than EUR, a notice subtype other than 12, 16, 20, 25, 29, 33 and 38, and malformed
// values (dates, amounts, CPV codes). The XML itself is read by io::parse_xml (no DTD, no entity
// expansion, no network).

#include <string>
#include <vector>

#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/xml.hpp"
#include "zorginkoop/law/law.hpp"
#include "zorginkoop/procurement/document.hpp"

namespace zorginkoop::procurement {

/// One notice: its root element and the name of its source (a file name) for messages.
struct EformsNotice {
    io::XmlElement root;
    std::string source;
};

/// A document field the notices do not fill, and why.
struct NotCarried {
    enum class Reason {
        absent,          ///< the notices leave the eForms field(s) out
        not_in_version,  ///< the notices' SDK version does not define the eForms field
        no_eforms_field  ///< eForms has no field for it
    };
    std::string field;   ///< document path ("procedure.exclusion_grounds", "lots[].products")
    std::string eforms;  ///< the eForms field id(s) read for it ("BT-806-Procedure"), empty for no_eforms_field
    Reason reason = Reason::absent;
    std::string detail;  ///< for not_in_version: "eforms-sdk-1.10; defined from eforms-sdk-1.12"
};

/// "absent", "not_in_version", "no_eforms_field".
const char* name(NotCarried::Reason r) noexcept;

struct EformsImport {
    Document document;                     ///< read back by read_document: it loads as any document
    std::vector<NotCarried> not_carried;   ///< in the order of the mapping table
};

/// The notices of one procedure merged into a document under `law` (the notices do not say which
/// care law applies). At least one notice; throws ParseError (see above).
EformsImport import_eforms(const std::vector<EformsNotice>& notices, Law law);
/// Read the notice files (io::read_xml_file with `limits`) and import them.
EformsImport import_eforms_files(const std::vector<std::string>& paths, Law law, const io::ReadLimits& limits = {});

/// Whether a file name names an XML file (ends in ".xml", any case): the command line and Python
/// treat such a path as an eForms notice.
bool is_xml_path(const std::string& path);

}  // namespace zorginkoop::procurement
