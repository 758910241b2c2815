"""The library against the independent plain-Python decimal reference (tests/reference), over
10,000 random cost models covering every unit, option and rounding placement of docs/cost-model.md."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zorginkoop as zk

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reference"))
import tariff_reference as ref  # noqa: E402


def dec(places: int, lo: str, hi: str) -> st.SearchStrategy[str]:
    return st.decimals(min_value=Decimal(lo), max_value=Decimal(hi), places=places, allow_nan=False,
                       allow_infinity=False).map(str)


@st.composite
def shares(draw: st.DrawFn) -> list[str]:
    n = draw(st.integers(1, 3))
    cuts = sorted(draw(st.lists(st.integers(1, 19), min_size=n - 1, max_size=n - 1, unique=True)))
    bounds = [0, *cuts, 20]
    return [str(Decimal(bounds[i + 1] - bounds[i]) / 20) for i in range(n)]


@st.composite
def models(draw: st.DrawFn) -> dict[str, Any]:
    unit = draw(st.sampled_from(["01", "04", "14", "16", "82", "83", "84", "uur", "dagdeel"]))
    m: dict[str, Any] = {"zorginkoop_cost_model": 1, "name": "random", "law": draw(st.sampled_from(["jeugdwet", "wmo2015"])),
                         "unit": unit}
    staff = []
    for share in draw(shares()):
        line: dict[str, Any] = {"monthly_salary": draw(dec(2, "1500", "8000")), "share": share}
        for key in ("holiday_pay", "year_end_bonus", "irregular_hours", "other_allowances"):
            if draw(st.booleans()):
                line[key] = draw(dec(4, "0", "0.2"))
        if draw(st.booleans()):
            line["employer_charges"] = draw(dec(4, "0.15", "0.40"))
        staff.append(line)
    m["staff"] = staff
    hours: dict[str, Any] = {}
    if draw(st.booleans()):
        hours["annual_hours"] = draw(dec(1, "1200", "2100"))
    else:
        hours["hours_per_week"] = draw(dec(1, "24", "40"))
        if draw(st.booleans()):
            hours["weeks_per_year"] = draw(dec(2, "50", "53"))
    if draw(st.booleans()):
        hours["productivity"] = draw(dec(4, "0.5", "1"))
    else:
        for key, strat in (("leave_hours", dec(1, "0", "200")), ("public_holiday_hours", dec(1, "0", "60")),
                           ("sickness", dec(4, "0", "0.1")), ("training_hours", dec(1, "0", "60")),
                           ("meeting_hours", dec(1, "0", "80")), ("indirect", dec(4, "0", "0.2"))):
            if draw(st.booleans()):
                hours[key] = draw(strat)
    m["hours"] = hours
    if draw(st.booleans()):
        m["travel"] = draw(st.sampled_from([
            {"per_hour": draw(dec(2, "0", "5"))},
            {"km_per_hour": draw(dec(1, "0", "20")), "rate_per_km": draw(dec(2, "0", "0.5"))},
            {"per_unit": draw(dec(2, "0", "20"))}]))
    if draw(st.booleans()):
        m["training"] = draw(st.sampled_from([
            {"share_of_personnel": draw(dec(4, "0", "0.05"))},
            {"per_fte_year": draw(dec(2, "0", "2000"))},
            {"per_unit": draw(dec(2, "0", "10"))}]))
    if draw(st.booleans()):
        m["municipal_obligations"] = draw(st.sampled_from([
            {"per_hour": draw(dec(2, "0", "3"))},
            {"hours_per_unit": draw(dec(3, "0", "2"))},
            {"per_unit": draw(dec(2, "0", "10"))}]))
    if draw(st.booleans()):
        forms = [{"per_unit": draw(dec(2, "0", "50"))}]
        if unit == "14":
            forms.append({"per_bed_year": draw(dec(2, "0", "40000")), "occupancy": draw(dec(2, "0.5", "1"))})
        m["client_bound_other"] = draw(st.sampled_from(forms))
    if draw(st.booleans()):
        overhead: dict[str, Any] = {"rate": draw(dec(4, "0", "0.4"))}
        convention = draw(st.sampled_from([None, "markup", "share"]))
        if convention:
            overhead["convention"] = convention
        m["overhead"] = overhead
    if draw(st.booleans()):
        m["risk_margin"] = {"rate": draw(dec(4, "0", "0.05"))}
    if draw(st.booleans()):
        m["indexation"] = draw(st.sampled_from([{"clause": True}, {"rate": draw(dec(4, "0", "0.06"))}]))
    delivery: dict[str, Any] = {}
    if unit in ("82", "83", "84") or draw(st.booleans()):
        delivery["staff_hours_per_unit"] = draw(dec(2, "0.25", "40"))
    if draw(st.booleans()):
        delivery["staff_per_group"] = draw(st.sampled_from(["1", "2", "3"]))
        delivery["group_size"] = draw(st.sampled_from(["1", "4", "6", "8", "12"]))
    if draw(st.booleans()):
        delivery["occupancy"] = draw(dec(2, "0.5", "1"))
    if delivery:
        m["delivery"] = delivery
    if draw(st.booleans()):
        rounding: dict[str, Any] = {"mode": draw(st.sampled_from(["half_up", "half_even", "up", "down"])),
                                    "scale": draw(st.sampled_from([0, 1, 2, 3, 4])),
                                    "at": draw(st.lists(st.sampled_from(["final", "line", "hour_cost"]), min_size=1,
                                                        max_size=3, unique=True))}
        if rounding["scale"] >= 2 and draw(st.booleans()):
            rounding["multiple_of"] = draw(st.sampled_from(["0.60", "1.00", "0.05"]))
        m["rounding"] = rounding
    return m


def reference_or_none(m: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return ref.build_up(m)
    except ValueError:
        return None


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_library_equals_reference(m: dict[str, Any]) -> None:
    expected = reference_or_none(m)
    if expected is None:  # e.g. productive hours not positive: the library must refuse it too
        try:
            zk.build_up(m)
        except zk.InvalidInput:
            return
        raise AssertionError("the reference refuses this model but the library accepts it")
    got = zk.build_up(m)
    assert got.tariff.to_decimal() == expected["tariff"]  # identical to the cent
    assert got.total.to_decimal() == expected["total"]  # and in every digit
    assert [(line.line, line.amount.to_decimal()) for line in got.lines] == [
        (line["line"], line["amount"]) for line in expected["lines"]]
    assert got.productive_hours == expected["productive_hours"]
    assert got.cost_per_productive_hour.to_decimal() == expected["cost_per_productive_hour"]
    assert got.hours_per_unit == expected["hours_per_unit"]
