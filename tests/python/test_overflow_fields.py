"""Overflow during a check or a build-up is a zorginkoop.Overflow naming the field it comes from."""

from __future__ import annotations

from typing import Any

import pytest

import zorginkoop as zk

HUGE = "200000000000000000000"  # 2e20: two of them leave the exact range (about 3.4e20)


def _model(salary: str) -> dict[str, Any]:
    return {
        "zorginkoop_cost_model": 1,
        "law": "jeugdwet",
        "unit": "04",
        "staff": [{"function": "Begeleider", "monthly_salary": salary, "share": "1", "employer_charges": "0.28"}],
        "hours": {"annual_hours": "1878", "productivity": "0.7"},
        "overhead": {"rate": "0.22", "convention": "markup"},
    }


def test_check_overflow_names_the_lot_value() -> None:
    doc = {
        "zorginkoop": 1,
        "id": "huge",
        "law": "wmo2015",
        "lots": [{"id": "A", "estimated_value": HUGE}, {"id": "B", "estimated_value": HUGE}, {"id": "C"}],
    }
    with pytest.raises(zk.Overflow) as e:
        zk.check(doc)
    assert e.value.code == "overflow"
    assert e.value.path == "lots[1].estimated_value"


def test_check_overflow_in_a_price_rule_names_the_cost_model_field() -> None:
    doc = {
        "zorginkoop": 1,
        "id": "price",
        "law": "jeugdwet",
        "term": {"start": "2025-01-01"},
        "lots": [{"id": "A", "products": [{"name": "Begeleiding", "unit": "04", "tariff": "60.00",
                                           "cost_model": _model("100000000000000000000")}]}],
    }
    with pytest.raises(zk.Overflow) as e:
        zk.check(doc)
    assert e.value.path == "lots[0].products[0].cost_model.staff[0].monthly_salary"
    assert str(e.value).find("PRICE-") >= 0


def test_build_up_overflow_names_the_model_field() -> None:
    with pytest.raises(zk.Overflow) as e:
        zk.build_up(_model("100000000000000000000"))
    assert e.value.code == "overflow"
    assert e.value.path == "staff[0].monthly_salary"
    assert zk.build_up(_model("3500.00")).tariff.to_decimal() > 0
