// A finding's message in a language, from the bundled catalogues (core/i18n.hpp).

#include "zorginkoop/report/finding.hpp"

namespace zorginkoop {

std::string Finding::message(Lang lang) const {
    static const MessageCatalogue nl = MessageCatalogue::bundled(Lang::nl);
    static const MessageCatalogue en = MessageCatalogue::bundled(Lang::en);
    return (lang == Lang::en ? en : nl).render(message_key, params);
}

}  // namespace zorginkoop
