"""The JSON Schema of the document, generated from the reader's field tables: `zorginkoop schema`
prints the checked-in file, and the schema's bounds are the reader's."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "data" / "schema" / "zorginkoop-document.schema.json"


def run(cli: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_schema_command_prints_the_checked_in_schema(cli: str) -> None:
    r = run(cli, "schema")
    assert r.returncode == 0, r.stderr
    assert r.stdout == SCHEMA.read_text(encoding="utf-8")
    assert json.loads(r.stdout) == zk.document_schema()


def test_schema_command_help_and_usage_errors(cli: str) -> None:
    h = run(cli, "schema", "--help")
    assert h.returncode == 0 and h.stdout.startswith("usage: zorginkoop schema")
    assert "schema" in run(cli, "--help").stdout
    bad = run(cli, "schema", "extra.yaml")
    assert bad.returncode == 2 and bad.stdout == ""


@pytest.mark.parametrize("section, value", [
    ({"procedure": {"sas_option": 5}}, "procedure.sas_option"),
    ({"procedure": {"standstill_days": 100001}}, "procedure.standstill_days"),
    ({"term": {"extensions": [{"months": 1201}]}}, "term.extensions[0].months"),
    ({"open_house": {"entry": {"moments_per_year": 367}}}, "open_house.entry.moments_per_year"),
])
def test_schema_and_reader_share_their_bounds(section: dict[str, Any], value: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    doc = {"zorginkoop": 1, "id": "x", "law": "jeugdwet", **section}
    v = jsonschema.Draft202012Validator(zk.document_schema())
    assert not v.is_valid(doc)
    with pytest.raises(zk.ParseError) as e:
        zk.load_document(doc)
    assert e.value.path == value


@pytest.mark.parametrize("clause", ["vng-2024.yaml", "rivierenland-verblijf-2024.yaml"])
def test_indexation_clauses_validate_against_their_schema(clause: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    yaml = pytest.importorskip("yaml")
    schema = zk.document_schema("indexation-clause")
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    text = (ROOT / "examples" / "indexation" / clause).read_text(encoding="utf-8")
    v.validate(yaml.safe_load(text))
    assert not v.is_valid({"components": []})
    # The document's schema holds the same clause.
    assert zk.document_schema()["$defs"]["indexation_clause"] == schema["$defs"]["indexation_clause"]
