"""Money, Rate and RoundingPolicy: the acceptance examples, the golden rounding table, and
properties against Python's decimal module."""

from __future__ import annotations

import csv
import decimal
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zorginkoop
from zorginkoop import Money, Rate, RoundingPolicy

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "rounding.csv"
PY_MODES = {
    "half_up": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "up": decimal.ROUND_UP,
    "down": decimal.ROUND_DOWN,
}


def golden_rows() -> list[dict[str, str]]:
    with GOLDEN.open(newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines))


def py_round(value: Decimal, mode: str, scale: int, multiple_of: Decimal | None) -> Decimal:
    with decimal.localcontext() as ctx:
        ctx.prec = 80
        if multiple_of is not None:
            return (value / multiple_of).quantize(Decimal(1), rounding=PY_MODES[mode]) * multiple_of
        return value.quantize(Decimal(1).scaleb(-scale), rounding=PY_MODES[mode])


def test_acceptance_examples() -> None:
    assert Money("0.1") + Money("0.2") == Money("0.3")
    assert Money("12.345").round(RoundingPolicy("half_up", 2)) == Money("12.35")
    assert Money("12.345").round(RoundingPolicy("half_even", 2)) == Money("12.34")
    assert Money("-2.5").round(RoundingPolicy("half_up", 0)) == Money("-3")
    assert Money("999999.99").to_cents() == 99999999


def test_float_is_refused_with_reason() -> None:
    with pytest.raises(TypeError, match="binary floating point"):
        Money(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="binary floating point"):
        Rate(0.08)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="binary floating point"):
        Money("1") * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError, match="binary floating point"):
        RoundingPolicy("half_up", 2, 0.6)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)  # type: ignore[arg-type]


def test_constructors_and_conversions() -> None:
    assert Money(Decimal("12.30")) == Money("12.3")
    assert Money(12) == Money("12.00")
    assert Money("12.3").to_decimal() == Decimal("12.3")
    assert isinstance(Money("1").to_decimal(), Decimal)
    assert str(Money("12.3")) == "12.30"
    assert repr(Money("12.3")) == "Money('12.30')"
    assert Money.from_cents(6023) == Money("60.23")
    assert Money(Money("5")) == Money("5")
    with pytest.raises(zorginkoop.InvalidInput):
        Money("1.005").to_cents()
    with pytest.raises(ValueError):
        Money(Decimal("NaN"))
    with pytest.raises(zorginkoop.InvalidInput):
        Money("12,30")
    with pytest.raises(zorginkoop.InvalidInput):
        Money("0.0000000000000000001")
    with pytest.raises(zorginkoop.Overflow):
        Money("1e40")


def test_operators() -> None:
    assert Money("100") * Rate("0.08") == Money("8")
    assert Rate("0.08") * Money("100") == Money("8")
    assert Money("60.23") * 3 == Money("180.69")
    assert 3 * Money("60.23") == Money("180.69")
    assert Money("10") / Money("4") == Decimal("2.5")
    assert Money("10") / 4 == Money("2.5")
    assert -Money("1") == Money("-1")
    assert abs(Money("-1")) == Money("1")
    assert Money("1") < Money("1.01")
    assert Money("1.50") == Money("1.5") and hash(Money("1.50")) == hash(Money("1.5"))
    assert Money("1") != Rate("1")
    with pytest.raises(TypeError):
        Money("1") * Money("2")  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money("1") + Rate("0.1")  # type: ignore[operator]
    assert Rate.from_percent("6.30") == Rate("0.063")
    assert Rate("0.063").percent() == Decimal("6.3")


@pytest.mark.parametrize("row", golden_rows(), ids=lambda r: f"{r['value']}-{r['mode']}-{r['scale']}-{r['multiple_of']}")
def test_golden_rounding(row: dict[str, str]) -> None:
    step = Decimal(row["multiple_of"]) if row["multiple_of"] else None
    policy = RoundingPolicy(row["mode"], int(row["scale"]), step)
    expected = Decimal(row["expected"])
    assert Money(row["value"]).round(policy) == Money(expected)
    assert policy.apply(row["value"]) == expected
    # the table itself agrees with Python's decimal module
    assert py_round(Decimal(row["value"]), row["mode"], int(row["scale"]), step) == expected


def test_golden_table_is_large_enough() -> None:
    rows = golden_rows()
    assert len(rows) >= 40
    assert any(r["value"].startswith("-") for r in rows)
    assert {r["multiple_of"] for r in rows} >= {"0.60", "1.00"}
    assert {r["mode"] for r in rows} == set(PY_MODES)


amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, allow_infinity=False, places=6
)


@given(amounts)
def test_parse_print_round_trip(d: Decimal) -> None:
    m = Money(d)
    assert m.to_decimal() == d
    assert Money(str(m)) == m
    assert Money(m.to_decimal()) == m


@given(amounts, amounts, amounts)
def test_addition_exact_and_associative(a: Decimal, b: Decimal, c: Decimal) -> None:
    assert (Money(a) + Money(b)).to_decimal() == a + b
    assert (Money(a) + Money(b)) + Money(c) == Money(a) + (Money(b) + Money(c))


@settings(max_examples=300)
@given(
    st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), allow_nan=False, allow_infinity=False, places=8),
    st.sampled_from(sorted(PY_MODES)),
    st.integers(min_value=0, max_value=8),
)
def test_rounding_agrees_with_python_decimal(d: Decimal, mode: str, scale: int) -> None:
    got = Money(d).round(RoundingPolicy(mode, scale)).to_decimal()
    assert got == py_round(d, mode, scale, None)


@settings(max_examples=200)
@given(
    st.decimals(min_value=Decimal("-1e6"), max_value=Decimal("1e6"), allow_nan=False, allow_infinity=False, places=4),
    st.sampled_from(sorted(PY_MODES)),
    st.sampled_from([Decimal("0.60"), Decimal("1.00"), Decimal("0.05"), Decimal("0.25")]),
)
def test_multiple_of_agrees_with_python_decimal(d: Decimal, mode: str, step: Decimal) -> None:
    got = Money(d).round(RoundingPolicy(mode, 2, step)).to_decimal()
    assert got == py_round(d, mode, 2, step)


@given(
    st.decimals(min_value=Decimal("-1e6"), max_value=Decimal("1e6"), allow_nan=False, allow_infinity=False, places=6),
    st.decimals(min_value=Decimal("-1e3"), max_value=Decimal("1e3"), allow_nan=False, allow_infinity=False, places=6),
)
def test_multiplication_matches_decimal_rounded_to_18_places(a: Decimal, b: Decimal) -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 80
        expected = (a * b).quantize(Decimal("1e-18"), rounding=decimal.ROUND_HALF_EVEN)
    assert (Money(a) * b).to_decimal() == expected


def test_money_cents_round_trip_bounds() -> None:
    assert Money.from_cents(-99999999).to_cents() == -99999999
    assert zorginkoop.ijw_amount_cents(Money("999999.99")) == 99999999
    with pytest.raises(zorginkoop.InvalidInput):
        zorginkoop.ijw_amount_cents(Money("1000000"))
