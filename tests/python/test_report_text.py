"""The text report: rules not evaluated summed up in one line, or hidden; JSON and SARIF keep them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import zorginkoop as zk
from zorginkoop.procurement import fired
from zorginkoop import _core

ROOT = Path(__file__).resolve().parents[2]
AMSTERDAM = ROOT / "examples" / "cases" / "amsterdam.zorginkoop.yaml"


def _not_evaluated(rule: str, field: str) -> zk.Finding:
    return _core.make_finding(rule, "info", "rule.not_evaluated", {"field": field, "rule": rule}, field)


def test_to_text_sums_up_or_hides_the_rules_not_evaluated() -> None:
    r = _core.make_report(
        [_not_evaluated("X-001", "term.start"), _not_evaluated("X-002", "award.date"), _not_evaluated("X-003", "term.start")]
    )
    nl = r.to_text("nl")
    assert "Niet beoordeeld, want een veld ontbreekt: term.start (2 regels), award.date (1 regel)\n" in nl
    assert "Niet beoordeeld: het veld" not in nl
    en = r.to_text("en")
    assert "Not evaluated, a field is missing: term.start (2 rules), award.date (1 rule)\n" in en
    hidden = r.to_text("nl", hide_not_evaluated=True)
    assert "term.start" not in hidden and "Niet beoordeeld" not in hidden
    assert len(json.loads(r.to_json())["findings"]) == 3
    assert len(json.loads(r.to_sarif())["runs"][0]["results"]) == 3


def test_checked_document_text_report_has_one_not_evaluated_line() -> None:
    report = zk.check(AMSTERDAM)
    skipped = [f for f in report.findings if not fired(f)]
    assert len(skipped) > 10
    text = report.to_text("nl")
    assert text.count("Niet beoordeeld, want een veld ontbreekt: ") == 1
    assert "Niet beoordeeld: het veld" not in text
    assert "procedure.kind (" in text
    assert "Niet beoordeeld" not in report.to_text("nl", hide_not_evaluated=True)


def test_cli_hide_not_evaluated(cli: str) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([cli, "check", str(AMSTERDAM), *args], capture_output=True, text=True, timeout=120)

    shown, hidden = run(), run("--hide-not-evaluated")
    assert shown.returncode == hidden.returncode and shown.returncode in (0, 1), hidden.stderr
    assert "Niet beoordeeld, want een veld ontbreekt: " in shown.stdout
    assert "Niet beoordeeld" not in hidden.stdout
    assert "--hide-not-evaluated" in subprocess.run([cli, "check", "--help"], capture_output=True, text=True).stdout
    # json and sarif lose nothing
    for fmt in ("json", "sarif"):
        assert run("--format", fmt).stdout == run("--format", fmt, "--hide-not-evaluated").stdout
    assert run("--hide-not-evaluated=yes").returncode == 2
