"""User strings in any output can neither drive a terminal (text) nor break an SVG document (XML),
and JSON and SARIF keep them exactly."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from cli_support import ROOT, UNSAFE, assert_usage_error, run

import zorginkoop as zk

WORKED = ROOT / "tests" / "fixtures" / "tariff" / "good-uur.yaml"
CLAUSE = ROOT / "examples" / "indexation" / "vng-2024.yaml"
SERIES = ROOT / "tests" / "fixtures" / "indexation" / "ppc_nza_2023.yaml"
DOC = ROOT / "tests" / "fixtures" / "procurement" / "rules" / "FUND-003.silent.zorginkoop.yaml"

# Every character class a terminal or an XML parser could act on, with markup around it.
HOSTILE = "".join(chr(c) for c in range(0x20)) + "\x7f\x85\x9b<b>&\"']]>\u202e\ufffe"


def hostile_model(tmp_path: Path) -> Path:
    text = WORKED.read_text(encoding="utf-8")
    path = tmp_path / "hostile.yaml"
    # YAML double-quoted escapes reach every character; json.dumps writes them as \\u escapes
    path.write_text(text.replace("name: Begeleiding individueel", "name: " + json.dumps(HOSTILE), 1), encoding="utf-8")
    return path


def test_hostile_model_name(cli: str, tmp_path: Path) -> None:
    model = hostile_model(tmp_path)
    for lang in ("nl", "en"):
        svg = tmp_path / f"{lang}.svg"
        text = run(cli, "tariff", str(model), "--lang", lang, "--svg", str(svg), "--tariff", "58.00")
        assert text.returncode == 1, text.stderr
        assert not UNSAFE.search(text.stdout)
        assert text.stdout.startswith("\\x00\\x01\\x02")
        assert "\\x1b\\x1c\\x1d\\x1e\\x1f\\x7f\\u0085\\u009b<b>&\"']]>\\u202e\\ufffe · " in text.stdout
        root = ET.fromstring(svg.read_bytes())  # well-formed XML
        title = root.find("{http://www.w3.org/2000/svg}title")
        assert title is not None and title.text is not None
        assert title.text.startswith("\\x00\\x01") and "<b>&\"']]>" in title.text
        assert not UNSAFE.search(svg.read_text(encoding="utf-8"))
    js = run(cli, "tariff", str(model), "--format", "json")
    assert js.returncode == 0, js.stderr
    assert json.loads(js.stdout)["name"] == HOSTILE  # JSON keeps the exact string


def test_hostile_series_in_index_text_and_json(cli: str, tmp_path: Path) -> None:
    text = SERIES.read_text(encoding="utf-8")
    series = tmp_path / "series.yaml"
    series.write_text(text.replace('source: "VNG,', "note: " + json.dumps(HOSTILE) + ', source: "VNG,', 1))
    r = run(cli, "index", "--clause", str(CLAUSE), "--year", "2024", "--series", str(series), "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert not UNSAFE.search(r.stdout)
    assert "\\x1b\\x1c\\x1d\\x1e\\x1f\\x7f\\u0085\\u009b<b>&\"']]>\\u202e\\ufffe" in r.stdout
    j = run(cli, "index", "--clause", str(CLAUSE), "--year", "2024", "--series", str(series), "--format", "json")
    assert j.returncode == 0, j.stderr
    assert HOSTILE in [f.get("note") for f in json.loads(j.stdout)["derivation"]["figures"]]


def test_hostile_schedule_svg_title() -> None:
    c = zk.IndexationClause.from_dict(
        {"components": [{"series": "OVA", "weight": "0.9"}, {"series": "PPC", "weight": "0.1"}],
         "catch_up": "multiplicative", "effective": "01-01"})  # fmt: skip
    svg = c.schedule("60.23", 2023, 2024).to_svg(HOSTILE, "en")
    root = ET.fromstring(svg.encode("utf-8"))
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text is not None
    assert title.text.startswith("\\x00\\x01\\x02") and title.text.endswith("<b>&\"']]>\\u202e\\ufffe")
    assert not UNSAFE.search(svg)


def test_hostile_document_in_check_text_json_and_sarif(cli: str, tmp_path: Path) -> None:
    doc = tmp_path / "hostile.zorginkoop.yaml"
    doc.write_text(DOC.read_text(encoding="utf-8").replace("id: fund-003-silent", "id: " + json.dumps(HOSTILE), 1))
    text = run(cli, "check", str(doc), "--lang", "en")
    assert text.returncode in (0, 1), text.stderr
    assert not UNSAFE.search(text.stdout)
    assert "\\x1b\\x1c\\x1d\\x1e\\x1f\\x7f\\u0085\\u009b<b>&\"']]>\\u202e\\ufffe" in text.stdout
    js = run(cli, "check", str(doc), "--format", "json")
    assert json.loads(js.stdout)["subject"] == HOSTILE
    sarif = run(cli, "check", str(doc), "--format", "sarif")
    assert json.loads(sarif.stdout)["runs"][0]["properties"]["subject"] == HOSTILE


def test_hostile_file_name_in_an_error(cli: str, tmp_path: Path) -> None:
    r = run(cli, "tariff", str(tmp_path / "no\x1b]0;title\x07such\x9b.yaml"))
    assert_usage_error(r, "no\\x1b]0;title\\x07such\\u009b.yaml")
