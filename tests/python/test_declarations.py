"""Declarations (JW323 / WMO323) from Python: the report of one message, the batch of lines over
Arrow and pandas, and the CLI."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "declarations"
CONTRACT = FIX / "contract-jeugd.zorginkoop.yaml"


def test_check_declarations_reports_like_check() -> None:
    clean = zk.check_declarations(CONTRACT, FIX / "jw323-clean.xml")
    assert isinstance(clean, zk.Report) and clean.findings == () and clean.subject == "D2024-0001"
    report = zk.check_declarations(zk.load_document(CONTRACT), FIX / "rules" / "DECL-004.fires.xml")
    assert zk.fired_rules(report) == ["DECL-004"]
    f = report.errors[0]
    assert f.message_key == "decl.DECL-004.differs"
    assert f.evidence["expected"] == "45.17"
    assert "45.17" in f.message("en")
    assert f.locations[0].path.endswith("Prestatie[0].IngediendBedrag") and f.locations[0].line > 0
    as_bytes = zk.check_declarations(CONTRACT, (FIX / "rules" / "DECL-004.fires.xml").read_bytes())
    assert zk.fired_rules(as_bytes) == ["DECL-004"]
    assert json.loads(report.to_json())["findings"][0]["rule"] == "DECL-004"


def test_an_unusable_message_is_a_parse_error() -> None:
    xml = (FIX / "jw323-clean.xml").read_bytes().replace(b"<ijw:BerichtCode>490<", b"<ijw:BerichtCode>484<")
    with pytest.raises(zk.ParseError) as e:
        zk.check_declarations(CONTRACT, xml)
    assert e.value.path == "Header.BerichtCode" and e.value.line == 5
    with pytest.raises(zk.InvalidInput):
        zk.check_declarations(FIX / "contract-wmo.zorginkoop.yaml", FIX / "jw323-clean.xml")


def _lines() -> dict[str, list[object]]:
    import datetime

    d = datetime.date
    return {
        "ReferentieNummer": ["R-1", "R-2", "R-3", "R-4", "R-5", "R-6"],
        "ProductCategorie": ["45", "45", "54", "45", "54", "45"],
        "ProductCode": ["45A53", "45A53", "54001", "45A99", "54001", "45A10"],
        "Begindatum": [d(2023, 3, 1), d(2024, 3, 1), d(2024, 2, 1), d(2023, 3, 1), d(2026, 2, 1), d(2022, 12, 1)],
        "Einddatum": [d(2023, 3, 31), d(2024, 3, 31), d(2024, 2, 29), d(2023, 3, 31), d(2026, 2, 28), d(2022, 12, 31)],
        "GeleverdVolume": [45, 90, 3, 1, 3, 10],
        "Eenheid": ["01", "01", "04", "04", "04", "14"],
        "ProductTarief": [100, 107, 12000, None, 12000, 15000],
        "IngediendBedrag": [4500, 9603, 38268, 100, 36000, 150000],
    }


EXPECTED_RULES = ["DECL-004", "", "DECL-003", "DECL-001", "", "DECL-007"]


def test_batch_over_arrow_without_python_rows() -> None:
    pa = pytest.importorskip("pyarrow")
    table = pa.table(_lines())
    out = zk.judge_declaration_lines(CONTRACT, table)
    assert isinstance(out, pa.Table) and out.num_rows == 6
    assert out.column("rules").to_pylist() == EXPECTED_RULES
    assert out.column("expected_amount_cents").to_pylist() == [4517, 9603, 38268, None, None, None]
    assert out.column("expected_tariff_cents").to_pylist() == [100, 107, 12756, None, None, None]
    assert out.column("tariff_ok").to_pylist() == [True, True, False, None, None, None]
    assert out.column("in_term").to_pylist() == [True, True, True, True, True, False]
    assert out.column("not_evaluated").to_pylist()[4].startswith("index figure OVA 2026")
    assert out.schema.field("expected_amount_cents").type == pa.int64()
    # A sliced, chunked table and dates as ISO text give the same verdicts.
    chunked = pa.concat_tables([table.slice(0, 2), table.slice(2)])
    text_dates = chunked.set_column(3, "Begindatum", pa.array([str(x) for x in _lines()["Begindatum"]]))
    assert zk.judge_declaration_lines(CONTRACT, text_dates).column("rules").to_pylist() == EXPECTED_RULES
    assert zk.judge_declaration_lines(CONTRACT, table.slice(3, 2)).column("rules").to_pylist() == ["DECL-001", ""]


def test_batch_over_pandas_keeps_the_index() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = pd.DataFrame(_lines(), index=[10, 11, 12, 13, 14, 15])
    frame["Begindatum"] = pd.to_datetime(frame["Begindatum"]).dt.date
    frame["Einddatum"] = pd.to_datetime(frame["Einddatum"]).dt.date
    out = zk.judge_declaration_lines(zk.load_document(CONTRACT), frame)
    assert list(out.index) == [10, 11, 12, 13, 14, 15]
    assert list(out["rules"]) == EXPECTED_RULES
    assert out["expected_amount_cents"].iloc[0] == 4517
    assert out["tariff_ok"].isna().tolist() == [False, False, False, True, True, True]


def test_batch_refuses_missing_columns_and_floats_nowhere() -> None:
    pa = pytest.importorskip("pyarrow")
    lines = _lines()
    del lines["Eenheid"]
    with pytest.raises(zk.InvalidInput):
        zk.judge_declaration_lines(CONTRACT, pa.table(lines))
    with pytest.raises(TypeError):
        zk.judge_declaration_lines(CONTRACT, [1, 2, 3])
    missing_cell = _lines()
    missing_cell["GeleverdVolume"] = [45, None, 3, 1, 3, 10]
    out = zk.judge_declaration_lines(CONTRACT, pa.table(missing_cell))
    assert out.column("not_evaluated").to_pylist()[1] == "rows[1].GeleverdVolume is missing"
    assert out.column("rules").to_pylist()[1] is None


def _cli() -> str:
    cli = os.environ.get("ZORGINKOOP_CLI")
    if not cli:
        pytest.skip("ZORGINKOOP_CLI is not set (ctest sets it)")
    return cli


def test_cli_declarations() -> None:
    cli = _cli()
    run = subprocess.run([cli, "declarations", str(CONTRACT), str(FIX / "rules" / "DECL-003.fires.xml"), "--format", "json",
                          "--lang", "en"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    assert [f["rule"] for f in report["findings"]] == ["DECL-003"]
    assert report["findings"][0]["evidence"]["expected"] == "127.56"
    assert {"rule", "message_key", "locations", "citations"} <= set(report["findings"][0])
    clean = subprocess.run([cli, "declarations", str(CONTRACT), str(FIX / "jw323-clean.xml")], capture_output=True,
                           text=True, timeout=120)
    assert clean.returncode == 0 and "Geen bevindingen" in clean.stdout
    sarif = subprocess.run([cli, "declarations", str(CONTRACT), str(FIX / "rules" / "DECL-005.fires.xml"), "--format",
                            "sarif"], capture_output=True, text=True, timeout=120)
    assert sarif.returncode == 1
    assert json.loads(sarif.stdout)["runs"][0]["results"][0]["ruleId"] == "DECL-005"
    for bad in ([str(CONTRACT)], [str(CONTRACT), str(FIX / "missing.xml")], [str(CONTRACT), str(CONTRACT)],
                [str(FIX / "contract-wmo.zorginkoop.yaml"), str(FIX / "jw323-clean.xml")]):
        r = subprocess.run([cli, "declarations", *bad], capture_output=True, text=True, timeout=120)
        assert r.returncode == 2 and r.stdout == "" and r.stderr, bad


def test_the_decl_rules_are_typed_rules_with_pages() -> None:
    rules = zk.declarations.declaration_rule_catalogue()
    assert [r.id for r in rules] == [f"DECL-00{i}" for i in range(1, 8)]
    assert all(isinstance(r, zk.Rule) and r.title.nl and r.title.en and r.citations for r in rules)
    assert {r.id for r in rules}.isdisjoint(r.id for r in zk.rule_catalogue())
    for r in rules:
        page = (ROOT / "docs" / "rules" / f"{r.id}.md").read_text(encoding="utf-8")
        assert r.title.en in page and f"tests/fixtures/declarations/rules/{r.id}.fires.xml" in page


def test_the_readme_tour_declaration() -> None:
    examples = ROOT / "examples" / "declarations"
    r = zk.check_declarations(examples / "contract.zorginkoop.yaml", examples / "declaratie.xml")
    assert [(f.rule, f.evidence["amount"], f.evidence["expected"]) for f in r.errors] == [("DECL-004", "45.00", "45.17")]
