"""The batch functions as an analyst uses them: tables read column by column, per-row basis,
float columns, index labels in errors, lossy float views, progress, batch indexation."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "examples" / "models" / "begeleiding-individueel.yaml"
D = Decimal

pd = pytest.importorskip("pandas")


def base() -> zk.CostModel:
    return zk.CostModel.load(MODEL)


def one_by_one(overrides: dict[str, list[Any]]) -> list[Decimal]:
    """The tariff of every row the single-row way: the base model's dict with the row's values."""
    out = []
    rows = len(next(iter(overrides.values())))
    for r in range(rows):
        d = base().to_dict()
        for path, values in overrides.items():
            if path.startswith("staff[0]."):
                d["staff"][0][path.split(".", 1)[1]] = str(values[r])
            else:
                section, key = path.split(".")
                d[section][key] = str(values[r])
        out.append(D(str(zk.build_up(d).tariff)))
    return out


def test_a_dataframe_of_strings_ints_and_decimals_equals_the_single_row_api() -> None:
    overrides = {"staff[0].monthly_salary": [f"{3000 + 7 * i}.{i:02d}" for i in range(30)],
                 "hours.annual_hours": [1800 + i for i in range(30)],
                 "overhead.rate": [D("0.2") + D(i) / 100 for i in range(30)]}
    frame = pd.DataFrame(overrides, index=[f"client-{i}" for i in range(30)])
    out = zk.build_up_many(base(), frame)
    assert list(out.index) == list(frame.index)
    assert list(out["tariff"]) == one_by_one(overrides)
    assert list(zk.build_up_many(base(), overrides)["tariff"]) == one_by_one(overrides)


def test_float_columns_one_error_naming_the_column_or_rounded_with_from_float() -> None:
    floats = pd.DataFrame({"staff[0].monthly_salary": [3500.1, 3499.995, 3600.0]})
    with pytest.raises(TypeError, match=r"table\['staff\[0\]\.monthly_salary'\].*from_float=2"):
        zk.build_up_many(base(), floats)
    out = zk.build_up_many(base(), floats, from_float=2)
    # 3499.995 is 3499.9949999999998908... as a binary float; its shortest repr 3499.995 rounds half even.
    assert list(out["tariff"]) == one_by_one({"staff[0].monthly_salary": ["3500.10", "3500.00", "3600.00"]})
    meta = out.attrs["zorginkoop"]["from_float"]
    assert meta["columns"] == ["staff[0].monthly_salary"] and meta["digits"] == 2 and meta["rounding"] == "half_even"
    plain = zk.build_up_many(base(), {"staff[0].monthly_salary": [3500.1]}, from_float=2)
    assert plain.attrs["zorginkoop"]["from_float"]["digits"] == 2 and plain["tariff"] == out["tariff"][:1].tolist()


def test_basis_per_row() -> None:
    tariffs = pd.Series(["50.00", "70.00", "70.00"])
    bases = pd.Series(["floor", "fixed", "substantiated"])
    out = zk.check_tariffs(tariffs, base(), basis=bases)
    expected = [zk.check_tariff(zk.Money(t), base(), b).verdict.value for t, b in zip(tariffs, bases)]
    assert list(out["verdict"]) == expected
    with pytest.raises(zk.InvalidInput, match=r"basis\[1\]"):
        zk.check_tariffs(["50", "60"], base(), basis=["floor", "cheap"])


def test_a_row_error_names_the_index_label() -> None:
    frame = pd.DataFrame({"staff[0].monthly_salary": ["3500", "-1"]}, index=["anna", "bert"])
    with pytest.raises(zk.InvalidInput) as e:
        zk.build_up_many(base(), frame)
    assert e.value.path == "rows[1].staff[0].monthly_salary"
    assert "index label 'bert'" in str(e.value) and e.value.label == "bert"  # type: ignore[attr-defined]
    collected = zk.build_up_many(base(), frame, errors="collect")
    assert collected.loc["bert", "error"].startswith("invalid_input: rows[1].staff[0].monthly_salary")
    assert pd.isna(collected.loc["anna", "error"])


def test_as_float_adds_lossy_columns_next_to_the_exact_ones() -> None:
    frame = pd.DataFrame({"overhead.rate": ["0.22", "0.25"]})
    out = zk.build_up_many(base(), frame, as_float=True)
    assert isinstance(out["tariff"][0], Decimal)
    assert out["tariff_float_lossy"].tolist() == [float(x) for x in out["tariff"]]
    assert "tariff_float_lossy" in out.attrs["zorginkoop"]["lossy_float_columns"]
    pa = pytest.importorskip("pyarrow")
    table = zk.build_up_many(base(), frame, output="arrow", as_float=True)
    assert table.schema.field("tariff_float_lossy").type == pa.float64()
    assert b"lossy_float_columns" in table.schema.metadata[b"zorginkoop"]


def test_columns_selects_the_result_columns() -> None:
    frame = pd.DataFrame({"overhead.rate": ["0.22", "0.25"]})
    out = zk.build_up_many(base(), frame, columns=["tariff"])
    assert list(out.columns) == ["tariff"]
    with pytest.raises(zk.InvalidInput, match="no result column 'tarif'"):
        zk.build_up_many(base(), frame, columns=["tarif"])


def test_arrow_output_keeps_the_dataframe_index() -> None:
    pytest.importorskip("pyarrow")
    frame = pd.DataFrame({"overhead.rate": ["0.22", "0.25"]}, index=pd.Index(["x", "y"], name="client"))
    table = zk.build_up_many(base(), frame, output="arrow")
    back = table.to_pandas()
    assert list(back.index) == ["x", "y"] and back.index.name == "client"
    assert list(back["tariff"]) == list(zk.build_up_many(base(), frame)["tariff"])


def test_progress_callback_sees_every_row_and_its_exception_stops_the_batch() -> None:
    frame = pd.DataFrame({"overhead.rate": ["0.22"] * 10})
    seen: list[tuple[int, int]] = []
    zk.build_up_many(base(), frame, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (10, 10)

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        zk.check_tariffs(["60"] * 10, base(), frame, progress=stop)


def test_index_many_equals_index_row_by_row() -> None:
    clause = zk.IndexationClause.from_dict({
        "components": [{"series": "OVA", "weight": "0.9"}, {"series": "PPC", "weight": "0.1"}],
        "catch_up": "multiplicative", "first_contract_year_catch_up": False,
        "rate_rounding": {"scale": 2, "mode": "half_up", "at": "parts"},
        "tariff_rounding": {"scale": 2, "mode": "half_up"}, "effective": "01-01"})
    table = pd.DataFrame({"tariff": ["60.23", "70.00", "55.10"], "from_year": [2023, 2023, 2024],
                          "to_year": [2024, 2025, 2025]}, index=["a", "b", "c"])
    out = clause.index_many(table)
    assert list(out.index) == ["a", "b", "c"]
    for label, row in table.iterrows():
        assert out.loc[label, "tariff"] == D(str(clause.index(row["tariff"], int(row["from_year"]), int(row["to_year"]))))
    bad = pd.DataFrame({"tariff": ["60.23", "60.23"], "from_year": [2023, 2023], "to_year": [2024, 2099]},
                       index=["ok", "far"])
    with pytest.raises(zk.MissingData, match="index label 'far'"):
        clause.index_many(bad)
    collected = clause.index_many(bad, errors="collect")
    assert pd.isna(collected.loc["ok", "error"]) and pd.isna(collected.loc["far", "tariff"])
    assert collected.loc["far", "error"].startswith("missing_data: rows[1]")
