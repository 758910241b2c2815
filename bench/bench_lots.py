"""Benchmark (not a test): reading procurement documents with 1, 100, 10,000 and 100,000 lots,
as block YAML and as one-line JSON. Each case runs in its own process, so the peak resident set
size (RSS) is that case's; the table also gives the time per lot, which stays flat when reading
is linear in the number of lots. Run after building:

    PYTHONPATH=build/dev/python python3 bench/bench_lots.py [--repeat 3] [--sizes 1,100,10000,100000]

With --cli, checking instead: `zorginkoop check --format text|json|sarif` on one-line JSON
documents whose every lot has a negative tariff (a finding per lot), each run in its own process;
the table gives the time, the peak RSS of the command and the size of its output:

    python3 bench/bench_lots.py --cli build/dev/zorginkoop --sizes 10000,100000,600000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Runs in a child process: load the document `repeat` times; print the best time, the peak RSS
# after loading and the peak RSS of the process before reading anything (the baseline).
CHILD = """
import json, resource, sys, time
import zorginkoop
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
path, repeat = sys.argv[1], int(sys.argv[2])
best = None
for _ in range(repeat):
    start = time.perf_counter()
    doc = zorginkoop.load_document(path)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
    del doc
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": best, "peak_kib": peak, "base_kib": base}))
"""


def document(lots: int, tariff: str = "60.23") -> dict:
    return {
        "zorginkoop": 1,
        "id": f"bench-{lots}",
        "law": "jeugdwet",
        "lots": [
            {
                "id": f"L{i}",
                "title": f"Perceel {i}",
                "provider_category": "B",
                "products": [{"code": "45A53", "unit": "04", "tariff": tariff}],
            }
            for i in range(lots)
        ],
    }


def yaml_text(doc: dict) -> str:
    out = [f"zorginkoop: {doc['zorginkoop']}", f"id: {doc['id']}", f"law: {doc['law']}", "lots:"]
    for lot in doc["lots"]:
        p = lot["products"][0]
        out += [
            f"  - id: {lot['id']}",
            f"    title: {lot['title']}",
            f"    provider_category: {lot['provider_category']}",
            "    products:",
            f"      - {{code: \"{p['code']}\", unit: \"{p['unit']}\", tariff: \"{p['tariff']}\"}}",
        ]
    return "\n".join(out) + "\n"


def run(path: Path, repeat: int) -> dict:
    r = subprocess.run([sys.executable, "-c", CHILD, str(path), str(repeat)], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def run_check(cli: str, path: Path, fmt: str, out: Path) -> dict:
    """One `zorginkoop check` in its own process: its time, peak RSS (from wait4) and output bytes."""
    start = time.perf_counter()
    with out.open("wb") as sink:
        proc = subprocess.Popen([cli, "check", str(path), "--format", fmt], stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"zorginkoop check exited {proc.returncode}: {err}")
    return {"seconds": elapsed, "peak_kib": usage.ru_maxrss, "bytes": out.stat().st_size}


def main_check(cli: str, sizes: list[int]) -> None:
    print(f"{'lots':>8} {'input bytes':>12} {'format':<6} {'time (s)':>9} {'peak RSS (MiB)':>15} {'output bytes':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"{n}.json"
            doc = document(n, "-60.23")
            for lot in doc["lots"]:  # compact lots (about 60 bytes), so that 600,000 stay under the 64 MiB limit
                del lot["title"], lot["products"][0]["code"]
            path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
            size = path.stat().st_size
            for fmt in ("text", "json", "sarif"):
                r = run_check(cli, path, fmt, Path(tmp) / f"out.{fmt}")
                print(f"{n:>8} {size:>12,} {fmt:<6} {r['seconds']:>9.2f} {r['peak_kib'] / 1024:>15.1f} {r['bytes']:>13,}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="loads per case; the best time counts")
    ap.add_argument("--sizes", default="1,100,10000,100000", help="numbers of lots, comma-separated")
    ap.add_argument("--cli", help="the zorginkoop command: benchmark `check` on documents with a finding per lot")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.cli:
        main_check(args.cli, sizes)
        return
    print(f"{'lots':>8} {'format':<14} {'bytes':>11} {'time (s)':>10} {'us/lot':>8} {'peak RSS (MiB)':>15} {'+ over base':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            doc = document(n)
            cases = (("YAML", f"{n}.yaml", yaml_text(doc)), ("one-line JSON", f"{n}.json", json.dumps(doc, separators=(",", ":"))))
            for label, name, text in cases:
                path = Path(tmp) / name
                path.write_text(text, encoding="utf-8")
                r = run(path, args.repeat)
                print(
                    f"{n:>8} {label:<14} {len(text):>11,} {r['seconds']:>10.4f} {r['seconds'] / n * 1e6:>8.2f} "
                    f"{r['peak_kib'] / 1024:>15.1f} {(r['peak_kib'] - r['base_kib']) / 1024:>12.1f}"
                )


if __name__ == "__main__":
    main()
