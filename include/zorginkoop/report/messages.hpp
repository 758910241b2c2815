#pragma once
// The message catalogues moved to the core i18n module (zorginkoop/core/i18n.hpp); this header is
// kept so that code including it still compiles.

#include "zorginkoop/core/i18n.hpp"
#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/report/finding.hpp"
