"""Tariffs (docs/cost-model.md): cost models, the reële-prijs build-up and the realism check, one
at a time or many rows at once.

The batch functions :func:`build_up_many` and :func:`check_tariffs` run in the C++ batch engine
with the GIL released. A table of overrides is handed over column by column as Arrow string
buffers when pyarrow is installed (no Python object per cell; a column Arrow cannot hold as text,
and every column without pyarrow, is read cell by cell). A row error with a DataFrame names the
row's index label as well as ``rows[i]``. Their result is a dict of columns (``decimal.Decimal``, ``str``, ``None``), a pandas
``DataFrame`` when an input is a pandas object, or with ``output="arrow"`` a ``pyarrow.Table``
whose amounts are ``decimal128(38, 18)`` columns filled in C++: no ``decimal.Decimal`` object is
made per cell. ``pyarrow`` is optional (``pip install zorginkoop[arrow]``); asking for Arrow
output without it raises :class:`ImportError`. A value outside ``decimal128(38, 18)`` (20 digits
before the point; ``Decimal`` holds up to about 3.4e20) is an :class:`~zorginkoop.Overflow` naming
``rows[i].<column>``, or that row's error with ``errors="collect"``.
"""

from __future__ import annotations

import decimal
import importlib
import inspect
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Literal, Union

from . import _core
from ._core import BuildUp, CostModel, Money, PlausibilityBands, Rate
from .enums import Lang, PriceBasis, Verdict, word
from .errors import MissingData, ZorginkoopError
from .report import Report, value_of

__all__ = [
    "ARROW_DECIMAL",
    "OutOfBand",
    "Output",
    "RealismCheck",
    "build_up_many",
    "check_tariff",
    "check_tariffs",
]

#: The Arrow type of every amount, rate and hour column: ``decimal128(38, 18)``, the library's own
#: representation (the value times 10^18 on a signed 128-bit integer), within 10^20.
ARROW_DECIMAL = (38, 18)

#: ``"python"`` (dict of lists or DataFrame) or ``"arrow"`` (``pyarrow.Table``).
Output = Literal["python", "arrow"]

_PathLike = Union[str, "os.PathLike[str]"]
_ModelLike = Union[CostModel, Mapping[str, Any], _PathLike]
_Number = Union[str, int, decimal.Decimal]
_Models = Union[Sequence[_ModelLike], _ModelLike, Any]  # also a numpy array or pandas Series
_Tariffs = Union[Sequence[Union[_Number, Money]], Any]
_Table = Union[Mapping[str, Sequence[Any]], Any, None]  # also a DataFrame
_Bands = Union[PlausibilityBands, Mapping[str, Any], _PathLike, None]


@dataclass(frozen=True)
class OutOfBand:
    """A parameter of the cost model outside its plausibility band (docs/cost-model.md): the
    band's ``parameter`` name, the ``path`` in the model, the ``value``, the band's ``min`` and
    ``max`` (None when open), its ``source`` and whether the band is ``confirmed`` by it.
    ``item["parameter"]`` reads a field too."""

    parameter: str
    path: str
    value: decimal.Decimal
    min: decimal.Decimal | None
    max: decimal.Decimal | None
    source: str
    confirmed: bool

    def __getitem__(self, name: str) -> Any:
        if name not in self.__dataclass_fields__:
            raise KeyError(name)
        return getattr(self, name)

    def __repr__(self) -> str:
        band = f"{'' if self.min is None else self.min}..{'' if self.max is None else self.max}"
        return f"OutOfBand({self.path!r}, value={str(self.value)!r}, band={band!r})"


@dataclass(frozen=True)
class RealismCheck:
    """The realism check of one tariff against the cost price its model builds up: the
    :class:`~zorginkoop.Verdict` on the :class:`~zorginkoop.PriceBasis`, the gap (tariff - cost
    price, in euros and percent), the elements not covered, the parameters outside their band, and
    the break-even values at which the tariff would cover the cost price (None when there is none).
    Compares by value; ``build_up`` (the full build-up) and the renderings come with it."""

    verdict: Verdict
    basis: PriceBasis
    tariff: Money
    cost_price: Money
    gap: Money
    gap_percent: decimal.Decimal
    uncovered_elements: list[str]
    out_of_band: list[OutOfBand]
    break_even_productivity: Rate | None
    break_even_overhead_rate: Rate | None
    break_even_salary_factor: decimal.Decimal | None
    break_even_monthly_salaries: list[Money]
    core: _core.RealismCheck = field(compare=False, repr=False)

    @classmethod
    def from_core(cls, core: _core.RealismCheck) -> RealismCheck:
        """The value of a ``_core.RealismCheck``."""
        return value_of(cls, core, verdict=Verdict(core.verdict), basis=PriceBasis(core.basis),
                        out_of_band=[OutOfBand(**x) for x in core.out_of_band])

    def __hash__(self) -> int:
        return hash((self.verdict, self.basis, self.tariff, self.cost_price, self.gap, self.gap_percent,
                     tuple(self.uncovered_elements), tuple(self.out_of_band)))

    @property
    def realistic(self) -> bool:
        """True when the verdict is realistic."""
        return self.verdict is Verdict.REALISTIC

    @property
    def build_up(self) -> BuildUp:
        """The build-up of the cost price (lines, hours, rounding)."""
        return self.core.build_up

    def to_json(self, lang: str = "nl") -> str:
        """The build-up and the check as JSON; the label of the statutory basis in ``"nl"``
        (default) or ``"en"``."""
        return self.core.to_json(lang)

    def to_text(self, lang: Union[Lang, str] = "nl") -> str:
        """The build-up and the check as text, in ``"nl"`` (default) or ``"en"``."""
        return self.core.to_text(word(Lang, lang, "lang"))

    def to_report(self) -> Report:
        """The verdict and the parameters outside their band as findings of a
        :class:`~zorginkoop.Report` (rules ``TARIFF-REALISM``, ``TARIFF-BAND``), rendered like the
        report of a procurement check (text, JSON, SARIF)."""
        return Report.from_core(self.core.to_report())

    def __repr__(self) -> str:
        return (f"RealismCheck({self.verdict.value!r}, basis={self.basis.value!r}, tariff=Money('{self.tariff}'), "
                f"cost_price=Money('{self.cost_price}'), gap=Money('{self.gap}'))")


def check_tariff(tariff: Money, model: _ModelLike, basis: Union[PriceBasis, str] = "floor", bands: _Bands = None) -> RealismCheck:
    """Check one tariff for realism against the cost price of ``model`` (a CostModel, a mapping
    in the cost-model format, or a path) on ``basis`` (``"floor"``, ``"fixed"`` or
    ``"substantiated"``), with the bundled plausibility bands or ``bands`` overriding them."""
    return RealismCheck.from_core(_core.check_tariff(tariff, model, word(PriceBasis, basis, "basis"), bands))


def _pyarrow() -> ModuleType:
    try:
        return importlib.import_module("pyarrow")
    except ImportError as e:
        raise ImportError(
            "output='arrow' needs pyarrow, which is not installed: pip install pyarrow "
            "(or zorginkoop[arrow])"
        ) from e


def _wants_arrow(output: str) -> bool:
    """True for ``"arrow"`` (pyarrow is then imported first, before any computation); ``_core``
    refuses any value but ``"python"`` and ``"arrow"`` with an InvalidInput."""
    if output == "arrow":
        _pyarrow()
        return True
    return False


def _arrow_table(raw: tuple[int, list[tuple[Any, ...]]]) -> Any:
    """The ``pyarrow.Table`` of the row count and raw column buffers ``_core`` returns for
    ``output="arrow"``: each column is (name, "decimal" | "text", null count, validity bitmap or
    None, buffers...), decimals as 16-byte little-endian two's-complement integers (the value
    times 10^18), text as int32 offsets and UTF-8 bytes."""
    pa = _pyarrow()
    rows, columns = raw
    decimal_type = pa.decimal128(*ARROW_DECIMAL)
    arrays = []
    names = []
    for name, kind, nulls, validity, *buffers in columns:
        valid = None if validity is None else pa.py_buffer(validity)
        if kind == "decimal":
            arrays.append(pa.Array.from_buffers(decimal_type, rows, [valid, pa.py_buffer(buffers[0])], null_count=nulls))
        else:
            offsets, data = buffers
            arrays.append(
                pa.Array.from_buffers(pa.string(), rows, [valid, pa.py_buffer(offsets), pa.py_buffer(data)], null_count=nulls)
            )
        names.append(name)
    return pa.table(arrays, names=names)


def _is_pandas(value: Any) -> bool:
    """A pandas DataFrame or Series (duck-typed: pandas is not imported unless it is in use)."""
    return hasattr(value, "iloc") and hasattr(value, "index")


def _is_frame(value: Any) -> bool:
    return _is_pandas(value) and hasattr(value, "columns")


_MODELS_EXPECTED = ("models: expected a sequence of cost models (CostModel, mapping or path), one per row, or one "
                    "base model with a table of overrides; got a DataFrame (a DataFrame is a table of overrides: pass "
                    "it as table= with a base model)")


def _plain(value: Any, what: str) -> Any:
    """A pandas input as ``_core`` reads it: a Series as an object array of its cells, a
    DataFrame ``table`` as a mapping of column name -> object array. A DataFrame given for
    ``models`` or ``tariffs`` is a TypeError; anything else is passed on as it is."""
    if value is None or not _is_pandas(value):
        return value
    if _is_frame(value):
        if what == "table":
            return {name: column.to_numpy(dtype=object) for name, column in value.items()}
        if what == "models":
            raise TypeError(_MODELS_EXPECTED)
        raise TypeError(f"{what}: expected a sequence of tariffs, one per row (str, int, decimal.Decimal or Money; a "
                        "list, tuple, numpy integer array or pandas Series); got DataFrame")
    return value.to_numpy(dtype=object)


def _result(columns: dict[str, list[Any]], inputs: tuple[Any, ...]) -> Any:
    """The dict of columns, or a DataFrame with the index of the first pandas input."""
    for value in inputs:
        if value is not None and _is_pandas(value):
            pandas = importlib.import_module("pandas")
            return pandas.DataFrame(columns, index=value.index)
    return columns


_FLOAT_HINT = ("Python float is binary floating point and cannot hold decimal amounts, rates or hours exactly; pass "
               "str, int or decimal.Decimal values, or from_float=2 to round each float to 2 decimals (half even, "
               "from its shortest repr)")


def _kind(values: Any) -> str:
    """The numpy dtype kind of a column ('f' float, 'i'/'u' integer, 'b' bool, 'O' object...), or
    '' for a plain sequence."""
    dtype = getattr(values, "dtype", None)
    return getattr(dtype, "kind", "") if dtype is not None else ""


def _floats_rounded(name: str, values: Any, digits: int) -> list[str | None]:
    """A float column as text: each float by its shortest repr, rounded half even to ``digits``
    decimals (NaN: no value; Infinity is left for the row's error)."""
    step = decimal.Decimal(1).scaleb(-digits)
    out: list[str | None] = []
    for x in values:
        if x is None or (isinstance(x, float) and x != x):
            out.append(None)
            continue
        if not isinstance(x, float) and _kind(x) not in ("f", "c"):
            out.append(x if isinstance(x, str) else str(x))  # str, int, Decimal: as they are
            continue
        d = decimal.Decimal(repr(float(x)))
        out.append(str(d.quantize(step, rounding=decimal.ROUND_HALF_EVEN)) if d.is_finite() else repr(float(x)))
    return out


def _arrow_text(pa: ModuleType, name: str, array: Any, quoted: bool, canonical: bool) -> tuple[Any, ...]:
    """An Arrow array as a string column for ``_core``: ("arrow", name, length, offset, nulls,
    validity, offsets, data, quoted, canonical, round_digits)."""
    if not pa.types.is_string(array.type):
        array = array.cast(pa.string())
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks() if array.num_chunks else pa.array([], type=pa.string())
    validity, offsets, data = array.buffers()
    if offsets is None:
        offsets = pa.py_buffer(b"\0\0\0\0")
    return ("arrow", name, len(array), array.offset, array.null_count, validity, offsets,
            data if data is not None else pa.py_buffer(b""), quoted, canonical, -1)


def _column(pa: ModuleType | None, name: str, values: Any, from_float: int | None, collect: bool,
            rounded: list[str]) -> tuple[Any, ...]:
    """One table column for ``_core``: Arrow string buffers when pyarrow can hold the column as text
    (no Python object per cell), else its cells."""
    kind = _kind(values)
    if from_float is not None and kind in ("", "O") and any(isinstance(x, float) for x in values):
        kind = "f"  # a sequence with float cells: read with from_float like a float column
    if kind in ("f", "c"):
        if from_float is None:
            if collect:  # each row gets the error, as a float cell does
                return ("cells", name, _cells(values))
            raise TypeError(f"table['{name}']: a {getattr(values, 'dtype', 'float')} column; {_FLOAT_HINT}")
        rounded.append(name)
        values = _floats_rounded(name, values, from_float)
        kind = ""
    if pa is None or kind == "b" or isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        return ("cells", name, _cells(values))
    try:
        if kind in ("i", "u"):
            return _arrow_text(pa, name, pa.array(values), False, False)
        return _arrow_text(pa, name, pa.array(values, type=pa.string(), from_pandas=True), True, False)
    except (pa.ArrowException, TypeError, ValueError):
        pass
    # decimal.Decimal (or int) cells: Arrow's decimal type; anything else is read cell by cell.
    if not all(x is None or type(x) in (decimal.Decimal, int) for x in values):
        return ("cells", name, _cells(values))
    try:
        array = pa.array(values, from_pandas=True)
    except (pa.ArrowException, TypeError, ValueError):
        return ("cells", name, _cells(values))
    if pa.types.is_decimal(array.type):
        return _arrow_text(pa, name, array, False, True)
    if pa.types.is_integer(array.type):
        return _arrow_text(pa, name, array, False, False)
    return ("cells", name, _cells(values))


def _cells(values: Any) -> Any:
    """A column as the cell route reads it: a pandas Series as an object array of its cells."""
    return values.to_numpy(dtype=object) if _is_pandas(values) else values


def _table_columns(table: Any, from_float: int | None, collect: bool, rounded: list[str]) -> list[tuple[Any, ...]]:
    """The columns of a table of overrides (mapping or DataFrame) as ``_core`` reads them."""
    if not (_is_frame(table) or isinstance(table, Mapping) or (hasattr(table, "keys") and hasattr(table, "items"))):
        raise TypeError("table: expected a mapping of column (a dotted path in the cost model) to values, or a "
                        f"pandas DataFrame; got {type(table).__name__}")
    if from_float is not None and (isinstance(from_float, bool) or not isinstance(from_float, int)
                                   or not 0 <= from_float <= 18):
        raise ValueError(f"from_float: expected the number of decimals to round floats to (0 to 18), got {from_float!r}")
    try:
        pa: ModuleType | None = importlib.import_module("pyarrow")
    except ImportError:
        pa = None
    columns = []
    for name, values in table.items():
        if not isinstance(name, str):
            raise TypeError("table: column names must be dotted paths in the cost model (str), got "
                            f"{type(name).__name__}")
        columns.append(_column(pa, name, values, from_float, collect, rounded))
    return columns


class BatchColumns(dict):  # type: ignore[type-arg]
    """The dict of columns of a batch, with ``attrs`` saying how it was made (floats read with
    ``from_float``, lossy float columns), as ``DataFrame.attrs`` does."""

    attrs: dict[str, Any]


def _meta(rounded: list[str], from_float: int | None, lossy: list[str]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if rounded:
        meta["from_float"] = {"columns": rounded, "digits": from_float, "rounding": "half_even",
                              "read_as": "the float's shortest repr, then rounded"}
    if lossy:
        meta["lossy_float_columns"] = lossy
    return meta


def _float_columns(columns: dict[str, list[Any]]) -> list[str]:
    """Adds ``<name>_float_lossy`` (Python float, for display only) after every decimal column."""
    lossy = []
    for name in [n for n, v in columns.items() if any(isinstance(x, decimal.Decimal) for x in v)]:
        columns[f"{name}_float_lossy"] = [None if x is None else float(x) for x in columns[name]]
        lossy.append(f"{name}_float_lossy")
    return lossy


def _index_of(inputs: tuple[Any, ...]) -> Any:
    for value in inputs:
        if value is not None and _is_pandas(value):
            return value.index
    return None


def _labelled(error: Exception, index: Any) -> Exception:
    """A row's error with the pandas index label of its row in the text (``label`` attribute)."""
    path = getattr(error, "path", "")
    if index is None or not path.startswith("rows["):
        return error
    try:
        row = int(path[5:path.index("]")])
        label = index[row]
    except (ValueError, IndexError):
        return error
    kwargs: dict[str, Any] = {"message": error.message, "path": path, "line": error.line,  # type: ignore[attr-defined]
                              "column": error.column, "source": error.source}  # type: ignore[attr-defined]
    if isinstance(error, MissingData):
        kwargs.update(series=error.series, year=error.year, status=error.status)
    labelled = type(error)(f"{error} (index label {label!r})", **kwargs)
    labelled.label = label  # type: ignore[attr-defined]
    return labelled


def _progress(progress: Any, rows: int) -> tuple[Any, Any]:
    """The callback for ``_core`` and what closes it: a callable as given, or with True a tqdm bar
    when tqdm is installed (nothing otherwise)."""
    if progress is None or progress is False:
        return None, None
    if progress is True:
        try:
            tqdm = importlib.import_module("tqdm").tqdm
        except ImportError:
            return None, None
        bar = tqdm(total=rows, unit="row")
        return (lambda done, total: bar.update(done - bar.n)), bar.close
    if not callable(progress):
        raise TypeError(f"progress: expected a callable(done, total), True or None; got {type(progress).__name__}")
    return progress, None


def _rows(value: Any) -> int:
    try:
        return len(value)
    except TypeError:
        return 0


def _finish(raw: Any, arrow: bool, inputs: tuple[Any, ...], meta: dict[str, Any], as_float: bool) -> Any:
    index = _index_of(inputs)
    if arrow:
        pa = _pyarrow()
        table = _arrow_table(raw)
        if as_float:
            lossy = []
            for name, column in zip(list(table.column_names), list(table.columns)):
                if pa.types.is_decimal(column.type):
                    table = table.append_column(f"{name}_float_lossy", column.cast(pa.float64()))
                    lossy.append(f"{name}_float_lossy")
            meta = dict(meta, lossy_float_columns=lossy)
        if index is not None:
            pandas = importlib.import_module("pandas")
            keyed = pa.Table.from_pandas(pandas.DataFrame(index=index, columns=pandas.Index([], dtype=object)))
            for name, column in zip(table.column_names, table.columns):
                keyed = keyed.append_column(name, column)
            table = keyed
        if meta:
            import json
            table = table.replace_schema_metadata(dict(table.schema.metadata or {}, zorginkoop=json.dumps(meta)))
        return table
    if as_float:
        meta = dict(meta, lossy_float_columns=_float_columns(raw))
    if index is not None:
        pandas = importlib.import_module("pandas")
        frame = pandas.DataFrame(raw, index=index)
        if meta:
            frame.attrs["zorginkoop"] = meta
        return frame
    if meta:
        out = BatchColumns(raw)
        out.attrs = {"zorginkoop": meta}
        return out
    return raw


def _call(fn: Any, inputs: tuple[Any, ...], *args: Any, progress: Any, rows: int, **kwargs: Any) -> Any:
    callback, close = _progress(progress, rows)
    try:
        return fn(*args, progress=callback, **kwargs)
    except ZorginkoopError as e:
        labelled = _labelled(e, _index_of(inputs))
        if labelled is e:
            raise
        raise labelled from e
    finally:
        if close is not None:
            close()


def build_up_many(models: _Models, table: _Table = None, errors: str = "raise", output: Output = "python", *,
                  columns: Sequence[str] | None = None, from_float: int | None = None, as_float: bool = False,
                  progress: Any = None) -> Any:
    """Build up many cost models at once (the computation runs in C++ with the GIL released).

    Parameters
    ----------
    models
        Without ``table``: a sequence of cost models, one per row (each a CostModel, a mapping in the
        cost-model format, or a path to a YAML/JSON file; a list, tuple, numpy object array or pandas
        Series). A single model, a path or a DataFrame given here is a TypeError.
        With ``table``: one base model (CostModel, mapping or path).
    table
        Overrides of the base model, one row per result row: a mapping of column -> sequence of values
        (list, tuple, numpy array) or a pandas DataFrame. Each column name is a dotted path in the
        cost model (docs/cost-model.md), with ``[i]`` for list items: ``name``, ``law``, ``unit``;
        ``staff[i].function|monthly_salary|share|holiday_pay|year_end_bonus|irregular_hours|
        other_allowances|employer_charges``, ``staff[i].cao.name|scale|step|scale_amount``;
        ``hours.annual_hours|hours_per_week|weeks_per_year|leave_hours|public_holiday_hours|
        training_hours|meeting_hours|sickness|indirect|productivity``;
        ``travel.per_hour|km_per_hour|rate_per_km|per_unit``;
        ``training.share_of_personnel|per_fte_year|per_unit``;
        ``municipal_obligations.per_hour|hours_per_unit|per_unit``;
        ``client_bound_other.per_unit|per_bed_year|occupancy``; ``overhead.rate|convention``;
        ``risk_margin.rate``; ``indexation.clause|rate``;
        ``delivery.staff_hours_per_unit|staff_per_group|group_size|occupancy``;
        ``rounding.mode|scale|multiple_of``. Items ``[i]`` must exist in the base model. Values are
        str, int (numpy integers included), decimal.Decimal or bool; float (numpy floats included) is
        a TypeError, and None/NaN is an error of that row.
    errors
        ``"raise"`` (default): the first bad row raises its error (path ``rows[i]...``).
        ``"collect"``: a bad row (unreadable model, missing or float cell, Overflow in the
        computation) gets None in every column and its message in the ``error`` column.
    output
        ``"python"`` (default): decimal.Decimal, str and None cells, as described under Returns.
        ``"arrow"``: a ``pyarrow.Table`` with the same columns, amounts, rates and hours as
        ``decimal128(38, 18)`` and text as ``string`` (null where a value is None), filled in C++
        without a Python object per cell. A value outside decimal128(38, 18) (more than 20 digits
        before the point) is an Overflow naming ``rows[i].<column>`` (with ``errors="collect"``: that
        row's error). Needs pyarrow (``pip install zorginkoop[arrow]``); without it, ImportError.

    columns
        The result columns to make (default: all); naming only those needed saves building a
        ``decimal.Decimal`` per cell of the others. An unknown name is an InvalidInput.
    from_float
        Float columns of ``table`` (Excel's float64) are refused with one TypeError naming the
        column; ``from_float=2`` reads each float by its shortest repr (``repr(0.1)`` is ``0.1``) and
        rounds it half even to 2 decimals, and the result's metadata says so (``attrs["zorginkoop"]
        ["from_float"]``; Arrow: the schema metadata ``zorginkoop``). With ``errors="collect"`` and
        no ``from_float`` each row of a float column gets the float error, as a float cell does.
    as_float
        Also return ``<name>_float_lossy`` columns (binary float, for display only) after every
        decimal column, named in the metadata under ``lossy_float_columns``.
    progress
        A callable ``(rows done, rows in all)`` called every 4096 rows and at the end (an exception
        it raises stops the batch), or True for a ``tqdm`` bar when tqdm is installed.

    Returns
    -------
    A dict of equal-length lists, or a pandas DataFrame (with the index of the input) when ``table``
    or ``models`` is a pandas object. Columns: ``tariff`` (Decimal at the model's rounding scale,
    Decimal("54.30")), ``total`` (unrounded, at least cents), ``cost_per_productive_hour`` (K),
    ``productivity`` (fraction), ``hours_per_unit`` (h), ``uncovered_elements`` (str of element
    letters), and with ``errors="collect"`` ``error`` (None or the row's message).
    """
    arrow = _wants_arrow(output)
    rounded: list[str] = []
    if table is None:
        cols = None
        base = _plain(models, "models")
        rows = _rows(base)
    else:
        if _is_frame(models):
            raise TypeError(_MODELS_EXPECTED)
        cols = _table_columns(table, from_float, errors == "collect", rounded)
        base = models
        rows = _rows(table[next(iter(table.keys()))]) if len(table) else 0
    raw = _call(_core.batch_build_up, (table, models), base, cols, errors, output,
                columns_out=None if columns is None else list(columns), progress=progress, rows=rows)
    return _finish(raw, arrow, (table, models), _meta(rounded, from_float, []), as_float)


def check_tariffs(tariffs: _Tariffs, models: _Models, table: _Table = None, basis: Union[PriceBasis, str, Any] = "floor",
                  bands: _Bands = None, errors: str = "raise", output: Output = "python", *,
                  columns: Sequence[str] | None = None, from_float: int | None = None, as_float: bool = False,
                  progress: Any = None) -> Any:
    """Check many tariffs for realism at once (in C++, with the GIL released).

    Parameters
    ----------
    tariffs
        One tariff per row: a sequence (list, tuple, numpy integer array, pandas Series) of str, int,
        decimal.Decimal or Money. A single value is a TypeError; float (numpy floats included) is a
        TypeError; None/NaN is an error of that row.
    models
        One cost model for every row (CostModel, mapping or path), a sequence of models (one per
        row), or with ``table`` the base model. See ``build_up_many`` for the sequence and for the
        override paths a table may use.
    table
        Overrides of the base model, one row per tariff (mapping of column -> values, or DataFrame).
    basis
        ``"floor"`` (default), ``"fixed"`` or ``"substantiated"`` (docs/cost-model.md), or one per
        row (a sequence or Series of them; a bad one is an InvalidInput naming ``basis[i]``).
    bands
        Plausibility bands: None (the bundled bands), PlausibilityBands, a mapping or a path; a
        mapping or path overrides the bundled bands parameter by parameter.
    errors
        ``"raise"`` (default) or ``"collect"``: a bad row (bad or missing tariff, unreadable model,
        missing or float cell, Overflow in the computation) gets None in every column and its message
        in the ``error`` column.
    output
        ``"python"`` (default) or ``"arrow"`` (a ``pyarrow.Table``), as for ``build_up_many``.

    columns
        The result columns to make (default: all); naming only those needed saves building a
        ``decimal.Decimal`` per cell of the others. An unknown name is an InvalidInput.
    from_float
        Float columns of ``table`` (Excel's float64) are refused with one TypeError naming the
        column; ``from_float=2`` reads each float by its shortest repr (``repr(0.1)`` is ``0.1``) and
        rounds it half even to 2 decimals, and the result's metadata says so (``attrs["zorginkoop"]
        ["from_float"]``; Arrow: the schema metadata ``zorginkoop``). With ``errors="collect"`` and
        no ``from_float`` each row of a float column gets the float error, as a float cell does.
    as_float
        Also return ``<name>_float_lossy`` columns (binary float, for display only) after every
        decimal column, named in the metadata under ``lossy_float_columns``.
    progress
        A callable ``(rows done, rows in all)`` called every 4096 rows and at the end (an exception
        it raises stops the batch), or True for a ``tqdm`` bar when tqdm is installed.

    Returns
    -------
    A dict of equal-length lists, or a pandas DataFrame (with the index of the input) when ``table``,
    ``models`` or ``tariffs`` is a pandas object. Columns: ``verdict`` (realistic, below_cost,
    implausible, elements_missing), ``cost_price`` (Decimal at the model's rounding scale), ``gap``
    (tariff - cost price, at least cents), ``gap_percent``, ``uncovered_elements`` (str of element
    letters), ``out_of_band`` (comma-separated paths of parameters outside their band),
    ``break_even_productivity``, ``break_even_overhead_rate``, ``break_even_salary_factor`` (Decimal
    or None), and with ``errors="collect"`` ``error`` (None or the row's message).
    """
    arrow = _wants_arrow(output)
    rounded: list[str] = []
    plain_tariffs = _plain(tariffs, "tariffs")
    plain_models = _plain(models, "models")
    cols = None if table is None else _table_columns(table, from_float, errors == "collect", rounded)
    if isinstance(basis, str):
        bases: Any = str(basis)
    else:
        bases = [None if b is None else str(b) if isinstance(b, (str, PriceBasis)) else b
                 for b in _plain(basis, "basis")]
    raw = _call(_core.batch_check_tariffs, (table, models, tariffs), plain_tariffs,
                plain_models, cols, bases, bands, errors, output,
                columns_out=None if columns is None else list(columns), progress=progress, rows=_rows(plain_tariffs))
    return _finish(raw, arrow, (table, models, tariffs), _meta(rounded, from_float, []), as_float)


# Numpy-style sections start at the left margin, as in the C++ functions' docstrings (Python 3.13
# does this itself).
for _fn in (build_up_many, check_tariffs):
    _fn.__doc__ = inspect.cleandoc(_fn.__doc__ or "")
