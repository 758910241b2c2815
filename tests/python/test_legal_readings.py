"""Legal readings seen from Python: citations link the version in force on the reference date, the
Algemene termijnenwet extends the SAS-003 deadline, and AWD-001 under the full regime."""

from __future__ import annotations

import datetime
from pathlib import Path

import zorginkoop as zk
from zorginkoop.procurement import fired

RULES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "procurement" / "rules"


def _fired(report: zk.Report, rule: str) -> list[zk.Finding]:
    return [f for f in report.findings if f.rule == rule and fired(f)]


def test_citations_pin_the_reference_date() -> None:
    report = zk.check(str(RULES / "AWD-001.fires.zorginkoop.yaml"), as_of=datetime.date(2023, 3, 1))
    bwb = [c for f in report.findings for c in f.citations if c.law_id.startswith("BWBR")]
    assert len(bwb) > 5
    for c in bwb:
        assert c.version_date == datetime.date(2023, 3, 1), c.url
        assert c.url.endswith("&g=2023-03-01"), c.url


def test_sas_003_deadline_on_a_saturday_moves_to_monday() -> None:
    late = _fired(zk.check(str(RULES / "SAS-003.fires-saturday.zorginkoop.yaml")), "SAS-003")
    assert len(late) == 1
    evidence = dict(late[0].evidence)
    assert evidence["deadline_nominal"] == "2023-06-03"
    assert evidence["deadline"] == "2023-06-05"
    assert any(c.law_id == "BWBR0002448" and c.article == "1" for c in late[0].citations)
    assert not _fired(zk.check(str(RULES / "SAS-003.silent-saturday.zorginkoop.yaml")), "SAS-003")


def test_awd_001_lowest_cost_under_the_full_regime_is_allowed() -> None:
    assert not _fired(zk.check(str(RULES / "AWD-001.silent-full-lowest-cost.zorginkoop.yaml")), "AWD-001")
    assert _fired(zk.check(str(RULES / "AWD-001.fires-sas-lowest-cost.zorginkoop.yaml")), "AWD-001")
