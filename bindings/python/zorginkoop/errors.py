"""The exceptions zorginkoop raises, one class per C++ error code.

Non-compliance of a document is never an exception: it is a Finding in a Report. Exceptions are for
misuse and for input that cannot be read. Test on the class or on ``code``, not on the text.
"""

from __future__ import annotations

__all__ = [
    "ZorginkoopError",
    "InvalidInput",
    "ParseError",
    "MissingData",
    "AmbiguousDate",
    "Overflow",
]


class ZorginkoopError(Exception):
    """Base class. ``path`` names the place in the input (``lots[1].products[3].tariff``);
    ``line`` and ``column`` are 1-based, 0 when unknown; ``source`` is the file name."""

    code: str = "error"

    def __init__(
        self,
        text: str,
        *,
        message: str | None = None,
        path: str = "",
        line: int = 0,
        column: int = 0,
        source: str = "",
    ) -> None:
        super().__init__(text)
        self.message: str = message if message is not None else text
        self.path: str = path
        self.line: int = line
        self.column: int = column
        self.source: str = source


class InvalidInput(ZorginkoopError, ValueError):
    """A well-formed value that is not allowed (negative salary, unknown law id, ...)."""

    code = "invalid_input"


class ParseError(ZorginkoopError, ValueError):
    """Input that cannot be read: malformed YAML/JSON, unknown or duplicate key, wrong type."""

    code = "parse_error"


class MissingData(ZorginkoopError, LookupError):
    """A figure that is needed but not available, e.g. an index figure not yet published."""

    code = "missing_data"

    def __init__(
        self,
        text: str,
        *,
        series: str = "",
        year: int = 0,
        status: str = "",
        **kwargs: object,
    ) -> None:
        super().__init__(text, **kwargs)  # type: ignore[arg-type]
        self.series: str = series
        self.year: int = year
        self.status: str = status


class AmbiguousDate(ZorginkoopError, ValueError):
    """Date arithmetic without a single right answer under the chosen end-of-month policy."""

    code = "ambiguous_date"


class Overflow(ZorginkoopError, ArithmeticError):
    """A value outside the exact range of the library's numbers (never wraps)."""

    code = "overflow"
