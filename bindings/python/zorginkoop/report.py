"""Findings and reports of the procurement check as frozen values.

A :class:`Finding` is what a rule says about a document: a stable rule id, a :class:`Severity`, a
message key with parameters (rendered in Dutch or English by :meth:`Finding.message`), the
places in the document, evidence values and the law it rests on (:class:`~zorginkoop.LegalRef`).
A :class:`Report` holds the findings of one check with the versions and reference date that
produced them. Both compare by value (two checks of the same document give equal reports) and
cannot be changed after construction.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import html
import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, Union

from . import _core
from ._core import LegalRef
from .enums import Lang, Severity, word

__all__ = ["Finding", "Location", "Report"]

_T = TypeVar("_T")


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: Any) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.name != "core")
    return names


def value_of(cls: type[_T], core: Any, **converted: Any) -> _T:
    """The frozen value ``cls`` of a ``_core`` object: every dataclass field read from the
    attribute of the same name, except those given in ``converted``; ``core`` keeps the object
    (for renderings), outside equality and repr."""
    values = {name: converted[name] if name in converted else getattr(core, name) for name in _field_names(cls)}
    values["core"] = core
    return cls(**values)


@dataclass(frozen=True)
class Location:
    """A place in the document: a dotted ``path`` (``lots[3].products[0]``), and the ``line`` and
    ``column`` (1-based; 0 when not read from a file) in ``source`` (the file, or empty)."""

    path: str
    line: int = 0
    column: int = 0
    source: str = ""

    @classmethod
    def from_core(cls, core: _core.Location) -> Location:
        """The value of a ``_core.Location``."""
        return cls(core.path, core.line, core.column, core.source)

    def __str__(self) -> str:
        text = self.path or "(document)"
        if self.line:
            text += f":{self.line}" + (f":{self.column}" if self.column else "")
        return text

    def __repr__(self) -> str:
        return f"Location({str(self)!r})"


@dataclass(frozen=True, eq=True)
class Finding:
    """One finding of one rule. ``params`` fill the message; ``evidence`` are the values the rule
    compared; ``citations`` the law it rests on. Compares by value (the rendered message follows
    from the key and parameters)."""

    rule: str
    severity: Severity
    message_key: str
    params: Mapping[str, str]
    locations: tuple[Location, ...]
    evidence: Mapping[str, str]
    citations: tuple[LegalRef, ...]
    core: _core.Finding = field(compare=False, repr=False)

    @classmethod
    def from_core(cls, core: _core.Finding) -> Finding:
        """The value of a ``_core.Finding``."""
        return value_of(cls, core, severity=Severity(core.severity), citations=tuple(core.citations),
                        locations=tuple(Location.from_core(x) for x in core.locations))

    def message(self, lang: Union[Lang, str] = "nl") -> str:
        """The message in ``"nl"`` (default) or ``"en"``."""
        return self.core.message(word(Lang, lang, "lang"))

    def __str__(self) -> str:
        """The rule, the first place and the message in Dutch: ``SAS-003 at lots[0]: ...``."""
        where = f" at {self.locations[0]}" if self.locations else ""
        return f"{self.rule}{where}: {self.message()}"

    def __hash__(self) -> int:
        return hash((self.rule, self.severity, self.message_key, self.locations,
                     tuple(sorted(self.params.items()))))

    def __repr__(self) -> str:
        where = f", at={str(self.locations[0])!r}" if self.locations else ""
        return f"Finding({self.rule!r}, {self.severity.value!r}, {self.message_key!r}{where})"


@dataclass(frozen=True, eq=False)
class Report:
    """The findings of one check, in catalogue order, with the library and ruleset versions, the
    reference date, the document (``subject``) and its ``context`` values. Compares by value;
    the findings are made into :class:`Finding` values on first use (a check that is only
    counted or rendered does not pay for them)."""

    library_version: str
    ruleset_version: str
    reference_date: datetime.date | None
    subject: str
    context: Mapping[str, str]
    core: _core.Report = field(repr=False)

    @classmethod
    def from_core(cls, core: _core.Report) -> Report:
        """The value of a ``_core.Report``."""
        return value_of(cls, core)

    @functools.cached_property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding, in catalogue order."""
        return tuple(Finding.from_core(f) for f in self.core.findings)

    @functools.cached_property
    def omitted(self) -> tuple[Mapping[str, Any], ...]:
        """The findings counted but not listed (beyond ``max_findings_per_rule`` of one rule): one
        mapping per rule, severity and message key with ``rule``, ``severity``, ``message_key`` and
        ``count``. Empty when nothing was left out."""
        return tuple(self.core.omitted)

    @property
    def errors(self) -> list[Finding]:
        """The findings of severity error."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    def count(self, severity: Union[Severity, str]) -> int:
        """The number of findings of a severity (``Severity`` or its text), listed and omitted."""
        return self.core.count(Severity(severity).value)

    def has_errors(self) -> bool:
        """True when a finding has severity error."""
        return self.core.has_errors()

    def _key(self) -> tuple[Any, ...]:
        return (self.library_version, self.ruleset_version, self.reference_date, self.subject,
                tuple(sorted(self.context.items())), self.findings,
                tuple(tuple(sorted(o.items())) for o in self.omitted))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return self._key() == other._key()

    def to_json(self, lang: Union[Lang, str] = "nl") -> str:
        """The report as JSON (with its schema version), messages in ``lang``."""
        return self.core.to_json(word(Lang, lang, "lang"))

    def to_sarif(self, lang: Union[Lang, str] = "nl", rule_docs_uri: str = "") -> str:
        """The report as SARIF 2.1.0, for code-scanning tools. ``rule_docs_uri``: the absolute URI
        where the rule pages (``docs/rules/<ID>.md``) are published; each rule's ``helpUri`` then
        links its page (default: the first law the rule cites)."""
        return self.core.to_sarif(word(Lang, lang, "lang"), rule_docs_uri)

    def to_text(self, lang: Union[Lang, str] = "nl", *, hide_not_evaluated: bool = False) -> str:
        """The report as text for a terminal (user text with control characters escaped). By default
        one line lists the fields whose absence kept rules from being evaluated (and how many rules
        each blocks); ``hide_not_evaluated=True`` leaves that line out."""
        return self.core.to_text(word(Lang, lang, "lang"), hide_not_evaluated=hide_not_evaluated)

    def _rows(self, lang: str) -> list[dict[str, Any]]:
        rows = []
        for f in self.findings:
            at = f.locations[0] if f.locations else Location("")
            rows.append({
                "rule": f.rule,
                "severity": f.severity.value,
                "message": f.message(lang),
                "message_key": f.message_key,
                "path": at.path,
                "line": at.line,
                "column": at.column,
                "source": at.source,
                "citations": "; ".join(c.label(lang) for c in f.citations),
            })
        return rows

    def to_dataframe(self, lang: Union[Lang, str] = "nl") -> Any:
        """The findings as a ``pandas.DataFrame``, one row per finding in catalogue order, with the
        columns ``rule``, ``severity``, ``message`` (in ``lang``), ``message_key``, ``path``,
        ``line``, ``column``, ``source`` (the first place) and ``citations`` (the law, as labels
        joined by ``"; "``). Needs pandas (``pip install zorginkoop[pandas]``): without it, an
        ``ImportError`` that says so."""
        lang = word(Lang, lang, "lang")
        try:
            pandas = importlib.import_module("pandas")
        except ImportError as e:
            raise ImportError("Report.to_dataframe needs pandas, which is not installed: pip install pandas "
                              "(or zorginkoop[pandas])") from e
        columns = ["rule", "severity", "message", "message_key", "path", "line", "column", "source", "citations"]
        return pandas.DataFrame(self._rows(lang), columns=columns)

    def _repr_html_(self) -> str:
        """The report as an HTML table for notebooks (every text escaped)."""
        e = html.escape
        counts = ", ".join(f"{self.count(s)} {s.value}" for s in Severity)
        out = [f"<div><strong>{e(self.subject or 'report')}</strong> ({e(counts)})",
               "<table><thead><tr><th>rule</th><th>severity</th><th>where</th><th>message</th></tr></thead><tbody>"]
        for row in self._rows("nl"):
            where = row["path"] + (f":{row['line']}" if row["line"] else "")
            out.append(f"<tr><td>{e(row['rule'])}</td><td>{e(row['severity'])}</td><td>{e(where)}</td>"
                       f"<td>{e(row['message'])}</td></tr>")
        out.append("</tbody></table></div>")
        return "\n".join(out)

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        counts = ", ".join(f"{self.count(s)} {s.value}" for s in Severity)
        return f"Report({self.subject!r}, ruleset={self.ruleset_version!r}, {counts})"
