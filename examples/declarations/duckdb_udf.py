"""Declaration lines judged inside DuckDB: zk.judge_declaration_lines as an Arrow UDF over a
Parquet file of lines. DuckDB hands the UDF whole Arrow vectors; the lines never become Python
objects one by one.

    python examples/declarations/duckdb_udf.py [LINES.parquet] [N]

writes N example lines (examples/declarations/lines.py) to LINES.parquet first when it does not exist
(default: a file in the temporary directory).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

import duckdb
from duckdb.func import PythonUDFType
import pyarrow as pa
import pyarrow.parquet as pq

import zorginkoop as zk

HERE = Path(__file__).resolve().parent
CONTRACT = zk.load_document(HERE / "contract.zorginkoop.yaml")
COLUMNS = ["ProductCategorie", "ProductCode", "Begindatum", "Einddatum", "GeleverdVolume", "Eenheid", "ProductTarief",
           "IngediendBedrag"]


def decl_rules(category: pa.Array, code: pa.Array, start: pa.Array, end: pa.Array, volume: pa.Array, unit: pa.Array,
               tariff: pa.Array, amount: pa.Array) -> pa.Array:
    """The rules each line breaks ('' when none), for DuckDB: one Arrow array per column."""
    arrays = [category, code, start, end, volume, unit, tariff, amount]
    verdicts = zk.judge_declaration_lines(CONTRACT, pa.table(arrays, names=COLUMNS))
    return verdicts.column("rules").combine_chunks()


def judge_parquet(path: str | Path) -> dict[str, int]:
    con = duckdb.connect()
    types: list[Any] = [duckdb.sqltype(t) for t in ("VARCHAR", "VARCHAR", "DATE", "DATE", "BIGINT", "VARCHAR", "BIGINT", "BIGINT")]
    con.create_function("decl_rules", decl_rules, types, duckdb.sqltype("VARCHAR"), type=PythonUDFType.ARROW)
    rows = con.execute(
        f"SELECT decl_rules({', '.join(COLUMNS)}) AS rules, count(*) FROM read_parquet(?) GROUP BY rules ORDER BY rules",
        [str(path)],
    ).fetchall()
    return {str(rules): int(count) for rules, count in rows}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE))
    from lines import make_lines

    path = Path(argv[1]) if len(argv) > 1 else Path(tempfile.gettempdir()) / "zorginkoop-declaration-lines.parquet"
    if not path.exists():
        pq.write_table(make_lines(int(argv[2]) if len(argv) > 2 else 10_000), path)
    for rules, count in judge_parquet(path).items():
        print(f"{rules or '(none)':20} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
