"""Benchmark (not a test): tariff build-ups per second, in one run, for
  1. the C++ library (exact),                 bench_tariff_cpp
  2. the same formulas in double (C++),       bench_tariff_cpp (speed-of-light proxy only)
  3. the Python batch API,                    zorginkoop.build_up_many (models already read)
  4. the Python batch API from dicts,         zorginkoop.build_up_many (mappings read per row)
  5. the plain-Python decimal reference,      tests/reference/tariff_reference.py

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


def per_second(fn, rows: int) -> float:
    start = time.perf_counter()
    fn()
    return rows / (time.perf_counter() - start)


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
    models = [zk.CostModel.from_dict(d) for d in dicts]
    batch = per_second(lambda: zk.build_up_many(models), args.rows)
    batch_dicts = per_second(lambda: zk.build_up_many(dicts), args.rows)
    ref_rows = max(args.rows // 10, 500)
    reference = per_second(lambda: [ref.build_up(d) for d in dicts[:ref_rows]], ref_rows)
    assert zk.build_up_many(models[:1])["tariff"][0] == ref.build_up(dicts[0])["tariff"]

    rows = [
        ("C++ library (exact)", cpp["cpp_exact_per_second"]),
        ("same formulas in double (C++, proxy)", cpp["cpp_double_per_second"]),
        ("Python batch API (CostModel objects)", batch),
        ("Python batch API (dicts, read per row)", batch_dicts),
        ("plain-Python decimal reference", reference),
    ]
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}")
    print("| implementation | build-ups per second |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value:,.0f} |")
    exact, dbl = cpp["cpp_exact_per_second"], cpp["cpp_double_per_second"]
    print()
    print(f"- C++ exact vs double: {dbl / exact:.1f}x slower (target: within 5x)")
    print(f"- Python batch vs C++ per row: {exact / batch:.1f}x slower (target: within 2x); from dicts {exact / batch_dicts:.1f}x")
    print(f"- C++ vs reference: {exact / reference:.0f}x faster; Python batch vs reference: {batch / reference:.0f}x "
          f"(target: at least 50x)")


if __name__ == "__main__":
    main()
