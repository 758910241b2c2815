"""Arrow output of the batch tariff functions: equal to the decimal.Decimal output in every cell
(random models of the differential test, bad rows, nulls, negative amounts), decimal128(38, 18)
columns, a typed Overflow for values outside that type, and a clear error without pyarrow."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zorginkoop as zk

pa = pytest.importorskip("pyarrow")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_tariff_differential import models as random_models  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "tariff"
MODELS = ROOT / "examples" / "models"


def worked() -> dict[str, Any]:
    return zk.CostModel.load(FIXTURES / "good-uur.yaml").to_dict()


def same_cells(python: dict[str, list[Any]], table: Any) -> None:
    """Every column, in order, equal cell by cell (Decimal compares by value: 54.30 == 54.300...)."""
    assert table.column_names == list(python)
    for name, values in python.items():
        column = table.column(name)
        text = name in ("verdict", "uncovered_elements", "out_of_band", "error")
        assert column.type == (pa.string() if text else pa.decimal128(38, 18)), name
        assert column.to_pylist() == values, name


def test_build_up_many_arrow_equals_decimal_output() -> None:
    models = [zk.CostModel.load(p) for p in sorted(MODELS.glob("*.yaml"))]
    table = zk.build_up_many(models, output="arrow")
    assert isinstance(table, pa.Table) and table.num_rows == len(models)
    same_cells(zk.build_up_many(models), table)


def test_check_tariffs_arrow_equals_decimal_output_with_negative_gaps_and_nulls() -> None:
    tariffs = ["0.01", "58.00", "60.23", "61.00", "12.34", "100000000000"]
    for basis in ("floor", "fixed", "substantiated"):
        python = zk.check_tariffs(tariffs, FIXTURES / "good-uur.yaml", basis=basis)
        table = zk.check_tariffs(tariffs, FIXTURES / "good-uur.yaml", basis=basis, output="arrow")
        same_cells(python, table)
    assert table.column("gap").to_pylist()[0] == Decimal("-60.22")  # negative: two's complement


def test_collect_rows_are_null_with_their_error() -> None:
    base = worked()
    rows = {"overhead.rate": ["0.10", None, 0.2, "x", "0.22"]}
    python = zk.build_up_many(base, rows, errors="collect")
    table = zk.build_up_many(base, rows, errors="collect", output="arrow")
    same_cells(python, table)
    assert table.column("tariff").null_count == 3
    assert table.column("error").null_count == 2
    tariffs: list[Any] = ["58.00", None, "abc", "61"]
    same_cells(zk.check_tariffs(tariffs, base, errors="collect"),
               zk.check_tariffs(tariffs, base, errors="collect", output="arrow"))


def test_empty_batch() -> None:
    table = zk.build_up_many([], output="arrow")
    assert table.num_rows == 0 and "tariff" in table.column_names


def test_pandas_input_gives_an_arrow_table() -> None:
    pd = pytest.importorskip("pandas")
    base = zk.CostModel.load(FIXTURES / "good-uur.yaml")
    frame = pd.DataFrame({"overhead.rate": ["0.10", "0.22"]})
    table = zk.build_up_many(base, frame, output="arrow")
    assert isinstance(table, pa.Table)
    assert table.column("tariff").to_pylist() == list(zk.build_up_many(base, frame)["tariff"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(random_models(), min_size=1, max_size=8), st.lists(st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal("100000"), places=2, allow_nan=False, allow_infinity=False),
    min_size=8, max_size=8))
def test_random_models_arrow_equals_decimal_output(models: list[dict[str, Any]], tariffs: list[Decimal]) -> None:
    same_cells(zk.build_up_many(models, errors="collect"), zk.build_up_many(models, errors="collect", output="arrow"))
    ts = tariffs[: len(models)]
    for basis in ("floor", "substantiated"):
        same_cells(zk.check_tariffs(ts, models, basis=basis, errors="collect"),
                   zk.check_tariffs(ts, models, basis=basis, errors="collect", output="arrow"))


def huge(productivity: str) -> dict[str, Any]:
    """A model whose cost per hour is beyond 10^19 euros (a Decimal holds up to about 3.4e20)."""
    d = worked()
    d["hours"] = {"annual_hours": "1878", "productivity": productivity}
    d["staff"][0]["monthly_salary"] = "100000000"
    return d


def test_values_outside_decimal128_are_a_typed_overflow() -> None:
    beyond, within = huge("0.00000000000001"), huge("0.00000000000002")  # tariffs 1.2e20 and 6.0e19
    python = zk.build_up_many([worked(), beyond, within])
    assert python["tariff"][1] == Decimal("120174797928690095849.51")
    with pytest.raises(zk.Overflow) as e:
        zk.build_up_many([worked(), beyond, within], output="arrow")
    assert e.value.path == "rows[1].tariff"
    assert "decimal128(38, 18)" in str(e.value)
    table = zk.build_up_many([worked(), beyond, within], errors="collect", output="arrow")
    assert table.column("tariff").to_pylist() == [Decimal("60.23"), None, python["tariff"][2]]
    assert table.column("total").to_pylist()[2] == python["total"][2]  # 20 digits before the point, exact
    assert table.column("uncovered_elements").to_pylist()[1] is None
    error = table.column("error").to_pylist()[1]
    assert error.startswith("overflow") and "rows[1].tariff" in error


def test_bad_output_value_is_invalid_input() -> None:
    with pytest.raises(zk.InvalidInput, match="output"):
        zk.build_up_many([worked()], output="numpy")  # type: ignore[arg-type]
    with pytest.raises(zk.InvalidInput, match="output"):
        zk.check_tariffs(["60"], worked(), output="table")  # type: ignore[arg-type]


def test_without_pyarrow_arrow_output_is_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    with pytest.raises(ImportError, match="needs pyarrow"):
        zk.build_up_many([worked()], output="arrow")
    with pytest.raises(ImportError, match="needs pyarrow"):
        zk.check_tariffs(["60"], worked(), output="arrow")
    assert zk.build_up_many([worked()])["tariff"] == [Decimal("60.23")]  # the default needs no pyarrow
