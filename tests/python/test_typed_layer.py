"""The typed Python layer: enums for the closed vocabularies, frozen findings, reports and
realism checks that compare by value with a readable repr, docstrings on every public name, and
Money.to_decimal() at the scale of the amount."""

from __future__ import annotations

import dataclasses
import inspect
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "examples" / "cases"
FIXTURES = ROOT / "tests" / "fixtures" / "tariff"


def a_case() -> Path:
    return sorted(CASES.glob("*.zorginkoop.yaml"))[0]


def test_enums_are_their_text() -> None:
    assert zk.Severity.ERROR == "error" and str(zk.Severity.WARNING) == "warning"
    assert f"{zk.Verdict.BELOW_COST}" == "below_cost"
    assert zk.Verdict("implausible") is zk.Verdict.IMPLAUSIBLE
    assert [s.value for s in zk.Stage] == ["regime", "value", "publication", "term", "award", "price",
                                           "open_house", "funding"]
    assert {b.value for b in zk.PriceBasis} == {"fixed", "floor", "substantiated"}
    with pytest.raises(ValueError):
        zk.Severity("fatal")


def test_findings_and_reports_are_frozen_values() -> None:
    one, two = zk.check(a_case()), zk.check(a_case())
    assert isinstance(one, zk.Report) and one == two and hash(one) == hash(two)
    assert one.findings and all(isinstance(f, zk.Finding) for f in one.findings)
    f = one.findings[0]
    assert isinstance(f.severity, zk.Severity)
    assert f == two.findings[0] and hash(f) == hash(two.findings[0])
    assert f != dataclasses.replace(f, rule="OTHER-001")
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.rule = "X"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.subject = "x"  # type: ignore[misc]
    assert repr(f).startswith(f"Finding({f.rule!r}, {f.severity.value!r}, {f.message_key!r}")
    assert "core" not in repr(f)
    assert repr(one).startswith("Report(") and f"{one.count('error')} error" in repr(one)
    assert one.count(zk.Severity.ERROR) == one.count("error") == len(one.errors)
    assert one.has_errors() == bool(one.errors)
    assert one.to_json() == two.to_json() and f.message("en")
    if f.locations:
        loc = f.locations[0]
        assert isinstance(loc, zk.Location) and repr(loc).startswith("Location(")


def test_realism_check_is_a_frozen_value() -> None:
    model = FIXTURES / "good-uur.yaml"
    c = zk.check_tariff(zk.Money("58.00"), model)
    assert isinstance(c, zk.RealismCheck) and c.verdict is zk.Verdict.BELOW_COST and c.basis is zk.PriceBasis.FLOOR
    assert c == zk.check_tariff(zk.Money("58.00"), model, zk.PriceBasis.FLOOR)
    assert c != zk.check_tariff(zk.Money("58.01"), model)
    assert repr(c) == ("RealismCheck('below_cost', basis='floor', tariff=Money('58.00'), cost_price=Money('60.23'), "
                       "gap=Money('-2.23'))")
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.verdict = zk.Verdict.REALISTIC  # type: ignore[misc]
    assert c.build_up.tariff == zk.Money("60.23") and c.to_json()


def test_out_of_band_is_a_value_readable_by_key() -> None:
    d = zk.CostModel.load(FIXTURES / "good-uur.yaml").to_dict()
    d["overhead"]["rate"] = "0.60"
    c = zk.check_tariff(zk.Money("80"), d)
    band = c.out_of_band[0]
    assert isinstance(band, zk.OutOfBand) and band.path == band["path"] == "overhead.rate"
    assert repr(band).startswith("OutOfBand('overhead.rate'")
    with pytest.raises(KeyError):
        band["nope"]


def test_money_to_decimal_keeps_the_scale_of_the_amount() -> None:
    assert Decimal(zk.Money("54.30").to_decimal()).as_tuple().exponent == -2
    assert zk.Money("54.3").to_decimal().as_tuple().exponent == -2
    assert str(zk.Money("60.228104").to_decimal()) == "60.228104"
    assert str(zk.Money("7").to_decimal()) == "7.00"
    rounded = zk.Money("1.23456").round(zk.RoundingPolicy("half_up", 4))
    assert str(rounded.to_decimal()) == "1.2346"


# ------------------------------------------------------------------ docstrings on every public name


def _public_modules() -> list[ModuleType]:
    return [zk, zk.procurement, zk.declarations, zk.tariff, zk.indexation, zk.report, zk.enums, zk.errors]


def _members(obj: type) -> list[tuple[str, Any]]:
    out = []
    for name, value in vars(obj).items():
        if name.startswith("_") or name in ("core",):
            continue
        if isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        if callable(value) or isinstance(value, property):
            out.append((name, value))
    return out


def _has_doc(obj: Any) -> bool:
    doc = inspect.getdoc(obj) or ""
    # pybind11 writes the signature as the first line of a function's docstring; more is needed
    lines = [line for line in doc.splitlines() if line.strip()]
    if lines and lines[0].startswith(getattr(obj, "__name__", "\0") + "("):
        lines = lines[1:]
    return bool(lines)


def test_every_public_name_has_a_docstring() -> None:
    missing = []
    for module in _public_modules():
        if not _has_doc(module):
            missing.append(module.__name__)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if not (inspect.isclass(obj) or inspect.isroutine(obj)):
                continue  # constants, modules and type aliases
            if not _has_doc(obj):
                missing.append(f"{module.__name__}.{name}")
            if inspect.isclass(obj) and obj.__module__.startswith("zorginkoop") and not obj.__module__.startswith("zorginkoop._core"):
                for member, value in _members(obj):
                    if member in vars(obj) and not _has_doc(value):
                        missing.append(f"{module.__name__}.{name}.{member}")
    assert sorted(set(missing)) == []


def test_the_docstring_check_can_fail() -> None:
    def bare() -> None:
        pass

    assert not _has_doc(bare) and _has_doc(zk.check)
    assert not _has_doc(type("Bare", (), {}))


def test_pandas_is_handled_in_python_not_in_the_bindings() -> None:
    for source in sorted((ROOT / "bindings" / "python" / "src").glob("*.cpp")):
        text = source.read_text(encoding="utf-8")
        assert 'import("pandas")' not in text and '"iloc"' not in text and '"columns"' not in text, source.name
    pd = pytest.importorskip("pandas")
    base = zk.CostModel.load(FIXTURES / "good-uur.yaml")
    frame = pd.DataFrame({"overhead.rate": ["0.10", "0.22"], "hours.annual_hours": [1878, 1800]}, index=[5, 6])
    out = zk.build_up_many(base, frame)
    assert isinstance(out, pd.DataFrame) and list(out.index) == [5, 6]
    assert list(out["tariff"]) == zk.build_up_many(base, {"overhead.rate": ["0.10", "0.22"],
                                                           "hours.annual_hours": [1878, 1800]})["tariff"]
    with pytest.raises(TypeError, match="expected a sequence of tariffs"):
        zk.check_tariffs(pd.DataFrame({"t": ["60"]}), base)
