"""Benchmark (not a test): tariff build-ups per second, in one run, for
  1. the C++ library (exact),                 bench_tariff_cpp
  2. the same formulas in double (C++),       bench_tariff_cpp (speed-of-light proxy only)
  3. the Python batch API,                    zorginkoop.build_up_many (models already read)
  4. the same with Arrow output,              zorginkoop.build_up_many(..., output="arrow")
  5. the Python batch API from dicts,         zorginkoop.build_up_many (mappings read per row)
  6. the plain-Python decimal reference,      tests/reference/tariff_reference.py
and realism checks per second: C++ (bench_tariff_cpp) against zorginkoop.check_tariffs with
decimal.Decimal and with Arrow output (pyarrow needed for the Arrow rows).

    python bench/bench_tariff.py --cpp build/dev/bench/bench_tariff_cpp [--rows 20000]

Prints a Markdown table with the ratios the issue sets as targets.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reference"))
import tariff_reference as ref  # noqa: E402

MODEL = ROOT / "examples" / "models" / "begeleiding-individueel.yaml"


def per_second(fn, rows: int, repeat: int = 3) -> float:
    """The best of `repeat` timed runs, after one untimed run (imports, first-call set-up)."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return rows / best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cpp", required=True)
    ap.add_argument("--rows", type=int, default=20000)
    args = ap.parse_args()

    cpp = json.loads(subprocess.run([args.cpp, str(MODEL), str(args.rows * 10)], capture_output=True, text=True,
                                    check=True).stdout)
    base = zk.CostModel.load(MODEL)
    dicts = []
    for i in range(args.rows):
        d = base.to_dict()
        d["zorginkoop_cost_model"] = 1
        d["staff"][0]["monthly_salary"] = f"{3500 + i % 256}.{i % 100:02d}"
        dicts.append(d)
    # like bench_tariff_cpp: 256 distinct models, cycled over the rows (the same working set, so that
    # the ratio is the per-row cost of the Python layer, not the cache misses of 20,000 models)
    distinct = [zk.CostModel.from_dict(d) for d in dicts[:256]]
    models = [distinct[i % len(distinct)] for i in range(args.rows)]
    batch = per_second(lambda: zk.build_up_many(models), args.rows)
    batch_arrow = per_second(lambda: zk.build_up_many(models, output="arrow"), args.rows)
    tariffs = ["58.00"] * args.rows
    checks = per_second(lambda: zk.check_tariffs(tariffs, models), args.rows)
    checks_arrow = per_second(lambda: zk.check_tariffs(tariffs, models, output="arrow"), args.rows)
    batch_dicts = per_second(lambda: zk.build_up_many(dicts), args.rows, repeat=1)
    ref_rows = max(args.rows // 10, 500)
    reference = per_second(lambda: [ref.build_up(d) for d in dicts[:ref_rows]], ref_rows, repeat=1)
    assert zk.build_up_many(models[:1])["tariff"][0] == ref.build_up(dicts[0])["tariff"]

    rows = [
        ("C++ library (exact)", cpp["cpp_exact_per_second"]),
        ("same formulas in double (C++, proxy)", cpp["cpp_double_per_second"]),
        ("Python batch API (CostModel objects)", batch),
        ("Python batch API (CostModel objects), Arrow output", batch_arrow),
        ("Python batch API (dicts, read per row)", batch_dicts),
        ("plain-Python decimal reference", reference),
    ]
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}")
    print("| implementation | build-ups per second |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value:,.0f} |")
    exact, dbl = cpp["cpp_exact_per_second"], cpp["cpp_double_per_second"]
    cpp_checks = cpp["cpp_check_per_second"]
    print()
    print("| realism check | checks per second | C++ / this |")
    print("|---|---|---|")
    for name, value in (("C++ library", cpp_checks), ("Python check_tariffs (decimal.Decimal)", checks),
                        ("Python check_tariffs, Arrow output", checks_arrow)):
        print(f"| {name} | {value:,.0f} | {cpp_checks / value:.2f}x |")
    print()
    print(f"- C++ exact vs double: {dbl / exact:.1f}x slower (target: within 5x)")
    print(f"- Python batch vs C++ per row: {exact / batch:.1f}x slower (target: within 2x); from dicts {exact / batch_dicts:.1f}x")
    print(f"- Python batch, Arrow output, vs C++ per row: build-ups {exact / batch_arrow:.2f}x, checks "
          f"{cpp_checks / checks_arrow:.2f}x slower (target: within 1.5x)")
    print(f"- C++ vs reference: {exact / reference:.0f}x faster; Python batch vs reference: {batch / reference:.0f}x "
          f"(target: at least 50x)")


if __name__ == "__main__":
    main()
