"""The VNG indexation advice for 2025 as corrected on 2 October 2024 (4.96 %, additive catch-up),
its multiplicative variant (4.91 %), and figures on which the sources conflict (OVA 2021
provisional, PPC 2023 definitive): flagged in the bundled series, in every derivation that uses
them, in the JSON output, and in the JSON Schema of the series format."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "indexation"
D = Decimal


def test_vng_2025_is_4_96_with_the_additive_catch_up() -> None:
    c = zk.IndexationClause.load(EXAMPLES / "vng-2025.yaml")
    assert c.catch_up == "additive"
    r = c.rate(2025)
    # Wp 3.944 + C (5.710 - 4.697 = 1.013) = 4.957 -> 4.96
    assert r.unrounded == {"weighted_provisional": D("3.944"), "catch_up": D("1.013"), "rate": D("4.957")}
    assert r == D("4.96")
    assert r.catch_up_applied
    assert c.index("64.02", 2024, 2025) == zk.Money("67.20")
    assert not r.uses_conflicting_figures


def test_the_multiplicative_reading_is_a_variant_giving_4_91() -> None:
    path = EXAMPLES / "vng-2025-multiplicative-variant.yaml"
    assert "VARIANT" in path.read_text(encoding="utf-8")
    assert zk.IndexationClause.load(path).rate(2025) == D("4.91")


def test_conflicting_figures_are_flagged_in_the_bundled_series() -> None:
    ova = zk.IndexSeries.bundled("OVA")
    f = ova.figure(2021, "provisional")
    assert f.percent == D("3.24") and f.conflicting is True
    assert "1.5 %" in f.note
    assert ova.figure(2021, "definitive").conflicting is False
    assert zk.IndexSeries.bundled("PPC").figure(2023, "definitive").conflicting is True
    conflicting = [(s.id, x.year, x.status) for s in zk.IndexSeries.bundled() for x in s.figures if x.conflicting]
    assert conflicting == [("OVA", 2021, "provisional"), ("PPC", 2023, "definitive")]


def test_a_derivation_that_uses_a_conflicting_figure_says_so() -> None:
    vng = zk.IndexationClause.load(EXAMPLES / "vng-2024.yaml")
    # catch-up over 2021: uses OVA 2021 provisional (OVA only: PPC 2021 provisional is not bundled)
    ova_only = zk.IndexationClause.from_dict({"components": [{"series": "OVA", "weight": "1"}], "catch_up": "additive"})
    r = ova_only.rate(2022)
    assert r.uses_conflicting_figures
    used = [(f.series, f.year, f.status) for f in r.figures if f.conflicting]
    assert used == [("OVA", 2021, "provisional")]
    d = json.loads(r.to_json())
    assert d["uses_conflicting_figures"] is True
    assert [f["conflicting"] for f in d["figures"]].count(True) == 1
    assert vng.catch_up_settlement("1000.00", 2024).uses_conflicting_figures  # PPC 2023 definitive
    assert not vng.rate(2025).uses_conflicting_figures


def test_the_conflicting_key_is_read_written_and_typed() -> None:
    s = zk.IndexSeries("X", [{"year": 2021, "status": "provisional", "percent": "3.24", "source": "a", "conflicting": True}])
    assert s.figures[0].conflicting is True
    assert "conflicting: true" in s.to_yaml()
    assert zk.IndexSeries.parse(s.to_json()) == s
    assert zk.IndexSeries("X", list(s.figures)) == s  # an IndexFigure keeps its flag
    with pytest.raises(zk.ParseError) as e:
        zk.IndexSeries("X", [{"year": 2021, "status": "provisional", "percent": "3.24", "source": "a", "conflicting": "yes"}])
    assert e.value.path == "values[0].conflicting"


def test_the_bundled_series_validate_against_the_series_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "data" / "schema" / "zorginkoop-index-series.schema.json").read_text(encoding="utf-8"))
    v = jsonschema.Draft202012Validator(schema)
    for path in sorted((ROOT / "data" / "series").glob("*.yaml")):
        v.validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    bad = yaml.safe_load((ROOT / "data" / "series" / "ova.yaml").read_text(encoding="utf-8"))
    bad["values"][0]["conflicting"] = "yes"
    assert not v.is_valid(bad)
    assert zk.document_schema("index-series")["$id"] == schema["$id"]
