"""examples/declarations/: the batch of declaration lines as a DuckDB Arrow UDF over Parquet and on
a Dask LocalCluster (map_partitions) gives what the batch gives on the whole table."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "declarations"


def _module(name: str) -> ModuleType:
    sys.path.insert(0, str(EXAMPLES))
    try:
        spec = importlib.util.spec_from_file_location(f"decl_example_{name}", EXAMPLES / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(EXAMPLES))


@pytest.fixture(scope="module")
def parquet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    pq = pytest.importorskip("pyarrow.parquet")
    table = _module("lines").make_lines(3000, seed=7)
    path = tmp_path_factory.mktemp("decl") / "lines.parquet"
    pq.write_table(table, path, row_group_size=700)
    direct = zk.judge_declaration_lines(EXAMPLES / "contract.zorginkoop.yaml", table)
    expected = dict(Counter(direct.column("rules").to_pylist()))
    assert set(expected) == {"", "DECL-001", "DECL-004"}  # the lines carry both kinds of flaw
    return path, expected


def test_duckdb_arrow_udf(parquet: tuple[Path, dict[str, int]]) -> None:
    pytest.importorskip("duckdb")
    path, expected = parquet
    assert _module("duckdb_udf").judge_parquet(path) == expected


def test_dask_local_cluster(parquet: tuple[Path, dict[str, int]]) -> None:
    pytest.importorskip("dask.distributed")
    path, expected = parquet
    assert _module("dask_partitions").judge_parquet(path, workers=2) == expected


def test_the_examples_run_as_scripts(parquet: tuple[Path, dict[str, int]]) -> None:
    pytest.importorskip("duckdb")
    path, expected = parquet
    run = subprocess.run([sys.executable, str(EXAMPLES / "duckdb_udf.py"), str(path)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert f"DECL-001             {expected['DECL-001']}" in run.stdout
