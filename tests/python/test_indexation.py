"""Indexation from Python and the command line (docs/indexation-clause.md): the worked example, the
Python API, bundled data and its sources, bad inputs with paths, property tests, the examples
with their checked-in outputs, and the CLI."""

from __future__ import annotations

import copy
import json
import os
import pickle
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "indexation"
EXAMPLES = ROOT / "examples" / "indexation"
SERIES_DIR = ROOT / "data" / "series"
D = Decimal

VNG: dict[str, Any] = {
    "components": [{"series": "OVA", "weight": "0.9"}, {"series": "PPC", "weight": "0.1"}],
    "catch_up": "multiplicative",
    "first_contract_year_catch_up": False,
    "rate_rounding": {"scale": 2, "mode": "half_up", "at": "parts"},
    "tariff_rounding": {"scale": 2, "mode": "half_up"},
    "effective": "01-01",
}


def clause(**changes: Any) -> zk.IndexationClause:
    c = copy.deepcopy(VNG)
    for key, value in changes.items():
        if value is None:
            c.pop(key, None)
        else:
            c[key] = value
    return zk.IndexationClause.from_dict(c)


def run(cli: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def series(sid: str, figures: dict[tuple[int, str], str]) -> zk.IndexSeries:
    return zk.IndexSeries(
        sid,
        [{"year": y, "status": s, "percent": p, "source": "test figure"} for (y, s), p in figures.items()],
    )


# =========================================================================== worked example §2


def test_worked_example_parts_total_and_tariff() -> None:
    c = zk.IndexationClause.from_dict(VNG)
    r = c.rate(2024)
    assert r == D("6.30")
    assert str(r) == "6.30"
    assert isinstance(r, Decimal)
    assert r.weighted_provisional == D("4.70") and r.catch_up == D("1.60")
    assert r.unrounded["weighted_provisional"] == D("4.697")
    assert r.unrounded["catch_up"].quantize(D("0.0001")) == D("1.5970")
    assert r.rate == zk.Rate("0.063")
    assert r.factor == D("1.063")
    assert clause(rate_rounding={"scale": 2, "mode": "half_up", "at": "total"}).rate(2024) == D("6.29")
    assert c.index(zk.Money("60.23"), 2023, 2024) == zk.Money("64.02")
    assert clause(rate_rounding={"scale": 2, "mode": "half_up", "at": "total"}).index("60.23", 2023, 2024) == zk.Money(
        "64.02"
    )
    rows = c.schedule(zk.Money("60.23"), 2023, 2024)
    assert [(row.year, row.rate, row.tariff) for row in rows] == [(2024, D("6.30"), zk.Money("64.02"))]


def test_rate_carries_its_derivation() -> None:
    r = zk.IndexationClause.from_dict(VNG).rate(2024)
    used = {(f.series, f.year, f.status): f.percent for f in r.figures}
    assert used == {
        ("OVA", 2024, "provisional"): D("4.94"),
        ("PPC", 2024, "provisional"): D("2.51"),
        ("OVA", 2023, "provisional"): D("4.74"),
        ("OVA", 2023, "definitive"): D("6.36"),
        ("PPC", 2023, "provisional"): D("4.87"),
        ("PPC", 2023, "definitive"): D("7.02"),
    }
    assert all(f.source.strip() for f in r.figures)
    factors = {c.series: c.catch_up_factor_minus_one_percent for c in r.components}
    assert {k: v.quantize(D("0.0001")) for k, v in factors.items() if v is not None} == {
        "OVA": D("1.5467"),
        "PPC": D("2.0502"),
    }
    d = r.to_dict()
    assert d["rate_percent"] == "6.30" and d["catch_up"]["method"] == "multiplicative"
    assert json.loads(r.to_json())["figures"][0]["series"] == "OVA"
    assert "6.30 %" in r.to_text("en") and "definitief" in r.to_text("nl")
    assert r + 1 == D("7.30") and type(r + 1) is Decimal
    assert copy.copy(r) is r and copy.deepcopy(r) is r
    assert pickle.loads(pickle.dumps(r)) == D("6.30")


def test_schedule_yearly_cumulative_and_budget() -> None:
    c = zk.IndexationClause.from_dict(VNG)
    s = c.schedule("60.23", 2023, 2025)
    assert s.tariffs == {2023: zk.Money("60.23"), 2024: zk.Money("64.02"), 2025: zk.Money("67.16")}
    # 2025 with the 2024 method (multiplicative, parts) is a variant; VNG's own 2025 figure is 4.96
    # (additive; tests/python/test_indexation_vng2025.py).
    assert [row.rate for row in s] == [D("6.30"), D("4.91")]
    assert s.base_year == 2023 and s.to_year == 2025 and s.final_tariff == zk.Money("67.16")
    cum = clause(tariff_rounding={"chain": "cumulative"}).schedule("60.23", 2023, 2025)
    assert cum.final_tariff == zk.Money("67.17")
    assert c.index_budget("1234567.89", 2023, 2024, rounding=zk.RoundingPolicy("half_up", 0)) == zk.Money("1312346")
    assert c.schedule("60.23", 2023, 2023) == []


def test_catch_up_as_money() -> None:
    c = zk.IndexationClause.from_dict(VNG)
    assert c.catch_up_amount(zk.Money("100000.00"), 2024) == zk.Money("1600.00")
    s = c.catch_up_settlement("100000.00", 2024)
    assert (s.over_year, s.catch_up_percent, s.applied) == (2023, D("1.60"), True)
    assert c.catch_up_amount("100000", 2024, first_contract_year=2023) == zk.Money("0")
    assert clause(catch_up="additive").catch_up_amount("100000", 2024) == zk.Money("1670.00")


def test_first_contract_year_and_no_catch_up() -> None:
    c = zk.IndexationClause.from_dict(VNG)
    assert c.rate(2024, first_contract_year=2023) == D("4.70")
    assert c.rate(2024, first_contract_year=2022) == D("6.30")
    assert clause(first_contract_year_catch_up=True).rate(2024, first_contract_year=2023) == D("6.30")
    assert clause(catch_up="none").rate(2024) == D("4.70")
    assert clause(catch_up="additive").rate(2024) == D("6.37")


# =========================================================================== series and errors


def test_series_argument_forms() -> None:
    c = zk.IndexationClause.from_dict(VNG)
    nza = zk.IndexSeries.load(FIXTURES / "ppc_nza_2023.yaml")
    # PPC 2023 definitive 9.99 (NZa) instead of 7.02 (VNG): C = 0.9 x 1.5467 + 0.1 x 4.8822 = 1.8802 -> 1.88
    assert c.rate(2024, series=nza) == D("6.58")
    assert c.rate(2024, series=[nza]) == D("6.58")
    assert c.rate(2024, series=zk.IndexSeriesSet.bundled().with_series(nza)) == D("6.58")
    assert c.rate(2024, series=zk.IndexSeriesSet.bundled()) == D("6.30")
    only = zk.IndexSeriesSet([nza])
    with pytest.raises(zk.InvalidInput) as err:
        c.rate(2024, series=only)
    assert err.value.path == "components[0].series"
    with pytest.raises(TypeError):
        c.rate(2024, series="PPC")  # type: ignore[arg-type]


def test_user_series_and_unknown_series() -> None:
    cbs = series("CBS", {(2024, "provisional"): "6.6", (2023, "provisional"): "6.1", (2023, "definitive"): "6.1"})
    mh = {"components": [{"series": "OVA", "weight": "0.5"}, {"series": "CBS", "weight": "0.5"}], "catch_up": "additive"}
    # a clause holds no figures: its series are resolved by each computation
    c = zk.IndexationClause.from_dict(mh)
    for compute in (lambda: c.rate(2024), lambda: c.schedule("1.00", 2023, 2024), lambda: c.validate()):
        with pytest.raises(zk.InvalidInput) as err:
            compute()
        assert err.value.path == "components[1].series"
    # 0.5 x 4.94 + 0.5 x 6.6 = 5.77; catch-up 0.5 x (6.36 - 4.74) + 0 = 0.81
    assert c.rate(2024, series=[cbs]) == D("6.58")
    c.validate([cbs])
    # checked at once when the series are given, or on request against the bundled set
    assert zk.IndexationClause.from_dict(mh, series=[cbs]) == c
    for kwargs in ({"series": zk.IndexSeriesSet.bundled()}, {"check_series": True}):
        with pytest.raises(zk.InvalidInput) as err:
            zk.IndexationClause.from_dict(mh, **kwargs)  # type: ignore[arg-type]
        assert err.value.path == "components[1].series"


def test_missing_data_names_series_year_and_status() -> None:
    with pytest.raises(zk.MissingData) as err:
        zk.IndexationClause.from_dict(VNG).rate(2026)
    assert (err.value.series, err.value.year, err.value.status) == ("OVA", 2026, "provisional")
    assert err.value.code == "missing_data"
    bundled = zk.IndexSeriesSet.bundled()
    ova = bundled["OVA"]
    with pytest.raises(zk.MissingData) as err2:
        ova.figure(2025, "definitive")
    assert (err2.value.series, err2.value.year, err2.value.status) == ("OVA", 2025, "definitive")
    assert ova.find(2025, "definitive") is None


def test_float_is_refused() -> None:
    c = zk.IndexationClause.from_dict(VNG)
    with pytest.raises(TypeError):
        c.index(60.23, 2023, 2024)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zk.IndexationClause.from_dict({"components": [{"series": "OVA", "weight": 1.0}]})
    with pytest.raises(TypeError):
        series("X", {(2024, "provisional"): 1.5})  # type: ignore[dict-item]


def _fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("bad_*.yaml"))


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: p.name)
def test_bad_fixtures_give_typed_errors_with_paths(path: Path) -> None:
    m = re.match(r"# expect: (\w+) (\w+) (\S+)(?: (\d+))?", path.read_text(encoding="utf-8").splitlines()[0])
    assert m, "the first line states the expected error"
    kind, code, where, line = m.groups()
    classes = {"parse_error": zk.ParseError, "invalid_input": zk.InvalidInput}
    with pytest.raises(classes[code]) as err:
        if kind == "clause":
            zk.IndexationClause.load(path, check_series=True)
        else:
            zk.IndexSeries.load(path)
    assert err.value.code == code
    assert err.value.path == where
    assert err.value.source == str(path)
    if line:
        assert err.value.line == int(line)
    assert err.value.column > 0


def test_there_are_bad_fixtures_for_every_kind() -> None:
    heads = [p.read_text(encoding="utf-8").split()[2:4] for p in _fixtures()]
    assert {tuple(h) for h in heads} >= {
        ("clause", "parse_error"),
        ("clause", "invalid_input"),
        ("series", "parse_error"),
        ("series", "invalid_input"),
    }


def test_series_round_trip_and_strictness() -> None:
    for s in zk.IndexSeriesSet.bundled():
        assert zk.IndexSeries.from_dict(s.to_dict()) == s
        assert zk.IndexSeries.parse(s.to_yaml()) == s
        assert zk.IndexSeries.parse(s.to_json()) == s
    doc = yaml.safe_load((SERIES_DIR / "ova.yaml").read_text(encoding="utf-8"))
    doc["values"][0]["value"] = "1"
    with pytest.raises(zk.ParseError) as err:
        zk.IndexSeries.from_dict(doc)
    assert err.value.path == "values[0].value"


# =========================================================================== bundled data


def unsourced(doc: dict[str, Any]) -> list[str]:
    """Figures of a series document without a source (empty, blank or absent)."""
    out = []
    for i, v in enumerate(doc.get("values", [])):
        source = v.get("source")
        if not isinstance(source, str) or not source.strip():
            out.append(f"{doc.get('id')} values[{i}] ({v.get('year')} {v.get('status')})")
    return out


def test_every_bundled_figure_has_a_source() -> None:
    files = sorted(SERIES_DIR.glob("*.yaml"))
    assert {f.name for f in files} >= {"ova.yaml", "ppc.yaml"}
    for f in files:
        doc = yaml.safe_load(f.read_text(encoding="utf-8"))
        assert unsourced(doc) == [], f.name
        assert len(doc["values"]) > 10
    # the library's view of the bundled data, too
    for s in zk.IndexSeriesSet.bundled():
        for fig in s.figures:
            assert fig.source.strip(), (s.id, fig.year, fig.status)
    # the check itself fails on a figure without a source
    doc = yaml.safe_load((SERIES_DIR / "ppc.yaml").read_text(encoding="utf-8"))
    doc["values"][3]["source"] = " "
    del doc["values"][5]["source"]
    assert len(unsourced(doc)) == 2
    with pytest.raises(zk.ZorginkoopError):
        zk.IndexSeries.from_dict(doc)


def test_bundled_series_match_the_research_figures() -> None:
    s = zk.IndexSeriesSet.bundled()
    assert s.ids() == ["OVA", "PPC"]
    assert [x.id for x in zk.IndexSeries.bundled()] == ["OVA", "PPC"]
    assert zk.IndexSeries.bundled("PPC") == s["PPC"]
    with pytest.raises(zk.InvalidInput):
        zk.IndexSeries.bundled("CPI")
    expected_ova = {
        (2017, "provisional"): "1.54", (2017, "definitive"): "2.04", (2018, "definitive"): "2.96",
        (2019, "provisional"): "4.12", (2019, "definitive"): "3.42", (2020, "provisional"): "2.52",
        (2020, "definitive"): "3.28", (2021, "provisional"): "3.24", (2021, "definitive"): "2.01",
        (2022, "provisional"): "3.87", (2022, "definitive"): "4.42", (2023, "provisional"): "4.74",
        (2023, "definitive"): "6.36", (2024, "provisional"): "4.94", (2024, "definitive"): "6.00",
        (2025, "provisional"): "4.18", (2000, "definitive"): "4.03", (2015, "definitive"): "0.08",
    }  # fmt: skip
    for (year, status), percent in expected_ova.items():
        assert s["OVA"].percent(year, status) == D(percent), (year, status)
    expected_ppc = {
        (2010, "definitive"): "-0.31", (2018, "provisional"): "1.50", (2018, "definitive"): "1.55",
        (2022, "provisional"): "1.83", (2022, "definitive"): "9.25", (2023, "provisional"): "4.87",
        (2023, "definitive"): "7.02", (2024, "provisional"): "2.51", (2024, "definitive"): "3.10",
        (2025, "provisional"): "1.82",
    }  # fmt: skip
    for (year, status), percent in expected_ppc.items():
        assert s["PPC"].percent(year, status) == D(percent), (year, status)
    note = s["PPC"].figure(2023, "definitive").note
    assert "9.99" in note and "7.02" in note
    for sid, year, status in [("OVA", 2025, "definitive"), ("OVA", 2016, "provisional"), ("PPC", 2026, "provisional")]:
        assert s[sid].find(year, status) is None


# =========================================================================== completeness check


def test_check_indexation_clause() -> None:
    assert zk.check_indexation_clause(VNG, [2024, 2025]) == []
    problems = zk.check_indexation_clause(VNG, [2026])
    assert [(p.code, p.series, p.year, p.status) for p in problems] == [
        ("missing_figure", "OVA", 2026, "provisional"),
        ("missing_figure", "OVA", 2025, "definitive"),
        ("missing_figure", "PPC", 2026, "provisional"),
        ("missing_figure", "PPC", 2025, "definitive"),
    ]
    bad = {"components": [{"series": "OVA", "weight": "0.9"}, {"series": "XYZ", "weight": "0.2"}]}
    codes = [(p.code, p.path) for p in zk.check_indexation_clause(bad, [2024])]
    assert codes == [
        ("weights_sum", "components"),
        ("unknown_series", "components[1].series"),
        ("rate_rounding_not_stated", "rate_rounding"),
        ("tariff_rounding_not_stated", "tariff_rounding"),
    ]
    assert [p.code for p in zk.check_indexation_clause({"components": "OVA"}, [2024])] == ["invalid"]
    assert zk.IndexationClause.from_dict(VNG).check([2024]) == []


# =========================================================================== properties

percents = st.decimals(min_value=D("-5"), max_value=D("15"), places=2, allow_nan=False, allow_infinity=False)
tariffs = st.decimals(min_value=D("0"), max_value=D("100000"), places=2, allow_nan=False, allow_infinity=False)
kinds = st.sampled_from(["none", "multiplicative", "additive"])
ats = st.sampled_from(["parts", "total", "none"])
modes = st.sampled_from(["half_up", "half_even", "up", "down"])


@st.composite
def weights(draw: st.DrawFn, n: int) -> list[str]:
    """n non-negative weights with up to 3 decimals summing to exactly 1."""
    cuts = sorted(draw(st.lists(st.integers(min_value=0, max_value=1000), min_size=n - 1, max_size=n - 1)))
    bounds = [0, *cuts, 1000]
    return [str(D(bounds[i + 1] - bounds[i]) / 1000) for i in range(n)]


@settings(max_examples=150, deadline=None, database=None)
@given(n=st.integers(min_value=1, max_value=3), data=st.data(), kind=kinds, at=ats, mode=modes, tariff=tariffs,
       chain=st.sampled_from(["yearly", "cumulative"]))  # fmt: skip
def test_zero_index_leaves_tariffs_unchanged(
    n: int, data: st.DataObject, kind: str, at: str, mode: str, tariff: Decimal, chain: str
) -> None:
    ws = data.draw(weights(n))
    zero = {(y, s): "0" for y in range(2019, 2026) for s in ("provisional", "definitive")}
    ss = [series(f"S{i}", zero) for i in range(n)]
    c = zk.IndexationClause.from_dict(
        {
            "components": [{"series": f"S{i}", "weight": w} for i, w in enumerate(ws)],
            "catch_up": kind,
            "rate_rounding": {"at": at, "mode": mode},
            "tariff_rounding": {"chain": chain, "mode": mode},
        },
        series=ss,
    )
    sched = c.schedule(zk.Money(tariff), 2020, 2025, series=ss)
    assert all(row.rate == 0 for row in sched)
    assert all(t == zk.Money(tariff) for t in sched.tariffs.values())


@settings(max_examples=150, deadline=None, database=None)
@given(n=st.integers(min_value=2, max_value=4), data=st.data(), prev_prov=percents, prev_def=percents, prov=percents,
       kind=kinds, at=ats)  # fmt: skip
def test_equal_series_with_weights_summing_to_one_give_that_series_rate(
    n: int, data: st.DataObject, prev_prov: Decimal, prev_def: Decimal, prov: Decimal, kind: str, at: str
) -> None:
    ws = data.draw(weights(n))
    figs = {(2023, "provisional"): str(prev_prov), (2023, "definitive"): str(prev_def), (2024, "provisional"): str(prov)}
    ss = [series(f"S{i}", figs) for i in range(n)]
    rr = {"at": at, "scale": 2}
    many = zk.IndexationClause.from_dict(
        {"components": [{"series": f"S{i}", "weight": w} for i, w in enumerate(ws)], "catch_up": kind,
         "rate_rounding": rr},
        series=ss,
    )  # fmt: skip
    one = zk.IndexationClause.from_dict(
        {"components": [{"series": "S0", "weight": "1"}], "catch_up": kind, "rate_rounding": rr}, series=ss
    )
    got, want = many.rate(2024, series=ss), one.rate(2024, series=ss)
    if kind == "multiplicative" and at == "none":
        # each weighted term of the ratio is rounded to 18 decimals of the fraction, so the exact
        # sum may differ by at most half a unit per component, i.e. n x 0.5e-18 x 100 percent
        assert abs(got - want) <= D(n) * D("0.5e-16")
    else:
        assert got == want


@settings(max_examples=150, deadline=None, database=None)
@given(rates=st.lists(percents, min_size=1, max_size=3), tariff=tariffs, catch_up_prev=percents)
def test_yearly_chaining_without_rounding_equals_the_product_of_factors(
    rates: list[Decimal], tariff: Decimal, catch_up_prev: Decimal
) -> None:
    # Rates with two decimals (factors with four) and tariffs kept to 16 decimals: over up to three
    # years nothing is rounded away, so the yearly chain must equal base x product of factors.
    figs = {(2020 + i, "provisional"): str(r) for i, r in enumerate(rates, start=1)}
    figs[(2020, "provisional")] = str(catch_up_prev)
    ss = [series("A", figs)]
    last = 2020 + len(rates)
    factor = Fraction(1)
    for r in rates:
        factor *= 1 + Fraction(r) / 100
    exact = Fraction(tariff) * factor
    for chain in ("yearly", "cumulative"):
        c = zk.IndexationClause.from_dict(
            {"components": [{"series": "A", "weight": "1"}], "tariff_rounding": {"scale": 16, "chain": chain}},
            series=ss,
        )
        sched = c.schedule(zk.Money(tariff), 2020, last, series=ss)
        assert Fraction(sched.final_tariff.to_decimal()) == exact
        assert Fraction(sched[-1].cumulative_factor) == factor


@settings(max_examples=200, deadline=None, database=None)
@given(prev=st.lists(percents, min_size=2, max_size=2), prov=st.lists(percents, min_size=2, max_size=2),
       w=st.integers(min_value=0, max_value=100), at=ats, mode=modes)  # fmt: skip
def test_additive_and_multiplicative_agree_when_provisional_equals_definitive(
    prev: list[Decimal], prov: list[Decimal], w: int, at: str, mode: str
) -> None:
    ss = [
        series(sid, {(2023, "provisional"): str(p), (2023, "definitive"): str(p), (2024, "provisional"): str(q)})
        for sid, p, q in zip(("A", "B"), prev, prov)
    ]
    weight = D(w) / 100
    comps = [{"series": "A", "weight": str(weight)}, {"series": "B", "weight": str(1 - weight)}]
    rr = {"at": at, "mode": mode, "scale": 2}
    mult = zk.IndexationClause.from_dict({"components": comps, "catch_up": "multiplicative", "rate_rounding": rr}, ss)
    add = zk.IndexationClause.from_dict({"components": comps, "catch_up": "additive", "rate_rounding": rr}, ss)
    a, b = mult.rate(2024, ss), add.rate(2024, ss)
    assert a == b
    assert a.catch_up == 0 and b.catch_up == 0
    assert a.catch_up_applied and b.catch_up_applied


# =========================================================================== examples and CLI


def _runs() -> list[dict[str, Any]]:
    doc = yaml.safe_load((EXAMPLES / "runs.yaml").read_text(encoding="utf-8"))
    runs: list[dict[str, Any]] = doc["runs"]
    return runs


@pytest.mark.parametrize("entry", _runs(), ids=lambda e: str(e["stdout"]))
def test_examples_have_current_checked_in_output(cli: str, entry: dict[str, Any], tmp_path: Path) -> None:
    args = [str(a) for a in entry["args"]]
    svg_name = entry.get("svg")
    if svg_name:
        i = args.index("--svg")
        args[i + 1] = str(tmp_path / svg_name)
    r = run(cli, "index", *args, cwd=EXAMPLES)
    assert r.returncode == 0, r.stderr
    outputs = [(EXAMPLES / entry["stdout"], r.stdout)]
    if svg_name:
        outputs.append((EXAMPLES / svg_name, (tmp_path / svg_name).read_text(encoding="utf-8")))
    for path, produced in outputs:
        if os.environ.get("ZORGINKOOP_REGENERATE") == "1":
            path.write_text(produced, encoding="utf-8")
        assert path.exists(), f"{path.name} is missing; run with ZORGINKOOP_REGENERATE=1"
        assert produced == path.read_text(encoding="utf-8"), f"{path.name} is out of date"


def test_every_example_clause_has_a_run() -> None:
    clauses = {p.name for p in EXAMPLES.glob("*.yaml") if p.name != "runs.yaml"}
    used = {str(e["args"][e["args"].index("--clause") + 1]) for e in _runs()}
    assert clauses == used
    assert {"vng-2024.yaml"} <= clauses and len(clauses) >= 2


def test_cli_json(cli: str, tmp_path: Path) -> None:
    svg = tmp_path / "chart.svg"
    r = run(cli, "index", "--clause", str(EXAMPLES / "vng-2024.yaml"), "--year", "2024", "--tariff", "60.23",
            "--from", "2023", "--to", "2025", "--format", "json", "--svg", str(svg))  # fmt: skip
    assert r.returncode == 0, r.stderr
    j = json.loads(r.stdout)
    assert j["rate_percent"] == "6.30"
    assert j["derivation"]["weighted_provisional_percent"] == "4.70"
    assert j["derivation"]["catch_up_percent"] == "1.60"
    assert len(j["derivation"]["figures"]) == 6
    assert j["tariffs"] == {"2023": "60.23", "2024": "64.02", "2025": "67.16"}
    assert [row["tariff"] for row in j["schedule"]["rows"]] == ["64.02", "67.16"]
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert {"2023", "2024", "2025", "60.23", "64.02", "67.16"} <= set(texts)
    assert root.find("{http://www.w3.org/2000/svg}path") is not None


def test_cli_text_total_and_defaults(cli: str, tmp_path: Path) -> None:
    total = tmp_path / "total.yaml"
    total.write_text(yaml.safe_dump(dict(VNG, rate_rounding={"scale": 2, "mode": "half_up", "at": "total"})))
    r = run(cli, "index", "--clause", str(total), "--year", "2024", "--tariff", "60.23", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "= 6.294" in r.stdout and "-> 6.29 %" in r.stdout
    assert "EUR 64.02" in r.stdout  # --from and --to default to the year before and the year


def test_cli_series_adds_and_replaces(cli: str) -> None:
    r = run(cli, "index", "--clause", str(EXAMPLES / "vng-2024.yaml"), "--year", "2024",
            "--series", str(FIXTURES / "ppc_nza_2023.yaml"), "--format", "json")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["rate_percent"] == "6.58"


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--year", "2024"], "--clause"),
        (["--clause", "no-such-file.yaml", "--year", "2024"], "no-such-file.yaml"),
        (["--clause", "{vng}"], "--year"),
        (["--clause", "{vng}", "--year", "2024", "--format", "xml"], "--format"),
        (["--clause", "{vng}", "--year", "2024", "--lang", "de"], "--lang"),
        (["--clause", "{vng}", "--year", "2024", "--svg", "x.svg"], "--tariff"),
        (["--clause", "{vng}", "--year", "twenty"], "--year"),
        (["--clause", "{vng}", "--year", "2024", "--tariff", "60,23"], "--tariff"),
        (["--clause", "{vng}", "--year", "2024", "--bogus"], "--bogus"),
        (["--clause", "{bad}", "--year", "2024"], "components[1].weight"),
        (["--clause", "{unknown}", "--year", "2024"], "components[1].series"),
        (["--clause", "{vng}", "--year", "2026"], "missing_data"),
    ],
)
def test_cli_errors_exit_2(cli: str, args: list[str], needle: str) -> None:
    subst = {
        "{vng}": str(EXAMPLES / "vng-2024.yaml"),
        "{bad}": str(FIXTURES / "bad_negative_weight.yaml"),
        "{unknown}": str(FIXTURES / "bad_unknown_series.yaml"),
    }
    r = run(cli, "index", *[subst.get(a, a) for a in args])
    assert r.returncode == 2
    assert needle in r.stderr


def test_cli_check_reports_clause_problems(cli: str) -> None:
    vng = str(EXAMPLES / "vng-2024.yaml")
    ok = run(cli, "index", "--clause", vng, "--check", "--year", "2024", "--format", "json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["findings"] == []
    # 2030 to 2032 have no bundled figures: each series lacks the provisional figures of 2030 to 2032
    # (the catch-up of 2031 compares 2030's) and the definitive figures of 2030 and 2031.
    r = run(cli, "index", "--clause", vng, "--check", "--from", "2030", "--to", "2032", "--format", "json")
    assert r.returncode == 1, r.stderr
    findings = json.loads(r.stdout)["findings"]
    assert [f["rule"] for f in findings] == ["INDEX-MISSING-FIGURE"] * 10
    assert {f["severity"] for f in findings} == {"error"}
    paths = [loc["path"] for f in findings for loc in f["locations"]]
    assert paths == ["components[0].series"] * 5 + ["components[1].series"] * 5
    # The same problems as the library's check, in the same order and words.
    expected = zk.clause_problems_report(
        zk.check_indexation_clause(yaml.safe_load(Path(vng).read_text(encoding="utf-8")), [2031, 2032]), vng
    )
    def essence(fs: list[dict[str, Any]]) -> list[Any]:
        # A mapping read in Python has no lines and columns: compare everything else.
        return [(f["rule"], f["severity"], f["message"], f["params"], [x["path"] for x in f["locations"]]) for f in fs]

    assert essence(findings) == essence(json.loads(expected.to_json())["findings"])
    assert all(loc["line"] > 0 and loc["source"] == vng for f in findings for loc in f["locations"])
    # Dutch words for the figure's status in a Dutch report.
    assert "geen voorlopig cijfer voor 2031" in findings[0]["message"]
    assert "provisional" not in "".join(f["message"] for f in findings)


def test_cli_check_problems_of_the_clause_itself(cli: str, tmp_path: Path) -> None:
    # Weights that do not sum to 1 and no rate rounding: findings, not a read error (exit 2).
    clause_file = tmp_path / "clause.yaml"
    bad = copy.deepcopy(VNG)
    bad["components"][1]["weight"] = "0.30"
    bad.pop("rate_rounding", None)
    clause_file.write_text(yaml.safe_dump(bad), encoding="utf-8")
    r = run(cli, "index", "--clause", str(clause_file), "--check", "--year", "2024", "--format", "sarif")
    assert r.returncode == 1, r.stderr
    sarif = json.loads(r.stdout)
    results = sarif["runs"][0]["results"]
    rules = {res["ruleId"]: res["level"] for res in results}
    assert rules.get("INDEX-WEIGHTS-SUM") == "error"
    assert rules.get("INDEX-RATE-ROUNDING-NOT-STATED") == "warning"
    text = run(cli, "index", "--clause", str(clause_file), "--check", "--year", "2024", "--lang", "en")
    assert text.returncode == 1 and "INDEX-WEIGHTS-SUM" in text.stdout
    # Only a warning left: exit status 0.
    bad["components"][1]["weight"] = VNG["components"][1]["weight"]
    clause_file.write_text(yaml.safe_dump(bad), encoding="utf-8")
    warn = run(cli, "index", "--clause", str(clause_file), "--check", "--year", "2024", "--format", "json")
    assert warn.returncode == 0, warn.stderr
    assert [f["rule"] for f in json.loads(warn.stdout)["findings"]] == ["INDEX-RATE-ROUNDING-NOT-STATED"]


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--check"], "--year"),
        (["--check", "--from", "2024"], "--from Y1 and --to Y2"),
        (["--check", "--from", "2024", "--to", "2024"], "must be after"),
        (["--check", "--year", "2024", "--from", "2023", "--to", "2024"], "not both"),
        (["--check", "--year", "2024", "--tariff", "60.23"], "--tariff does not go with --check"),
        (["--check", "--year", "2024", "--format", "xml"], "text, json or sarif"),
        (["--year", "2024", "--format", "sarif"], "--check"),
    ],
)
def test_cli_check_usage_errors_exit_2(cli: str, args: list[str], needle: str) -> None:
    r = run(cli, "index", "--clause", str(EXAMPLES / "vng-2024.yaml"), *args)
    assert r.returncode == 2, r.stdout
    assert needle in r.stderr


def test_cli_usage_lists_index(cli: str) -> None:
    r = run(cli, "--help")
    assert r.returncode == 0 and "index --clause FILE --year Y" in r.stdout
    assert "with --check, the clause's problems as a report" in r.stdout


# =========================================================================== typing


def test_indexation_api_type_checks(tmp_path: Path) -> None:
    usage = tmp_path / "usage_indexation.py"
    usage.write_text(
        "from decimal import Decimal\n"
        "import zorginkoop as zk\n"
        "c = zk.IndexationClause.from_dict({'components': [{'series': 'OVA', 'weight': '1'}]})\n"
        "r: Decimal = c.rate(2024)\n"
        "w: Decimal = c.rate(2024, series=zk.IndexSeriesSet.bundled()).weighted_provisional\n"
        "t: zk.Money = c.schedule(zk.Money('60.23'), 2023, 2024)[0].tariff\n"
        "m: zk.Money = c.index('60.23', 2023, 2024, series=[zk.IndexSeriesSet.bundled()['PPC']])\n"
        "a: zk.Money = c.catch_up_amount(zk.Money('1'), 2024)\n"
        "ps: list[zk.ClauseProblem] = zk.check_indexation_clause({'components': []}, [2024])\n"
        "y: int = c.rate(2024).figures[0].year\n"
    )
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(usage)],
        capture_output=True, text=True, timeout=600, cwd=Path(zk.__file__).parent.parent,
    )  # fmt: skip
    assert r.returncode == 0, r.stdout + r.stderr
