"""Declaration lines for the examples and the benchmark: a pyarrow Table with one line per row,
columns named after the iJw elements (amounts in eurocents), made from integers only (no random
floats), the same for the same ``n`` and ``seed``. About one line in four breaks a rule (one in
eight DECL-001, one in eight DECL-004)."""

from __future__ import annotations

import datetime
from typing import Any

# (category, code, unit, hourly or unit tariff in cents for 2023 and 2024, per minute)
PRODUCTS = [
    ("45", "45A53", "01", (6023, 6402), True),
    ("54", "54001", "04", (12000, 12756), False),
    ("45", "45A10", "14", (15000, 15945), False),
]


def _half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def make_lines(n: int, seed: int = 1) -> Any:
    import pyarrow as pa

    state = seed
    cols: dict[str, list[Any]] = {k: [] for k in ("ReferentieNummer", "ProductCategorie", "ProductCode", "Begindatum",
                                                   "Einddatum", "GeleverdVolume", "Eenheid", "ProductTarief",
                                                   "IngediendBedrag")}
    for i in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        r = state >> 33
        category, code, unit, tariffs, minute = PRODUCTS[r % 3]
        year = 2023 + (r >> 2) % 2
        month = 1 + (r >> 3) % 12
        start = datetime.date(year, month, 1)
        end = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1))
        volume = 1 + (r >> 7) % 120
        hourly = tariffs[year - 2023]
        tariff = _half_up(hourly, 60) if minute else hourly
        amount = _half_up(hourly * volume, 60) if minute else hourly * volume
        flaw = (r >> 14) % 8
        if flaw == 1:
            amount = tariff * volume  # minutes x minute tariff, or a wrong amount (DECL-004)
            if not minute:
                amount += 1
        elif flaw == 2:
            code = code[:-1] + "9"  # not in the contract (DECL-001)
        cols["ReferentieNummer"].append(f"R{i:09d}")
        cols["ProductCategorie"].append(category)
        cols["ProductCode"].append(code)
        cols["Begindatum"].append(start)
        cols["Einddatum"].append(end)
        cols["GeleverdVolume"].append(volume)
        cols["Eenheid"].append(unit)
        cols["ProductTarief"].append(tariff)
        cols["IngediendBedrag"].append(amount)
    return pa.table(cols)
