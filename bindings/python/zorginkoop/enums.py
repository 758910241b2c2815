"""The closed vocabularies of the library as enums.

Each is a ``str`` enum: a member equals its text (``Severity.ERROR == "error"``), formats as its
text (``f"{Severity.ERROR}" == "error"``) and is what the JSON, SARIF and text outputs write, so
code that compares with the plain text keeps working.
"""

from __future__ import annotations

import enum

__all__ = ["PriceBasis", "Severity", "Stage", "Verdict"]


class _TextEnum(str, enum.Enum):
    """A ``str`` enum whose ``str()`` and ``format()`` are its value."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


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


class PriceBasis(_TextEnum):
    """How a tariff is set: ``fixed`` by the municipality, a ``floor`` the bid must reach, or
    ``substantiated`` by the provider's own cost build-up."""

    FIXED = "fixed"
    FLOOR = "floor"
    SUBSTANTIATED = "substantiated"
