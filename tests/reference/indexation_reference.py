"""Independent reference implementation of tariff indexation (docs/indexation-clause.md).

Plain Python with ``decimal`` only; no binary floating point. Same arithmetic convention as
``tariff_reference``: at most 18 fractional digits; every multiplication and division is
quantized to 18 fractional digits half-even (quotients correctly rounded); additions are exact;
a local context with prec=80.

Units: series figures and every rate this module returns are **percent** (``Decimal("6.30")``
means 6.30 %). Internally the computation runs on fractions (percent / 100, exact), because the
multiplicative catch-up is a ratio of factors ``(1 + def) / (1 + prov)``. ``rate_rounding.scale``
counts decimals of the percentage: scale 2 rounds 6.2940 % to 6.29 %, i.e. 4 decimals of the
fraction (0.0629), as in the worked example (6.30 % with ``at: parts``, 6.29 % with ``at: total``).

Interpretation choices (the library follows the same reading)
--------------------------------------------------------------
 1. ``series`` maps a series id to ``{(year, status): percent}`` with status ``"provisional"``
    or ``"definitive"``; percents are Decimals, ints or decimal strings (never float). A figure
    that is needed but absent raises ``MissingFigure`` (a LookupError) naming series, year and
    status; it is never taken as zero.
 2. ``components``: a non-empty list of ``{series, weight}``; weights are non-negative and sum to
    exactly 1; a series may appear only once.
 3. ``catch_up`` defaults to ``none`` when the clause does not state it.
    ``multiplicative``: ``C = sum w_i x ((1 + def_i(t-1)) / (1 + prov_i(t-1)) - 1)``;
    ``additive``: ``C = sum w_i x def_i(t-1) - sum w_i x prov_i(t-1)``. Each term in the written
    order: fraction = percent / 100; ratio = (1 + def) / (1 + prov); term = w x (ratio - 1).
 4. ``first_contract_year_catch_up`` defaults to true. When it is false and a
    ``first_contract_year`` is passed, the catch-up is 0 for every year t with
    t - 1 <= first_contract_year (no catch-up over the first contract year, nor over a year
    before the contract); the definitive figures for those years are then not needed.
    Without ``first_contract_year`` the flag has no effect.
 5. ``rate_rounding``: absent means ``at: none`` (full precision). When the block is present,
    ``at`` defaults to ``total``, ``scale`` to 2 and ``mode`` to ``half_up``. ``parts`` rounds the
    weighted provisional and the catch-up (in percent) each and adds them; ``total`` rounds their
    sum once; ``none`` keeps full precision. Modes as in tariff_reference: half_up, half_even,
    up, down.
 6. ``tariff_rounding``: absent means ``{scale: 2, mode: half_up}``, yearly chain. ``chain`` is
    ``yearly`` (default: tariff(t) = round(tariff(t-1) x (1 + rate(t)))) or ``cumulative``
    (F(t) = F(t-1) x (1 + rate(t)), F(base) = 1, each product quantized; tariff(t) =
    round(base tariff x F(t)); the yearly tariffs are then never fed back).
 7. ``schedule(clause, series, tariff, from_year, to_year)``: ``tariff`` is the tariff valid in
    ``from_year`` (the base year); the list holds one entry ``(year, rate_percent, tariff)`` for
    every year from ``from_year + 1`` to ``to_year`` inclusive (empty when equal). The base tariff
    is used as given (not rounded first). ``first_contract_year`` is passed through to ``rate``.
 8. ``effective`` (``"MM-DD"``, default ``"01-01"``) is recorded but does not change the
    arithmetic: the rate of year t applies to the tariff of year t - 1.
 9. Unknown clause keys are errors (ValueError naming the dotted path).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Mapping

__all__ = ["rate", "schedule", "MissingFigure", "series_from_document", "MODES"]

# The arithmetic convention shared with tariff_reference.py.
from exact_decimal import FRACTION_DIGITS, MODES, add, div, mul, parse_decimal, round_to, sub  # noqa: E402

_ONE = Decimal(1)
_HUNDRED = Decimal(100)

STATUSES = ("provisional", "definitive")


class MissingFigure(LookupError):
    """A series figure needed for a computation is not available."""


# --------------------------------------------------------------------------- parsing

def _dec(value: Any, path: str) -> Decimal:
    return parse_decimal(value, path, refused="use decimal strings", expected="a decimal")


def _scale(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"{path}: expected a whole number")
    try:
        s = int(value)
    except ValueError:
        raise ValueError(f"{path}: expected a whole number") from None
    if s < 0 or s > FRACTION_DIGITS - 2:
        raise ValueError(f"{path}: must be between 0 and {FRACTION_DIGITS - 2}")
    return s


def _mode(value: Any, path: str) -> str:
    if value not in MODES:
        raise ValueError(f"{path}: unknown mode {value!r} (half_up, half_even, up, down)")
    return value


_CLAUSE_KEYS = {
    "components", "catch_up", "first_contract_year_catch_up", "rate_rounding",
    "tariff_rounding", "effective",
}


def _parse_clause(clause: Mapping) -> dict:
    if not isinstance(clause, Mapping):
        raise ValueError("indexation: expected a mapping")
    for key in clause:
        if key not in _CLAUSE_KEYS:
            raise ValueError(f"indexation.{key}: unknown key")
    comps = clause.get("components")
    if not isinstance(comps, (list, tuple)) or not comps:
        raise ValueError("indexation.components: at least one component is required")
    components = []
    seen = set()
    total = Decimal(0)
    for i, c in enumerate(comps):
        path = f"indexation.components[{i}]"
        if not isinstance(c, Mapping):
            raise ValueError(f"{path}: expected a mapping")
        for key in c:
            if key not in ("series", "weight"):
                raise ValueError(f"{path}.{key}: unknown key")
        sid = c.get("series")
        if not isinstance(sid, str) or not sid:
            raise ValueError(f"{path}.series: required")
        if sid in seen:
            raise ValueError(f"{path}.series: series {sid} appears twice")
        seen.add(sid)
        if "weight" not in c:
            raise ValueError(f"{path}.weight: required")
        w = _dec(c["weight"], f"{path}.weight")
        if w < 0:
            raise ValueError(f"{path}.weight: must not be negative")
        total = add(total, w)
        components.append((sid, w))
    if total != 1:
        raise ValueError(f"indexation.components: the weights sum to {total}; they must sum to 1")

    catch_up = clause.get("catch_up", "none")
    if catch_up not in ("none", "multiplicative", "additive"):
        raise ValueError(
            f"indexation.catch_up: unknown value {catch_up!r} (none, multiplicative, additive)"
        )
    first_year_catch_up = clause.get("first_contract_year_catch_up", True)
    if not isinstance(first_year_catch_up, bool):
        raise ValueError("indexation.first_contract_year_catch_up: expected true or false")

    rr = clause.get("rate_rounding")
    if rr is None:
        rate_rounding = {"at": "none", "scale": 2, "mode": "half_up"}
    else:
        if not isinstance(rr, Mapping):
            raise ValueError("indexation.rate_rounding: expected a mapping")
        for key in rr:
            if key not in ("scale", "mode", "at"):
                raise ValueError(f"indexation.rate_rounding.{key}: unknown key")
        at = rr.get("at", "total")
        if at not in ("parts", "total", "none"):
            raise ValueError(f"indexation.rate_rounding.at: unknown value {at!r} (parts, total, none)")
        rate_rounding = {
            "at": at,
            "scale": _scale(rr.get("scale", 2), "indexation.rate_rounding.scale"),
            "mode": _mode(rr.get("mode", "half_up"), "indexation.rate_rounding.mode"),
        }

    tr = clause.get("tariff_rounding")
    if tr is None:
        tr = {}
    if not isinstance(tr, Mapping):
        raise ValueError("indexation.tariff_rounding: expected a mapping")
    for key in tr:
        if key not in ("scale", "mode", "chain"):
            raise ValueError(f"indexation.tariff_rounding.{key}: unknown key")
    chain = tr.get("chain", "yearly")
    if chain not in ("yearly", "cumulative"):
        raise ValueError(f"indexation.tariff_rounding.chain: unknown value {chain!r} (yearly, cumulative)")
    tariff_rounding = {
        "scale": _scale(tr.get("scale", 2), "indexation.tariff_rounding.scale"),
        "mode": _mode(tr.get("mode", "half_up"), "indexation.tariff_rounding.mode"),
        "chain": chain,
    }
    effective = clause.get("effective", "01-01")
    if not isinstance(effective, str) or not re.match(r"^\d\d-\d\d$", effective):
        raise ValueError("indexation.effective: expected MM-DD")
    return {
        "components": components,
        "catch_up": catch_up,
        "first_contract_year_catch_up": first_year_catch_up,
        "rate_rounding": rate_rounding,
        "tariff_rounding": tariff_rounding,
        "effective": effective,
    }


def series_from_document(doc: Mapping) -> tuple[str, dict]:
    """Turn a parsed series file (docs/indexation-clause.md) into (id, {(year, status): percent}).

    Percent values must be strings (quoted in the YAML) or Decimals, never floats.
    """
    sid = doc["id"]
    values: dict = {}
    for i, v in enumerate(doc["values"]):
        path = f"values[{i}]"
        year, status, percent = v["year"], v["status"], v["percent"]
        if isinstance(year, bool) or not isinstance(year, int):
            raise ValueError(f"{path}.year: expected an integer year")
        if status not in STATUSES:
            raise ValueError(f"{path}.status: unknown status {status!r}")
        if not isinstance(percent, (str, Decimal)):
            raise TypeError(f"{path}.percent: must be a quoted decimal string, got {type(percent).__name__}")
        if (year, status) in values:
            raise ValueError(f"{path}: duplicate figure for {year} {status}")
        values[(year, status)] = _dec(percent, f"{path}.percent")
    return sid, values


# --------------------------------------------------------------------------- computation

def _figure(series: Mapping, sid: str, year: int, status: str, used: list) -> Decimal:
    if sid not in series:
        raise MissingFigure(f"series {sid}: unknown series")
    figures = series[sid]
    key = (year, status)
    if key not in figures or figures[key] is None:
        raise MissingFigure(f"series {sid}: no {status} figure for {year}")
    percent = _dec(figures[key], f"series {sid} {year} {status}")
    used.append({"series": sid, "year": year, "status": status, "percent": percent})
    return percent


def _fraction(percent: Decimal) -> Decimal:
    return div(percent, _HUNDRED)


def _percent(fraction: Decimal) -> Decimal:
    return mul(fraction, _HUNDRED)


def rate(clause: Mapping, series: Mapping, year: int, first_contract_year: int | None = None) -> dict:
    """The indexation rate of ``year`` (applied to the tariff of ``year - 1``).

    Returns a dict; all rates in **percent**:
    ``weighted_provisional``, ``catch_up``, ``rate`` (rounded per ``rate_rounding``),
    ``unrounded`` (the same three at full precision), ``rate_fraction`` (rate / 100),
    ``components`` (per series: weight, figures, catch-up term) and ``figures`` (every figure used,
    with series, year, status and percent).
    """
    c = _parse_clause(clause)
    used: list = []
    wp = Decimal(0)
    comp_detail = []
    for sid, w in c["components"]:
        prov = _figure(series, sid, year, "provisional", used)
        wp = add(wp, mul(w, _fraction(prov)))
        comp_detail.append({"series": sid, "weight": w, "provisional": prov})

    skip_catch_up = c["catch_up"] == "none" or (
        first_contract_year is not None
        and not c["first_contract_year_catch_up"]
        and year - 1 <= first_contract_year
    )
    cu = Decimal(0)
    if not skip_catch_up:
        if c["catch_up"] == "multiplicative":
            for detail, (sid, w) in zip(comp_detail, c["components"]):
                prev_prov = _fraction(_figure(series, sid, year - 1, "provisional", used))
                prev_def = _fraction(_figure(series, sid, year - 1, "definitive", used))
                factor_minus_one = sub(div(add(_ONE, prev_def), add(_ONE, prev_prov)), _ONE)
                term = mul(w, factor_minus_one)
                detail["catch_up_factor_minus_one"] = _percent(factor_minus_one)
                detail["catch_up_term"] = _percent(term)
                cu = add(cu, term)
        else:  # additive
            weighted_def = Decimal(0)
            weighted_prov = Decimal(0)
            for detail, (sid, w) in zip(comp_detail, c["components"]):
                prev_prov = _fraction(_figure(series, sid, year - 1, "provisional", used))
                prev_def = _fraction(_figure(series, sid, year - 1, "definitive", used))
                weighted_def = add(weighted_def, mul(w, prev_def))
                weighted_prov = add(weighted_prov, mul(w, prev_prov))
                detail["catch_up_term"] = _percent(sub(mul(w, prev_def), mul(w, prev_prov)))
            cu = sub(weighted_def, weighted_prov)

    wp_pct = _percent(wp)
    cu_pct = _percent(cu)
    raw_pct = add(wp_pct, cu_pct)
    rr = c["rate_rounding"]
    if rr["at"] == "parts":
        wp_out = round_to(wp_pct, rr["scale"], rr["mode"])
        cu_out = round_to(cu_pct, rr["scale"], rr["mode"])
        rate_pct = add(wp_out, cu_out)
    elif rr["at"] == "total":
        wp_out, cu_out = wp_pct, cu_pct
        rate_pct = round_to(raw_pct, rr["scale"], rr["mode"])
    else:
        wp_out, cu_out, rate_pct = wp_pct, cu_pct, raw_pct

    return {
        "year": year,
        "weighted_provisional": wp_out,
        "catch_up": cu_out,
        "rate": rate_pct,
        "rate_fraction": _fraction(rate_pct),
        "catch_up_applied": not skip_catch_up,
        "unrounded": {"weighted_provisional": wp_pct, "catch_up": cu_pct, "rate": raw_pct},
        "components": comp_detail,
        "figures": used,
        "clause": c,
    }


def schedule(
    clause: Mapping,
    series: Mapping,
    tariff: Any,
    from_year: int,
    to_year: int,
    first_contract_year: int | None = None,
) -> list[tuple[int, Decimal, Decimal]]:
    """Tariffs for every year after the base year ``from_year`` up to ``to_year``.

    Returns ``[(year, rate_percent, tariff), ...]`` for years ``from_year + 1 .. to_year``.
    """
    c = _parse_clause(clause)
    if to_year < from_year:
        raise ValueError("schedule: to_year is before from_year")
    base = _dec(tariff, "tariff")
    tr = c["tariff_rounding"]
    out = []
    current = base
    factor = _ONE
    for year in range(from_year + 1, to_year + 1):
        r = rate(clause, series, year, first_contract_year)
        step = add(_ONE, r["rate_fraction"])
        if tr["chain"] == "cumulative":
            factor = mul(factor, step)
            current = round_to(mul(base, factor), tr["scale"], tr["mode"])
        else:
            current = round_to(mul(current, step), tr["scale"], tr["mode"])
        out.append((year, r["rate"], current))
    return out
