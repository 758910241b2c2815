"""The procurement check (domain/rules.md): a procurement document (domain/document-format.md)
judged rule by rule, each finding citing the law it rests on.

``check`` takes a path (YAML, or JSON by the ``.json`` extension), a mapping (what ``yaml.safe_load``
or ``json.load`` returns; amounts as ``str``/``int``/``decimal.Decimal``, never ``float``) or a loaded
:class:`Document`, and returns a :class:`~zorginkoop.Report` whose findings are typed
:class:`~zorginkoop.Finding` objects in catalogue order. A document that cannot be read raises
:class:`~zorginkoop.ParseError` (path, line, column); non-compliance is never an exception.

A finding "fires" unless it only says that its rule was not evaluated (message key
``rule.not_evaluated``, severity info): :func:`fired_rules` lists the rules that fired.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from typing import Any, Union

from . import _core
from ._core import Document
from .enums import Severity, Stage
from .report import Finding, Location, Report

__all__ = [
    "document_schema",
    "Document",
    "DocumentInput",
    "Finding",
    "Location",
    "Report",
    "Severity",
    "Stage",
    "NOT_EVALUATED",
    "RULESET_VERSION",
    "assert_no_errors",
    "check",
    "fired",
    "fired_rules",
    "load_document",
    "rule_catalogue",
]

DocumentInput = Union[str, "os.PathLike[str]", Mapping[str, Any], Document]
_Date = Union[datetime.date, str, None]

#: Message key of a finding that only says its rule was not evaluated.
NOT_EVALUATED = "rule.not_evaluated"
#: The date-stamped version of the rule catalogue.
RULESET_VERSION: str = _core.ruleset_version


def load_document(document: str | os.PathLike[str] | Mapping[str, Any], base_dir: str | None = None) -> Document:
    """Read a document strictly (unknown keys, wrong types, impossible dates are ParseErrors)."""
    return _core.load_document(document, base_dir)


def check(
    document: DocumentInput,
    as_of: _Date = None,
    *,
    base_dir: str | None = None,
    regional_contracting_from: _Date = None,
) -> Report:
    """Check a procurement document against the rule catalogue.

    ``as_of`` overrides the reference date (else: the first contract notice or prior information
    notice, else ``award.date``, else ``term.start``). ``base_dir`` resolves ``cost_model`` paths of a
    mapping (a file's own directory is used for a path). ``regional_contracting_from`` is the date
    Jeugdwet art. 2.19 lid 1 onder a enters into force (JREG-001; unknown, so unset by default).
    """
    return Report.from_core(_core.check_document(document, as_of, base_dir, regional_contracting_from))


def fired(finding: Finding) -> bool:
    """True unless the finding only says that its rule was not evaluated."""
    return finding.message_key != NOT_EVALUATED


def fired_rules(report: Report) -> list[str]:
    """The ids of the rules with at least one finding that fired, in report order."""
    out: list[str] = []
    for f in report.findings:
        if fired(f) and f.rule not in out:
            out.append(f.rule)
    return out


def _where(f: Finding) -> str:
    if not f.locations:
        return ""
    loc = f.locations[0]
    text = loc.path or "(document)"
    if loc.line:
        text += f" (line {loc.line})"
    return text


def assert_no_errors(report: Report, lang: str = "nl") -> None:
    """Raise AssertionError listing every finding of error severity (rule, place, message, sources)."""
    errors = report.errors
    if not errors:
        return
    lines = [f"{len(errors)} error(s) in procurement document {report.subject!r}"
             f" (reference date {report.reference_date}, ruleset {report.ruleset_version}):"]
    for f in errors:
        where = _where(f)
        lines.append(f"  {f.rule}{' at ' + where if where else ''}: {f.message(lang)}")
        for c in f.citations:
            lines.append(f"      {c.label(lang)}" + (f" <{c.url}>" if c.url else ""))
    raise AssertionError("\n".join(lines))


def rule_catalogue() -> list[dict[str, Any]]:
    """Every rule with its metadata (id, severity, stage, law, kinds, dates in force, citations)."""
    return _core.rule_catalogue()


def document_schema(name: str = "document") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) shipped with the package: ``"document"`` for procurement
    documents, ``"cost-model"`` for cost models, ``"index-series"`` for index series. Editors can
    validate documents while typing."""
    if name not in ("document", "cost-model", "index-series"):
        raise ValueError(f"unknown schema {name!r} (document, cost-model, index-series)")
    import importlib.resources
    import json

    text = importlib.resources.files("zorginkoop").joinpath("schema", f"zorginkoop-{name}.schema.json").read_text(
        encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
