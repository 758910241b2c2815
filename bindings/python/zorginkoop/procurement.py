"""The procurement check (docs/rules/): a procurement document (docs/document-format.md)
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
import functools
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Union

from . import _core
from ._core import Document, LegalRef
from .enums import Lang, Law, Severity, Stage, word
from .errors import InvalidInput
from .report import Finding, Location, Report

__all__ = [
    "document_schema",
    "Document",
    "DocumentInput",
    "EformsImport",
    "NotCarried",
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
    "import_eforms",
    "load_document",
    "read_eforms",
    "rule_catalogue",
    "Rule",
    "RuleTitle",
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


NoticePaths = Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]]


@dataclass(frozen=True)
class NotCarried:
    """A document field the eForms notices do not fill: ``reason`` is ``absent`` (the notices leave
    the eForms field out), ``not_in_version`` (the notices' SDK version does not define it) or
    ``no_eforms_field``; ``eforms`` names the eForms field ids read for it."""

    field: str
    eforms: str
    reason: str
    detail: str


@dataclass(frozen=True)
class EformsImport:
    """The document made of the notices of one procedure, and the fields they do not carry."""

    document: Document
    not_carried: list[NotCarried]


def _notice_paths(paths: NoticePaths) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def _is_notice(document: object) -> bool:
    if isinstance(document, (str, os.PathLike)):
        return os.fspath(document).lower().endswith(".xml")
    if isinstance(document, (list, tuple)) and document:
        return all(isinstance(p, (str, os.PathLike)) and os.fspath(p).lower().endswith(".xml") for p in document)
    return False


def read_eforms(paths: NoticePaths, *, law: Union[Law, str]) -> EformsImport:
    """The eForms notices of one procedure (one path or several) merged into a document, with the
    fields the notices do not carry (docs/eforms.md). ``law`` is ``jeugdwet`` or ``wmo2015``.
    Notices of different procedures, under another directive than 2014/24/EU or with amounts in
    another currency than EUR raise ParseError."""
    document, gaps = _core.import_eforms(_notice_paths(paths), word(Law, law, "law"))
    return EformsImport(document, [NotCarried(**g) for g in gaps])


def import_eforms(paths: NoticePaths, *, law: Union[Law, str]) -> Document:
    """The eForms notices of one procedure merged into a document (read_eforms without the list of
    fields not carried)."""
    return read_eforms(paths, law=law).document


def check(
    document: DocumentInput | NoticePaths,
    as_of: _Date = None,
    *,
    base_dir: str | None = None,
    regional_contracting_from: _Date = None,
    max_findings_per_rule: int = 100,
    law: Union[Law, str, None] = None,
) -> Report:
    """Check a procurement document against the rule catalogue.

    ``as_of`` overrides the reference date (else: the first contract notice or prior information
    notice, else ``award.date``, else ``term.start``). ``base_dir`` resolves ``cost_model`` paths of a
    mapping (a file's own directory is used for a path). ``regional_contracting_from`` is the date
    Jeugdwet art. 2.19 lid 1 onder a enters into force (JREG-001; unknown, so unset by default).

    A path ending in ``.xml``, or a list of them, is read as the eForms notices of one procedure
    (import_eforms) and needs ``law``; a document states its own law, so ``law`` is refused for it.
    A rule whose finding would be about a field the notices cannot state (``read_eforms``'s
    ``not_carried``, such as ``procedure.standstill_days``) reports "not evaluated" for it instead.

    At most ``max_findings_per_rule`` findings of one rule are listed (0: all); the others are
    counted in ``Report.omitted`` and in ``Report.count``.
    """
    not_stated: list[str] = []
    if _is_notice(document):
        if law is None:
            raise InvalidInput("eForms notices need law='jeugdwet' or law='wmo2015': a notice does not say which care law applies")
        imported = read_eforms(document, law=law)  # type: ignore[arg-type]
        document = imported.document
        # What the notices cannot state is "not evaluated", not a finding about its absence.
        not_stated = [gap.field for gap in imported.not_carried]
    elif law is not None:
        raise InvalidInput("law= is for eForms notices (.xml): a document states its law (law:)")
    return Report.from_core(
        _core.check_document(document, as_of, base_dir, regional_contracting_from, max_findings_per_rule, not_stated)
    )


def fired(finding: Finding) -> bool:
    """True unless the finding only says that its rule was not evaluated."""
    return finding.message_key != NOT_EVALUATED


def _require_report(report: object, what: str) -> None:
    if not isinstance(report, Report):
        raise TypeError(f"{what}: expected a zorginkoop.Report (what zorginkoop.check returns), "
                        f"got {type(report).__name__}")


def fired_rules(report: Report) -> list[str]:
    """The ids of the rules with at least one finding that fired, in report order. Anything but a
    :class:`Report` is a TypeError."""
    _require_report(report, "fired_rules")
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


def assert_no_errors(report: Report, lang: Union[Lang, str] = "nl") -> None:
    """Raise AssertionError listing every finding of error severity (rule, place, message, sources).
    Anything but a :class:`Report` is a TypeError (never a passed assertion)."""
    _require_report(report, "assert_no_errors")
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


@dataclass(frozen=True)
class RuleTitle:
    """A rule's short title (at most 70 characters): what it checks, in Dutch and English."""

    nl: str
    en: str

    def text(self, lang: Union[Lang, str] = "nl") -> str:
        """The title in ``"nl"`` or ``"en"``."""
        return self.en if word(Lang, lang, "lang") == "en" else self.nl


@dataclass(frozen=True)
class Rule:
    """One rule of the catalogue as the library declares it.

    ``severity`` is the default severity (:class:`Severity`; a rule may vary it per finding), ``stage``
    its stage in report order (:class:`Stage`), ``law`` its scope (``"both"``, ``"jeugdwet"``,
    ``"wmo2015"``), ``only_kinds``/``except_kinds`` the procedure kinds it is (not) for, ``needs_part2``
    whether it runs only when Part 2 of the Aanbestedingswet 2012 applies, ``in_force_from``/
    ``in_force_to`` its dates in force (inclusive), ``citations`` the law it rests on, ``binding`` whether
    one of them is binding law (not guidance only), ``note`` its reading where the catalogue is silent.
    """

    id: str
    title: RuleTitle
    severity: Severity
    stage: Stage
    law: str
    only_kinds: tuple[str, ...]
    except_kinds: tuple[str, ...]
    needs_part2: bool
    in_force_from: datetime.date | None
    in_force_to: datetime.date | None
    citations: tuple[LegalRef, ...]
    binding: bool
    note: str

    @classmethod
    def _from_core(cls, d: Mapping[str, Any]) -> Rule:
        return cls(
            id=str(d["id"]),
            title=RuleTitle(nl=str(d["title"]["nl"]), en=str(d["title"]["en"])),
            severity=Severity(str(d["severity"])),
            stage=Stage(str(d["stage"])),
            law=str(d["law"]),
            only_kinds=tuple(d["only_kinds"]),
            except_kinds=tuple(d["except_kinds"]),
            needs_part2=bool(d["needs_part2"]),
            in_force_from=d["in_force_from"],
            in_force_to=d["in_force_to"],
            citations=tuple(d["citations"]),
            binding=bool(d["binding"]),
            note=str(d["note"]),
        )


@functools.lru_cache(maxsize=1)
def _catalogue() -> tuple[Rule, ...]:
    return tuple(Rule._from_core(d) for d in _core.rule_catalogue())


def rule_catalogue() -> list[Rule]:
    """Every rule in catalogue order, typed: id, title (nl, en), severity, stage, law, procedure
    kinds, dates in force, citations, note."""
    return list(_catalogue())


def document_schema(name: str = "document") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) shipped with the package: ``"document"`` for procurement
    documents, ``"cost-model"`` for cost models, ``"index-series"`` for index series,
    ``"indexation-clause"`` for indexation clauses. Editors can validate documents while typing."""
    if name not in ("document", "cost-model", "index-series", "indexation-clause"):
        raise ValueError(f"unknown schema {name!r} (document, cost-model, index-series, indexation-clause)")
    import importlib.resources
    import json

    text = importlib.resources.files("zorginkoop").joinpath("schema", f"zorginkoop-{name}.schema.json").read_text(
        encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
