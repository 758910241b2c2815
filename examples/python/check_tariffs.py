"""Check a table of tariffs against their cost models, as an analyst would.

    python examples/python/check_tariffs.py examples/python/tariffs.csv

The table has one row per product: the cost model (a path relative to the table), the tariff
and the price basis. All rows are checked in one call per basis (no Python loop per row in
the computation); amounts stay exact (decimal.Decimal), never float.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import zorginkoop as zk


def main(table: Path) -> int:
    with table.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_basis: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_basis[row["basis"]].append(i)
    results: dict[int, dict[str, object]] = {}
    for basis, indexes in by_basis.items():
        models = [zk.CostModel.load(table.parent / rows[i]["model"]) for i in indexes]
        cols = zk.check_tariffs([rows[i]["tariff"] for i in indexes], models, basis=basis)
        for j, i in enumerate(indexes):
            results[i] = {name: values[j] for name, values in cols.items()}
    print(f"{'product':36} {'basis':14} {'tariff':>9} {'cost':>9} {'gap':>9} {'gap %':>7}  verdict")
    not_realistic = 0
    for i, row in enumerate(rows):
        r = results[i]
        gap_pct = Decimal(str(r["gap_percent"])).quantize(Decimal("0.01"))
        cost, gap = zk.Money(r["cost_price"]), zk.Money(r["gap"])  # type: ignore[arg-type]
        print(f"{row['product']:36} {row['basis']:14} {row['tariff']:>9} {cost!s:>9} {gap!s:>9} "
              f"{gap_pct!s:>7}  {r['verdict']}" + (f" (missing: {r['uncovered_elements']})" if r["uncovered_elements"] else ""))
        not_realistic += r["verdict"] != "realistic"
    print(f"{len(rows)} tariffs checked, {not_realistic} not realistic")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
