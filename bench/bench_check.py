"""Benchmark (not a test): procurement documents checked per second and peak memory per document,
from Python (zorginkoop.check on a loaded Document and on a path). Run after building:

    PYTHONPATH=build/dev/python python3 bench/bench_check.py
"""

from __future__ import annotations

import resource
import time
import tracemalloc
from pathlib import Path

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "examples" / "cases").glob("*.zorginkoop.yaml"))


def main() -> None:
    loaded = [zk.load_document(str(p)) for p in DOCS]
    for label, items in (("loaded Document", loaded), ("path (read + check)", [str(p) for p in DOCS])):
        n = 0
        start = time.perf_counter()
        while time.perf_counter() - start < 3.0:
            for d in items:
                zk.check(d)
                n += 1
        elapsed = time.perf_counter() - start
        print(f"{label:22s} {n / elapsed:10.1f} documents/s over {n} checks")
    tracemalloc.start()
    peaks = []
    for p in DOCS:
        tracemalloc.reset_peak()
        zk.check(str(p))
        peaks.append(tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    print(f"peak Python heap per document: max {max(peaks) / 1024:.1f} KiB (C++ allocations not traced)")
    print(f"process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
