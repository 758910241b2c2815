#pragma once
// Everything zorginkoop offers, in one include.
#include "zorginkoop/core.hpp"
#include "zorginkoop/data.hpp"
#include "zorginkoop/io/node.hpp"
#include "zorginkoop/io/reader.hpp"
#include "zorginkoop/law/legal_ref.hpp"
#include "zorginkoop/law/registry.hpp"
#include "zorginkoop/report/finding.hpp"
#include "zorginkoop/report/messages.hpp"
#include "zorginkoop/report/report.hpp"
#include "zorginkoop/report/serialise.hpp"
#include "zorginkoop/tariff/ijw.hpp"
#include "zorginkoop/version.hpp"
