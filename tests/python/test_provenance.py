"""Provenance: code and data cite only what a reader can follow, that is the repository's own
documents (docs/, data/) or a public source, never notes kept outside the repository."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("src", "include", "bindings", "data")

# Names of specification notes that are not part of the repository: the folders domain/ and
# research/, the rule catalogue rules.md, legal-rules.md, and the tariff and indexation notes.
# A path below docs/ (docs/cost-model.md, docs/rules/SAS-003.md) does not match.
NOT_IN_REPOSITORY = re.compile(
    r"(?<![\w.-])(?:domain|research)/"
    r"|legal-rules"
    r"|(?<![\w/.-])(?:rules|tariffs|indexation|tariffs-indexation|anchors)\.md\b"
)

# Files allowed to mention the background notes (none: keep it that way);
# test_allow_list_is_still_needed fails on an entry that no longer mentions any.
ALLOWED: tuple[str, ...] = ()

# A docs/ path named in code or data: it must exist.
DOCS_PATH = re.compile(r"(?<![\w/.-])docs/[\w./-]*[\w/]")


@cache
def scanned_files() -> tuple[Path, ...]:
    return tuple(sorted(p for top in SCANNED for p in (ROOT / top).rglob("*") if p.is_file()))


def allowed(path: Path) -> bool:
    rel = path.relative_to(ROOT)
    return any(rel.match(pattern) or (pattern.endswith("/**/*") and str(rel).startswith(pattern[:-4]))
               for pattern in ALLOWED)


@cache
def text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


@cache
def mentions(path: Path) -> tuple[str, ...]:
    return tuple(f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
            for n, line in enumerate(text(path).splitlines(), 1) if NOT_IN_REPOSITORY.search(line))


def test_the_pattern_finds_the_notes_and_spares_the_docs() -> None:
    for cited in ("domain/tariffs.md §2", "research/legal-rules.md JW-2.12-H1", "the catalogue (rules.md)",
                  "legal-rules.md", "tariffs.md section 5", "indexation.md §1", "tariffs-indexation.md §5"):
        assert NOT_IN_REPOSITORY.search(cited), cited
    for fine in ("docs/cost-model.md", "docs/indexation-clause.md", "docs/rules/SAS-003.md",
                 "docs/document-format.md", "catalogue_from_rules_md.py", "data/rules/catalogue.yaml"):
        assert not NOT_IN_REPOSITORY.search(fine), fine


def test_code_and_data_cite_nothing_outside_the_repository() -> None:
    files = scanned_files()
    assert len(files) > 100, "the source tree was not found"
    found = [m for p in files if not allowed(p) for m in mentions(p)]
    assert found == [], "\n".join(found)


def test_allow_list_is_still_needed() -> None:
    # An entry whose files no longer cite the notes goes: the allow-list only shrinks.
    stale = [pattern for pattern in ALLOWED
             if not any(mentions(p) for p in scanned_files() if allowed(p) and
                        (p.relative_to(ROOT).match(pattern) or
                         (pattern.endswith("/**/*") and str(p.relative_to(ROOT)).startswith(pattern[:-4]))))]
    assert stale == [], f"remove from ALLOWED: {stale}"


def test_docs_paths_named_in_code_and_data_exist() -> None:
    missing = []
    for p in scanned_files():
        for n, line in enumerate(text(p).splitlines(), 1):
            for cited in DOCS_PATH.findall(line):
                if not (ROOT / cited).exists():
                    missing.append(f"{p.relative_to(ROOT)}:{n}: {cited}")
    assert missing == [], "\n".join(missing)
