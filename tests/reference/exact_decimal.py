"""The arithmetic convention both plain-Python references share (tariff_reference.py and
indexation_reference.py): at most 18 fractional digits; sums and differences exact; products and
quotients quantized half-even to 18 fractional digits, a quotient rounded correctly; a local
context of 80 significant digits, so that a value that would not be exact raises OverflowError."""

from __future__ import annotations

import re
from decimal import (
    ROUND_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import Any

FRACTION_DIGITS = 18
QUANTUM = Decimal(1).scaleb(-FRACTION_DIGITS)
_HALF_QUANTUM = Decimal(5).scaleb(-FRACTION_DIGITS - 1)
_CONTEXT = Context(prec=80, rounding=ROUND_DOWN, traps=[InvalidOperation, DivisionByZero, Overflow])

MODES = {
    "half_up": ROUND_HALF_UP,
    "half_even": ROUND_HALF_EVEN,
    "up": ROUND_UP,
    "down": ROUND_DOWN,
}


def _exact(op):
    with localcontext(_CONTEXT) as ctx:
        ctx.clear_flags()
        result = op()
        if ctx.flags[Inexact]:
            raise OverflowError("value too large for exact arithmetic at 80 digits")
        return result


def add(*values: Decimal) -> Decimal:
    """Exact sum."""

    def op():
        total = Decimal(0)
        for v in values:
            total = total + v
        return total

    return _exact(op)


def sub(a: Decimal, b: Decimal) -> Decimal:
    """Exact difference."""
    return _exact(lambda: a - b)


def mul(a: Decimal, b: Decimal) -> Decimal:
    """Product quantized to 18 fractional digits, half-even."""
    with localcontext(_CONTEXT) as ctx:
        ctx.clear_flags()
        p = a * b
        if ctx.flags[Inexact]:
            raise OverflowError("product too large for exact arithmetic at 80 digits")
        return p.quantize(QUANTUM, rounding=ROUND_HALF_EVEN)


def div(a: Decimal, b: Decimal) -> Decimal:
    """Exact quotient rounded half-even to 18 fractional digits."""
    if b == 0:
        raise ZeroDivisionError("division by zero")
    with localcontext(_CONTEXT) as ctx:
        ctx.clear_flags()
        q = a / b  # truncated (ROUND_DOWN) at 80 significant digits
        inexact = bool(ctx.flags[Inexact])
        truncated = q.quantize(QUANTUM, rounding=ROUND_DOWN)
        remainder = abs(q - truncated)
        if inexact and remainder == _HALF_QUANTUM:
            # the true quotient lies beyond the apparent tie: round away from zero
            return truncated + QUANTUM.copy_sign(q)
        return q.quantize(QUANTUM, rounding=ROUND_HALF_EVEN)


def round_to(value: Decimal, scale: int, mode: str = "half_up") -> Decimal:
    """Round to ``scale`` fractional digits with a named mode."""
    with localcontext(_CONTEXT):
        return value.quantize(Decimal(1).scaleb(-scale), rounding=MODES[mode])


_DECIMAL_TEXT = re.compile(r"^[+-]?\d+(\.\d+)?$")


def parse_decimal(value: Any, path: str, *, refused: str, expected: str) -> Decimal:
    """An input value as a Decimal: an int, a finite Decimal or a plain decimal string (no exponent),
    with at most 18 fractional digits. A float or bool is a TypeError ("... is refused; <refused>"),
    anything else a ValueError naming `path` ("expected <expected>")."""
    if isinstance(value, (bool, float)):
        raise TypeError(f"{path}: {type(value).__name__} is refused; {refused}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{path}: not a finite decimal")
        d = value
    elif isinstance(value, str):
        text = value.strip()
        if not _DECIMAL_TEXT.match(text):
            raise ValueError(f"{path}: {value!r} is not a decimal number")
        d = Decimal(text)
    else:
        raise ValueError(f"{path}: expected {expected}, got {type(value).__name__}")
    if d.as_tuple().exponent < -FRACTION_DIGITS:
        raise ValueError(f"{path}: more than {FRACTION_DIGITS} fractional digits")
    return d
