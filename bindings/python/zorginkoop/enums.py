"""The closed vocabularies of the library as enums.

Each is a ``str`` enum: a member equals its text (``Severity.ERROR == "error"``), formats as its
text (``f"{Severity.ERROR}" == "error"``) and is what the JSON, SARIF and text outputs write, so
code that compares with the plain text keeps working. Every function that takes one of these words
accepts the enum member or its text; a text that is no member is a ``ValueError`` naming the
accepted words (``Lang("de")``). The members are exactly the words of the C++ library (checked by a
test against ``zorginkoop._core.vocabularies()``).
"""

from __future__ import annotations

import enum

from typing import TypeVar, Union

__all__ = [
    "CatchUp",
    "EndOfMonth",
    "IndexStatus",
    "Lang",
    "Law",
    "OverheadConvention",
    "PriceBasis",
    "ProcedureKind",
    "RateRoundingAt",
    "RoundingMode",
    "Severity",
    "Stage",
    "TariffChain",
    "Verdict",
    "word",
]

_E = TypeVar("_E", bound="_TextEnum")


class _TextEnum(str, enum.Enum):
    """A ``str`` enum whose ``str()`` and ``format()`` are its value."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    @classmethod
    def _missing_(cls, value: object) -> None:
        accepted = ", ".join(repr(m.value) for m in cls)
        raise ValueError(f"{value!r} is not a valid {cls.__name__}: expected one of {accepted}")


def word(enum: type[_E], value: _E | str, what: str = "") -> str:
    """The text of ``value`` (a member of ``enum`` or its text) as the C++ library reads it; any
    other text is an :class:`~zorginkoop.InvalidInput` (a ``ValueError``) naming ``what`` and the
    accepted words, as the C++ library answers a wrong word."""
    try:
        return str(enum(value).value)
    except ValueError as e:
        from .errors import InvalidInput

        raise InvalidInput(f"{what}: {e}" if what else str(e), path=what) from None


class Law(_TextEnum):
    """The statute under which care is bought: the Jeugdwet (youth care) or the Wmo 2015 (social
    support)."""

    JEUGDWET = "jeugdwet"
    WMO2015 = "wmo2015"


class Lang(_TextEnum):
    """The languages of messages, reports and rule pages."""

    NL = "nl"
    EN = "en"


class RoundingMode(_TextEnum):
    """How a value is rounded: ``half_up`` (ties away from zero, the Dutch default), ``half_even``
    (ties to even), ``up`` (away from zero), ``down`` (toward zero)."""

    HALF_UP = "half_up"
    HALF_EVEN = "half_even"
    UP = "up"
    DOWN = "down"


class EndOfMonth(_TextEnum):
    """What ``add_months`` does with a day the target month lacks (31 January + 1 month):
    ``clamp`` to the month's last day, or ``refuse`` (AmbiguousDate)."""

    CLAMP = "clamp"
    REFUSE = "refuse"


class IndexStatus(_TextEnum):
    """The status of an index figure: ``provisional`` (the estimate used for the year's tariffs) or
    ``definitive`` (used for the catch-up)."""

    PROVISIONAL = "provisional"
    DEFINITIVE = "definitive"


class CatchUp(_TextEnum):
    """How last year's provisional figures are corrected (nacalculatie)."""

    NONE = "none"
    MULTIPLICATIVE = "multiplicative"
    ADDITIVE = "additive"


class RateRoundingAt(_TextEnum):
    """Where an indexation rate is rounded: each part, the total once, or not at all."""

    PARTS = "parts"
    TOTAL = "total"
    NONE = "none"


class TariffChain(_TextEnum):
    """Tariff rounding over the years: ``yearly`` (each year's tariff rounded before the next) or
    ``cumulative`` (one product of factors, rounded once)."""

    YEARLY = "yearly"
    CUMULATIVE = "cumulative"


class ProcedureKind(_TextEnum):
    """The kind of procurement procedure of a document (``procedure.kind``)."""

    SAS = "sas"
    OPEN_HOUSE = "open_house"
    EUROPEAN_OPEN = "european_open"
    EUROPEAN_RESTRICTED = "european_restricted"
    EUROPEAN_COMPETITIVE_DIALOGUE = "european_competitive_dialogue"
    NEGOTIATED_WITHOUT_NOTICE = "negotiated_without_notice"
    BELOW_THRESHOLD = "below_threshold"
    SUBSIDY = "subsidy"


class Severity(_TextEnum):
    """How much a finding weighs: ``error`` (non-compliance), ``warning`` (a risk or a doubt),
    ``info`` (a note, e.g. that a rule was not evaluated)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Stage(_TextEnum):
    """The stages the procurement rules run in, in order, so that a report reads top-down."""

    REGIME = "regime"
    VALUE = "value"
    PUBLICATION = "publication"
    TERM = "term"
    AWARD = "award"
    PRICE = "price"
    OPEN_HOUSE = "open_house"
    FUNDING = "funding"


class Verdict(_TextEnum):
    """The outcome of the realism check of a tariff (docs/cost-model.md)."""

    REALISTIC = "realistic"
    BELOW_COST = "below_cost"
    IMPLAUSIBLE = "implausible"
    ELEMENTS_MISSING = "elements_missing"


class OverheadConvention(_TextEnum):
    """How a cost model's overhead rate applies: a ``markup`` on the direct cost, or a ``share`` of
    the tariff (docs/cost-model.md)."""

    MARKUP = "markup"
    SHARE = "share"


class PriceBasis(_TextEnum):
    """How a tariff is set: ``fixed`` by the municipality, a ``floor`` the bid must reach, or
    ``substantiated`` by the provider's own cost build-up."""

    FIXED = "fixed"
    FLOOR = "floor"
    SUBSTANTIATED = "substantiated"
