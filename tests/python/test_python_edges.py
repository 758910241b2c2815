"""Sharp edges at the Python boundary: numbers read by value, typed errors with their path, clear
messages for wrong arguments, and no raw control characters in exception messages or text."""

from __future__ import annotations

import datetime
import decimal
from decimal import Decimal
from pathlib import Path

import pytest

import zorginkoop as zk
from zorginkoop import InvalidInput, Money, Overflow, ParseError, Rate

DOC: dict[str, object] = {
    "zorginkoop": 1,
    "id": "edges",
    "law": "jeugdwet",
    "procedure": {"kind": "sas", "award_record": False},
    "estimated_value": {"declared": "2000000.00"},
    "award": {"date": "2023-05-01"},
}


# --- Rate.from_percent refuses what it would round ----------------------------------------------

def test_from_percent_refuses_a_percentage_it_would_round() -> None:
    with pytest.raises(InvalidInput):
        Rate("1e-19")  # the reference: more than 18 fractional digits
    with pytest.raises(InvalidInput, match="16 fractional digits"):
        Rate.from_percent("1.000000000000000001")
    with pytest.raises(InvalidInput):
        Rate.from_percent("5e-17")
    with pytest.raises(InvalidInput):
        Rate.from_percent(Decimal("-0.00000000000000005"))
    # 16 fractional digits of a percentage are exactly 18 of the rate
    assert Rate.from_percent("1.0000000000000001") == Rate("0.010000000000000001")
    assert Rate.from_percent("1e-16") == Rate("1e-18")
    assert Rate.from_percent(7) == Rate("0.07")


# --- numbers are read by value, never through their text ----------------------------------------

class LyingInt(int):
    def __str__(self) -> str:
        return "999"

    def __repr__(self) -> str:
        return "999"

    def __index__(self) -> int:
        return 999


class LyingDecimal(Decimal):
    def __str__(self) -> str:
        return "999"

    def __repr__(self) -> str:
        return "999"

    def as_tuple(self):  # type: ignore[no-untyped-def,override]
        return Decimal("999").as_tuple()


class LyingDate(datetime.date):
    @property
    def year(self) -> int:  # type: ignore[override]
        return 1999


def test_int_subclass_is_read_by_its_value() -> None:
    assert Money(LyingInt(1)) == Money("1")
    assert Rate(LyingInt(1)) == Rate("1")
    assert Money("10") * LyingInt(2) == Money("20")
    assert zk.RoundingPolicy("half_up", LyingInt(2)).scale == 2


def test_decimal_subclass_is_read_by_its_value() -> None:
    assert Money(LyingDecimal("1.25")) == Money("1.25")
    assert Rate.from_percent(LyingDecimal("6.30")) == Rate("0.063")
    with pytest.raises(InvalidInput, match="not a finite number"):
        Money(LyingDecimal("NaN"))


def test_numbers_in_a_mapping_are_read_by_value() -> None:
    tree = {"a": LyingInt(1), "b": LyingDecimal("2.50"), "c": LyingDate(2024, 1, 31)}
    assert zk._core.tree_to_json(tree).replace(" ", "").replace("\n", "") == '{"a":1,"b":2.5,"c":"2024-01-31"}'
    doc = dict(DOC, estimated_value={"declared": LyingDecimal("2000000.00")})
    assert Decimal(str(zk.load_document(doc).to_dict()["estimated_value"]["declared"])) == Decimal("2000000")


def test_date_subclass_is_read_by_its_value() -> None:
    assert zk.end_of_quarter(LyingDate(2024, 2, 10)) == datetime.date(2024, 3, 31)


def test_a_huge_int_is_overflow_not_a_value_error() -> None:
    with pytest.raises(Overflow, match="Money"):
        Money(10**5000)
    with pytest.raises(Overflow) as e:
        zk.load_document(dict(DOC, estimated_value={"declared": 10**5000}))
    assert e.value.path == "estimated_value.declared"


# --- a number in a mapping that is no amount: typed, with its path -------------------------------

@pytest.mark.parametrize(
    "value, cls",
    [
        (Decimal("1E+21"), Overflow),
        (Decimal("NaN"), ParseError),
        (Decimal("sNaN"), ParseError),
        (Decimal("-Infinity"), ParseError),
        (Decimal("1E-19"), ParseError),
    ],
)
def test_a_bad_decimal_in_a_mapping_names_its_path(value: Decimal, cls: type) -> None:
    doc = dict(DOC, lots=[{"id": "L1", "products": [{"code": "45A48", "tariff": value}]}])
    with pytest.raises(cls) as e:
        zk.check(doc)
    assert e.value.path == "lots[0].products[0].tariff"
    assert "lots[0].products[0].tariff" in str(e.value)


def test_a_non_finite_decimal_argument_is_invalid_input() -> None:
    with pytest.raises(InvalidInput, match="Money: NaN is not a finite number"):
        Money(Decimal("NaN"))
    with pytest.raises(InvalidInput, match="Infinity"):
        Rate(Decimal("Infinity"))
    assert decimal.Decimal("1") == Money(Decimal("1")).to_decimal()


# --- wrong arguments: typed errors with a sentence ----------------------------------------------

def test_a_path_that_is_no_file_name_is_invalid_input() -> None:
    with pytest.raises(InvalidInput, match="document: the path .* is not a file name"):
        zk.check("a\udfff")
    with pytest.raises(InvalidInput, match="base_dir"):
        zk.check(DOC, base_dir="b\udfff")


def test_a_file_name_that_is_not_utf8_is_read_and_named(tmp_path: Path) -> None:
    name = str(tmp_path) + "/x\udcff.zorginkoop.yaml"  # the byte 0xff, as os.fsdecode gives it
    with pytest.raises(ParseError) as e:
        zk.check(name)
    assert e.value.source == name


def test_with_series_of_a_wrong_type_is_a_type_error() -> None:
    bundled = zk.IndexSeriesSet.bundled()
    with pytest.raises(TypeError, match="series: expected an IndexSeries or a list of IndexSeries, got dict"):
        bundled.with_series({})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"series\[1\]: expected an IndexSeries, got str"):
        bundled.with_series([bundled["OVA"], "PPC"])  # type: ignore[list-item]
    assert bundled.with_series([]) == bundled or len(bundled.with_series([])) == len(bundled)


def test_fired_rules_and_assert_no_errors_refuse_a_non_report() -> None:
    with pytest.raises(TypeError, match="fired_rules: expected a zorginkoop.Report"):
        zk.fired_rules({"findings": []})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="assert_no_errors: expected a zorginkoop.Report .*got NoneType"):
        zk.assert_no_errors(None)  # type: ignore[arg-type]
    report = zk.check(DOC)
    assert isinstance(zk.fired_rules(report), list)


# --- no raw control characters in messages ------------------------------------------------------

def test_exception_text_escapes_controls_but_path_stays_exact() -> None:
    key = "evil\x1b[2J\x07\u202e"
    with pytest.raises(ParseError) as e:
        zk.check(dict(DOC, **{key: 1}))
    text = str(e.value)
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in text
        assert raw not in e.value.message
    assert "\\x1b[2J\\x07\\u202e" in text
    assert e.value.path == key


def test_text_report_escapes_separators_and_bidi_marks() -> None:
    title = "a\u2028b\u2029c\u200fd\u200ee"
    report = zk.check(dict(DOC, id=title))
    text = report.to_text("en")
    for raw in ("\u2028", "\u2029", "\u200f", "\u200e"):
        assert raw not in text
    assert "a\\u2028b\\u2029c\\u200fd\\u200ee" in text


def test_cli_text_escapes_separators_and_bidi_marks(cli: str, tmp_path: Path, root: Path) -> None:
    import json
    import subprocess

    source = root / "tests" / "fixtures" / "procurement" / "rules" / "FUND-003.silent.zorginkoop.yaml"
    marks = "a\u2028b\u2029c\u200ed\u200fe\u061cf\u2066g"
    text = source.read_text(encoding="utf-8")
    assert "id: fund-003-silent" in text
    doc = tmp_path / "marks.zorginkoop.yaml"
    doc.write_text(text.replace("id: fund-003-silent", "id: " + json.dumps(marks), 1), encoding="utf-8")
    r = subprocess.run([cli, "check", str(doc), "--lang", "en"], capture_output=True, timeout=120)
    assert r.returncode in (0, 1), r.stderr
    out = r.stdout.decode("utf-8")
    assert "a\\u2028b\\u2029c\\u200ed\\u200fe\\u061cf\\u2066g" in out
    for raw in ("\u2028", "\u2029", "\u200e", "\u200f", "\u061c", "\u2066"):
        assert raw not in out
    js = subprocess.run([cli, "check", str(doc), "--format", "json"], capture_output=True, timeout=120)
    assert json.loads(js.stdout)["subject"] == marks  # JSON keeps the exact string
