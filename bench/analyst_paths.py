"""How fast the analyst's paths are, as ratios measured in one run.

Run from the project root with the built package on PYTHONPATH (pandas, pyarrow and numpy installed):

    PYTHONPATH=build/dev/python python bench/analyst_paths.py [--rows 20000] [--rounds 3]

Every row has its own monthly salary (no result can be reused across rows). First checks that every
path gives the same tariff to the cent as the plain script; then times each path with process CPU
time (all threads), the paths interleaved round by round, and prints ns/row and the ratios against
a plain-Python ``decimal`` script of the same formulas. The machine may be shared: read the ratios,
which come from one run, rather than the absolute times.
"""

from __future__ import annotations

import argparse
import sys
import time
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from pathlib import Path

import numpy as np
import pandas as pd

import zorginkoop as zk

MODEL = Path("examples/models/begeleiding-individueel.yaml")


def salary(i: int) -> str:
    return f"{3000 + i // 100}.{i % 100:02d}"  # distinct for every row below 100,000


def plain_tariff(m: dict[str, D]) -> D:
    """The build-up of the example model (tariffs.md section 3) with decimal, rounded once."""
    one = D(1)
    annual_cost = m["salary"] * 12 * (one + m["holiday"] + m["bonus"]) * (one + m["charges"])
    productive = ((m["annual"] - m["leave"]) * (one - m["sick"]) - m["train_h"] - m["meet_h"]) * (one - m["indirect"])
    professional = annual_cost / m["annual"]
    k = annual_cost / productive
    h = m["h"]
    direct = professional * h + (k - professional) * h + m["travel"] * h + m["share"] * k * h + m["obl"] * h + m["cbo"]
    overhead = direct * m["oh"]
    risk = (direct + overhead) * m["risk"]
    return (direct + overhead + risk).quantize(D("0.01"), ROUND_HALF_UP)


PLAIN_BASE = dict(salary=D("3500.00"), holiday=D("0.08"), bonus=D("0.0833"), charges=D("0.28"), annual=D("1878"),
                  leave=D("144"), sick=D("0.06"), train_h=D("40"), meet_h=D("60"), indirect=D("0.10"), h=D(1),
                  travel=D("1.50"), share=D("0.015"), obl=D("0.80"), cbo=D("0"), oh=D("0.22"), risk=D("0.02"))


def numpy_tariffs(sal: np.ndarray) -> np.ndarray:
    annual_cost = sal * 12 * (1 + 0.08 + 0.0833) * (1 + 0.28)
    productive = ((1878 - 144) * (1 - 0.06) - 40 - 60) * (1 - 0.10)
    professional = annual_cost / 1878
    k = annual_cost / productive
    direct = professional + (k - professional) + 1.50 + 0.015 * k + 0.80 + 0
    overhead = direct * 0.22
    risk = (direct + overhead) * 0.02
    return np.floor((direct + overhead + risk) * 100 + 0.5) / 100


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    n = a.rows
    base = zk.CostModel.load(MODEL)
    template = base.to_dict()
    models = []
    for i in range(n):
        template["staff"][0]["monthly_salary"] = salary(i)
        models.append(zk.CostModel.from_dict(template))
    frame = pd.DataFrame({"staff[0].monthly_salary": [salary(i) for i in range(n)]})
    tariffs = pd.Series([f"{55 + i % 10}.00" for i in range(n)])
    plain_rows = [dict(PLAIN_BASE, salary=D(salary(i))) for i in range(n)]
    sal = np.array([float(salary(i)) for i in range(n)])

    plain = [plain_tariff(r) for r in plain_rows]
    paths = {
        "models, Decimal": lambda: zk.build_up_many(models),
        "models, Arrow": lambda: zk.build_up_many(models, output="arrow"),
        "table, Decimal": lambda: zk.build_up_many(base, frame),
        "table, Decimal, tariff only": lambda: zk.build_up_many(base, frame, columns=["tariff"]),
        "table, Arrow": lambda: zk.build_up_many(base, frame, output="arrow"),
        "check_tariffs, table": lambda: zk.check_tariffs(tariffs, base, frame),
        "check_tariffs, table, Arrow": lambda: zk.check_tariffs(tariffs, base, frame, output="arrow"),
        "plain decimal script": lambda: [plain_tariff(r) for r in plain_rows],
        "numpy float": lambda: numpy_tariffs(sal),
    }
    # Same cents first.
    cents = {
        "models, Decimal": list(paths["models, Decimal"]()["tariff"]),
        "models, Arrow": paths["models, Arrow"]().column("tariff").to_pylist(),
        "table, Decimal": list(paths["table, Decimal"]()["tariff"]),
        "table, Decimal, tariff only": list(paths["table, Decimal, tariff only"]()["tariff"]),
        "table, Arrow": paths["table, Arrow"]().column("tariff").to_pylist(),
        "check_tariffs, table": list(paths["check_tariffs, table"]()["cost_price"]),
        "check_tariffs, table, Arrow": paths["check_tariffs, table, Arrow"]().column("cost_price").to_pylist(),
        "numpy float": [D(f"{x:.2f}") for x in numpy_tariffs(sal)],
    }
    for name, values in cents.items():
        if [D(v).quantize(D("0.01")) for v in values] != plain:
            print(f"{name} disagrees with the plain script")
            return 1
    times: dict[str, list[float]] = {k: [] for k in paths}
    for _ in range(a.rounds):
        for name, fn in paths.items():
            t0 = time.process_time()
            fn()
            times[name].append((time.process_time() - t0) / n * 1e9)

    def median(v: list[float]) -> float:
        return sorted(v)[len(v) // 2]

    ns = {k: median(v) for k, v in times.items()}
    plain_ns = ns["plain decimal script"]
    print(f"{n} rows, {a.rounds} rounds, median process CPU time per row; every path agrees to the cent")
    print(f"{'path':32} {'ns/row':>9} {'plain / path':>13}")
    for name, v in ns.items():
        print(f"{name:32} {v:9.0f} {plain_ns / v:13.2f}")
    print(f"Arrow table output / numpy: {ns['table, Arrow'] / ns['numpy float']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
