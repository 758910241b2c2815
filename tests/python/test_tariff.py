"""Cost models, build-ups and the realism check from Python: the same API as C++."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "examples" / "models"
FIXTURES = ROOT / "tests" / "fixtures" / "tariff"


def worked() -> dict[str, Any]:
    return zk.CostModel.load(FIXTURES / "good-uur.yaml").to_dict()


def test_worked_example() -> None:
    b = zk.build_up(MODELS / "begeleiding-individueel.yaml")
    assert b.tariff == zk.Money("60.23")
    assert b.total.to_decimal().quantize(Decimal("0.000001")) == Decimal("60.228104")
    assert b.annual_cost_per_fte == zk.Money("62539.008")
    assert b.productive_hours == Decimal("1376.964")
    assert [line.line for line in b.lines][:2] == ["professional", "non_productive"]
    assert b.line("overhead") is not None
    assert zk.ijw_minute_tariff(b.tariff) == zk.Money("1.00")
    share = zk.build_up(MODELS / "begeleiding-individueel-share.yaml")
    assert share.tariff == zk.Money("63.29")
    assert zk.ijw_minute_tariff(share.tariff) == zk.Money("1.05")


def test_from_dict_and_round_trip() -> None:
    d = worked()
    m = zk.CostModel.from_dict(d)
    assert zk.CostModel.from_dict(m.to_dict()) == m
    assert zk.CostModel.parse_yaml(m.to_yaml()) == m
    assert zk.CostModel.parse_json(m.to_json()) == m
    assert m.law == "jeugdwet" and m.unit == "04"
    d["staff"][0]["monthly_salary"] = Decimal("3500.00")  # decimal.Decimal is exact
    assert zk.build_up(d).tariff == zk.Money("60.23")


def test_float_is_refused_in_models() -> None:
    d = worked()
    d["overhead"]["rate"] = 0.22
    with pytest.raises(TypeError, match=r"overhead\.rate.*binary floating point"):
        zk.CostModel.from_dict(d)


def bad_cases() -> list[dict[str, str]]:
    with (FIXTURES / "bad" / "cases.csv").open(newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@pytest.mark.parametrize("case", bad_cases(), ids=lambda c: c["file"])
def test_bad_models_give_typed_errors_with_path(case: dict[str, str]) -> None:
    with pytest.raises(zk.ZorginkoopError) as e:
        zk.CostModel.load(FIXTURES / "bad" / case["file"])
    assert e.value.code == case["code"]
    assert e.value.path == case["path"]
    assert e.value.line > 0


def test_realism_check() -> None:
    c = zk.check_tariff(zk.Money("58.00"), MODELS / "begeleiding-individueel.yaml", "floor")
    assert c.verdict == "below_cost" and not c.realistic
    assert c.cost_price == zk.Money("60.23")
    assert c.gap == zk.Money("-2.23")
    assert c.break_even_productivity is not None
    assert c.break_even_overhead_rate is not None
    assert len(c.break_even_monthly_salaries) == 1
    assert zk.check_tariff(zk.Money("60.23"), worked(), "fixed").verdict == "realistic"
    assert zk.check_tariff(zk.Money("60.24"), worked(), "fixed").verdict == "realistic"
    d = worked()
    del d["indexation"]
    assert zk.check_tariff(zk.Money("70"), d, "substantiated").verdict == "elements_missing"
    assert zk.check_tariff(zk.Money("70"), d, "substantiated").uncovered_elements == ["d"]
    d = worked()
    d["hours"] = {"annual_hours": "1878", "productivity": "0.95"}
    c = zk.check_tariff(zk.Money("70"), d, "substantiated")
    assert c.verdict == "implausible"
    assert c.out_of_band[0]["parameter"] == "productivity"
    assert c.out_of_band[0]["max"] == Decimal("0.90")
    assert c.out_of_band[0]["confirmed"] is False
    with pytest.raises(zk.InvalidInput):
        zk.check_tariff(zk.Money("70"), d, "cheap")


def test_bands_can_be_overridden() -> None:
    d = worked()
    strict = {"zorginkoop_plausibility_bands": 1, "id": "regio", "bands": [
        {"parameter": "overhead_rate", "max": "0.15", "source": "regional cost-price study"}]}
    c = zk.check_tariff(zk.Money("70"), d, "substantiated", bands=strict)
    assert c.verdict == "implausible"
    assert c.out_of_band[0]["path"] == "overhead.rate"
    assert "overhead_rate" in zk.PlausibilityBands.bundled().parameters


def test_batch_build_up_matches_single() -> None:
    models = [zk.CostModel.load(p) for p in sorted(MODELS.glob("*.yaml"))]
    cols = zk.build_up_many(models)
    assert cols["tariff"] == [zk.build_up(m).tariff.to_decimal() for m in models]
    assert all(isinstance(t, Decimal) for t in cols["tariff"])


def test_batch_table_of_overrides() -> None:
    base = zk.CostModel.load(FIXTURES / "good-uur.yaml")
    rates = ["0.10", "0.22", "0.30"]
    cols = zk.build_up_many(base, {"overhead.rate": rates, "staff[0].monthly_salary": ["3000", "3500", "4000"]})
    for i, (rate, salary) in enumerate(zip(rates, ["3000", "3500", "4000"])):
        d = base.to_dict()
        d["overhead"]["rate"] = rate
        d["staff"][0]["monthly_salary"] = salary
        assert cols["tariff"][i] == zk.build_up(d).tariff.to_decimal()
    assert cols["tariff"][1] == Decimal("60.23")


def test_batch_errors_raise_or_collect() -> None:
    good = worked()
    bad = worked()
    bad["staff"][0]["share"] = "0.5"
    with pytest.raises(zk.InvalidInput) as e:
        zk.build_up_many([good, bad])
    assert e.value.path == "rows[1].staff"
    cols = zk.build_up_many([good, bad], errors="collect")
    assert cols["tariff"][0] == Decimal("60.23") and cols["tariff"][1] is None
    assert cols["error"][0] is None and "rows[1].staff" in cols["error"][1]


def test_check_tariffs_batch() -> None:
    tariffs = ["58.00", "60.23", "61.00"]
    cols = zk.check_tariffs(tariffs, FIXTURES / "good-uur.yaml", basis="floor")
    assert cols["verdict"] == ["below_cost", "realistic", "realistic"]
    assert cols["gap"] == [Decimal("-2.23"), Decimal("0.00"), Decimal("0.77")]
    with pytest.raises(TypeError, match="binary floating point"):
        zk.check_tariffs([58.0], FIXTURES / "good-uur.yaml")
    with pytest.raises(zk.InvalidInput):
        zk.check_tariffs(["1", "2"], [worked()])


def test_dataframe_in_dataframe_out() -> None:
    pd = pytest.importorskip("pandas")
    base = zk.CostModel.load(FIXTURES / "good-uur.yaml")
    frame = pd.DataFrame({"overhead.rate": ["0.10", "0.22"], "hours.annual_hours": ["1878", "1800"]})
    out = zk.build_up_many(base, frame)
    assert isinstance(out, pd.DataFrame)
    assert out["tariff"].tolist()[0] == zk.build_up_many(base, {"overhead.rate": ["0.10"], "hours.annual_hours": ["1878"]})["tariff"][0]
    with pytest.raises(TypeError, match="binary floating point"):
        zk.build_up_many(base, pd.DataFrame({"overhead.rate": [0.1]}))


def test_build_up_cites_its_basis_as_findings_cite() -> None:
    # One citation serialiser: the statutory basis of a build-up has the keys, in the order, and
    # the law title and label that a finding citing the same article has.
    import json

    model = zk.CostModel.load(str(ROOT / "examples" / "models" / "begeleiding-individueel.yaml"))
    basis = json.loads(zk.build_up(model).to_json())["statutory_basis"]
    fixture = ROOT / "tests" / "fixtures" / "procurement" / "rules" / "PRICE-003.fires.zorginkoop.yaml"
    report = json.loads(zk.check(zk.load_document(str(fixture))).to_json())
    cited = [
        c for f in report["findings"] if f["rule"] == "PRICE-003" for c in f["citations"]
        if (c["law_id"], c["article"], c.get("lid")) == (basis["law_id"], basis["article"], basis["lid"])
    ]
    assert cited, "PRICE-003 no longer cites art. 2.3 lid 1 Besluit Jeugdwet"
    assert list(basis) == list(cited[0])
    assert basis["law"] == cited[0]["law"] == "Besluit Jeugdwet"
    assert basis["label"] == cited[0]["label"] == "art. 2.3 lid 1 Besluit Jeugdwet"
