"""Python that feels native: str enums for every closed vocabulary (the same words as the C++
library), immutable values in one style, the _core submodules, and the analyst conveniences of
Money and Report."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import importlib
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import pytest

import zorginkoop as zk
from zorginkoop import InvalidInput, Money, Rate, RoundingPolicy, _core, enums

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "examples" / "models" / "begeleiding-individueel.yaml"
CLAUSE = ROOT / "examples" / "indexation" / "vng-2024.yaml"

DOC: dict[str, object] = {
    "zorginkoop": 1,
    "id": "native",
    "law": "jeugdwet",
    "procedure": {"kind": "sas", "award_record": False},
    "estimated_value": {"declared": "2000000.00"},
    "award": {"date": "2023-05-01"},
}

# Which Python enum holds which vocabulary of the C++ library.
ENUMS: dict[str, type[enums._TextEnum]] = {
    "law": zk.Law,
    "lang": zk.Lang,
    "rounding_mode": zk.RoundingMode,
    "severity": zk.Severity,
    "price_basis": zk.PriceBasis,
    "verdict": zk.Verdict,
    "index_status": zk.IndexStatus,
    "catch_up": zk.CatchUp,
    "rate_rounding_at": zk.RateRoundingAt,
    "tariff_chain": zk.TariffChain,
    "stage": zk.Stage,
    "procedure_kind": zk.ProcedureKind,
    "end_of_month": zk.EndOfMonth,
    "overhead_convention": zk.OverheadConvention,
}


def _report() -> zk.Report:
    return zk.check(DOC)


# --- 1. enums -----------------------------------------------------------------------------------

def test_every_vocabulary_of_the_library_has_an_enum_with_exactly_its_words() -> None:
    vocabularies = _core.vocabularies()
    assert set(vocabularies) == set(ENUMS), "a vocabulary without a Python enum, or an enum without one"
    for name, words in vocabularies.items():
        assert words, name
        assert sorted(m.value for m in ENUMS[name]) == sorted(words), name


def test_every_enum_is_exported_and_a_str() -> None:
    for enum in ENUMS.values():
        assert getattr(zk, enum.__name__) is enum
        for member in enum:
            assert isinstance(member, str) and member == member.value and f"{member}" == member.value


@pytest.mark.parametrize("enum", list(ENUMS.values()), ids=lambda e: e.__name__)
def test_a_wrong_word_is_a_value_error_naming_the_accepted_words(enum: type[enums._TextEnum]) -> None:
    with pytest.raises(ValueError) as e:
        enum("no-such-word")
    for member in enum:
        assert repr(member.value) in str(e.value)


def test_functions_accept_the_enum_and_the_text() -> None:
    report = _report()
    assert report.to_text(zk.Lang.EN) == report.to_text("en")
    assert report.to_json(zk.Lang.EN) == report.to_json("en")
    assert report.count(zk.Severity.ERROR) == report.count("error")
    finding = report.findings[0]
    assert finding.message(zk.Lang.EN) == finding.message("en")
    check = zk.check_tariff(Money("58.00"), str(MODEL), zk.PriceBasis.FIXED)
    assert check == zk.check_tariff(Money("58.00"), str(MODEL), "fixed")
    assert check.to_text(zk.Lang.EN) == check.to_text("en")
    assert RoundingPolicy(zk.RoundingMode.HALF_EVEN, 2) == RoundingPolicy("half_even", 2)
    rules = zk.rule_catalogue()
    assert rules[0].title.text(zk.Lang.EN) == rules[0].title.en
    jan31 = datetime.date(2024, 1, 31)
    assert zk.add_months(jan31, 1, zk.EndOfMonth.CLAMP) == zk.add_months(jan31, 1, "clamp") == datetime.date(2024, 2, 29)
    with pytest.raises(zk.AmbiguousDate):
        zk.add_months(jan31, 1, zk.EndOfMonth.REFUSE)
    with pytest.raises(InvalidInput):
        zk.add_months(jan31, 1, "round")


@pytest.mark.parametrize("call", [
    lambda r: r.to_text("de"),
    lambda r: r.to_json("de"),
    lambda r: r.findings[0].message("de"),
    lambda r: zk.rule_catalogue()[0].title.text("de"),
    lambda r: zk.check_tariff(Money("58.00"), str(MODEL), "cheap"),
], ids=["to_text", "to_json", "message", "title", "basis"])
def test_a_wrong_word_as_argument_is_invalid_input_naming_the_accepted_words(call: Callable[[Any], object]) -> None:
    with pytest.raises(InvalidInput) as e:
        call(_report())
    assert isinstance(e.value, ValueError)
    assert "expected one of" in str(e.value)


def test_results_are_enum_members() -> None:
    report = _report()
    assert type(report.findings[0].severity) is zk.Severity
    assert type(RoundingPolicy().mode) is zk.RoundingMode and RoundingPolicy().mode == "half_up"
    document = zk.load_document(DOC)
    assert type(document.law) is zk.Law and document.law == "jeugdwet"
    assert type(document.procedure_kind) is zk.ProcedureKind and document.procedure_kind == "sas"
    clause = zk.IndexationClause.load(CLAUSE)
    assert type(clause.catch_up) is zk.CatchUp
    assert type(clause.rate_rounding["mode"]) is zk.RoundingMode
    assert type(clause.tariff_rounding["chain"]) is zk.TariffChain
    figure = zk.IndexSeriesSet.bundled()["OVA"].figures[0]
    assert type(figure.status) is zk.IndexStatus
    rate = clause.rate(2024)
    assert type(rate.figures[0].status) is zk.IndexStatus
    check = zk.check_tariff(Money("58.00"), str(MODEL))
    assert type(check.verdict) is zk.Verdict and type(check.basis) is zk.PriceBasis


# --- 2. one frozen value style ------------------------------------------------------------------

def _values() -> dict[str, Any]:
    report = _report()
    check = zk.check_tariff(Money("58.00"), str(MODEL))
    clause = zk.IndexationClause.load(CLAUSE)
    schedule = clause.schedule("60.23", 2023, 2024)
    rule = zk.rule_catalogue()[0]
    return {
        "Money": Money("1.23"),
        "Rate": Rate("0.22"),
        "RoundingPolicy": RoundingPolicy("half_up", 2),
        "LegalRef": zk.cite("BWBR0034925", "2.6"),
        "Location": report.findings[0].locations[0],
        "Finding": report.findings[0],
        "Report": report,
        "RealismCheck": check,
        "BuildUp": check.build_up,
        "BuildUpLine": check.build_up.lines[0],
        "IndexationClause": clause,
        "IndexRate": clause.rate(2024),
        "TariffSchedule": schedule,
        "ScheduleRow": schedule[0],
        "IndexFigure": zk.IndexSeriesSet.bundled()["OVA"].figures[0],
        "Rule": rule,
        "RuleTitle": rule.title,
        "Document": zk.load_document(DOC),
    }


VALUE_NAMES = list(_values())
# Classes with value equality, hashed by value.
HASHABLE = ["Money", "Rate", "RoundingPolicy", "LegalRef", "Location", "Finding", "Report", "RealismCheck",
            "IndexationClause", "IndexRate", "TariffSchedule", "ScheduleRow", "IndexFigure", "Rule", "RuleTitle",
            "Document"]


@pytest.mark.parametrize("name", VALUE_NAMES)
def test_values_cannot_be_changed(name: str) -> None:
    value = _values()[name]
    # an existing attribute and a new one
    existing = next((a for a in ("rule", "amount", "mode", "law_id", "path", "verdict", "tariff", "year", "nl", "id",
                                 "catch_up", "subject", "derivation", "line", "lines")
                     if hasattr(value, a)), None)
    if existing is not None:
        with pytest.raises(AttributeError):
            setattr(value, existing, None)
    with pytest.raises(AttributeError):
        value.some_new_attribute = 1


def test_a_schedule_cannot_be_changed_as_a_list() -> None:
    schedule = _values()["TariffSchedule"]
    rows = list(schedule)
    for mutate in (lambda s: s.append(rows[0]), lambda s: s.clear(), lambda s: s.pop(),
                   lambda s: s.__setitem__(0, rows[0]), lambda s: s.__delitem__(0), lambda s: s.sort()):
        with pytest.raises(TypeError):
            mutate(schedule)
    with pytest.raises(TypeError):
        schedule += rows
    assert list(schedule) == rows
    assert copy.copy(schedule) is schedule and copy.deepcopy(schedule) is schedule


@pytest.mark.parametrize("name", HASHABLE)
def test_values_with_value_equality_hash_by_value(name: str) -> None:
    a, b = _values()[name], _values()[name]
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1


def test_python_values_are_frozen_dataclasses() -> None:
    for cls in (zk.Finding, zk.Report, zk.Location, zk.RealismCheck, zk.OutOfBand, zk.ScheduleRow, zk.Rule,
                zk.RuleTitle, zk.EformsImport, zk.NotCarried):
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", [Money("54.30"), Money("-0.005"), Rate("0.22"), Rate("1E-18"),
                                   RoundingPolicy("half_up", 2), RoundingPolicy("down", 0),
                                   RoundingPolicy("half_even", 2, multiple_of=Decimal("0.05"))], ids=repr)
def test_repr_round_trips(value: object) -> None:
    namespace = {"Money": Money, "Rate": Rate, "RoundingPolicy": RoundingPolicy, "Decimal": Decimal}
    assert eval(repr(value), namespace) == value  # noqa: S307 - the repr of our own values


# --- 3. _core by area ---------------------------------------------------------------------------

AREAS = ["core", "io", "report", "indexation", "tariff", "procurement", "declarations"]


@pytest.mark.parametrize("area", AREAS)
def test_core_has_one_importable_submodule_per_area(area: str) -> None:
    sub = importlib.import_module(f"zorginkoop._core.{area}")
    assert getattr(_core, area) is sub
    assert sub.__name__ == f"zorginkoop._core.{area}"
    names = [n for n in vars(sub) if not n.startswith("__")]
    assert names, area
    for n in names:  # the flat names of _core stay the same objects
        assert getattr(_core, n) is getattr(sub, n), n


def test_each_class_lives_in_its_area() -> None:
    assert _core.core.Money is zk.Money and zk.Money.__module__ == "zorginkoop._core.core"
    assert _core.report.LegalRef is zk.LegalRef
    assert _core.tariff.CostModel is zk.CostModel
    assert _core.io.parse_yaml("a: 1") == {"a": "1"}
    # the batch engine is an area of its own, reachable at the top of _core too
    assert _core.batch_build_up is _core.batch.batch_build_up
    assert _core.batch_check_tariffs is _core.batch.batch_check_tariffs


# --- 5. analyst ergonomics ----------------------------------------------------------------------

def test_money_equals_the_decimal_of_the_same_amount() -> None:
    assert Money("54.30") == Decimal("54.30") == Money("54.3")
    assert Decimal("54.30") == Money("54.30")
    assert Money("54.30") != Decimal("54.31")
    assert Money("2") == 2 and 2 == Money("2")
    assert hash(Money("54.30")) == hash(Decimal("54.30"))
    assert {Money("1.00"): "x"}[Decimal("1")] == "x"
    assert Money("1") != "1"  # text is not an amount
    assert Money("1") != True  # noqa: E712 - nor is a bool


def test_money_orders_with_decimal_and_int() -> None:
    assert Money("1.10") < Decimal("1.11") and Decimal("1.11") > Money("1.10")
    assert Money("5") >= 5 and Money("5") <= Decimal("5.00")
    assert max(Money("1"), Money("3"), Money("2")) == Money("3")
    with pytest.raises(TypeError):
        _ = Money("1") < "2"  # type: ignore[operator]


def test_money_refuses_float_in_comparisons_and_sums() -> None:
    for op in (lambda: Money("0.1") == 0.1, lambda: Money("1") < 1.5, lambda: Money("1") + 0.5,
               lambda: 0.5 + Money("1"), lambda: Money("1") - 0.5):
        with pytest.raises(TypeError, match="float"):
            op()


def test_money_adds_decimal_as_euros_and_sums() -> None:
    amounts = [Money("1.10"), Money("2.20"), Money("3.30")]
    total = sum(amounts)
    assert type(total) is Money and total == Money("6.60")
    assert sum(amounts, Money("0")) == Money("6.60")
    assert sum([], Money("0")) == Money("0")
    assert Money("1.10") + Decimal("0.05") == Money("1.15") and type(Money("1") + Decimal("1")) is Money
    assert Decimal("0.05") + Money("1.10") == Money("1.15")
    assert Money("1.10") - 1 == Money("0.10") and 2 - Money("0.50") == Money("1.50")
    assert type(2 - Money("0.50")) is Money
    # exact: ten times 0.10 is 1.00, not 0.9999999999999999
    assert sum([Money("0.10")] * 10) == Decimal("1.00")


def test_money_formats_like_a_decimal_rounding_half_up() -> None:
    m = Money("1234.125")
    assert format(m, ".2f") == "1234.13"  # Decimal's own format rounds half even: 1234.12
    assert format(Money("-0.125"), ".2f") == "-0.13"
    assert f"{m:,.2f}" == "1,234.13"
    assert f"{m:>10.1f}" == "    1234.1"
    assert format(Money("54.3"), "") == str(Money("54.3")) == "54.30"
    assert f"{Money('54.3')}" == "54.30"
    assert format(Money("10000000000000000.01"), ".2f") == "10000000000000000.01"  # no precision lost
    with pytest.raises(ValueError):
        format(m, "d")


def test_round_is_half_up_like_the_default_rounding_policy() -> None:
    assert round(Money("0.125"), 2) == Money("0.13") and type(round(Money("0.125"), 2)) is Money
    assert round(Money("-0.125"), 2) == Money("-0.13")
    assert round(Money("0.135"), 2) == Money("0.14")
    assert round(Money("2.5")) == Money("3") and round(Money("3.5")) == Money("4")  # not banker's rounding
    assert round(Money("1.2345"), 3) == Money("1.235")
    assert round(Money("0.125"), 2) == Money("0.125").round(RoundingPolicy.cents())
    assert RoundingPolicy.cents() == RoundingPolicy() == RoundingPolicy("half_up", 2)


def test_decimal_of_money() -> None:
    m = Money("54.3")
    assert m.to_decimal() == Decimal("54.30") and str(m.to_decimal()) == "54.30"
    assert Decimal(str(m)) == m.to_decimal()
    # decimal.Decimal takes no other objects (no __index__ or __float__ is consulted): to_decimal() it is
    with pytest.raises(TypeError):
        Decimal(m)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        float(m)  # type: ignore[arg-type]


def test_print_of_a_finding_shows_its_message() -> None:
    finding = _report().findings[0]
    text = str(finding)
    assert finding.message() in text and text.startswith(finding.rule)
    if finding.locations:
        assert str(finding.locations[0]) in text


def test_report_to_dataframe() -> None:
    pandas = pytest.importorskip("pandas")
    report = _report()
    frame = report.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["rule", "severity", "message", "message_key", "path", "line", "column", "source",
                                   "citations"]
    assert len(frame) == len(report.findings)
    assert list(frame["rule"]) == [f.rule for f in report.findings]
    assert list(frame["message"]) == [f.message() for f in report.findings]
    assert list(report.to_dataframe("en")["message"]) == [f.message("en") for f in report.findings]
    assert set(frame["severity"]) <= {"error", "warning", "info"}


def test_report_to_dataframe_without_pandas_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        _report().to_dataframe()


def test_report_html_escapes_user_text() -> None:
    finding = _core.make_finding("X-001", "error", "rule.not_evaluated", {"field": "<script>alert(1)</script>"},
                                 path="lots[0].<b>name</b>")
    report = zk.Report.from_core(_core.make_report([finding], subject="<i>gemeente</i> & co"))
    html = report._repr_html_()
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;i&gt;gemeente&lt;/i&gt; &amp; co" in html
    assert "lots[0].&lt;b&gt;name&lt;/b&gt;" in html
    assert "<table>" in html and "X-001" in html and "1 error" in html


def test_money_path_has_no_float() -> None:
    # the conveniences give Money or Decimal, never float
    values = [sum([Money("1.10")]), Money("1") + Decimal("2"), round(Money("1.005"), 2), Money("1").to_decimal()]
    assert all(type(v) in (Money, Decimal) for v in values)
    assert datetime.date(2024, 1, 1)  # (dates stay dates)
