"""A report of a document with thousands of findings stays bounded: at most N findings of one rule
are listed, the others are counted (text, JSON, SARIF, Python)."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "tests" / "fixtures" / "procurement" / "rules" / "VAL-002.fires.zorginkoop.yaml"


def run(cli: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=300, cwd=ROOT)


def _lots_document(path: Path, lots: int) -> None:
    doc = {
        "zorginkoop": 1,
        "id": f"lots-{lots}",
        "law": "jeugdwet",
        "lots": [
            {"id": f"L{i}", "title": f"Perceel {i}", "provider_category": "B",
             "products": [{"code": "45A53", "unit": "04", "tariff": "-60.23"}]}
            for i in range(lots)
        ],
    }  # fmt: skip
    path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")


LOTS = 2000


def test_a_rule_repeated_on_every_lot_is_listed_up_to_the_cap(cli: str, tmp_path: Path) -> None:
    doc = tmp_path / "lots.json"
    _lots_document(doc, LOTS)
    full_run = run(cli, "check", str(doc), "--format", "json", "--max-findings", "0")
    full = json.loads(full_run.stdout)
    assert full["omitted"] == []
    per_rule = Counter(f["rule"] for f in full["findings"])
    assert per_rule["IJW-001"] == LOTS  # the negative tariff of every lot

    capped_run = run(cli, "check", str(doc), "--format", "json")
    assert capped_run.returncode == 1
    capped = json.loads(capped_run.stdout)
    assert capped["schema_version"] == 2
    listed = Counter(f["rule"] for f in capped["findings"])
    assert max(listed.values()) <= 100
    assert listed["IJW-001"] == 100
    omitted: Counter[str] = Counter()
    for o in capped["omitted"]:
        omitted[o["rule"]] += o["count"]
    for rule, n in per_rule.items():
        assert listed[rule] + omitted[rule] == n, rule
    assert capped["summary"] == full["summary"]  # the summary counts every finding
    # The first 100 listed are the first 100 of the full list.
    assert [f for f in capped["findings"] if f["rule"] == "IJW-001"] == [
        f for f in full["findings"] if f["rule"] == "IJW-001"][:100]  # fmt: skip
    assert len(capped_run.stdout) * 5 < len(full_run.stdout)
    # One finding about every product (no cost model) lists 100 places and counts the others.
    nvo = [f for f in capped["findings"] if f["rule"] == "NVO-003"]
    assert len(nvo) == 1
    assert len(nvo[0]["locations"]) == 100
    assert nvo[0]["evidence"]["locations_not_listed"] == str(LOTS - 100)
    assert nvo[0]["params"]["products"].endswith(f", \u2026 (+{LOTS - 100})")
    assert len(nvo[0]["params"]["products"]) < 2000

    sarif = json.loads(run(cli, "check", str(doc), "--format", "sarif").stdout)
    run0 = sarif["runs"][0]
    assert Counter(r["ruleId"] for r in run0["results"])["IJW-001"] == 100
    notes = run0["invocations"][0]["toolExecutionNotifications"]
    ijw = [n for n in notes if n["associatedRule"]["id"] == "IJW-001"]
    assert len(ijw) == 1 and ijw[0]["level"] == "error"
    assert f"{LOTS - 100}" in ijw[0]["message"]["text"]
    assert run0["invocations"][0]["executionSuccessful"] is True
    assert sum(o["count"] for o in run0["properties"]["omitted"]) == sum(omitted.values())

    text = run(cli, "check", str(doc), "--lang", "en").stdout
    assert f"… and {LOTS - 100} more finding(s) of IJW-001 (ERROR), not listed one by one" in text
    nl = run(cli, "check", str(doc), "--max-findings", "7").stdout
    assert f"… en nog {LOTS - 7} bevinding(en) van IJW-001 (FOUT), niet afzonderlijk getoond" in nl
    assert nl.count("IJW-001  lots[") == 7
    assert f"… and {LOTS - 100} more place(s) in the document, not listed one by one" in text


def test_max_findings_must_be_a_whole_number(cli: str) -> None:
    for bad in ("-1", "x", "1.5", "99999999999"):
        r = run(cli, "check", str(DOC), "--max-findings", bad)
        assert r.returncode == 2 and "--max-findings" in r.stderr, bad


def test_the_python_check_counts_what_it_does_not_list(tmp_path: Path) -> None:
    import zorginkoop

    doc = tmp_path / "lots.json"
    _lots_document(doc, 300)
    capped = zorginkoop.check(str(doc), max_findings_per_rule=10)
    everything = zorginkoop.check(str(doc), max_findings_per_rule=0)
    assert sum(1 for f in capped.findings if f.rule == "IJW-001") == 10
    assert sum(1 for f in everything.findings if f.rule == "IJW-001") == 300
    ijw = [o for o in capped.omitted if o["rule"] == "IJW-001"]
    assert ijw == [{"rule": "IJW-001", "severity": "error", "message_key": "check.IJW-001.negative", "count": 290}]
    assert everything.omitted == ()
    for s in ("error", "warning", "info"):
        assert capped.count(s) == everything.count(s)
    assert capped != everything
    assert sum(1 for f in zorginkoop.check(str(doc)).findings if f.rule == "IJW-001") == 100  # the default
