"""Realism verdicts and indexation clause problems as a Report: JSON, SARIF and text from the one
report serialiser."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import zorginkoop as zk
from zorginkoop import _core

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "examples" / "models" / "begeleiding-individueel.yaml"


def test_realism_check_to_report() -> None:
    check = _core.check_tariff(zk.Money("58.00"), str(MODEL), "floor", None)
    report = check.to_report()  # the C++ binding's own conversion
    f = report.findings[0]
    assert (f.rule, f.severity, f.message_key) == ("TARIFF-REALISM", "error", "tariff.finding.below_cost")
    assert f.evidence["verdict"] == "below_cost" and f.evidence["cost_price"] == "60.23"
    assert "ligt onder de kostprijs 60.23 (ondergrens)" in report.to_text("nl")
    assert json.loads(report.to_sarif())["runs"][0]["results"][0]["ruleId"] == "TARIFF-REALISM"


def test_clause_problems_to_report() -> None:
    clause = {"components": [{"series": "OVA", "weight": "0.8"}, {"series": "PPC", "weight": "0.1"}]}
    problems = zk.check_indexation_clause(clause, [2024])
    report = zk.clause_problems_report(problems, "clause")
    assert [f.rule for f in report.findings][0] == "INDEX-WEIGHTS-SUM"
    assert len(report.findings) == len(problems) and report.has_errors()
    assert json.loads(report.to_json())["subject"] == "clause"


def test_cli_tariff_sarif(cli: str) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([cli, "tariff", str(MODEL), *args], capture_output=True, text=True, timeout=120)

    r = run("--tariff", "58.00", "--basis", "floor", "--format", "sarif")
    assert r.returncode == 1, r.stderr
    sarif = json.loads(r.stdout)
    assert sarif["version"] == "2.1.0"
    assert sarif["runs"][0]["results"][0]["ruleId"] == "TARIFF-REALISM"
    assert sarif["runs"][0]["results"][0]["level"] == "error"
    ok = run("--tariff", "60.23", "--basis", "fixed", "--format", "sarif")
    assert ok.returncode == 0 and json.loads(ok.stdout)["runs"][0]["results"][0]["level"] == "note"
    no_tariff = run("--format", "sarif")
    assert no_tariff.returncode == 2 and no_tariff.stdout == "" and "--tariff" in no_tariff.stderr


def test_typed_layer_returns_typed_reports() -> None:
    check = zk.check_tariff(zk.Money("58.00"), str(MODEL), "floor")
    report = check.to_report()
    assert isinstance(report, zk.Report)
    assert report == zk.Report.from_core(_core.check_tariff(zk.Money("58.00"), str(MODEL), "floor", None).to_report())
    assert report.findings[0].rule == "TARIFF-REALISM" and report.findings[0].severity is zk.Severity.ERROR
    clause = {"components": [{"series": "OVA", "weight": "0.8"}, {"series": "PPC", "weight": "0.1"}]}
    typed = zk.clause_problems_report(zk.check_indexation_clause(clause, [2024]), "clause")
    assert isinstance(typed, zk.Report) and typed.findings[0].rule == "INDEX-WEIGHTS-SUM"
