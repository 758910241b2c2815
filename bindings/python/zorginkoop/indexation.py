"""Indexation of tariffs and budgets (docs/indexation-clause.md): index series, contract clauses,
catch-up (nacalculatie) and yearly tariff schedules.

Three things are kept apart:

* :class:`IndexSeries` -- published figures (year, provisional/definitive, percent, source);
  :class:`IndexSeriesSet` -- the series a computation may use (``IndexSeriesSet.bundled()``
  holds OVA and PPC);
* :class:`IndexationClause` -- the clause of a contract (weights, catch-up, rounding);
* the tariff or budget being indexed (:class:`~zorginkoop.Money`).

A file of new figures (``zorginkoop_index_figures: 1``, each figure with its source) overlays a
set: ``IndexSeriesSet.bundled().overlay("figures-2026.yaml")`` adds its figures to the series it
names and refuses a figure that contradicts one already there.

Every computation takes its years and series explicitly; ``series`` may be an
:class:`IndexSeriesSet` (used as it is), one :class:`IndexSeries` or a list of them (added to the
bundled OVA and PPC, replacing a bundled series with the same id), or ``None`` (the bundled set).

Rates are :class:`IndexRate`: a ``decimal.Decimal`` in **percent** (``Decimal("6.30")``) that
carries its full derivation (``.weighted_provisional``, ``.catch_up``, ``.figures`` ...).
Amounts are :class:`~zorginkoop.Money`. A figure that is not published raises
:class:`~zorginkoop.MissingData` naming series, year and status.

``series=None`` reads the bundled series on every call (about a millisecond or two); for many
computations pass one ``IndexSeriesSet`` (immutable, safe to share between threads).
"""

from __future__ import annotations

import datetime
import decimal
import importlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn, Union

from . import _core
from .enums import CatchUp, Lang, word
from .errors import ZorginkoopError
from .report import Report
from ._core import (
    CatchUpSettlement,
    ClauseProblem,
    ComponentDerivation,
    IndexFigure,
    IndexSeries,
    IndexSeriesSet,
    Money,
    RateDerivation,
    RoundingPolicy,
    UsedFigure,
)

__all__ = [
    "IndexFigure",
    "IndexSeries",
    "IndexSeriesSet",
    "IndexationClause",
    "IndexRate",
    "ScheduleRow",
    "TariffSchedule",
    "CatchUpSettlement",
    "ClauseProblem",
    "ComponentDerivation",
    "UsedFigure",
    "SeriesArg",
    "series_set",
    "check_indexation_clause",
    "clause_problems_report",
]

SeriesArg = Union[IndexSeriesSet, IndexSeries, Sequence[IndexSeries], None]
_Amount = Union[Money, str, int, decimal.Decimal]
_PathLike = Union[str, "os.PathLike[str]"]


def _core_error(text: str) -> Exception:
    from .errors import InvalidInput

    return InvalidInput(text)


def _year(value: Any) -> int:
    """A year from an int cell (numpy integers included); anything else is a TypeError."""
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError(f"expected a year (int), got {type(value).__name__}")
    return int(value.__index__())


def _bundled() -> IndexSeriesSet:
    return IndexSeriesSet.bundled()


def series_set(series: SeriesArg = None) -> IndexSeriesSet:
    """The set a computation uses: ``None`` is the bundled set; an :class:`IndexSeriesSet` is used
    as it is; one :class:`IndexSeries` or a list of them is added to the bundled set (replacing
    a bundled series with the same id)."""
    if series is None:
        return _bundled()
    if isinstance(series, IndexSeriesSet):
        return series
    if isinstance(series, IndexSeries):
        return _bundled().with_series(series)
    if isinstance(series, (str, bytes)) or not isinstance(series, Iterable):
        raise TypeError(
            "series: expected an IndexSeriesSet, an IndexSeries, a list of IndexSeries or None, "
            f"got {type(series).__name__}"
        )
    items = list(series)
    for i, s in enumerate(items):
        if not isinstance(s, IndexSeries):
            raise TypeError(f"series[{i}]: expected an IndexSeries, got {type(s).__name__}")
    return _bundled().with_series(items)


class IndexRate(decimal.Decimal):
    """The indexation rate of a year in percent (``IndexRate == Decimal("6.30")``), carrying its
    derivation. Arithmetic on it gives plain ``Decimal`` values."""

    derivation: RateDerivation

    def __new__(cls, derivation: RateDerivation) -> IndexRate:
        obj = super().__new__(cls, derivation.rate_percent)
        object.__setattr__(obj, "derivation", derivation)
        return obj

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"IndexRate is immutable: cannot assign {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"IndexRate is immutable: cannot delete {name!r}")

    # The derivation, by name.
    @property
    def year(self) -> int:
        """The year the rate applies to (to the tariff of ``year - 1``)."""
        return self.derivation.year

    @property
    def percent(self) -> decimal.Decimal:
        """The rate in percent as a plain Decimal (``Decimal("6.30")``)."""
        return self.derivation.rate_percent

    @property
    def rate_percent(self) -> decimal.Decimal:
        """Alias of :attr:`percent` (the name used in the JSON output)."""
        return self.derivation.rate_percent

    @property
    def rate(self) -> _core.Rate:
        """The rate as a fraction (``Rate("0.063")``)."""
        return self.derivation.rate

    @property
    def factor(self) -> decimal.Decimal:
        """1 + rate (``Decimal("1.063")``)."""
        return self.derivation.factor

    @property
    def weighted_provisional(self) -> decimal.Decimal:
        """The weighted provisional index in percent, as used in the rate (rounded with
        ``at: parts``)."""
        return self.derivation.weighted_provisional_percent

    @property
    def catch_up(self) -> decimal.Decimal:
        """The catch-up over the previous year in percent, as used in the rate."""
        return self.derivation.catch_up_percent

    @property
    def weighted_provisional_percent(self) -> decimal.Decimal:
        """Alias of :attr:`weighted_provisional`."""
        return self.derivation.weighted_provisional_percent

    @property
    def catch_up_percent(self) -> decimal.Decimal:
        """Alias of :attr:`catch_up`."""
        return self.derivation.catch_up_percent

    @property
    def catch_up_applied(self) -> bool:
        """Whether the catch-up (nacalculatie) is part of this rate."""
        return self.derivation.catch_up_applied

    @property
    def unrounded(self) -> dict[str, decimal.Decimal]:
        """The weighted provisional part, the catch-up and the rate in percent before rate rounding."""
        d = self.derivation
        return {
            "weighted_provisional": d.unrounded_weighted_provisional_percent,
            "catch_up": d.unrounded_catch_up_percent,
            "rate": d.unrounded_rate_percent,
        }

    @property
    def rounding(self) -> dict[str, Any]:
        """The rate rounding applied (where and how), as a mapping."""
        return self.derivation.rounding

    @property
    def components(self) -> list[ComponentDerivation]:
        """The contribution of each weighted component of the clause."""
        return self.derivation.components

    @property
    def figures(self) -> list[UsedFigure]:
        """Every figure used, with series, year, status, percent and source."""
        return self.derivation.figures

    @property
    def uses_conflicting_figures(self) -> bool:
        """Whether the rate rests on a figure on which the sources disagree (``figure.conflicting``)."""
        return self.derivation.uses_conflicting_figures

    @property
    def uses_overdue_provisional_figures(self) -> bool:
        """Whether the rate rests on a provisional figure whose definitive figure was due by the
        reference date and is not in the series (False without ``as_of``)."""
        return self.derivation.uses_overdue_provisional_figures

    @property
    def as_of(self) -> datetime.date | None:
        """The reference date the figures were judged on, when one was given."""
        return self.derivation.as_of

    def to_dict(self) -> dict[str, Any]:
        """The rate and its derivation as plain Python values."""
        result: dict[str, Any] = self.derivation.to_dict()
        return result

    def to_json(self) -> str:
        """The rate and its derivation as JSON."""
        return self.derivation.to_json()

    def to_text(self, lang: Union[Lang, str] = "nl") -> str:
        """The rate and its derivation as text, in ``"nl"`` (default) or ``"en"``."""
        return self.derivation.to_text(word(Lang, lang, "lang"))

    def __repr__(self) -> str:
        return f"IndexRate({self.year}, Decimal('{self.derivation.rate_percent}'))"

    def __reduce__(self) -> tuple[Any, ...]:
        # pickling keeps the value; the derivation is not picklable
        return (decimal.Decimal, (str(self),))

    def __copy__(self) -> IndexRate:
        return self  # immutable

    def __deepcopy__(self, memo: Any) -> IndexRate:
        return self  # immutable


@dataclass(frozen=True)
class ScheduleRow:
    """One year of a schedule: the rate of that year and the tariff it gives."""

    year: int
    rate: IndexRate
    tariff: Money
    unrounded_tariff: Money
    factor: decimal.Decimal
    cumulative_factor: decimal.Decimal


class TariffSchedule(list[ScheduleRow]):
    """The yearly tariffs after the base year (a list of :class:`ScheduleRow`, one per year from
    ``base_year + 1`` to ``to_year``), with the base tariff and the whole derivation."""

    def __init__(self, core: _core.Schedule) -> None:
        super().__init__(
            ScheduleRow(
                year=r.year,
                rate=IndexRate(r.rate),
                tariff=r.tariff,
                unrounded_tariff=r.unrounded_tariff,
                factor=r.factor,
                cumulative_factor=r.cumulative_factor,
            )
            for r in core.rows
        )
        self._core: _core.Schedule  # set once, here
        object.__setattr__(self, "_core", core)

    # A schedule is a value: a list for reading (and for == with a list), never changed.
    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"TariffSchedule is immutable: cannot assign {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"TariffSchedule is immutable: cannot delete {name!r}")

    def _immutable(self, *args: Any, **kwargs: Any) -> NoReturn:
        """A schedule is immutable: every list method that would change it raises TypeError."""
        raise TypeError("TariffSchedule is immutable")

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _immutable
    append = extend = insert = pop = remove = clear = sort = reverse = _immutable

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self))

    def __copy__(self) -> TariffSchedule:
        return self  # immutable

    def __deepcopy__(self, memo: Any) -> TariffSchedule:
        return self  # immutable

    @property
    def base_year(self) -> int:
        """The year whose tariff is the starting point."""
        return self._core.base_year

    @property
    def base_tariff(self) -> Money:
        """The tariff of the base year."""
        return self._core.base_tariff

    @property
    def to_year(self) -> int:
        """The last year of the schedule."""
        return self._core.to_year

    @property
    def final_tariff(self) -> Money:
        """The tariff of ``to_year``."""
        return self._core.final_tariff

    @property
    def rounding(self) -> dict[str, Any]:
        """The tariff rounding applied, as a mapping."""
        return self._core.rounding

    @property
    def tariffs(self) -> dict[int, Money]:
        """The tariff of every year, the base year included."""
        out = {self.base_year: self.base_tariff}
        for row in self:
            out[row.year] = row.tariff
        return out

    def tariff(self, year: int) -> Money:
        """The tariff of ``year`` (the base year included)."""
        return self._core.tariff(year)

    def to_dict(self) -> dict[str, Any]:
        """The schedule as plain Python values."""
        result: dict[str, Any] = self._core.to_dict()
        return result

    def to_json(self) -> str:
        """The schedule as JSON."""
        return self._core.to_json()

    def to_text(self, lang: Union[Lang, str] = "nl") -> str:
        """The schedule as text, in ``"nl"`` (default) or ``"en"``."""
        return self._core.to_text(word(Lang, lang, "lang"))

    def to_svg(self, title: str = "", lang: Union[Lang, str] = "nl") -> str:
        """A standalone SVG step chart of the tariffs over the years."""
        return self._core.to_svg(title, word(Lang, lang, "lang"))


class IndexationClause:
    """The indexation clause of a contract (docs/indexation-clause.md).

    Read it with :meth:`from_dict`, :meth:`load` or :meth:`parse`; the mapping is the one under
    ``indexation:`` in §2 (a mapping with the single key ``indexation`` is unwrapped). A clause
    does not hold figures: its series ids are resolved by every computation against the series
    it is given, and an unknown id is an :class:`~zorginkoop.InvalidInput` naming
    ``components[i].series``. Passing ``series`` when reading checks the ids at once (against
    that set, or the bundled set extended with those series); ``check_series=True`` checks them
    against the bundled set.
    """

    __slots__ = ("_c",)
    _c: _core.IndexationClause

    def __init__(self, core: _core.IndexationClause) -> None:
        if not isinstance(core, _core.IndexationClause):
            raise TypeError("use IndexationClause.from_dict, .load or .parse")
        object.__setattr__(self, "_c", core)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"IndexationClause is immutable: cannot assign {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"IndexationClause is immutable: cannot delete {name!r}")

    # ----------------------------------------------------------------- reading
    @classmethod
    def from_dict(
        cls, mapping: Mapping[str, Any], series: SeriesArg = None, *, check_series: bool | None = None, source: str = ""
    ) -> IndexationClause:
        """Read a clause from a mapping (what ``yaml.safe_load`` gives); series ids are checked against ``series`` when given or when ``check_series`` is true."""
        clause = cls(_core.IndexationClause.from_dict(mapping, source))
        clause._check(series, check_series)
        return clause

    @classmethod
    def load(cls, path: _PathLike, series: SeriesArg = None, *, check_series: bool | None = None) -> IndexationClause:
        """Read a clause from a YAML or JSON file; series ids checked as for :meth:`from_dict`."""
        clause = cls(_core.IndexationClause.load(os.fspath(path)))
        clause._check(series, check_series)
        return clause

    @classmethod
    def parse(
        cls, text: str, series: SeriesArg = None, *, check_series: bool | None = None, source: str = ""
    ) -> IndexationClause:
        """Read a clause from YAML text; series ids checked as for :meth:`from_dict`."""
        clause = cls(_core.IndexationClause.parse(text, source))
        clause._check(series, check_series)
        return clause

    def _check(self, series: SeriesArg, check_series: bool | None) -> None:
        if check_series is None:
            check_series = series is not None
        if check_series:
            self._c.validate(series_set(series))

    def validate(self, series: SeriesArg = None) -> None:
        """InvalidInput at ``components[i].series`` for a series id the set lacks."""
        self._c.validate(series_set(series))

    # ----------------------------------------------------------------- terms
    @property
    def components(self) -> list[tuple[str, decimal.Decimal]]:
        """(series id, weight) per component."""
        return self._c.components

    @property
    def catch_up(self) -> CatchUp:
        """The catch-up method: ``none``, ``multiplicative`` or ``additive``."""
        return CatchUp(self._c.catch_up)

    @property
    def first_contract_year_catch_up(self) -> bool:
        """Whether the catch-up over the first contract year is allowed."""
        return self._c.first_contract_year_catch_up

    @property
    def rate_rounding(self) -> dict[str, Any]:
        """How the rate is rounded (parts, total or none; scale in decimals of the percentage; mode)."""
        return self._c.rate_rounding

    @property
    def tariff_rounding(self) -> dict[str, Any]:
        """How the tariffs are rounded (yearly or cumulative; scale; mode)."""
        return self._c.tariff_rounding

    @property
    def effective(self) -> str:
        """The day of the year the new tariff takes effect (``MM-DD``)."""
        return self._c.effective

    def to_dict(self) -> dict[str, Any]:
        """The clause as plain Python values (loads back equal)."""
        result: dict[str, Any] = self._c.to_dict()
        return result

    def to_yaml(self) -> str:
        """The clause as YAML (loads back equal)."""
        return self._c.to_yaml()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IndexationClause):
            return NotImplemented
        return bool(self._c == other._c)

    def __hash__(self) -> int:
        return hash(self.to_yaml())

    def __repr__(self) -> str:
        parts = ", ".join(f"{s} {w}" for s, w in self.components)
        return f"IndexationClause({parts}; catch_up {self.catch_up})"

    # ----------------------------------------------------------------- computations
    def catch_up_applies(self, year: int, first_contract_year: int | None = None) -> bool:
        """Whether the rate of ``year`` carries a catch-up, given the first contract year."""
        return self._c.catch_up_applies(year, first_contract_year)

    def rate(
        self,
        year: int,
        series: SeriesArg = None,
        first_contract_year: int | None = None,
        as_of: datetime.date | None = None,
    ) -> IndexRate:
        """The rate of ``year`` in percent (applied to the tariff of ``year - 1``). With a
        reference date ``as_of``, every provisional figure whose definitive figure was due by
        then and is not in the series is marked (``figure.definitive_overdue``,
        :attr:`IndexRate.uses_overdue_provisional_figures`)."""
        return IndexRate(self._c.rate(year, series_set(series), first_contract_year, as_of))

    def schedule(
        self,
        tariff: _Amount,
        from_year: int,
        to_year: int,
        series: SeriesArg = None,
        first_contract_year: int | None = None,
        as_of: datetime.date | None = None,
    ) -> TariffSchedule:
        """The tariffs of every year after ``from_year`` (whose tariff is ``tariff``) up to
        ``to_year``; ``as_of`` marks every year's rate as :meth:`rate` does."""
        return TariffSchedule(
            self._c.schedule(tariff, from_year, to_year, series_set(series), first_contract_year, as_of)
        )

    def index(
        self,
        tariff: _Amount,
        from_year: int,
        to_year: int,
        series: SeriesArg = None,
        first_contract_year: int | None = None,
    ) -> Money:
        """The tariff of ``to_year``, indexed from ``from_year``."""
        return self._c.index(tariff, from_year, to_year, series_set(series), first_contract_year)

    def index_many(
        self,
        table: Any,
        series: SeriesArg = None,
        errors: str = "raise",
    ) -> Any:
        """Index many tariffs at once, each row with its own schedule: ``table`` is a pandas
        DataFrame or a mapping of columns ``tariff`` (str, int, decimal.Decimal or Money),
        ``from_year`` and ``to_year`` (int), and optionally ``first_contract_year`` (int or None).
        The series are resolved once for the whole table. Returns the columns ``tariff`` (the
        indexed tariff of ``to_year``, decimal.Decimal) and with ``errors="collect"`` ``error``
        (None or the row's message; the row's tariff is None): a dict of lists, or a DataFrame with
        the table's index. With ``errors="raise"`` the first bad row raises its error, its path
        ``rows[i]`` and, for a DataFrame, its index label in the message."""
        if errors not in ("raise", "collect"):
            raise _core_error("errors must be 'raise' or 'collect'")
        frame = hasattr(table, "iloc") and hasattr(table, "columns")
        if not (frame or isinstance(table, Mapping)):
            raise TypeError(f"table: expected a DataFrame or a mapping of columns, got {type(table).__name__}")
        for name in ("tariff", "from_year", "to_year"):
            if name not in table:
                raise _core_error(f"table: no column {name!r} (tariff, from_year, to_year; first_contract_year optional)")
        columns = {name: list(table[name]) for name in ("tariff", "from_year", "to_year", "first_contract_year")
                   if name in table}
        rows = len(columns["tariff"])
        if any(len(v) != rows for v in columns.values()):
            raise _core_error("table: the columns differ in length")
        labels = list(table.index) if frame else None
        resolved = series_set(series)
        first = columns.get("first_contract_year", [None] * rows)
        out: list[Any] = []
        problems: list[str | None] = []
        for i in range(rows):
            try:
                year = first[i]
                money = self._c.index(columns["tariff"][i], _year(columns["from_year"][i]), _year(columns["to_year"][i]),
                                      resolved, None if year is None or year != year else _year(year))
                out.append(decimal.Decimal(str(money)))
                problems.append(None)
            except ZorginkoopError as e:
                if errors == "raise":
                    label = "" if labels is None else f" (index label {labels[i]!r})"
                    raise type(e)(f"rows[{i}]: {e}{label}", message=e.message, path=f"rows[{i}]" + (
                        f".{e.path}" if e.path else "")) from e
                out.append(None)
                problems.append(f"{e.code}: rows[{i}]: {e}")
        result: dict[str, list[Any]] = {"tariff": out}
        if errors == "collect":
            result["error"] = problems
        if frame:
            return importlib.import_module("pandas").DataFrame(result, index=table.index)
        return result

    def budget_schedule(
        self,
        budget: _Amount,
        from_year: int,
        to_year: int,
        series: SeriesArg = None,
        rounding: RoundingPolicy | None = None,
        first_contract_year: int | None = None,
    ) -> TariffSchedule:
        """A task budget indexed with this clause; ``rounding`` replaces the tariff rounding's
        scale and mode (e.g. whole euros)."""
        return TariffSchedule(
            self._c.budget_schedule(budget, from_year, to_year, series_set(series), rounding, first_contract_year)
        )

    def index_budget(
        self,
        budget: _Amount,
        from_year: int,
        to_year: int,
        series: SeriesArg = None,
        rounding: RoundingPolicy | None = None,
        first_contract_year: int | None = None,
    ) -> Money:
        """The budget of ``to_year``: the final amount of :meth:`budget_schedule`."""
        return self.budget_schedule(budget, from_year, to_year, series, rounding, first_contract_year).final_tariff

    def catch_up_settlement(
        self, turnover: _Amount, year: int, series: SeriesArg = None, first_contract_year: int | None = None
    ) -> CatchUpSettlement:
        """The catch-up the rate of ``year`` would carry (over ``year - 1``), settled instead as
        money on ``turnover``, the turnover of ``year - 1``; with its derivation."""
        return self._c.catch_up_amount(turnover, year, series_set(series), first_contract_year)

    def catch_up_amount(
        self, turnover: _Amount, year: int, series: SeriesArg = None, first_contract_year: int | None = None
    ) -> Money:
        """The amount of :meth:`catch_up_settlement`: positive when the provider is owed."""
        return self.catch_up_settlement(turnover, year, series, first_contract_year).amount

    def check(
        self, years: Iterable[int], series: SeriesArg = None, first_contract_year: int | None = None
    ) -> list[ClauseProblem]:
        """The problems that keep the clause from being complete for the rates of ``years``
        (unknown series, figures not available, rounding not stated); never raises for them."""
        return self._c.check(series_set(series), list(years), first_contract_year)


def check_indexation_clause(
    clause: Mapping[str, Any] | IndexationClause,
    years: Iterable[int],
    series: SeriesArg = None,
    first_contract_year: int | None = None,
) -> list[ClauseProblem]:
    """Check a clause mapping (as in a document) for completeness: weights summing to 1, no
    negative weight, known series with the figures ``years`` need, rounding stated. A clause that
    cannot be read gives an ``invalid`` problem. Returns the problems; never raises for them."""
    if isinstance(clause, IndexationClause):
        return clause.check(years, series, first_contract_year)
    return _core.check_indexation_clause(clause, series_set(series), list(years), first_contract_year)


def clause_problems_report(problems: Sequence[ClauseProblem], subject: str = "") -> Report:
    """The problems of :func:`check_indexation_clause` as a :class:`~zorginkoop.Report` (rule ids
    ``INDEX-<CODE>``, e.g. ``INDEX-WEIGHTS-SUM``; error, or warning for rounding not stated), with
    ``to_text``, ``to_json`` and ``to_sarif`` like the report of a procurement check."""
    return Report.from_core(_core.clause_problems_report(list(problems), subject))
