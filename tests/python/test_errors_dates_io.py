"""Errors (typed, with paths and positions), dates, and the YAML/JSON readers."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest

import zorginkoop
from zorginkoop import _core, errors


def test_error_classes_map_one_to_one() -> None:
    assert issubclass(errors.InvalidInput, errors.ZorginkoopError)
    assert issubclass(errors.InvalidInput, ValueError)
    assert issubclass(errors.MissingData, LookupError)
    assert issubclass(errors.Overflow, ArithmeticError)
    codes = {c.code for c in (errors.InvalidInput, errors.ParseError, errors.MissingData, errors.AmbiguousDate, errors.Overflow)}
    assert codes == {"invalid_input", "parse_error", "missing_data", "ambiguous_date", "overflow"}
    with pytest.raises(errors.InvalidInput) as e:
        zorginkoop.parse_date("2024-02-30")
    assert e.value.code == "invalid_input"
    with pytest.raises(errors.AmbiguousDate):
        zorginkoop.add_months(datetime.date(2024, 1, 31), 1, "refuse")
    with pytest.raises(errors.Overflow):
        zorginkoop.Money("300000000000000000000") * 2


def test_dates() -> None:
    assert zorginkoop.parse_date("2024-02-29") == datetime.date(2024, 2, 29)
    assert zorginkoop.term_end(datetime.date(2023, 1, 1), 60) == datetime.date(2027, 12, 31)
    assert zorginkoop.term_end("2023-01-31", 1) == datetime.date(2023, 2, 28)
    assert zorginkoop.end_of_quarter(datetime.date(2022, 8, 15)) == datetime.date(2022, 9, 30)
    assert zorginkoop.add_months(datetime.date(2024, 1, 31), 1, "clamp") == datetime.date(2024, 2, 29)
    with pytest.raises(TypeError):
        zorginkoop.term_end(datetime.datetime(2023, 1, 1, 12, 0), 12)


def test_yaml_errors_have_path_line_column() -> None:
    with pytest.raises(errors.ParseError) as e:
        _core.parse_yaml("a: 1\nb:\n  c: 1\n  c: 2\n", "doc.yaml")
    assert (e.value.line, e.value.column, e.value.path, e.value.source) == (4, 3, "b.c", "doc.yaml")
    with pytest.raises(errors.ParseError):
        _core.parse_yaml("a: &x [1]\nb: *x\n")
    with pytest.raises(errors.ParseError):
        _core.parse_yaml("[" * 10000)


def test_json_numbers_stay_text() -> None:
    assert _core.parse_json('{"a": 0.1000, "b": [1e2]}') == {"a": "0.1000", "b": ["1e2"]}
    with pytest.raises(errors.ParseError) as e:
        _core.parse_json('{"a": 1,\n "a": 2}')
    assert e.value.line == 2


def test_python_trees_refuse_float_and_round_trip() -> None:
    tree = {"a": Decimal("1.50"), "b": [1, "x", None, True], "c": datetime.date(2023, 1, 1), "d": zorginkoop.Money("2")}
    out = json.loads(_core.tree_to_json(tree))
    assert out == {"a": 1.5, "b": [1, "x", None, True], "c": "2023-01-01", "d": 2}
    assert _core.parse_yaml(_core.tree_to_yaml(tree)) == {"a": "1.5", "b": ["1", "x", None, True], "c": "2023-01-01", "d": "2"}
    with pytest.raises(TypeError, match=r"b\[1\].*binary floating point"):
        _core.tree_to_json({"b": [1, 2.5]})
    with pytest.raises(zorginkoop.ParseError, match="keys must be str"):
        _core.tree_to_json({1: "x"})


def test_citations() -> None:
    ref = zorginkoop.cite("BWBR0034925", "2.12", "1", version_date=datetime.date(2026, 1, 1))
    assert ref.url == "https://wetten.overheid.nl/jci1.3:c:BWBR0034925&artikel=2.12&lid=1&g=2026-01-01"
    assert ref.label("nl") == "art. 2.12 lid 1 Jeugdwet"
    assert {law[0] for law in zorginkoop.known_laws()} >= {
        "BWBR0034925", "BWBR0035779", "BWBR0035362", "BWBR0035733", "BWBR0032203",
        "BWBR0036007", "BWBR0036096", "BWBR0051641", "32014L0024",
    }
    with pytest.raises(errors.InvalidInput):
        zorginkoop.cite("BWBR0000000", "1")


def test_report_serialisation() -> None:
    ref = zorginkoop.cite("BWBR0032203", "2.134", "1")
    f = _core.make_finding("X-001", "error", "rule.not_evaluated", {"field": "award.date"}, "award.date", [ref])
    r = _core.make_report([f], subject="s", ruleset_version="2026-11-22", reference_date="2022-06-30")
    assert r.has_errors() and r.errors[0].rule == "X-001"
    j = json.loads(r.to_json("en"))
    assert j["schema_version"] == 2
    assert j["omitted"] == []
    assert j["findings"][0]["message"] == "Not evaluated: the field award.date is missing."
    assert j["findings"][0]["citations"][0]["law_id"] == "BWBR0032203"
    assert j["summary"] == {"error": 1, "warning": 0, "info": 0}
    s = json.loads(r.to_sarif())
    assert s["version"] == "2.1.0" and s["runs"][0]["results"][0]["level"] == "error"
    assert "Niet beoordeeld" in r.to_text("nl")
    with pytest.raises(errors.InvalidInput):
        _core.make_finding("X", "fatal", "k", {})
