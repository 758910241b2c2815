"""eForms notices: `zorginkoop import eforms`, `zorginkoop check NOTICE.xml ...`, and the Python
functions (zk.import_eforms, zk.read_eforms, zk.check with law=). The notices are the test notices
in tests/fixtures/eforms and the example set in examples/eforms."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import zorginkoop as zk

ROOT = Path(__file__).resolve().parents[2]
NOTICES = ROOT / "tests" / "fixtures" / "eforms"
EXAMPLE = ROOT / "examples" / "eforms"
MERGE = [str(NOTICES / n) for n in ("pin-cfc-social.xml", "cn-social_full.xml", "can-social.xml")]


def run(cli: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=120)


# ------------------------------------------------------------------------------------- the command


def test_import_writes_a_document_that_loads_and_lists_the_gaps(cli: str, tmp_path: Path) -> None:
    r = run(cli, "import", "eforms", *MERGE, "--law", "jeugdwet")
    assert r.returncode == 0, r.stderr
    out = tmp_path / "imported.yaml"
    out.write_text(r.stdout, encoding="utf-8")
    doc = zk.load_document(out)
    assert doc.id == "b1c7e7a2-5d0e-4c8a-9f3e-2a6d1c9e4b70"
    d = doc.to_dict()
    assert [p["kind"] for p in d["publications"]] == ["prior_information_notice", "contract_notice", "award_notice"]
    assert d["award"]["date"] == "2024-06-12"  # BT-1451, not the dummy OPT-999 (2024-05-01)
    assert d["procedure"]["cpv"] == ["85312000", "85311000", "85320000"]
    assert "not carried by the notices" in r.stderr
    assert "lots[].products: no eForms field" in r.stderr
    assert "lots[1].max_providers: absent (BT-113-Lot)" in r.stderr
    # The imported document checks without errors of its own (exit 0 or 1, never 2).
    c = run(cli, "check", str(out))
    assert c.returncode in (0, 1), c.stderr


def test_import_json_and_output_file(cli: str, tmp_path: Path) -> None:
    out = tmp_path / "doc.json"
    r = run(cli, "import", "eforms", str(NOTICES / "cn-social_minimal.xml"), "--law", "wmo2015", "--format", "json",
            "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["law"] == "wmo2015" and data["publications"][0]["date"] == "2024-02-28"
    assert "procedure.exclusion_grounds: not defined in the notice's SDK (BT-806-Procedure): " \
           "eforms-sdk-1.10; defined from eforms-sdk-1.12" in r.stderr
    assert zk.load_document(out) == zk.import_eforms(NOTICES / "cn-social_minimal.xml", law="wmo2015")


@pytest.mark.parametrize(
    "files, needle",
    [
        (["cn-social_full.xml", "refuse_other-procedure.xml"], "only the notices of one procedure are merged"),
        (["refuse_concession.xml"], "32014L0023"),
        (["refuse_utilities.xml"], "32014L0025"),
        (["refuse_currency.xml"], "'SEK'"),
        (["refuse_subtype.xml"], "notice subtype '4' is not read"),
        (["refuse_sdk.xml"], "eforms-sdk-0.7"),
        (["refuse_not-a-notice.xml"], "not an eForms notice"),
        (["refuse_external-entity.xml"], "DOCTYPE"),
        (["refuse_billion-laughs.xml"], "DOCTYPE"),
        (["refuse_malformed.xml"], "refuse_malformed.xml:"),
    ],
)
@pytest.mark.parametrize("command", [["import", "eforms"], ["check"]])
def test_refused_notices_exit_2_with_nothing_on_stdout(cli: str, command: list[str], files: list[str], needle: str) -> None:
    r = run(cli, *command, *[str(NOTICES / f) for f in files], "--law", "jeugdwet")
    assert r.returncode == 2
    assert r.stdout == ""
    assert needle in r.stderr
    assert r.stderr.startswith("zorginkoop: parse_error: ")


def test_check_notices_is_one_report(cli: str) -> None:
    r = run(cli, "check", *MERGE, "--law", "jeugdwet", "--format", "json")
    assert r.returncode in (0, 1), r.stderr
    report = json.loads(r.stdout)
    assert isinstance(report, dict) and isinstance(report["findings"], list)
    # The same report as checking the imported document.
    imported = zk.check(zk.import_eforms(MERGE, law="jeugdwet"))
    assert sorted({f["rule"] for f in report["findings"]}) == sorted({f.rule for f in imported.findings})
    # The contract notice is the reference date's source: SAS rules of the light regime ran.
    assert any(f["rule"].startswith("SAS-") for f in report["findings"])


def test_a_field_the_notices_cannot_state_is_not_evaluated(cli: str) -> None:
    # eForms has no field for the standstill period: checked as notices, SAS-006 says "not
    # evaluated" for it (the same document checked as a written document gets the error).
    full = [str(NOTICES / n) for n in ("cn-standard.xml", "can-standard.xml")]
    r = run(cli, "check", *full, "--law", "wmo2015", "--format", "json")
    assert r.returncode in (0, 1), r.stderr
    sas006 = [f for f in json.loads(r.stdout)["findings"] if f["rule"] == "SAS-006"]
    assert [(f["severity"], f["message_key"]) for f in sas006] == [("info", "rule.not_evaluated")]
    report = zk.check(full, law="wmo2015")
    assert [(f.severity.value, f.message_key) for f in report.findings if f.rule == "SAS-006"] == [
        ("info", "rule.not_evaluated")
    ]
    written = zk.check(zk.import_eforms(full, law="wmo2015"))
    assert [(f.severity.value, f.message_key) for f in written.findings if f.rule == "SAS-006"] == [
        ("error", "check.SAS-006.none_full")
    ]


def test_the_example_notice_set_checks(cli: str) -> None:
    files = sorted(str(p) for p in EXAMPLE.glob("*.xml"))
    assert len(files) == 3
    r = run(cli, "check", *files, "--law", "jeugdwet", "--lang", "en")
    assert r.returncode in (0, 1), r.stderr
    assert r.stdout


def test_usage_errors(cli: str) -> None:
    r = run(cli, "import", "eforms", *MERGE)
    assert r.returncode == 2 and r.stdout == "" and "--law" in r.stderr
    r = run(cli, "check", *MERGE)
    assert r.returncode == 2 and r.stdout == "" and "--law" in r.stderr
    doc = str(ROOT / "examples" / "cases" / "amsterdam.zorginkoop.yaml")
    r = run(cli, "check", doc, "--law", "jeugdwet")
    assert r.returncode == 2 and "--law is for eForms notices" in r.stderr
    r = run(cli, "check", doc, MERGE[0], "--law", "jeugdwet")
    assert r.returncode == 2 and r.stdout == ""
    r = run(cli, "import", "declarations", MERGE[0], "--law", "jeugdwet")
    assert r.returncode == 2 and "eForms" in r.stderr
    r = run(cli, "import", "eforms", "--law", "jeugdwet")
    assert r.returncode == 2 and "at least one notice" in r.stderr
    r = run(cli, "import", "eforms", *MERGE, "--law", "zvw")
    assert r.returncode == 2 and r.stdout == ""
    h = run(cli, "import", "--help")
    assert h.returncode == 0 and h.stdout.startswith("usage: zorginkoop import eforms")
    assert "import eforms" in run(cli, "--help").stdout
    assert "--law" in run(cli, "check", "--help").stdout


# -------------------------------------------------------------------------------------- Python


def test_python_import_and_check() -> None:
    doc = zk.import_eforms(MERGE, law="jeugdwet")
    assert isinstance(doc, zk.Document)
    d = doc.to_dict()
    assert d["procedure"]["kind"] == "sas"
    assert d["estimated_value"]["declared"] == "5000000.00"  # BT-271
    assert d["award"]["criteria"][0] == {"name": "Kwaliteit van de zorg", "kind": "quality", "weight": "60"}
    full = zk.read_eforms(MERGE, law="jeugdwet")
    assert full.document == doc
    gaps = {n.field: n for n in full.not_carried}
    assert gaps["lots[1].max_providers"].reason == "absent"
    assert gaps["contract_clauses"].reason == "no_eforms_field"
    report = zk.check(MERGE, law="jeugdwet")
    assert [f.rule for f in report.findings] == [f.rule for f in zk.check(doc).findings]
    one = zk.check(NOTICES / "cn-social_full.xml", law="wmo2015")
    assert one.findings


def test_python_refusals_are_typed() -> None:
    with pytest.raises(zk.ParseError) as e:
        zk.import_eforms([MERGE[1], NOTICES / "refuse_other-procedure.xml"], law="jeugdwet")
    assert e.value.path == "BT-04-notice" and e.value.line > 0
    assert e.value.source.endswith("refuse_other-procedure.xml")
    with pytest.raises(zk.ParseError, match="SEK"):
        zk.check(NOTICES / "refuse_currency.xml", law="jeugdwet")
    with pytest.raises(zk.InvalidInput, match="law="):
        zk.check(MERGE)
    with pytest.raises(zk.InvalidInput, match="law= is for eForms notices"):
        zk.check(ROOT / "examples" / "cases" / "amsterdam.zorginkoop.yaml", law="jeugdwet")
    with pytest.raises(zk.InvalidInput):
        zk.import_eforms(MERGE, law="zvw")
