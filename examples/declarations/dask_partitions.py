"""The same batch on a Dask LocalCluster: zk.judge_declaration_lines, unchanged, on every partition
of a Parquet file of declaration lines (map_partitions), for when a national analysis outgrows a
notebook.

    python examples/declarations/dask_partitions.py [LINES.parquet] [N]

writes N example lines (examples/declarations/lines.py) to LINES.parquet first when it does not exist
(default: a file in the temporary directory).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

import dask.dataframe as dd
import pyarrow.parquet as pq
from dask.distributed import Client, LocalCluster

import zorginkoop as zk

HERE = Path(__file__).resolve().parent
CONTRACT = str(HERE / "contract.zorginkoop.yaml")  # a path travels to the workers; each reads it


def judge_partition(lines: Any, contract: str = CONTRACT) -> Any:
    """One partition (a DataFrame of lines) -> its verdicts (a DataFrame with the same index)."""
    return zk.judge_declaration_lines(contract, lines)


def judge_parquet(path: str | Path, workers: int = 2) -> dict[str, int]:
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster):
        lines = dd.read_parquet(str(path))
        meta = judge_partition(lines._meta)
        verdicts = lines.map_partitions(judge_partition, meta=meta)
        # Counted per partition, then added up (no shuffle of the lines).
        per_partition = verdicts.map_partitions(lambda v: v["rules"].fillna("").value_counts(), meta=("count", "int64"))
        counts = per_partition.compute().groupby(level=0).sum()
    return {str(k): int(v) for k, v in sorted(counts.items())}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE))
    from lines import make_lines

    path = Path(argv[1]) if len(argv) > 1 else Path(tempfile.gettempdir()) / "zorginkoop-declaration-lines.parquet"
    if not path.exists():
        pq.write_table(make_lines(int(argv[2]) if len(argv) > 2 else 10_000), path, row_group_size=2_500)
    for rules, count in judge_parquet(path).items():
        print(f"{rules or '(none)':20} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
