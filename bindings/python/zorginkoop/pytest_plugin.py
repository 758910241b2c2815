"""pytest plugin: collects procurement documents (``*.zorginkoop.yaml`` / ``*.zorginkoop.json``)
that carry an ``expect:`` block and checks them, one test per document::

    expect:
      fires: [SAS-003]        # each must have a finding that fired
      silent: [SAS-001]       # none may have a finding that fired
      no_errors: true         # no finding of error severity at all

A file is collected when the library's own reader (the one ``load_document`` uses: YAML, or JSON
by the ``.json`` suffix) finds a top-level ``expect`` member in it, however the document is written
(block or flow YAML, one-line or pretty-printed JSON, a quoted or complex key, a byte-order mark).
A file with the suffix that the reader cannot read at all (malformed YAML or JSON, text that is
not UTF-8, too large) is collected too and fails with the read error, so that a broken test
document never goes unnoticed. A readable document without ``expect`` is not a test and is left
alone.

A rule id in ``fires`` or ``silent`` that is not in the rule catalogue fails the test (naming the
id), so that a misspelt id cannot pass unnoticed.

A finding that only says "not evaluated" does not fire. Registered as the ``pytest11`` entry point
``zorginkoop``; without the installed entry point, enable it with ``-p zorginkoop.pytest_plugin``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from . import _core
from . import errors as _errors
from .procurement import check, fired, load_document, rule_catalogue

_SUFFIXES = (".zorginkoop.yaml", ".zorginkoop.yml", ".zorginkoop.json")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("zorginkoop")
    group.addoption(
        "--zorginkoop-lang", default="nl", choices=("nl", "en"),
        help="language of the finding messages in zorginkoop document failures (default nl)",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if not file_path.name.endswith(_SUFFIXES):
        return None
    if not _is_test_document(file_path):
        return None
    return ZorginkoopFile.from_parent(parent, path=file_path)


def _is_test_document(path: Path) -> bool:
    """True when the document has a top-level ``expect`` member, or cannot be read at all (the
    test then fails with the read error)."""
    try:
        tree = _core.read_file(path)
    except _errors.ZorginkoopError:
        return True
    return isinstance(tree, dict) and "expect" in tree


@functools.lru_cache(maxsize=1)
def _known_rules() -> frozenset[str]:
    return frozenset(r.id for r in rule_catalogue())


class ZorginkoopFile(pytest.File):
    def collect(self) -> Any:
        yield ZorginkoopItem.from_parent(self, name=self.path.name.split(".zorginkoop.")[0])


class ExpectationFailed(Exception):
    """The document's findings differ from its expect: block."""


class ZorginkoopItem(pytest.Item):
    def runtest(self) -> None:
        lang = str(self.config.getoption("zorginkoop_lang", "nl"))
        doc = load_document(str(self.path))
        expect = doc.expect or {}
        want_fire = list(expect.get("fires") or [])
        want_silent = list(expect.get("silent") or [])
        known = _known_rules()
        unknown = [r for r in [*want_fire, *want_silent] if r not in known]
        if unknown:
            # A misspelt id would otherwise pass for ever under silent: (a rule that does not exist
            # never fires), so it is an error of the test.
            lines = [f"{self.path.name}: expect: names rules that are not in the catalogue:"]
            for r in unknown:
                key = "fires" if r in want_fire else "silent"
                lines.append(f"  ? {r} (expect.{key})")
            raise ExpectationFailed("\n".join(lines))
        report = check(doc)
        findings = [f for f in report.findings if fired(f)]
        actual = sorted({f.rule for f in findings})
        missing = [r for r in want_fire if r not in actual]
        unexpected = [r for r in want_silent if r in actual]
        errors = [f for f in findings if f.severity == "error"]
        problems: list[str] = []
        if missing:
            problems.append("expected to fire, but silent:")
            problems += [f"  - {r}" for r in missing]
        if unexpected:
            problems.append("expected silent, but fired:")
            for r in unexpected:
                for f in findings:
                    if f.rule == r:
                        problems.append(f"  + {r} [{f.severity}] {_where(f)}: {f.message(lang)}")
        if expect.get("no_errors") and errors:
            problems.append("expected no errors, but found:")
            problems += [f"  + {f.rule} {_where(f)}: {f.message(lang)}" for f in errors]
        if problems:
            head = (f"{self.path.name}: findings differ from expect: "
                    f"(reference date {report.reference_date}, ruleset {report.ruleset_version})")
            fired_line = "fired: " + (", ".join(actual) if actual else "(none)")
            raise ExpectationFailed("\n".join([head, *problems, fired_line]))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, ExpectationFailed):
            return str(excinfo.value)
        if isinstance(excinfo.value, _errors.ZorginkoopError):
            return f"{self.path.name}: the document cannot be read: {excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"zorginkoop document: {self.name}"


def _where(f: Any) -> str:
    if not f.locations:
        return ""
    loc = f.locations[0]
    return f"{loc.path or '(document)'}" + (f" line {loc.line}" if loc.line else "")
