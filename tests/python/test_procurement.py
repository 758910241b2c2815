"""The procurement check from Python and from the command line: documents, the JSON Schema,
round trips, typed reports, checked-in example reports, bad documents and the rule catalogue."""

from __future__ import annotations

import csv
import datetime
import decimal
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

import zorginkoop as zk

import rule_files  # tests/python/rule_files.py

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "examples" / "cases"
RULES = ROOT / "tests" / "fixtures" / "procurement" / "rules"
BAD = ROOT / "tests" / "fixtures" / "procurement" / "bad"
EXAMPLES = sorted(CASES.glob("*.zorginkoop.yaml"))
FIXTURES = sorted(RULES.glob("*.zorginkoop.yaml"))


class _TextLoader(yaml.SafeLoader):
    """YAML with dates and decimal numbers kept as their text, as the schema expects."""


_TextLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
_TextLoader.add_constructor("tag:yaml.org,2002:float", lambda loader, node: loader.construct_scalar(node))


def _load_text(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_TextLoader)


@pytest.mark.parametrize("path", EXAMPLES + FIXTURES, ids=lambda p: p.name)
def test_documents_validate_against_the_json_schema(path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "data" / "schema" / "zorginkoop-document.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(_load_text(path))


@pytest.mark.parametrize("path", EXAMPLES + FIXTURES, ids=lambda p: p.name)
def test_load_save_load_keeps_every_field(path: Path) -> None:
    doc = zk.load_document(str(path))
    again = zk.load_document(doc.to_dict(), base_dir=str(path.parent))
    assert again == doc
    from_json = zk.load_document(json.loads(doc.to_json()), base_dir=str(path.parent))
    assert from_json == doc


def test_schema_rejects_what_the_reader_rejects() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "data" / "schema" / "zorginkoop-document.schema.json").read_text())
    v = jsonschema.Draft202012Validator(schema)
    for name in ("unknown_key", "missing_law", "missing_lot_id", "bad_enum", "bad_version", "bad_cpv"):
        assert not v.is_valid(_load_text(BAD / f"{name}.zorginkoop.yaml")), name


def test_check_returns_typed_findings_in_catalogue_order() -> None:
    report = zk.check(CASES / "rijnmond-2023.zorginkoop.yaml")
    assert report.subject == "rijnmond-2023"
    assert report.reference_date == datetime.date(2023, 1, 1)
    assert report.ruleset_version == zk.procurement.RULESET_VERSION
    order = [r.id for r in zk.rule_catalogue()]
    positions = [order.index(f.rule) for f in report.findings]
    assert positions == sorted(positions)
    assert [f.rule for f in report.errors] == ["FUND-001"]
    f = report.errors[0]
    assert f.locations[0].path == "lots[3].products[0]" and f.locations[0].line > 0
    assert any(c.law_id == "BWBR0036007" for c in f.citations)
    data = json.loads(report.to_json("en"))
    assert {"findings", "summary", "ruleset_version", "reference_date"} <= set(data)
    assert {"rule", "severity", "message", "locations", "citations", "evidence"} <= set(data["findings"][0])
    assert zk.fired_rules(report)[0] == "FUND-001"


def test_check_a_mapping_with_as_of_and_exact_amounts() -> None:
    doc = yaml.safe_load((RULES / "VAL-001.fires.zorginkoop.yaml").read_text())
    doc["estimated_value"]["declared"] = decimal.Decimal("1500000.00")
    report = zk.check(doc, as_of=datetime.date(2022, 9, 1), base_dir=str(RULES))
    val = [f for f in report.findings if f.rule == "VAL-001"]
    assert val and val[0].evidence["declared"] == "1500000.00" and val[0].evidence["computed"] == "2000000.00"
    doc["estimated_value"]["declared"] = 1500000.0
    with pytest.raises(TypeError):
        zk.check(doc)


def test_reference_date_missing_makes_dated_rules_not_evaluated() -> None:
    report = zk.check({"zorginkoop": 1, "id": "bare", "law": "jeugdwet", "procedure": {"kind": "sas"}})
    assert report.reference_date is None
    awd = [f for f in report.findings if f.rule == "AWD-001"]
    assert awd and awd[0].message_key == "rule.not_evaluated" and awd[0].severity == "info"
    assert "AWD-001" not in zk.fired_rules(report)


def test_assert_no_errors() -> None:
    zk.assert_no_errors(zk.check(RULES / "REG-001.fires.zorginkoop.yaml"))
    with pytest.raises(AssertionError) as e:
        zk.assert_no_errors(zk.check(RULES / "SAS-003.fires.zorginkoop.yaml"), lang="en")
    text = str(e.value)
    assert "SAS-003" in text and "2023-05-31" in text and "publications[1].date" in text


@pytest.mark.parametrize(
    "row", [r for r in csv.reader(l for l in (BAD / "cases.csv").read_text().splitlines() if not l.startswith("#"))][1:],
    ids=lambda r: r[0],
)
def test_bad_documents_give_typed_errors(row: list[str]) -> None:
    name, code, path, line = row
    with pytest.raises(zk.ZorginkoopError) as e:
        zk.check(BAD / name)
    assert e.value.code == code
    assert e.value.path == path
    if line != "0":
        assert e.value.line == int(line)


def test_every_rule_fires_and_stays_silent_on_its_fixtures() -> None:
    # The rule catalogue (the rule files data/rules/<group>/<ID>.yaml): ids in catalogue order.
    catalogue = rule_files.catalogue()
    ids = [r["id"] for r in catalogue]
    assert len(ids) >= 50
    remaining: set[str] = set()  # every rule of the catalogue is in code
    in_code = [r.id for r in zk.rule_catalogue()]
    assert in_code == [i for i in ids if i not in remaining]
    assert set(ids) - set(in_code) == remaining
    for rule in in_code:
        fires = sorted(RULES.glob(f"{rule}.fires*.zorginkoop.yaml"))
        silent = sorted(RULES.glob(f"{rule}.silent*.zorginkoop.yaml"))
        assert fires and silent, rule
        for p in fires:
            assert rule in zk.fired_rules(zk.check(p)), p.name
        for p in silent:
            assert rule not in [f.rule for f in zk.check(p).findings], p.name
    for r in zk.rule_catalogue():
        if r.severity == "error":
            assert r.binding, r.id
    # The default severity in code is the catalogue's ("error / info": one of the two).
    stated = {r["id"]: [part.strip() for part in r["severity"].split("/")] for r in catalogue}
    for r in zk.rule_catalogue():
        assert r.severity in stated[r.id], r.id


# ---- the command line and the checked-in reports ------------------------------------------------


def _run(cli: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_checked_in_reports_are_current(cli: str, path: Path) -> None:
    stem = path.name[: -len(".zorginkoop.yaml")]
    for fmt, suffix in (("text", "txt"), ("json", "json")):
        r = _run(cli, "check", "--format", fmt, path.name, cwd=CASES)
        assert r.returncode in (0, 1), r.stderr
        expected = CASES / f"{stem}.report.{suffix}"
        if os.environ.get("ZORGINKOOP_UPDATE_REPORTS"):
            expected.write_text(r.stdout, encoding="utf-8")
        assert r.stdout == expected.read_text(encoding="utf-8"), f"{expected.name} is out of date"
        has_errors = json.loads(_run(cli, "check", "--format", "json", path.name, cwd=CASES).stdout)["summary"]["error"] > 0
        assert r.returncode == (1 if has_errors else 0)


def test_cli_check_formats_languages_and_exit_codes(cli: str) -> None:
    assert _run(cli, "check", str(RULES / "REG-001.fires.zorginkoop.yaml")).returncode == 0
    r = _run(cli, "check", "--lang", "en", str(RULES / "SAS-003.fires.zorginkoop.yaml"))
    assert r.returncode == 1 and "ERROR" in r.stdout and "2023-05-31" in r.stdout
    sarif = json.loads(_run(cli, "check", "--format", "sarif", str(RULES / "SAS-003.fires.zorginkoop.yaml")).stdout)
    assert sarif["version"] == "2.1.0"
    assert any(res["ruleId"] == "SAS-003" and res["level"] == "error" for res in sarif["runs"][0]["results"])
    r = _run(cli, "check", "--format", "json", "--as-of", "2021-01-01", str(RULES / "AWD-001.fires.zorginkoop.yaml"))
    data = json.loads(r.stdout)
    assert data["reference_date"] == "2021-01-01"
    assert "AWD-001" not in [f["rule"] for f in data["findings"]] and "AWD-002" in [f["rule"] for f in data["findings"]]
    bad = _run(cli, "check", str(BAD / "impossible_date.zorginkoop.yaml"))
    assert bad.returncode == 2 and "term.start" in bad.stderr and ":5:" in bad.stderr
    assert _run(cli, "check", str(BAD / "nope.zorginkoop.yaml")).returncode == 2
    assert _run(cli, "check").returncode == 2
    assert _run(cli, "check", "--format", "xml", str(RULES / "REG-001.fires.zorginkoop.yaml")).returncode == 2


def test_json_schema_ships_with_the_package() -> None:
    import jsonschema

    schema = zk.document_schema()
    assert schema["$schema"].startswith("https://json-schema.org/draft/2020-12")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator.check_schema(zk.document_schema("cost-model"))
    with pytest.raises(ValueError):
        zk.document_schema("other")
