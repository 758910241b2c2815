"""Independent reference implementation of the tariff build-up (docs/cost-model.md).

Plain Python with ``decimal`` only; no binary floating point anywhere. The C++ library is tested
against this module, so it follows the same arithmetic convention and the same reading of the
specification, listed below.

Arithmetic convention
---------------------
* Every value has at most 18 fractional digits. Input values with more are refused.
* After every multiplication and every division the result is quantized to 18 fractional digits
  with ROUND_HALF_EVEN. Additions and subtractions are exact. A local decimal context with
  prec=80 is used so that nothing else rounds; a product or sum that would not be exact at 80
  significant digits raises OverflowError. A quotient is rounded correctly: it equals the exact
  quotient rounded half-even to 18 fractional digits (the one case where a quotient truncated at
  80 digits looks like a tie but is not is resolved to the correct side).
* Formulas are evaluated in their written order, left to right, each operation rounded as above:
  ``L = ((salary x 12) x (1 + allowances)) x (1 + employer_charges)`` (the allowances summed
  exactly first); ``L_mix = sum (share_i x L_i)``;
  ``P = (((annual - leave - public_holiday) x (1 - sickness)) - training - meeting) x (1 - indirect)``
  or ``annual x productivity``; ``professional = L_mix / annual``; ``K = L_mix / P``;
  ``non_productive = K - professional``;
  ``h = (staff_hours_per_unit x staff_per_group) / (group_size x occupancy)``;
  line amounts ``professional x h``, ``non_productive x h``; training share ``(share x K) x h``;
  overhead markup ``Dc x rate``, share ``(Dc x rate) / (1 - rate)``; risk ``(Dc + O) x rate``;
  indexation ``(Dc + O + risk) x rate``.

Interpretation choices (the library follows the same reading)
--------------------------------------------------------------
 1. Inputs are strings, ints or Decimals. ``float`` and ``bool`` are refused with TypeError.
    Strings must be plain decimal notation (``"12.30"``, ``"-0.31"``, no exponent). Errors name the
    dotted path of the field, with list indexes from 0 (``staff[0].monthly_salary``). Unknown keys
    are errors. ``zorginkoop_cost_model`` may be absent or 1; ``law`` may be absent, ``jeugdwet`` or
    ``wmo2015``; ``name`` is free text.
 2. ``unit`` is a WJ756 code string: ``01`` minuut, ``04`` uur, ``14`` etmaal, ``16`` dagdeel,
    ``82`` stuks (output), ``83`` euro's, ``84`` stuks (inspanning); the names ``minuut``, ``uur``,
    ``etmaal``, ``dagdeel``, ``stuks_output``, ``euro``, ``stuks_inspanning`` are accepted and
    reported as their code. Any other value (also the int 4 or the string "4") is an error. For
    ``83`` the result is the euro amount of one output unit; in iJw messages it travels as a
    volume in eurocents, not as a ProductTarief (CD087).
 3. Staff: the list must not be empty; ``monthly_salary`` and ``share`` are required; every
    allowance and ``employer_charges`` defaults to 0 when absent. No value may be negative. The
    shares must sum to exactly 1 (no tolerance). ``function`` and ``cao`` are descriptive and do
    not enter the computation.
 4. Annual hours: ``annual_hours``; or ``hours_per_week x weeks_per_year``; when
    ``weeks_per_year`` is absent it is 52 1/6, computed exactly as ``(hours_per_week x 313) / 6``
    (36 h/week gives 1878). Giving both ``annual_hours`` and ``hours_per_week`` is an error, and
    so is ``weeks_per_year`` without ``hours_per_week``. Annual hours must be positive.
 5. Hour lines absent from ``hours`` count as 0. With ``productivity`` (0 < productivity <= 1),
    none of ``leave_hours``, ``public_holiday_hours``, ``sickness``, ``training_hours``,
    ``meeting_hours``, ``indirect`` may be present. ``sickness`` and ``indirect`` are fractions in
    [0, 1). P must come out positive. The result reports the derived productivity P / annual.
 6. ``h`` defaults: ``staff_hours_per_unit`` 1 for uur and minuut, 4 for dagdeel, 24 for etmaal;
    required for 82, 83, 84. A value given in ``delivery`` always wins over the default.
    ``staff_per_group``, ``group_size``, ``occupancy`` default to 1. All must be positive and
    ``occupancy`` at most 1. Group products use the same formula (``h`` per client).
 7. Minute unit (``01``): the build-up (lines, total, rounding policy) is that of the hourly tariff
    with ``h`` as for unit ``04``; ``hourly_tariff`` is the rounded hourly tariff and ``tariff`` is
    ``round_half_up(hourly_tariff / 60, 2)`` (IV081), whatever the model's rounding mode.
    ``total`` stays the unrounded hourly total.
 8. Every amount written ``per_hour`` is per personnel hour and is multiplied by ``h``; every
    amount written ``per_unit`` is per unit (per client for group products) and is added as is,
    not multiplied by ``h`` and not divided by the group size.
 9. ``travel``: exactly one of ``{per_hour}``, ``{km_per_hour, rate_per_km}`` (together; amount
    ``((km_per_hour x rate_per_km) x h)``), ``{per_unit}``.
10. ``training``: exactly one of ``{share_of_personnel}`` (``(share x K) x h``, K being the cost per
    productive hour), ``{per_fte_year}`` (``(per_fte_year / P) x h``), ``{per_unit}``.
11. ``municipal_obligations``: exactly one of ``{per_hour}`` (x h), ``{hours_per_unit}`` (staff
    hours per unit spent on the obligations, priced at K: ``hours_per_unit x K``, not multiplied
    by ``h``), ``{per_unit}``.
12. ``client_bound_other``: exactly one of ``{per_unit}`` (materials, food; added as is) or the
    accommodation form ``{per_bed_year, occupancy}`` (both required; occupancy in (0, 1], the
    block's own, independent of ``delivery.occupancy``). Accommodation is only allowed for unit
    ``14`` (etmaal) and adds ``per_bed_year / (365 x occupancy)`` per etmaal.
13. ``overhead``: ``rate`` >= 0 and ``convention`` ``markup`` (default) or ``share``; for
    ``share`` the rate must be below 1. ``risk_margin``: ``rate`` >= 0. ``indexation``: exactly
    one of ``{clause: true}`` (covered by the contract's clause: the line is listed with amount 0)
    or ``{rate}`` (rate >= 0, built in). ``{clause: false}`` alone is an error (leave the block
    out instead). Every element block may carry a free-text ``note``.
14. Lines are listed in the fixed order professional, non_productive, travel, training,
    municipal_obligations, client_bound_other, overhead, risk_margin, indexation; a line appears
    only when its block is in the model (professional and non_productive always). Direct cost
    ``Dc`` is the sum of the first six.
15. Rounding: ``mode`` half_up (default; ties away from zero), half_even, up (away from zero),
    down (towards zero); ``scale`` default 2; ``at`` a list of ``final`` (default), ``line``,
    ``hour_cost``. The final tariff is always rounded (a tariff is a whole number of cents), so
    ``final`` is implied and ``at`` adds earlier rounding points:
    ``hour_cost`` rounds ``professional`` per paid hour and ``K`` to the policy before use (and
    ``non_productive`` is the difference of the rounded values); ``line`` rounds every line amount
    before it is summed, and overhead, risk margin and indexation are computed from the rounded
    lines and rounded themselves. ``multiple_of`` (positive) replaces the final scale rounding:
    tariff = (total / multiple_of rounded to an integer with the mode) x multiple_of, written
    with at least ``scale`` decimals (60.00, not 60).
16. ``build_up`` raises ValueError (with the dotted path in the message) for invalid models, and
    ZeroDivisionError never escapes: zero divisors are caught by the validations above.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Any, Mapping

__all__ = [
    "build_up",
    "minute_tariff",
    "minute_invoice",
    "round_to",
    "MODES",
    "UNITS",
]

# --------------------------------------------------------------------------- arithmetic

# The arithmetic convention shared with indexation_reference.py.
from exact_decimal import FRACTION_DIGITS, MODES, add, div, mul, parse_decimal, round_to, sub  # noqa: E402
from exact_decimal import _CONTEXT, _exact  # noqa: E402


def round_to_multiple(value: Decimal, multiple: Decimal, mode: str, scale: int = 2) -> Decimal:
    """Round to a multiple of ``multiple``: (value / multiple) to an integer with ``mode``, times
    multiple. The quotient is decided exactly, on integers (value and multiple have at most 18
    fractional digits), so a quotient a hair below a whole number is never rounded up first.
    The result is written with at least ``scale`` decimals.
    """
    scale_up = Decimal(10) ** FRACTION_DIGITS
    with localcontext(_CONTEXT):
        v = int((value * scale_up).to_integral_exact())
        m = int((multiple * scale_up).to_integral_exact())
    q, r = divmod(abs(v), m)
    sign = -1 if v < 0 else 1
    if r:
        twice = 2 * r
        if mode == "up" or (mode == "half_up" and twice >= m) or (
            mode == "half_even" and (twice > m or (twice == m and q % 2 == 1))
        ):
            q += 1
    n = Decimal(sign * q)
    result = _exact(lambda: n * multiple)
    if -result.as_tuple().exponent < scale:
        result = _exact(lambda: result.quantize(Decimal(1).scaleb(-scale)))
    return result


# --------------------------------------------------------------------------- parsing

def _dec(value: Any, path: str) -> Decimal:
    return parse_decimal(value, path, refused="write amounts as decimal strings", expected="a decimal string")


def _mapping(value: Any, path: str) -> Mapping:
    if not isinstance(value, Mapping):
        raise ValueError(f"{path}: expected a mapping")
    return value


def _check_keys(block: Mapping, allowed: set, path: str) -> None:
    for key in block:
        if key not in allowed:
            where = f"{path}.{key}" if path else str(key)
            raise ValueError(f"{where}: unknown key")


def _get(block: Mapping, key: str, path: str, *, default=None, required=False) -> Decimal | None:
    full = f"{path}.{key}" if path else key
    if key not in block or block[key] is None:
        if required:
            raise ValueError(f"{full}: required")
        return default
    return _dec(block[key], full)


def _nonneg(v: Decimal, path: str) -> Decimal:
    if v < 0:
        raise ValueError(f"{path}: must not be negative (got {v})")
    return v


def _positive(v: Decimal, path: str) -> Decimal:
    if v <= 0:
        raise ValueError(f"{path}: must be positive (got {v})")
    return v


def _fraction_below_one(v: Decimal, path: str) -> Decimal:
    if v < 0 or v >= 1:
        raise ValueError(f"{path}: must be a fraction in [0, 1) (got {v})")
    return v


# --------------------------------------------------------------------------- units

# code -> (name, default staff_hours_per_unit or None when required)
UNIT_NAMES = {
    "minuut": "01", "uur": "04", "etmaal": "14", "dagdeel": "16",
    "stuks_output": "82", "euro": "83", "stuks_inspanning": "84",
}
UNITS: dict[str, tuple[str, Decimal | None]] = {
    "01": ("minuut", Decimal(1)),
    "04": ("uur", Decimal(1)),
    "14": ("etmaal", Decimal(24)),
    "16": ("dagdeel", Decimal(4)),
    "82": ("stuks (output)", None),
    "83": ("euro's", None),
    "84": ("stuks (inspanning)", None),
}

_TOP_KEYS = {
    "zorginkoop_cost_model", "name", "law", "unit", "staff", "hours", "travel", "training",
    "municipal_obligations", "client_bound_other", "overhead", "risk_margin", "indexation",
    "delivery", "rounding",
}
_STAFF_KEYS = {
    "function", "monthly_salary", "cao", "share", "holiday_pay", "year_end_bonus",
    "irregular_hours", "other_allowances", "employer_charges",
}
_ALLOWANCES = ("holiday_pay", "year_end_bonus", "irregular_hours", "other_allowances")
_HOUR_LINES = (
    "leave_hours", "public_holiday_hours", "sickness", "training_hours", "meeting_hours",
    "indirect",
)
_HOURS_KEYS = {"annual_hours", "hours_per_week", "weeks_per_year", "productivity", *_HOUR_LINES}
_DELIVERY_KEYS = {"staff_hours_per_unit", "staff_per_group", "group_size", "occupancy"}
_ROUNDING_KEYS = {"mode", "scale", "at", "multiple_of"}
_AT_VALUES = {"final", "line", "hour_cost"}
LINE_ORDER = (
    "professional", "non_productive", "travel", "training", "municipal_obligations",
    "client_bound_other", "overhead", "risk_margin", "indexation",
)


def minute_tariff(hourly: Any) -> Decimal:
    """IV081: the minute tariff of an hourly tariff, round_half_up(hourly / 60, 2)."""
    h = _dec(hourly, "hourly")
    return round_to(div(h, Decimal(60)), 2, "half_up")


def minute_invoice(hourly: Any, minutes: Any) -> Decimal:
    """IV081: the invoiced amount for m minutes, round_half_up(hourly x m / 60, 2)."""
    h = _dec(hourly, "hourly")
    m = _dec(minutes, "minutes")
    return round_to(div(mul(h, m), Decimal(60)), 2, "half_up")


# --------------------------------------------------------------------------- the model parts

def _policy(model: Mapping) -> dict:
    block = model.get("rounding")
    if block is None:
        block = {}
    block = _mapping(block, "rounding")
    _check_keys(block, _ROUNDING_KEYS, "rounding")
    mode = block.get("mode", "half_up")
    if mode not in MODES:
        raise ValueError(f"rounding.mode: unknown mode {mode!r} (half_up, half_even, up, down)")
    scale = block.get("scale", 2)
    if isinstance(scale, bool) or not isinstance(scale, (int, str)):
        raise ValueError("rounding.scale: expected a whole number")
    try:
        scale = int(scale)
    except ValueError:
        raise ValueError("rounding.scale: expected a whole number") from None
    if scale < 0 or scale > FRACTION_DIGITS:
        raise ValueError(f"rounding.scale: must be between 0 and {FRACTION_DIGITS}")
    at = block.get("at", ["final"])
    if isinstance(at, str):
        at = [at]
    if not isinstance(at, (list, tuple)):
        raise ValueError("rounding.at: expected a list")
    for i, a in enumerate(at):
        if a not in _AT_VALUES:
            raise ValueError(f"rounding.at[{i}]: unknown rounding point {a!r}")
    multiple_of = _get(block, "multiple_of", "rounding")
    if multiple_of is not None:
        _positive(multiple_of, "rounding.multiple_of")
    return {
        "mode": mode,
        "scale": scale,
        "at": sorted(set(at) | {"final"}, key=["hour_cost", "line", "final"].index),
        "multiple_of": multiple_of,
    }


def _staff(model: Mapping) -> tuple[Decimal, list[Decimal]]:
    staff = model.get("staff")
    if not isinstance(staff, (list, tuple)) or not staff:
        raise ValueError("staff: at least one staff line is required")
    l_mix = Decimal(0)
    share_sum = Decimal(0)
    costs = []
    for i, line in enumerate(staff):
        path = f"staff[{i}]"
        line = _mapping(line, path)
        _check_keys(line, _STAFF_KEYS, path)
        salary = _nonneg(_get(line, "monthly_salary", path, required=True), f"{path}.monthly_salary")
        share = _nonneg(_get(line, "share", path, required=True), f"{path}.share")
        uplift = Decimal(1)
        for key in _ALLOWANCES:
            v = _nonneg(_get(line, key, path, default=Decimal(0)), f"{path}.{key}")
            uplift = add(uplift, v)
        charges = _nonneg(
            _get(line, "employer_charges", path, default=Decimal(0)), f"{path}.employer_charges"
        )
        if "cao" in line and line["cao"] is not None:
            _mapping(line["cao"], f"{path}.cao")
        cost = mul(mul(mul(salary, Decimal(12)), uplift), add(Decimal(1), charges))
        costs.append(cost)
        share_sum = add(share_sum, share)
        l_mix = add(l_mix, mul(share, cost))
    if share_sum != 1:
        raise ValueError(
            f"staff: the shares (staff[].share) sum to {share_sum}; they must sum to exactly 1"
        )
    return l_mix, costs


def _hours(model: Mapping) -> tuple[Decimal, Decimal]:
    block = _mapping(model.get("hours"), "hours") if "hours" in model else None
    if block is None:
        raise ValueError("hours: required")
    _check_keys(block, _HOURS_KEYS, "hours")
    annual = _get(block, "annual_hours", "hours")
    per_week = _get(block, "hours_per_week", "hours")
    weeks = _get(block, "weeks_per_year", "hours")
    if annual is not None and per_week is not None:
        raise ValueError("hours.hours_per_week: give either annual_hours or hours_per_week, not both")
    if weeks is not None and per_week is None:
        raise ValueError("hours.weeks_per_year: only allowed together with hours_per_week")
    if annual is None:
        if per_week is None:
            raise ValueError("hours.annual_hours: required (or hours_per_week)")
        _positive(per_week, "hours.hours_per_week")
        if weeks is None:
            annual = div(mul(per_week, Decimal(313)), Decimal(6))  # 52 1/6 weeks
        else:
            annual = mul(per_week, _positive(weeks, "hours.weeks_per_year"))
    _positive(annual, "hours.annual_hours")

    productivity = _get(block, "productivity", "hours")
    if productivity is not None:
        present = [k for k in _HOUR_LINES if k in block]
        if present:
            raise ValueError(
                "hours.productivity: give either productivity or the hour lines, not both "
                f"(also present: {', '.join('hours.' + k for k in present)})"
            )
        if productivity <= 0 or productivity > 1:
            raise ValueError(f"hours.productivity: must be in (0, 1] (got {productivity})")
        return annual, mul(annual, productivity)

    leave = _nonneg(_get(block, "leave_hours", "hours", default=Decimal(0)), "hours.leave_hours")
    holidays = _nonneg(
        _get(block, "public_holiday_hours", "hours", default=Decimal(0)), "hours.public_holiday_hours"
    )
    sickness = _fraction_below_one(
        _get(block, "sickness", "hours", default=Decimal(0)), "hours.sickness"
    )
    training = _nonneg(
        _get(block, "training_hours", "hours", default=Decimal(0)), "hours.training_hours"
    )
    meeting = _nonneg(
        _get(block, "meeting_hours", "hours", default=Decimal(0)), "hours.meeting_hours"
    )
    indirect = _fraction_below_one(
        _get(block, "indirect", "hours", default=Decimal(0)), "hours.indirect"
    )
    p = mul(
        sub(sub(mul(sub(sub(annual, leave), holidays), sub(Decimal(1), sickness)), training), meeting),
        sub(Decimal(1), indirect),
    )
    if p <= 0:
        raise ValueError(f"hours: the productive hours P come out at {p}; they must be positive")
    return annual, p


def _delivery(model: Mapping, unit: str) -> Decimal:
    """Return h, the personnel hours per unit."""
    block = model.get("delivery")
    if block is None:
        block = {}
    block = _mapping(block, "delivery")
    _check_keys(block, _DELIVERY_KEYS, "delivery")
    default_hours = UNITS[unit][1]
    shpu = _get(block, "staff_hours_per_unit", "delivery", default=default_hours)
    if shpu is None:
        raise ValueError(
            f"delivery.staff_hours_per_unit: required for unit {unit} ({UNITS[unit][0]})"
        )
    _positive(shpu, "delivery.staff_hours_per_unit")
    per_group = _positive(
        _get(block, "staff_per_group", "delivery", default=Decimal(1)), "delivery.staff_per_group"
    )
    group = _positive(_get(block, "group_size", "delivery", default=Decimal(1)), "delivery.group_size")
    occupancy = _get(block, "occupancy", "delivery", default=Decimal(1))
    _occupancy(occupancy, "delivery.occupancy")
    return div(mul(shpu, per_group), mul(group, occupancy))


def _occupancy(v: Decimal, path: str) -> Decimal:
    if v <= 0 or v > 1:
        raise ValueError(f"{path}: must be in (0, 1] (got {v})")
    return v


def _one_form(block: Mapping, forms: list[tuple[str, ...]], path: str) -> tuple[str, ...]:
    """Exactly one of the key groups in ``forms`` must be present (complete)."""
    found = [f for f in forms if any(k in block for k in f)]
    if len(found) != 1:
        names = " | ".join("{" + ", ".join(f) + "}" for f in forms)
        raise ValueError(f"{path}: give exactly one of {names}")
    form = found[0]
    for k in form:
        if k not in block:
            raise ValueError(f"{path}.{k}: required together with {', '.join(form)}")
    return form


# --------------------------------------------------------------------------- build-up

def build_up(model: Mapping) -> dict:
    """Compute the tariff build-up of a cost model (docs/cost-model.md).

    Returns a dict with ``tariff`` (rounded), ``total`` (unrounded), ``lines`` (list of
    {"line", "amount"}), ``annual_cost_per_fte`` (L_mix), ``productive_hours`` (P),
    ``professional_per_hour``, ``cost_per_productive_hour`` (K), ``hours_per_unit`` (h) and
    further detail (``direct_cost``, ``productivity``, ``annual_hours``, ``staff_annual_costs``,
    ``unit``, ``policy``, and ``hourly_tariff`` for the minute unit).
    """
    model = _mapping(model, "model")
    _check_keys(model, _TOP_KEYS, "")
    version = model.get("zorginkoop_cost_model", 1)
    if version != 1 or isinstance(version, bool):
        raise ValueError(f"zorginkoop_cost_model: unsupported format version {version!r}")
    law = model.get("law")
    if law is not None and law not in ("jeugdwet", "wmo2015"):
        raise ValueError(f"law: unknown law {law!r} (jeugdwet, wmo2015)")
    unit = model.get("unit")
    if isinstance(unit, str):
        unit = UNIT_NAMES.get(unit, unit)
    if not isinstance(unit, str) or unit not in UNITS:
        raise ValueError(f"unit: unknown unit code {unit!r} (01, 04, 14, 16, 82, 83, 84)")

    policy = _policy(model)
    scale, mode = policy["scale"], policy["mode"]

    def r(x: Decimal) -> Decimal:
        return round_to(x, scale, mode)

    round_lines = "line" in policy["at"]

    def line_amount(x: Decimal) -> Decimal:
        return r(x) if round_lines else x

    l_mix, staff_costs = _staff(model)
    annual, p = _hours(model)
    h = _delivery(model, unit)

    professional_per_hour = div(l_mix, annual)
    k = div(l_mix, p)
    if "hour_cost" in policy["at"]:
        professional_per_hour = r(professional_per_hour)
        k = r(k)
    non_productive_per_hour = sub(k, professional_per_hour)

    lines: list[dict] = []

    def put(name: str, amount: Decimal) -> Decimal:
        amount = line_amount(amount)
        lines.append({"line": name, "amount": amount})
        return amount

    put("professional", mul(professional_per_hour, h))
    put("non_productive", mul(non_productive_per_hour, h))

    if "travel" in model:
        block = _mapping(model["travel"], "travel")
        _check_keys(block, {"per_hour", "km_per_hour", "rate_per_km", "per_unit", "note"}, "travel")
        form = _one_form(block, [("per_hour",), ("km_per_hour", "rate_per_km"), ("per_unit",)], "travel")
        if form == ("per_hour",):
            amount = mul(_nonneg(_get(block, "per_hour", "travel"), "travel.per_hour"), h)
        elif form == ("per_unit",):
            amount = _nonneg(_get(block, "per_unit", "travel"), "travel.per_unit")
        else:
            km = _nonneg(_get(block, "km_per_hour", "travel"), "travel.km_per_hour")
            rate = _nonneg(_get(block, "rate_per_km", "travel"), "travel.rate_per_km")
            amount = mul(mul(km, rate), h)
        put("travel", amount)

    if "training" in model:
        block = _mapping(model["training"], "training")
        _check_keys(block, {"share_of_personnel", "per_fte_year", "per_unit", "note"}, "training")
        form = _one_form(block, [("share_of_personnel",), ("per_fte_year",), ("per_unit",)], "training")
        if form == ("share_of_personnel",):
            share = _nonneg(_get(block, "share_of_personnel", "training"), "training.share_of_personnel")
            amount = mul(mul(share, k), h)
        elif form == ("per_fte_year",):
            per_fte = _nonneg(_get(block, "per_fte_year", "training"), "training.per_fte_year")
            amount = mul(div(per_fte, p), h)
        else:
            amount = _nonneg(_get(block, "per_unit", "training"), "training.per_unit")
        put("training", amount)

    if "municipal_obligations" in model:
        path = "municipal_obligations"
        block = _mapping(model[path], path)
        _check_keys(block, {"per_hour", "hours_per_unit", "per_unit", "note"}, path)
        form = _one_form(block, [("per_hour",), ("hours_per_unit",), ("per_unit",)], path)
        if form == ("per_hour",):
            amount = mul(_nonneg(_get(block, "per_hour", path), f"{path}.per_hour"), h)
        elif form == ("hours_per_unit",):
            amount = mul(_nonneg(_get(block, "hours_per_unit", path), f"{path}.hours_per_unit"), k)
        else:
            amount = _nonneg(_get(block, "per_unit", path), f"{path}.per_unit")
        put("municipal_obligations", amount)

    if "client_bound_other" in model:
        path = "client_bound_other"
        block = _mapping(model[path], path)
        _check_keys(block, {"per_unit", "per_bed_year", "occupancy", "note"}, path)
        form = _one_form(block, [("per_unit",), ("per_bed_year", "occupancy")], path)
        if form == ("per_unit",):
            amount = _nonneg(_get(block, "per_unit", path), f"{path}.per_unit")
        else:
            if unit != "14":
                raise ValueError(
                    f"{path}.per_bed_year: accommodation per bed-year is only allowed for unit 14 (etmaal)"
                )
            per_bed = _nonneg(_get(block, "per_bed_year", path), f"{path}.per_bed_year")
            occupancy = _occupancy(_get(block, "occupancy", path), f"{path}.occupancy")
            amount = div(per_bed, mul(Decimal(365), occupancy))
        put("client_bound_other", amount)

    direct_cost = add(*(ln["amount"] for ln in lines))

    overhead = Decimal(0)
    if "overhead" in model:
        block = _mapping(model["overhead"], "overhead")
        _check_keys(block, {"rate", "convention", "note"}, "overhead")
        rate = _nonneg(_get(block, "rate", "overhead", required=True), "overhead.rate")
        convention = block.get("convention", "markup")
        if convention == "markup":
            amount = mul(direct_cost, rate)
        elif convention == "share":
            if rate >= 1:
                raise ValueError("overhead.rate: must be below 1 with convention share")
            amount = div(mul(direct_cost, rate), sub(Decimal(1), rate))
        else:
            raise ValueError(f"overhead.convention: unknown convention {convention!r} (markup, share)")
        overhead = put("overhead", amount)

    risk = Decimal(0)
    if "risk_margin" in model:
        block = _mapping(model["risk_margin"], "risk_margin")
        _check_keys(block, {"rate", "note"}, "risk_margin")
        rate = _nonneg(_get(block, "rate", "risk_margin", required=True), "risk_margin.rate")
        risk = put("risk_margin", mul(add(direct_cost, overhead), rate))

    if "indexation" in model:
        block = _mapping(model["indexation"], "indexation")
        _check_keys(block, {"clause", "rate", "note"}, "indexation")
        has_clause = "clause" in block
        has_rate = "rate" in block
        if has_clause == has_rate:
            raise ValueError("indexation: give exactly one of {clause: true} or {rate}")
        if has_clause:
            if block["clause"] is not True:
                raise ValueError(
                    "indexation.clause: must be true (leave the indexation block out when not covered)"
                )
            put("indexation", Decimal(0))
        else:
            rate = _nonneg(_get(block, "rate", "indexation", required=True), "indexation.rate")
            put("indexation", mul(add(direct_cost, overhead, risk), rate))

    total = add(*(ln["amount"] for ln in lines))
    if policy["multiple_of"] is not None:
        tariff = round_to_multiple(total, policy["multiple_of"], mode, scale)
    else:
        tariff = r(total)

    result = {
        "unit": unit,
        "tariff": tariff,
        "total": total,
        "lines": lines,
        "direct_cost": direct_cost,
        "annual_cost_per_fte": l_mix,
        "staff_annual_costs": staff_costs,
        "annual_hours": annual,
        "productive_hours": p,
        "productivity": div(p, annual),
        "professional_per_hour": professional_per_hour,
        "non_productive_per_hour": non_productive_per_hour,
        "cost_per_productive_hour": k,
        "hours_per_unit": h,
        "policy": policy,
    }
    if unit == "01":
        result["hourly_tariff"] = tariff
        result["tariff"] = minute_tariff(tariff)
    return result
