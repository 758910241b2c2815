"""The Python layer refuses what it cannot read exactly: hostile trees (cycles, deep nesting,
foreign types), integers given as anything but an int, and bad rows in the batch entry points."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "tariff"
D = Decimal

# the VNG 2024 clause as a mapping (what yaml.safe_load of the example gives)
VNG: dict[str, Any] = zk.IndexationClause.load(ROOT / "examples" / "indexation" / "vng-2024.yaml").to_dict()


def worked() -> dict[str, Any]:
    return zk.CostModel.load(FIXTURES / "good-uur.yaml").to_dict()


def nested(depth: int) -> Any:
    value: Any = "x"
    for i in range(depth):
        value = {"a": value} if i % 2 else [value]
    return value


# ---------------------------------------------------------------- trees from Python values

TREE_APIS: list[tuple[str, Callable[[Any], object]]] = [
    ("check", lambda v: zk.check(v)),
    ("load_document", lambda v: zk.load_document(v)),
    ("CostModel.from_dict", lambda v: zk.CostModel.from_dict(v)),
    ("build_up", lambda v: zk.build_up(v)),
    ("build_up_many", lambda v: zk.build_up_many([v])),
    ("build_up_many table", lambda v: zk.build_up_many(worked(), {"name": [v]})),
    ("check_tariffs", lambda v: zk.check_tariffs(["60.23"], [v])),
    ("IndexationClause.from_dict", lambda v: zk.IndexationClause.from_dict(v)),
    ("check_indexation_clause", lambda v: zk.check_indexation_clause(v, [2024])),
    ("IndexSeries.from_dict", lambda v: zk.IndexSeries.from_dict(v)),
    ("PlausibilityBands.from_dict", lambda v: zk.PlausibilityBands.from_dict(v)),
    ("tree_to_json", lambda v: zk._core.tree_to_json(v)),
]


@pytest.mark.parametrize("name,api", TREE_APIS, ids=[n for n, _ in TREE_APIS])
def test_cyclic_value_is_a_parse_error_naming_the_path(name: str, api: Callable[[Any], object]) -> None:
    cyclic: dict[str, Any] = {"id": "x", "inner": {"list": []}}
    cyclic["inner"]["list"].append(cyclic)
    with pytest.raises(zk.ParseError) as e:
        api(cyclic)
    assert "cycle" in e.value.message
    assert e.value.path.endswith("inner.list[0]")


@pytest.mark.parametrize("name,api", TREE_APIS, ids=[n for n, _ in TREE_APIS])
def test_very_deep_value_is_a_parse_error_not_a_crash(name: str, api: Callable[[Any], object]) -> None:
    with pytest.raises(zk.ParseError) as e:
        api({"id": "x", "deep": nested(100_000)})
    assert "nesting deeper than 64" in e.value.message
    assert e.value.path.startswith("deep") or ".deep" in e.value.path


def test_nesting_limit_is_the_readers_limit() -> None:
    # 64 levels of containers are read (the root mapping counts), like the YAML and JSON readers
    ok = nested(63)
    assert zk._core.tree_to_json({"a": ok}) == zk._core.yaml_to_json(zk._core.tree_to_yaml({"a": ok}))
    with pytest.raises(zk.ParseError):
        zk._core.tree_to_json({"a": nested(64)})
    with pytest.raises(zk.ParseError):
        zk._core.parse_json(json.dumps({"a": nested(64)}))


def test_shared_but_not_cyclic_values_are_fine() -> None:
    shared = {"x": "1"}
    assert json.loads(zk._core.tree_to_json({"a": shared, "b": [shared, shared]})) == {
        "a": {"x": "1"}, "b": [{"x": "1"}, {"x": "1"}]}


@pytest.mark.parametrize("value,kind", [
    ({1: "a"}, "int"),
    ({("a", "b"): "c"}, "tuple"),
    ({"s": {"a", "b"}}, "set"),
    ({"s": b"bytes"}, "bytes"),
    ({"s": object()}, "object"),
    ({"s": frozenset()}, "frozenset"),
])
def test_foreign_keys_and_values_are_parse_errors_with_the_path(value: dict[Any, Any], kind: str) -> None:
    tree = {"outer": [value]}
    for api in (zk._core.tree_to_json, zk.CostModel.from_dict, zk.check, zk.IndexationClause.from_dict):
        with pytest.raises(zk.ParseError) as e:
            api(tree)
        assert kind in e.value.message
        assert e.value.path.startswith("outer[0]")


def test_lone_surrogates_are_a_parse_error() -> None:
    with pytest.raises(zk.ParseError) as e:
        zk._core.tree_to_json({"name": "a\udc80b"})
    assert e.value.path == "name"


def test_control_characters_in_names_survive_and_output_stays_well_formed() -> None:
    name = "a\x01b\x1f\x7fc\u2028d\te\nf"
    tree = {"name": name, "k\x02ey": ["\x00x"]}
    assert json.loads(zk._core.tree_to_json(tree)) == tree
    assert zk._core.parse_yaml(zk._core.tree_to_yaml(tree)) == tree
    d = worked()
    d["name"] = name
    model = zk.CostModel.from_dict(d)
    assert model.name == name
    assert zk.CostModel.parse_json(model.to_json()).name == name
    assert zk.CostModel.parse_yaml(model.to_yaml()).name == name


def test_float_in_a_tree_stays_a_type_error() -> None:
    d = worked()
    d["overhead"]["rate"] = 0.1
    with pytest.raises(TypeError, match="binary floating point"):
        zk.CostModel.from_dict(d)


def test_numpy_values_in_a_tree() -> None:
    np = pytest.importorskip("numpy")
    d = worked()
    d["hours"]["annual_hours"] = np.int64(1878)
    assert zk.CostModel.from_dict(d) == zk.CostModel.from_dict({**d, "hours": {**d["hours"], "annual_hours": 1878}})
    d["hours"]["annual_hours"] = np.float32(1878)
    with pytest.raises(TypeError, match="binary floating point"):
        zk.CostModel.from_dict(d)


# ---------------------------------------------------------------- integers


def _money() -> zk.Money:
    return zk.Money("60.00")


def _clause() -> zk.IndexationClause:
    return zk.IndexationClause.from_dict(VNG)


def _schedule() -> zk.indexation.TariffSchedule:
    return _clause().schedule("60.23", 2023, 2024)


# each takes the value to put where an int is expected
INT_PARAMETERS: list[tuple[str, Callable[[Any], object]]] = [
    ("Money.from_cents", lambda v: zk.Money.from_cents(v)),
    ("ijw_minute_invoice", lambda v: zk.ijw_minute_invoice(_money(), v)),
    ("RoundingPolicy.scale", lambda v: zk.RoundingPolicy("half_up", v)),
    ("term_end.months", lambda v: zk.term_end("2024-01-01", v)),
    ("add_months.months", lambda v: zk.add_months("2024-01-31", v, "clamp")),
    ("IndexSeries.figure", lambda v: zk.IndexSeries.bundled("OVA").figure(v, "definitive")),
    ("IndexSeries.find", lambda v: zk.IndexSeries.bundled("OVA").find(v, "definitive")),
    ("IndexSeries.percent", lambda v: zk.IndexSeries.bundled("OVA").percent(v, "definitive")),
    ("clause.rate", lambda v: _clause().rate(v)),
    ("clause.rate.first_contract_year", lambda v: _clause().rate(2024, None, v)),
    ("clause.catch_up_applies", lambda v: _clause().catch_up_applies(v)),
    ("clause.catch_up_applies.first_contract_year", lambda v: _clause().catch_up_applies(2024, v)),
    ("clause.schedule.from_year", lambda v: _clause().schedule("60.23", v, 2024)),
    ("clause.schedule.to_year", lambda v: _clause().schedule("60.23", 2023, v)),
    ("clause.index.from_year", lambda v: _clause().index("60.23", v, 2024)),
    ("clause.index.to_year", lambda v: _clause().index("60.23", 2023, v)),
    ("clause.budget_schedule.from_year", lambda v: _clause().budget_schedule("1000", v, 2024)),
    ("clause.budget_schedule.to_year", lambda v: _clause().budget_schedule("1000", 2023, v)),
    ("clause.index_budget", lambda v: _clause().index_budget("1000", 2023, v)),
    ("clause.catch_up_amount", lambda v: _clause().catch_up_amount("1000", v)),
    ("clause.catch_up_settlement", lambda v: _clause().catch_up_settlement("1000", v)),
    ("clause.check.years", lambda v: _clause().check([v])),
    ("clause.check.first_contract_year", lambda v: _clause().check([2024], None, v)),
    ("check_indexation_clause.years", lambda v: zk.check_indexation_clause(VNG, [v])),
    ("check_indexation_clause.first_contract_year", lambda v: zk.check_indexation_clause(VNG, [2024], None, v)),
    ("check_indexation_clause_text.years",
     lambda v: zk._core.check_indexation_clause_text("components: []\n", zk.IndexSeriesSet.bundled(), [v])),
    ("schedule.tariff", lambda v: _schedule().tariff(v)),
    ("core schedule.tariff", lambda v: _schedule()._core.tariff(v)),
]

# a value each parameter accepts, and the same value in forms that must be refused
GOOD_INT = {
    "Money.from_cents": 1999, "ijw_minute_invoice": 45, "RoundingPolicy.scale": 2,
    "term_end.months": 2, "add_months.months": 1,
}


def _good(name: str) -> int:
    return GOOD_INT.get(name, 2024)


def _same(result: object) -> str:
    to_json = getattr(result, "to_json", None)
    return str(to_json()) if callable(to_json) else repr(result)


@pytest.mark.parametrize("name,call", INT_PARAMETERS, ids=[n for n, _ in INT_PARAMETERS])
def test_int_parameters_refuse_decimal_float_bool_and_str(name: str, call: Callable[[Any], object]) -> None:
    good = _good(name)
    call(good)
    for bad in [D(good) + D("0.9"), D(good), float(good), str(good), True, False]:
        with pytest.raises(TypeError):
            call(bad)


@pytest.mark.parametrize("name,call", INT_PARAMETERS, ids=[n for n, _ in INT_PARAMETERS])
def test_int_parameters_accept_numpy_integers_but_not_numpy_floats(name: str, call: Callable[[Any], object]) -> None:
    np = pytest.importorskip("numpy")
    good = _good(name)
    assert _same(call(np.int64(good))) == _same(call(good))
    assert _same(call(np.int32(good))) == _same(call(good))
    for bad in [np.float64(good), np.float32(good), np.bool_(True)]:
        with pytest.raises(TypeError):
            call(bad)


def test_the_truncation_cases_named_in_the_report() -> None:
    with pytest.raises(TypeError, match="cents"):
        zk.Money.from_cents(D("1999.99"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="minutes"):
        zk.ijw_minute_invoice(zk.Money("60"), D("45.9"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="scale"):
        zk.RoundingPolicy("half_up", D("2.9"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="year"):
        _clause().rate(D("2024.7"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bool"):
        zk.Money.from_cents(True)
    assert zk.Money.from_cents(1999) == zk.Money("19.99")
    assert zk.ijw_minute_invoice(zk.Money("60"), 45) == zk.Money("45.00")


def test_int_out_of_range_is_overflow() -> None:
    with pytest.raises(zk.Overflow):
        zk.Money.from_cents(2**70)
    with pytest.raises(zk.Overflow):
        zk.RoundingPolicy("half_up", 2**40)


def test_years_must_be_a_sequence_of_int() -> None:
    with pytest.raises(TypeError):
        zk.check_indexation_clause(VNG, "2024")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _clause()._c.check(zk.IndexSeriesSet.bundled(), 2024)  # type: ignore[arg-type]


# ---------------------------------------------------------------- batch


def overflowing() -> dict[str, Any]:
    """A model that reads, but whose cost per productive hour is beyond the exact range."""
    d = worked()
    d["hours"] = {"annual_hours": "1878", "productivity": "0.000000000000000001"}
    d["staff"][0]["monthly_salary"] = "100000000"
    zk.CostModel.from_dict(d)
    return d


def test_collect_gathers_every_kind_of_bad_row() -> None:
    base = worked()
    table = {"overhead.rate": ["0.10", None, 0.2, "x", "0.22"]}
    with pytest.raises(zk.InvalidInput) as e:
        zk.build_up_many(base, table)
    assert e.value.path == "rows[1].overhead.rate"
    cols = zk.build_up_many(base, table, errors="collect")
    errors = cols["error"]
    assert errors[0] is None and errors[4] is None
    assert "rows[1].overhead.rate" in errors[1] and "None or NaN" in errors[1]
    assert "rows[2].overhead.rate" in errors[2] and "binary floating point" in errors[2]
    assert "rows[3].overhead.rate" in errors[3]
    assert [t is None for t in cols["tariff"]] == [False, True, True, True, False]


def test_collect_gathers_overflow_from_the_computation() -> None:
    cols = zk.build_up_many([worked(), overflowing(), worked()], errors="collect")
    assert cols["tariff"] == [D("60.23"), None, D("60.23")]
    assert cols["error"][1].startswith("overflow") and "rows[1]" in cols["error"][1]
    with pytest.raises(zk.Overflow) as o:
        zk.build_up_many([worked(), overflowing()])
    assert o.value.path.startswith("rows[1]")
    checked = zk.check_tariffs(["60", "60"], [overflowing(), worked()], errors="collect")
    assert checked["verdict"] == [None, "below_cost"]
    assert checked["error"][0].startswith("overflow")


def test_check_tariffs_collects_bad_tariffs() -> None:
    tariffs: list[Any] = ["58.00", None, 60.23, "abc", D("61"), float("nan"), "99999999999999999999"]
    model = FIXTURES / "good-uur.yaml"
    cols = zk.check_tariffs(tariffs, model, errors="collect")
    errors = cols["error"]
    assert errors[0] is None and errors[4] is None
    for i in (1, 2, 3, 5):
        assert f"tariffs[{i}]" in errors[i]
    assert cols["verdict"][0] == "below_cost" and cols["verdict"][1] is None
    with pytest.raises(zk.InvalidInput) as e:
        zk.check_tariffs(["58.00", "abc"], model)
    assert e.value.path == "tariffs[1]"
    with pytest.raises(zk.InvalidInput) as e:
        zk.check_tariffs(["58.00", None], model)
    assert e.value.path == "tariffs[1]"


def test_collect_models_sequence_with_none_and_float_cells() -> None:
    good = worked()
    floaty = worked()
    floaty["overhead"]["rate"] = 0.22
    cols = zk.build_up_many([good, None, floaty, zk.CostModel.from_dict(good)], errors="collect")
    assert cols["tariff"] == [D("60.23"), None, None, D("60.23")]
    assert cols["error"][0] is None and cols["error"][3] is None
    assert "rows[1]" in cols["error"][1]
    assert "rows[2].overhead.rate" in cols["error"][2] and "binary floating point" in cols["error"][2]


@pytest.mark.parametrize("single", ["path", "model", "mapping", "str"])
def test_a_single_model_where_a_sequence_is_expected_is_a_type_error(single: str) -> None:
    value: Any = {
        "path": FIXTURES / "good-uur.yaml",
        "model": zk.CostModel.load(FIXTURES / "good-uur.yaml"),
        "mapping": worked(),
        "str": str(FIXTURES / "good-uur.yaml"),
    }[single]
    with pytest.raises(TypeError, match="expected a sequence of cost models"):
        zk.build_up_many(value)
    with pytest.raises(TypeError, match="expected a sequence of tariffs"):
        zk.check_tariffs("60.23", value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a sequence of tariffs"):
        zk.check_tariffs(zk.Money("60.23"), value)  # type: ignore[arg-type]


def test_a_table_must_be_a_mapping_and_its_base_one_model() -> None:
    with pytest.raises(TypeError, match="table"):
        zk.build_up_many(worked(), [["0.1"]])
    with pytest.raises(TypeError, match="one base cost model"):
        zk.build_up_many([worked()], {"overhead.rate": ["0.1"]})
    with pytest.raises(TypeError, match="sequence of values"):
        zk.build_up_many(worked(), {"overhead.rate": "0.1"})
    with pytest.raises(zk.InvalidInput, match="item number"):
        zk.build_up_many(worked(), {"staff[x].share": ["1"]})


def test_result_decimals_keep_their_cents_scale() -> None:
    base = worked()
    cols = zk.build_up_many(base, {"overhead.rate": ["0.10", "0.22"]})
    texts = [str(t) for t in cols["tariff"]]
    assert all(t.split(".")[1].__len__() == 2 for t in texts), texts
    whole = worked()
    whole["rounding"] = {"scale": 0, "mode": "half_up"}
    assert str(zk.build_up_many([whole])["tariff"][0]).find(".") == -1
    checks = zk.check_tariffs(["60.30", "61"], base)
    assert [str(g) for g in checks["gap"]] == ["0.07", "0.77"]
    assert [str(c) for c in checks["cost_price"]] == ["60.23", "60.23"]
    assert str(zk.Money("54.3").to_decimal()) == "54.30"
    assert str(zk.Money("54.305").to_decimal()) == "54.305"


def test_a_tariff_ending_in_zero_keeps_its_zero() -> None:
    base = worked()
    for rate in ("0.10", "0.11", "0.12", "0.13", "0.14", "0.15", "0.16", "0.17", "0.18", "0.19", "0.20"):
        tariff = zk.build_up_many(base, {"overhead.rate": [rate]})["tariff"][0]
        assert tariff.as_tuple().exponent == -2
        assert tariff == zk.build_up({**base, "overhead": {**base["overhead"], "rate": rate}}).tariff.to_decimal()


def test_dataframe_results_keep_the_index() -> None:
    pd = pytest.importorskip("pandas")
    base = worked()
    frame = pd.DataFrame({"overhead.rate": ["0.10", "0.22", "0.30"]}, index=["a", "b", "c"])
    out = zk.build_up_many(base, frame)
    assert list(out.index) == ["a", "b", "c"]
    checked = zk.check_tariffs(pd.Series(["60", "61", "62"], index=["a", "b", "c"]), base, frame)
    assert list(checked.index) == ["a", "b", "c"]
    series = pd.Series([base, base], index=[10, 20])
    assert list(zk.build_up_many(series).index) == [10, 20]
    with pytest.raises(TypeError, match="DataFrame"):
        zk.build_up_many(frame)


def test_dataframe_collect_with_nan_and_float_cells() -> None:
    pd = pytest.importorskip("pandas")
    base = worked()
    frame = pd.DataFrame({"overhead.rate": ["0.10", None, 0.2, pd.NA]}, index=[7, 8, 9, 10])
    out = zk.build_up_many(base, frame, errors="collect")
    assert list(out.index) == [7, 8, 9, 10]
    assert out["error"].isna().tolist() == [True, False, False, False]
    floats = pd.DataFrame({"overhead.rate": [0.1, float("nan")]})
    with pytest.raises(TypeError, match="binary floating point"):
        zk.build_up_many(base, floats)
    assert zk.build_up_many(base, floats, errors="collect")["error"].notna().all()


def test_numpy_integer_arrays_are_accepted_and_float_arrays_refused() -> None:
    np = pytest.importorskip("numpy")
    base = worked()
    hours = np.array([1878, 1800], dtype=np.int64)
    out = zk.build_up_many(base, {"hours.annual_hours": hours})
    assert out["tariff"] == zk.build_up_many(base, {"hours.annual_hours": [1878, 1800]})["tariff"]
    checked = zk.check_tariffs(np.array([60, 61]), base)
    assert checked["verdict"] == ["below_cost", "realistic"]
    with pytest.raises(TypeError, match="binary floating point"):
        zk.check_tariffs(np.array([60.0, 61.0]), base)
    with pytest.raises(TypeError, match="binary floating point"):
        zk.build_up_many(base, {"hours.annual_hours": np.array([1878.0])})
    with pytest.raises(TypeError, match="binary floating point"):
        zk.check_tariffs(np.array([60.0], dtype=np.float32), base)


def test_batch_docstrings_name_every_parameter_path_and_column() -> None:
    for fn, params, columns in (
        (zk.build_up_many, ["models", "table", "errors"],
         ["tariff", "total", "cost_per_productive_hour", "productivity", "hours_per_unit", "uncovered_elements",
          "error"]),
        (zk.check_tariffs, ["tariffs", "models", "table", "basis", "bands", "errors"],
         ["verdict", "cost_price", "gap", "gap_percent", "uncovered_elements", "out_of_band",
          "break_even_productivity", "break_even_overhead_rate", "break_even_salary_factor", "error"]),
    ):
        doc = fn.__doc__ or ""
        for p in params:
            assert f"\n{p}\n" in doc, (fn.__name__, p)
        for c in columns:
            assert f"``{c}``" in doc, (fn.__name__, c)
    doc = zk.build_up_many.__doc__ or ""
    for path in ("staff[i]", "overhead.rate", "hours.annual_hours", "rounding.mode", "delivery.", "travel.",
                 "municipal_obligations.", "client_bound_other.", "indexation.", "risk_margin.rate"):
        assert path in doc, path
