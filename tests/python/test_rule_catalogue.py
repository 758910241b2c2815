"""The rule catalogue from Python: typed, immutable rules with their titles in Dutch and English, and
the SARIF rule descriptors that carry those titles and the rule pages."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

import pytest

import zorginkoop as zk
from zorginkoop import _core

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "cases" / "rijnmond-2023.zorginkoop.yaml"


def test_rules_are_typed_and_frozen() -> None:
    rules = zk.rule_catalogue()
    assert rules and all(isinstance(r, zk.Rule) for r in rules)
    first = rules[0]
    assert first.id == "REG-001"
    assert isinstance(first.title, zk.RuleTitle)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.id = "X"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.title.nl = "X"  # type: ignore[misc]
    # Each call gives a new list of the same rules: changing the list changes nothing else.
    rules.clear()
    assert zk.rule_catalogue()[0] == first


def test_typed_rules_match_the_library_export() -> None:
    raw = _core.rule_catalogue()
    typed = zk.rule_catalogue()
    assert [r.id for r in typed] == [d["id"] for d in raw]
    for r, d in zip(typed, raw):
        assert (r.title.nl, r.title.en) == (d["title"]["nl"], d["title"]["en"])
        assert (r.severity, r.stage, r.law, r.note) == (d["severity"], d["stage"], d["law"], d["note"])
        assert r.only_kinds == tuple(d["only_kinds"]) and r.except_kinds == tuple(d["except_kinds"])
        assert (r.in_force_from, r.in_force_to, r.needs_part2, r.binding) == (
            d["in_force_from"], d["in_force_to"], d["needs_part2"], d["binding"])
        assert [c.law_id for c in r.citations] == [c.law_id for c in d["citations"]]


def test_rule_fields_have_their_types() -> None:
    by_id = {r.id: r for r in zk.rule_catalogue()}
    awd = by_id["AWD-002"]
    assert awd.severity == "error" and awd.stage == "award"
    assert awd.in_force_from == datetime.date(2015, 1, 1)
    assert awd.in_force_to == datetime.date(2022, 6, 30)
    assert "open_house" in awd.except_kinds
    assert all(isinstance(c, zk.LegalRef) for c in awd.citations) and awd.citations
    sas = by_id["SAS-001"]
    assert sas.needs_part2 and sas.only_kinds == ("sas",)
    assert by_id["PRICE-001"].law == "wmo2015"
    assert by_id["REG-001"].in_force_from is None


def test_titles_in_both_languages() -> None:
    reg = zk.rule_catalogue()[0]
    assert reg.title.text("nl") == reg.title.nl and reg.title.text() == reg.title.nl
    assert reg.title.text("en") == reg.title.en
    assert reg.title.nl != reg.title.en
    with pytest.raises(ValueError):
        reg.title.text("de")


def _descriptor(sarif: str, rule: str) -> dict[str, object]:
    for d in json.loads(sarif)["runs"][0]["tool"]["driver"]["rules"]:
        if d["id"] == rule:
            result: dict[str, object] = d
            return result
    raise AssertionError(f"no descriptor for {rule}")


def test_sarif_descriptors_carry_titles_and_rule_pages() -> None:
    report = zk.check(EXAMPLE)
    fund = {r.id: r for r in zk.rule_catalogue()}["FUND-001"]
    en = _descriptor(report.to_sarif("en"), "FUND-001")
    assert en["shortDescription"] == {"text": fund.title.en}
    assert en["fullDescription"] == {"text": fund.title.en + "\n\n" + fund.note}
    assert en["properties"] == {"rule_page": "docs/rules/FUND-001.md", "title": {"nl": fund.title.nl, "en": fund.title.en}}
    assert str(en["helpUri"]).startswith("https://")
    assert _descriptor(report.to_sarif("nl"), "FUND-001")["shortDescription"] == {"text": fund.title.nl}
    published = _descriptor(report.to_sarif("en", rule_docs_uri="https://example.org/docs/rules/"), "FUND-001")
    assert published["helpUri"] == "https://example.org/docs/rules/FUND-001.md"
    assert (ROOT / "docs" / "rules" / "FUND-001.md").is_file()
    with pytest.raises(zk.InvalidInput):
        report.to_sarif("en", rule_docs_uri="docs/rules/")


def test_declarations_match_the_catalogue_file() -> None:
    # data/rules/catalogue.yaml (rules.md): the same ids in the same order, and each rule in the
    # stage of its section (§8-§10 form the funding stage).
    catalogue = _core.parse_yaml((ROOT / "data" / "rules" / "catalogue.yaml").read_text(encoding="utf-8"),
                                 "catalogue.yaml")["rules"]
    stages = {"1": "regime", "2": "value", "3": "publication", "4": "term", "5": "award", "6": "price",
              "7": "open_house", "8": "funding", "9": "funding", "10": "funding"}
    rules = zk.rule_catalogue()
    assert [r.id for r in rules] == [str(e["id"]) for e in catalogue]
    for r, e in zip(rules, catalogue):
        assert r.stage == stages[str(e["section"])], r.id


def test_cli_sarif_links_the_rule_pages_where_they_are_published() -> None:
    import os
    import subprocess

    cli = os.environ.get("ZORGINKOOP_CLI")
    if not cli:
        pytest.skip("ZORGINKOOP_CLI is not set (ctest sets it)")
    run = subprocess.run([cli, "check", str(EXAMPLE), "--format", "sarif", "--lang", "en",
                          "--rule-docs", "https://example.org/docs/rules"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr  # the example has an error finding
    assert _descriptor(run.stdout, "FUND-001")["helpUri"] == "https://example.org/docs/rules/FUND-001.md"
    plain = subprocess.run([cli, "check", str(EXAMPLE), "--format", "sarif"], capture_output=True, text=True, timeout=120)
    assert str(_descriptor(plain.stdout, "FUND-001")["helpUri"]).startswith("https://wetten.overheid.nl/")
    bad = subprocess.run([cli, "check", str(EXAMPLE), "--format", "sarif", "--rule-docs", "docs/rules/"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stdout == "" and "--rule-docs" in bad.stderr
