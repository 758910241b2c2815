"""The rule catalogue from Python: typed, immutable rules with their titles in Dutch and English, and
the SARIF rule descriptors that carry those titles and the rule pages."""

from __future__ import annotations

import dataclasses
import datetime
import importlib.util
import json
from pathlib import Path

import pytest
import yaml

import zorginkoop as zk
from zorginkoop import _core

import rule_files  # tests/python/rule_files.py

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
    # The rule files (data/rules/<group>/<ID>.yaml): the same ids in the same order (section, then
    # id), and each rule in the stage of its section (§8-§10 form the funding stage).
    catalogue = rule_files.catalogue()
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


def test_a_rules_title_and_messages_live_only_in_its_rule_file() -> None:
    # A rule is one unit: its titles and message texts are in data/rules/<group>/<ID>.yaml and
    # nowhere else in the library's sources, bindings or data.
    sources = [p for d in ("src", "include", "bindings", "data") for p in sorted((ROOT / d).rglob("*"))
               if p.is_file() and p.suffix in {".cpp", ".hpp", ".h", ".py", ".pyi", ".yaml", ".json", ".txt"}]
    texts = {p: p.read_text(encoding="utf-8", errors="replace") for p in sources}
    files = rule_files.catalogue() + rule_files.catalogue("decl")
    assert len(files) == len(zk.rule_catalogue()) + len(_core.declaration_rule_catalogue())
    problems = []
    for entry in files:
        own = entry["file"]
        f = rule_files.read(own)
        needles = [f["title"]["nl"], f["title"]["en"]]
        for lang in ("nl", "en"):
            needles += list(((f.get("messages") or {}).get(lang) or {}).values())
        for needle in needles:
            for path, text in texts.items():
                if path != own and needle in text:
                    problems.append(f"{entry['id']}: {needle[:50]!r} in {path.relative_to(ROOT)}")
    assert problems == []


def test_the_rule_fixtures_are_the_scenarios_of_the_rule_files() -> None:
    # tests/fixtures/procurement/rules/ is what make_rule_fixtures.py writes from the scenarios of
    # the rule files (base.yaml patched); every procurement rule has a firing and a silent scenario.
    spec = importlib.util.spec_from_file_location(
        "make_rule_fixtures", ROOT / "tests" / "fixtures" / "procurement" / "make_rule_fixtures.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    written = gen.fixtures()
    folder = ROOT / "tests" / "fixtures" / "procurement" / "rules"
    checked_in = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.zorginkoop.yaml")}
    assert sorted(written) == sorted(checked_in)
    assert [n for n in written if written[n] != checked_in[n]] == []
    for entry in rule_files.catalogue():
        scenarios = rule_files.read(entry["file"]).get("scenarios") or []
        assert any(entry["id"] in (s.get("fires") or []) for s in scenarios), entry["id"]
        assert any(entry["id"] in (s.get("silent") or []) for s in scenarios), entry["id"]
    for name, text in written.items():
        expect = yaml.safe_load(text)["expect"]
        report = zk.check(folder / name)
        for rid in expect.get("fires") or []:
            assert rid in zk.fired_rules(report), name
        for rid in expect.get("silent") or []:
            assert rid not in [f.rule for f in report.findings], name


def test_sarif_descriptors_and_rule_pages_are_the_rule_files() -> None:
    # The SARIF descriptors of every rule a report names, and every rule page, carry the titles and
    # the note of the rule's file.
    files = {e["id"]: rule_files.read(e["file"]) for e in rule_files.catalogue()}
    sarif = json.loads(zk.check(EXAMPLE).to_sarif("en"))
    descriptors = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert len(descriptors) >= 10
    for d in descriptors:
        f = files[d["id"]]
        assert d["shortDescription"] == {"text": f["title"]["en"]}
        assert d["properties"]["title"] == {"nl": f["title"]["nl"], "en": f["title"]["en"]}
        assert d["fullDescription"]["text"] == f["title"]["en"] + ("\n\n" + f["note"] if f.get("note") else "")
    for rid, f in files.items():
        page = (ROOT / "docs" / "rules" / f"{rid}.md").read_text(encoding="utf-8")
        assert f"| Title (nl) | {f['title']['nl']} |" in page
        assert f["text"] in page
