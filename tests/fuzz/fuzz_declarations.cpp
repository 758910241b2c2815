// libFuzzer target for the iJw / iWmo declaration reader (JW323, WMO323: XML through the safe XML
// reader) and the DECL rules: the input is the message; it is judged against a fixed contract of its
// law (tests/fixtures/declarations/contract-*.zorginkoop.yaml, embedded below) and rendered as text
// (nl, en), JSON and SARIF. Typed errors (zorginkoop::Error) are the expected outcome of bad input;
// anything else (a crash, a sanitizer report, another exception, a hang) is a bug.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "zorginkoop/declarations/check.hpp"
#include "zorginkoop/report/serialise.hpp"

namespace {

const char* const jeugd_contract = R"zk(# The contract the declaration fixtures are judged against (Jeugdwet): four products, a term of
# four years and the VNG 2024 indexation clause (90 % OVA / 10 % PPC; 6.30 % for 2024).
zorginkoop: 1
id: contract-jeugd-voorbeeld
title: Contract jeugdhulp (fixture of the declaration rules)
law: jeugdwet
term:
  start: 2023-01-01
  end: 2026-12-31
lots:
- id: A
  title: Ambulant
  products:
  - code: 45A53
    category: '45'
    name: Ambulante begeleiding (per minuut gedeclareerd)
    funding: effort
    unit: '04'
    tariff: '60.23'
    declared_per_minute: true
  - code: 45A10
    category: '45'
    name: Verblijf
    funding: effort
    unit: '14'
    tariff: '150.00'
  - code: 45B01
    category: '45'
    name: Vervoer (in euro's)
    funding: effort
    unit: '83'
    tariff: '1.00'
- id: B
  title: Jeugd-ggz
  products:
  - code: '54001'
    category: '54'
    name: Jeugd-ggz behandeling
    funding: effort
    unit: uur
    tariff: '120.00'
contract_clauses:
  indexation:
    components:
    - {series: OVA, weight: '0.9'}
    - {series: PPC, weight: '0.1'}
    catch_up: multiplicative
    first_contract_year_catch_up: true
    rate_rounding: {scale: 2, mode: half_up, at: parts}
    tariff_rounding: {scale: 2, mode: half_up}
    effective: '01-01'
)zk";

const char* const wmo_contract = R"zk(# The contract of the WMO323 fixtures (Wmo 2015): one hourly product, no indexation clause.
zorginkoop: 1
id: contract-wmo-voorbeeld
title: Contract Wmo-begeleiding (fixture of the declaration rules)
law: wmo2015
term:
  start: 2024-01-01
  end: 2025-12-31
lots:
- id: '1'
  title: Begeleiding
  products:
  - code: 02A01
    category: '02'
    name: Individuele begeleiding
    funding: effort
    unit: '04'
    tariff: '58.00'
)zk";

const zorginkoop::procurement::Document& contract(zorginkoop::Law law) {
    static const auto jeugd = zorginkoop::procurement::parse_document_yaml(jeugd_contract, "contract-jeugd.yaml");
    static const auto wmo = zorginkoop::procurement::parse_document_yaml(wmo_contract, "contract-wmo.yaml");
    return law == zorginkoop::Law::jeugdwet ? jeugd : wmo;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    zorginkoop::io::ReadLimits limits;
    limits.max_bytes = 1u << 20;
    try {
        const auto message = zorginkoop::declarations::parse_message(
            std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xml", limits);
        const auto& doc = contract(message.law);
        const auto report = zorginkoop::declarations::check_declarations(doc, message);
        // Every line judged alone, as the batch does.
        const zorginkoop::declarations::Contract judge(doc);
        for (const auto& line : message.lines) (void)judge.judge(line);
        zorginkoop::RenderOptions en;
        en.lang = zorginkoop::Lang::en;
        (void)zorginkoop::to_text(report);
        (void)zorginkoop::to_text(report, en);
        (void)zorginkoop::to_json(report);
        (void)zorginkoop::to_sarif(report, en);
        for (const auto& f : report.findings) {
            (void)f.message(zorginkoop::Lang::nl);
            (void)f.message(zorginkoop::Lang::en);
        }
    } catch (const zorginkoop::Error&) {
    }
    return 0;
}
