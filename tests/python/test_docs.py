"""The user documentation in docs/ is complete and current.

- the generated rule pages (docs/rules/) are byte for byte what scripts/gen_rule_docs.py makes now,
  and the generator is deterministic;
- every rule of the library has a page and a title in Dutch and English;
- every source tag a rule names has its law text in data/law/texts.yaml, or is listed there as
  having none;
- every property of the two JSON Schemas is documented in docs/document-format.md or
  docs/cost-model.md;
- every rule id the hand-written pages name exists, and their local links resolve.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

import pytest

import zorginkoop
from zorginkoop import _core

import rule_files  # tests/python/rule_files.py

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
RULE_ID = re.compile(r"\b[A-Z]{2,5}-\d{3}\b")
COST_MODEL_IN_DOCUMENT = "lots[].products[].cost_model."


@pytest.fixture(scope="module")
def rules() -> list[dict[str, Any]]:
    # The library's catalogue as the generator reads it (the untyped export of _core).
    return list(_core.rule_catalogue())


def _yaml(path: Path) -> Any:
    return _core.parse_yaml(path.read_text(encoding="utf-8"), str(path))


# ------------------------------------------------------------------------------- generated pages

def test_rule_pages_are_up_to_date(gen: ModuleType, tmp_path: Path) -> None:
    gen.write(tmp_path)
    fresh = {p.name: p.read_bytes() for p in sorted(tmp_path.glob("*.md"))}
    checked_in = {p.name: p.read_bytes() for p in sorted((DOCS / "rules").glob("*.md"))}
    assert sorted(checked_in) == sorted(fresh), "run: python scripts/gen_rule_docs.py"
    stale = [name for name in fresh if fresh[name] != checked_in[name]]
    assert stale == [], f"stale rule pages {stale}; run: python scripts/gen_rule_docs.py"


def test_generator_is_deterministic(gen: ModuleType) -> None:
    first = gen.generate()
    second = gen.generate()
    assert first == second
    assert "README.md" in first


def test_every_rule_has_a_page(rules: list[dict[str, Any]]) -> None:
    assert len(rules) >= 57
    missing = [r["id"] for r in rules if not (DOCS / "rules" / f"{r['id']}.md").is_file()]
    assert missing == []
    index = (DOCS / "rules" / "README.md").read_text(encoding="utf-8")
    assert [r["id"] for r in rules if f"]({r['id']}.md)" not in index] == []


def test_every_rule_has_a_short_title_in_both_languages(rules: list[dict[str, Any]]) -> None:
    # The titles are declared with the rules (src/procurement/rules_*.cpp), read through the typed API.
    titles = {r.id: {"nl": r.title.nl, "en": r.title.en} for r in zorginkoop.rule_catalogue()}
    problems = []
    for r in rules:
        t = titles.get(r["id"]) or {}
        for lang in ("nl", "en"):
            text = str(t.get(lang) or "").strip()
            if not text or len(text) > 70:
                problems.append(f"{r['id']}.{lang}: {text!r}")
    assert problems == []
    assert sorted(titles) == sorted(r["id"] for r in rules), "a title for a rule the library does not have"


def test_every_source_tag_has_its_law_text(gen: ModuleType, rules: list[dict[str, Any]]) -> None:
    entries = {e["id"]: e for e in rule_files.catalogue() + rule_files.catalogue("decl")}
    laws = gen.law_entries(_yaml(ROOT / "data" / "law" / "texts.yaml"))
    problems = []
    tagged = 0
    for r in rules:
        tags, _named = gen.tags_of(entries.get(r["id"]))
        tagged += bool(tags)
        for tag in tags:
            e = laws.get(tag)
            if e is None:
                problems.append(f"{r['id']}: {tag} is not in data/law/texts.yaml")
            elif not e.get("texts") and not str(e.get("missing") or "").strip():
                problems.append(f"{r['id']}: {tag} has neither a text nor a note why it is missing")
    assert problems == []
    assert tagged >= 30  # the catalogue's brackets are read, not silently skipped


def test_law_texts_are_complete_entries() -> None:
    laws = _yaml(ROOT / "data" / "law" / "texts.yaml")["tags"]
    statuses = {"MANDATORY", "CASE LAW", "GUIDANCE", "HISTORIC"}
    confidences = {"verified", "secondary", "unconfirmed"}
    problems = []
    for tag, e in laws.items():
        for key in ("title", "law", "law_id", "article", "version_basis"):
            if not str(e.get(key) or "").strip():
                problems.append(f"{tag}: no {key}")
        if not set(e.get("status") or []) <= statuses:
            problems.append(f"{tag}: status {e.get('status')}")
        if not set(e.get("confidence") or []) <= confidences:
            problems.append(f"{tag}: confidence {e.get('confidence')}")
        for t in e.get("texts") or []:
            if not str(t.get("label") or "").strip() or not str(t.get("text") or "").strip():
                problems.append(f"{tag}: an empty text")
    assert problems == []
    assert "AW-2.6a-1" in laws and laws["AW-2.6a-1"]["texts"]
    assert laws["EU-ANNEX-XIV"]["texts"] == [] and laws["EU-ANNEX-XIV"]["missing"]


def test_a_rule_page_quotes_the_law_and_both_examples() -> None:
    text = (DOCS / "rules" / "SAS-003.md").read_text(encoding="utf-8")
    assert "binnen 30 dagen na de gunning van die overheidsopdracht" in text
    assert "wetten.overheid.nl" in text
    assert "SAS-003.fires.zorginkoop.yaml" in text and "SAS-003.silent.zorginkoop.yaml" in text
    fires = (ROOT / "tests" / "fixtures" / "procurement" / "rules" / "SAS-003.fires.zorginkoop.yaml").read_text(
        encoding="utf-8")
    assert fires in text


def test_tags_are_read_from_brackets_without_a_citations_field(gen: ModuleType) -> None:
    entry = {"text": "Award on quality. [JW-2.12-1 / WMO-2.6.4-1]; see also [AW-2.140-1 guidance, PIANOo]."}
    assert gen.tags_of(entry) == (["JW-2.12-1", "WMO-2.6.4-1", "AW-2.140-1"], ["PIANOo"])
    assert gen.tags_of({"citations": ["AW-2.140-1 guidance", "PIANOo"]}) == (["AW-2.140-1"], ["PIANOo"])
    assert gen.tags_of(None) == ([], [])


# ------------------------------------------------------------------------------- schemas

def _properties(schema: dict[str, Any], node: dict[str, Any], path: str,
                seen: set[tuple[str, str]]) -> Iterator[str]:
    """Every property path of a JSON Schema (`a.b`, lists as `a[]`), following $ref and combinators."""
    if "$ref" in node:
        name = node["$ref"].split("/")[-1]
        if (name, path) in seen:
            return
        seen.add((name, path))
        yield from _properties(schema, schema["$defs"][name], path, seen)
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in node.get(key, []):
            yield from _properties(schema, sub, path, seen)
    for key, sub in node.get("properties", {}).items():
        p = f"{path}.{key}" if path else key
        yield p
        yield from _properties(schema, sub, p, seen)
    if isinstance(node.get("items"), dict):
        yield from _properties(schema, node["items"], path + "[]", seen)


def _schema_paths(name: str) -> list[str]:
    schema = json.loads((ROOT / "data" / "schema" / f"zorginkoop-{name}.schema.json").read_text(encoding="utf-8"))
    return sorted(set(_properties(schema, schema, "", set())))


def test_every_document_field_is_documented() -> None:
    doc = (DOCS / "document-format.md").read_text(encoding="utf-8")
    model = (DOCS / "cost-model.md").read_text(encoding="utf-8")
    paths = _schema_paths("document")
    assert "lots[].products[].tariff" in paths and len(paths) > 100
    missing = []
    for p in paths:
        if p.startswith(COST_MODEL_IN_DOCUMENT):
            if f"`{p[len(COST_MODEL_IN_DOCUMENT):]}`" not in model:
                missing.append(p)
        elif f"`{p}`" not in doc:
            missing.append(p)
    assert missing == []


def test_every_cost_model_field_is_documented() -> None:
    model = (DOCS / "cost-model.md").read_text(encoding="utf-8")
    paths = _schema_paths("cost-model")
    assert "staff[].monthly_salary" in paths
    assert [p for p in paths if f"`{p}`" not in model] == []


# ------------------------------------------------------------------------------- hand-written pages

HAND_WRITTEN = ["README.md", "document-format.md", "cost-model.md", "indexation-clause.md"]


@pytest.mark.parametrize("name", HAND_WRITTEN)
def test_rule_ids_named_in_the_pages_exist(name: str, rules: list[dict[str, Any]]) -> None:
    known = {r["id"] for r in rules} | {f["id"] for f in _core.clause_findings()}
    named = set(RULE_ID.findall((DOCS / name).read_text(encoding="utf-8")))
    if name == "document-format.md":
        assert len(named) > 40
    assert sorted(named - known) == []


@pytest.mark.parametrize("name", HAND_WRITTEN + ["rules/README.md", "eforms.md"])
def test_local_links_resolve(name: str) -> None:
    page = DOCS / name
    broken = []
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        if not (page.parent / target).exists():
            broken.append(target)
    assert broken == []


def test_the_pages_do_not_point_outside_the_repository() -> None:
    for page in sorted(DOCS.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert "../shared" not in text and "/work/" not in text, page
