"""Differential test: the library (C++ through zorginkoop) against the independent plain-Python
reference tests/reference/indexation_reference.py, over many random clauses, series, years and
tariffs. Both read docs/indexation-clause.md the same way (see the reference's header); every rate,
part, figure used, catch-up term and tariff must be identical, and a missing figure must be
reported by both, for the same series, year and status."""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zorginkoop as zk

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reference"))
import indexation_reference as ix  # noqa: E402

D = Decimal
SIDS = ["A", "B", "C"]
YEARS = range(2017, 2029)
STATUSES = ("provisional", "definitive")


def decimals(lo: str, hi: str, max_places: int) -> st.SearchStrategy[Decimal]:
    # few decimals most of the time, so that rounding ties (where the modes differ) are common
    places = st.sampled_from([p for p in (0, 1, 1, 2, 2, 2, 3, 4, 6) if p <= max_places])
    return places.flatmap(
        lambda p: st.decimals(min_value=D(lo), max_value=D(hi), places=p, allow_nan=False, allow_infinity=False)
    )


@st.composite
def weights(draw: st.DrawFn, n: int) -> list[str]:
    places = draw(st.sampled_from([0, 1, 1, 2, 2, 3, 6]))
    unit = 10**places
    cuts = sorted(draw(st.lists(st.integers(min_value=0, max_value=unit), min_size=n - 1, max_size=n - 1)))
    bounds = [0, *cuts, unit]
    return [str(D(bounds[i + 1] - bounds[i]).scaleb(-places)) for i in range(n)]


def optional_subset(draw: st.DrawFn, options: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    return {k: draw(v) for k, v in options.items() if draw(st.booleans())}


@st.composite
def clauses(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(min_value=1, max_value=3))
    sids = draw(st.permutations(SIDS))[:n]
    ws = draw(weights(n))
    c: dict[str, Any] = {"components": [{"series": s, "weight": w} for s, w in zip(sids, ws)]}
    modes = st.sampled_from(["half_up", "half_even", "up", "down"])
    c.update(
        optional_subset(
            draw,
            {
                "catch_up": st.sampled_from(["none", "multiplicative", "additive"]),
                "first_contract_year_catch_up": st.booleans(),
                "rate_rounding": st.builds(
                    dict,
                    st.fixed_dictionaries(
                        {},
                        optional={
                            "scale": st.sampled_from([0, 1, 2, 2, 3, 4, 6]),
                            "mode": modes,
                            "at": st.sampled_from(["parts", "total", "none"]),
                        },
                    ),
                ),
                "tariff_rounding": st.builds(
                    dict,
                    st.fixed_dictionaries(
                        {},
                        optional={
                            "scale": st.integers(min_value=0, max_value=6),
                            "mode": modes,
                            "chain": st.sampled_from(["yearly", "cumulative"]),
                        },
                    ),
                ),
                "effective": st.sampled_from(["01-01", "07-01", "12-31"]),
            },
        )
    )
    return c


@st.composite
def series_figures(draw: st.DrawFn, present: float) -> dict[str, dict[tuple[int, str], Decimal]]:
    """Figures for every series id; each (year, status) is present with probability `present`."""
    out: dict[str, dict[tuple[int, str], Decimal]] = {}
    for sid in SIDS:
        figs: dict[tuple[int, str], Decimal] = {}
        for year in YEARS:
            for status in STATUSES:
                if draw(st.integers(min_value=0, max_value=99)) < int(present * 100):
                    figs[(year, status)] = draw(decimals("-20", "30", 4))
        out[sid] = figs
    return out


def library_set(figures: dict[str, dict[tuple[int, str], Decimal]]) -> zk.IndexSeriesSet:
    return zk.IndexSeriesSet(
        [
            zk.IndexSeries(
                sid,
                [{"year": y, "status": s, "percent": str(p), "source": "random"} for (y, s), p in figs.items()],
            )
            for sid, figs in figures.items()
        ]
    )


_MISSING = re.compile(r"series (\w+): no (provisional|definitive) figure for (\d+)")


def reference_missing(e: LookupError) -> tuple[str, int, str]:
    m = _MISSING.search(str(e))
    assert m, str(e)
    return (m.group(1), int(m.group(3)), m.group(2))


def compare_rate(lib: zk.IndexRate, ref: dict[str, Any]) -> None:
    assert lib.percent == ref["rate"]
    assert lib.weighted_provisional == ref["weighted_provisional"]
    assert lib.catch_up == ref["catch_up"]
    assert lib.rate.to_decimal() == ref["rate_fraction"]
    assert lib.unrounded == ref["unrounded"]
    assert lib.catch_up_applied == ref["catch_up_applied"]
    assert [(f.series, f.year, f.status, f.percent) for f in lib.figures] == [
        (f["series"], f["year"], f["status"], f["percent"]) for f in ref["figures"]
    ]
    for lc, rc in zip(lib.components, ref["components"], strict=True):
        assert (lc.series, lc.weight, lc.provisional_percent) == (rc["series"], rc["weight"], rc["provisional"])
        assert lc.catch_up_term_percent == rc.get("catch_up_term")
        assert lc.catch_up_factor_minus_one_percent == rc.get("catch_up_factor_minus_one")


@settings(max_examples=600, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    clause=clauses(),
    figures=series_figures(0.93),
    year=st.integers(min_value=2019, max_value=2027),
    fcy_offset=st.one_of(st.none(), st.integers(min_value=-3, max_value=1)),
)
def test_rates_are_identical_to_the_reference(
    clause: dict[str, Any], figures: dict[str, dict[tuple[int, str], Decimal]], year: int, fcy_offset: int | None
) -> None:
    fcy = None if fcy_offset is None else year + fcy_offset
    c = zk.IndexationClause.from_dict(clause)
    assert c == zk.IndexationClause.from_dict(c.to_dict())
    s = library_set(figures)
    try:
        ref = ix.rate(clause, figures, year, first_contract_year=fcy)
    except ix.MissingFigure as e:
        expected = reference_missing(e)
        try:
            c.rate(year, series=s, first_contract_year=fcy)
        except zk.MissingData as m:
            assert (m.series, m.year, m.status) == expected
            return
        raise AssertionError(f"the library found a rate where the reference misses {expected}")
    compare_rate(c.rate(year, series=s, first_contract_year=fcy), ref)


@settings(max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    clause=clauses(),
    figures=series_figures(0.97),
    from_year=st.integers(min_value=2018, max_value=2025),
    years=st.integers(min_value=0, max_value=3),
    tariff=decimals("0", "250000", 6),
    fcy_offset=st.one_of(st.none(), st.integers(min_value=-1, max_value=2)),
)
def test_schedules_are_identical_to_the_reference(
    clause: dict[str, Any],
    figures: dict[str, dict[tuple[int, str], Decimal]],
    from_year: int,
    years: int,
    tariff: Decimal,
    fcy_offset: int | None,
) -> None:
    to_year = from_year + years
    fcy = None if fcy_offset is None else from_year + fcy_offset
    c = zk.IndexationClause.from_dict(clause)
    s = library_set(figures)
    try:
        ref = ix.schedule(clause, figures, str(tariff), from_year, to_year, first_contract_year=fcy)
    except ix.MissingFigure as e:
        expected = reference_missing(e)
        try:
            c.schedule(str(tariff), from_year, to_year, series=s, first_contract_year=fcy)
        except zk.MissingData as m:
            assert (m.series, m.year, m.status) == expected
            return
        raise AssertionError(f"the library found a schedule where the reference misses {expected}")
    sched = c.schedule(zk.Money(str(tariff)), from_year, to_year, series=s, first_contract_year=fcy)
    assert [(row.year, row.rate.percent, row.tariff.to_decimal()) for row in sched] == ref
    if ref:
        assert c.index(str(tariff), from_year, to_year, series=s, first_contract_year=fcy).to_decimal() == ref[-1][2]


def test_the_worked_example_agrees_with_the_reference() -> None:
    """A fixed anchor for the random tests: the bundled data and the VNG clause."""
    vng = {
        "components": [{"series": "OVA", "weight": "0.9"}, {"series": "PPC", "weight": "0.1"}],
        "catch_up": "multiplicative",
        "rate_rounding": {"scale": 2, "mode": "half_up", "at": "parts"},
        "tariff_rounding": {"scale": 2, "mode": "half_up"},
    }
    bundled = zk.IndexSeriesSet.bundled()
    ref_series = {
        s.id: {(f.year, f.status): f.percent for f in s.figures} for s in bundled
    }
    c = zk.IndexationClause.from_dict(vng)
    for year in (2018, 2020, 2021, 2022, 2023, 2024, 2025):
        try:
            ref = ix.rate(vng, ref_series, year)
        except ix.MissingFigure:
            continue
        compare_rate(c.rate(year), ref)
    ref = ix.rate(vng, ref_series, 2024)
    assert ref["rate"] == D("6.30")
    assert ix.schedule(vng, ref_series, "60.23", 2023, 2025) == [
        (row.year, row.rate.percent, row.tariff.to_decimal()) for row in c.schedule("60.23", 2023, 2025)
    ]
