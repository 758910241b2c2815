#pragma once
// Exact values, dates, errors and the places they name, and languages.
#include "zorginkoop/core/location.hpp"
#include "zorginkoop/core/error.hpp"
#include "zorginkoop/core/decimal.hpp"
#include "zorginkoop/core/rounding.hpp"
#include "zorginkoop/core/rate.hpp"
#include "zorginkoop/core/money.hpp"
#include "zorginkoop/core/date.hpp"
#include "zorginkoop/core/holidays.hpp"
#include "zorginkoop/core/i18n.hpp"
