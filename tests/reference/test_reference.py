"""Tests of the independent reference implementations and the bundled data.

The references must reproduce the worked examples of docs/cost-model.md and
docs/indexation-clause.md exactly, plus hand-checked cases for every unit and rounding
placement. The bundled index series and plausibility bands are checked for format and sources.
"""

from __future__ import annotations

import copy
import re
from fractions import Fraction
from decimal import ROUND_HALF_UP, Context, Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import indexation_reference as ix
import tariff_reference as tr

D = Decimal
DATA = Path(__file__).resolve().parents[2] / "data"
SERIES_FILES = {"OVA": DATA / "series" / "ova.yaml", "PPC": DATA / "series" / "ppc.yaml"}
BANDS_FILE = DATA / "bands" / "default.yaml"


def six(x: Decimal) -> Decimal:
    return x.quantize(D("0.000001"), rounding=ROUND_HALF_UP)


def amounts(result: dict) -> dict:
    return {ln["line"]: ln["amount"] for ln in result["lines"]}


# --------------------------------------------------------------------------- fixtures

WORKED_MODEL = {
    "zorginkoop_cost_model": 1,
    "name": "Begeleiding individueel",
    "law": "jeugdwet",
    "unit": "04",
    "staff": [
        {
            "function": "Jeugdhulpverlener HBO",
            "monthly_salary": "3500.00",
            "cao": {"name": "CAO Jeugdzorg", "scale": "8", "step": "6"},
            "share": "1",
            "holiday_pay": "0.08",
            "year_end_bonus": "0.0833",
            "irregular_hours": "0",
            "other_allowances": "0",
            "employer_charges": "0.28",
        }
    ],
    "hours": {
        "annual_hours": "1878",
        "leave_hours": "144",
        "public_holiday_hours": "0",
        "sickness": "0.06",
        "training_hours": "40",
        "meeting_hours": "60",
        "indirect": "0.10",
    },
    "travel": {"per_hour": "1.50"},
    "training": {"share_of_personnel": "0.015"},
    "municipal_obligations": {"per_hour": "0.80"},
    "client_bound_other": {"per_unit": "0"},
    "overhead": {"rate": "0.22", "convention": "markup"},
    "risk_margin": {"rate": "0.02"},
    "indexation": {"clause": True},
    "delivery": {
        "staff_hours_per_unit": "1",
        "staff_per_group": "1",
        "group_size": "1",
        "occupancy": "1",
    },
    "rounding": {"mode": "half_up", "scale": 2, "at": ["final"]},
}


def worked(**changes) -> dict:
    m = copy.deepcopy(WORKED_MODEL)
    for key, value in changes.items():
        if value is None:
            m.pop(key, None)
        else:
            m[key] = value
    return m


def simple(unit: str = "04", **changes) -> dict:
    """L = 3000 x 12 x 1.25 = 45000; annual 1800; P = 1440; professional 25, K 31.25, np 6.25."""
    m = {
        "unit": unit,
        "staff": [{"monthly_salary": "3000.00", "share": "1", "employer_charges": "0.25"}],
        "hours": {"annual_hours": "1800", "productivity": "0.8"},
    }
    for key, value in changes.items():
        m[key] = value
    return m


@pytest.fixture(scope="module")
def series_docs() -> dict:
    return {sid: yaml.safe_load(path.read_text(encoding="utf-8")) for sid, path in SERIES_FILES.items()}


@pytest.fixture(scope="module")
def series(series_docs) -> dict:
    out = {}
    for doc in series_docs.values():
        sid, values = ix.series_from_document(doc)
        out[sid] = values
    return out


VNG_CLAUSE = {
    "components": [{"series": "OVA", "weight": "0.9"}, {"series": "PPC", "weight": "0.1"}],
    "catch_up": "multiplicative",
    "first_contract_year_catch_up": False,
    "rate_rounding": {"scale": 2, "mode": "half_up", "at": "parts"},
    "tariff_rounding": {"scale": 2, "mode": "half_up"},
    "effective": "01-01",
}


def clause(**changes) -> dict:
    c = copy.deepcopy(VNG_CLAUSE)
    c.update(changes)
    return c


# ====================================================== the build-up (docs/cost-model.md)

@pytest.mark.parametrize(
    "key, expected",
    [
        ("annual_cost_per_fte", "62539.008000"),
        ("productive_hours", "1376.964000"),
        ("professional_per_hour", "33.300856"),
        ("non_productive_per_hour", "12.117185"),
        ("cost_per_productive_hour", "45.418041"),
        ("direct_cost", "48.399312"),
        ("total", "60.228104"),
        ("hours_per_unit", "1.000000"),
    ],
)
def test_worked_example_intermediates(key, expected):
    assert six(tr.build_up(WORKED_MODEL)[key]) == D(expected)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("professional", "33.300856"),
        ("non_productive", "12.117185"),
        ("travel", "1.500000"),
        ("training", "0.681271"),
        ("municipal_obligations", "0.800000"),
        ("client_bound_other", "0.000000"),
        ("overhead", "10.647849"),
        ("risk_margin", "1.180943"),
        ("indexation", "0.000000"),
    ],
)
def test_worked_example_lines(line, expected):
    assert six(amounts(tr.build_up(WORKED_MODEL))[line]) == D(expected)


def test_worked_example_productivity_and_tariff():
    r = tr.build_up(WORKED_MODEL)
    assert r["productivity"].quantize(D("0.0001"), rounding=ROUND_HALF_UP) == D("0.7332")
    assert r["tariff"] == D("60.23")
    assert str(r["tariff"]) == "60.23"
    assert [ln["line"] for ln in r["lines"]] == list(tr.LINE_ORDER)
    assert r["total"] == sum((ln["amount"] for ln in r["lines"]), D(0))


def test_worked_example_share_convention():
    r = tr.build_up(worked(overhead={"rate": "0.22", "convention": "share"}))
    a = amounts(r)
    assert six(a["overhead"]) == D("13.651088")
    assert six(a["risk_margin"]) == D("1.241008")
    assert six(r["total"]) == D("63.291408")
    assert r["tariff"] == D("63.29")


def test_worked_example_minute_tariffs():
    assert tr.build_up(worked(unit="01"))["tariff"] == D("1.00")
    assert tr.build_up(worked(unit="01"))["hourly_tariff"] == D("60.23")
    share = worked(unit="01", overhead={"rate": "0.22", "convention": "share"})
    assert tr.build_up(share)["tariff"] == D("1.05")
    assert tr.minute_tariff("60.23") == D("1.00")
    assert tr.minute_tariff("63.29") == D("1.05")


def test_hours_per_week_default_weeks_gives_1878():
    hours = dict(WORKED_MODEL["hours"])
    del hours["annual_hours"]
    hours["hours_per_week"] = "36"
    r = tr.build_up(worked(hours=hours))
    assert r["annual_hours"] == D("1878")
    assert r["tariff"] == D("60.23")
    hours["weeks_per_year"] = "52"
    assert tr.build_up(worked(hours=hours))["annual_hours"] == D("1872")


def test_defaults_match_explicit_worked_example():
    """Delivery and rounding blocks at their defaults change nothing; ints are accepted."""
    m = worked(delivery=None, rounding=None)
    m["hours"]["annual_hours"] = 1878
    m["hours"]["leave_hours"] = 144
    r = tr.build_up(m)
    assert r["total"] == tr.build_up(WORKED_MODEL)["total"]
    assert r["policy"] == {"mode": "half_up", "scale": 2, "at": ["final"], "multiple_of": None}


# ============================================= units and delivery (docs/cost-model.md)

def test_minute_rounding_iv081():
    assert tr.minute_tariff("87.30") == D("1.46")  # 1.455 -> 1.46
    assert tr.minute_tariff("87.24") == D("1.45")  # 1.454 -> 1.45
    # the invoice is computed from the hourly tariff, never minute x m
    assert tr.minute_invoice("60.23", 45) == D("45.17")
    assert tr.minute_tariff("60.23") * 45 == D("45.00")
    assert tr.minute_invoice("87.30", "60") == D("87.30")


def test_minute_tariff_with_multiple_of_060_is_exact():
    r = tr.build_up(worked(unit="01", rounding={"multiple_of": "0.60"}))
    assert r["hourly_tariff"] == D("60.00")
    assert r["tariff"] == D("1.00")
    assert tr.minute_invoice(r["hourly_tariff"], 7) == r["tariff"] * 7


# =========================================================================== hand-checked units

def test_staff_mix_two_lines():
    # 0.6 x 45000 + 0.4 x (2500 x 12 x 1.08 x 1.25 = 40500) = 43200; /1800 = 24; /1440 = 30
    m = simple(
        staff=[
            {"monthly_salary": "3000", "share": "0.6", "employer_charges": "0.25"},
            {"monthly_salary": "2500", "share": "0.4", "holiday_pay": "0.08", "employer_charges": "0.25"},
        ]
    )
    r = tr.build_up(m)
    assert r["staff_annual_costs"] == [D(45000), D(40500)]
    assert r["annual_cost_per_fte"] == D(43200)
    assert r["professional_per_hour"] == D(24)
    assert r["cost_per_productive_hour"] == D(30)
    assert r["tariff"] == D("30.00")


def test_dagdeel_group_product():
    # h = 4 x 2 / 5 = 1.6; professional 25 x 1.6 = 40; non-productive 6.25 x 1.6 = 10;
    # travel per unit 2; training (0.02 x 31.25) x 1.6 = 1; obligations 0.50 x 1.6 = 0.80;
    # materials 3; Dc 56.80; overhead 20 % 11.36; risk 3 % of 68.16 = 2.0448; total 70.2048
    m = simple(
        "16",
        delivery={"staff_per_group": "2", "group_size": "5"},
        travel={"per_unit": "2.00"},
        training={"share_of_personnel": "0.02"},
        municipal_obligations={"per_hour": "0.50"},
        client_bound_other={"per_unit": "3.00", "note": "materials"},
        overhead={"rate": "0.20"},
        risk_margin={"rate": "0.03"},
    )
    r = tr.build_up(m)
    assert r["hours_per_unit"] == D("1.6")
    assert amounts(r) == {
        "professional": D(40),
        "non_productive": D(10),
        "travel": D(2),
        "training": D(1),
        "municipal_obligations": D("0.8"),
        "client_bound_other": D(3),
        "overhead": D("11.36"),
        "risk_margin": D("2.0448"),
    }
    assert r["direct_cost"] == D("56.8")
    assert r["total"] == D("70.2048")
    assert r["tariff"] == D("70.20")


def test_dagdeel_default_four_hours():
    r = tr.build_up(simple("16"))
    assert r["hours_per_unit"] == D(4)
    assert r["tariff"] == D("125.00")  # 31.25 x 4


def test_etmaal_with_occupancy_and_accommodation():
    # h = 24 x 1 / (6 x 0.8) = 5; professional 125; non-productive 31.25;
    # accommodation 36500 / (365 x 0.8) = 125; Dc 281.25; overhead share 20 %: 281.25 x 0.2 / 0.8
    # = 70.3125; risk 2 % of 351.5625 = 7.03125; indexation 3 % of 358.59375 = 10.7578125
    m = simple(
        "14",
        delivery={"group_size": "6", "occupancy": "0.8"},
        client_bound_other={"per_bed_year": "36500", "occupancy": "0.8"},
        overhead={"rate": "0.2", "convention": "share"},
        risk_margin={"rate": "0.02"},
        indexation={"rate": "0.03"},
    )
    r = tr.build_up(m)
    assert r["hours_per_unit"] == D(5)
    a = amounts(r)
    assert a["professional"] == D(125)
    assert a["non_productive"] == D("31.25")
    assert a["client_bound_other"] == D(125)
    assert a["overhead"] == D("70.3125")
    assert a["risk_margin"] == D("7.03125")
    assert a["indexation"] == D("10.7578125")
    assert r["total"] == D("369.3515625")
    assert r["tariff"] == D("369.35")


def test_etmaal_accommodation_occupancy_is_its_own():
    # accommodation 36500 / (365 x 0.5) = 200, whatever delivery.occupancy; h = 24 x 1 / 1 = 24,
    # 31.25 x 24 = 750
    m = simple("14", client_bound_other={"per_bed_year": "36500", "occupancy": "0.5"})
    r = tr.build_up(m)
    assert amounts(r)["client_bound_other"] == D(200)
    assert r["hours_per_unit"] == D(24)
    assert r["tariff"] == D("950.00")


def test_etmaal_default_and_unit_names():
    r = tr.build_up(simple("etmaal", client_bound_other={"per_unit": "4.50", "note": "food"}))
    assert r["unit"] == "14"
    assert r["tariff"] == D("754.50")  # 31.25 x 24 + 4.50
    assert tr.build_up(simple("uur"))["unit"] == "04"
    assert tr.build_up(simple("minuut"))["tariff"] == D("0.52")  # 31.25 / 60 = 0.5208


@pytest.mark.parametrize("unit", ["82", "84", "83"])
def test_stuks_with_hours_per_piece(unit):
    # h = 10; professional 250; non-productive 62.5; travel (2 km x 0.39) x 10 = 7.8;
    # training 720 / 1440 x 10 = 5; obligations 2 hours x K 31.25 = 62.5; Dc 387.8;
    # overhead 25 % = 96.95; total 484.75
    m = simple(
        unit,
        delivery={"staff_hours_per_unit": "10"},
        travel={"km_per_hour": "2", "rate_per_km": "0.39"},
        training={"per_fte_year": "720"},
        municipal_obligations={"hours_per_unit": "2"},
        overhead={"rate": "0.25", "convention": "markup"},
    )
    r = tr.build_up(m)
    assert amounts(r) == {
        "professional": D(250),
        "non_productive": D("62.5"),
        "travel": D("7.8"),
        "training": D(5),
        "municipal_obligations": D("62.5"),
        "overhead": D("96.95"),
    }
    assert r["total"] == D("484.75")
    assert r["tariff"] == D("484.75")


def test_stuks_requires_hours_per_piece():
    with pytest.raises(ValueError, match=r"delivery\.staff_hours_per_unit"):
        tr.build_up(simple("82"))


# =========================================================================== rounding placements

def test_rounding_hour_cost():
    # professional 33.30, K 45.42, non-productive 12.12; training 0.015 x 45.42 = 0.6813;
    # Dc 48.4013; overhead 10.648286; risk 1.18099172; total 60.23057772
    r = tr.build_up(worked(rounding={"at": ["hour_cost"]}))
    assert r["professional_per_hour"] == D("33.30")
    assert r["cost_per_productive_hour"] == D("45.42")
    assert amounts(r)["non_productive"] == D("12.12")
    assert amounts(r)["training"] == D("0.6813")
    assert r["direct_cost"] == D("48.4013")
    assert r["total"] == D("60.23057772")
    assert r["tariff"] == D("60.23")
    assert r["policy"]["at"] == ["hour_cost", "final"]


def test_rounding_hour_cost_changes_tariff():
    # K = 45000 / 1260 = 35.714285...; h = 3. Final: 75 + 10.714285... x 3 = 107.142857... -> 107.14.
    # hour_cost: K 35.71, np 10.71, 3 x 35.71 = 107.13
    base = simple(hours={"annual_hours": "1800", "productivity": "0.7"}, delivery={"staff_hours_per_unit": "3"})
    assert tr.build_up(base)["tariff"] == D("107.14")
    assert tr.build_up(dict(base, rounding={"at": ["hour_cost"]}))["tariff"] == D("107.13")


def test_rounding_line():
    # lines 33.30 + 12.12 + 1.50 + 0.68 + 0.80 + 0.00 = 48.40; overhead 10.648 -> 10.65;
    # risk 1.181 -> 1.18; total 60.23
    r = tr.build_up(worked(rounding={"at": ["line"]}))
    assert amounts(r) == {
        "professional": D("33.30"),
        "non_productive": D("12.12"),
        "travel": D("1.50"),
        "training": D("0.68"),
        "municipal_obligations": D("0.80"),
        "client_bound_other": D("0.00"),
        "overhead": D("10.65"),
        "risk_margin": D("1.18"),
        "indexation": D("0.00"),
    }
    assert r["direct_cost"] == D("48.40")
    assert r["total"] == D("60.23")
    assert r["tariff"] == D("60.23")


def test_rounding_line_changes_tariff():
    extras = {
        "travel": {"per_hour": "0.004"},
        "training": {"per_unit": "0.004"},
        "municipal_obligations": {"per_unit": "0.004"},
    }
    assert tr.build_up(simple(**extras))["tariff"] == D("31.26")  # 31.262
    assert tr.build_up(simple(rounding={"at": ["line"]}, **extras))["tariff"] == D("31.25")


@pytest.mark.parametrize(
    "multiple, mode, expected",
    [
        ("0.60", "half_up", "60.00"),  # 60.228104 / 0.60 = 100.38 -> 100
        ("0.60", "up", "60.60"),
        ("0.60", "down", "60.00"),
        ("1.00", "half_up", "60.00"),
        ("1.00", "up", "61.00"),
        ("0.05", "half_even", "60.25"),  # 1204.56 -> 1205
    ],
)
def test_rounding_multiple_of(multiple, mode, expected):
    r = tr.build_up(worked(rounding={"mode": mode, "multiple_of": multiple}))
    assert r["tariff"] == D(expected)
    assert str(r["tariff"]) == expected
    assert r["policy"]["multiple_of"] == D(multiple)


@pytest.mark.parametrize(
    "mode, scale, expected",
    [
        ("half_up", 1, "31.3"),  # 31.25 is a tie
        ("half_even", 1, "31.2"),
        ("up", 1, "31.3"),
        ("down", 1, "31.2"),
        ("half_up", 0, "31"),
        ("up", 0, "32"),
    ],
)
def test_rounding_modes(mode, scale, expected):
    assert tr.build_up(simple(rounding={"mode": mode, "scale": scale}))["tariff"] == D(expected)


@pytest.mark.parametrize("mode, expected", [("half_up", "31.26"), ("half_even", "31.26"), ("up", "31.27"), ("down", "31.26")])
def test_rounding_modes_not_a_tie(mode, expected):
    m = simple(travel={"per_unit": "0.012"}, rounding={"mode": mode})
    assert tr.build_up(m)["tariff"] == D(expected)


GOLDEN_ROUNDING = Path(__file__).resolve().parents[1] / "golden" / "rounding.csv"


def test_golden_rounding_table():
    """The shared golden rounding table, reproduced by the reference rounding functions."""
    if not GOLDEN_ROUNDING.exists():
        pytest.skip("tests/golden/rounding.csv not present")
    rows = [
        line.split(",")
        for line in GOLDEN_ROUNDING.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header, rows = rows[0], rows[1:]
    assert header[:5] == ["value", "mode", "scale", "multiple_of", "expected"]
    assert rows
    for value, mode, scale, multiple, expected, *_ in rows:
        if multiple:
            got = tr.round_to_multiple(D(value), D(multiple), mode, int(scale))
        else:
            got = tr.round_to(D(value), int(scale), mode)
        assert got == D(expected), (value, mode, scale, multiple)


# =========================================================================== invalid models

@pytest.mark.parametrize(
    "model, path",
    [
        (simple(staff=[{"monthly_salary": "3000", "share": "0.9"}]), "staff"),
        (
            simple(staff=[{"monthly_salary": "3000", "share": "0.5"}, {"monthly_salary": "3000", "share": "0.6"}]),
            "staff",
        ),
        (simple(staff=[]), "staff"),
        (simple(staff=[{"monthly_salary": "-1", "share": "1"}]), "staff[0].monthly_salary"),
        (simple(staff=[{"share": "1"}]), "staff[0].monthly_salary"),
        (simple(staff=[{"monthly_salary": "3000", "share": "1", "employer_charges": "-0.1"}]), "staff[0].employer_charges"),
        (simple(staff=[{"monthly_salary": "3000", "share": "1", "salary": "1"}]), "staff[0].salary"),
        (simple(hours={"annual_hours": "1800", "productivity": "1.1"}), "hours.productivity"),
        (simple(hours={"annual_hours": "1800", "productivity": "0"}), "hours.productivity"),
        (simple(hours={"annual_hours": "1800", "productivity": "0.8", "leave_hours": "144"}), "hours.productivity"),
        (simple(hours={"annual_hours": "1800", "sickness": "1"}), "hours.sickness"),
        (simple(hours={"annual_hours": "1800", "leave_hours": "2000"}), "hours"),
        (simple(hours={"productivity": "0.8"}), "hours.annual_hours"),
        (simple(hours={"annual_hours": "0", "productivity": "0.8"}), "hours.annual_hours"),
        (simple(hours={"annual_hours": "1800", "hours_per_week": "36", "productivity": "0.8"}), "hours.hours_per_week"),
        (simple(delivery={"group_size": "0"}), "delivery.group_size"),
        (simple(delivery={"occupancy": "0"}), "delivery.occupancy"),
        (simple(delivery={"occupancy": "1.2"}), "delivery.occupancy"),
        (simple(delivery={"staff_per_group": "0"}), "delivery.staff_per_group"),
        (simple("14", client_bound_other={"per_bed_year": "36500", "occupancy": "0"}), "client_bound_other.occupancy"),
        (simple("04", client_bound_other={"per_bed_year": "36500", "occupancy": "1"}), "client_bound_other.per_bed_year"),
        (simple("14", client_bound_other={"per_bed_year": "36500"}), "client_bound_other.occupancy"),
        (simple("14", client_bound_other={"per_unit": "1", "per_bed_year": "36500", "occupancy": "1"}), "client_bound_other"),
        (simple(indexation={"rate": "-0.01"}), "indexation.rate"),
        (simple("hour"), "unit"),
        (simple("05"), "unit"),
        (simple(4), "unit"),
        (simple("4"), "unit"),
        (simple(travel={"per_hour": "1", "per_unit": "1"}), "travel"),
        (simple(travel={"km_per_hour": "2"}), "travel.rate_per_km"),
        (simple(training={}), "training"),
        (simple(overhead={"rate": "1", "convention": "share"}), "overhead.rate"),
        (simple(overhead={"rate": "0.2", "convention": "percent"}), "overhead.convention"),
        (simple(indexation={"clause": False}), "indexation.clause"),
        (simple(indexation={"clause": True, "rate": "0.03"}), "indexation"),
        (simple(rounding={"mode": "nearest"}), "rounding.mode"),
        (simple(rounding={"at": ["end"]}), "rounding.at[0]"),
        (simple(rounding={"multiple_of": "0"}), "rounding.multiple_of"),
        (simple(travel={"per_hour": "0.1234567890123456789"}), "travel.per_hour"),
        (simple(travel={"per_hour": "1e3"}), "travel.per_hour"),
        (simple(margin={"rate": "0.02"}), "margin"),
        (simple(law="zvw"), "law"),
    ],
)
def test_invalid_models_name_their_path(model, path):
    with pytest.raises(ValueError) as err:
        tr.build_up(model)
    assert path in str(err.value)


def test_float_is_refused():
    with pytest.raises(TypeError):
        tr.build_up(simple(staff=[{"monthly_salary": 3000.0, "share": "1"}]))
    with pytest.raises(TypeError):
        tr.minute_tariff(60.23)


# ================================================ indexation (docs/indexation-clause.md)

def test_vng_2024_parts(series):
    r = ix.rate(VNG_CLAUSE, series, 2024)
    assert r["weighted_provisional"] == D("4.70")
    assert r["catch_up"] == D("1.60")
    assert r["rate"] == D("6.30")
    assert r["rate_fraction"] == D("0.063")
    assert r["unrounded"]["weighted_provisional"] == D("4.697")
    assert r["unrounded"]["catch_up"].quantize(D("0.0001")) == D("1.5970")
    factors = {c["series"]: c["catch_up_factor_minus_one"].quantize(D("0.0001")) for c in r["components"]}
    assert factors == {"OVA": D("1.5467"), "PPC": D("2.0502")}
    used = {(f["series"], f["year"], f["status"]): f["percent"] for f in r["figures"]}
    assert used == {
        ("OVA", 2024, "provisional"): D("4.94"),
        ("PPC", 2024, "provisional"): D("2.51"),
        ("OVA", 2023, "provisional"): D("4.74"),
        ("OVA", 2023, "definitive"): D("6.36"),
        ("PPC", 2023, "provisional"): D("4.87"),
        ("PPC", 2023, "definitive"): D("7.02"),
    }


def test_vng_2024_total_and_none(series):
    assert ix.rate(clause(rate_rounding={"scale": 2, "mode": "half_up", "at": "total"}), series, 2024)["rate"] == D("6.29")
    unrounded = ix.rate(clause(rate_rounding=None), series, 2024)["rate"]
    assert unrounded.quantize(D("0.0001")) == D("6.2940")


def test_vng_2024_tariff(series):
    assert ix.schedule(VNG_CLAUSE, series, "60.23", 2023, 2024) == [(2024, D("6.30"), D("64.02"))]
    total = clause(rate_rounding={"scale": 2, "mode": "half_up", "at": "total"})
    assert ix.schedule(total, series, D("60.23"), 2023, 2024)[0][2] == D("64.02")


def test_schedule_yearly_and_cumulative(series):
    # 2025: Wp 0.9 x 4.18 + 0.1 x 1.82 = 3.944 -> 3.94; C over 2024: 0.9 x (1.0600/1.0494 - 1)
    # + 0.1 x (1.0310/1.0251 - 1) = 0.9666 % -> 0.97; rate 4.91.
    # yearly: 64.02 x 1.0491 = 67.163382 -> 67.16; cumulative: 60.23 x 1.063 x 1.0491 = 67.168... -> 67.17
    assert ix.schedule(VNG_CLAUSE, series, "60.23", 2023, 2025) == [
        (2024, D("6.30"), D("64.02")),
        (2025, D("4.91"), D("67.16")),
    ]
    cumulative = clause(tariff_rounding={"chain": "cumulative"})
    assert ix.schedule(cumulative, series, "60.23", 2023, 2025) == [
        (2024, D("6.30"), D("64.02")),
        (2025, D("4.91"), D("67.17")),
    ]
    assert ix.schedule(VNG_CLAUSE, series, "60.23", 2023, 2023) == []


def test_additive_and_none_catch_up(series):
    # additive: (0.9 x 6.36 + 0.1 x 7.02) - (0.9 x 4.74 + 0.1 x 4.87) = 6.426 - 4.753 = 1.673 -> 1.67
    r = ix.rate(clause(catch_up="additive"), series, 2024)
    assert r["catch_up"] == D("1.67")
    assert r["rate"] == D("6.37")
    r = ix.rate(clause(catch_up="none"), series, 2024)
    assert (r["catch_up"], r["rate"]) == (D("0.00"), D("4.70"))
    assert {f["year"] for f in r["figures"]} == {2024}


def test_first_contract_year(series):
    # no catch-up over the first contract year 2023
    assert ix.rate(VNG_CLAUSE, series, 2024, first_contract_year=2023)["rate"] == D("4.70")
    assert ix.rate(VNG_CLAUSE, series, 2024, first_contract_year=2022)["rate"] == D("6.30")
    with_catch_up = clause(first_contract_year_catch_up=True)
    assert ix.rate(with_catch_up, series, 2024, first_contract_year=2023)["rate"] == D("6.30")
    sched = ix.schedule(VNG_CLAUSE, series, "60.23", 2023, 2025, first_contract_year=2023)
    assert [(y, rt) for y, rt, _ in sched] == [(2024, D("4.70")), (2025, D("4.91"))]


def test_missing_figures_are_errors(series):
    with pytest.raises(ix.MissingFigure, match=r"OVA.*2026"):
        ix.rate(VNG_CLAUSE, series, 2026)
    fake = copy.deepcopy(series)
    fake["OVA"][(2026, "provisional")] = D("3")
    fake["PPC"][(2026, "provisional")] = D("2")
    with pytest.raises(LookupError, match=r"OVA.*definitive.*2025"):
        ix.rate(VNG_CLAUSE, fake, 2026)
    # without catch-up the definitive 2025 figure is not needed
    assert ix.rate(clause(catch_up="none"), fake, 2026)["rate"] == D("2.90")


@pytest.mark.parametrize(
    "changes, path",
    [
        ({"components": [{"series": "OVA", "weight": "0.9"}, {"series": "PPC", "weight": "0.2"}]}, "indexation.components"),
        ({"components": []}, "indexation.components"),
        ({"catch_up": "geometric"}, "indexation.catch_up"),
        ({"rate_rounding": {"at": "sum"}}, "indexation.rate_rounding.at"),
        ({"tariff_rounding": {"chain": "monthly"}}, "indexation.tariff_rounding.chain"),
        ({"weights": "90/10"}, "indexation.weights"),
    ],
)
def test_invalid_clauses(series, changes, path):
    with pytest.raises(ValueError) as err:
        ix.rate(clause(**changes), series, 2024)
    assert path in str(err.value)


percents = st.decimals(min_value=D("-5"), max_value=D("15"), places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None, database=None)
@given(prov=percents, new=percents, weight=st.integers(min_value=0, max_value=10))
def test_catch_up_vanishes_when_definitive_equals_provisional(prov, new, weight):
    w = D(weight) / 10
    s = {
        "A": {(2023, "provisional"): prov, (2023, "definitive"): prov, (2024, "provisional"): new},
        "B": {(2023, "provisional"): new, (2023, "definitive"): new, (2024, "provisional"): prov},
    }
    comps = [{"series": "A", "weight": str(w)}, {"series": "B", "weight": str(1 - w)}]
    for kind in ("multiplicative", "additive"):
        r = ix.rate({"components": comps, "catch_up": kind}, s, 2024)
        assert r["catch_up"] == 0
        assert r["rate"] == w * new + (1 - w) * prov


@settings(max_examples=200, deadline=None, database=None)
@given(prov=percents, definitive=percents)
def test_parts_and_total_differ_by_at_most_one_cent_of_a_percent(prov, definitive):
    s = {"A": {(2023, "provisional"): prov, (2023, "definitive"): definitive, (2024, "provisional"): prov}}
    base = {"components": [{"series": "A", "weight": "1"}], "catch_up": "multiplicative"}
    parts = ix.rate(dict(base, rate_rounding={"at": "parts"}), s, 2024)["rate"]
    total = ix.rate(dict(base, rate_rounding={"at": "total"}), s, 2024)["rate"]
    exact = ix.rate(base, s, 2024)["rate"]
    assert abs(parts - total) <= D("0.01")
    assert abs(total - exact) <= D("0.005")


@settings(max_examples=200, deadline=None, database=None)
@given(
    salary=st.decimals(min_value=D("1500"), max_value=D("9000"), places=2),
    productivity=st.decimals(min_value=D("0.5"), max_value=D("1"), places=4),
    overhead=st.decimals(min_value=D("0"), max_value=D("0.4"), places=3),
)
def test_line_rounding_sums_rounded_lines(salary, productivity, overhead):
    m = {
        "unit": "04",
        "staff": [{"monthly_salary": str(salary), "share": "1", "holiday_pay": "0.08", "employer_charges": "0.28"}],
        "hours": {"annual_hours": "1878", "productivity": str(productivity)},
        "travel": {"per_hour": "1.50"},
        "overhead": {"rate": str(overhead)},
        "rounding": {"at": ["line"]},
    }
    r = tr.build_up(m)
    for ln in r["lines"]:
        assert ln["amount"] == ln["amount"].quantize(D("0.01"))
    assert r["total"] == sum((ln["amount"] for ln in r["lines"]), D(0))
    assert r["tariff"] == r["total"]
    final = tr.build_up(dict(m, rounding={"at": ["final"]}))
    assert abs(final["tariff"] - r["tariff"]) <= D("0.03")


@settings(max_examples=200, deadline=None, database=None)
@given(hourly=st.decimals(min_value=D("0"), max_value=D("500"), places=2), minutes=st.integers(0, 600))
def test_minute_invoice_properties(hourly, minutes):
    inv = tr.minute_invoice(hourly, minutes)
    assert inv == (hourly * minutes / 60).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    if minutes % 60 == 0:
        assert inv == hourly * (minutes // 60)


# =========================================================================== arithmetic convention

def _half_even_18(f: Fraction) -> Decimal:
    # round() on a Fraction goes half to even; scaleb needs a context wide enough to stay exact
    return Decimal(round(f * 10**18)).scaleb(-18, context=Context(prec=80))


operands = st.decimals(min_value=D("-1e12"), max_value=D("1e12"), places=18, allow_nan=False, allow_infinity=False)


@settings(max_examples=500, deadline=None, database=None)
@given(a=operands, b=operands)
def test_division_and_multiplication_are_correctly_rounded(a, b):
    for module in (tr, ix):
        assert module.mul(a, b) == _half_even_18(Fraction(a) * Fraction(b))
        if b != 0:
            assert module.div(a, b) == _half_even_18(Fraction(a) / Fraction(b))


def test_division_ties():
    # exact ties at the 19th digit go to the even neighbour
    assert tr.div(D("1E-18"), D(2)) == D(0)
    assert tr.div(D("3E-18"), D(2)) == D("2E-18")
    assert tr.div(D("5E-18"), D(2)) == D("2E-18")
    assert tr.div(D("7E-18"), D(2)) == D("4E-18")
    assert tr.div(D("-7E-18"), D(2)) == D("-4E-18")
    assert tr.mul(D("0.000000000000000001"), D("0.5")) == D(0)
    assert tr.mul(D("0.000000000000000003"), D("0.5")) == D("2E-18")
    assert tr.div(D(1), D(3)) == D("0.333333333333333333")
    assert tr.div(D(2), D(3)) == D("0.666666666666666667")


# =========================================================================== bundled series

SERIES_TOP_KEYS = {"zorginkoop_index_series", "id", "name", "unit", "source_note", "definitive_due", "values"}
VALUE_KEYS = {"year", "status", "percent", "source", "published", "note", "conflicting"}


@pytest.mark.parametrize("sid", sorted(SERIES_FILES))
def test_series_format(series_docs, sid):
    doc = series_docs[sid]
    assert set(doc) <= SERIES_TOP_KEYS
    assert doc["zorginkoop_index_series"] == 1
    assert doc["id"] == sid
    assert doc["unit"] == "percent"
    if "definitive_due" in doc:
        # the publication calendar: a day of the year and the source it rests on
        assert set(doc["definitive_due"]) == {"day", "source"}
        assert re.fullmatch(r"\d\d-\d\d", doc["definitive_due"]["day"])
        assert doc["definitive_due"]["source"].strip()
    order = []
    for v in doc["values"]:
        assert set(v) <= VALUE_KEYS
        assert {"year", "status", "percent", "source"} <= set(v)
        assert isinstance(v["year"], int)
        assert v["status"] in ("provisional", "definitive")
        assert isinstance(v["percent"], str), "percent values must be quoted strings"
        assert re.fullmatch(r"-?\d+\.\d+", v["percent"])
        if "published" in v:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", str(v["published"]))
        if "note" in v:
            assert isinstance(v["note"], str) and v["note"].strip()
        if "conflicting" in v:
            # a figure the sources disagree on says why in its note
            assert v["conflicting"] in (True, False) and (not v["conflicting"] or "note" in v)
        order.append((v["year"], 0 if v["status"] == "provisional" else 1))
    assert order == sorted(order)
    assert len(order) == len(set(order))


@pytest.mark.parametrize("sid", sorted(SERIES_FILES))
def test_every_series_value_has_a_source(series_docs, sid):
    for v in series_docs[sid]["values"]:
        source = v.get("source")
        assert isinstance(source, str) and source.strip(), (sid, v["year"], v["status"])
        assert not re.fullmatch(r"\[?S\d+\]?", source.strip()), "a bare tag is not a citation"
        assert "http" in source, (sid, v["year"], v["status"])


def test_ova_figures(series):
    ova = series["OVA"]
    assert all((y, "definitive") in ova for y in range(2000, 2025))
    expected = {
        (2000, "definitive"): "4.03", (2007, "definitive"): "2.42", (2014, "definitive"): "1.94",
        (2015, "definitive"): "0.08", (2016, "definitive"): "1.74",
        (2017, "provisional"): "1.54", (2017, "definitive"): "2.04",
        (2018, "definitive"): "2.96",
        (2019, "provisional"): "4.12", (2019, "definitive"): "3.42",
        (2020, "provisional"): "2.52", (2020, "definitive"): "3.28",
        (2021, "provisional"): "3.24", (2021, "definitive"): "2.01",
        (2022, "provisional"): "3.87", (2022, "definitive"): "4.42",
        (2023, "provisional"): "4.74", (2023, "definitive"): "6.36",
        (2024, "provisional"): "4.94", (2024, "definitive"): "6.00",
        (2025, "provisional"): "4.18",
    }
    for key, value in expected.items():
        assert ova[key] == D(value), key
    # unconfirmed figures stay out
    for key in [(2015, "provisional"), (2016, "provisional"), (2018, "provisional"),
                (2025, "definitive"), (2026, "provisional"), (2026, "definitive")]:
        assert key not in ova
    assert len(ova) == 33


def test_ppc_figures(series, series_docs):
    ppc = series["PPC"]
    assert all((y, "definitive") in ppc for y in range(2001, 2025))
    expected = {
        (2001, "definitive"): "3.28", (2010, "definitive"): "-0.31", (2017, "definitive"): "1.87",
        (2018, "provisional"): "1.50", (2018, "definitive"): "1.55",
        (2022, "provisional"): "1.83", (2022, "definitive"): "9.25",
        (2023, "provisional"): "4.87", (2023, "definitive"): "7.02",
        (2024, "provisional"): "2.51", (2024, "definitive"): "3.10",
        (2025, "provisional"): "1.82",
    }
    for key, value in expected.items():
        assert ppc[key] == D(value), key
    assert (2025, "definitive") not in ppc and (2026, "provisional") not in ppc
    assert len(ppc) == 29
    entry = next(v for v in series_docs["PPC"]["values"] if (v["year"], v["status"]) == (2023, "definitive"))
    assert "9.99" in entry["note"] and "7.02" in entry["note"]


def test_alternative_provisional_figures_are_in_notes(series_docs):
    notes = {(v["year"], v["status"]): v.get("note", "") for v in series_docs["OVA"]["values"]}
    assert "1.5 %" in notes[(2021, "provisional")]
    assert "2.2 %" in notes[(2022, "provisional")]


# =========================================================================== bundled bands

BAND_KEYS = {"parameter", "min", "max", "source", "basis", "confirmed", "applies_to_cao", "condition", "note"}


def test_bands_file():
    doc = yaml.safe_load(BANDS_FILE.read_text(encoding="utf-8"))
    assert set(doc) == {"zorginkoop_plausibility_bands", "id", "year", "bands"}
    assert doc["zorginkoop_plausibility_bands"] == 1 and doc["id"] == "default" and doc["year"] == 2024
    bands = {b["parameter"]: b for b in doc["bands"]}
    assert set(bands) == {
        "holiday_pay", "year_end_bonus", "employer_charges", "productivity", "overhead_rate",
        "risk_margin_rate", "leave_hours",
    }
    for b in doc["bands"]:
        assert set(b) <= BAND_KEYS
        assert isinstance(b["confirmed"], bool)
        assert isinstance(b["source"], str) and "http" in b["source"]
        assert isinstance(b["basis"], str) and b["basis"].strip()
        for bound in ("min", "max"):
            if bound in b:
                assert isinstance(b[bound], str)
                D(b[bound])
        if "min" in b and "max" in b:
            assert D(b["min"]) <= D(b["max"])
    expected = {
        "holiday_pay": ("0.08", None, True),
        "year_end_bonus": ("0.083", None, True),
        "employer_charges": ("0.20", "0.40", True),
        "productivity": ("0.60", "0.90", False),
        "overhead_rate": ("0.10", "0.35", False),
        "risk_margin_rate": ("0", "0.05", False),
        "leave_hours": ("144", None, True),
    }
    for name, (lo, hi, confirmed) in expected.items():
        b = bands[name]
        assert D(b["min"]) == D(lo)
        assert (D(b["max"]) if "max" in b else None) == (D(hi) if hi else None)
        assert b["confirmed"] is confirmed
    assert bands["year_end_bonus"]["applies_to_cao"] == ["CAO Gehandicaptenzorg", "CAO Sociaal Werk"]
    assert bands["leave_hours"]["condition"] == "36 hours per week"


def test_worked_example_is_inside_the_bands():
    doc = yaml.safe_load(BANDS_FILE.read_text(encoding="utf-8"))
    bands = {b["parameter"]: b for b in doc["bands"]}
    r = tr.build_up(WORKED_MODEL)
    staff = WORKED_MODEL["staff"][0]
    values = {
        "holiday_pay": D(staff["holiday_pay"]),
        "employer_charges": D(staff["employer_charges"]),
        "productivity": r["productivity"],
        "overhead_rate": D("0.22"),
        "risk_margin_rate": D("0.02"),
        "leave_hours": D("144"),
    }
    for name, v in values.items():
        b = bands[name]
        assert D(b["min"]) <= v
        if "max" in b:
            assert v <= D(b["max"])
