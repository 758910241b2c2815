"""Benchmark (not a test): declaration lines judged per second against a contract, and peak RSS,
  1. in C++ (declarations::Contract::judge over lines in memory),   bench_declarations
  2. through Arrow from Python (zorginkoop.judge_declaration_lines on a pyarrow Table),
on the same 1,000,000 lines (examples/declarations/lines.py; the C++ program makes the same lines).

    PYTHONPATH=build/dev/python python bench/bench_declarations.py --cpp build/dev/bench/bench_declarations [--lines N]

Prints a Markdown table. Peak RSS is the whole process's (the lines, the table and the verdicts).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "declarations"
CONTRACT = EXAMPLES / "contract.zorginkoop.yaml"
sys.path.insert(0, str(EXAMPLES))
from lines import make_lines  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cpp", required=True)
    ap.add_argument("--lines", type=int, default=1_000_000)
    args = ap.parse_args()

    cpp = json.loads(subprocess.run([args.cpp, str(CONTRACT), str(args.lines)], capture_output=True, text=True,
                                    check=True).stdout)
    table = make_lines(args.lines)
    contract = zk.load_document(CONTRACT)
    zk.judge_declaration_lines(contract, table.slice(0, 1000))  # first-call set-up
    best = float("inf")
    fired = 0
    for _ in range(3):
        start = time.perf_counter()
        out = zk.judge_declaration_lines(contract, table)
        best = min(best, time.perf_counter() - start)
        fired = out.num_rows - out.column("rules").to_pylist().count("")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert fired == cpp["fired"], (fired, cpp["fired"])  # the same lines, the same verdicts
    arrow = args.lines / best
    print(f"| path | lines | lines per second | peak RSS | fired |")
    print(f"|---|---|---|---|---|")
    print(f"| C++ (`Contract::judge`) | {cpp['lines']:,} | {cpp['lines_per_second']:,.0f} | "
          f"{cpp['peak_rss_kib'] / 1024:.0f} MiB | {cpp['fired']:,} |")
    print(f"| Arrow (`judge_declaration_lines`) | {args.lines:,} | {arrow:,.0f} | {peak / 1024:.0f} MiB | {fired:,} |")
    print(f"\nArrow / C++ per line: {cpp['lines_per_second'] / arrow:.2f}x the time")


if __name__ == "__main__":
    main()
