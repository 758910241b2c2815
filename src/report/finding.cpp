// A finding's message in a language, from the bundled catalogues (core/i18n.hpp).

#include "zorginkoop/report/finding.hpp"

#include "zorginkoop/bundled/messages.hpp"

namespace zorginkoop {

std::string Finding::message(Lang lang) const {
    return bundled_messages(lang).render(message_key, params);
}

}  // namespace zorginkoop
